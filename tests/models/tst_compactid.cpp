// SPDX-License-Identifier: MIT
#include "compactid.h"

#include <QSet>
#include <QTest>

#include <algorithm>

class TestCompactId : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void uuidIsPackedAndComesBack_data();
    void uuidIsPackedAndComesBack();
    void otherTextIsKeptAsIs_data();
    void otherTextIsKeptAsIs();
    void equalExactlyWhenTextsAre();
    void ordersAsTheTextsDo();
    void hashAgreesWithEquality();
};

void TestCompactId::uuidIsPackedAndComesBack_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("api id") << QStringLiteral("01890e5c-2d1a-4f3e-9b7a-0c5d6e7f8a9b");
    QTest::newRow("zeros") << QStringLiteral("00000000-0000-0000-0000-000000000000");
    QTest::newRow("all f") << QStringLiteral("ffffffff-ffff-ffff-ffff-ffffffffffff");
}

void TestCompactId::uuidIsPackedAndComesBack()
{
    QFETCH(QString, text);
    const CompactId id(text);
    QVERIFY(id.isPacked());
    QVERIFY(!id.isEmpty());
    QCOMPARE(id.toString(), text);
}

void TestCompactId::otherTextIsKeptAsIs_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("made up") << QStringLiteral("q1");
    QTest::newRow("upper case") << QStringLiteral("01890E5C-2D1A-4F3E-9B7A-0C5D6E7F8A9B");
    QTest::newRow("braces") << QStringLiteral("{01890e5c-2d1a-4f3e-9b7a-0c5d6e7f8a9b}");
    QTest::newRow("dash moved") << QStringLiteral("01890e5c2-d1a-4f3e-9b7a-0c5d6e7f8a9b");
    QTest::newRow("not hex") << QStringLiteral("01890e5c-2d1a-4f3e-9b7a-0c5d6e7f8a9g");
    QTest::newRow("group") << QStringLiteral("01890e5c-2d1a-4f3e-9b7a-0c5d6e7f8a9b/queues");
}

void TestCompactId::otherTextIsKeptAsIs()
{
    QFETCH(QString, text);
    const CompactId id(text);
    QVERIFY(!id.isPacked());
    QCOMPARE(id.isEmpty(), text.isEmpty());
    QCOMPARE(id.toString(), text);
}

void TestCompactId::equalExactlyWhenTextsAre()
{
    const QString a = QStringLiteral("01890e5c-2d1a-4f3e-9b7a-0c5d6e7f8a9b");
    const QString b = QStringLiteral("01890e5c-2d1a-4f3e-9b7a-0c5d6e7f8a9c");
    QCOMPARE(CompactId(a), CompactId(QString(a))); // another copy of the same text
    QVERIFY(CompactId(a) != CompactId(b));
    QVERIFY(CompactId(a) != CompactId(a.toUpper()));
    QVERIFY(CompactId(QStringLiteral("q1")) != CompactId(QStringLiteral("q2")));
    QCOMPARE(CompactId(), CompactId(QString()));
}

void TestCompactId::ordersAsTheTextsDo()
{
    const QStringList texts { QStringLiteral("f0000000-0000-0000-0000-000000000000"),
        QStringLiteral("00000000-0000-0000-0000-000000000001"),
        QStringLiteral("00000000-0000-0000-0001-000000000000"),
        QStringLiteral("0000000a-0000-0000-0000-000000000000"),
        QStringLiteral("00000009-ffff-ffff-ffff-ffffffffffff"), QStringLiteral("q1"),
        QStringLiteral("1"), QStringLiteral("ABC") };
    QStringList sortedTexts = texts;
    std::sort(sortedTexts.begin(), sortedTexts.end());
    QList<CompactId> ids;
    for (const QString& text : texts)
        ids.append(CompactId(text));
    std::sort(ids.begin(), ids.end());
    QStringList sortedIds;
    for (const CompactId& id : std::as_const(ids))
        sortedIds.append(id.toString());
    QCOMPARE(sortedIds, sortedTexts);
}

void TestCompactId::hashAgreesWithEquality()
{
    const QString a = QStringLiteral("01890e5c-2d1a-4f3e-9b7a-0c5d6e7f8a9b");
    QCOMPARE(qHash(CompactId(a), 7), qHash(CompactId(QString(a)), 7));
    QSet<CompactId> set;
    set.insert(CompactId(a));
    set.insert(CompactId(QStringLiteral("q1")));
    QVERIFY(set.contains(CompactId(QString(a))));
    QVERIFY(set.contains(CompactId(QStringLiteral("q1"))));
    QVERIFY(!set.contains(CompactId(a.toUpper())));
    QCOMPARE(set.size(), 2);
}

QTEST_GUILESS_MAIN(TestCompactId)
#include "tst_compactid.moc"
