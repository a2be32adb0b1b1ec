// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "api/apiclient.h"
#include "changehighlighter.h"
#include "format.h"
#include "navigationdelegate.h"
#include "navigationfilterproxy.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "panes/agenttokendetailpane.h"
#include "panes/banner.h"
#include "panes/clusterdetailpane.h"
#include "panes/messagepane.h"
#include "panes/organizationpane.h"
#include "panes/queuedetailpane.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWindowStateChangeEvent>

using Kind = OrganizationTreeModel::NodeKind;
using Expiry = OrganizationTreeModel::ExpiryState;

namespace {
QIcon icon(const char* name)
{
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name)));
}

QAction* makeAction(QObject* parent, const char* objectName, const QString& text,
    const char* iconName, const QKeySequence& shortcut = {})
{
    auto* action = new QAction(text, parent);
    action->setObjectName(QLatin1String(objectName));
    if (iconName)
        action->setIcon(icon(iconName));
    if (!shortcut.isEmpty())
        action->setShortcut(shortcut);
    return action;
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Kitedeck"));
    setWindowIcon(QIcon(QStringLiteral(":/app-icon/kitedeck.svg")));
    buildActions();
    buildUi();
    connectPanes();
    restoreSettings();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    m_refreshAction
        = makeAction(this, "refreshAction", tr("&Refresh"), "refresh", QKeySequence::Refresh);
    if (m_refreshAction->shortcut() != QKeySequence(Qt::Key_F5))
        m_refreshAction->setShortcuts(
            { QKeySequence(QKeySequence::Refresh), QKeySequence(Qt::Key_F5) });
    m_refreshAction->setToolTip(tr("Reload the organisation (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_autoRefreshAction
        = makeAction(this, "autoRefreshAction", tr("&Auto-refresh every minute"), nullptr);
    m_autoRefreshAction->setCheckable(true);
    m_autoRefreshAction->setChecked(true);
    connect(m_autoRefreshAction, &QAction::toggled, this, [this](bool on) {
        m_autoRefresh.setEnabled(on);
        scheduleAutoRefresh();
    });

    m_newClusterAction
        = makeAction(this, "newClusterAction", tr("New &Cluster…"), "add", QKeySequence::New);
    connect(m_newClusterAction, &QAction::triggered, this, &MainWindow::newCluster);
    m_newQueueAction = makeAction(this, "newQueueAction", tr("New &Queue…"), "queue",
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    connect(m_newQueueAction, &QAction::triggered, this, &MainWindow::newQueue);
    m_newTokenAction = makeAction(this, "newTokenAction", tr("New Agent &Token…"), "token",
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(m_newTokenAction, &QAction::triggered, this, &MainWindow::newAgentToken);

    m_pauseAction = makeAction(
        this, "pauseAction", tr("&Pause Dispatch…"), "pause", QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_pauseAction, &QAction::triggered, this, &MainWindow::pauseSelectedQueue);
    m_resumeAction = makeAction(this, "resumeAction", tr("Res&ume Dispatch"), "resume",
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    connect(m_resumeAction, &QAction::triggered, this, &MainWindow::resumeSelectedQueue);
    m_deleteAction
        = makeAction(this, "deleteAction", tr("&Delete…"), "delete", QKeySequence::Delete);
    // Delete only acts from the tree; the panes bind their own Delete key.
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);

    m_findAction = makeAction(this, "findAction", tr("&Find…"), "search", QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
}

void MainWindow::buildUi()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newClusterAction);
    file->addAction(m_newQueueAction);
    file->addAction(m_newTokenAction);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_findAction);
    edit->addSeparator();
    edit->addAction(m_pauseAction);
    edit->addAction(m_resumeAction);
    edit->addAction(m_deleteAction);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_autoRefreshAction);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About Kitedeck"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);

    m_toolBar = addToolBar(tr("Main"));
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_refreshAction);
    m_toolBar->addSeparator();
    auto* newButton = new QToolButton(m_toolBar);
    newButton->setObjectName(QStringLiteral("newButton"));
    newButton->setText(tr("New"));
    newButton->setIcon(icon("add"));
    newButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    newButton->setPopupMode(QToolButton::MenuButtonPopup);
    auto* newMenu = new QMenu(newButton);
    newMenu->addAction(m_newClusterAction);
    newMenu->addAction(m_newQueueAction);
    newMenu->addAction(m_newTokenAction);
    newButton->setMenu(newMenu);
    newButton->setDefaultAction(m_newClusterAction);
    newButton->setAccessibleName(tr("New"));
    m_toolBar->addWidget(newButton);
    m_toolBar->addAction(m_pauseAction);
    m_toolBar->addAction(m_resumeAction);
    m_toolBar->addAction(m_deleteAction);

    // Left: filter and tree.
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(6, 6, 0, 6);
    leftLayout->setSpacing(6);
    m_filter = new QLineEdit(left);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(
        tr("Filter clusters, queues and tokens (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(icon("search"), QLineEdit::LeadingPosition);
    m_filter->setAccessibleName(tr("Filter"));
    leftLayout->addWidget(m_filter);

    m_tree = new QTreeView(left);
    m_tree->setObjectName(QStringLiteral("navigationTree"));
    m_tree->setAccessibleName(tr("Organisation"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->addAction(m_deleteAction);
    m_highlighter = new ChangeHighlighter(m_tree);
    m_tree->setItemDelegate(new NavigationDelegate(m_highlighter, m_tree));
    m_proxy = new NavigationFilterProxy(this);
    m_tree->setModel(m_proxy);
    leftLayout->addWidget(m_tree, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_proxy->setFilterText(text);
        if (!text.trimmed().isEmpty())
            m_tree->expandAll(); // matches are found in place
    });

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

    m_stack = new QStackedWidget(right);
    m_stack->setObjectName(QStringLiteral("detailStack"));
    m_messagePane = new MessagePane(m_stack);
    m_organizationPane = new OrganizationPane(m_stack);
    m_clusterPane = new ClusterDetailPane(m_stack);
    m_queuePane = new QueueDetailPane(m_stack);
    m_tokenPane = new AgentTokenDetailPane(m_stack);
    for (QWidget* pane : { static_cast<QWidget*>(m_messagePane),
             static_cast<QWidget*>(m_organizationPane), static_cast<QWidget*>(m_clusterPane),
             static_cast<QWidget*>(m_queuePane), static_cast<QWidget*>(m_tokenPane) })
        m_stack->addWidget(pane);
    m_messagePane->showMessage(
        tr("No organisation"), tr("Connect an account to browse its clusters."));
    rightLayout->addWidget(m_stack, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({ 420, 680 });
    m_central = new QStackedWidget(this);
    m_central->setObjectName(QStringLiteral("centralStack"));
    m_central->addWidget(m_splitter);
    setCentralWidget(m_central);

    // Status bar: what is in flight, when data was last refreshed, the rate-limit budget.
    m_statusBusy = new QProgressBar(this);
    m_statusBusy->setObjectName(QStringLiteral("statusBusy"));
    m_statusBusy->setRange(0, 0);
    m_statusBusy->setMaximumWidth(80);
    m_statusBusy->setMaximumHeight(12);
    m_statusBusy->setTextVisible(false);
    m_statusBusy->hide();
    m_statusActivity = new QLabel(this);
    m_statusActivity->setObjectName(QStringLiteral("statusActivity"));
    m_statusRefreshed = new QLabel(this);
    m_statusRefreshed->setObjectName(QStringLiteral("statusRefreshed"));
    m_statusRateLimit = new QLabel(this);
    m_statusRateLimit->setObjectName(QStringLiteral("statusRateLimit"));
    statusBar()->addWidget(m_statusBusy);
    statusBar()->addWidget(m_statusActivity, 1);
    statusBar()->addPermanentWidget(m_statusRefreshed);
    statusBar()->addPermanentWidget(m_statusRateLimit);
    m_statusClock = new QTimer(this);
    m_statusClock->setInterval(15000);
    connect(m_statusClock, &QTimer::timeout, this, [this] {
        updateStatusRefreshed();
        // Tokens expire on their own, between refreshes too.
        if (m_session)
            m_session->treeModel()->updateExpiry();
    });
    m_statusClock->start();

    m_autoRefreshTimer = new QTimer(this);
    m_autoRefreshTimer->setSingleShot(true);
    connect(m_autoRefreshTimer, &QTimer::timeout, this, [this] {
        if (!m_autoRefresh.shouldRun()) {
            m_refreshWanted = true;
            return;
        }
        refresh();
    });
}

void MainWindow::connectPanes()
{
    connect(m_messagePane, &MessagePane::retryRequested, this, &MainWindow::refresh);
    connect(m_organizationPane, &OrganizationPane::createClusterRequested, this,
        &MainWindow::newCluster);
    connect(m_clusterPane, &ClusterDetailPane::editRequested, this, &MainWindow::editCluster);
    connect(m_clusterPane, &ClusterDetailPane::deleteRequested, this, &MainWindow::deleteCluster);
    connect(m_clusterPane, &ClusterDetailPane::setDefaultQueueRequested, this,
        &MainWindow::setDefaultQueue);
    connect(m_clusterPane, &ClusterDetailPane::newQueueRequested, this, &MainWindow::createQueueIn);
    connect(m_clusterPane, &ClusterDetailPane::newAgentTokenRequested, this,
        &MainWindow::createTokenIn);
    connect(m_queuePane, &QueueDetailPane::pauseRequested, this, &MainWindow::pauseQueue);
    connect(m_queuePane, &QueueDetailPane::resumeRequested, this, &MainWindow::resumeQueue);
    connect(m_queuePane, &QueueDetailPane::editRequested, this, &MainWindow::editQueue);
    connect(m_queuePane, &QueueDetailPane::deleteRequested, this, &MainWindow::deleteQueue);
    connect(m_tokenPane, &AgentTokenDetailPane::editRequested, this, &MainWindow::editToken);
    connect(m_tokenPane, &AgentTokenDetailPane::revokeRequested, this, &MainWindow::revokeToken);
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
    m_autoRefreshTimer->stop();
    hideOperationError();
    m_firstLoad = true;
    m_filter->clear();

    OrganizationTreeModel* model = session ? session->treeModel() : nullptr;
    m_proxy->setSourceModel(model);
    if (QItemSelectionModel* selection = m_tree->selectionModel())
        connect(selection, &QItemSelectionModel::currentChanged, this,
            &MainWindow::onCurrentChanged, Qt::UniqueConnection);
    if (!session) {
        m_messagePane->showMessage(
            tr("No organisation"), tr("Connect an account to browse its clusters."));
        m_stack->setCurrentWidget(m_messagePane);
        setWindowTitle(tr("Kitedeck"));
        updateActions();
        return;
    }
    m_central->setCurrentWidget(m_splitter);
    m_toolBar->setVisible(true);
    setWindowTitle(tr("%1 — Kitedeck").arg(session->organization()));
    m_organizationPane->setOrganizationName(session->organization());

    auto& c = m_sessionConnections;
    c << connect(session, &OrganizationSession::refreshStarted, this, [this] { updateActions(); });
    c << connect(
        session, &OrganizationSession::refreshFinished, this, &MainWindow::onRefreshFinished);
    c << connect(session, &OrganizationSession::activity, this, [this](const QString& text) {
        m_statusActivity->setText(text);
        m_statusBusy->setVisible(!text.isEmpty());
    });
    c << connect(
        session, &OrganizationSession::rateLimitChanged, this, &MainWindow::updateRateLimit);
    c << connect(session, &OrganizationSession::accessTokenLoaded, this,
        [this] { updateWritePermission(); });
    c << connect(
        session, &OrganizationSession::accessTokenFailed, this, [this](const ApiError& error) {
            showOperationError(tr("Could not check the API token"), error);
            updateWritePermission();
        });
    c << connect(model, &OrganizationTreeModel::changedIds, this, [this](const QStringList& ids) {
        if (!m_firstLoad)
            m_highlighter->mark(ids);
    });
    c << connect(model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
            const QModelIndex current = m_proxy->mapToSource(m_tree->currentIndex());
            if (current.isValid() && current.parent() == topLeft.parent()
                && current.row() >= topLeft.row() && current.row() <= bottomRight.row())
                showSelection();
            updateSummary();
            updateActions();
        });
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        c << connect(model, signal, this, [this] {
            updateSummary();
            if (selectedKind() == Selected::Cluster)
                showSelection(); // its queue list (default queue choices) changed
        });
    c << connect(model, &QAbstractItemModel::modelReset, this, [this] { showSelection(); });

    m_tree->expand(m_proxy->index(0, 0));
    m_tree->setCurrentIndex(m_proxy->index(0, 0));
    updateWritePermission();
    updateRateLimit(session->client()->rateLimit());
    showSelection();
    if (!session->lastRefreshed().isValid() && !session->isRefreshing())
        session->refresh();
    if (!session->accessToken())
        session->fetchAccessToken();
    updateActions();
}

void MainWindow::refresh()
{
    if (!m_session)
        return;
    m_refreshWanted = false;
    m_autoRefreshTimer->stop();
    m_session->refresh();
    updateActions();
}

void MainWindow::onRefreshFinished(const ApiError& error)
{
    m_firstLoad = false;
    updateStatusRefreshed();
    updateSummary();
    updateActions();
    if (error) {
        // The tree shows it inline where it happened; the status bar says it too.
        m_statusActivity->setText(tr("Refresh failed: %1").arg(error.toString()));
        if (selectedKind() == Selected::Organization
            && m_session->treeModel()->clusters().isEmpty()) {
            m_messagePane->showError(tr("Could not load %1").arg(m_session->organization()), error);
            m_stack->setCurrentWidget(m_messagePane);
        }
    } else if (m_stack->currentWidget() == m_messagePane
        && selectedKind() == Selected::Organization) {
        showSelection();
    }
    scheduleAutoRefresh();
}

void MainWindow::scheduleAutoRefresh()
{
    m_autoRefreshTimer->stop();
    if (!m_session || !m_autoRefresh.isEnabled())
        return;
    m_autoRefresh.setRefreshCost(1 + 2 * int(m_session->treeModel()->clusters().size()));
    m_autoRefreshTimer->start(m_autoRefresh.intervalSeconds() * 1000);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::WindowStateChange) {
        const bool minimised = windowState() & Qt::WindowMinimized;
        m_autoRefresh.setMinimised(minimised);
        // A refresh that came due while minimised runs as soon as the window is back.
        if (!minimised && m_refreshWanted && m_autoRefresh.shouldRun())
            refresh();
    }
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
    m_autoRefreshAction->setChecked(settings.value(QStringLiteral("autoRefresh"), true).toBool());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("mainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("autoRefresh"), m_autoRefreshAction->isChecked());
}

MainWindow::Selected MainWindow::selectedKind() const
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid() || !m_session)
        return Selected::Nothing;
    switch (index.data(OrganizationTreeModel::KindRole).value<Kind>()) {
    case Kind::Organization:
        return Selected::Organization;
    case Kind::Cluster:
        return Selected::Cluster;
    case Kind::Queue:
        return Selected::Queue;
    case Kind::Token:
        return Selected::Token;
    default:
        return Selected::Other;
    }
}

std::optional<Cluster> MainWindow::selectedCluster() const
{
    const QModelIndex index = m_tree->currentIndex();
    if (!index.isValid() || !m_session)
        return std::nullopt;
    return m_session->treeModel()->clusterForId(
        index.data(OrganizationTreeModel::ClusterIdRole).toString());
}

std::optional<Queue> MainWindow::selectedQueue() const
{
    if (selectedKind() != Selected::Queue)
        return std::nullopt;
    return m_tree->currentIndex().data(OrganizationTreeModel::QueueRole).value<Queue>();
}

std::optional<AgentToken> MainWindow::selectedToken() const
{
    if (selectedKind() != Selected::Token)
        return std::nullopt;
    return m_tree->currentIndex().data(OrganizationTreeModel::AgentTokenRole).value<AgentToken>();
}

QString MainWindow::selectedId() const
{
    return m_tree->currentIndex().data(OrganizationTreeModel::IdRole).toString();
}

bool MainWindow::selectId(const QString& id)
{
    if (!m_session)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_session->treeModel()->indexForId(id));
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void MainWindow::onCurrentChanged()
{
    hideOperationError();
    showSelection();
    updateActions();
}

void MainWindow::showSelection()
{
    if (!m_session) {
        m_stack->setCurrentWidget(m_messagePane);
        return;
    }
    const QModelIndex index = m_tree->currentIndex();
    OrganizationTreeModel* model = m_session->treeModel();
    switch (selectedKind()) {
    case Selected::Nothing:
        m_messagePane->showMessage(
            tr("Nothing selected"), tr("Select a cluster, queue or agent token."));
        m_stack->setCurrentWidget(m_messagePane);
        break;
    case Selected::Organization:
        updateSummary();
        m_stack->setCurrentWidget(m_organizationPane);
        break;
    case Selected::Cluster: {
        const auto cluster = index.data(OrganizationTreeModel::ClusterRole).value<Cluster>();
        m_clusterPane->setCluster(cluster, model->queues(cluster.id));
        m_stack->setCurrentWidget(m_clusterPane);
        break;
    }
    case Selected::Queue: {
        const auto queue = index.data(OrganizationTreeModel::QueueRole).value<Queue>();
        m_queuePane->setQueue(queue, model->clusterForId(queue.clusterId).value_or(Cluster {}));
        m_stack->setCurrentWidget(m_queuePane);
        break;
    }
    case Selected::Token: {
        const auto token = index.data(OrganizationTreeModel::AgentTokenRole).value<AgentToken>();
        m_tokenPane->setToken(token, model->clusterForId(token.clusterId).value_or(Cluster {}));
        m_stack->setCurrentWidget(m_tokenPane);
        break;
    }
    case Selected::Other: {
        const QString error = index.data(OrganizationTreeModel::ErrorRole).toString();
        const auto kind = index.data(OrganizationTreeModel::KindRole).value<Kind>();
        if (kind == Kind::Error)
            m_messagePane->showError(tr("Could not load this part of the organisation"), error);
        else if (kind == Kind::Loading)
            m_messagePane->showMessage(tr("Loading…"));
        else
            m_messagePane->showMessage(index.data(Qt::DisplayRole).toString(),
                kind == Kind::QueueGroup
                    ? tr("Select a queue to see its dispatch state.")
                    : tr("Select an agent token to see its expiry and IP allowlist."));
        m_stack->setCurrentWidget(m_messagePane);
        break;
    }
    }
}

void MainWindow::updateSummary()
{
    if (!m_session)
        return;
    const OrganizationTreeModel* model = m_session->treeModel();
    int queues = 0, paused = 0, tokens = 0, never = 0, soon = 0;
    const QDateTime now = model->now().isValid() ? model->now() : QDateTime::currentDateTimeUtc();
    const QList<Cluster> clusters = model->clusters();
    for (const Cluster& c : clusters) {
        for (const Queue& q : model->queues(c.id)) {
            ++queues;
            paused += q.dispatchPaused ? 1 : 0;
        }
        for (const AgentToken& t : model->tokens(c.id)) {
            ++tokens;
            never += t.neverExpires() ? 1 : 0;
            soon += t.expiresWithin(now, ModelRoles::expiringSoonSeconds) ? 1 : 0;
        }
    }
    m_organizationPane->setSummary(int(clusters.size()), queues, paused, tokens, never, soon);
}

void MainWindow::updateWritePermission()
{
    bool allowed = true;
    QString reason;
    if (m_session) {
        if (const auto token = m_session->accessToken(); token && !token->canWrite()) {
            allowed = false;
            reason = tr("Your API token doesn't have the write_clusters scope");
        }
    }
    for (DetailPane* pane :
        { static_cast<DetailPane*>(m_organizationPane), static_cast<DetailPane*>(m_clusterPane),
            static_cast<DetailPane*>(m_queuePane), static_cast<DetailPane*>(m_tokenPane) })
        pane->setWriteAllowed(allowed, reason);
    updateActions();
}

void MainWindow::updateActions()
{
    const bool hasSession = m_session != nullptr;
    const bool canWrite
        = hasSession && (!m_session->accessToken() || m_session->accessToken()->canWrite());
    const QString denied
        = canWrite ? QString() : tr("Your API token doesn't have the write_clusters scope");
    const Selected kind = selectedKind();
    const auto queue = selectedQueue();
    const bool hasCluster = selectedCluster().has_value();

    m_refreshAction->setEnabled(hasSession);
    auto setWrite = [&](QAction* action, bool applicable, const QString& tip) {
        action->setEnabled(hasSession && canWrite && applicable);
        action->setToolTip(canWrite ? tip : denied);
    };
    setWrite(m_newClusterAction, true, tr("Create a cluster"));
    setWrite(m_newQueueAction, hasCluster,
        hasCluster ? tr("Create a queue in the selected cluster") : tr("Select a cluster first"));
    setWrite(m_newTokenAction, hasCluster,
        hasCluster ? tr("Create an agent token for the selected cluster")
                   : tr("Select a cluster first"));
    setWrite(
        m_pauseAction, queue && !queue->dispatchPaused, tr("Pause dispatch on the selected queue"));
    setWrite(m_resumeAction, queue && queue->dispatchPaused,
        tr("Resume dispatch on the selected queue"));
    setWrite(m_deleteAction,
        kind == Selected::Cluster || kind == Selected::Queue || kind == Selected::Token,
        tr("Delete the selected cluster or queue, or revoke the selected token"));
}

void MainWindow::updateStatusRefreshed()
{
    if (!m_session || !m_session->lastRefreshed().isValid()) {
        m_statusRefreshed->setText(
            m_session && m_session->isRefreshing() ? tr("Loading…") : QString());
        return;
    }
    m_statusRefreshed->setText(tr("Updated %1").arg(Format::relative(m_session->lastRefreshed())));
    m_statusRefreshed->setToolTip(Format::dateTime(m_session->lastRefreshed()));
}

void MainWindow::updateRateLimit(const RateLimitStatus& status)
{
    m_autoRefresh.setRateLimit(status);
    const RateLimitWindow window = status.tightest();
    if (!window.isKnown()) {
        m_statusRateLimit->clear();
        return;
    }
    QString text = tr("API %1/%2").arg(window.remaining).arg(window.limit);
    if (m_autoRefresh.isSlowedDown())
        text += tr(" · auto-refresh slowed");
    m_statusRateLimit->setText(text);
    m_statusRateLimit->setToolTip(tr("Requests left in this minute: %1 of %2 for your user, %3 of "
                                     "%4 for the organisation; resets in %5 s")
                                      .arg(status.user.remaining)
                                      .arg(status.user.limit)
                                      .arg(status.organization.remaining)
                                      .arg(status.organization.limit)
                                      .arg(window.resetSeconds));
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
