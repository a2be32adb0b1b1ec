// SPDX-License-Identifier: MIT
#include "sandboxstate.h"

#include "sandboxinstanceshape.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace {
enum class Presence {
    Absent,
    Null,
    Text,
    WrongType
};

struct Field {
    Presence presence = Presence::Absent;
    QString text;
};

Field field(const QJsonObject& body, const char* key)
{
    const QJsonValue v = body.value(QLatin1StringView(key));
    if (v.isUndefined())
        return {};
    if (v.isNull())
        return { Presence::Null, {} };
    if (!v.isString())
        return { Presence::WrongType, {} };
    return { Presence::Text, v.toString() };
}

// Rails joins every failed rule into one sentence; so does the sandbox.
class Problems {
public:
    void add(const QString& problem) { m_problems.append(problem); }
    bool isEmpty() const { return m_problems.isEmpty(); }
    QString message() const
    {
        return m_problems.isEmpty()
            ? QString()
            : QStringLiteral("Validation failed: ") + m_problems.join(QStringLiteral(", "));
    }

private:
    QStringList m_problems;
};

// An optional text attribute (description, emoji, color): absent leaves it, null clears it.
void readOptionalText(const QJsonObject& body, const char* key, const QString& label,
    std::optional<std::optional<QString>>& out, Problems& problems)
{
    const Field f = field(body, key);
    switch (f.presence) {
    case Presence::Absent:
        break;
    case Presence::Null:
        out = std::optional<QString>();
        break;
    case Presence::Text:
        out = std::optional<QString>(f.text);
        break;
    case Presence::WrongType:
        problems.add(QStringLiteral("%1 must be a string").arg(label));
        break;
    }
}

bool isValidIpv4Cidr(const QString& text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return false;
    for (int i = 1; i <= 4; ++i) {
        if (m.captured(i).toInt() > 255)
            return false;
    }
    return !m.hasCaptured(5) || m.captured(5).toInt() <= 32;
}

// Validates and normalises an allowlist to single spaces; empty means unrestricted.
std::optional<QString> readAllowedIps(const QJsonObject& body, Problems& problems)
{
    const Field f = field(body, "allowed_ip_addresses");
    if (f.presence == Presence::Absent)
        return std::nullopt;
    if (f.presence == Presence::Null)
        return QString();
    if (f.presence == Presence::WrongType) {
        problems.add(QStringLiteral(
            "Allowed ip addresses must be a string of space-separated IPv4 CIDR blocks"));
        return std::nullopt;
    }
    const QStringList blocks
        = f.text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    bool ok = true;
    for (const QString& block : blocks) {
        if (!isValidIpv4Cidr(block)) {
            problems.add(
                QStringLiteral("Allowed ip addresses contains an invalid IPv4 CIDR block: %1")
                    .arg(block));
            ok = false;
            break;
        }
    }
    if (blocks.size() > SandboxState::maxAllowedIpAddresses) {
        problems.add(
            QStringLiteral("Allowed ip addresses can contain at most %1 CIDR blocks (got %2)")
                .arg(SandboxState::maxAllowedIpAddresses)
                .arg(blocks.size()));
        ok = false;
    }
    if (!ok)
        return std::nullopt;
    return blocks.join(QLatin1Char(' '));
}

// What a request says about hosted agents. Only the documented camelCase form counts:
// "hosted_agents" in a request is an unpermitted parameter, which Rails drops unread.
struct HostedRequest {
    bool given = false; // "hostedAgents": {...}
    bool cleared = false; // "hostedAgents": null
    const SandboxInstanceShape* shape = nullptr;
    std::optional<std::optional<QString>> imageRef; // absent, null or a reference
};

