// SPDX-License-Identifier: MIT
#include "agenttokenlistmodel.h"
#include "modeltesthelpers.h"
#include "organizationsnapshot.h"
#include "organizationtreemodel.h"
#include "queuelistmodel.h"
#include "treelistfeed.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QTimeZone>

// TreeListFeed: the tables' flat lists follow the navigation tree, merged by id.

using namespace TestData;
using Q = QueueListModel;
using T = AgentTokenListModel;

namespace {
const QDateTime t0(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());

OrganizationSnapshot org(const QList<Queue>& extraC1 = {})
{
    const QString c1 = QStringLiteral("c1");
    const QString c2 = QStringLiteral("c2");
    QList<Queue> q1 { queue(QStringLiteral("q1"), c1, QStringLiteral("default")),
        queue(QStringLiteral("q2"), c1, QStringLiteral("arm")) };
    q1.append(extraC1);
    OrganizationSnapshot s { QStringLiteral("acme"), {} };
    s.clusters.append({ cluster(c1, QStringLiteral("Build")), q1,
        { token(QStringLiteral("t1"), c1, QStringLiteral("CI"), t0.addDays(2)) }, {} });
    s.clusters.append({ cluster(c2, QStringLiteral("Deploy")),
        { queue(QStringLiteral("q3"), c2, QStringLiteral("deploy")) },
        { token(QStringLiteral("t2"), c2, QStringLiteral("Deployers")) }, {} });
    return s;
}

QStringList column(const QAbstractItemModel& model, int column)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out.append(model.index(row, column).data().toString());
    return out;
}
} // namespace

class TestTreeListFeed final : public QObject {
    Q_OBJECT

