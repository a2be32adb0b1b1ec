// SPDX-License-Identifier: MIT
#include "format.h"
#include "panes/banner.h"
#include "panes/queuedetailpane.h"
#include "panes/statusbadge.h"
#include "panetesthelpers.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace PaneTest;

// QueueDetailPane: dispatch running or paused, hosted shapes, the queue's actions.
class TestQueueDetailPane final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void queueRunning();
    void queuePaused();
    void queuePausedTextVariants();
    void queueHosted();
    void queueRemovedShape();
    void queueSignals();
    void queueWriteDisabled();
};

void TestQueueDetailPane::queueRunning()
{
    QueueDetailPane pane;
    pane.setQueue(queue(QStringLiteral("q1"), QStringLiteral("linux-large")), cluster());
    QCOMPARE(text(&pane, "keyLabel"), QStringLiteral("linux-large"));
    QCOMPARE(text(&pane, "descriptionLabel"), QStringLiteral("Queue linux-large"));
    QVERIFY(text(&pane, "clusterLabel").contains(QStringLiteral("Mobile Apps")));
    QVERIFY(text(&pane, "dispatchLabel").startsWith(QStringLiteral("Dispatch running")));
    QCOMPARE(child<Banner>(&pane, "dispatchBanner")->tone(), Tone::Neutral);
    QVERIFY(child<QPushButton>(&pane, "pauseButton")->isVisibleTo(&pane));
    QVERIFY(!child<QPushButton>(&pane, "resumeButton")->isVisibleTo(&pane));
    QCOMPARE(text(&pane, "affinityLabel"), QStringLiteral("Prefer the warmest agent (default)"));
    QCOMPARE(text(&pane, "idValue"), QStringLiteral("q1"));
    QCOMPARE(text(&pane, "createdByLabel"), QStringLiteral("Sam Kim <sam@example.com>"));
    QVERIFY(text(&pane, "createdAtLabel").contains(QStringLiteral("3 days ago")));
}

void TestQueueDetailPane::queuePaused()
{
    QueueDetailPane pane;
    Queue q = queue(QStringLiteral("q1"), QStringLiteral("macos"));
    q.dispatchPaused = true;
    q.dispatchPausedBy = user(QStringLiteral("Sam Kim"), QStringLiteral("sam@example.com"));
    q.dispatchPausedAt = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600 - 60);
    q.dispatchPausedNote = QStringLiteral("Xcode 16 image is broken");
    pane.setQueue(q, cluster());

    auto* label = child<QLabel>(&pane, "dispatchLabel");
    QCOMPARE(
        label->text(), QStringLiteral("Paused by Sam Kim 3 hours ago — Xcode 16 image is broken"));
    QVERIFY(label->toolTip().contains(Format::dateTime(q.dispatchPausedAt)));
    QCOMPARE(child<Banner>(&pane, "dispatchBanner")->tone(), Tone::Warning);
    QVERIFY(!child<QPushButton>(&pane, "pauseButton")->isVisibleTo(&pane));
    QVERIFY(child<QPushButton>(&pane, "resumeButton")->isVisibleTo(&pane));

    // Resumed on refresh: the banner and buttons follow.
    pane.setQueue(queue(QStringLiteral("q1"), QStringLiteral("macos")), cluster());
    QVERIFY(child<QPushButton>(&pane, "pauseButton")->isVisibleTo(&pane));
    QVERIFY(!child<QPushButton>(&pane, "resumeButton")->isVisibleTo(&pane));
}

void TestQueueDetailPane::queuePausedTextVariants()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Queue q = queue(QStringLiteral("q"), QStringLiteral("k"));
    q.dispatchPaused = true;
    QCOMPARE(QueueDetailPane::pausedText(q, now), QStringLiteral("Paused"));
    q.dispatchPausedAt = now.addSecs(-120);
    QCOMPARE(QueueDetailPane::pausedText(q, now), QStringLiteral("Paused 2 minutes ago"));
    q.dispatchPausedBy = user(QString(), QStringLiteral("ops@example.com"));
    q.dispatchPausedNote = QStringLiteral("  maintenance  ");
    QCOMPARE(QueueDetailPane::pausedText(q, now),
        QStringLiteral("Paused by ops@example.com 2 minutes ago — maintenance"));
}

