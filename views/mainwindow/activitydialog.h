// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class ActivityLog;
class QLabel;
class QTreeView;

// The Activity list: what happened to the watched queues this session (ActivityLog), newest
// first, with when, what, who and the note. Opened from the status bar or View > Activity; it
// stays open beside the window (not modal), and while it is visible every entry counts as
// seen. Double-click or Enter on an entry selects its queue in the tree.
//
// objectNames: activityDialog, activityList, activityEmpty, activityCloseButton.
class ActivityDialog final : public QDialog {
    Q_OBJECT
public:
    ActivityDialog(ActivityLog* log, QWidget* parent = nullptr);

    QTreeView* list() const { return m_list; }

Q_SIGNALS:
    void selectRequested(const QString& queueId);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateEmpty();

    ActivityLog* m_log;
    QTreeView* m_list;
    QLabel* m_empty;
};
