// SPDX-License-Identifier: MIT
#include "api/apierror.h"
#include "emoji.h"
#include "format.h"
#include "panes/agenttokendetailpane.h"
#include "panes/banner.h"
#include "panes/clusterdetailpane.h"
#include "panes/colorswatch.h"
#include "panes/messagepane.h"
#include "panes/organizationpane.h"
#include "panes/queuedetailpane.h"
#include "panes/statusbadge.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

namespace {

const QString noWriteScope = QStringLiteral("Your API token doesn't have the write_clusters scope");

User user(const QString& name, const QString& email)
{
    User u;
    u.id = QStringLiteral("u-") + name;
    u.name = name;
    u.email = email;
    u.raw = QJsonObject { { QStringLiteral("name"), name } };
    return u;
}

Cluster cluster()
{
    Cluster c;
    c.id = QStringLiteral("42f44f0a-d9b6-4787-8d16-5c6fbd45319a");
    c.graphqlId
        = QStringLiteral("Q2x1c3Rlci0tLTQyZjQ0ZjBhLWQ5YjYtNDc4Ny04ZDE2LTVjNmZiZDQ1MzE5YQ==");
    c.name = QStringLiteral("Mobile Apps");
    c.description = QStringLiteral("iOS and Android builds");
    c.emoji = QStringLiteral(":technologist:");
    c.color = QStringLiteral("#FFE0F1");
    c.url = QStringLiteral("https://api.buildkite.com/v2/organizations/acme/clusters/42f4");
    c.webUrl = QStringLiteral("https://buildkite.com/organizations/acme/clusters/42f4");
    c.createdAt = QDateTime::currentDateTimeUtc().addDays(-40);
    c.createdBy = user(QStringLiteral("Sam Kim"), QStringLiteral("sam@example.com"));
    Maintainer m;
    m.kind = Maintainer::Kind::User;
    m.name = QStringLiteral("Alex Doe");
    m.email = QStringLiteral("alex@example.com");
    Maintainer t;
    t.kind = Maintainer::Kind::Team;
    t.name = QStringLiteral("Platform");
    t.slug = QStringLiteral("platform");
    c.maintainers = { m, t };
    return c;
}

Queue queue(const QString& id, const QString& key)
{
    Queue q;
    q.id = id;
    q.clusterId = cluster().id;
    q.graphqlId = QStringLiteral("Q2x1c3RlclF1ZXVlLS0t") + id;
    q.key = key;
    q.description = QStringLiteral("Queue ") + key;
    q.url = QStringLiteral("https://api.buildkite.com/v2/organizations/acme/clusters/42f4/queues/")
        + id;
    q.webUrl
        = QStringLiteral("https://buildkite.com/organizations/acme/clusters/42f4/queues/") + id;
    q.createdAt = QDateTime::currentDateTimeUtc().addDays(-3);
    q.createdBy = user(QStringLiteral("Sam Kim"), QStringLiteral("sam@example.com"));
    q.retryAgentAffinity = QStringLiteral("prefer-warmest");
    return q;
}

AgentToken token(const QDateTime& expiresAt, const QString& allowlist = {})
{
    AgentToken t;
    t.id = QStringLiteral("b6001416-0e1e-41c6-9dbe-3d96766f451a");
    t.clusterId = cluster().id;
    t.graphqlId = QStringLiteral("Q2x1c3RlclRva2VuLS0t");
    t.description = QStringLiteral("macOS fleet");
    t.url = QStringLiteral(
        "https://api.buildkite.com/v2/organizations/acme/clusters/42f4/tokens/b600");
    t.createdAt = QDateTime::currentDateTimeUtc().addDays(-10);
    t.createdBy = user(QStringLiteral("Sam Kim"), QStringLiteral("sam@example.com"));
    t.allowedIpAddresses = allowlist;
    t.expiresAt = expiresAt;
    return t;
}

template <class T>
T* child(QWidget* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

QString text(QWidget* parent, const char* name)
{
    if (auto* label = parent->findChild<QLabel*>(QLatin1String(name)))
        return label->text();
    return child<QLineEdit>(parent, name)->text();
}

} // namespace

// Receives what "Open in browser" would open, instead of a real browser.
class UrlCatcher final : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl& url) { urls.append(url); }
};

