// SPDX-License-Identifier: MIT
// Cluster state at a glance, with the real main window against the sandbox: the attention list
// and its tiles, the tables, pausing and resuming many queues at once, the confirmation before
// resuming someone else's pause, the tree's context menu and the collapsed clusters' badges.
// KITEDECK_SCREENSHOT_DIR=<dir> also saves the dialogs in a light and a dark palette.
#include "api/apiclient.h"
#include "api/requests/queuerequests.h"
#include "attentionmodel.h"
#include "dialogs/bulkdispatchdialog.h"
#include "domain/tokenexpiry.h"
#include "mainwindow/detailstack.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigationcontextmenu.h"
#include "mainwindow/navigationdelegate.h"
#include "mainwindow/navigationfilterproxy.h"
#include "mainwindow/navigationpanel.h"
#include "mainwindow/writeflows.h"
#include "mainwindowharness.h"
#include "modeltesthelpers.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "palette.h"
#include "panes/attentiontile.h"
#include "panes/grouppane.h"
#include "panes/organizationpane.h"
#include "panes/queuetable.h"
#include "queuelistmodel.h"
#include "sandboxserver.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDesktopServices>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using Kind = OrganizationTreeModel::NodeKind;
using Section = AttentionModel::Section;

// Catches the URLs "Open in Browser" hands to the desktop.
class UrlCatcher final : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl& url) { urls.append(url); }
};

class TestClusterState final : public QObject {
    Q_OBJECT

    MainWindowHarness m_h;

    OrganizationTreeModel* model() const { return m_h.session->treeModel(); }
    QTreeView* tree() const { return m_h.window->navigationTree(); }
    QWidget* currentPane() const { return m_h.window->details()->currentWidget(); }

    Cluster clusterNamed(const QString& name) const
    {
        for (const Cluster& c : model()->clusters()) {
            if (c.name == name)
                return c;
        }
        return {};
    }

    Queue queueKeyed(const QString& clusterName, const QString& key) const
    {
        for (const Queue& q : model()->queues(clusterNamed(clusterName).id)) {
            if (q.key == key)
                return q;
        }
        return {};
    }

    QString pausePath(const Queue& q) const
    {
        return QStringLiteral("/v2/organizations/%1/clusters/%2/queues/%3/pause_dispatch")
            .arg(m_h.server->organization(), q.clusterId, q.id);
    }
    QString resumePath(const Queue& q) const
    {
        return QStringLiteral("/v2/organizations/%1/clusters/%2/queues/%3/resume_dispatch")
            .arg(m_h.server->organization(), q.clusterId, q.id);
    }

