// SPDX-License-Identifier: MIT
#include "bulkdispatchdialog.h"

#include "clustertitle.h"
#include "domain/queuepause.h"
#include "format.h"
#include "panes/banner.h"
#include "panes/tone.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Column {
    KeyColumn,
    ClusterColumn,
    PausedByColumn, // resume only, like the next two
    PausedAtColumn,
    NoteColumn,
};
constexpr int idRole = Qt::UserRole + 1;

QString pauserName(const Queue& q)
{
    if (!q.dispatchPausedBy)
        return BulkDispatchDialog::tr("Unknown");
    return q.dispatchPausedBy->name.isEmpty() ? q.dispatchPausedBy->email
                                              : q.dispatchPausedBy->name;
}
} // namespace

BulkDispatchDialog::BulkDispatchDialog(Action action, const QList<Queue>& queues,
    const QHash<QString, Cluster>& clusters, const std::optional<AccessToken>& me, QWidget* parent)
    : QDialog(parent)
    , m_action(action)
    , m_queues(queues)
    , m_intro(new QLabel(this))
    , m_others(new Banner(this))
    , m_list(new QTreeWidget(this))
    , m_noteLabel(new QLabel(tr("&Note for all of them:"), this))
    , m_note(new QPlainTextEdit(this))
    , m_progress(new QProgressBar(this))
    , m_summary(new QLabel(this))
{
    const bool pause = action == Action::Pause;
    const int n = int(queues.size());
    setObjectName(QStringLiteral("bulkDispatchDialog"));
    setWindowTitle(pause ? tr("Pause Dispatch on %1 Queues").arg(n)
                         : tr("Resume Dispatch on %1 Queues").arg(n));
    setMinimumWidth(640);

    m_intro->setObjectName(QStringLiteral("bulkIntroLabel"));
    m_intro->setWordWrap(true);
    m_intro->setText(pause
            ? tr("Agents stop picking up new jobs from these %1 queues until they are resumed. "
                 "Jobs already running carry on.")
                  .arg(n)
            : tr("Agents start picking up jobs from these %1 queues again.").arg(n));

    for (const Queue& q : queues) {
        if (!pause && !QueuePause::isOwnPause(q, me))
            ++m_othersPauses;
    }
    m_others->setObjectName(QStringLiteral("bulkOthersBanner"));
    m_others->label()->setObjectName(QStringLiteral("bulkOthersLabel"));
    m_others->setTone(Tone::Warning);
    m_others->setText(m_othersPauses == 1
            ? tr("1 of them was paused by someone else: check the note before resuming it.")
            : tr("%1 of them were paused by someone else: check their notes before resuming "
                 "them.")
                  .arg(m_othersPauses));
    m_others->setVisible(m_othersPauses > 0);

    m_list->setObjectName(QStringLiteral("bulkQueueList"));
    m_list->setAccessibleName(tr("Queues"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::TabFocus);
    QStringList headers { tr("Queue"), tr("Cluster") };
    if (!pause)
        headers << tr("Paused by") << tr("Paused") << tr("Note");
    headers << tr("Result");
    m_statusColumn = int(headers.size()) - 1;
    m_list->setHeaderLabels(headers);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QColor warning = Tones::text(Tone::Warning, palette());
    for (const Queue& q : queues) {
        auto* item = new QTreeWidgetItem(m_list);
        item->setData(KeyColumn, idRole, q.id);
        item->setText(KeyColumn, q.key);
        const auto cluster = clusters.constFind(q.clusterId);
        item->setText(ClusterColumn,
            cluster == clusters.cend() ? q.clusterId : clusterTitle(cluster.value()));
        if (!pause) {
            const bool own = QueuePause::isOwnPause(q, me);
            item->setText(PausedByColumn, own ? tr("You") : pauserName(q));
            item->setToolTip(
                PausedByColumn, q.dispatchPausedBy ? q.dispatchPausedBy->displayName() : QString());
            if (!own) {
                QFont bold = item->font(PausedByColumn);
                bold.setBold(true);
                item->setFont(PausedByColumn, bold);
                item->setForeground(PausedByColumn, warning);
            }
            item->setText(PausedAtColumn, Format::relative(q.dispatchPausedAt, now));
            item->setToolTip(PausedAtColumn, Format::dateTime(q.dispatchPausedAt));
            item->setText(NoteColumn, q.dispatchPausedNote.simplified());
            item->setToolTip(NoteColumn, q.dispatchPausedNote);
        }
        item->setText(m_statusColumn, tr("To be %1").arg(pause ? tr("paused") : tr("resumed")));
        item->setForeground(m_statusColumn, palette().color(QPalette::PlaceholderText));
    }
    m_list->header()->setStretchLastSection(true);
    for (int c = 0; c < m_statusColumn; ++c)
        m_list->resizeColumnToContents(c);
    m_list->setColumnWidth(KeyColumn, qMax(m_list->columnWidth(KeyColumn), 120));
    if (!pause)
        m_list->setColumnWidth(NoteColumn, qMin(m_list->columnWidth(NoteColumn), 260));
    m_list->setMinimumHeight(qMin(n, 10) * m_list->fontMetrics().height() * 3 / 2 + 40);

    m_note->setObjectName(QStringLiteral("bulkNoteEdit"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(
        tr("Why is dispatch paused? Shown on each queue's page and on affected builds."));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(QFontMetrics(m_note->font()).lineSpacing() * 3 + 12);
    m_noteLabel->setBuddy(m_note);
    m_noteLabel->setVisible(pause);
    m_note->setVisible(pause);

    m_progress->setObjectName(QStringLiteral("bulkProgressBar"));
    m_progress->setRange(0, qMax(n, 1));
    m_progress->setValue(0);
    m_progress->setVisible(false);
    m_summary->setObjectName(QStringLiteral("bulkSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setVisible(false);

    auto* buttons = new QDialogButtonBox(this);
    m_confirm
        = buttons->addButton(pause ? tr("Pause %1 Queues").arg(n) : tr("Resume %1 Queues").arg(n),
            QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("bulkConfirmButton"));
    m_stop = buttons->addButton(tr("Stop"), QDialogButtonBox::ActionRole);
    m_stop->setObjectName(QStringLiteral("bulkStopButton"));
    m_stop->setToolTip(tr("Send no more requests; those on their way finish"));
    m_stop->setVisible(false);
    m_retry = buttons->addButton(tr("Retry Failed"), QDialogButtonBox::ActionRole);
    m_retry->setObjectName(QStringLiteral("bulkRetryButton"));
    m_retry->setVisible(false);
    m_close = buttons->addButton(QDialogButtonBox::Cancel);
    m_close->setObjectName(QStringLiteral("bulkCloseButton"));
    // Someone else's pauses: a reflexive Return must not resume them.
    m_confirm->setAutoDefault(false);
    m_close->setDefault(!pause && m_othersPauses > 0);
    m_confirm->setDefault(pause || m_othersPauses == 0);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(m_intro);
    layout->addWidget(m_others);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_note);
    layout->addWidget(m_progress);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);

    connect(m_confirm, &QPushButton::clicked, this, [this] {
        m_confirm->setEnabled(false);
        m_note->setReadOnly(true);
        Q_EMIT confirmed(note());
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_operation)
            m_operation->stop();
    });
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (!m_operation)
            return;
        QList<Queue> failed;
        for (const auto& item : m_operation->items()) {
            if (item.state == State::Failed)
                failed.append(item.queue);
        }
        m_retry->setVisible(false);
        Q_EMIT retryRequested(failed);
    });
    connect(m_close, &QPushButton::clicked, this, &BulkDispatchDialog::reject);
    auto* submit = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(submit, &QShortcut::activated, m_confirm, [this] {
        if (m_confirm->isVisible() && m_confirm->isEnabled())
            m_confirm->click();
    });
    if (pause)
        m_note->setFocus();
    else
        m_close->setFocus();
}