    OrganizationTreeModel m_tree;
    std::unique_ptr<QAbstractItemModelTester> m_treeTester;

private Q_SLOTS:
    void init()
    {
        m_treeTester = std::make_unique<QAbstractItemModelTester>(
            &m_tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_tree.setNow(t0);
        m_tree.setOrganization(QStringLiteral("acme"));
        m_tree.mergeSnapshot(org());
    }
    void cleanup() { m_treeTester.reset(); }

    void wholeOrganisationOrOneCluster()
    {
        Q queues;
        T tokens;
        QAbstractItemModelTester qt(
            &queues, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tt(
            &tokens, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TreeListFeed feed;
        feed.setTree(&m_tree);
        feed.setQueues(&queues);
        feed.setTokens(&tokens);
        feed.sync();
        QCOMPARE(column(queues, Q::Key),
            (QStringList {
                QStringLiteral("arm"), QStringLiteral("default"), QStringLiteral("deploy") }));
        QCOMPARE(column(queues, Q::Cluster),
            (QStringList {
                QStringLiteral("Build"), QStringLiteral("Build"), QStringLiteral("Deploy") }));
        QCOMPARE(column(tokens, T::Description),
            (QStringList { QStringLiteral("CI"), QStringLiteral("Deployers") }));
        // The tree's clock: "CI" expires in two days there, so here too.
        QCOMPARE(tokens.indexForId(QStringLiteral("t1"))
                     .data(T::ExpiryStateRole)
                     .value<T::ExpiryState>(),
            T::ExpiryState::ExpiringSoon);

        ModelSpies spies(&queues);
        feed.setCluster(QStringLiteral("c2"));
        feed.sync();
        QCOMPARE(column(queues, Q::Key), QStringList { QStringLiteral("deploy") });
        QCOMPARE(spies.reset.size(), 0);
        feed.setCluster(QStringLiteral("gone"));
        feed.sync();
        QCOMPARE(queues.rowCount(), 0);
    }

    // A refresh merges: rows change in place, so a view's selection and sort survive.
    void changesMergeOncePerTurnWhileActive()
    {
        Q queues;
        QAbstractItemModelTester qt(
            &queues, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&queues);
        sorted.setSortRole(ModelRoles::Sort);
        sorted.sort(Q::Key, Qt::DescendingOrder);
        TreeListFeed feed;
        feed.setTree(&m_tree);
        feed.setQueues(&queues);
        QSignalSpy synced(&feed, &TreeListFeed::synced);
        feed.setActive(true);
        QTRY_COMPARE(queues.rowCount(), 3);
        QItemSelectionModel selection(&sorted);
        const QPersistentModelIndex q1
            = sorted.mapFromSource(queues.indexForId(QStringLiteral("q1")));
        selection.select(q1, QItemSelectionModel::Select | QItemSelectionModel::Rows);

        ModelSpies spies(&queues);
        synced.clear();
        Queue paused = TestData::paused(
            queue(QStringLiteral("q1"), QStringLiteral("c1"), QStringLiteral("default")),
            QStringLiteral("freeze"));
        QVERIFY(m_tree.upsertQueue(paused));
        QVERIFY(m_tree.upsertQueue(
            queue(QStringLiteral("q0"), QStringLiteral("c1"), QStringLiteral("zz"))));
        QCOMPARE(synced.size(), 0); // not within the tree's signals
        QTRY_COMPARE(synced.size(), 1); // both changes in one merge
        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(queues.index(queues.rowForId(QStringLiteral("q1")), Q::State).data().toString(),
            QStringLiteral("Paused"));
        QVERIFY(q1.isValid());
        QCOMPARE(q1.data(ModelRoles::Id).toString(), QStringLiteral("q1"));
        QVERIFY(selection.isRowSelected(q1.row(), {}));
        QCOMPARE(sorted.index(0, Q::Key).data().toString(), QStringLiteral("zz"));

        // Hidden, nothing is done; shown again, it catches up at once.
        feed.setActive(false);
        synced.clear();
        QVERIFY(m_tree.removeQueue(QStringLiteral("c1"), QStringLiteral("q0")));
        QTest::qWait(20);
        QCOMPARE(synced.size(), 0);
        QCOMPARE(queues.rowCount(), 4);
        feed.setActive(true);
        QCOMPARE(synced.size(), 1);
        QCOMPARE(queues.rowCount(), 3);

        // A renamed cluster reads differently in its rows only.
        spies.clear();
        m_tree.upsertCluster(cluster(QStringLiteral("c2"), QStringLiteral("Release")));
        QTRY_COMPARE(
            queues.index(queues.rowForId(QStringLiteral("q3")), Q::Cluster).data().toString(),
            QStringLiteral("Release"));
        QCOMPARE(
            spies.changesOf(queues.index(queues.rowForId(QStringLiteral("q1")), Q::Cluster)), 0);

        // A refresh with nothing new changes nothing.
        QTest::qWait(20);
        spies.clear();
        synced.clear();
        m_tree.upsertCluster(cluster(QStringLiteral("c2"), QStringLiteral("Release")));
        m_tree.mergeClusterChildren(QStringLiteral("c1"), m_tree.queues(QStringLiteral("c1")),
            m_tree.tokens(QStringLiteral("c1")));
        QTest::qWait(20);
        QCOMPARE(spies.total(), 0);
    }

    // A change inside one cluster redoes that cluster's rows only: the others are neither
    // reported nor moved, and every row still answers to its id.
    void aChangeInOneClusterTouchesOnlyItsRows()
    {
        Q queues;
        T tokens;
        QAbstractItemModelTester qt(
            &queues, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TreeListFeed feed;
        feed.setTree(&m_tree);
        feed.setQueues(&queues);
        feed.setTokens(&tokens);
        feed.sync();
        ModelSpies spies(&queues);
        ModelSpies tokenSpies(&tokens);

        // A queue of the first cluster is paused: one dataChanged on its row, nothing else.
        QVERIFY(m_tree.upsertQueue(TestData::paused(
            queue(QStringLiteral("q1"), QStringLiteral("c1"), QStringLiteral("default")),
            QStringLiteral("freeze"))));
        feed.sync();
        QCOMPARE(spies.inserted.size() + spies.removed.size() + spies.moved.size(), 0);
        QVERIFY(spies.changed.size() > 0);
        for (const QList<QVariant>& args : std::as_const(spies.changed))
            QCOMPARE(args.at(0).value<QModelIndex>().row(), queues.rowForId(QStringLiteral("q1")));
        QCOMPARE(tokenSpies.total(), 0);

        // A queue added to the first cluster lands inside its run; the second cluster's row
        // moves down by one and still answers to its id.
        spies.clear();
        QVERIFY(m_tree.upsertQueue(
            queue(QStringLiteral("q9"), QStringLiteral("c1"), QStringLiteral("macos"))));
        feed.sync();
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(spies.removed.size() + spies.moved.size(), 0);
        QCOMPARE(column(queues, Q::Key),
            (QStringList { QStringLiteral("arm"), QStringLiteral("default"),
                QStringLiteral("macos"), QStringLiteral("deploy") }));
        for (const QString& id : { QStringLiteral("q1"), QStringLiteral("q2"), QStringLiteral("q9"),
                 QStringLiteral("q3") })
            QCOMPARE(queues.indexForId(id).data(Q::IdRole).toString(), id);
        QCOMPARE(spies.changesOf(queues.indexForId(QStringLiteral("q3"))), 0);

        // The second cluster renamed: its rows read differently, the first cluster's do not.
        spies.clear();
        m_tree.upsertCluster(cluster(QStringLiteral("c2"), QStringLiteral("Release")));
        feed.sync();
        QCOMPARE(queues.index(queues.rowForId(QStringLiteral("q3")), Q::Cluster).data().toString(),
            QStringLiteral("Release"));
        QCOMPARE(
            spies.changesOf(queues.index(queues.rowForId(QStringLiteral("q1")), Q::Cluster)), 0);
        QCOMPARE(spies.inserted.size() + spies.removed.size() + spies.moved.size(), 0);

        // A queue removed from the second cluster, the last run.
        spies.clear();
        QVERIFY(m_tree.removeQueue(QStringLiteral("c2"), QStringLiteral("q3")));
        feed.sync();
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(queues.rowCount(), 3);
        QCOMPARE(queues.rowForId(QStringLiteral("q3")), -1);

        // After all this, the same lists as a feed starting afresh.
        Q fresh;
        TreeListFeed other;
        other.setTree(&m_tree);
        other.setQueues(&fresh);
        other.sync();
        QCOMPARE(column(queues, Q::Key), column(fresh, Q::Key));
        QCOMPARE(column(queues, Q::Cluster), column(fresh, Q::Cluster));
    }
};

QTEST_GUILESS_MAIN(TestTreeListFeed)
#include "tst_treelistfeed.moc"
