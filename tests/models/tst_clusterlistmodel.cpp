// SPDX-License-Identifier: MIT
#include "clusterlistmodel.h"
#include "modeltesthelpers.h"

#include <QAbstractItemModelTester>

using M = ClusterListModel;
using namespace TestData;

// Every test that touches a model runs it under the tester for the whole test.
#define TESTED_MODEL(model)                                                                        \
    ClusterListModel model;                                                                        \
    QAbstractItemModelTester model##Tester(                                                        \
        &model, QAbstractItemModelTester::FailureReportingMode::QtTest)

namespace {

QList<Cluster> abc()
{
    return { cluster(QStringLiteral("a"), QStringLiteral("Alpha")),
        cluster(QStringLiteral("b"), QStringLiteral("Bravo")),
        cluster(QStringLiteral("c"), QStringLiteral("Charlie")) };
}

QStringList rowIds(const QAbstractItemModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(M::IdRole).toString());
    return ids;
}

QList<int> roles(std::initializer_list<int> list) { return sortedRoles(QList<int>(list)); }

} // namespace

class TestClusterListModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void columnsAndRoles()
    {
        TESTED_MODEL(model);
        Cluster c = cluster(QStringLiteral("a"), QStringLiteral("Alpha"),
            { { QStringLiteral("default_queue_id"), QStringLiteral("q1") } });
        model.setItems({ c });
        QCOMPARE(model.columnCount(), int(M::ColumnCount));
        QCOMPARE(model.headerData(M::DefaultQueue, Qt::Horizontal).toString(),
            QStringLiteral("Default queue"));
        auto cell = [&model](int column, int role = Qt::DisplayRole) {
            return model.index(0, column).data(role);
        };
        QCOMPARE(cell(M::Name).toString(), QStringLiteral("Alpha"));
        QCOMPARE(cell(M::Description).toString(), QStringLiteral("About Alpha"));
        QCOMPARE(cell(M::Emoji).toString(), QStringLiteral(":rocket:"));
        QCOMPARE(cell(M::Color).toString(), QStringLiteral("#A4E3F5"));
        QCOMPARE(cell(M::DefaultQueue).toString(), QStringLiteral("q1"));
        QCOMPARE(cell(M::Id).toString(), QStringLiteral("a"));
        QCOMPARE(cell(M::CreatedAt, M::SortRole).toDateTime(), c.createdAt);
        QCOMPARE(cell(M::CreatedAt).toDateTime(), c.createdAt);
        QCOMPARE(cell(M::Name, Qt::ToolTipRole).toString(), QStringLiteral("Alpha\nAbout Alpha"));
        // Row roles answer on every column.
        for (int column = 0; column < M::ColumnCount; ++column) {
            QCOMPARE(cell(column, M::IdRole).toString(), QStringLiteral("a"));
            QCOMPARE(cell(column, M::ClusterRole).value<Cluster>(), c);
            QCOMPARE(
                cell(column, M::SearchTextRole).toString(), QStringLiteral("Alpha About Alpha a"));
        }
        QCOMPARE(model.indexForId(QStringLiteral("a"), M::Color), model.index(0, M::Color));
        QCOMPARE(model.item(QStringLiteral("a")).value_or(Cluster {}), c);
        QVERIFY(!model.item(QStringLiteral("zzz")));
        QCOMPARE(model.rowForId(QStringLiteral("zzz")), -1);
        QVERIFY(model.index(0, 0).flags() & Qt::ItemNeverHasChildren);
        QCOMPARE(model.roleNames().value(M::ClusterRole), QByteArray("clusterValue"));
    }

    void firstFillIsOneInsertion()
    {
        TESTED_MODEL(model);
        ModelSpies spies(&model);
        model.setItems(abc());
        QCOMPARE(spies.total(), 1);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 0);
        QCOMPARE(spies.inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(rowIds(model),
            (QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
    }

    void identicalItemsEmitNothing()
    {
        TESTED_MODEL(model);
        model.setItems(abc());
        ModelSpies spies(&model);
        model.setItems(abc());
        model.upsert(abc().at(1));
        QCOMPARE(spies.total(), 0);
    }

    void reorderingMovesRows()
    {
        TESTED_MODEL(model);
        model.setItems(abc());
        const QPersistentModelIndex a(model.index(0, M::Description));
        ModelSpies spies(&model);
        const QList<Cluster> items = abc();
        model.setItems({ items.at(2), items.at(0), items.at(1) });
        QCOMPARE(spies.moved.size(), 1);
        QCOMPARE(spies.total(), 1);
        QCOMPARE(rowIds(model),
            (QStringList { QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b") }));
        QCOMPARE(a.row(), 1);
        QCOMPARE(a.column(), int(M::Description));
        QCOMPARE(a.data().toString(), QStringLiteral("About Alpha"));
        QCOMPARE(model.rowForId(QStringLiteral("b")), 2);
    }

    void insertionsAndRemovalsInPlace()
    {
        TESTED_MODEL(model);
        model.setItems(abc());
        const QPersistentModelIndex c(model.index(2, 0));
        ModelSpies spies(&model);
        const QList<Cluster> items = abc();
        const Cluster d = cluster(QStringLiteral("d"), QStringLiteral("Delta"));
        model.setItems({ items.at(0), d, items.at(2) });
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(spies.removed.at(0).at(1).toInt(), 1);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(spies.moved.size() + spies.changed.size() + spies.reset.size(), 0);
        QCOMPARE(c.row(), 2);
        QCOMPARE(c.data(M::IdRole).toString(), QStringLiteral("c"));

        spies.clear();
        model.setItems({});
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!c.isValid());
    }

    void aChangedNameReportsExactCellsAndRoles()
    {
        TESTED_MODEL(model);
        model.setItems(abc());
        ModelSpies spies(&model);
        QList<Cluster> items = abc();
        items[1].name = QStringLiteral("Bravo!");
        model.setItems(items);
        // One signal per run of columns that changed the same way.
        QCOMPARE(spies.changed.size(), 3);
        QCOMPARE(spies.rolesFor(model.index(1, M::Name)),
            roles({ Qt::DisplayRole, Qt::ToolTipRole, M::SortRole, M::SearchTextRole,
                M::ClusterRole }));
        QCOMPARE(spies.rolesFor(model.index(1, M::Description)),
            roles({ Qt::ToolTipRole, M::SearchTextRole, M::ClusterRole }));
        for (int column = M::Emoji; column < M::ColumnCount; ++column) {
            QCOMPARE(spies.rolesFor(model.index(1, column)),
                roles({ M::SearchTextRole, M::ClusterRole }));
            QCOMPARE(spies.changesOf(model.index(1, column)), 1);
        }
        QCOMPARE(spies.changesOf(model.index(0, M::Name)), 0);
        QCOMPARE(spies.changesOf(model.index(2, M::Name)), 0);
    }

    void aChangedColourTouchesItsColumn()
    {
        TESTED_MODEL(model);
        model.setItems(abc());
        ModelSpies spies(&model);
        Cluster b = abc().at(1);
        b.color = QStringLiteral("#000000");
        model.upsert(b);
        QCOMPARE(spies.rolesFor(model.index(1, M::Color)),
            roles({ Qt::DisplayRole, M::SortRole, M::ClusterRole, M::ColorRole }));
        QCOMPARE(spies.rolesFor(model.index(1, M::Name)), roles({ M::ClusterRole, M::ColorRole }));
        QCOMPARE(
            spies.rolesFor(model.index(1, M::CreatedAt)), roles({ M::ClusterRole, M::ColorRole }));
        QCOMPARE(spies.changed.size(), 3);
    }

    void upsertAndRemove()
    {
        TESTED_MODEL(model);
        model.setItems(abc());
        ModelSpies spies(&model);
        model.upsert(cluster(QStringLiteral("d"), QStringLiteral("Delta")));
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(model.rowForId(QStringLiteral("d")), 3);
        QVERIFY(model.remove(QStringLiteral("a")));
        QVERIFY(!model.remove(QStringLiteral("a")));
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(model.rowForId(QStringLiteral("d")), 2);
        QCOMPARE(rowIds(model),
            (QStringList { QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d") }));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(spies.reset.size(), 0);
    }

    void repeatedIdsKeepTheFirst()
    {
        TESTED_MODEL(model);
        const QList<Cluster> items = abc();
        model.setItems(
            { items.at(0), items.at(1), cluster(QStringLiteral("a"), QStringLiteral("Again")) });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, M::Name).data().toString(), QStringLiteral("Alpha"));
    }
};

QTEST_GUILESS_MAIN(TestClusterListModel)
#include "tst_clusterlistmodel.moc"
