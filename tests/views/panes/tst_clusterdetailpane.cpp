// SPDX-License-Identifier: MIT
#include "emoji.h"
#include "format.h"
#include "panes/clusterdetailpane.h"
#include "panes/colorswatch.h"
#include "panetesthelpers.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace PaneTest;

// Receives what "Open in browser" would open, instead of a real browser.
class UrlCatcher final : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl& url) { urls.append(url); }
};

// ClusterDetailPane: every field of a cluster, its default queue, copy, open and write actions.
class TestClusterDetailPane final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void clusterShowsEveryField();
    void clusterWithoutDefaultQueue();
    void clusterSignals();
    void clusterSetDefaultQueue();
    void clusterRefreshKeepsPendingChoice();
    void clusterCopyId();
    void clusterOpenInBrowser();
    void clusterWriteDisabled();
};

void TestClusterDetailPane::clusterShowsEveryField()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    Queue a = queue(QStringLiteral("q1"), QStringLiteral("linux"));
    Queue b = queue(QStringLiteral("q2"), QStringLiteral("macos"));
    b.dispatchPaused = true;
    c.defaultQueueId = QStringLiteral("q2");
    pane.setCluster(c, { a, b });

    QCOMPARE(text(&pane, "emojiLabel"), Emoji::render(QStringLiteral(":technologist:")));
    QVERIFY(text(&pane, "emojiLabel") != QStringLiteral(":technologist:"));
    QCOMPARE(text(&pane, "nameLabel"), QStringLiteral("Mobile Apps"));
    QCOMPARE(text(&pane, "descriptionLabel"), QStringLiteral("iOS and Android builds"));
    QCOMPARE(text(&pane, "colorLabel"), QStringLiteral("#FFE0F1"));
    QCOMPARE(child<ColorSwatch>(&pane, "colorSwatch")->color(), QColor(QStringLiteral("#FFE0F1")));
    QCOMPARE(text(&pane, "queuesLabel"), QStringLiteral("2 queues, 1 paused"));
    QCOMPARE(text(&pane, "defaultQueueLabel"), QStringLiteral("macos"));
    QCOMPARE(text(&pane, "maintainersLabel"),
        QStringLiteral("Alex Doe <alex@example.com>\nPlatform (team)"));
    QCOMPARE(text(&pane, "createdByLabel"), QStringLiteral("Sam Kim <sam@example.com>"));
    QVERIFY(text(&pane, "createdAtLabel").startsWith(Format::dateTime(c.createdAt)));
    QVERIFY(text(&pane, "createdAtLabel").contains(QStringLiteral("40 days ago")));
    QCOMPARE(text(&pane, "idValue"), c.id);
    QCOMPARE(text(&pane, "graphqlIdValue"), c.graphqlId);
    QCOMPARE(text(&pane, "webUrlValue"), c.webUrl);
    QCOMPARE(text(&pane, "apiUrlValue"), c.url);
    QVERIFY(child<QLineEdit>(&pane, "idValue")->isReadOnly());
}

void TestClusterDetailPane::clusterWithoutDefaultQueue()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    c.description.clear();
    c.maintainers.clear();
    c.color.clear();
    c.emoji = QStringLiteral(":buildkite:");
    pane.setCluster(c, { queue(QStringLiteral("q1"), QStringLiteral("linux")) });
    QCOMPARE(text(&pane, "defaultQueueLabel"), QStringLiteral("None"));
    QCOMPARE(text(&pane, "descriptionLabel"), QStringLiteral("No description"));
    QCOMPARE(text(&pane, "maintainersLabel"), QStringLiteral("None"));
    QCOMPARE(text(&pane, "colorLabel"), QStringLiteral("None"));
    QCOMPARE(text(&pane, "queuesLabel"), QStringLiteral("1 queue"));
    // Unknown shortcodes stay text.
    QCOMPARE(text(&pane, "emojiLabel"), QStringLiteral(":buildkite:"));
    // Nothing chosen yet: applying is not possible.
    QVERIFY(!child<QPushButton>(&pane, "applyDefaultQueueButton")->isEnabled());
}

void TestClusterDetailPane::clusterSignals()
{
    ClusterDetailPane pane;
    const Cluster c = cluster();
    pane.setCluster(c, {});
    QSignalSpy edit(&pane, &ClusterDetailPane::editRequested);
    QSignalSpy del(&pane, &ClusterDetailPane::deleteRequested);
    QSignalSpy newQueue(&pane, &ClusterDetailPane::newQueueRequested);
    QSignalSpy newToken(&pane, &ClusterDetailPane::newAgentTokenRequested);
    QTest::mouseClick(child<QPushButton>(&pane, "editButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&pane, "deleteButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&pane, "newQueueButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&pane, "newAgentTokenButton"), Qt::LeftButton);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit.at(0).at(0).value<Cluster>(), c);
    QCOMPARE(del.count(), 1);
    QCOMPARE(del.at(0).at(0).value<Cluster>().id, c.id);
    QCOMPARE(newQueue.count(), 1);
    QCOMPARE(newToken.count(), 1);
    // No queues: nothing to choose as default.
    QVERIFY(!child<QComboBox>(&pane, "defaultQueueCombo")->isEnabled());
}

void TestClusterDetailPane::clusterSetDefaultQueue()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    c.defaultQueueId = QStringLiteral("q1");
    pane.setCluster(c,
        { queue(QStringLiteral("q2"), QStringLiteral("macos")),
            queue(QStringLiteral("q1"), QStringLiteral("linux")) });
    auto* combo = child<QComboBox>(&pane, "defaultQueueCombo");
    auto* apply = child<QPushButton>(&pane, "applyDefaultQueueButton");
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("q1"));
    QVERIFY(!apply->isEnabled()); // already the default

    QSignalSpy spy(&pane, &ClusterDetailPane::setDefaultQueueRequested);
    combo->setCurrentIndex(combo->findData(QStringLiteral("q2")));
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), c.id);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("q2"));
}

