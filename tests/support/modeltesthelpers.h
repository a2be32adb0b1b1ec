// SPDX-License-Identifier: MIT
#pragma once

// Shared by the model tests: domain values built the way the app builds them (parsing JSON),
// and one QSignalSpy per QAbstractItemModel signal that matters for merges.

#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/json.h"
#include "domain/queue.h"

#include <QAbstractItemModel>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

namespace TestData {

// Every field of a token as text, for looking for what must not be there (its secret value).
inline QString tokenText(const AgentToken& t)
{
    return QStringList { t.id, t.clusterId, t.graphqlId, t.description, t.url, t.clusterUrl,
        t.createdAt.toString(Qt::ISODateWithMs), t.createdBy.id, t.createdBy.graphqlId,
        t.createdBy.name, t.createdBy.email, t.createdBy.avatarUrl, t.allowedIpAddresses,
        t.expiresAt.toString(Qt::ISODateWithMs) }
        .join(QLatin1Char('\n'));
}

inline QJsonObject merged(QJsonObject base, const QJsonObject& extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

template <class T>
T parse(const QJsonObject& object)
{
    JsonReader reader(object, QStringLiteral("test"));
    T value = T::fromJson(reader);
    if (!reader.ok())
        qFatal("test data does not parse: %s", qPrintable(reader.error()));
    return value;
}

inline Cluster cluster(const QString& id, const QString& name, const QJsonObject& extra = {})
{
    return parse<Cluster>(merged(
        {
            { QStringLiteral("id"), id },
            { QStringLiteral("name"), name },
            { QStringLiteral("description"), QStringLiteral("About %1").arg(name) },
            { QStringLiteral("emoji"), QStringLiteral(":rocket:") },
            { QStringLiteral("color"), QStringLiteral("#A4E3F5") },
            { QStringLiteral("created_at"), QStringLiteral("2025-01-02T03:04:05.000Z") },
        },
        extra));
}

inline Queue queue(
    const QString& id, const QString& clusterId, const QString& key, const QJsonObject& extra = {})
{
    Queue q = parse<Queue>(merged(
        {
            { QStringLiteral("id"), id },
            { QStringLiteral("key"), key },
            { QStringLiteral("description"), QStringLiteral("Queue %1").arg(key) },
            { QStringLiteral("dispatch_paused"), false },
            { QStringLiteral("created_at"), QStringLiteral("2025-01-02T03:04:05.000Z") },
        },
        extra));
    q.clusterId = clusterId; // as the request that fetched it fills it in
    return q;
}

inline Queue paused(Queue q, const QString& note)
{
    q.dispatchPaused = true;
    q.dispatchPausedNote = note;
    return q;
}

inline AgentToken token(const QString& id, const QString& clusterId, const QString& description,
    const QDateTime& expiresAt = {}, const QJsonObject& extra = {})
{
    QJsonObject object {
        { QStringLiteral("id"), id },
        { QStringLiteral("description"), description },
        { QStringLiteral("created_at"), QStringLiteral("2025-01-02T03:04:05.000Z") },
    };
    if (expiresAt.isValid())
        object.insert(QStringLiteral("expires_at"), formatTimestamp(expiresAt));
    AgentToken t = parse<AgentToken>(merged(object, extra));
    t.clusterId = clusterId;
    return t;
}

} // namespace TestData

// One spy per signal a merge may emit; created before the action, as spies must be.
struct ModelSpies {
    explicit ModelSpies(QAbstractItemModel* model)
        : inserted(model, &QAbstractItemModel::rowsInserted)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , changed(model, &QAbstractItemModel::dataChanged)
        , reset(model, &QAbstractItemModel::modelReset)
        , layout(model, &QAbstractItemModel::layoutChanged)
        , columnsInserted(model, &QAbstractItemModel::columnsInserted)
        , columnsRemoved(model, &QAbstractItemModel::columnsRemoved)
    {
    }

    qsizetype total() const
    {
        return inserted.size() + removed.size() + moved.size() + changed.size() + reset.size()
            + layout.size() + columnsInserted.size() + columnsRemoved.size();
    }

    void clear()
    {
        for (QSignalSpy* spy : { &inserted, &removed, &moved, &changed, &reset, &layout,
                 &columnsInserted, &columnsRemoved })
            spy->clear();
    }

    // The roles of every dataChanged that covered the index, sorted and without repeats.
    QList<int> rolesFor(const QModelIndex& index) const
    {
        QList<int> roles;
        for (const QList<QVariant>& args : changed) {
            const auto topLeft = args.at(0).value<QModelIndex>();
            const auto bottomRight = args.at(1).value<QModelIndex>();
            if (topLeft.parent() != index.parent() || index.row() < topLeft.row()
                || index.row() > bottomRight.row() || index.column() < topLeft.column()
                || index.column() > bottomRight.column())
                continue;
            roles.append(args.at(2).value<QList<int>>());
        }
        std::sort(roles.begin(), roles.end());
        roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
        return roles;
    }

    // How many dataChanged signals touched the index.
    int changesOf(const QModelIndex& index) const
    {
        int n = 0;
        for (const QList<QVariant>& args : changed) {
            const auto topLeft = args.at(0).value<QModelIndex>();
            const auto bottomRight = args.at(1).value<QModelIndex>();
            if (topLeft.parent() == index.parent() && index.row() >= topLeft.row()
                && index.row() <= bottomRight.row() && index.column() >= topLeft.column()
                && index.column() <= bottomRight.column())
                ++n;
        }
        return n;
    }

    QSignalSpy inserted;
    QSignalSpy removed;
    QSignalSpy moved;
    QSignalSpy changed;
    QSignalSpy reset;
    QSignalSpy layout;
    QSignalSpy columnsInserted;
    QSignalSpy columnsRemoved;
};

inline QList<int> sortedRoles(QList<int> roles)
{
    std::sort(roles.begin(), roles.end());
    return roles;
}
