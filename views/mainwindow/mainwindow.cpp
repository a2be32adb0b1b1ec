// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "activitydialog.h"
#include "activitylog.h"
#include "agentsfeed.h"
#include "autorefresh.h"
#include "detailstack.h"
#include "hotclustertracker.h"
#include "mainstatusbar.h"
#include "mainwindowactions.h"
#include "navigationcontextmenu.h"
#include "navigationpanel.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "panes/banner.h"
#include "trayicon.h"
#include "watchlist.h"
#include "writeflows.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using Selected = NavigationSelection::Kind;

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_actions(new MainWindowActions(this))
    , m_flows(new WriteFlows(this))
    , m_autoRefresh(new AutoRefresh(this))
{
    setWindowTitle(tr("Kitedeck"));
    setWindowIcon(QIcon(QStringLiteral(":/app-icon/kitedeck.svg")));
    buildUi();
    connectParts();
    restoreSettings();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    m_actions->fillMenuBar(menuBar());
    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions->fillToolBar(m_toolBar);

    m_navigation = new NavigationPanel(this);
    m_navigation->tree()->addAction(m_actions->remove());
    m_contextMenu = new NavigationContextMenu(m_navigation, m_actions, m_flows, this);

    // Right: operation errors above the detail panes.
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 6, 6, 6);
    rightLayout->setSpacing(6);
    m_errorBar = new Banner(right);
    m_errorBar->setObjectName(QStringLiteral("operationErrorBar"));
    m_errorBar->setTone(Tone::Danger);
    auto* dismiss = new QPushButton(tr("Dismiss"), m_errorBar);
    dismiss->setObjectName(QStringLiteral("dismissErrorButton"));
    connect(dismiss, &QPushButton::clicked, this, &MainWindow::hideOperationError);
    m_errorBar->addTrailingWidget(dismiss);
    m_errorBar->hide();
    rightLayout->addWidget(m_errorBar);

    m_details = new DetailStack(right);
    rightLayout->addWidget(m_details, 1);
    m_agentsFeed = new AgentsFeed(m_details, this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ 420, 680 });

    // Above the tree and the panes alike: what they show is older than it should be.
    m_browse = new QWidget(this);
    m_browse->setObjectName(QStringLiteral("browsePage"));
    auto* browseLayout = new QVBoxLayout(m_browse);
    browseLayout->setContentsMargins(0, 0, 0, 0);
    browseLayout->setSpacing(0);
    m_staleBanner = new Banner(m_browse);
    m_staleBanner->setObjectName(QStringLiteral("staleBanner"));
    m_staleBanner->label()->setObjectName(QStringLiteral("staleLabel"));
    m_staleBanner->setTone(Tone::Warning);
    auto* retry = new QPushButton(tr("Retry"), m_staleBanner);
    retry->setObjectName(QStringLiteral("staleRetryButton"));
    retry->setToolTip(tr("Check the cluster list and the clusters on screen now"));
    connect(retry, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->retryNow();
    });
    m_staleBanner->addTrailingWidget(retry);
    m_staleBanner->hide();
    auto* bannerRow = new QVBoxLayout;
    bannerRow->setContentsMargins(6, 6, 6, 0);
    bannerRow->addWidget(m_staleBanner);
    browseLayout->addLayout(bannerRow);
    browseLayout->addWidget(m_splitter, 1);

    m_central = new QStackedWidget(this);
    m_central->setObjectName(QStringLiteral("centralStack"));
    m_central->addWidget(m_browse);
    setCentralWidget(m_central);
    m_hotClusters = new HotClusterTracker(m_navigation->tree(), this);

    m_statusBar = new MainStatusBar(this);
    setStatusBar(m_statusBar);

    m_watchList = new WatchList(this);
    m_navigation->setIsWatched([this](const QString& id) { return m_watchList->isWatched(id); });
    m_activityLog = new ActivityLog(this);
    m_tray = new TrayIcon(this, m_actions->refresh(), m_actions->quit(), this);
}