class TestPanes final : public QObject {
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
    void queueRunning();
    void queuePaused();
    void queuePausedTextVariants();
    void queueHosted();
    void queueRemovedShape();
    void queueSignals();
    void queueWriteDisabled();
    void tokenNeverExpires();
    void tokenExpired();
    void tokenExpiringSoon();
    void tokenExpiresLater();
    void tokenAllowlist();
    void tokenSignalsAndWrite();
    void organizationSummary();
    void messagePane();
};

void TestPanes::clusterShowsEveryField()
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

void TestPanes::clusterWithoutDefaultQueue()
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

void TestPanes::clusterSignals()
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

void TestPanes::clusterSetDefaultQueue()
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

void TestPanes::clusterRefreshKeepsPendingChoice()
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

void TestPanes::clusterCopyId()
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

void TestPanes::clusterOpenInBrowser()
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

void TestPanes::clusterWriteDisabled()
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

void TestPanes::queueRunning()
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

void TestPanes::queuePaused()
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

void TestPanes::queuePausedTextVariants()
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

void TestPanes::queueHosted()
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
    QCOMPARE(text(&pane, "shapeNameLabel"), QStringLiteral("LINUX_AMD64_2X4"));
    QCOMPARE(text(&pane, "affinityLabel"), QStringLiteral("Prefer a different agent"));
    for (const char* name :
        { "machineTypeLabel", "architectureLabel", "cpuLabel", "memoryLabel", "shapeNameLabel" })
        QVERIFY2(child<QLabel>(&pane, name)->isVisibleTo(&pane), name);
    QVERIFY(!child<StatusBadge>(&pane, "removedShapeBadge")->isVisibleTo(&pane));

    // The same pane then shows a self-hosted queue: the shape rows go away.
    pane.setQueue(queue(QStringLiteral("q2"), QStringLiteral("self")), cluster());
    QCOMPARE(text(&pane, "hostingLabel"), QStringLiteral("Self-hosted"));
    for (const char* name :
        { "machineTypeLabel", "architectureLabel", "cpuLabel", "memoryLabel", "shapeNameLabel" })
        QVERIFY2(!child<QLabel>(&pane, name)->isVisibleTo(&pane), name);
}

void TestPanes::queueRemovedShape()
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

void TestPanes::queueSignals()
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

void TestPanes::queueWriteDisabled()
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

void TestPanes::tokenNeverExpires()
{
    AgentTokenDetailPane pane;
    pane.setToken(token({}), cluster());
    QCOMPARE(text(&pane, "descriptionLabel"), QStringLiteral("macOS fleet"));
    QCOMPARE(text(&pane, "expiresLabel"), QStringLiteral("Never"));
    auto* badge = child<StatusBadge>(&pane, "expiryBadge");
    QVERIFY(badge->isVisibleTo(&pane));
    QCOMPARE(badge->text(), QStringLiteral("Never expires"));
    QCOMPARE(badge->tone(), Tone::Neutral);
    QCOMPARE(text(&pane, "allowlistLabel"), QStringLiteral("Any address"));
    QCOMPARE(text(&pane, "idValue"), token({}).id);
    QCOMPARE(text(&pane, "graphqlIdValue"), token({}).graphqlId);
    QCOMPARE(text(&pane, "createdByLabel"), QStringLiteral("Sam Kim <sam@example.com>"));
    QVERIFY(text(&pane, "clusterLabel").contains(QStringLiteral("Mobile Apps")));
}

void TestPanes::tokenExpired()
{
    AgentTokenDetailPane pane;
    const QDateTime when = QDateTime::currentDateTimeUtc().addDays(-2);
    pane.setToken(token(when), cluster());
    auto* badge = child<StatusBadge>(&pane, "expiryBadge");
    QCOMPARE(badge->text(), QStringLiteral("Expired"));
    QCOMPARE(badge->tone(), Tone::Danger);
    QVERIFY(text(&pane, "expiresLabel").startsWith(Format::dateTime(when)));
    QVERIFY(text(&pane, "expiresLabel").contains(QStringLiteral("2 days ago")));
    // Still revocable.
    QVERIFY(child<QPushButton>(&pane, "revokeButton")->isEnabled());
}