void TestQueueDetailPane::queueHosted()
{
    QueueDetailPane pane;
    Queue q = queue(QStringLiteral("q1"), QStringLiteral("hosted-linux"));
    q.hosted = true;
    q.instanceShape = InstanceShape::find(QStringLiteral("LINUX_AMD64_2X4"));
    q.retryAgentAffinity = QStringLiteral("prefer-different");
    pane.setQueue(q, cluster());
    QCOMPARE(text(&pane, "hostingLabel"), QStringLiteral("Hosted by Buildkite"));
    QCOMPARE(text(&pane, "machineTypeLabel"), QStringLiteral("Linux"));
    QCOMPARE(text(&pane, "architectureLabel"), QStringLiteral("AMD64"));
    QCOMPARE(text(&pane, "cpuLabel"), QStringLiteral("2"));
    QCOMPARE(text(&pane, "memoryLabel"), QStringLiteral("4 GB"));
    QCOMPARE(text(&pane, "diskLabel"), QStringLiteral("47 GB"));
    // The shape as the app names it everywhere; the API's name in the tooltip.
    QCOMPARE(text(&pane, "shapeNameLabel"),
        QStringLiteral("Linux AMD64 · Small · 2 vCPU · 4 GB RAM · 47 GB disk"));
    QCOMPARE(child<QLabel>(&pane, "shapeNameLabel")->toolTip(), QStringLiteral("LINUX_AMD64_2X4"));
    QCOMPARE(text(&pane, "affinityLabel"), QStringLiteral("Prefer a different agent"));
    // A hosted Linux queue names its image, Buildkite's own when it has none of its own.
    QVERIFY(child<QLabel>(&pane, "agentImageLabel")->isVisibleTo(&pane));
    QCOMPARE(text(&pane, "agentImageLabel"), QStringLiteral("Buildkite's default image"));
    q.agentImageRef = QStringLiteral("ghcr.io/acme/agent:2025-07");
    pane.setQueue(q, cluster());
    QCOMPARE(text(&pane, "agentImageLabel"), QStringLiteral("ghcr.io/acme/agent:2025-07"));
    for (const char* name :
        { "machineTypeLabel", "architectureLabel", "cpuLabel", "memoryLabel", "shapeNameLabel" })
        QVERIFY2(child<QLabel>(&pane, name)->isVisibleTo(&pane), name);
    QVERIFY(!child<StatusBadge>(&pane, "removedShapeBadge")->isVisibleTo(&pane));

    // A macOS queue has no image to show.
    Queue mac = q;
    mac.instanceShape = InstanceShape::find(QStringLiteral("MACOS_ARM64_M4_12X56"));
    mac.agentImageRef.clear();
    pane.setQueue(mac, cluster());
    QVERIFY(!child<QLabel>(&pane, "agentImageLabel")->isVisibleTo(&pane));
    QCOMPARE(text(&pane, "diskLabel"), QStringLiteral("294 GB"));
    QCOMPARE(text(&pane, "shapeNameLabel"),
        QStringLiteral("macOS ARM64 · Large · 12 vCPU · 56 GB RAM · 294 GB disk"));

    // The same pane then shows a self-hosted queue: the shape rows go away.
    pane.setQueue(queue(QStringLiteral("q2"), QStringLiteral("self")), cluster());
    QCOMPARE(text(&pane, "hostingLabel"), QStringLiteral("Self-hosted"));
    for (const char* name : { "machineTypeLabel", "architectureLabel", "cpuLabel", "memoryLabel",
             "diskLabel", "shapeNameLabel", "agentImageLabel" })
        QVERIFY2(!child<QLabel>(&pane, name)->isVisibleTo(&pane), name);
}

void TestQueueDetailPane::queueRemovedShape()
{
    QueueDetailPane pane;
    Queue q = queue(QStringLiteral("q1"), QStringLiteral("old-mac"));
    q.hosted = true;
    q.instanceShape = InstanceShape::find(QStringLiteral("MACOS_M2_4X7"));
    pane.setQueue(q, cluster());
    QCOMPARE(text(&pane, "machineTypeLabel"), QStringLiteral("macOS"));
    auto* badge = child<StatusBadge>(&pane, "removedShapeBadge");
    QVERIFY(badge->isVisibleTo(&pane));
    QCOMPARE(badge->text(), QStringLiteral("Removed"));
}

void TestQueueDetailPane::queueSignals()
{
    QueueDetailPane pane;
    const Queue running = queue(QStringLiteral("q1"), QStringLiteral("linux"));
    pane.setQueue(running, cluster());
    QSignalSpy pause(&pane, &QueueDetailPane::pauseRequested);
    QSignalSpy resume(&pane, &QueueDetailPane::resumeRequested);
    QSignalSpy edit(&pane, &QueueDetailPane::editRequested);
    QSignalSpy del(&pane, &QueueDetailPane::deleteRequested);
    QTest::mouseClick(child<QPushButton>(&pane, "pauseButton"), Qt::LeftButton);
    QCOMPARE(pause.count(), 1);
    QCOMPARE(pause.at(0).at(0).value<Queue>(), running);

    Queue paused = running;
    paused.dispatchPaused = true;
    pane.setQueue(paused, cluster());
    child<QPushButton>(&pane, "resumeButton")->click();
    QCOMPARE(resume.count(), 1);
    QCOMPARE(resume.at(0).at(0).value<Queue>().id, QStringLiteral("q1"));
    QTest::mouseClick(child<QPushButton>(&pane, "editButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&pane, "deleteButton"), Qt::LeftButton);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(del.count(), 1);
    QCOMPARE(del.at(0).at(0).value<Queue>().key, QStringLiteral("linux"));
    QCOMPARE(pause.count(), 1);
}

void TestQueueDetailPane::queueWriteDisabled()
{
    QueueDetailPane pane;
    pane.setWriteAllowed(false, {});
    pane.setQueue(queue(QStringLiteral("q1"), QStringLiteral("linux")), cluster());
    for (const char* name : { "pauseButton", "resumeButton", "editButton", "deleteButton" }) {
        auto* button = child<QPushButton>(&pane, name);
        QVERIFY2(!button->isEnabled(), name);
        QCOMPARE(button->toolTip(), noWriteScope);
    }
    QVERIFY(child<QPushButton>(&pane, "openInBrowserButton")->isEnabled());
    QSignalSpy pause(&pane, &QueueDetailPane::pauseRequested);
    QTest::mouseClick(child<QPushButton>(&pane, "pauseButton"), Qt::LeftButton);
    QCOMPARE(pause.count(), 0);
}

QTEST_MAIN(TestQueueDetailPane)
#include "tst_queuedetailpane.moc"
