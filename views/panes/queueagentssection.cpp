// SPDX-License-Identifier: MIT
#include "queueagentssection.h"

#include "agentlistmodel.h"
#include "agenttally.h"
#include "banner.h"
#include "clustertitle.h"
#include "copyablefield.h"
#include "emoji.h"
#include "format.h"
#include "hintlabel.h"
#include "rowtext.h"
#include "tablecelldelegate.h"
#include "tone.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

// What the table shows of the model: emoji in job names, relative times, states in colour.
class AgentTableProxy final : public QSortFilterProxyModel {
public:
    AgentTableProxy(AgentListModel* model, QWidget* view)
        : QSortFilterProxyModel(view)
        , m_model(model)
        , m_view(view)
    {
        setSourceModel(model);
        setSortRole(AgentListModel::SortRole);
        setSortCaseSensitivity(Qt::CaseInsensitive);
    }

    QVariant data(const QModelIndex& index, int role) const override
    {
        const QVariant value = QSortFilterProxyModel::data(index, role);
        switch (index.column()) {
        case AgentListModel::Job:
            if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
                return value.isValid() ? QVariant(Emoji::render(value.toString())) : value;
            break;
        case AgentListModel::ConnectedSince:
            if (role == Qt::DisplayRole)
                return value.toDateTime().isValid() ? Format::relative(value.toDateTime())
                                                    : QString();
            if (role == Qt::ToolTipRole)
                return Format::dateTime(
                    QSortFilterProxyModel::data(index, Qt::DisplayRole).toDateTime());
            break;
        case AgentListModel::State:
            if (role == Qt::ForegroundRole) {
                const QString id
                    = QSortFilterProxyModel::data(index, AgentListModel::IdRole).toString();
                if (const auto agent = m_model->item(id))
                    return Tones::text(toneOf(agent->state()), m_view->palette());
            }
            break;
        default:
            break;
        }
        return value;
    }

    static Tone toneOf(Agent::State state)
    {
        switch (state) {
        case Agent::State::Busy:
            return Tone::Info;
        case Agent::State::Idle:
            return Tone::Success;
        case Agent::State::Paused:
        case Agent::State::Stopping:
            return Tone::Warning;
        case Agent::State::Offline:
            return Tone::Danger;
        }
        return Tone::Neutral;
    }

private:
    AgentListModel* m_model;
    QWidget* m_view;
};

QPushButton* button(QWidget* parent, const char* name, const QString& text,
    const QString& accessibleName, const char* icon = nullptr)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAccessibleName(accessibleName);
    b->setAutoDefault(false);
    if (icon)
        b->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(icon))));
    return b;
}

} // namespace