void MainWindow::connectParts()
{
    // The actions that act on the selection ask it here; the rest go straight to their part.
    const MainWindowActions* a = m_actions;
    connect(a->refresh(), &QAction::triggered, this, &MainWindow::refresh);
    connect(a->autoRefresh(), &QAction::toggled, m_autoRefresh, &AutoRefresh::setEnabled);
    connect(a->preferences(), &QAction::triggered, this, &MainWindow::showPreferences);
    connect(a->newCluster(), &QAction::triggered, this, &MainWindow::newCluster);
    connect(a->newQueue(), &QAction::triggered, this, &MainWindow::newQueue);
    connect(a->newToken(), &QAction::triggered, this, &MainWindow::newAgentToken);
    connect(a->pause(), &QAction::triggered, this, &MainWindow::pauseSelectedQueue);
    connect(a->resume(), &QAction::triggered, this, &MainWindow::resumeSelectedQueue);
    connect(a->remove(), &QAction::triggered, this, &MainWindow::deleteSelected);
    connect(a->find(), &QAction::triggered, m_navigation, &NavigationPanel::focusFilter);
    connect(a->quit(), &QAction::triggered, qApp, &QApplication::closeAllWindows);
    connect(a->about(), &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_navigation, &NavigationPanel::currentChanged, this, &MainWindow::onCurrentChanged);
    connect(m_hotClusters, &HotClusterTracker::hotClustersChanged, this,
        [this](const QStringList& ids) {
            if (m_session)
                m_session->setHotClusters(ids);
        });
    connect(m_hotClusters, &HotClusterTracker::tokensOpened, this, [this](const QString& id) {
        if (m_session)
            m_session->wantTokens(id);
    });

    // What the panes ask for, the flows do, and answer where the user looks.
    m_details->connectFlows(m_flows);
    connect(m_details, &DetailStack::retryRequested, this, &MainWindow::refresh);
    connect(m_flows, &WriteFlows::selectRequested, this, &MainWindow::selectId);
    connect(m_flows, &WriteFlows::failed, this, &MainWindow::showOperationError);
    // Undo of a pause or resume, offered in the status bar.
    connect(m_flows, &WriteFlows::undoOffered, m_statusBar, &MainStatusBar::offerUndo);
    connect(m_flows, &WriteFlows::undoWithdrawn, m_statusBar, &MainStatusBar::withdrawUndo);
    connect(m_statusBar, &MainStatusBar::undoRequested, m_flows, &WriteFlows::undo);
    // The attention list and the tables point into the tree, and the tiles filter it.
    connect(m_details, &DetailStack::selectRequested, this, &MainWindow::selectId);
    connect(
        m_details, &DetailStack::filterRequested, m_navigation, &NavigationPanel::setFilterText);

    // Watching and what it notices.
    connect(a->watch(), &QAction::triggered, this, &MainWindow::toggleWatchSelected);
    connect(a->activity(), &QAction::triggered, this, &MainWindow::showActivity);
    connect(m_statusBar, &MainStatusBar::activityRequested, this, &MainWindow::showActivity);
    connect(m_activityLog, &ActivityLog::unseenCountChanged, m_statusBar,
        &MainStatusBar::setUnseenActivity);
    connect(m_watchList, &WatchList::watchedChanged, this, [this] {
        updateActions();
        m_navigation->tree()->viewport()->update(); // a row's star
    });
    connect(m_tray, &TrayIcon::openRequested, this, &MainWindow::bringToFront);
    connect(m_tray, &TrayIcon::messageClicked, this, [this] {
        bringToFront();
        showActivity();
    });
}

void MainWindow::setAccountWidget(QWidget* widget)
{
    if (m_accountWidgetAction) {
        m_toolBar->removeAction(m_accountWidgetAction);
        m_accountWidgetAction = nullptr;
    }
    if (!widget)
        return;
    auto* spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_accountWidgetAction = m_toolBar->addWidget(widget);
}

void MainWindow::showWelcome(QWidget* page)
{
    setSession(nullptr);
    if (m_central->indexOf(page) < 0)
        m_central->addWidget(page);
    m_central->setCurrentWidget(page);
    m_toolBar->setVisible(false);
}

void MainWindow::showNotice(const QString& text)
{
    m_errorBar->setTone(Tone::Warning);
    m_errorBar->setText(text);
    m_errorBar->show();
}