void TestClusterDetailPane::clusterRefreshKeepsPendingChoice()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    c.defaultQueueId = QStringLiteral("q1");
    const QList<Queue> queues = { queue(QStringLiteral("q1"), QStringLiteral("linux")),
        queue(QStringLiteral("q2"), QStringLiteral("macos")) };
    pane.setCluster(c, queues);
    auto* combo = child<QComboBox>(&pane, "defaultQueueCombo");
    combo->setCurrentIndex(combo->findData(QStringLiteral("q2")));
    pane.setCluster(c, queues); // a background refresh
    QCOMPARE(combo->currentData().toString(), QStringLiteral("q2"));
    Cluster other = c;
    other.id = QStringLiteral("another");
    pane.setCluster(other, queues);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("q1"));
}

void TestClusterDetailPane::clusterCopyId()
{
    ClusterDetailPane pane;
    pane.setCluster(cluster(), {});
    auto* copy = child<QToolButton>(&pane, "idCopyButton");
    QVERIFY(!copy->accessibleName().isEmpty());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), cluster().id);
    QCOMPARE(copy->text(), QStringLiteral("Copied"));
    QTest::mouseClick(child<QToolButton>(&pane, "graphqlIdCopyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), cluster().graphqlId);
}

void TestClusterDetailPane::clusterOpenInBrowser()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    ClusterDetailPane pane;
    pane.setCluster(cluster(), {});
    QTest::mouseClick(child<QPushButton>(&pane, "openInBrowserButton"), Qt::LeftButton);
    QCOMPARE(catcher.urls, QList<QUrl> { QUrl(cluster().webUrl) });

    // Anything but a web URL is not opened.
    Cluster odd = cluster();
    odd.webUrl = QStringLiteral("file:///etc/passwd");
    pane.setCluster(odd, {});
    QVERIFY(!child<QPushButton>(&pane, "openInBrowserButton")->isEnabled());
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

void TestClusterDetailPane::clusterWriteDisabled()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    pane.setCluster(c,
        { queue(QStringLiteral("q1"), QStringLiteral("linux")),
            queue(QStringLiteral("q2"), QStringLiteral("macos")) });
    auto* combo = child<QComboBox>(&pane, "defaultQueueCombo");
    combo->setCurrentIndex(combo->findData(QStringLiteral("q2")));
    const QString editTip = child<QPushButton>(&pane, "editButton")->toolTip();

    pane.setWriteAllowed(false, {});
    for (const char* name : { "editButton", "deleteButton", "applyDefaultQueueButton",
             "newQueueButton", "newAgentTokenButton" }) {
        auto* button = child<QPushButton>(&pane, name);
        QVERIFY2(!button->isEnabled(), name);
        QCOMPARE(button->toolTip(), noWriteScope);
    }
    QVERIFY(!combo->isEnabled());
    QVERIFY(child<QPushButton>(&pane, "openInBrowserButton")->isEnabled());
    QVERIFY(child<QToolButton>(&pane, "idCopyButton")->isEnabled());

    QSignalSpy edit(&pane, &ClusterDetailPane::editRequested);
    QTest::mouseClick(child<QPushButton>(&pane, "editButton"), Qt::LeftButton);
    QCOMPARE(edit.count(), 0);

    pane.setWriteAllowed(false, QStringLiteral("Read-only account"));
    QCOMPARE(
        child<QPushButton>(&pane, "deleteButton")->toolTip(), QStringLiteral("Read-only account"));

    pane.setWriteAllowed(true, {});
    QVERIFY(child<QPushButton>(&pane, "editButton")->isEnabled());
    QCOMPARE(child<QPushButton>(&pane, "editButton")->toolTip(), editTip);
    QVERIFY(child<QPushButton>(&pane, "applyDefaultQueueButton")->isEnabled());

    // Busy: a write in flight keeps the buttons off.
    pane.setBusy(true);
    QVERIFY(!child<QPushButton>(&pane, "deleteButton")->isEnabled());
    pane.setBusy(false);
    QVERIFY(child<QPushButton>(&pane, "deleteButton")->isEnabled());
}

QTEST_MAIN(TestClusterDetailPane)
#include "tst_clusterdetailpane.moc"
