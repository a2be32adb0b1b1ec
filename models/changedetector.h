// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHash>
#include <QModelIndex>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class OrganizationTreeModel;
class WatchList;

// Notices what happened to the watched queues (WatchList: a queue, or every queue of a watched
// cluster) as refreshes merge into the navigation tree: dispatch paused or resumed by someone
// else, or the last connected agent gone. It keeps the dispatch state and agent count it last saw
// of each watched queue and compares the rows the model reports changed against it, so the cost
// is that of the changed rows, and nothing at all while nothing is watched.
//
// What is not news stays silent: a queue seen for the first time (the first load, a queue
// created later, a queue just watched) only sets what is compared against, and so does a change
// the app made itself: OrganizationSession says when a pause or resume of its own is in flight
// (beginOwnWrite/endOwnWrite), and whatever the queue shows until then is taken as is.
class ChangeDetector final : public QObject {
    Q_OBJECT
public:
    struct Change {
        enum class Kind {
            Paused,
            Resumed,
            AgentsGone, // a self-hosted queue's connected agents dropped to zero
        };
        Kind kind = Kind::Paused;
        QDateTime at; // when it was noticed
        QString queueId;
        QString clusterId;
        QString queueKey;
        QString clusterName;
        QString who; // a pause: who paused it, as Buildkite names them; otherwise empty
        QString note; // a pause: its note
    };

    ChangeDetector(OrganizationTreeModel* model, WatchList* watchList, QObject* parent = nullptr);

    // The clock the changes are stamped with (tests); the system clock by default.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

    // A pause or resume of this app's own is in flight for the queue: what the queue shows until
    // endOwnWrite() (its answer merged) is the app's doing, not news. Nested calls count.
    void beginOwnWrite(const QString& queueId);
    void endOwnWrite(const QString& queueId);

Q_SIGNALS:
    void changed(const ChangeDetector::Change& change);

private:
    struct Seen {
        bool paused = false;
        std::optional<int> agents; // last known connected agents
    };

    bool isWatchedQueue(const QModelIndex& index) const;
    // Compares a queue row with what was seen of it and remembers it; silent: remember only.
    void observe(const QModelIndex& index, bool silent);
    // Every queue at or under `index` that is watched.
    void observeTree(const QModelIndex& index, bool silent);
    void observeId(const QString& id);
    void onDataChanged(
        const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);
    void onRowsInserted(const QModelIndex& parent, int first, int last);
    void resync();

    QPointer<OrganizationTreeModel> m_model;
    QPointer<WatchList> m_watchList;
    QHash<QString, Seen> m_seen; // watched queues by id
    QHash<QString, int> m_ownWrites; // queue id -> writes in flight
    std::function<QDateTime()> m_clock;
};

Q_DECLARE_METATYPE(ChangeDetector::Change)