void MainWindow::setSession(OrganizationSession* session)
{
    for (const auto& c : std::as_const(m_sessionConnections))
        disconnect(c);
    m_sessionConnections.clear();
    m_session = session;
    if (session)
        session->setRefreshBudget(m_preferences.share(), m_preferences.intervalSeconds);
    m_autoRefresh->setSession(session);
    m_flows->setSession(session);
    m_agentsFeed->setSession(session);
    m_statusBar->setSession(session);
    hideOperationError();
    m_staleBanner->hide();
    OrganizationTreeModel* model = session ? session->treeModel() : nullptr;
    m_navigation->setModel(model);
    m_details->setModel(model);
    m_contextMenu->setSession(session);
    delete m_detector;
    m_detector = nullptr;
    if (!session) {
        showSelection();
        setWindowTitle(tr("Kitedeck"));
        updateActions();
        return;
    }
    m_central->setCurrentWidget(m_browse);
    m_toolBar->setVisible(true);
    setWindowTitle(tr("%1 — Kitedeck").arg(session->organization()));
    m_details->setOrganization(session->organization());

    // Watches are kept per account; the Activity list per organisation shown.
    m_watchList->setAccount(m_watchAccount.isEmpty()
            ? QStringLiteral("org:") + session->organization()
            : m_watchAccount);
    if (m_activityOrganization != session->organization()) {
        m_activityLog->clear();
        m_activityOrganization = session->organization();
    }
    m_detector = new ChangeDetector(model, m_watchList, this);
    connect(m_detector, &ChangeDetector::changed, this, &MainWindow::onWatchedChange);
    connect(session, &OrganizationSession::queueWriteStarted, m_detector,
        &ChangeDetector::beginOwnWrite);
    connect(session, &OrganizationSession::queueWriteFinished, m_detector,
        &ChangeDetector::endOwnWrite);

    auto& c = m_sessionConnections;
    c << connect(session, &OrganizationSession::refreshStarted, this, &MainWindow::updateActions);
    c << connect(
        session, &OrganizationSession::refreshFinished, this, &MainWindow::onRefreshFinished);
    c << connect(
        session, &OrganizationSession::rateLimitChanged, this, &MainWindow::updateRateLimit);
    c << connect(
        session, &OrganizationSession::accessTokenLoaded, this, &MainWindow::updateWritePermission);
    c << connect(
        session, &OrganizationSession::accessTokenFailed, this, [this](const ApiError& error) {
            showOperationError(tr("Could not check the API token"), error);
            updateWritePermission();
        });
    c << connect(session, &OrganizationSession::reachabilityChanged, this, [this] {
        updateWritePermission();
        updateStaleBanner();
    });
    c << connect(
        session, &OrganizationSession::freshnessChanged, this, &MainWindow::updateStaleBanner);
    c << connect(model, &QAbstractItemModel::dataChanged, this, &MainWindow::onRowsChanged);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        c << connect(model, signal, this, [this](const QModelIndex& parent) {
            // A row came or went under the one shown (a cluster's queue list: its counts and
            // default-queue choices).
            if (showsRowOrAncestorOf(parent))
                showSelection();
        });
    c << connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::showSelection);
    c << connect(model, &OrganizationTreeModel::summaryChanged, this,
        [this, model] { m_details->setSummary(model->summary()); });

    m_details->setSummary(model->summary());
    updateWritePermission();
    updateRateLimit(session->rateLimit());
    updateStaleBanner();
    showSelection();
    m_hotClusters->update();
    session->setHotClusters(m_hotClusters->hotClusters());
    if (!session->lastRefreshed().isValid() && !session->isRefreshing())
        session->refresh();
    if (!session->accessToken())
        session->fetchAccessToken();
    updateActions();
}

QTreeView* MainWindow::navigationTree() const { return m_navigation->tree(); }

NavigationFilterProxy* MainWindow::filterProxy() const { return m_navigation->proxy(); }

ChangeHighlighter* MainWindow::highlighter() const { return m_navigation->highlighter(); }

bool MainWindow::selectId(const QString& id) { return m_navigation->selectId(id); }

QString MainWindow::selectedId() const { return m_navigation->selectedId(); }

void MainWindow::refresh()
{
    if (!m_session)
        return;
    m_session->refresh();
    updateActions();
}

void MainWindow::newCluster() { m_flows->newCluster(); }

