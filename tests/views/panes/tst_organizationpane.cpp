// SPDX-License-Identifier: MIT
#include "clusterstatetestdata.h"
#include "panes/attentiontile.h"
#include "panes/organizationpane.h"
#include "panes/queuetable.h"
#include "panetesthelpers.h"
#include "queuelistmodel.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace PaneTest;

// OrganizationPane: what needs a human first (tiles, the list), then every queue and token,
// the inventory and "New Cluster".
class TestOrganizationPane final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void organizationSummary();
    void attentionFirst();
};

void TestOrganizationPane::organizationSummary()
{
    OrganizationPane pane;
    pane.setOrganizationName(QStringLiteral("Acme"));
    pane.setSummary({ 3, 12, 2, 7, 4, 1, 0 });
    QCOMPARE(text(&pane, "organizationNameLabel"), QStringLiteral("Acme"));
    QCOMPARE(text(&pane, "clustersCount"), QStringLiteral("3"));
    QCOMPARE(text(&pane, "clustersCountWords"), QStringLiteral("clusters"));
    QCOMPARE(text(&pane, "queuesCount"), QStringLiteral("12"));
    QCOMPARE(text(&pane, "tokensCount"), QStringLiteral("7"));
    pane.setSummary({ 1, 1, 0, 1, 0, 0, 0 });
    QCOMPARE(text(&pane, "tokensCountWords"), QStringLiteral("agent token"));

    QSignalSpy create(&pane, &OrganizationPane::createClusterRequested);
    QTest::mouseClick(child<QPushButton>(&pane, "newClusterButton"), Qt::LeftButton);
    QCOMPARE(create.count(), 1);
    pane.setWriteAllowed(false, {});
    QVERIFY(!child<QPushButton>(&pane, "newClusterButton")->isEnabled());
    QCOMPARE(child<QPushButton>(&pane, "newClusterButton")->toolTip(), noWriteScope);
}

void TestOrganizationPane::attentionFirst()
{
    OrganizationTreeModel tree;
    ClusterStateTest::load(tree);
    OrganizationPane pane;
    pane.setModel(&tree);
    pane.resize(1000, 800);
    pane.show();
    QCOMPARE(text(&pane, "pausedQueuesCount"), QStringLiteral("2"));
    QCOMPARE(text(&pane, "expiredCount"), QStringLiteral("1"));
    QCOMPARE(text(&pane, "expiringSoonCount"), QStringLiteral("1"));
    auto* tabs = child<QTabWidget>(&pane, "organizationTabs");
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("attentionView"));

    // A tile asks the tree for its state words and opens its section.
    QSignalSpy filter(&pane, &OrganizationPane::filterRequested);
    tabs->setCurrentIndex(1);
    QTest::mouseClick(child<AttentionTile>(&pane, "pausedQueuesCountTile"), Qt::LeftButton);
    QCOMPARE(filter.size(), 1);
    QCOMPARE(filter.at(0).at(0).toString(), QStringLiteral("is:paused"));
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("attentionView"));
    // The audit tiles have no state word: they only open their section.
    QTest::mouseClick(child<AttentionTile>(&pane, "neverExpiringCountTile"), Qt::LeftButton);
    QCOMPARE(filter.size(), 1);
    auto* list = child<QTreeView>(&pane, "attentionList");
    QCOMPARE(list->currentIndex(),
        pane.attentionModel()->sectionIndex(AttentionModel::Section::NeverExpiringTokens));

    // Every queue of every cluster, as a table that pauses and resumes several at once.
    tabs->setCurrentIndex(1);
    QueueTable* all = child<QueueTable>(&pane, "allQueuesTable");
    QTRY_COMPARE(all->model()->rowCount(), 5);
    QSignalSpy pause(&pane, &OrganizationPane::pauseQueuesRequested);
    all->selectIds({ QStringLiteral("q2"), QStringLiteral("q4") });
    child<QPushButton>(all, "pauseSelectedButton")->click();
    QCOMPARE(pause.size(), 1);
    QCOMPARE(pause.at(0).at(0).value<QList<Queue>>().size(), 2);
}

QTEST_MAIN(TestOrganizationPane)
#include "tst_organizationpane.moc"
