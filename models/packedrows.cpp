// SPDX-License-Identifier: MIT
#include "packedrows.h"

namespace {

template <class T>
bool samePointee(
    const QExplicitlySharedDataPointer<const T>& a, const QExplicitlySharedDataPointer<const T>& b)
{
    return a == b || (a && b && a->value == b->value);
}

bool sameLinks(const QExplicitlySharedDataPointer<const PackedLinks>& a,
    const QExplicitlySharedDataPointer<const PackedLinks>& b)
{
    return a == b || (a && b && *a == *b);
}

bool samePause(const QExplicitlySharedDataPointer<const PackedPause>& a,
    const QExplicitlySharedDataPointer<const PackedPause>& b)
{
    if (a == b)
        return true;
    if (!a || !b)
        return false;
    return a->byPresent == b->byPresent && samePointee(a->by, b->by) && a->at == b->at
        && a->note == b->note;
}

// The field of each link kind, in PackedLinks and in the domain values.
template <class Value>
struct LinkSlots;
template <>
struct LinkSlots<Queue> {
    static constexpr struct {
        RowPacker::LinkField field;
        QString PackedLinks::*packed;
        QString Queue::*value;
    } slots[] = {
        { RowPacker::GraphqlId, &PackedLinks::graphqlId, &Queue::graphqlId },
        { RowPacker::Url, &PackedLinks::url, &Queue::url },
        { RowPacker::WebUrl, &PackedLinks::webUrl, &Queue::webUrl },
        { RowPacker::ClusterUrl, &PackedLinks::clusterUrl, &Queue::clusterUrl },
    };
};
template <>
struct LinkSlots<AgentToken> {
    static constexpr struct {
        RowPacker::LinkField field;
        QString PackedLinks::*packed;
        QString AgentToken::*value;
    } slots[] = {
        { RowPacker::GraphqlId, &PackedLinks::graphqlId, &AgentToken::graphqlId },
        { RowPacker::Url, &PackedLinks::url, &AgentToken::url },
        { RowPacker::ClusterUrl, &PackedLinks::clusterUrl, &AgentToken::clusterUrl },
    };
};

} // namespace

bool PackedQueue::operator==(const PackedQueue& o) const
{
    return key == o.key && description == o.description
        && retryAgentAffinity == o.retryAgentAffinity && agentImageRef == o.agentImageRef
        && createdAt == o.createdAt && dispatchPaused == o.dispatchPaused && hosted == o.hosted
        && linkMask == o.linkMask && samePointee(createdBy, o.createdBy)
        && samePointee(instanceShape, o.instanceShape) && samePause(pause, o.pause)
        && sameLinks(links, o.links);
}

bool PackedToken::operator==(const PackedToken& o) const
{
    return description == o.description && allowedIpAddresses == o.allowedIpAddresses
        && createdAt == o.createdAt && expiresAt == o.expiresAt && linkMask == o.linkMask
        && samePointee(createdBy, o.createdBy) && sameLinks(links, o.links);
}

RowPacker::RowPacker() { clear(); }

void RowPacker::clear()
{
    m_apiPrefix.clear();
    m_webPrefix.clear();
    m_strings.clear();
    m_keys.clear();
    m_users.clear();
    m_shapes.clear();
}

void RowPacker::learnLinks(const Cluster& cluster)
{
    if (!m_apiPrefix.isEmpty() || cluster.id.isEmpty())
        return;
    const QString tail = QStringLiteral("/clusters/") + cluster.id;
    if (!cluster.url.endsWith(tail) || !cluster.webUrl.endsWith(tail))
        return;
    m_apiPrefix = cluster.url.chopped(tail.size());
    m_webPrefix = cluster.webUrl.chopped(tail.size());
}

QString RowPacker::graphqlId(const char* type, const QString& id)
{
    return QString::fromLatin1((QByteArray(type) + "---" + id.toUtf8()).toBase64());
}

QString RowPacker::derive(LinkField field, const char* type, const QString& segment,
    const QString& clusterId, const QString& id) const
{
    switch (field) {
    case GraphqlId:
        return id.isEmpty() ? QString() : graphqlId(type, id);
    case Url:
        return m_apiPrefix.isEmpty() ? QString()
                                     : m_apiPrefix + QLatin1String("/clusters/") + clusterId
                + QLatin1Char('/') + segment + QLatin1Char('/') + id;
    case WebUrl:
        return m_webPrefix.isEmpty() ? QString()
                                     : m_webPrefix + QLatin1String("/clusters/") + clusterId
                + QLatin1Char('/') + segment + QLatin1Char('/') + id;
    case ClusterUrl:
        return m_apiPrefix.isEmpty() ? QString()
                                     : m_apiPrefix + QLatin1String("/clusters/") + clusterId;
    }
    return {};
}

RowPacker::Text RowPacker::text(const QString& text) { return m_strings.number(text); }

RowPacker::Text RowPacker::searchKey(std::initializer_list<QStringView> parts)
{
    QString joined;
    for (QStringView part : parts) {
        if (!joined.isEmpty())
            joined += QLatin1Char('\n');
        joined += part;
    }
    if (joined.isEmpty())
        return 0;
    return m_keys.number(joined.toCaseFolded().toUtf8());
}

