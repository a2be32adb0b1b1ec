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
};

QTEST_GUILESS_MAIN(TestTreeListFeed)
#include "tst_treelistfeed.moc"
