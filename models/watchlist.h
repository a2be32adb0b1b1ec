// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

// The queues and clusters the user watches, per account: a watched queue, or any queue of a
// watched cluster, is one whose dispatch changes made elsewhere are worth a notification
// (ChangeDetector). Kept in QSettings (group "watch/<account>"), by ids alone: ids are stable,
// and nothing secret (no token, no URL with a query) ever goes there.
//
// The account key is the account's id; an organisation opened without a saved account (the
// sandbox, --api-url) uses its slug, so its watches last across runs of the same organisation.
class WatchList final : public QObject {
    Q_OBJECT
public:
    explicit WatchList(QObject* parent = nullptr);

    // Loads the watches of this account (empty: none, and nothing is saved).
    void setAccount(const QString& accountKey);
    QString account() const { return m_account; }

    bool isWatched(const QString& id) const { return m_ids.contains(id); }
    bool isEmpty() const { return m_ids.isEmpty(); }
    // Watches or stops watching a queue or a cluster by its id, and saves at once.
    void setWatched(const QString& id, bool watched);
    QStringList ids() const;

Q_SIGNALS:
    // One id was watched or unwatched (a view repaints its row).
    void watchedChanged(const QString& id, bool watched);
    // The whole list was replaced (another account).
    void reset();

private:
    void save() const;

    QString m_account;
    QSet<QString> m_ids;
};