void MainWindow::newQueue()
{
    if (const auto cluster = m_navigation->selection().cluster)
        m_flows->createQueueIn(*cluster);
}

void MainWindow::newAgentToken()
{
    if (const auto cluster = m_navigation->selection().cluster)
        m_flows->createTokenIn(*cluster);
}

void MainWindow::pauseSelectedQueue()
{
    if (const auto queue = m_navigation->selection().queue; queue && !queue->dispatchPaused)
        m_flows->pauseQueue(*queue);
}

void MainWindow::resumeSelectedQueue()
{
    if (const auto queue = m_navigation->selection().queue; queue && queue->dispatchPaused)
        m_flows->resumeQueue(*queue);
}

void MainWindow::deleteSelected()
{
    const NavigationSelection selection = m_navigation->selection();
    if (selection.kind == Selected::Cluster && selection.cluster)
        m_flows->deleteCluster(*selection.cluster);
    else if (selection.kind == Selected::Queue && selection.queue)
        m_flows->deleteQueue(*selection.queue);
    else if (selection.kind == Selected::Token && selection.token)
        m_flows->revokeToken(*selection.token);
}

void MainWindow::onRefreshFinished(const ApiError& error)
{
    m_navigation->setHighlightChanges(true); // the first load is over: what changes now is news
    updateActions();
    const Selected selected = m_navigation->selection().kind;
    if (error) {
        if (selected == Selected::Organization && m_session->treeModel()->summary().clusters == 0)
            m_details->showLoadError(m_session->organization(), error);
    } else if (m_details->isShowingMessage() && selected == Selected::Organization) {
        showSelection();
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::WindowStateChange)
        m_autoRefresh->setMinimised(windowState() & Qt::WindowMinimized);
    QMainWindow::changeEvent(event);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_shownOnce) {
        m_shownOnce = true;
        QTimer::singleShot(0, this, &MainWindow::shown);
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resize(1180, 760);
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_actions->autoRefresh()->setChecked(
        settings.value(QStringLiteral("autoRefresh"), true).toBool());
    m_autoRefresh->setEnabled(m_actions->autoRefresh()->isChecked());
    m_preferences = RefreshPreferences::load();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("autoRefresh"), m_actions->autoRefresh()->isChecked());
}

void MainWindow::onCurrentChanged()
{
    hideOperationError();
    showSelection();
    updateActions();
}

void MainWindow::onRowsChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight)
{
    const QModelIndex current = m_navigation->currentIndex();
    const bool shown = current.isValid() && current.parent() == topLeft.parent()
        && current.row() >= topLeft.row() && current.row() <= bottomRight.row();
    // The row shown, or one of its children (a cluster's queue paused elsewhere changes the
    // cluster pane's counts).
    if (shown || showsRowOrAncestorOf(topLeft.parent()))
        showSelection();
    updateActions(); // a queue paused or resumed elsewhere flips Pause and Resume
}

bool MainWindow::showsRowOrAncestorOf(const QModelIndex& index) const
{
    const QModelIndex current = m_navigation->currentIndex();
    if (!current.isValid())
        return false;
    for (QModelIndex i = index; i.isValid(); i = i.parent()) {
        if (i == current)
            return true;
    }
    return false;
}

void MainWindow::updateStaleBanner()
{
    const bool stale = m_session && m_session->lastRefreshed().isValid()
        && (m_session->isStale() || !m_session->isReachable());
    if (!stale) {
        m_staleBanner->hide();
        m_staleBanner->setText(QString());
        return;
    }
    const QDateTime when = m_session->lastRefreshed().toLocalTime();
    const QString time = when.date() == QDate::currentDate()
        ? QLocale().toString(when.time(), QLocale::ShortFormat)
        : QLocale().toString(when, QLocale::ShortFormat);
    const ApiError why
        = m_session->isReachable() ? m_session->staleError() : m_session->unreachableError();
    const QString reason = m_session->isReachable()
        ? tr("The last check failed: %1").arg(why.toString())
        : MainWindowActions::unreachableReason() + QLatin1Char('.');
    m_staleBanner->setText(tr("Showing data from %1. %2").arg(time, reason));
    m_staleBanner->setToolTip(why.toString());
    m_staleBanner->show();
}

QString MainWindow::staleNotice() const
{
    return m_staleBanner->isHidden() ? QString() : m_staleBanner->text();
}

