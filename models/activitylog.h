// SPDX-License-Identifier: MIT
#pragma once

#include "changedetector.h"
#include "modelroles.h"

#include <QAbstractTableModel>

// What happened to the watched queues this session (ChangeDetector's changes), newest first: a
// table of when, what, who and the note, for the Activity list. Kept in memory only: it is the
// session's story, not a record.
//
// It counts the entries added since the user last looked (unseenCount, markSeen), for the status
// bar's button, and words each change the same way for the list and for a notification.
class ActivityLog final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        WhatColumn,
        WhoColumn,
        NoteColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        QueueIdRole = ModelRoles::Id,
        ClusterIdRole = ModelRoles::ClusterId,
        SortRole = ModelRoles::Sort, // the time (QDateTime) in the time column
    };
    Q_ENUM(Role)

    explicit ActivityLog(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Adds a change at the top.
    void add(const ChangeDetector::Change& change);
    ChangeDetector::Change entry(int row) const { return m_entries.at(row); }
    int unseenCount() const { return m_unseen; }
    void markSeen();
    // Forgets everything (another organisation).
    void clear();

    // The words of a change: a title ("Queue “deploy” paused") and the rest (who, why, where).
    static QString title(const ChangeDetector::Change& change);
    static QString what(const ChangeDetector::Change& change);
    static QString details(const ChangeDetector::Change& change);

Q_SIGNALS:
    void unseenCountChanged(int count);

private:
    QList<ChangeDetector::Change> m_entries; // newest first
    int m_unseen = 0;
};
