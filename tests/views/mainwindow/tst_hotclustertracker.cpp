// SPDX-License-Identifier: MIT
// Which clusters the view says are hot (selected, expanded, in the viewport), worked out once
// a moment after the view changes; and the auto-refresh switch.
#include "api/apiclient.h"
#include "mainwindow/autorefresh.h"
#include "mainwindow/hotclustertracker.h"
#include "modeltesthelpers.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"

#include <QNetworkAccessManager>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using Kind = OrganizationTreeModel::NodeKind;

namespace {
QString clusterId(int i) { return QStringLiteral("c%1").arg(i, 2, 10, QLatin1Char('0')); }
} // namespace

class TestHotClusterTracker final : public QObject {
    Q_OBJECT

    OrganizationTreeModel m_model;
    std::unique_ptr<QTreeView> m_tree;
    std::unique_ptr<HotClusterTracker> m_tracker;

    QModelIndex cluster(int i) const { return m_model.indexForId(clusterId(i)); }

private Q_SLOTS:
    void init()
    {
        m_model.setOrganization(QStringLiteral("acme"));
        QList<Cluster> clusters;
        for (int i = 0; i < 60; ++i)
            clusters.append(TestData::cluster(clusterId(i), QStringLiteral("Cluster %1").arg(i)));
        m_model.mergeClusters(clusters);
        for (int i = 0; i < 60; ++i) {
            m_model.mergeClusterChildren(clusterId(i),
                { TestData::queue(
                    clusterId(i) + QStringLiteral("-q"), clusterId(i), QStringLiteral("default")) },
                { TestData::token(
                    clusterId(i) + QStringLiteral("-t"), clusterId(i), QStringLiteral("CI")) });
        }
        m_tree = std::make_unique<QTreeView>();
        m_tree->setUniformRowHeights(true);
        m_tree->setModel(&m_model);
        m_tree->resize(300, 240);
        m_tree->expand(m_model.organizationIndex());
        m_tree->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_tree.get()));
        m_tracker = std::make_unique<HotClusterTracker>(m_tree.get());
        m_tracker->setDelay(20);
    }
    void cleanup()
    {
        m_tracker.reset();
        m_tree.reset();
    }

    void selectedThenExpandedThenVisible()
    {
        QSignalSpy changed(m_tracker.get(), &HotClusterTracker::hotClustersChanged);
        m_tree->setCurrentIndex(cluster(10));
        m_tree->expand(cluster(40));
        QVERIFY(changed.wait(2000));
        const QStringList hot = m_tracker->hotClusters();
        QVERIFY(hot.size() > 3);
        QCOMPARE(hot.at(0), clusterId(10));
        QCOMPARE(hot.at(1), clusterId(40));
        // The viewport shows the first rows: the organisation and the first clusters.
        QCOMPARE(hot.at(2), clusterId(0));
        QVERIFY(hot.contains(clusterId(1)));
        QVERIFY(!hot.contains(clusterId(30)));
        QCOMPARE(hot.count(clusterId(10)), 1);
    }

    void scrollingSettlesIntoOnePass()
    {
        m_tracker->update();
        QSignalSpy changed(m_tracker.get(), &HotClusterTracker::hotClustersChanged);
        // Many scroll steps (a flick of the wheel): one pass once they stop.
        for (int i = 0; i < 20; ++i)
            m_tree->verticalScrollBar()->setValue(m_tree->verticalScrollBar()->value() + 1);
        m_tree->scrollTo(cluster(55));
        QVERIFY(changed.wait(2000));
        QTest::qWait(100);
        QCOMPARE(changed.size(), 1);
        const QStringList hot = m_tracker->hotClusters();
        QVERIFY(hot.contains(clusterId(55)));
        QVERIFY(!hot.contains(clusterId(0)));
    }

    void openingTokensIsReported()
    {
        QSignalSpy opened(m_tracker.get(), &HotClusterTracker::tokensOpened);
        m_tree->expand(cluster(3));
        m_tree->expand(m_model.groupIndex(clusterId(3), Kind::TokenGroup));
        QVERIFY(opened.wait(2000));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), clusterId(3));
        // Selecting a token of a collapsed cluster also expands its group: one opening.
        m_tree->setCurrentIndex(m_model.indexForId(clusterId(4) + QStringLiteral("-t")));
        QVERIFY(opened.wait(2000));
        QTest::qWait(50);
        QCOMPARE(opened.size(), 2);
        QCOMPARE(opened.at(1).at(0).toString(), clusterId(4));
        // Queues are the hot cadence's: nothing to ask for.
        m_tree->setCurrentIndex(m_model.indexForId(clusterId(4) + QStringLiteral("-q")));
        QTest::qWait(50);
        QCOMPARE(opened.size(), 2);
    }

    void autoRefreshRunsWhenWantedAndNotMinimised()
    {
        QNetworkAccessManager network;
        ApiClient client(&network);
        OrganizationSession session(&client, QStringLiteral("acme"));
        AutoRefresh autoRefresh;
        QSignalSpy running(&autoRefresh, &AutoRefresh::runningChanged);
        QVERIFY(!autoRefresh.isRunning()); // no session
        autoRefresh.setSession(&session);
        QVERIFY(autoRefresh.isRunning());
        QVERIFY(session.autoRefresh());
        QVERIFY(session.scheduler()->isRunning());
        autoRefresh.setMinimised(true);
        QVERIFY(!session.autoRefresh());
        QVERIFY(!session.scheduler()->isRunning());
        autoRefresh.setMinimised(false);
        QVERIFY(session.autoRefresh());
        autoRefresh.setEnabled(false);
        QVERIFY(!session.autoRefresh());
        autoRefresh.setMinimised(true);
        autoRefresh.setMinimised(false);
        QVERIFY(!session.autoRefresh()); // still off: the user turned it off
        QCOMPARE(running.size(), 4);
        autoRefresh.setEnabled(true);
        autoRefresh.setSession(nullptr);
        QVERIFY(!session.autoRefresh()); // a session left behind stops
    }
};

QTEST_MAIN(TestHotClusterTracker)
#include "tst_hotclustertracker.moc"