    template <class T>
    T* waitForDialog()
    {
        T* found = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                found = m_h.window->findChild<T*>();
                return found && found->isVisible();
            },
            5000);
        return found;
    }

    void selectOrganization()
    {
        tree()->setCurrentIndex(m_h.window->filterProxy()->index(0, 0));
        QCOMPARE(currentPane()->objectName(), QStringLiteral("organizationPane"));
    }

    bool pauseAsMe(const Queue& q, const QString& note)
    {
        bool done = false;
        bool ok = false;
        m_h.session->pauseQueue(q.clusterId, q.id, note, nullptr, [&](const Result<Queue>& r) {
            done = true;
            ok = r.ok();
        });
        return QTest::qWaitFor([&] { return done; }, 10000) && ok;
    }

    // Saves the widget in both palettes when KITEDECK_SCREENSHOT_DIR is set.
    static void screenshot(QWidget* widget, const QString& name)
    {
        const QString dir = qEnvironmentVariable("KITEDECK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        const QPalette before = QApplication::palette();
        for (const auto& [suffix, palette] :
            { std::pair { QStringLiteral("light"), Palette::light() },
                std::pair { QStringLiteral("dark"), Palette::dark() } }) {
            QApplication::setPalette(palette);
            QApplication::processEvents();
            widget->grab().save(QStringLiteral("%1/%2-%3.png").arg(dir, name, suffix));
        }
        QApplication::setPalette(before);
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setStyle(QStringLiteral("Fusion")); }

    void init() { m_h.open(); }
    void cleanup() { m_h.close(); }

    // Every state word of the filter, alone and with text, in the real window: the tree shows
    // exactly the queues or tokens the model says are in that state.
    void everyStateWordFiltersTheTree()
    {
        QTRY_VERIFY_WITH_TIMEOUT(model()->agentsKnown(), 20000); // is:idle needs the agents
        const QDateTime now = model()->now();
        QSet<QString> paused, idle, hosted, expired, expiring, pausedMigr;
        for (const Cluster& c : model()->clusters()) {
            for (const Queue& q : model()->queues(c.id)) {
                const bool isHosted = q.hosted || q.instanceShape.isValid();
                if (q.dispatchPaused)
                    paused.insert(q.id);
                if (q.dispatchPaused
                    && (q.key.contains(QLatin1String("migr"), Qt::CaseInsensitive)
                        || q.description.contains(QLatin1String("migr"), Qt::CaseInsensitive)
                        || c.name.contains(QLatin1String("migr"), Qt::CaseInsensitive)))
                    pausedMigr.insert(q.id);
                if (isHosted)
                    hosted.insert(q.id);
                const auto agents = model()->agentCounts(q.id);
                if (!isHosted && agents && agents->connected == 0)
                    idle.insert(q.id);
            }
            for (const AgentToken& t : model()->tokens(c.id)) {
                const auto state = TokenExpiry::classify(t.expiresAt, now);
                if (state == TokenExpiry::State::Expired)
                    expired.insert(t.id);
                if (state == TokenExpiry::State::ExpiringSoon)
                    expiring.insert(t.id);
            }
        }
        // The demo has at least one of each, so no word passes by showing nothing.
        for (const auto* set : { &paused, &idle, &hosted, &expired, &expiring, &pausedMigr })
            QVERIFY(!set->isEmpty());

        auto* filter = m_h.window->findChild<QLineEdit*>(QStringLiteral("filterEdit"));
        auto* proxy = m_h.window->filterProxy();
        const auto shownLeaves = [proxy] {
            QSet<QString> shown;
            QList<QModelIndex> pending { proxy->index(0, 0) };
            while (!pending.isEmpty()) {
                const QModelIndex parent = pending.takeLast();
                for (int row = 0; row < proxy->rowCount(parent); ++row) {
                    const QModelIndex i = proxy->index(row, 0, parent);
                    const auto kind = i.data(OrganizationTreeModel::KindRole).value<Kind>();
                    if (kind == Kind::Queue || kind == Kind::Token)
                        shown.insert(i.data(OrganizationTreeModel::IdRole).toString());
                    pending.append(i);
                }
            }
            return shown;
        };
        const QList<std::pair<QString, QSet<QString>>> cases {
            { QStringLiteral("is:paused"), paused }, { QStringLiteral("is:idle"), idle },
            { QStringLiteral("is:hosted"), hosted }, { QStringLiteral("is:expired"), expired },
            { QStringLiteral("is:expiring"), expiring },
            { QStringLiteral("is:paused migr"), pausedMigr },
            { QStringLiteral("migr is:paused"), pausedMigr }, // in any order
        };
        for (const auto& [words, expected] : cases) {
            filter->setText(words);
            m_h.window->navigation()->flushFilter();
            QCOMPARE(proxy->filterText(), words);
            const QSet<QString> shown = shownLeaves();
            QVERIFY2(shown == expected,
                qPrintable(QStringLiteral("%1: %2 shown, %3 expected")
                               .arg(words)
                               .arg(shown.size())
                               .arg(expected.size())));
        }
        filter->clear();
        m_h.window->navigation()->flushFilter();
        QVERIFY(shownLeaves().size() > paused.size() + expired.size());
    }

    void attentionTilesFilterTheTreeAndTheListLeadsToIt()
    {
        selectOrganization();
        auto* pane = qobject_cast<OrganizationPane*>(currentPane());
        QVERIFY(pane);
        // The demo: Priya Raman's pause of db-migrations, one expired and one expiring token.
        QTRY_COMPARE(pane->findChild<QLabel*>(QStringLiteral("pausedQueuesCount"))->text(),
            QStringLiteral("1"));
        QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("expiredCount"))->text(),
            QString::number(model()->summary().expiredTokens));
        QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("expiringSoonCount"))->text(),
            QString::number(model()->summary().expiringSoonTokens));

        auto* proxy = m_h.window->filterProxy();
        const int clustersShown = proxy->rowCount(proxy->index(0, 0));
        QTest::mouseClick(pane->findChild<AttentionTile*>(QStringLiteral("pausedQueuesCountTile")),
            Qt::LeftButton);
        auto* filter = m_h.window->findChild<QLineEdit*>(QStringLiteral("filterEdit"));
        QCOMPARE(filter->text(), QStringLiteral("is:paused"));
        QCOMPARE(proxy->filterText(), QStringLiteral("is:paused"));
        // The tree is filtered: fewer clusters, and no queue that dispatches is left.
        QVERIFY(proxy->rowCount(proxy->index(0, 0)) < clustersShown);
        QList<QModelIndex> pending { proxy->index(0, 0) };
        while (!pending.isEmpty()) {
            const QModelIndex parent = pending.takeLast();
            for (int row = 0; row < proxy->rowCount(parent); ++row) {
                const QModelIndex i = proxy->index(row, 0, parent);
                if (i.data(OrganizationTreeModel::KindRole).value<Kind>() == Kind::Queue)
                    QVERIFY(i.data(OrganizationTreeModel::PausedRole).toBool());
                pending.append(i);
            }
        }
        filter->clear();

        // One click on the paused queue in the list selects it in the tree.
        const Queue migrations
            = queueKeyed(QStringLiteral("Production"), QStringLiteral("db-migrations"));
        auto* list = pane->findChild<QTreeView*>(QStringLiteral("attentionList"));
        const QModelIndex item = pane->attentionModel()->index(
            0, AttentionModel::Name, pane->attentionModel()->sectionIndex(Section::PausedQueues));
        QCOMPARE(item.data(AttentionModel::IdRole).toString(), migrations.id);
        QVERIFY(item.siblingAtColumn(AttentionModel::Details)
                    .data()
                    .toString()
                    .contains(QStringLiteral("Priya Raman")));
        list->scrollTo(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(item).center());
        QCOMPARE(m_h.window->selectedId(), migrations.id);
        QCOMPARE(currentPane()->objectName(), QStringLiteral("queueDetailPane"));
    }

    void bulkPauseReportsEachFailureAndLeavesItAsItWas()
    {
        const Cluster production = clusterNamed(QStringLiteral("Production"));
        QVERIFY(m_h.window->selectId(OrganizationTreeModel::queueGroupId(production.id)));
        auto* group = qobject_cast<GroupPane*>(currentPane());
        QVERIFY(group);
        QCOMPARE(group->objectName(), QStringLiteral("queueGroupPane"));
        QueueTable* table = group->queueTable();
        QTRY_COMPARE(table->model()->rowCount(), int(model()->queues(production.id).size()));

        const Queue deploy = queueKeyed(QStringLiteral("Production"), QStringLiteral("deploy"));
        const Queue def = queueKeyed(QStringLiteral("Production"), QStringLiteral("default"));
        const Queue arm = queueKeyed(QStringLiteral("Production"), QStringLiteral("hosted-arm"));
        const Queue migrations
            = queueKeyed(QStringLiteral("Production"), QStringLiteral("db-migrations"));
        const QByteArray message = "Queue cannot be paused while a deploy is running";
        m_h.server->failWithMessage(pausePath(deploy), 422, message, -1, "POST");

        // The paused one is selected too: pausing leaves it alone.
        table->selectIds({ deploy.id, def.id, arm.id, migrations.id });
        auto* pause = table->findChild<QPushButton*>(QStringLiteral("pauseSelectedButton"));
        QCOMPARE(pause->text(), QStringLiteral("Pause 3…"));
        pause->click();
        auto* dialog = waitForDialog<BulkDispatchDialog>();
        QVERIFY(dialog);
        auto* list = dialog->findChild<QTreeWidget*>(QStringLiteral("bulkQueueList"));
        QCOMPARE(list->topLevelItemCount(), 3);
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("bulkIntroLabel"))
                    ->text()
                    .contains(QStringLiteral("3 queues")));
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("bulkNoteEdit"))
            ->setPlainText(QStringLiteral("INC-77 bad deploy"));
        screenshot(dialog, QStringLiteral("bulk-pause-confirm"));
        dialog->findChild<QPushButton*>(QStringLiteral("bulkConfirmButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->operation() && dialog->operation()->isFinished(), 20000);

        // The result list: each queue's outcome, the failure in Buildkite's words.
        QCOMPARE(dialog->statusText(def.id), QStringLiteral("Paused"));
        QCOMPARE(dialog->statusText(arm.id), QStringLiteral("Paused"));
        QCOMPARE(dialog->statusText(deploy.id),
            QStringLiteral("Failed: %1").arg(QString::fromUtf8(message)));
        QVERIFY(dialog->summaryText().startsWith(QStringLiteral("2 paused, 1 failed")));
        QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("bulkRetryButton"))->isVisible());
        screenshot(dialog, QStringLiteral("bulk-pause-result"));

        // The tree: the two paused with the note, the failed one as it was.
        QVERIFY(model()->queue(def.id)->dispatchPaused);
        QCOMPARE(model()->queue(def.id)->dispatchPausedNote, QStringLiteral("INC-77 bad deploy"));
        QVERIFY(model()->queue(arm.id)->dispatchPaused);
        QVERIFY(!model()->queue(deploy.id)->dispatchPaused);
        // The table marks it.
        const QModelIndex state = table->model()->indexForId(deploy.id, QueueListModel::State);
        QTRY_COMPARE(state.data().toString(), QStringLiteral("Running · pause failed"));
        QCOMPARE(state.data(QueueListModel::ErrorRole).toString(), QString::fromUtf8(message));
        // The pause reaches the table through the tree, a moment later (TreeListFeed).
        QTRY_COMPARE(table->model()->indexForId(def.id, QueueListModel::State).data().toString(),
            QStringLiteral("Paused"));

        // Retry the failed one once the server lets it through.
        m_h.server->clearFaults();
        dialog->findChild<QPushButton*>(QStringLiteral("bulkRetryButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(model()->queue(deploy.id)->dispatchPaused, 10000);
        QTRY_COMPARE(dialog->statusText(deploy.id), QStringLiteral("Paused"));
        QTRY_COMPARE(state.data().toString(), QStringLiteral("Paused"));
        QCOMPARE(
            model()->queue(deploy.id)->dispatchPausedNote, QStringLiteral("INC-77 bad deploy"));
        dialog->findChild<QPushButton*>(QStringLiteral("bulkCloseButton"))->click();
        QTRY_VERIFY(!m_h.window->findChild<BulkDispatchDialog*>());
    }

    void resumingSomeoneElsesPauseAsksFirst()
    {
        const Queue migrations
            = queueKeyed(QStringLiteral("Production"), QStringLiteral("db-migrations"));
        QVERIFY(migrations.dispatchPaused);
        QVERIFY(m_h.window->selectId(migrations.id));
        auto* resume = m_h.window->findChild<QPushButton*>(QStringLiteral("resumeButton"));
        QTRY_VERIFY(resume->isVisible() && resume->isEnabled());

        QString text;
        QString info;
        auto answer = [&](const char* button) {
            QTimer::singleShot(0, this, [&, button] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (!box) {
                    box = m_h.window->findChild<QMessageBox*>(QStringLiteral("confirmResumeBox"));
                }
                QVERIFY(box);
                QCOMPARE(box->objectName(), QStringLiteral("confirmResumeBox"));
                text = box->text();
                info = box->informativeText();
                screenshot(box, QStringLiteral("resume-confirm"));
                box->findChild<QPushButton*>(QLatin1String(button))->click();
            });
        };
        answer("cancelButton");
        resume->click();
        QVERIFY(text.contains(QStringLiteral("db-migrations")));
        QVERIFY(info.contains(QStringLiteral("Priya Raman")));
        QVERIFY(info.contains(QStringLiteral("replication lag")));
        QVERIFY(info.contains(QStringLiteral("ago")));
        QTest::qWait(100);
        QCOMPARE(m_h.server->receivedCount("POST", resumePath(migrations)), 0);
        QVERIFY(model()->queue(migrations.id)->dispatchPaused);

        answer("confirmButton");
        resume->click();
        QTRY_VERIFY_WITH_TIMEOUT(!model()->queue(migrations.id)->dispatchPaused, 10000);
        QCOMPARE(m_h.server->receivedCount("POST", resumePath(migrations)), 1);
    }

    void resumingYourOwnPauseIsOneClick()
    {
        const Queue deploy = queueKeyed(QStringLiteral("Production"), QStringLiteral("deploy"));
        QVERIFY(pauseAsMe(deploy, QStringLiteral("mine")));
        QVERIFY(m_h.window->selectId(deploy.id));
        auto* resume = m_h.window->findChild<QPushButton*>(QStringLiteral("resumeButton"));
        QTRY_VERIFY(resume->isVisible() && resume->isEnabled());
        // Were a box to come, it would be noticed and turned down.
        bool asked = false;
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [&] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                asked = true;
                box->reject();
            }
        });
        watch.start(10);
        resume->click();
        QTRY_VERIFY_WITH_TIMEOUT(!model()->queue(deploy.id)->dispatchPaused, 10000);
        QVERIFY(!asked);
    }

    void bulkResumeShowsWhosePausesTheyAre()
    {
        const Queue migrations
            = queueKeyed(QStringLiteral("Production"), QStringLiteral("db-migrations"));
        const Queue deploy = queueKeyed(QStringLiteral("Production"), QStringLiteral("deploy"));
        QVERIFY(pauseAsMe(deploy, QStringLiteral("mine")));
        m_h.window->flows()->resumeQueues(
            { *model()->queue(migrations.id), *model()->queue(deploy.id) });
        auto* dialog = waitForDialog<BulkDispatchDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->othersPauses(), 1);
        QVERIFY(dialog->findChild<QWidget*>(QStringLiteral("bulkOthersBanner"))->isVisible());
        auto* list = dialog->findChild<QTreeWidget*>(QStringLiteral("bulkQueueList"));
        QStringList pausers;
        QStringList notes;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            pausers.append(list->topLevelItem(i)->text(2));
            notes.append(list->topLevelItem(i)->text(4));
        }
        pausers.sort();
        QCOMPARE(pausers, (QStringList { QStringLiteral("Priya Raman"), QStringLiteral("You") }));
        QVERIFY(notes.join(QLatin1Char(' ')).contains(QStringLiteral("replication lag")));
        // Return does not resume someone else's pause: Cancel is the default.
        QVERIFY(dialog->findChild<QPushButton*>(QStringLiteral("bulkCloseButton"))->isDefault());
        screenshot(dialog, QStringLiteral("bulk-resume-confirm"));
        dialog->findChild<QPushButton*>(QStringLiteral("bulkConfirmButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->operation() && dialog->operation()->isFinished(), 20000);
        QVERIFY(!model()->queue(migrations.id)->dispatchPaused);
        QVERIFY(!model()->queue(deploy.id)->dispatchPaused);
        QCOMPARE(dialog->summaryText(), QStringLiteral("2 resumed."));
    }

    void tablesKeepSortAndSelectionAcrossARefresh()
    {
        selectOrganization();
        auto* pane = qobject_cast<OrganizationPane*>(currentPane());
        QVERIFY(pane);
        pane->tabs()->setCurrentIndex(1);
        QueueTable* table = pane->queueTable();
        QTRY_COMPARE(table->model()->rowCount(), model()->summary().queues);
        QTreeView* view = table->findChild<QTreeView*>(QStringLiteral("tableView"));
        view->sortByColumn(QueueListModel::Key, Qt::DescendingOrder);
        const QString firstKey = view->model()->index(0, QueueListModel::Key).data().toString();
        const Queue deploy = queueKeyed(QStringLiteral("Production"), QStringLiteral("deploy"));
        const Queue def = queueKeyed(QStringLiteral("Production"), QStringLiteral("default"));
        table->selectIds({ deploy.id, def.id });
        const QStringList selected = table->selectedIds();
        QCOMPARE(selected.size(), 2);
        const int scroll = view->verticalScrollBar() ? view->verticalScrollBar()->value() : 0;

        // Another client pauses "deploy"; a refresh brings it in.
        QNetworkAccessManager otherNam;
        ApiClient other(&otherNam);
        QVERIFY(!other.setBaseUrl(m_h.server->baseUrl()));
        other.setToken(m_h.server->readWriteToken());
        bool done = false;
        other.call(PauseQueue { m_h.server->organization(), deploy.clusterId, deploy.id,
                       QStringLiteral("From the CLI") },
            this, [&](const Result<Queue>& r) { done = r.ok(); });
        QTRY_VERIFY(done);
        ModelSpies spies(table->model());
        QSignalSpy refreshed(m_h.session, &OrganizationSession::refreshFinished);
        m_h.window->refresh();
        QVERIFY(refreshed.wait(20000));
        const QModelIndex state = table->model()->indexForId(deploy.id, QueueListModel::State);
        QTRY_COMPARE(state.data().toString(), QStringLiteral("Paused"));
        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(view->header()->sortIndicatorSection(), int(QueueListModel::Key));
        QCOMPARE(view->header()->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(view->model()->index(0, QueueListModel::Key).data().toString(), firstKey);
        QCOMPARE(table->selectedIds(), selected);
        QCOMPARE(view->verticalScrollBar()->value(), scroll);
        QCOMPARE(table->model()->indexForId(deploy.id, QueueListModel::Note).data().toString(),
            QStringLiteral("From the CLI"));

        // Enter on a row selects its queue in the tree.
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        const QString id = view->model()->index(0, 0).data(ModelRoles::Id).toString();
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(m_h.window->selectedId(), id);
    }

    void contextMenuOffersTheSelectionsActions()
    {
        const Queue deploy = queueKeyed(QStringLiteral("Production"), QStringLiteral("deploy"));
        QVERIFY(m_h.window->selectId(deploy.id));
        tree()->setFocus();
        NavigationContextMenu* controller = m_h.window->contextMenu();

        // The Menu key.
        QTest::keyClick(tree(), Qt::Key_Menu);
        QMenu* menu = controller->menu();
        QVERIFY(menu);
        QTRY_VERIFY(menu->isVisible());
        QStringList names;
        for (QAction* action : menu->actions()) {
            if (!action->isSeparator())
                names.append(action->objectName());
        }
        QCOMPARE(names,
            (QStringList { QStringLiteral("pauseAction"), QStringLiteral("editItemAction"),
                QStringLiteral("deleteAction"), QStringLiteral("watchAction"),
                QStringLiteral("copyKeyAction"), QStringLiteral("copyIdAction"),
                QStringLiteral("copyUrlAction"), QStringLiteral("openInBrowserAction") }));
        for (QAction* action : menu->actions()) {
            if (action->objectName() == QLatin1String("copyIdAction"))
                action->trigger();
        }
        QCOMPARE(QApplication::clipboard()->text(), deploy.id);
        menu->close();

        // Shift+F10, and Open in Browser hands the queue's page to the desktop.
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &catcher, "open");
        QTest::keyClick(tree(), Qt::Key_F10, Qt::ShiftModifier);
        QTRY_VERIFY(controller->menu() && controller->menu()->isVisible());
        for (QAction* action : controller->menu()->actions()) {
            if (action->objectName() == QLatin1String("openInBrowserAction")) {
                QVERIFY(action->isEnabled());
                action->trigger();
            }
        }
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QCOMPARE(catcher.urls.size(), 1);
        QCOMPARE(catcher.urls.at(0).toString(), deploy.webUrl);
        controller->menu()->close();

        // A right click on a cluster selects it and offers its incident actions.
        const Cluster production = clusterNamed(QStringLiteral("Production"));
        const QModelIndex row
            = m_h.window->filterProxy()->mapFromSource(model()->indexForId(production.id));
        tree()->scrollTo(row);
        const QPoint at = tree()->visualRect(row).center();
        QContextMenuEvent click(QContextMenuEvent::Mouse, at, tree()->viewport()->mapToGlobal(at));
        QApplication::sendEvent(tree()->viewport(), &click);
        QCOMPARE(m_h.window->selectedId(), production.id);
        QTRY_VERIFY(controller->menu() && controller->menu()->isVisible());
        QAction* pauseAll = nullptr;
        for (QAction* action : controller->menu()->actions()) {
            if (action->objectName() == QLatin1String("pauseAllAction"))
                pauseAll = action;
        }
        QVERIFY(pauseAll);
        const QList<Queue> queues = model()->queues(production.id);
        const int running = int(std::count_if(
            queues.cbegin(), queues.cend(), [](const Queue& q) { return !q.dispatchPaused; }));
        QCOMPARE(pauseAll->text(), QStringLiteral("Pause All %1 Running Queues…").arg(running));
        pauseAll->trigger();
        auto* dialog = waitForDialog<BulkDispatchDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->queues().size(), running);
        dialog->findChild<QPushButton*>(QStringLiteral("bulkCloseButton"))->click();
        QTRY_VERIFY(!m_h.window->findChild<BulkDispatchDialog*>());

        // With a filter, the queues it shows.
        m_h.window->findChild<QLineEdit*>(QStringLiteral("filterEdit"))
            ->setText(QStringLiteral("hosted"));
        const int shown = int(controller->queuesShown().size());
        QVERIFY(shown > 0);
        selectOrganization();
        QMenu* built = controller->build(m_h.window);
        bool matching = false;
        for (QAction* action : built->actions())
            matching = matching || action->objectName() == QLatin1String("pauseMatchingAction");
        QVERIFY(matching);
        delete built;
    }

    void collapsedClusterShowsItsBadges()
    {
        const Cluster production = clusterNamed(QStringLiteral("Production"));
        const QModelIndex row
            = m_h.window->filterProxy()->mapFromSource(model()->indexForId(production.id));
        tree()->collapse(row);
        auto chipTexts = [&] {
            QStringList out;
            for (const auto& chip : NavigationDelegate::chips(row, tree()->isExpanded(row)))
                out.append(chip.text);
            return out;
        };
        QCOMPARE(
            chipTexts(), (QStringList { QStringLiteral("1 paused"), QStringLiteral("1 expired") }));
        // Expanded, the rows below say it.
        tree()->expand(row);
        QCOMPARE(chipTexts(), QStringList {});
        tree()->collapse(row);

        // Resumed elsewhere: the cluster row reports its count changed, and the badge goes.
        QSignalSpy changed(model(), &QAbstractItemModel::dataChanged);
        const Queue migrations
            = queueKeyed(QStringLiteral("Production"), QStringLiteral("db-migrations"));
        bool done = false;
        m_h.session->resumeQueue(migrations.clusterId, migrations.id, nullptr,
            [&](const Result<Queue>&) { done = true; });
        QTRY_VERIFY(done);
        QCOMPARE(chipTexts(), QStringList { QStringLiteral("1 expired") });
        bool clusterReported = false;
        for (const auto& args : changed) {
            if (args.at(0).value<QModelIndex>() == model()->indexForId(production.id))
                clusterReported = args.at(2).value<QList<int>>().contains(ModelRoles::PausedQueues);
        }
        QVERIFY(clusterReported);
        // Paused again: back.
        QVERIFY(pauseAsMe(migrations, QStringLiteral("again")));
        QCOMPARE(
            chipTexts(), (QStringList { QStringLiteral("1 paused"), QStringLiteral("1 expired") }));
    }

    void groupRowsShowTheirTables()
    {
        const Cluster production = clusterNamed(QStringLiteral("Production"));
        QVERIFY(m_h.window->selectId(OrganizationTreeModel::tokenGroupId(production.id)));
        auto* group = qobject_cast<GroupPane*>(currentPane());
        QVERIFY(group);
        QCOMPARE(group->objectName(), QStringLiteral("tokenGroupPane"));
        QTreeView* view = group->findChild<QTreeView*>(QStringLiteral("tableView"));
        QTRY_COMPARE(view->model()->rowCount(), int(model()->tokens(production.id).size()));
        // Double click (Enter) on a token selects it in the tree.
        view->setFocus();
        view->setCurrentIndex(view->model()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(currentPane()->objectName(), QStringLiteral("agentTokenDetailPane"));

        // The cluster's own pane has its queues as a table too.
        QVERIFY(m_h.window->selectId(production.id));
        auto* table
            = currentPane()->findChild<QueueTable*>(QStringLiteral("clusterPaneQueuesTable"));
        QVERIFY(table);
        QTRY_COMPARE(table->model()->rowCount(), int(model()->queues(production.id).size()));
    }
};

QTEST_MAIN(TestClusterState)
#include "tst_clusterstate.moc"