HostedRequest readHostedAgents(const QJsonObject& body, Problems& problems)
{
    HostedRequest out;
    const QJsonValue agents = body.value(QLatin1StringView("hostedAgents"));
    if (agents.isUndefined())
        return out;
    if (agents.isNull()) {
        out.cleared = true;
        return out;
    }
    out.given = true;
    if (!agents.isObject()) {
        problems.add(QStringLiteral("Hosted agents must be an object with an instanceShape"));
        return out;
    }
    const QJsonObject object = agents.toObject();
    const QJsonValue image = object.value(QLatin1StringView("agentImageRef"));
    if (image.isNull() || (image.isString() && image.toString().trimmed().isEmpty()))
        out.imageRef = std::optional<QString>();
    else if (image.isString())
        out.imageRef = std::optional<QString>(image.toString().trimmed());
    else if (!image.isUndefined())
        problems.add(QStringLiteral("Agent image ref must be a string"));

    const QJsonValue shape = object.value(QLatin1StringView("instanceShape"));
    if (shape.isUndefined() || shape.isNull()
        || (shape.isString() && shape.toString().trimmed().isEmpty())) {
        problems.add(QStringLiteral("Instance shape can't be blank"));
        return out;
    }
    if (!shape.isString()) {
        problems.add(QStringLiteral("Instance shape must be a string"));
        return out;
    }
    const QString name = shape.toString();
    const SandboxInstanceShape* found = SandboxInstanceShape::find(name);
    if (!found) {
        problems.add(QStringLiteral("Instance shape %1 is not a valid instance shape").arg(name));
        return out;
    }
    if (found->removed) {
        problems.add(QStringLiteral("Instance shape %1 has been removed and is no longer available")
                         .arg(name));
        return out;
    }
    if (out.imageRef && *out.imageRef && found->machineType != QLatin1String("linux"))
        problems.add(QStringLiteral("Agent image ref is only supported on Linux instance shapes"));
    out.shape = found;
    return out;
}

std::optional<QString> readRetryAffinity(const QJsonObject& body, Problems& problems)
{
    const Field f = field(body, "retry_agent_affinity");
    if (f.presence == Presence::Absent || f.presence == Presence::Null)
        return std::nullopt;
    if (f.presence == Presence::Text
        && (f.text == QLatin1String("prefer-warmest")
            || f.text == QLatin1String("prefer-different")))
        return f.text;
    problems.add(
        QStringLiteral("Retry agent affinity must be one of prefer-warmest, prefer-different"));
    return std::nullopt;
}

void checkKey(const Field& key, Problems& problems)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (key.presence == Presence::WrongType) {
        problems.add(QStringLiteral("Key must be a string"));
    } else if (key.presence != Presence::Text || key.text.trimmed().isEmpty()) {
        problems.add(QStringLiteral("Key can't be blank"));
    } else if (key.text.size() > 100) {
        problems.add(QStringLiteral("Key is too long (maximum is 100 characters)"));
    } else if (!pattern.match(key.text).hasMatch()) {
        problems.add(QStringLiteral(
            "Key can only contain letters, numbers, hyphens (-) and underscores (_)"));
    }
}

void readRequiredName(const QJsonObject& body, const char* key, const QString& label, bool required,
    std::optional<QString>& out, Problems& problems)
{
    const Field f = field(body, key);
    if (f.presence == Presence::Absent && !required)
        return;
    if (f.presence == Presence::WrongType)
        problems.add(QStringLiteral("%1 must be a string").arg(label));
    else if (f.presence != Presence::Text || f.text.trimmed().isEmpty())
        problems.add(QStringLiteral("%1 can't be blank").arg(label));
    else
        out = f.text;
}

// IPv4 address as a number; nullopt when it is not one.
std::optional<quint32> ipv4(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return std::nullopt;
    quint32 out = 0;
    for (const QString& part : parts) {
        bool ok = false;
        const uint octet = part.toUInt(&ok);
        if (!ok || octet > 255)
            return std::nullopt;
        out = (out << 8) | octet;
    }
    return out;
}

// Whether an address falls in a space-separated allowlist (empty: everything does).
bool allowedBy(const QString& allowlist, const QString& address)
{
    if (allowlist.trimmed().isEmpty())
        return true;
    const std::optional<quint32> ip = ipv4(address);
    if (!ip)
        return false;
    for (const QString& block : allowlist.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const qsizetype slash = block.indexOf(QLatin1Char('/'));
        const std::optional<quint32> base = ipv4(slash < 0 ? block : block.left(slash));
        const int bits = slash < 0 ? 32 : block.mid(slash + 1).toInt();
        if (!base)
            continue;
        const quint32 mask = bits <= 0 ? 0 : ~quint32(0) << (32 - qMin(bits, 32));
        if ((*ip & mask) == (*base & mask))
            return true;
    }
    return false;
}
} // namespace

QString SandboxAgent::connectionName(SandboxConnectionState connection)
{
    switch (connection) {
    case SandboxConnectionState::NeverConnected:
        return QStringLiteral("never_connected");
    case SandboxConnectionState::Connected:
        return QStringLiteral("connected");
    case SandboxConnectionState::Disconnected:
        return QStringLiteral("disconnected");
    case SandboxConnectionState::Stopping:
        return QStringLiteral("stopping");
    case SandboxConnectionState::Stopped:
        return QStringLiteral("stopped");
    case SandboxConnectionState::Lost:
        return QStringLiteral("lost");
    }
    return {};
}

