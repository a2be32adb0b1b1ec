// SPDX-License-Identifier: MIT
// The refresh where the user looks, the main window driven through its widgets against the
// sandbox with Buildkite's limit enforced (50 requests per user per minute): the status bar's
// words, the freshness banner and the write buttons during an outage (the sandbox's faults),
// the detail panes following their rows' children, the "Checked … ago" lines, Preferences.
// The sandbox's rate windows and the session's scheduler run on a clock 20 times faster than
// real time, so the demo's first load (two windows) takes seconds.
#include "api/apiclient.h"
#include "api/requests/queuerequests.h"
#include "dialogs/preferencesdialog.h"
#include "mainwindow/autorefresh.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigationfilterproxy.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "panes/hintlabel.h"
#include "sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <algorithm>
#include <memory>

namespace {
constexpr int speed = 20;
// Real milliseconds for so many seconds of the compressed clock.
int real(double seconds) { return int(seconds * 1000 / speed); }
} // namespace

class TestRefreshUi final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<OrganizationSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    int m_429 = 0;

    OrganizationTreeModel* model() const { return m_session->treeModel(); }

    template <class T = QLabel>
    T* widget(const char* objectName) const
    {
        auto* w = m_window->findChild<T*>(QLatin1String(objectName));
        if (!w)
            qFatal("no widget %s", objectName);
        return w;
    }
    QString text(const char* objectName) const { return widget(objectName)->text(); }
    QAction* action(const char* objectName) const { return widget<QAction>(objectName); }

    Queue runningQueue() const
    {
        for (const Cluster& c : model()->clusters()) {
            for (const Queue& q : model()->queues(c.id)) {
                if (!q.dispatchPaused && !q.hosted)
                    return q;
            }
        }
        return {};
    }

    void restoreLimits() const
    {
        m_server->clearFaults();
        m_server->setRateLimits(200, 50);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
        QCoreApplication::setOrganizationName(QStringLiteral("KitedeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_refreshui"));
        for (const QSettings::Format format : { QSettings::NativeFormat, QSettings::IniFormat })
            QSettings::setPath(format, QSettings::UserScope, m_dir.path());
    }

    void init()
    {
        QSettings().clear();
        m_server = std::make_unique<SandboxServer>();
        m_server->seedDemo();
        m_server->setRateLimits(200, 50);
        m_server->setRateWindowSpeed(speed);
        QVERIFY(m_server->listen());
        m_429 = 0;
        connect(m_server.get(), &SandboxServer::requestServed, this,
            [this](const QByteArray&, const QString&, int status) { m_429 += status == 429; });
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<ApiClient>(m_network.get());
        QVERIFY(!m_client->setBaseUrl(m_server->baseUrl()));
        m_client->setToken(m_server->readWriteToken());
        m_session = std::make_unique<OrganizationSession>(m_client.get(), m_server->organization());
        auto elapsed = std::make_shared<QElapsedTimer>();
        elapsed->start();
        m_session->scheduler()->setClock([elapsed] { return elapsed->elapsed() * speed; }, speed);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        QSignalSpy refreshed(m_session.get(), &OrganizationSession::refreshFinished);
        m_window->setSession(m_session.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // The first load is paced by the limit: about 3 minutes of the compressed clock, 9 s.
        // A sanitized build answers several times slower, so the wait is a real minute.
        QVERIFY(refreshed.wait(std::max(real(3 * 60), 60000)));
        QVERIFY(!refreshed.constFirst().constFirst().value<ApiError>());
        QTRY_VERIFY(m_session->accessToken().has_value());
    }

    void cleanup()
    {
        QCOMPARE(m_429, 0); // whatever the test did, Buildkite's limit was never met
        m_window.reset();
        m_tester.reset();
        m_session.reset();
        m_client.reset();
        m_network.reset();
        m_server.reset();
    }

    void theStatusBarSaysWhatTheBudgetAllows()
    {
        QVERIFY(m_window->autoRefresh()->isRunning());
        QTRY_VERIFY(text("statusPlan").startsWith(QLatin1String("Checking 33 clusters every ")));
        QVERIFY(text("statusPlan").endsWith(QLatin1String(" to stay within your API rate limit")));
        QVERIFY(!widget("statusPlan")->toolTip().isEmpty());
        QVERIFY(text("statusRefreshed").startsWith(QLatin1String("Updated")));
        // Right after a load that spent the window less its reserve: not low, no warning.
        auto* rateLimit = widget<HintLabel>("statusRateLimit");
        QVERIFY(rateLimit->text().startsWith(QLatin1String("API ")));
        QVERIFY2(!rateLimit->text().contains(QLatin1String("low")), qPrintable(rateLimit->text()));
        QVERIFY(rateLimit->tone() != Tone::Warning);

        action("autoRefreshAction")->trigger();
        QVERIFY(!m_session->autoRefresh());
        QCOMPARE(text("statusPlan"), QStringLiteral("Auto-refresh is off"));
        action("autoRefreshAction")->trigger();
        QVERIFY(m_session->autoRefresh());
        QVERIFY(text("statusPlan").startsWith(QLatin1String("Checking 33 clusters")));
    }

    // Buildkite stops answering: a banner over the tree and the panes says what the data is
    // and offers Retry; every write is disabled with the reason; all of it clears on recovery.
    void anOutageShowsTheBannerAndDisablesWrites()
    {
        const Queue queue = runningQueue();
        QVERIFY(m_window->selectId(queue.id));
        auto* pause = widget<QPushButton>("pauseButton");
        QTRY_VERIFY(pause->isEnabled());
        QVERIFY(m_window->staleNotice().isEmpty());
        const int clusters = int(model()->clusters().size());

        m_server->dropConnectionOnPath(QStringLiteral(".*"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->staleNotice().isEmpty(), real(2 * 60));
        QVERIFY2(m_window->staleNotice().startsWith(QLatin1String("Showing data from ")),
            qPrintable(m_window->staleNotice()));
        QVERIFY(m_window->staleNotice().contains(QLatin1String("can't be reached")));
        QVERIFY(widget<QPushButton>("staleRetryButton")->isVisible());
        QVERIFY(!pause->isEnabled());
        QCOMPARE(pause->toolTip(), QStringLiteral("Buildkite can't be reached right now"));
        QVERIFY(!action("newClusterAction")->isEnabled());
        QCOMPARE(action("newClusterAction")->toolTip(),
            QStringLiteral("Buildkite can't be reached right now"));
        // The data stays, and so does the selection.
        QCOMPARE(int(model()->clusters().size()), clusters);
        QCOMPARE(m_window->selectedId(), queue.id);

        restoreLimits();
        widget<QPushButton>("staleRetryButton")->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->staleNotice().isEmpty(), real(60));
        QTRY_VERIFY(pause->isEnabled());
        QVERIFY(action("newClusterAction")->isEnabled());
    }

    // Server errors one after another: the same, after the streak.
    void aStreakOfServerErrorsIsAnOutage()
    {
        m_server->html502(QStringLiteral(".*"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->isReachable(), real(3 * 60));
        QVERIFY(m_window->staleNotice().startsWith(QLatin1String("Showing data from ")));
        QVERIFY(!action("newClusterAction")->isEnabled());
        restoreLimits();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->staleNotice().isEmpty(), real(3 * 60));
        QVERIFY(action("newClusterAction")->isEnabled());
    }

    // A cluster pane shows its queues' counts: a queue of it paused by another tool re-renders
    // the pane when the cluster's next check finds it.
    void aClusterPaneFollowsItsQueues()
    {
        const Queue queue = runningQueue();
        QVERIFY(m_window->selectId(queue.clusterId));
        const QString before = text("queuesLabel");
        QNetworkAccessManager otherNetwork;
        ApiClient other(&otherNetwork);
        QVERIFY(!other.setBaseUrl(m_server->baseUrl()));
        other.setToken(m_server->readWriteToken());
        bool done = false;
        other.call(PauseQueue { m_server->organization(), queue.clusterId, queue.id,
                       QStringLiteral("from the CLI") },
            this, [&done](const Result<Queue>& r) { done = r.ok(); });
        QTRY_VERIFY(done);
        // The selected cluster is hot: checked within the hot period.
        QTRY_VERIFY_WITH_TIMEOUT(text("queuesLabel") != before, real(2 * 60));
        QVERIFY2(
            text("queuesLabel").contains(QLatin1String("paused")), qPrintable(text("queuesLabel")));
    }

    void freshnessIsShownWhereTheUserLooks()
    {
        const Queue queue = runningQueue();
        QVERIFY(m_window->selectId(queue.id));
        auto* freshness = m_window->findChild<QLabel*>(
            QStringLiteral("freshnessLabel"), Qt::FindChildrenRecursively);
        QVERIFY(freshness);
        QTRY_VERIFY(m_window->findChildren<QLabel*>(QStringLiteral("freshnessLabel")).size() >= 3);
        bool shown = false;
        for (QLabel* label : m_window->findChildren<QLabel*>(QStringLiteral("freshnessLabel"))) {
            if (label->isVisible()) {
                QVERIFY2(
                    label->text().startsWith(QLatin1String("Checked ")), qPrintable(label->text()));
                shown = true;
            }
        }
        QVERIFY(shown);
        const QModelIndex cluster = model()->indexForId(queue.clusterId);
        QVERIFY(cluster.data(Qt::ToolTipRole).toString().contains(QLatin1String("Checked ")));
        QVERIFY(cluster.data(OrganizationTreeModel::CheckedAtRole).toDateTime().isValid());
    }

    void f5ReloadsWithinTheLimit()
    {
        QSignalSpy refreshed(m_session.get(), &OrganizationSession::refreshFinished);
        m_server->clearRequests();
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(refreshed.wait(real(3 * 60)));
        QVERIFY(!refreshed.constFirst().constFirst().value<ApiError>());
        // Everything again (and what the background checks sent meanwhile).
        QVERIFY(m_server->requests().size() >= 67);
    }

    void preferencesArePersistedAndApplied()
    {
        QCOMPARE(m_window->refreshPreferences(), RefreshPreferences {});
        QCOMPARE(m_session->scheduler()->settings().share, 0.25);
        QAction* preferences = action("preferencesAction");
        QVERIFY(!preferences->shortcut().isEmpty());
        preferences->trigger();
        PreferencesDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<PreferencesDialog*>()) && dialog->isVisible());
        dialog->findChild<QSpinBox*>(QStringLiteral("shareSpin"))->setValue(50);
        dialog->findChild<QSpinBox*>(QStringLiteral("intervalSpin"))->setValue(120);
        QVERIFY(dialog->findChild<HintLabel*>(QStringLiteral("budgetHint"))
                    ->text()
                    .contains(QLatin1String("25 of your 50")));
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY(!m_window->findChild<PreferencesDialog*>());

        QCOMPARE(m_session->scheduler()->settings().share, 0.5);
        QCOMPARE(m_session->scheduler()->settings().intervalSeconds, 120);
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("refresh/sharePercent")).toInt(), 50);
        QCOMPARE(settings.value(QStringLiteral("refresh/intervalSeconds")).toInt(), 120);
        // Only those two numbers: nothing secret in the settings.
        QVERIFY(!QSettings().allKeys().join(QLatin1Char(' ')).contains(QLatin1String("token")));

        // The next window (the next run) starts with them.
        MainWindow next;
        QCOMPARE(next.refreshPreferences().sharePercent, 50);
        QCOMPARE(next.refreshPreferences().intervalSeconds, 120);
    }
};

QTEST_MAIN(TestRefreshUi)
#include "tst_refreshui.moc"
