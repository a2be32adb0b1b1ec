// SPDX-License-Identifier: MIT
// Noticing change, the whole window against the sandbox over loopback: watch a queue or a
// cluster from the tree's menu, change it behind the app's back (another client of the same
// sandbox), refresh, and find the change in the Activity list, the status bar and the request
// for a desktop notification (TrayIcon::notificationRequested, the seam that records what the
// tray would show); the app's own pause says nothing; Preferences turn the notifications off
// but not the list.
#include "activitylog.h"
#include "api/apiclient.h"
#include "api/requests/queuerequests.h"
#include "dialogs/preferencesdialog.h"
#include "mainwindow/activitydialog.h"
#include "mainwindow/mainstatusbar.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/mainwindowactions.h"
#include "mainwindow/navigationcontextmenu.h"
#include "mainwindow/trayicon.h"
#include "mainwindowharness.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxserver.h"
#include "watchlist.h"

#include <QAction>
#include <QCheckBox>
#include <QLoggingCategory>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using Change = ChangeDetector::Change;

class TestWatch final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    MainWindowHarness m_h;

    OrganizationTreeModel* model() const { return m_h.session->treeModel(); }

    Queue findQueue(bool paused) const
    {
        for (const Cluster& c : model()->clusters()) {
            for (const Queue& q : model()->queues(c.id)) {
                if (q.dispatchPaused == paused && !q.hosted)
                    return q;
            }
        }
        return {};
    }

    template <class T = QWidget>
    T* child(const char* objectName) const
    {
        return m_h.window->findChild<T*>(QLatin1String(objectName));
    }

    // Someone else, with their own client: the app learns of it only by refreshing.
    template <class Request>
    void behindTheAppsBack(const Request& request)
    {
        QNetworkAccessManager nam;
        ApiClient other(&nam);
        QVERIFY(!other.setBaseUrl(m_h.server->baseUrl()));
        other.setToken(m_h.server->readWriteToken());
        bool done = false;
        other.call(request, this, [&](const Result<Queue>& r) { done = r.ok(); });
        QTRY_VERIFY(done);
    }

    // Watches the selected row through the tree's context menu, as the user does.
    void watchFromContextMenu(const QString& id, const QString& expectedText)
    {
        QVERIFY(m_h.window->selectId(id));
        QMenu* menu = m_h.window->contextMenu()->build(m_h.window);
        QAction* watch = nullptr; // the window's action, added to the menu
        for (QAction* a : menu->actions()) {
            if (a->objectName() == QLatin1String("watchAction"))
                watch = a;
        }
        QVERIFY(watch);
        QCOMPARE(watch->text().remove(QLatin1Char('&')), expectedText);
        QVERIFY(watch->isEnabled());
        const QModelIndex row = m_h.window->navigationTree()->currentIndex();
        QVERIFY(!row.data(Qt::AccessibleTextRole).toString().endsWith(QLatin1String("watched")));
        watch->trigger();
        delete menu;
        QVERIFY(m_h.window->watchList()->isWatched(id));
        // The row says so to a screen reader (and draws its star).
        QVERIFY2(row.data(Qt::AccessibleTextRole).toString().endsWith(QLatin1String(", watched")),
            qPrintable(row.data(Qt::AccessibleTextRole).toString()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
        QCoreApplication::setOrganizationName(QStringLiteral("KitedeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_watch"));
        for (const QSettings::Format format : { QSettings::NativeFormat, QSettings::IniFormat })
            QSettings::setPath(format, QSettings::UserScope, m_dir.path());
    }

    void init()
    {
        QSettings().clear();
        m_h.open({ .size = QSize(1200, 800) });
    }

    void cleanup() { m_h.close(); }

    void pauseBehindTheAppsBackIsListedAndNotified()
    {
        const Queue queue = findQueue(false);
        QVERIFY(!queue.id.isEmpty());
        watchFromContextMenu(queue.id, QStringLiteral("Watch Queue"));
        QCOMPARE(m_h.window->actions()->watch()->text().remove(QLatin1Char('&')),
            QStringLiteral("Unwatch Queue"));
        // Watches are kept by id under the organisation (no account here), nothing else.
        QCOMPARE(QSettings()
                     .value(QStringLiteral("watch/org:%1/ids").arg(m_h.server->organization()))
                     .toStringList(),
            QStringList { queue.id });

        QSignalSpy notified(m_h.window->trayIcon(), &TrayIcon::notificationRequested);
        // Nothing yet: watching is not news, and the refresh that follows finds nothing new.
        m_h.refresh();
        QCOMPARE(m_h.window->activityLog()->rowCount(), 0);

        behindTheAppsBack(PauseQueue { m_h.server->organization(), queue.clusterId, queue.id,
            QStringLiteral("INC-42 deploys failing") });
        QCOMPARE(m_h.window->activityLog()->rowCount(), 0); // not seen yet
        m_h.refresh();
        QTRY_COMPARE(m_h.window->activityLog()->rowCount(), 1);
        const Change c = m_h.window->activityLog()->entry(0);
        QCOMPARE(c.kind, Change::Kind::Paused);
        QCOMPARE(c.queueId, queue.id);
        QCOMPARE(c.note, QStringLiteral("INC-42 deploys failing"));
        QVERIFY(!c.who.isEmpty()); // the sandbox's user, as Buildkite names them

        QCOMPARE(notified.count(), 1);
        const QString title = notified.at(0).at(0).toString();
        const QString message = notified.at(0).at(1).toString();
        QCOMPARE(title, QStringLiteral("Queue “%1” paused").arg(queue.key));
        QVERIFY2(message.contains(c.who), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("INC-42 deploys failing")), qPrintable(message));
        // The status bar says it too (the platform may have no tray), and counts it.
        QVERIFY(m_h.window->statusBar()->currentMessage().startsWith(title));
        auto* button = child<QToolButton>("activityButton");
        QVERIFY(button);
        QCOMPARE(button->text(), QStringLiteral("Activity (1)"));

        // The button opens the list; looking at it clears the count; double-click shows the
        // queue in the tree.
        QVERIFY(m_h.window->selectId(queue.clusterId));
        QTest::mouseClick(button, Qt::LeftButton);
        ActivityDialog* dialog = m_h.window->activityDialog();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(button->text(), QStringLiteral("Activity"));
        QTreeView* list = dialog->list();
        QCOMPARE(list->objectName(), QStringLiteral("activityList"));
        QCOMPARE(list->model()->rowCount(), 1);
        QVERIFY(list->isVisible());
        QVERIFY(!dialog->findChild<QWidget*>(QStringLiteral("activityEmpty"))->isVisible());
        const QModelIndex what = list->model()->index(0, ActivityLog::WhatColumn);
        QVERIFY(what.data().toString().contains(queue.key));
        QCOMPARE(list->model()->index(0, ActivityLog::NoteColumn).data().toString(),
            QStringLiteral("INC-42 deploys failing"));
        const QPoint at = list->visualRect(what).center();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(m_h.window->selectedId(), queue.id);

        // Resumed behind its back too: a second entry, on top.
        behindTheAppsBack(ResumeQueue { m_h.server->organization(), queue.clusterId, queue.id });
        m_h.refresh();
        QTRY_COMPARE(m_h.window->activityLog()->rowCount(), 2);
        QCOMPARE(m_h.window->activityLog()->entry(0).kind, Change::Kind::Resumed);
        QCOMPARE(notified.count(), 2);
        // Seen at once while the list is open.
        QCOMPARE(button->text(), QStringLiteral("Activity"));
    }

    void ownPauseIsNotNews()
    {
        const Queue queue = findQueue(false);
        watchFromContextMenu(queue.id, QStringLiteral("Watch Queue"));
        QSignalSpy notified(m_h.window->trayIcon(), &TrayIcon::notificationRequested);
        bool done = false;
        m_h.session->pauseQueue(queue.clusterId, queue.id, QStringLiteral("mine"), nullptr,
            [&done](const Result<Queue>& r) { done = r.ok(); });
        QTRY_VERIFY(done);
        QVERIFY(model()->queue(queue.id)->dispatchPaused);
        m_h.refresh();
        bool resumed = false;
        m_h.session->resumeQueue(queue.clusterId, queue.id, nullptr,
            [&resumed](const Result<Queue>& r) { resumed = r.ok(); });
        QTRY_VERIFY(resumed);
        m_h.refresh();
        QCOMPARE(m_h.window->activityLog()->rowCount(), 0);
        QCOMPARE(notified.count(), 0);
        QCOMPARE(child<QToolButton>("activityButton")->text(), QStringLiteral("Activity"));
    }

    void notificationsOffStillListsTheChange()
    {
        // Preferences: notifications off, through the dialog.
        m_h.window->showPreferences();
        auto* dialog = m_h.window->findChild<PreferencesDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        auto* check = dialog->findChild<QCheckBox*>(QStringLiteral("notificationsCheck"));
        QVERIFY(check);
        QVERIFY(check->isChecked());
        check->click();
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QVERIFY(!m_h.window->refreshPreferences().notifications);
        QVERIFY(!RefreshPreferences::load().notifications);

        // A whole cluster watched; one of its queues, paused already, resumed elsewhere.
        const Queue queue = findQueue(true);
        QVERIFY(!queue.id.isEmpty());
        watchFromContextMenu(queue.clusterId, QStringLiteral("Watch Cluster"));
        QSignalSpy notified(m_h.window->trayIcon(), &TrayIcon::notificationRequested);
        behindTheAppsBack(ResumeQueue { m_h.server->organization(), queue.clusterId, queue.id });
        m_h.refresh();
        QTRY_COMPARE(m_h.window->activityLog()->rowCount(), 1);
        QCOMPARE(m_h.window->activityLog()->entry(0).kind, Change::Kind::Resumed);
        QCOMPARE(m_h.window->activityLog()->entry(0).queueId, queue.id);
        QCOMPARE(notified.count(), 0);
        QCOMPARE(child<QToolButton>("activityButton")->text(), QStringLiteral("Activity (1)"));
    }

    void lastAgentGoneIsNews()
    {
        // A self-hosted queue with agents, watched; its agents drop off behind the app's back.
        Queue queue;
        for (const Cluster& c : model()->clusters()) {
            for (const Queue& q : model()->queues(c.id)) {
                if (!q.hosted && m_h.server->agentCount(q.id) > 0 && queue.id.isEmpty())
                    queue = q;
            }
        }
        QVERIFY(!queue.id.isEmpty());
        QTRY_VERIFY(model()->agentCounts(queue.id).value_or(AgentCounts {}).connected > 0);
        watchFromContextMenu(queue.id, QStringLiteral("Watch Queue"));
        QSignalSpy notified(m_h.window->trayIcon(), &TrayIcon::notificationRequested);
        const QStringList agents = m_h.server->agentIds(queue.id);
        for (const QString& id : agents)
            QVERIFY(m_h.server->loseAgent(id));
        QCOMPARE(m_h.server->agentCount(queue.id), 0);
        bool listed = false;
        m_h.session->refreshAgents([&listed](bool ok, int) { listed = ok; });
        QTRY_VERIFY(listed);
        QTRY_COMPARE(m_h.window->activityLog()->rowCount(), 1);
        QCOMPARE(m_h.window->activityLog()->entry(0).kind, Change::Kind::AgentsGone);
        QCOMPARE(m_h.window->activityLog()->entry(0).queueId, queue.id);
        QCOMPARE(notified.count(), 1);
        QCOMPARE(notified.at(0).at(0).toString(),
            QStringLiteral("Queue “%1” has no agents").arg(queue.key));
    }

    void trayMenuOpensRefreshesAndQuits()
    {
        QMenu* menu = m_h.window->trayIcon()->menu();
        QCOMPARE(menu->objectName(), QStringLiteral("trayMenu"));
        QStringList names;
        for (QAction* a : menu->actions()) {
            if (!a->isSeparator())
                names << a->objectName();
        }
        QCOMPARE(names,
            (QStringList { QStringLiteral("trayOpenAction"), QStringLiteral("trayRefreshAction"),
                QStringLiteral("trayQuitAction") }));
        QSignalSpy started(m_h.session, &OrganizationSession::refreshStarted);
        menu->findChild<QAction*>(QStringLiteral("trayRefreshAction"))->trigger();
        QCOMPARE(started.count(), 1);
        QSignalSpy refreshed(m_h.session, &OrganizationSession::refreshFinished);
        QVERIFY(refreshed.wait(20000));
        m_h.window->showMinimized();
        QTRY_VERIFY(m_h.window->isMinimized());
        menu->findChild<QAction*>(QStringLiteral("trayOpenAction"))->trigger();
        QTRY_VERIFY(!m_h.window->isMinimized());
        QVERIFY(m_h.window->isVisible());
        // Quit goes through the window's Quit (which closes every window): counted, not run.
        disconnect(m_h.window->actions()->quit(), &QAction::triggered, nullptr, nullptr);
        QSignalSpy quit(m_h.window->actions()->quit(), &QAction::triggered);
        menu->findChild<QAction*>(QStringLiteral("trayQuitAction"))->trigger();
        QCOMPARE(quit.count(), 1);
    }
};

QTEST_MAIN(TestWatch)
#include "tst_watch.moc"