QString BulkDispatchDialog::note() const { return m_note->toPlainText().trimmed(); }

QString BulkDispatchDialog::doneWord() const
{
    return m_action == Action::Pause ? tr("Paused") : tr("Resumed");
}

void BulkDispatchDialog::reject()
{
    if (m_operation && m_operation->isRunning())
        return;
    QDialog::reject();
}

QTreeWidgetItem* BulkDispatchDialog::itemFor(const QString& queueId) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (item->data(KeyColumn, idRole).toString() == queueId)
            return item;
    }
    return nullptr;
}

QString BulkDispatchDialog::statusText(const QString& queueId) const
{
    const QTreeWidgetItem* item = itemFor(queueId);
    return item ? item->text(m_statusColumn) : QString();
}

QString BulkDispatchDialog::summaryText() const { return m_summary->text(); }

void BulkDispatchDialog::follow(BulkQueueOperation* operation)
{
    if (m_operation)
        disconnect(m_operation, nullptr, this, nullptr);
    m_operation = operation;
    m_confirm->setVisible(false);
    m_close->setText(tr("Close"));
    m_close->setEnabled(false);
    m_stop->setVisible(true);
    m_stop->setEnabled(true);
    m_retry->setVisible(false);
    m_summary->setVisible(false);
    m_progress->setVisible(true);
    m_progress->setRange(0, qMax(int(operation->items().size()), 1));
    m_progress->setValue(operation->settled());
    connect(operation, &BulkQueueOperation::itemChanged, this, &BulkDispatchDialog::showItem);
    connect(operation, &BulkQueueOperation::finished, this, &BulkDispatchDialog::showFinished);
    for (qsizetype i = 0; i < operation->items().size(); ++i)
        showItem(int(i));
    if (operation->isFinished())
        showFinished();
}

