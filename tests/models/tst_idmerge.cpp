// SPDX-License-Identifier: MIT
#include "idmerge.h"

#include <QRandomGenerator>
#include <QTest>

// Replays the steps IdMerge::apply reports on a plain list, the way a model applies them to its
// rows, and counts them.
struct Replay {
    QStringList rows;
    int removeCalls = 0;
    int removedRows = 0;
    int moves = 0;
    int insertCalls = 0;
    int insertedRows = 0;
    QList<qsizetype> updated;

    void run(const QStringList& target)
    {
        IdMerge::apply(
            rows, target,
            [this](qsizetype first, qsizetype last) {
                QVERIFY(first >= 0 && first <= last && last < rows.size());
                rows.remove(first, last - first + 1);
                ++removeCalls;
                removedRows += int(last - first + 1);
            },
            [this](qsizetype from, qsizetype to) {
                QVERIFY(from != to);
                QVERIFY(from >= 0 && from < rows.size() && to >= 0 && to < rows.size());
                rows.move(from, to);
                ++moves;
            },
            [this, &target](qsizetype first, qsizetype last) {
                QVERIFY(first >= 0 && first <= last && first <= rows.size());
                for (qsizetype i = first; i <= last; ++i)
                    rows.insert(i, target.at(i));
                ++insertCalls;
                insertedRows += int(last - first + 1);
            },
            [this, &target](qsizetype row) {
                QCOMPARE(rows.at(row), target.at(row));
                updated.append(row);
            });
    }
};

static QStringList ids(const char* letters)
{
    QStringList out;
    for (const char* c = letters; *c; ++c)
        out.append(QString(QLatin1Char(*c)));
    return out;
}

class TestIdMerge final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void steps_data()
    {
        QTest::addColumn<QStringList>("from");
        QTest::addColumn<QStringList>("to");
        QTest::addColumn<int>("removeCalls");
        QTest::addColumn<int>("moves");
        QTest::addColumn<int>("insertCalls");
        QTest::addColumn<int>("updates");

        QTest::newRow("same") << ids("abcd") << ids("abcd") << 0 << 0 << 0 << 4;
        QTest::newRow("empty to some") << ids("") << ids("abc") << 0 << 0 << 1 << 0;
        QTest::newRow("some to empty") << ids("abc") << ids("") << 1 << 0 << 0 << 0;
        QTest::newRow("last to front") << ids("abcde") << ids("eabcd") << 0 << 1 << 0 << 5;
        QTest::newRow("first to back") << ids("abcde") << ids("bcdea") << 0 << 1 << 0 << 5;
        QTest::newRow("swap ends") << ids("abcde") << ids("ebcda") << 0 << 2 << 0 << 5;
        QTest::newRow("reverse") << ids("abcde") << ids("edcba") << 0 << 4 << 0 << 5;
        QTest::newRow("remove runs") << ids("abcdefg") << ids("adg") << 2 << 0 << 0 << 3;
        QTest::newRow("insert runs") << ids("adg") << ids("abcdefg") << 0 << 0 << 2 << 3;
        QTest::newRow("all at once") << ids("abcdef") << ids("fxbyd") << 3 << 1 << 2 << 3;
        QTest::newRow("replace all") << ids("abc") << ids("xyz") << 1 << 0 << 1 << 0;
    }

    void steps()
    {
        QFETCH(QStringList, from);
        QFETCH(QStringList, to);
        QFETCH(int, removeCalls);
        QFETCH(int, moves);
        QFETCH(int, insertCalls);
        QFETCH(int, updates);

        Replay replay { from };
        replay.run(to);
        QCOMPARE(replay.rows, to);
        QCOMPARE(replay.removeCalls, removeCalls);
        QCOMPARE(replay.moves, moves);
        QCOMPARE(replay.insertCalls, insertCalls);
        QCOMPARE(replay.updated.size(), updates);
    }

    // Any mix of kept, dropped, new and shuffled ids ends in the target order, with no more
    // moves than rows that are not on a longest run already in order.
    void randomMerges()
    {
        QRandomGenerator random(20250101);
        for (int round = 0; round < 500; ++round) {
            QStringList pool;
            const int size = int(random.bounded(0, 30));
            for (int i = 0; i < size; ++i)
                pool.append(QStringLiteral("id%1").arg(i));
            QStringList from;
            QStringList to;
            for (const QString& id : std::as_const(pool)) {
                const int fate = int(random.bounded(4));
                if (fate != 0)
                    from.append(id);
                if (fate != 1)
                    to.append(id);
            }
            for (qsizetype i = to.size() - 1; i > 0; --i) // shuffle
                to.swapItemsAt(i, random.bounded(i + 1));

            Replay replay { from };
            replay.run(to);
            QCOMPARE(replay.rows, to);

            qsizetype kept = 0;
            for (const QString& id : std::as_const(to))
                kept += from.contains(id) ? 1 : 0;
            QCOMPARE(replay.insertedRows, int(to.size() - kept));
            QCOMPARE(replay.removedRows, int(from.size() - kept));
            QCOMPARE(replay.updated.size(), kept);
            QVERIFY(replay.moves <= kept);
        }
    }

    void longestIncreasing()
    {
        const QList<qsizetype> seq { 3, 1, 4, 1, 5, 9, 2, 6 };
        const QList<qsizetype> run = IdMerge::longestIncreasing(seq);
        QCOMPARE(run.size(), 4); // 1 4 5 9, or 1 4 5 6, ...
        for (qsizetype i = 1; i < run.size(); ++i) {
            QVERIFY(run.at(i - 1) < run.at(i));
            QVERIFY(seq.at(run.at(i - 1)) < seq.at(run.at(i)));
        }
        QVERIFY(IdMerge::longestIncreasing({}).isEmpty());
    }

    void uniqueKeepsTheFirst()
    {
        struct Item {
            QString id;
            int n;
        };
        const QList<Item> items { { QStringLiteral("a"), 1 }, { QStringLiteral("b"), 2 },
            { QStringLiteral("a"), 3 } };
        const QList<Item> unique = IdMerge::uniqueById(items);
        QCOMPARE(unique.size(), 2);
        QCOMPARE(unique.at(0).n, 1);
        QCOMPARE(IdMerge::idsOf(unique), ids("ab"));
    }
};

QTEST_GUILESS_MAIN(TestIdMerge)
#include "tst_idmerge.moc"