SandboxState::SandboxState() = default;

QDateTime SandboxState::now() { return QDateTime::currentDateTimeUtc(); }

QString SandboxState::newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

QString SandboxState::graphqlId(const char* type, const QString& id)
{
    return QString::fromLatin1((QByteArray(type) + "---" + id.toUtf8()).toBase64());
}

QString SandboxState::formatTime(const QDateTime& when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime SandboxState::parseTime(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    if (t.endsWith(QLatin1String(" UTC"))) {
        const QDateTime plain
            = QDateTime::fromString(t.chopped(4), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        return plain.isValid() ? QDateTime(plain.date(), plain.time(), Qt::UTC) : QDateTime();
    }
    QDateTime when = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!when.isValid())
        return {};
    if (when.timeSpec() == Qt::LocalTime) // no offset given: Buildkite reads it as UTC
        when = QDateTime(when.date(), when.time(), Qt::UTC);
    return when.toUTC();
}

QString SandboxState::randomSecret(int length)
{
    return secretFrom(*QRandomGenerator::system(), length);
}

QString SandboxState::secretFrom(QRandomGenerator& generator, int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out(length, Qt::Uninitialized);
    for (int i = 0; i < length; ++i)
        out[i] = QLatin1Char(alphabet[generator.bounded(int(sizeof(alphabet)) - 1)]);
    return out;
}

QString SandboxState::agentTokenValue()
{
    return QStringLiteral("bkct_") + randomSecret(agentTokenSecretLength);
}

QString SandboxState::addressAllowedBy(const QString& allowlist, int serial)
{
    const QString first = allowlist.section(QLatin1Char(' '), 0, 0);
    if (first.isEmpty())
        return QStringLiteral("10.0.%1.%2").arg((serial / 250) % 250).arg(serial % 250 + 2);
    const QString base = first.section(QLatin1Char('/'), 0, 0);
    const int bits
        = first.contains(QLatin1Char('/')) ? first.section(QLatin1Char('/'), 1).toInt() : 32;
    const std::optional<quint32> ip = ipv4(base);
    if (bits >= 31 || !ip)
        return base;
    const quint32 hosts = (quint32(1) << (32 - qBound(8, bits, 30))) - 2;
    const quint32 mask = bits <= 0 ? 0 : ~quint32(0) << (32 - bits);
    const quint32 address = (*ip & mask) + 1 + quint32(serial) % hosts;
    return QStringLiteral("%1.%2.%3.%4")
        .arg(address >> 24)
        .arg((address >> 16) & 0xff)
        .arg((address >> 8) & 0xff)
        .arg(address & 0xff);
}

QString SandboxState::addUser(const QString& id, const QString& name, const QString& email,
    const QDateTime& createdAt, bool admin)
{
    if (!user(id))
        m_users.append({ id, name, email, createdAt, admin });
    return id;
}

QString SandboxState::addTeam(
    const QString& id, const QString& name, const QString& slug, const QStringList& memberIds)
{
    if (!team(id))
        m_teams.append({ id, name, slug, memberIds });
    return id;
}

const SandboxUser* SandboxState::user(const QString& id) const
{
    for (const SandboxUser& u : m_users) {
        if (u.id == id)
            return &u;
    }
    return nullptr;
}

const SandboxTeam* SandboxState::team(const QString& id) const
{
    for (const SandboxTeam& t : m_teams) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

bool SandboxState::setAdmin(const QString& userId, bool admin)
{
    for (SandboxUser& u : m_users) {
        if (u.id == userId) {
            u.admin = admin;
            return true;
        }
    }
    return false;
}

bool SandboxState::isAdmin(const QString& userId) const
{
    const SandboxUser* u = user(userId);
    return u && u->admin;
}

bool SandboxState::canManage(const SandboxCluster& cluster, const QString& userId) const
{
    if (isAdmin(userId))
        return true;
    for (const SandboxMaintainer& m : cluster.maintainers) {
        if (!m.isTeam && m.actorId == userId)
            return true;
        if (m.isTeam) {
            const SandboxTeam* t = team(m.actorId);
            if (t && t->memberIds.contains(userId))
                return true;
        }
    }
    return false;
}

QString SandboxState::addApiToken(const QString& value, const QStringList& scopes,
    const QString& description, const QDateTime& expiresAt, const QString& userId)
{
    const QString v
        = value.isEmpty() ? QStringLiteral("bkua_") + randomSecret(40).toLower() : value;
    revokeApiToken(v);
    m_apiTokens.append({ newId(), v, scopes, description, now(), expiresAt, userId });
    return v;
}

const SandboxApiToken* SandboxState::apiToken(const QString& value) const
{
    for (const SandboxApiToken& t : m_apiTokens) {
        if (t.value == value)
            return &t;
    }
    return nullptr;
}

void SandboxState::revokeApiToken(const QString& tokenValue)
{
    const QString value = tokenValue; // the caller's reference may point into the element removed
    m_apiTokens.removeIf([&](const SandboxApiToken& t) { return t.value == value; });
}

void SandboxState::reindex()
{
    m_clusterRows.clear();
    m_queuePlaces.clear();
    m_tokenPlaces.clear();
    m_clusterRows.reserve(m_clusters.size());
    for (qsizetype c = 0; c < m_clusters.size(); ++c) {
        const SandboxCluster& cluster = m_clusters.at(c);
        m_clusterRows.insert(cluster.id, c);
        for (qsizetype q = 0; q < cluster.queues.size(); ++q)
            m_queuePlaces.insert(cluster.queues.at(q).id, { c, q });
        for (qsizetype t = 0; t < cluster.tokens.size(); ++t)
            m_tokenPlaces.insert(cluster.tokens.at(t).id, { c, t });
    }
    m_agentRows.clear();
    m_agentsByQueue.clear();
    m_agentRows.reserve(m_agents.size());
    for (qsizetype a = 0; a < m_agents.size(); ++a)
        indexAgent(a);
}

void SandboxState::indexAgent(qsizetype row)
{
    const SandboxAgent& a = m_agents.at(row);
    m_agentRows.insert(a.id, row);
    if (!a.queueId.isEmpty())
        m_agentsByQueue[a.queueId].append(row);
}

SandboxCluster* SandboxState::cluster(const QString& id)
{
    const auto found = m_clusterRows.constFind(id);
    return found == m_clusterRows.constEnd() ? nullptr : &m_clusters[*found];
}

const SandboxCluster* SandboxState::cluster(const QString& id) const
{
    const auto found = m_clusterRows.constFind(id);
    return found == m_clusterRows.constEnd() ? nullptr : &m_clusters.at(*found);
}

SandboxQueue* SandboxState::queue(SandboxCluster& cluster, const QString& id)
{
    const auto found = m_queuePlaces.constFind(id);
    if (found == m_queuePlaces.constEnd() || m_clusters.at(found->cluster).id != cluster.id)
        return nullptr;
    return &cluster.queues[found->row];
}

SandboxAgentToken* SandboxState::agentToken(SandboxCluster& cluster, const QString& id)
{
    const auto found = m_tokenPlaces.constFind(id);
    if (found == m_tokenPlaces.constEnd() || m_clusters.at(found->cluster).id != cluster.id)
        return nullptr;
    return &cluster.tokens[found->row];
}

const SandboxQueue* SandboxState::findQueue(const QString& id, const SandboxCluster** cluster) const
{
    const auto found = m_queuePlaces.constFind(id);
    if (found == m_queuePlaces.constEnd())
        return nullptr;
    const SandboxCluster& c = m_clusters.at(found->cluster);
    if (cluster)
        *cluster = &c;
    return &c.queues.at(found->row);
}

void SandboxState::clearClusters()
{
    m_clusters.clear();
    m_agents.clear();
    m_defaultClusterId.clear();
    reindex();
}

QString SandboxState::createCluster(
    const QJsonObject& body, const QString& userId, QString* createdId)
{
    Problems problems;
    std::optional<QString> name;
    readRequiredName(body, "name", QStringLiteral("Name"), true, name, problems);
    std::optional<std::optional<QString>> description, emoji, color;
    readOptionalText(body, "description", QStringLiteral("Description"), description, problems);
    readOptionalText(body, "emoji", QStringLiteral("Emoji"), emoji, problems);
    readOptionalText(body, "color", QStringLiteral("Color"), color, problems);
    if (!problems.isEmpty())
        return problems.message();

    // default_queue_id is not a create parameter: a new cluster has no queue to point at.
    SandboxCluster c;
    c.id = newId();
    c.name = *name;
    c.description = description.value_or(std::nullopt);
    c.emoji = emoji.value_or(std::nullopt);
    c.color = color.value_or(std::nullopt);
    c.createdAt = now();
    c.createdBy = userId;
    m_clusters.append(c);
    m_clusterRows.insert(c.id, m_clusters.size() - 1);
    *createdId = c.id;
    return {};
}

QString SandboxState::updateCluster(SandboxCluster& cluster, const QJsonObject& body)
{
    Problems problems;
    std::optional<QString> name;
    readRequiredName(body, "name", QStringLiteral("Name"), false, name, problems);
    std::optional<std::optional<QString>> description, emoji, color;
    readOptionalText(body, "description", QStringLiteral("Description"), description, problems);
    readOptionalText(body, "emoji", QStringLiteral("Emoji"), emoji, problems);
    readOptionalText(body, "color", QStringLiteral("Color"), color, problems);

    std::optional<QString> defaultQueue;
    const Field dq = field(body, "default_queue_id");
    if (dq.presence == Presence::Null || (dq.presence == Presence::Text && dq.text.isEmpty()))
        defaultQueue = QString();
    else if (dq.presence == Presence::WrongType)
        problems.add(QStringLiteral("Default queue must be the id of a queue in this cluster"));
    else if (dq.presence == Presence::Text) {
        if (queue(cluster, dq.text))
            defaultQueue = dq.text;
        else
            problems.add(QStringLiteral("Default queue must be a queue in this cluster"));
    }
    if (!problems.isEmpty())
        return problems.message();

    if (name)
        cluster.name = *name;
    if (description)
        cluster.description = *description;
    if (emoji)
        cluster.emoji = *emoji;
    if (color)
        cluster.color = *color;
    if (defaultQueue)
        cluster.defaultQueueId = *defaultQueue;
    return {};
}

QString SandboxState::deleteCluster(const QString& clusterId)
{
    // A copy: the caller's reference may point into the element being removed.
    const QString id = clusterId;
    if (id == m_defaultClusterId)
        return QStringLiteral(
            "This is the organization's default cluster for new pipelines, so it can't be "
            "deleted. Make another cluster the default first.");
    // Its queues, tokens and the agents on them go with it.
    m_clusters.removeIf([&](const SandboxCluster& c) { return c.id == id; });
    m_agents.removeIf([&](const SandboxAgent& a) { return a.clusterId == id; });
    reindex();
    return {};
}

QString SandboxState::createQueue(
    SandboxCluster& cluster, const QJsonObject& body, const QString& userId, QString* createdId)
{
    Problems problems;
    const Field key = field(body, "key");
    checkKey(key, problems);
    if (problems.isEmpty()) {
        for (const SandboxQueue& q : cluster.queues) {
            if (q.key == key.text) {
                problems.add(QStringLiteral("Key has already been taken"));
                break;
            }
        }
    }
    std::optional<std::optional<QString>> description;
    readOptionalText(body, "description", QStringLiteral("Description"), description, problems);
    const std::optional<QString> affinity = readRetryAffinity(body, problems);
    const HostedRequest hosted = readHostedAgents(body, problems);
    if (cluster.queues.size() >= maxQueuesPerCluster)
        problems.add(
            QStringLiteral("Cluster has reached its limit of %1 queues").arg(maxQueuesPerCluster));
    if (!problems.isEmpty())
        return problems.message();

    SandboxQueue q;
    q.id = newId();
    q.key = key.text;
    q.description = description.value_or(std::nullopt);
    q.createdAt = now();
    q.createdBy = userId;
    if (affinity)
        q.retryAgentAffinity = *affinity;
    if (hosted.shape) {
        q.instanceShape = hosted.shape->name;
        q.agentImageRef = hosted.imageRef.value_or(std::nullopt);
    }
    cluster.queues.append(q);
    m_queuePlaces.insert(q.id, { m_clusterRows.value(cluster.id), cluster.queues.size() - 1 });
    *createdId = q.id;
    return {};
}

QString SandboxState::updateQueue(SandboxQueue& queue, const QJsonObject& body)
{
    Problems problems;
    // Keys are not updatable; echoing the current key back (a full PUT) is harmless.
    const Field key = field(body, "key");
    if (key.presence != Presence::Absent
        && !(key.presence == Presence::Text && key.text == queue.key))
        problems.add(QStringLiteral("Key cannot be changed once the queue is created"));
    std::optional<std::optional<QString>> description;
    readOptionalText(body, "description", QStringLiteral("Description"), description, problems);
    const std::optional<QString> affinity = readRetryAffinity(body, problems);
    const HostedRequest hosted = readHostedAgents(body, problems);
    const bool isHosted = !queue.instanceShape.isEmpty();
    if (hosted.given && !isHosted)
        problems.add(QStringLiteral(
            "A self-hosted queue cannot be changed into a hosted queue; create a new queue"));
    else if (hosted.cleared && isHosted)
        problems.add(QStringLiteral(
            "A hosted queue cannot be changed into a self-hosted queue; create a new queue"));
    if (hosted.shape && isHosted) {
        const SandboxInstanceShape* current = SandboxInstanceShape::find(queue.instanceShape);
        if (current && current->machineType != hosted.shape->machineType)
            problems.add(QStringLiteral(
                "Instance shape machine type cannot be changed (from %1 to %2); only the size can")
                             .arg(current->machineType, hosted.shape->machineType));
        else if (current && current->architecture != hosted.shape->architecture)
            problems.add(QStringLiteral(
                "Instance shape architecture cannot be changed (from %1 to %2); only the size can")
                             .arg(current->architecture, hosted.shape->architecture));
    }
    if (!problems.isEmpty())
        return problems.message();

    if (description)
        queue.description = *description;
    if (affinity)
        queue.retryAgentAffinity = *affinity;
    if (hosted.shape) {
        queue.instanceShape = hosted.shape->name;
        if (hosted.imageRef)
            queue.agentImageRef = *hosted.imageRef;
    }
    return {};
}

void SandboxState::deleteQueue(SandboxCluster& cluster, const QString& queueId)
{
    const QString id = queueId; // the caller's reference may point into the element removed
    cluster.queues.removeIf([&](const SandboxQueue& q) { return q.id == id; });
    if (cluster.defaultQueueId == id)
        cluster.defaultQueueId.clear();
    // The queue's agents are deregistered with it.
    m_agents.removeIf([&](const SandboxAgent& a) { return a.queueId == id; });
    reindex();
}

QString SandboxState::pauseQueue(
    SandboxQueue& queue, const QJsonObject& body, const QString& userId)
{
    // The parameter table says "note", the curl example and the official clients send
    // "dispatch_paused_note": take either, the longer name first.
    Field note = field(body, "dispatch_paused_note");
    if (note.presence == Presence::Absent)
        note = field(body, "note");
    if (note.presence == Presence::WrongType)
        return QStringLiteral("Validation failed: Note must be a string");
    if (queue.paused)
        return QStringLiteral("Cluster queue is already paused");
    queue.paused = true;
    queue.pausedBy = userId;
    queue.pausedAt = now();
    queue.pausedNote = note.presence == Presence::Text && !note.text.isEmpty()
        ? std::optional<QString>(note.text)
        : std::nullopt;
    return {};
}

QString SandboxState::resumeQueue(SandboxQueue& queue)
{
    if (!queue.paused)
        return QStringLiteral("Cluster queue is not paused");
    queue.paused = false;
    queue.pausedBy.clear();
    queue.pausedAt = {};
    queue.pausedNote.reset();
    return {};
}

QString SandboxState::createAgentToken(
    SandboxCluster& cluster, const QJsonObject& body, const QString& userId, QString* createdId)
{
    Problems problems;
    std::optional<QString> description;
    readRequiredName(
        body, "description", QStringLiteral("Description"), true, description, problems);
    const std::optional<QString> allowed = readAllowedIps(body, problems);
    QDateTime expiresAt;
    const Field expires = field(body, "expires_at");
    if (expires.presence == Presence::WrongType) {
        problems.add(QStringLiteral("Expires at must be an ISO 8601 timestamp"));
    } else if (expires.presence == Presence::Text) {
        expiresAt = parseTime(expires.text);
        if (!expiresAt.isValid())
            problems.add(
                QStringLiteral("Expires at is not a valid timestamp: %1").arg(expires.text));
        else if (expiresAt < now().addSecs(minTokenLifetimeSeconds))
            problems.add(QStringLiteral("Expires at must be at least 10 minutes in the future"));
    }
    if (!problems.isEmpty())
        return problems.message();

    SandboxAgentToken t;
    t.id = newId();
    t.description = *description;
    t.createdAt = now();
    t.createdBy = userId;
    t.allowedIpAddresses = allowed.value_or(QString());
    t.expiresAt = expiresAt;
    t.value = agentTokenValue();
    cluster.tokens.append(t);
    m_tokenPlaces.insert(t.id, { m_clusterRows.value(cluster.id), cluster.tokens.size() - 1 });
    *createdId = t.id;
    return {};
}

QString SandboxState::updateAgentToken(
    const SandboxCluster& cluster, SandboxAgentToken& token, const QJsonObject& body)
{
    Problems problems;
    std::optional<QString> description;
    readRequiredName(
        body, "description", QStringLiteral("Description"), false, description, problems);
    const std::optional<QString> allowed = readAllowedIps(body, problems);
    // The expiry is fixed at creation. Echoing the same value back is tolerated.
    const Field expires = field(body, "expires_at");
    if (expires.presence != Presence::Absent) {
        const QDateTime given
            = expires.presence == Presence::Text ? parseTime(expires.text) : QDateTime();
        const bool same
            = (!given.isValid() && !token.expiresAt.isValid() && expires.presence == Presence::Null)
            || (given.isValid() && token.expiresAt.isValid()
                && given.toMSecsSinceEpoch() == token.expiresAt.toMSecsSinceEpoch());
        if (!same)
            problems.add(QStringLiteral("Expires at cannot be changed after the token is created"));
    }
    if (!problems.isEmpty())
        return problems.message();

    if (description)
        token.description = *description;
    if (allowed) {
        token.allowedIpAddresses = *allowed;
        // Agents that registered with this token from an address no longer allowed are
        // disconnected; a revoked or expired token leaves its agents alone.
        for (SandboxAgent& a : m_agents) {
            if (a.tokenId == token.id && a.clusterId == cluster.id && a.isListed()
                && !allowedBy(*allowed, a.ipAddress))
                disconnectAgent(a);
        }
    }
    return {};
}

void SandboxState::deleteAgentToken(SandboxCluster& cluster, const QString& tokenId)
{
    const QString id = tokenId; // the caller's reference may point into the element removed
    cluster.tokens.removeIf([&](const SandboxAgentToken& t) { return t.id == id; });
    reindex();
}

QString SandboxState::addMaintainer(
    SandboxCluster& cluster, const QJsonObject& body, QString* createdId)
{
    const Field userField = field(body, "user");
    const Field teamField = field(body, "team");
    const bool hasUser = userField.presence == Presence::Text;
    const bool hasTeam = teamField.presence == Presence::Text;
    if (hasUser == hasTeam)
        return QStringLiteral("Validation failed: Give either a user or a team (by id)");
    const QString actor = hasUser ? userField.text : teamField.text;
    if (hasUser ? !user(actor) : !team(actor))
        return hasUser ? QStringLiteral("Validation failed: User not found")
                       : QStringLiteral("Validation failed: Team not found");
    for (const SandboxMaintainer& m : std::as_const(cluster.maintainers)) {
        if (m.actorId == actor)
            return QStringLiteral("Validation failed: Actor is already a maintainer of this "
                                  "cluster");
    }
    SandboxMaintainer m { newId(), actor, hasTeam };
    cluster.maintainers.append(m);
    *createdId = m.id;
    return {};
}

bool SandboxState::removeMaintainer(SandboxCluster& cluster, const QString& maintainerId)
{
    const QString id = maintainerId;
    return cluster.maintainers.removeIf([&](const SandboxMaintainer& m) { return m.id == id; }) > 0;
}

const SandboxAgent* SandboxState::agent(const QString& id) const
{
    const auto found = m_agentRows.constFind(id);
    return found == m_agentRows.constEnd() ? nullptr : &m_agents.at(*found);
}

SandboxAgent* SandboxState::agent(const QString& id)
{
    const auto found = m_agentRows.constFind(id);
    return found == m_agentRows.constEnd() ? nullptr : &m_agents[*found];
}

QList<qsizetype> SandboxState::agentRowsOnQueue(const QString& queueId) const
{
    return m_agentsByQueue.value(queueId);
}

QString SandboxState::addAgent(SandboxAgent agent)
{
    if (agent.id.isEmpty())
        agent.id = newId();
    const QDateTime at = now();
    if (!agent.createdAt.isValid())
        agent.createdAt = at;
    if (!agent.connectedAt.isValid() && agent.connection != SandboxConnectionState::NeverConnected)
        agent.connectedAt = agent.createdAt;
    m_agents.append(std::move(agent));
    indexAgent(m_agents.size() - 1);
    return m_agents.constLast().id;
}

std::optional<SandboxRefusal> SandboxState::pauseAgent(
    SandboxAgent& agent, const QJsonObject& body, const QString& userId)
{
    const Field note = field(body, "note");
    if (note.presence == Presence::WrongType)
        return SandboxRefusal { 422, QStringLiteral("Validation failed: Note must be a string") };
    int timeout = defaultAgentPauseMinutes;
    const QJsonValue given = body.value(QLatin1StringView("timeout_in_minutes"));
    if (!given.isUndefined() && !given.isNull()) {
        const double minutes = given.toDouble(-1);
        if (!given.isDouble() || minutes != double(qint64(minutes)) || minutes < 1
            || minutes > maxAgentPauseMinutes)
            return SandboxRefusal { 422,
                QStringLiteral("Validation failed: Timeout in minutes must be a whole number from "
                               "1 to %1")
                    .arg(maxAgentPauseMinutes) };
        timeout = int(minutes);
    }
    if (agent.connection != SandboxConnectionState::Connected)
        return SandboxRefusal { 400, QStringLiteral("Can only pause connected agents") };
    const QDateTime at = now();
    if (agent.isPaused(at))
        return SandboxRefusal { 422, QStringLiteral("Agent is already paused") };
    agent.paused = true;
    agent.pausedBy = userId;
    agent.pausedAt = at;
    agent.pausedNote = note.presence == Presence::Text && !note.text.isEmpty()
        ? std::optional<QString>(note.text)
        : std::nullopt;
    agent.pausedTimeoutMinutes = timeout;
    return std::nullopt;
}

std::optional<SandboxRefusal> SandboxState::resumeAgent(SandboxAgent& agent)
{
    if (!agent.isListed())
        return SandboxRefusal { 400, QStringLiteral("Can only resume connected agents") };
    if (!agent.isPaused(now()))
        return SandboxRefusal { 422, QStringLiteral("Agent is not paused") };
    agent.paused = false;
    agent.pausedBy.clear();
    agent.pausedAt = {};
    agent.pausedNote.reset();
    agent.pausedTimeoutMinutes = 0;
    return std::nullopt;
}

std::optional<SandboxRefusal> SandboxState::stopAgent(SandboxAgent& agent, const QJsonObject& body)
{
    // The docs give force a default of true.
    const QJsonValue given = body.value(QLatin1StringView("force"));
    if (!given.isUndefined() && !given.isNull() && !given.isBool())
        return SandboxRefusal { 422, QStringLiteral("Validation failed: Force must be a boolean") };
    const bool force = given.isBool() ? given.toBool() : true;
    // A stopping agent may still be forced, so a stuck graceful stop can be escalated.
    const bool stoppable = agent.connection == SandboxConnectionState::Connected
        || (force && agent.connection == SandboxConnectionState::Stopping);
    if (!stoppable)
        return SandboxRefusal { 400, QStringLiteral("Can only stop connected agents") };
    const QDateTime at = now();
    if (agent.job && !force) {
        agent.connection = SandboxConnectionState::Stopping; // finishes its job first
        return std::nullopt;
    }
    if (agent.job) { // force cancels the job
        agent.job.reset();
        agent.lastJobFinishedAt = at;
    }
    agent.connection = SandboxConnectionState::Stopped;
    agent.disconnectedAt = at;
    return std::nullopt;
}

QString SandboxState::assignJob(SandboxAgent& agent, const SandboxJob& job)
{
    if (agent.connection != SandboxConnectionState::Connected || agent.job)
        return {};
    const QDateTime at = now();
    if (agent.isPaused(at))
        return {};
    if (const SandboxQueue* q = findQueue(agent.queueId); q && q->paused)
        return {};
    SandboxJob j = job;
    if (j.id.isEmpty())
        j.id = newId();
    if (!j.createdAt.isValid())
        j.createdAt = at;
    if (!j.startedAt.isValid())
        j.startedAt = at;
    agent.job = j;
    return j.id;
}

bool SandboxState::finishJob(SandboxAgent& agent)
{
    if (!agent.job)
        return false;
    const QDateTime at = now();
    agent.job.reset();
    agent.lastJobFinishedAt = at;
    if (agent.connection == SandboxConnectionState::Stopping) {
        agent.connection = SandboxConnectionState::Stopped;
        agent.disconnectedAt = at;
    }
    return true;
}

bool SandboxState::disconnectAgent(SandboxAgent& agent, bool lost)
{
    if (!agent.isListed())
        return false;
    const QDateTime at = now();
    agent.job.reset();
    agent.connection = lost ? SandboxConnectionState::Lost : SandboxConnectionState::Disconnected;
    (lost ? agent.lostAt : agent.disconnectedAt) = at;
    return true;
}
