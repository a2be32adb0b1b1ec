// SPDX-License-Identifier: MIT
#include "panes/organizationpane.h"
#include "panetesthelpers.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace PaneTest;

// OrganizationPane: the counts and "New Cluster".
class TestOrganizationPane final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void organizationSummary();
};

void TestOrganizationPane::organizationSummary()
{
    OrganizationPane pane;
    pane.setOrganizationName(QStringLiteral("Acme"));
    pane.setSummary({ 3, 12, 2, 7, 4, 1, 0 });
    QCOMPARE(text(&pane, "organizationNameLabel"), QStringLiteral("Acme"));
    QCOMPARE(text(&pane, "clustersCount"), QStringLiteral("3"));
    QCOMPARE(text(&pane, "queuesCount"), QStringLiteral("12"));
    QCOMPARE(text(&pane, "pausedQueuesCount"), QStringLiteral("2"));
    QCOMPARE(text(&pane, "tokensCount"), QStringLiteral("7"));
    QCOMPARE(text(&pane, "neverExpiringCount"), QStringLiteral("4"));
    QCOMPARE(text(&pane, "expiringSoonCount"), QStringLiteral("1"));

    QSignalSpy create(&pane, &OrganizationPane::createClusterRequested);
    QTest::mouseClick(child<QPushButton>(&pane, "newClusterButton"), Qt::LeftButton);
    QCOMPARE(create.count(), 1);
    pane.setWriteAllowed(false, {});
    QVERIFY(!child<QPushButton>(&pane, "newClusterButton")->isEnabled());
    QCOMPARE(child<QPushButton>(&pane, "newClusterButton")->toolTip(), noWriteScope);
}

QTEST_MAIN(TestOrganizationPane)
#include "tst_organizationpane.moc"