void BulkDispatchDialog::showItem(int index)
{
    const BulkQueueOperation::Item& op = m_operation->items().at(index);
    QTreeWidgetItem* item = itemFor(op.queue.id);
    if (!item)
        return;
    const QPalette& pal = palette();
    QString text;
    QColor colour = pal.color(QPalette::Text);
    QString tip;
    switch (op.state) {
    case State::Waiting:
        text = tr("Waiting");
        colour = pal.color(QPalette::PlaceholderText);
        break;
    case State::Sending:
        text = m_action == Action::Pause ? tr("Pausing…") : tr("Resuming…");
        break;
    case State::Done:
        text = doneWord();
        colour = Tones::text(Tone::Success, pal);
        break;
    case State::Failed: {
        const QString message = op.error.message().isEmpty()
            ? op.error.toString()
            : ApiError::displayText(op.error.message());
        text = op.error.kind() == ApiError::Kind::OutcomeUnknown ? tr("Unknown: %1").arg(message)
                                                                 : tr("Failed: %1").arg(message);
        tip = op.error.toString();
        colour = Tones::text(Tone::Danger, pal);
        break;
    }
    case State::Skipped:
        text = tr("Not sent");
        colour = pal.color(QPalette::PlaceholderText);
        break;
    }
    item->setText(m_statusColumn, text);
    item->setToolTip(m_statusColumn, tip.isEmpty() ? text : tip);
    item->setForeground(m_statusColumn, colour);
    QFont font = item->font(m_statusColumn);
    font.setBold(op.state == State::Failed);
    item->setFont(m_statusColumn, font);
    m_progress->setValue(m_operation->settled());
}

void BulkDispatchDialog::showFinished()
{
    const int done = m_operation->count(State::Done);
    const int failed = m_operation->count(State::Failed);
    const int skipped = m_operation->count(State::Skipped);
    QStringList parts;
    parts << (m_action == Action::Pause ? tr("%1 paused").arg(done) : tr("%1 resumed").arg(done));
    if (failed > 0)
        parts << tr("%1 failed and stayed as they were").arg(failed);
    if (skipped > 0)
        parts << tr("%1 not sent").arg(skipped);
    QString text = parts.join(QStringLiteral(", ")) + QLatin1Char('.');
    if (m_operation->hasUnknownOutcome())
        text += QLatin1Char(' ')
            + tr("Some answers never came: the organisation is being reloaded to show what "
                 "happened.");
    m_summary->setText(text);
    m_summary->setVisible(true);
    m_summary->setForegroundRole(QPalette::WindowText);
    QPalette pal = m_summary->palette();
    pal.setColor(QPalette::WindowText,
        failed > 0 ? Tones::text(Tone::Danger, palette()) : palette().color(QPalette::WindowText));
    m_summary->setPalette(pal);
    m_progress->setVisible(false);
    m_stop->setVisible(false);
    m_retry->setVisible(failed > 0);
    m_close->setEnabled(true);
    m_close->setDefault(true);
    m_close->setFocus();
}