void MainWindow::showPreferences()
{
    const int limit = m_session ? m_session->scheduler()->limit() : RefreshScheduler::defaultLimit;
    auto* dialog = new PreferencesDialog(m_preferences, limit, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { setRefreshPreferences(dialog->preferences()); });
    dialog->open();
}

void MainWindow::setRefreshPreferences(const RefreshPreferences& preferences)
{
    m_preferences = preferences;
    preferences.save();
    if (m_session)
        m_session->setRefreshBudget(preferences.share(), preferences.intervalSeconds);
}

void MainWindow::showSelection()
{
    m_details->showSelection(m_navigation->selection(), m_navigation->currentIndex(),
        m_session ? m_session->treeModel() : nullptr);
}

void MainWindow::updateActions()
{
    const NavigationSelection selection = m_navigation->selection();
    m_actions->update(m_session, selection);
    const QString id = selection.kind == Selected::Queue && selection.queue ? selection.queue->id
        : selection.kind == Selected::Cluster && selection.cluster          ? selection.cluster->id
                                                                            : QString();
    m_actions->updateWatch(m_session && !id.isEmpty(), m_watchList->isWatched(id),
        selection.kind == Selected::Cluster);
}

void MainWindow::toggleWatchSelected()
{
    const NavigationSelection selection = m_navigation->selection();
    QString id;
    if (selection.kind == Selected::Queue && selection.queue)
        id = selection.queue->id;
    else if (selection.kind == Selected::Cluster && selection.cluster)
        id = selection.cluster->id;
    if (!m_session || id.isEmpty())
        return;
    const bool watch = !m_watchList->isWatched(id);
    m_watchList->setWatched(id, watch);
    m_statusBar->showMessage(watch
            ? tr("Watching “%1”: changes made elsewhere are noted in "
                 "Activity")
                  .arg(selection.kind == Selected::Queue ? selection.queue->key
                                                         : selection.cluster->name)
            : tr("No longer watching “%1”")
                  .arg(selection.kind == Selected::Queue ? selection.queue->key
                                                         : selection.cluster->name),
        8000);
}

ActivityDialog* MainWindow::activityDialog() const { return m_activityDialog; }

void MainWindow::showActivity()
{
    if (!m_activityDialog) {
        m_activityDialog = new ActivityDialog(m_activityLog, this);
        connect(
            m_activityDialog, &ActivityDialog::selectRequested, this, [this](const QString& id) {
                if (selectId(id))
                    bringToFront();
            });
    }
    m_activityDialog->show();
    m_activityDialog->raise();
    m_activityDialog->activateWindow();
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

void MainWindow::onWatchedChange(const ChangeDetector::Change& change)
{
    m_activityLog->add(change);
    const QString title = ActivityLog::title(change);
    const QString details = ActivityLog::details(change);
    // In the window too, for a platform without a tray and for whoever is looking at it: short,
    // as the status bar shares its width with the refresh plan; the rest is in Activity.
    m_statusBar->showMessage(
        change.who.isEmpty() ? title : tr("%1 by %2").arg(title, change.who), 15000);
    if (m_preferences.notifications)
        m_tray->notify(title, details);
}

void MainWindow::updateWritePermission()
{
    m_details->setWriteDenied(MainWindowActions::writeDeniedReason(m_session));
    updateActions();
}

void MainWindow::updateRateLimit(const RateLimitStatus& status)
{
    m_statusBar->setRateLimit(status);
}

void MainWindow::showOperationError(const QString& what, const ApiError& error)
{
    m_errorBar->setTone(Tone::Danger);
    m_errorBar->setText(QStringLiteral("%1: %2").arg(what, error.toString()));
    m_errorBar->show();
}

void MainWindow::hideOperationError()
{
    m_errorBar->hide();
    m_errorBar->setText(QString());
}

QString MainWindow::operationError() const
{
    return m_errorBar->isHidden() ? QString() : m_errorBar->text();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Kitedeck"),
        tr("<h3>Kitedeck %1</h3><p>Manage Buildkite clusters, queues and agent tokens.</p>"
           "<p>Emoji data from emoji-datasource (MIT licence).</p>")
            .arg(QCoreApplication::applicationVersion()));
}