UserRef RowPacker::user(const User& user)
{
    if (user.isEmpty())
        return {};
    UserRef& slot = m_users[user.id];
    if (!slot || !(slot->value == user)) {
        auto* shared = new SharedUser;
        shared->value = user;
        slot = UserRef(shared);
    }
    return slot;
}

ShapeRef RowPacker::shape(const InstanceShape& shape)
{
    if (shape == InstanceShape())
        return {};
    for (const ShapeRef& known : std::as_const(m_shapes)) {
        if (known->value == shape)
            return known;
    }
    auto* shared = new SharedShape;
    shared->value = shape;
    m_shapes.append(ShapeRef(shared));
    return m_shapes.constLast();
}

Cluster RowPacker::pack(const Cluster& cluster)
{
    learnLinks(cluster);
    Cluster c = cluster;
    if (const UserRef by = user(cluster.createdBy))
        c.createdBy = by->value;
    return c;
}

template <class Row, class Value>
void RowPacker::packLinks(Row& row, const Value& value, const char* type, const QString& segment,
    const QString& clusterId)
{
    PackedLinks links;
    bool keep = false;
    for (const auto& slot : LinkSlots<Value>::slots) {
        const QString& actual = value.*slot.value;
        if (actual == derive(slot.field, type, segment, clusterId, value.id))
            continue;
        row.linkMask |= slot.field;
        links.*slot.packed = actual;
        keep = keep || !actual.isEmpty();
    }
    if (keep)
        row.links = QExplicitlySharedDataPointer<const PackedLinks>(new PackedLinks(links));
}

template <class Value, class Row>
void RowPacker::unpackLinks(Value& value, const Row& row, const char* type, const QString& segment,
    const QString& clusterId, const QString& id) const
{
    for (const auto& slot : LinkSlots<Value>::slots) {
        if (!(row.linkMask & slot.field))
            value.*slot.value = derive(slot.field, type, segment, clusterId, id);
        else if (row.links)
            value.*slot.value = (*row.links).*slot.packed;
    }
}

PackedQueue RowPacker::pack(const Queue& q, const QString& clusterId)
{
    PackedQueue row;
    row.key = text(q.key);
    row.description = text(q.description);
    row.retryAgentAffinity = text(q.retryAgentAffinity);
    row.agentImageRef = text(q.agentImageRef);
    row.createdAt = q.createdAt;
    row.createdBy = user(q.createdBy);
    row.instanceShape = shape(q.instanceShape);
    row.dispatchPaused = q.dispatchPaused;
    row.hosted = q.hosted;
    if (q.dispatchPausedBy || q.dispatchPausedAt.isValid() || !q.dispatchPausedNote.isEmpty()) {
        auto* pause = new PackedPause;
        pause->byPresent = q.dispatchPausedBy.has_value();
        if (q.dispatchPausedBy)
            pause->by = user(*q.dispatchPausedBy);
        pause->at = q.dispatchPausedAt;
        pause->note = q.dispatchPausedNote;
        row.pause = QExplicitlySharedDataPointer<const PackedPause>(pause);
    }
    packLinks(row, q, "ClusterQueue", QStringLiteral("queues"), clusterId);
    return row;
}

Queue RowPacker::unpack(const PackedQueue& row, const QString& id, const QString& clusterId) const
{
    Queue q;
    q.id = id;
    q.clusterId = clusterId;
    q.key = text(row.key);
    q.description = text(row.description);
    q.retryAgentAffinity = text(row.retryAgentAffinity);
    q.agentImageRef = text(row.agentImageRef);
    q.createdAt = row.createdAt;
    if (row.createdBy)
        q.createdBy = row.createdBy->value;
    if (row.instanceShape)
        q.instanceShape = row.instanceShape->value;
    q.dispatchPaused = row.dispatchPaused;
    q.hosted = row.hosted;
    if (row.pause) {
        if (row.pause->byPresent)
            q.dispatchPausedBy = row.pause->by ? row.pause->by->value : User();
        q.dispatchPausedAt = row.pause->at;
        q.dispatchPausedNote = row.pause->note;
    }
    unpackLinks(q, row, "ClusterQueue", QStringLiteral("queues"), clusterId, id);
    return q;
}

PackedToken RowPacker::pack(const AgentToken& t, const QString& clusterId)
{
    PackedToken row;
    row.description = text(t.description);
    row.allowedIpAddresses = text(t.allowedIpAddresses);
    row.createdAt = t.createdAt;
    row.expiresAt = t.expiresAt;
    row.createdBy = user(t.createdBy);
    packLinks(row, t, "ClusterToken", QStringLiteral("tokens"), clusterId);
    return row;
}

AgentToken RowPacker::unpack(
    const PackedToken& row, const QString& id, const QString& clusterId) const
{
    AgentToken t;
    t.id = id;
    t.clusterId = clusterId;
    t.description = text(row.description);
    t.allowedIpAddresses = text(row.allowedIpAddresses);
    t.createdAt = row.createdAt;
    t.expiresAt = row.expiresAt;
    if (row.createdBy)
        t.createdBy = row.createdBy->value;
    unpackLinks(t, row, "ClusterToken", QStringLiteral("tokens"), clusterId, id);
    return t;
}