void TestPanes::tokenExpiringSoon()
{
    AgentTokenDetailPane pane;
    pane.setToken(token(QDateTime::currentDateTimeUtc().addSecs(3 * 86400 + 3600)), cluster());
    auto* badge = child<StatusBadge>(&pane, "expiryBadge");
    QCOMPARE(badge->text(), QStringLiteral("Expires in 3 days"));
    QCOMPARE(badge->tone(), Tone::Warning);
    QVERIFY(badge->isVisibleTo(&pane));

    pane.setToken(token(QDateTime::currentDateTimeUtc().addSecs(5 * 3600 + 60)), cluster());
    QCOMPARE(badge->text(), QStringLiteral("Expires in 5 hours"));
}

void TestPanes::tokenExpiresLater()
{
    AgentTokenDetailPane pane;
    const QDateTime when = QDateTime::currentDateTimeUtc().addDays(30);
    pane.setToken(token(when), cluster());
    QVERIFY(!child<StatusBadge>(&pane, "expiryBadge")->isVisibleTo(&pane));
    QVERIFY(text(&pane, "expiresLabel").startsWith(Format::dateTime(when)));
    // The day after the seven-day line is not flagged; the day before is.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(AgentTokenDetailPane::expiryStatus(token(now.addDays(8)), now).badge.isEmpty());
    QCOMPARE(AgentTokenDetailPane::expiryStatus(token(now.addDays(6)), now).tone, Tone::Warning);
}

void TestPanes::tokenAllowlist()
{
    AgentTokenDetailPane pane;
    pane.setToken(token({}, QStringLiteral("192.0.2.0/24 198.51.100.7/32")), cluster());
    QCOMPARE(text(&pane, "allowlistLabel"), QStringLiteral("192.0.2.0/24\n198.51.100.7/32"));
    pane.setToken(token({}, QStringLiteral("0.0.0.0/0")), cluster());
    QCOMPARE(text(&pane, "allowlistLabel"), QStringLiteral("Any address"));
}

void TestPanes::tokenSignalsAndWrite()
{
    AgentTokenDetailPane pane;
    const AgentToken t = token({});
    pane.setToken(t, cluster());
    QSignalSpy edit(&pane, &AgentTokenDetailPane::editRequested);
    QSignalSpy revoke(&pane, &AgentTokenDetailPane::revokeRequested);
    QTest::mouseClick(child<QPushButton>(&pane, "editButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&pane, "revokeButton"), Qt::LeftButton);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit.at(0).at(0).value<AgentToken>(), t);
    QCOMPARE(revoke.count(), 1);
    QCOMPARE(revoke.at(0).at(0).value<AgentToken>().id, t.id);

    pane.setWriteAllowed(false, {});
    for (const char* name : { "editButton", "revokeButton" }) {
        QVERIFY2(!child<QPushButton>(&pane, name)->isEnabled(), name);
        QCOMPARE(child<QPushButton>(&pane, name)->toolTip(), noWriteScope);
    }
    QCOMPARE(pane.writeDeniedReason(), noWriteScope);
}

void TestPanes::organizationSummary()
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

void TestPanes::messagePane()
{
    MessagePane pane;
    pane.showMessage(QStringLiteral("Select something"), QStringLiteral("Pick a queue"));
    QCOMPARE(text(&pane, "messageTitleLabel"), QStringLiteral("Select something"));
    QCOMPARE(text(&pane, "messageTextLabel"), QStringLiteral("Pick a queue"));
    QVERIFY(!child<QPushButton>(&pane, "retryButton")->isVisibleTo(&pane));

    const QString message
        = QStringLiteral("Your access token doesn't have the read_clusters scope");
    pane.showError(QStringLiteral("Could not load clusters"),
        ApiError(ApiError::Kind::Forbidden, message, 403));
    QCOMPARE(text(&pane, "messageTitleLabel"), QStringLiteral("Could not load clusters"));
    QCOMPARE(text(&pane, "messageTextLabel"), message);
    QVERIFY(text(&pane, "messageDetailLabel").contains(QStringLiteral("403")));
    auto* retry = child<QPushButton>(&pane, "retryButton");
    QVERIFY(retry->isVisibleTo(&pane));
    QSignalSpy spy(&pane, &MessagePane::retryRequested);
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);

    pane.showError(QStringLiteral("Gone"), QStringLiteral("No cluster found"), false);
    QVERIFY(!retry->isVisibleTo(&pane));
}

QTEST_MAIN(TestPanes)
#include "tst_panes.moc"
