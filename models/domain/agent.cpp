// SPDX-License-Identifier: MIT
#include "agent.h"

#include "json.h"

#include <QUrl>

namespace {
// The segment after `name` in a URL path ("clusters" -> the cluster's id); empty if absent.
QString segmentAfter(const QStringList& segments, QLatin1StringView name, qsizetype from = 0)
{
    for (qsizetype i = from; i + 1 < segments.size(); ++i) {
        if (segments.at(i) == name)
            return segments.at(i + 1);
    }
    return {};
}

std::optional<User> user(JsonReader& r, QLatin1StringView key)
{
    const auto object = r.object(key);
    if (!object)
        return std::nullopt;
    JsonReader u = r.child(*object, QString(key));
    User value = User::fromJson(u);
    r.adopt(u);
    return value;
}
} // namespace

AgentJob AgentJob::fromJson(JsonReader& r)
{
    AgentJob j;
    j.raw = r.object();
    j.id = r.string(QLatin1StringView("id"));
    j.graphqlId = r.string(QLatin1StringView("graphql_id"));
    j.type = r.string(QLatin1StringView("type"));
    j.name = r.string(QLatin1StringView("name"));
    j.state = r.string(QLatin1StringView("state"));
    j.command = r.string(QLatin1StringView("command"));
    j.webUrl = r.string(QLatin1StringView("web_url"));
    j.buildUrl = r.string(QLatin1StringView("build_url"));
    j.startedAt = r.timestamp(QLatin1StringView("started_at"));
    const QStringList segments
        = QUrl(j.buildUrl).path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    j.pipeline = segmentAfter(segments, QLatin1StringView("pipelines"));
    bool ok = false;
    const int number = segmentAfter(segments, QLatin1StringView("builds")).toInt(&ok);
    j.buildNumber = ok && number > 0 ? number : 0;
    return j;
}

QString AgentJob::displayName() const
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    if (!command.trimmed().isEmpty())
        return command.trimmed();
    return id;
}

QString AgentJob::buildName() const
{
    if (pipeline.isEmpty() || buildNumber <= 0)
        return {};
    return QStringLiteral("%1 #%2").arg(pipeline).arg(buildNumber);
}

Agent Agent::fromJson(JsonReader& r)
{
    Agent a;
    a.raw = r.object();
    a.id = r.string(QLatin1StringView("id"));
    a.graphqlId = r.string(QLatin1StringView("graphql_id"));
    a.url = r.string(QLatin1StringView("url"));
    a.webUrl = r.string(QLatin1StringView("web_url"));
    a.name = r.string(QLatin1StringView("name"));
    a.connectionState = r.string(QLatin1StringView("connection_state"));
    a.hostname = r.string(QLatin1StringView("hostname"));
    a.ipAddress = r.string(QLatin1StringView("ip_address"));
    a.userAgent = r.string(QLatin1StringView("user_agent"));
    a.version = r.string(QLatin1StringView("version"));
    a.creator = user(r, QLatin1StringView("creator"));
    a.createdAt = r.timestamp(QLatin1StringView("created_at"));
    if (const auto job = r.object(QLatin1StringView("job"))) {
        JsonReader j = r.child(*job, QStringLiteral("job"));
        a.job = AgentJob::fromJson(j);
        r.adopt(j);
    }
    a.lastJobFinishedAt = r.timestamp(QLatin1StringView("last_job_finished_at"));
    a.priority = r.integer(QLatin1StringView("priority"));
    a.metaData = r.stringList(QLatin1StringView("meta_data"));
    a.osId = r.string(QLatin1StringView("os_id"));
    a.arch = r.string(QLatin1StringView("arch"));
    a.connectedAt = r.timestamp(QLatin1StringView("connected_at"));
    a.disconnectedAt = r.timestamp(QLatin1StringView("disconnected_at"));
    a.lostAt = r.timestamp(QLatin1StringView("lost_at"));

    a.paused = r.boolean(QLatin1StringView("paused"));
    a.pausedBy = user(r, QLatin1StringView("paused_by"));
    a.pausedAt = r.timestamp(QLatin1StringView("paused_at"));
    a.pausedNote = r.string(QLatin1StringView("paused_note"));
    a.pausedTimeoutMinutes = r.integer(QLatin1StringView("paused_timeout_in_minutes"));

    // `queue` is the key in the newest docs; an object with an id and key is read too, in case a
    // server embeds the queue.
    const QJsonValue queue = r.object().value(QLatin1StringView("queue"));
    if (queue.isObject()) {
        JsonReader q = r.child(queue.toObject(), QStringLiteral("queue"));
        a.queueKey = q.string(QLatin1StringView("key"));
        a.queueId = q.string(QLatin1StringView("id"));
        r.adopt(q);
    } else {
        a.queueKey = r.string(QLatin1StringView("queue"));
    }
    if (a.queueKey.isEmpty())
        a.queueKey = a.tag(u"queue");
    QString clusterId, queueId;
    placementFromWebUrl(a.webUrl, &clusterId, &queueId);
    a.clusterId = clusterId;
    if (a.queueId.isEmpty())
        a.queueId = queueId;
    return a;
}

void Agent::placementFromWebUrl(const QString& webUrl, QString* clusterId, QString* queueId)
{
    const QStringList segments
        = QUrl(webUrl).path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QString cluster, queue;
    for (qsizetype i = 0; i + 1 < segments.size(); ++i) {
        if (segments.at(i) == QLatin1String("clusters")) {
            cluster = segments.at(i + 1);
            // The queue only counts inside the cluster's part of the path.
            queue = segmentAfter(segments, QLatin1StringView("queues"), i + 2);
            break;
        }
    }
    if (clusterId)
        *clusterId = cluster;
    if (queueId)
        *queueId = cluster.isEmpty() ? QString() : queue;
}

QString Agent::tag(QStringView key) const
{
    for (const QString& entry : metaData) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (eq > 0 && QStringView(entry).left(eq).trimmed() == key)
            return entry.mid(eq + 1).trimmed();
    }
    return {};
}

bool Agent::isConnected() const
{
    return connectionState == QLatin1String("connected")
        || connectionState == QLatin1String("stopping");
}

Agent::State Agent::state() const
{
    if (!isConnected())
        return State::Offline;
    if (job)
        return State::Busy;
    if (isStopping())
        return State::Stopping;
    if (paused)
        return State::Paused;
    return State::Idle;
}

QString Agent::platform() const
{
    if (osId.isEmpty())
        return arch;
    return arch.isEmpty() ? osId : osId + QLatin1Char('/') + arch;
}

QDateTime Agent::connectedSince() const { return connectedAt.isValid() ? connectedAt : createdAt; }
