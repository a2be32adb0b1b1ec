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

// Accepts the documented camelCase request form and, for clients that echo a response back,
// the snake_case one (instance_shape as a name or as the response's object).
const SandboxInstanceShape* readHostedShape(
    const QJsonObject& body, bool* present, Problems& problems)
{
    QJsonValue agents = body.value(QLatin1StringView("hostedAgents"));
    if (agents.isUndefined())
        agents = body.value(QLatin1StringView("hosted_agents"));
    *present = !agents.isUndefined() && !agents.isNull();
    if (!*present)
        return nullptr;
    if (!agents.isObject()) {
        problems.add(QStringLiteral("Hosted agents must be an object with an instanceShape"));
        return nullptr;
    }
    const QJsonObject object = agents.toObject();
    QJsonValue shape = object.value(QLatin1StringView("instanceShape"));
    if (shape.isUndefined())
        shape = object.value(QLatin1StringView("instance_shape"));
    if (shape.isObject())
        shape = shape.toObject().value(QLatin1StringView("name"));
    if (shape.isUndefined() || shape.isNull()
        || (shape.isString() && shape.toString().trimmed().isEmpty())) {
        problems.add(QStringLiteral("Instance shape can't be blank"));
        return nullptr;
    }
    if (!shape.isString()) {
        problems.add(QStringLiteral("Instance shape must be a string"));
        return nullptr;
    }
    const QString name = shape.toString();
    const SandboxInstanceShape* found = SandboxInstanceShape::find(name);
    if (!found) {
        problems.add(QStringLiteral("Instance shape %1 is not a valid instance shape").arg(name));
        return nullptr;
    }
    if (found->removed) {
        problems.add(QStringLiteral("Instance shape %1 has been removed and is no longer available")
                         .arg(name));
        return nullptr;
    }
    return found;
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
} // namespace

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
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out += QLatin1Char(
            alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet)) - 1)]);
    return out;
}

QString SandboxState::addUser(
    const QString& id, const QString& name, const QString& email, const QDateTime& createdAt)
{
    if (!user(id))
        m_users.append({ id, name, email, createdAt });
    return id;
}

QString SandboxState::addTeam(const QString& id, const QString& name, const QString& slug)
{
    if (!team(id))
        m_teams.append({ id, name, slug });
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

SandboxCluster* SandboxState::cluster(const QString& id)
{
    for (SandboxCluster& c : m_clusters) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

SandboxQueue* SandboxState::queue(SandboxCluster& cluster, const QString& id)
{
    for (SandboxQueue& q : cluster.queues) {
        if (q.id == id)
            return &q;
    }
    return nullptr;
}

SandboxAgentToken* SandboxState::agentToken(SandboxCluster& cluster, const QString& id)
{
    for (SandboxAgentToken& t : cluster.tokens) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
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

void SandboxState::deleteCluster(const QString& clusterId)
{
    // A copy: the caller's reference may point into the element being removed.
    const QString id = clusterId;
    // Its queues and tokens live inside it, so they go with it.
    m_clusters.removeIf([&](const SandboxCluster& c) { return c.id == id; });
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
    bool hosted = false;
    const SandboxInstanceShape* shape = readHostedShape(body, &hosted, problems);
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
    if (shape)
        q.instanceShape = shape->name;
    cluster.queues.append(q);
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
    bool hostedGiven = false;
    const SandboxInstanceShape* shape = readHostedShape(body, &hostedGiven, problems);
    if (shape && !queue.instanceShape.isEmpty()) {
        const SandboxInstanceShape* current = SandboxInstanceShape::find(queue.instanceShape);
        if (current && current->machineType != shape->machineType)
            problems.add(QStringLiteral(
                "Instance shape machine type cannot be changed (from %1 to %2); only the size can")
                             .arg(current->machineType, shape->machineType));
        else if (current && current->architecture != shape->architecture)
            problems.add(QStringLiteral(
                "Instance shape architecture cannot be changed (from %1 to %2); only the size can")
                             .arg(current->architecture, shape->architecture));
    }
    if (!problems.isEmpty())
        return problems.message();

    if (description)
        queue.description = *description;
    if (affinity)
        queue.retryAgentAffinity = *affinity;
    if (shape)
        queue.instanceShape = shape->name;
    return {};
}

void SandboxState::deleteQueue(SandboxCluster& cluster, const QString& queueId)
{
    const QString id = queueId; // the caller's reference may point into the element removed
    cluster.queues.removeIf([&](const SandboxQueue& q) { return q.id == id; });
    if (cluster.defaultQueueId == id)
        cluster.defaultQueueId.clear();
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
    t.value = randomSecret(40);
    cluster.tokens.append(t);
    *createdId = t.id;
    return {};
}

QString SandboxState::updateAgentToken(SandboxAgentToken& token, const QJsonObject& body)
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
    if (allowed)
        token.allowedIpAddresses = *allowed;
    return {};
}

void SandboxState::deleteAgentToken(SandboxCluster& cluster, const QString& tokenId)
{
    const QString id = tokenId; // the caller's reference may point into the element removed
    cluster.tokens.removeIf([&](const SandboxAgentToken& t) { return t.id == id; });
}
