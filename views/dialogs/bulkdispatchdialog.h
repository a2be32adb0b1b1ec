// SPDX-License-Identifier: MIT
#pragma once

#include "bulkqueueoperation.h"
#include "domain/accesstoken.h"
#include "domain/cluster.h"

#include <QDialog>
#include <QHash>
#include <QPointer>

#include <optional>

class Banner;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

// Pausing or resuming many queues at once, in one window from question to answer:
//   1. What will change: every queue with its cluster; when resuming, who paused each, when,
//      and their note, with a warning when some pauses are someone else's; when pausing, the
//      one note they all get.
//   2. Progress: each queue's state as the requests go out a few at a time; Stop sends no more.
//   3. The result: each queue Paused/Resumed, Failed with Buildkite's message (it stays as it
//      was), or Not sent; Retry Failed sends the failed ones again.
// The dialog does not send anything itself: the owner answers confirmed() and retryRequested()
// with a BulkQueueOperation and hands it to follow().
//
// objectNames: bulkDispatchDialog, bulkIntroLabel, bulkOthersBanner, bulkQueueList,
// bulkNoteEdit, bulkProgressBar, bulkSummaryLabel, bulkConfirmButton, bulkStopButton,
// bulkRetryButton, bulkCloseButton.
class BulkDispatchDialog final : public QDialog {
    Q_OBJECT
public:
    using Action = BulkQueueOperation::Action;
    using State = BulkQueueOperation::State;

    // clusters: by id, to name each queue's cluster; me: the token's owner, to tell whose pause
    // a queue carries.
    BulkDispatchDialog(Action action, const QList<Queue>& queues,
        const QHash<QString, Cluster>& clusters, const std::optional<AccessToken>& me,
        QWidget* parent = nullptr);

    Action action() const { return m_action; }
    QList<Queue> queues() const { return m_queues; }
    QString note() const;
    // How many of the queues someone else paused (resume only).
    int othersPauses() const { return m_othersPauses; }

    // Shows the operation's progress and, when it finishes, its result.
    void follow(BulkQueueOperation* operation);
    BulkQueueOperation* operation() const { return m_operation; }

    // The status column of a queue as shown ("Paused", "Failed: …").
    QString statusText(const QString& queueId) const;
    QString summaryText() const;

public Q_SLOTS:
    // Ignored while requests are in flight: their answers need this window.
    void reject() override;

Q_SIGNALS:
    void confirmed(const QString& note);
    void retryRequested(const QList<Queue>& queues);

private:
    void showItem(int index);
    void showFinished();
    QTreeWidgetItem* itemFor(const QString& queueId) const;
    QString doneWord() const;

    Action m_action;
    QList<Queue> m_queues;
    int m_othersPauses = 0;
    QPointer<BulkQueueOperation> m_operation;
    QLabel* m_intro;
    Banner* m_others;
    QTreeWidget* m_list;
    QLabel* m_noteLabel;
    QPlainTextEdit* m_note;
    QProgressBar* m_progress;
    QLabel* m_summary;
    QPushButton* m_confirm;
    QPushButton* m_stop;
    QPushButton* m_retry;
    QPushButton* m_close;
    int m_statusColumn = 0;
};