QueueAgentsSection::QueueAgentsSection(QWidget* parent)
    : QWidget(parent)
    , m_model(new AgentListModel(this))
{
    setObjectName(QStringLiteral("queueAgentsSection"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_status = new HintLabel(this);
    m_status->setObjectName(QStringLiteral("agentsStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);

    m_hosted = new HintLabel(this);
    m_hosted->setObjectName(QStringLiteral("hostedAgentsLabel"));
    m_hosted->setWordWrap(true);
    layout->addWidget(m_hosted);

    // How a machine joins a self-hosted queue: what an admin needs when a queue has no agents.
    m_joinHelp = new QFrame(this);
    m_joinHelp->setObjectName(QStringLiteral("joinHelp"));
    m_joinHelp->setFrameShape(QFrame::StyledPanel);
    auto* join = new QVBoxLayout(m_joinHelp);
    join->setContentsMargins(12, 10, 12, 10);
    join->setSpacing(6);
    auto* intro = new QLabel(
        tr("Agents join this queue when they start with its tag. On a machine of yours, run:"),
        m_joinHelp);
    intro->setObjectName(QStringLiteral("joinIntroLabel"));
    intro->setWordWrap(true);
    join->addWidget(intro);
    m_joinCommand
        = new CopyableField(QStringLiteral("joinCommand"), tr("agent command"), m_joinHelp);
    m_joinCommand->setMonospace(true);
    join->addWidget(m_joinCommand);
    m_joinToken = new HintLabel(m_joinHelp);
    m_joinToken->setObjectName(QStringLiteral("joinTokenHint"));
    m_joinToken->setWordWrap(true);
    join->addWidget(m_joinToken);
    auto* joinRow = new QHBoxLayout;
    m_newToken = button(m_joinHelp, "joinNewTokenButton", tr("New Agent Token…"),
        tr("New agent token for this cluster"), "token");
    joinRow->addWidget(m_newToken);
    joinRow->addStretch(1);
    join->addLayout(joinRow);
    layout->addWidget(m_joinHelp);

    m_error = new Banner(this);
    m_error->setObjectName(QStringLiteral("agentsErrorBanner"));
    m_error->label()->setObjectName(QStringLiteral("agentsErrorLabel"));
    m_error->setTone(Tone::Danger);
    auto* dismiss = new QPushButton(tr("Dismiss"), m_error);
    dismiss->setObjectName(QStringLiteral("dismissAgentsErrorButton"));
    dismiss->setAutoDefault(false);
    m_error->addTrailingWidget(dismiss);
    m_error->hide();
    layout->addWidget(m_error);
    connect(dismiss, &QPushButton::clicked, this, [this] { showActionError({}); });

    m_table = new QTreeView(this);
    m_table->setObjectName(QStringLiteral("agentsTable"));
    m_table->setAccessibleName(tr("Agents of this queue"));
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    m_table->setAlternatingRowColors(true);
    m_table->setAllColumnsShowFocus(true);
    // The same cells as the queue and token tables: rows as tall as theirs.
    m_table->setItemDelegate(new TableCellDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_proxy = new AgentTableProxy(m_model, m_table);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(AgentListModel::Name, Qt::AscendingOrder);
    m_table->header()->setStretchLastSection(true);
    m_table->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->header()->setMinimumSectionSize(48);
    layout->addWidget(m_table);

    m_actions = new QWidget(this);
    auto* actions = new QHBoxLayout(m_actions);
    actions->setContentsMargins(0, 0, 0, 0);
    actions->setSpacing(6);
    m_pause = button(m_actions, "pauseAgentButton", tr("Pause…"), tr("Pause agent"), "pause");
    m_resume = button(m_actions, "resumeAgentButton", tr("Resume"), tr("Resume agent"), "resume");
    m_stop = button(m_actions, "stopAgentButton", tr("Stop…"), tr("Stop agent"));
    m_forceStop
        = button(m_actions, "forceStopAgentButton", tr("Force Stop…"), tr("Force-stop agent"));
    actions->addWidget(m_pause);
    actions->addWidget(m_resume);
    actions->addStretch(1);
    actions->addWidget(m_stop);
    actions->addWidget(m_forceStop);
    layout->addWidget(m_actions);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &QueueAgentsSection::updateActions);
    // Rows change under the selection when the agent's state changes: the buttons follow.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &QueueAgentsSection::updateActions);
    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (const auto agent = selectedAgent())
            Q_EMIT pauseRequested(*agent);
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (const auto agent = selectedAgent())
            Q_EMIT resumeRequested(*agent);
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (const auto agent = selectedAgent())
            Q_EMIT stopRequested(*agent, false);
    });
    connect(m_forceStop, &QPushButton::clicked, this, [this] {
        if (const auto agent = selectedAgent())
            Q_EMIT stopRequested(*agent, true);
    });
    connect(m_newToken, &QPushButton::clicked, this,
        [this] { Q_EMIT newAgentTokenRequested(m_cluster); });
    updateState();
}

QString QueueAgentsSection::joinCommand(const Queue& queue)
{
    // Keys are letters, digits, - and _: nothing in one needs escaping inside the quotes.
    return QStringLiteral("buildkite-agent start --tags \"queue=%1\"").arg(queue.key);
}

bool QueueAgentsSection::isHosted() const
{
    return m_queue.hosted || m_queue.instanceShape.isValid();
}

void QueueAgentsSection::setQueue(const Queue& queue, const Cluster& cluster)
{
    const bool another = queue.id != m_queue.id;
    m_queue = queue;
    m_cluster = cluster;
    m_joinCommand->setText(joinCommand(queue));
    m_joinToken->showHint(
        tr("The agent needs an agent token of the %1 cluster: pass it with --token, or set "
           "BUILDKITE_AGENT_TOKEN in its environment.")
            .arg(clusterTitle(cluster)),
        Tone::Neutral);
    if (another) {
        m_loaded = false;
        m_columnsSized = false;
        m_model->clear();
        showActionError({});
    }
    updateState();
    if (another && !queue.id.isEmpty() && m_unavailable.isEmpty())
        Q_EMIT agentsWanted(queue.id);
}

void QueueAgentsSection::setAgents(const QString& queueId, const QList<Agent>& agents)
{
    if (queueId != m_queue.id)
        return;
    m_loaded = true;
    m_model->setItems(agents);
    updateState();
}

void QueueAgentsSection::showLoadError(const QString& queueId, const QString& message)
{
    if (queueId != m_queue.id || !m_unavailable.isEmpty())
        return;
    showActionError(tr("Could not list the agents: %1").arg(message));
}

void QueueAgentsSection::setUnavailable(const QString& reason)
{
    if (reason == m_unavailable)
        return;
    const bool nowAvailable = !m_unavailable.isEmpty() && reason.isEmpty();
    m_unavailable = reason;
    if (!reason.isEmpty()) {
        m_model->clear();
        m_loaded = false;
        showActionError({});
    }
    updateState();
    if (nowAvailable && !m_queue.id.isEmpty())
        Q_EMIT agentsWanted(m_queue.id);
}

void QueueAgentsSection::setWriteDenied(const QString& reason)
{
    m_writeDenied = reason;
    updateActions();
}

void QueueAgentsSection::setActionBusy(bool busy)
{
    m_actionBusy = busy;
    updateActions();
}

void QueueAgentsSection::showActionError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString QueueAgentsSection::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

std::optional<Agent> QueueAgentsSection::selectedAgent() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    return m_model->item(rows.first().data(AgentListModel::IdRole).toString());
}

bool QueueAgentsSection::selectAgent(const QString& agentId)
{
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForId(agentId));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->selectionModel()->select(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void QueueAgentsSection::refreshTimes() { m_table->viewport()->update(); }

void QueueAgentsSection::updateState()
{
    const bool hosted = isHosted();
    const bool available = m_unavailable.isEmpty();
    const int rows = m_model->rowCount();
    AgentCounts counts;
    for (const Agent& a : m_model->items())
        counts += AgentCounts::of(a.state());

    if (!available) {
        m_status->showHint(m_unavailable, Tone::Warning);
    } else if (!m_loaded) {
        m_status->showHint(tr("Listing the agents…"), Tone::Neutral);
    } else if (counts.connected == 0) {
        // A self-hosted queue without agents runs nothing until somebody starts one.
        m_status->showHint(hosted ? tr("No agents running right now")
                                  : tr("No agents connected: jobs on this queue wait"),
            hosted ? Tone::Neutral : Tone::Danger);
    } else {
        m_status->showHint(RowText::agentsText(counts),
            counts.idle() == 0 && counts.busy == 0 ? Tone::Warning : Tone::Neutral);
    }
    m_hosted->showHint(hosted ? tr("Buildkite runs the agents of this hosted queue: they start "
                                   "when jobs arrive and stop when they are done.")
                              : QString(),
        Tone::Neutral);
    m_joinHelp->setVisible(available && m_loaded && !hosted && rows == 0);
    const bool showTable = available && (rows > 0 || !m_loaded);
    m_table->setVisible(showTable);
    m_actions->setVisible(showTable);
    if (showTable) {
        // Tall enough for the agents (up to a dozen rows), scrolling beyond.
        const int rowHeight = qMax(m_table->sizeHintForRow(0), fontMetrics().height() + 8);
        const int shown = qBound(3, rows, 12);
        // Room for the horizontal scroll bar too, which a narrow pane shows.
        m_table->setFixedHeight(m_table->header()->sizeHint().height() + shown * rowHeight
            + m_table->horizontalScrollBar()->sizeHint().height() + 2 * m_table->frameWidth() + 2);
    }
    if (showTable && rows > 0 && !m_columnsSized) {
        // Once per queue, so a column the user widened stays. Long job labels and host names
        // are elided (the tooltip has them whole), so the columns after them stay in view.
        m_columnsSized = true;
        const int widest = fontMetrics().averageCharWidth() * 36;
        for (int column = 0; column < AgentListModel::ColumnCount; ++column) {
            m_table->resizeColumnToContents(column);
            if (m_table->columnWidth(column) > widest)
                m_table->setColumnWidth(column, widest);
        }
    }
    updateActions();
}

void QueueAgentsSection::updateActions()
{
    const auto agent = selectedAgent();
    const bool allowed = m_writeDenied.isEmpty() && !m_actionBusy;
    const bool connected = agent && agent->connectionState == QLatin1String("connected");
    const bool listed = agent && agent->isConnected();
    auto set = [&](QPushButton* b, bool applicable, const QString& tip) {
        b->setEnabled(allowed && applicable);
        b->setToolTip(!m_writeDenied.isEmpty() ? m_writeDenied
                : !agent                       ? tr("Select an agent first")
                                               : tip);
    };
    set(m_pause, connected && !agent->paused,
        tr("Let the agent finish its job and take no new ones for a while"));
    set(m_resume, listed && agent->paused, tr("Let the agent take jobs again"));
    set(m_stop, connected,
        tr("Stop the agent once its current job is done (it does not come back by itself)"));
    set(m_forceStop, listed, tr("Stop the agent now, cancelling the job it runs"));
}
