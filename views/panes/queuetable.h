// SPDX-License-Identifier: MIT
#pragma once

#include "domain/queue.h"
#include "listtable.h"

class QPushButton;
class QueueListModel;

// Queues as a table (one cluster's or the organisation's): key, cluster, dispatch state, who
// paused it, when and why, hosting and agents. Several can be selected (or every one the filter
// box shows, Ctrl+A) and paused with one note or resumed at once; a queue whose write failed
// stays as it was, marked in its State cell with Buildkite's message.
//
// objectNames: those of ListTable, plus pauseSelectedButton, resumeSelectedButton,
// queueTableMenu (the rows' context menu).
class QueueTable final : public ListTable {
    Q_OBJECT
public:
    explicit QueueTable(QWidget* parent = nullptr);

    QueueListModel* model() const { return m_model; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* resumeButton() const { return m_resume; }
    // The selected queues as the list has them now.
    QList<Queue> selectedQueues() const;
    // Writes are refused for this reason (empty: allowed).
    void setWriteDenied(const QString& reason);

Q_SIGNALS:
    // The selected queues to pause or resume (already narrowed to those it changes).
    void pauseRequested(const QList<Queue>& queues);
    void resumeRequested(const QList<Queue>& queues);

protected:
    QString countText(int shown, int total) const override;

private:
    void updateButtons();
    void showRowMenu(const QPoint& pos);
    QList<Queue> selectedWhere(bool paused) const;

    QueueListModel* m_model;
    QPushButton* m_pause;
    QPushButton* m_resume;
    QString m_writeDenied;
};
