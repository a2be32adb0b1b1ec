// SPDX-License-Identifier: MIT
#include "sandboxserver.h"

#include "sandboxapi.h"
#include "sandboxfaults.h"
#include "sandboxinstanceshape.h"
#include "sandboxlistener.h"
#include "sandboxlogging.h"
#include "sandboxoutgoing.h"
#include "sandboxratelimiter.h"
#include "sandboxrequest.h"
#include "sandboxresponse.h"
#include "sandboxseed.h"
#include "sandboxsocketwriter.h"
#include "sandboxstate.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <iterator>

namespace {
QByteArray verbOf(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        break;
    }
    return "UNKNOWN";
}

// Stable across runs so a token pasted from an earlier run still works.
QString stableToken(const char* seed)
{
    return QStringLiteral("bkua_")
        + QString::fromLatin1(QCryptographicHash::hash(
            QByteArray("kitedeck-sandbox/") + seed, QCryptographicHash::Sha1)
                                  .toHex());
}

QByteArray receivedKey(const QByteArray& verb, const QString& path)
{
    return verb + ' ' + path.toUtf8();
}

// {"message": "..."} with the message's bytes as given, only quotes and backslashes escaped
// so the object still parses.
QByteArray rawMessageBody(const QByteArray& message)
{
    QByteArray escaped;
    escaped.reserve(message.size() + 8);
    for (const char c : message) {
        if (c == '"' || c == '\\')
            escaped += '\\';
        escaped += c;
    }
    return "{\"message\":\"" + escaped + "\"}";
}

QByteArray proxyErrorPage()
{
    return QByteArrayLiteral("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                             "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</"
                             "center>\r\n</body>\r\n</html>\r\n");
}

QJsonValue wrongTyped(const QString& key, const QJsonValue& value);

QJsonObject wrongTypedObject(const QJsonObject& object)
{
    QJsonObject out;
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(it.key(), wrongTyped(it.key(), it.value()));
    return out;
}

// The type a careless server (or a proxy rewriting JSON) might send instead.
QJsonValue wrongTyped(const QString& key, const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::String:
        if (key == QLatin1String("id") || key.endsWith(QLatin1String("_id")))
            return 12345;
        if (key.endsWith(QLatin1String("_at"))) {
            const QDateTime when = SandboxState::parseTime(value.toString());
            return when.isValid() ? QJsonValue(when.toSecsSinceEpoch()) : QJsonValue(0);
        }
        return value;
    case QJsonValue::Array: {
        QJsonArray out;
        for (const QJsonValue& item : value.toArray())
            out.append(wrongTyped(key, item));
        return out;
    }
    case QJsonValue::Object:
        return wrongTypedObject(value.toObject());
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return value;
}

QByteArray wrongTypedBody(const QByteArray& body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return body;
    if (doc.isArray())
        return QJsonDocument(wrongTyped(QString(), doc.array()).toArray())
            .toJson(QJsonDocument::Compact);
    return QJsonDocument(wrongTypedObject(doc.object())).toJson(QJsonDocument::Compact);
}

const char* const jobLabels[] = { ":rspec: Unit tests", ":eslint: Lint", ":docker: Build image",
    ":hammer: Compile", ":pytest: Integration tests", ":rocket: Deploy" };
} // namespace

SandboxServer::SandboxServer(QObject* parent)
    : QObject(parent)
    , m_state(std::make_unique<SandboxState>())
    , m_api(std::make_unique<SandboxApi>(*m_state))
    , m_faults(std::make_unique<SandboxFaults>())
    , m_rateLimiter(std::make_unique<SandboxRateLimiter>())
{
    m_clock.start();
    const SandboxSeed::People people = SandboxSeed::people(*m_state);
    m_primaryUserId = people.primaryUserId;
    m_memberUserId = people.memberUserId;
    m_readWriteToken = m_state->addApiToken(stableToken("read-write"),
        { QStringLiteral("read_clusters"), QStringLiteral("write_clusters"),
            QStringLiteral("read_agents"), QStringLiteral("write_agents") },
        QStringLiteral("Kitedeck sandbox (read and write)"), {}, people.primaryUserId);
    m_readOnlyToken = m_state->addApiToken(stableToken("read-only"),
        { QStringLiteral("read_clusters"), QStringLiteral("read_agents") },
        QStringLiteral("Kitedeck sandbox (read only)"), {}, people.readOnlyUserId);
    m_memberToken = m_state->addApiToken(stableToken("member"),
        { QStringLiteral("read_clusters"), QStringLiteral("write_clusters"),
            QStringLiteral("read_agents"), QStringLiteral("write_agents") },
        QStringLiteral("Kitedeck sandbox (a maintainer, not an administrator)"), {},
        people.memberUserId);
}

SandboxServer::~SandboxServer()
{
    // The writers report unfinished answers through finish(), which needs a whole server.
    const auto writers = m_writers;
    m_writers.clear();
    for (SandboxSocketWriter* writer : writers)
        delete writer;
}

bool SandboxServer::listen(quint16 port)
{
    if (m_port != 0) {
        m_error = tr("The sandbox is already listening on port %1").arg(m_port);
        return false;
    }
    auto tcp = std::make_unique<QTcpServer>();
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        m_error = tcp->errorString();
        return false;
    }
    if (!m_listener)
        m_listener = new SandboxListener(
            [this](const QHttpServerRequest& r, QTcpSocket* s) { onRequest(r, s); }, this);
    m_port = tcp->serverPort();
    m_listener->bind(tcp.release());
    m_api->setBaseUrl(baseUrl());
    m_error.clear();
    qCInfo(lcSandbox).noquote() << "listening on" << baseUrl().toString();
    return true;
}

QString SandboxServer::errorString() const { return m_error; }

quint16 SandboxServer::port() const { return m_port; }

QUrl SandboxServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

QString SandboxServer::organization() const { return m_api->organization(); }

void SandboxServer::setOrganization(const QString& slug) { m_api->setOrganization(slug); }

QString SandboxServer::readWriteToken() const { return m_readWriteToken; }

QString SandboxServer::readOnlyToken() const { return m_readOnlyToken; }

QString SandboxServer::memberToken() const { return m_memberToken; }

QString SandboxServer::addApiToken(
    const QStringList& scopes, const QString& description, const QDateTime& expiresAt)
{
    return m_state->addApiToken({}, scopes, description, expiresAt, m_primaryUserId);
}

QString SandboxServer::addApiTokenForUser(const QString& userId, const QStringList& scopes,
    const QString& description, const QDateTime& expiresAt)
{
    if (!m_state->user(userId))
        return {};
    return m_state->addApiToken({}, scopes, description, expiresAt, userId);
}

void SandboxServer::revokeApiToken(const QString& value) { m_state->revokeApiToken(value); }

QString SandboxServer::primaryUserId() const { return m_primaryUserId; }

QString SandboxServer::memberUserId() const { return m_memberUserId; }

QString SandboxServer::addUser(const QString& name, const QString& email, bool admin)
{
    return m_state->addUser(SandboxState::newId(), name, email, SandboxState::now(), admin);
}

bool SandboxServer::setOrganizationAdmin(const QString& userId, bool admin)
{
    return m_state->setAdmin(userId, admin);
}

void SandboxServer::seedDemo() { SandboxSeed::demo(*m_state); }

void SandboxServer::seedGenerated(int clusters, int queuesPerCluster, int tokensPerCluster)
{
    SandboxSeed::generated(*m_state, clusters, queuesPerCluster, tokensPerCluster);
}

void SandboxServer::clearData() { m_state->clearClusters(); }

int SandboxServer::clusterCount() const { return int(m_state->clusters().size()); }

QString SandboxServer::defaultClusterId() const { return m_state->defaultClusterId(); }

void SandboxServer::setDefaultClusterId(const QString& clusterId)
{
    m_state->setDefaultClusterId(clusterId);
}

QString SandboxServer::connectAgent(const QString& queueId, const AgentOptions& options)
{
    const SandboxCluster* cluster = nullptr;
    const SandboxQueue* queue = std::as_const(*m_state).findQueue(queueId, &cluster);
    if (!queue)
        return {};
    const int serial = ++m_agentSerial;
    const SandboxInstanceShape* shape = SandboxInstanceShape::find(queue->instanceShape);
    SandboxAgent a;
    a.clusterId = cluster->id;
    a.queueId = queue->id;
    a.name = options.name.isEmpty() ? QStringLiteral("%1-agent-%2").arg(queue->key).arg(serial)
                                    : options.name;
    a.hostname = options.hostname.isEmpty()
        ? (shape ? QStringLiteral("hosted-%1").arg(serial, 6, 10, QLatin1Char('0'))
                 : QStringLiteral("%1-host-%2").arg(queue->key).arg(serial))
        : options.hostname;
    a.version = options.version.isEmpty() ? QStringLiteral("3.97.0") : options.version;
    a.osId = !options.osId.isEmpty()
        ? options.osId
        : (shape && shape->machineType == QLatin1String("macos") ? QStringLiteral("darwin")
                                                                 : QStringLiteral("linux"));
    a.arch = !options.arch.isEmpty() ? options.arch
                                     : (shape ? shape->architecture : QStringLiteral("amd64"));
    if (!shape) {
        a.tokenId = options.tokenId;
        if (a.tokenId.isEmpty() && !cluster->tokens.isEmpty())
            a.tokenId = cluster->tokens.constFirst().id;
        for (const SandboxAgentToken& t : cluster->tokens) {
            if (t.id == a.tokenId) {
                a.creatorId = t.createdBy;
                if (options.ipAddress.isEmpty())
                    a.ipAddress = SandboxState::addressAllowedBy(t.allowedIpAddresses, serial);
            }
        }
    }
    if (a.ipAddress.isEmpty())
        a.ipAddress = options.ipAddress.isEmpty() ? SandboxState::addressAllowedBy({}, serial)
                                                  : options.ipAddress;
    a.extraMetaData = options.tags;
    a.priority = options.priority;
    return m_state->addAgent(a);
}

QString SandboxServer::connectAgentToCluster(const QString& clusterId, const AgentOptions& options)
{
    const SandboxCluster* cluster = std::as_const(*m_state).cluster(clusterId);
    if (!cluster)
        return {};
    if (!cluster->defaultQueueId.isEmpty())
        return connectAgent(cluster->defaultQueueId, options);
    const int serial = ++m_agentSerial;
    SandboxAgent a;
    a.clusterId = cluster->id;
    a.name = options.name.isEmpty() ? QStringLiteral("agent-%1").arg(serial) : options.name;
    a.hostname
        = options.hostname.isEmpty() ? QStringLiteral("host-%1").arg(serial) : options.hostname;
    a.ipAddress = options.ipAddress.isEmpty() ? SandboxState::addressAllowedBy({}, serial)
                                              : options.ipAddress;
    a.version = options.version.isEmpty() ? QStringLiteral("3.97.0") : options.version;
    a.osId = options.osId.isEmpty() ? QStringLiteral("linux") : options.osId;
    a.arch = options.arch.isEmpty() ? QStringLiteral("amd64") : options.arch;
    a.tokenId = options.tokenId.isEmpty() && !cluster->tokens.isEmpty()
        ? cluster->tokens.constFirst().id
        : options.tokenId;
    a.extraMetaData = options.tags;
    a.priority = options.priority;
    return m_state->addAgent(a);
}

bool SandboxServer::disconnectAgent(const QString& agentId)
{
    SandboxAgent* a = m_state->agent(agentId);
    return a && m_state->disconnectAgent(*a);
}

bool SandboxServer::loseAgent(const QString& agentId)
{
    SandboxAgent* a = m_state->agent(agentId);
    return a && m_state->disconnectAgent(*a, true);
}

QString SandboxServer::assignJob(const QString& agentId, const QString& label)
{
    SandboxAgent* a = m_state->agent(agentId);
    if (!a)
        return {};
    const int serial = ++m_agentSerial;
    SandboxJob job;
    job.name
        = label.isEmpty() ? QLatin1String(jobLabels[serial % int(std::size(jobLabels))]) : label;
    job.pipeline = QStringLiteral("sandbox-pipeline");
    job.buildNumber = 1000 + serial;
    job.command = QStringLiteral("make test");
    return m_state->assignJob(*a, job);
}

bool SandboxServer::finishJob(const QString& agentId)
{
    SandboxAgent* a = m_state->agent(agentId);
    return a && m_state->finishJob(*a);
}

template <typename Predicate>
int SandboxServer::countAgents(const QString& queueId, Predicate predicate) const
{
    const QList<SandboxAgent>& all = m_state->agents();
    int count = 0;
    if (queueId.isEmpty()) {
        for (const SandboxAgent& a : all)
            count += a.isListed() && predicate(a);
    } else {
        for (qsizetype row : m_state->agentRowsOnQueue(queueId))
            count += all.at(row).isListed() && predicate(all.at(row));
    }
    return count;
}

int SandboxServer::agentCount(const QString& queueId) const
{
    return countAgents(queueId, [](const SandboxAgent&) { return true; });
}

int SandboxServer::busyAgentCount(const QString& queueId) const
{
    return countAgents(queueId, [](const SandboxAgent& a) { return a.job.has_value(); });
}

int SandboxServer::pausedAgentCount(const QString& queueId) const
{
    const QDateTime now = SandboxState::now();
    return countAgents(queueId, [&](const SandboxAgent& a) { return a.isPaused(now); });
}

QStringList SandboxServer::agentIds(const QString& queueId) const
{
    const QList<SandboxAgent>& all = m_state->agents();
    QStringList out;
    if (queueId.isEmpty()) {
        for (const SandboxAgent& a : all) {
            if (a.isListed())
                out.append(a.id);
        }
    } else {
        for (qsizetype row : m_state->agentRowsOnQueue(queueId)) {
            if (all.at(row).isListed())
                out.append(all.at(row).id);
        }
    }
    return out;
}

QString SandboxServer::agentConnectionState(const QString& agentId) const
{
    const SandboxAgent* a = std::as_const(*m_state).agent(agentId);
    return a ? SandboxAgent::connectionName(a->connection) : QString();
}

void SandboxServer::setLatency(int milliseconds) { m_latencyMs = qMax(0, milliseconds); }

void SandboxServer::setFailureRate(double probability, int status)
{
    m_failureRate = qBound(0.0, probability, 1.0);
    m_failureStatus = status;
}

void SandboxServer::addFault(SandboxFault fault) { m_faults->add(std::move(fault)); }

void SandboxServer::failPath(const QString& pathPattern, int status, const QByteArray& body,
    int times, const QByteArray& verb)
{
    SandboxFault f;
    f.kind = SandboxFault::Kind::Fail;
    f.pattern = QRegularExpression(pathPattern);
    f.status = status;
    f.body = body;
    f.remaining = times;
    f.verb = verb;
    addFault(std::move(f));
}

void SandboxServer::failWithMessage(const QString& pathPattern, int status,
    const QByteArray& message, int times, const QByteArray& verb, ControlCharacters characters)
{
    const QByteArray body = characters == ControlCharacters::Raw
        ? rawMessageBody(message)
        : QJsonDocument(QJsonObject { { QStringLiteral("message"), QString::fromUtf8(message) } })
              .toJson(QJsonDocument::Compact);
    failPath(pathPattern, status, body, times, verb);
}

void SandboxServer::html502(const QString& pathPattern, int times, const QByteArray& verb)
{
    failPath(pathPattern, 502, proxyErrorPage(), times, verb);
}

void SandboxServer::resetMidBody(const QString& pathPattern, int times, const QByteArray& verb)
{
    SandboxFault f;
    f.kind = SandboxFault::Kind::CutShort;
    f.pattern = QRegularExpression(pathPattern);
    f.remaining = times;
    f.verb = verb;
    addFault(std::move(f));
}

void SandboxServer::dropConnectionOnPath(const QString& pathPattern, int times)
{
    resetMidBody(pathPattern, times);
}

void SandboxServer::closeWithoutAnswer(
    const QString& pathPattern, int times, const QByteArray& verb, bool handled)
{
    SandboxFault f;
    f.kind = SandboxFault::Kind::CloseSilently;
    f.pattern = QRegularExpression(pathPattern);
    f.remaining = times;
    f.verb = verb;
    f.handled = handled;
    addFault(std::move(f));
}

void SandboxServer::dripResponse(
    const QString& pathPattern, int millisecondsPerByte, int times, const QByteArray& verb)
{
    SandboxFault f;
    f.kind = SandboxFault::Kind::Drip;
    f.pattern = QRegularExpression(pathPattern);
    f.remaining = times;
    f.verb = verb;
    f.intervalMs = qMax(0, millisecondsPerByte);
    addFault(std::move(f));
}

void SandboxServer::oversizedBody(
    const QString& pathPattern, qint64 megabytes, int times, const QByteArray& verb)
{
    SandboxFault f;
    f.kind = SandboxFault::Kind::Oversized;
    f.pattern = QRegularExpression(pathPattern);
    f.remaining = times;
    f.verb = verb;
    f.megabytes = qMax<qint64>(1, megabytes);
    addFault(std::move(f));
}

void SandboxServer::malformJsonOnPath(const QString& pathPattern, int times)
{
    SandboxFault f;
    f.kind = SandboxFault::Kind::Malform;
    f.pattern = QRegularExpression(pathPattern);
    f.remaining = times;
    addFault(std::move(f));
}

void SandboxServer::truncateJson(const QString& pathPattern, int times, const QByteArray& verb)
{
    SandboxFault f;
    f.kind = SandboxFault::Kind::TruncateJson;
    f.pattern = QRegularExpression(pathPattern);
    f.remaining = times;
    f.verb = verb;
    addFault(std::move(f));
}

void SandboxServer::wrongTypes(const QString& pathPattern, int times, const QByteArray& verb)
{
    SandboxFault f;
    f.kind = SandboxFault::Kind::WrongTypes;
    f.pattern = QRegularExpression(pathPattern);
    f.remaining = times;
    f.verb = verb;
    addFault(std::move(f));
}

void SandboxServer::redirectPath(const QString& pathPattern, const QUrl& target, int times)
{
    SandboxFault f;
    f.kind = SandboxFault::Kind::Redirect;
    f.pattern = QRegularExpression(pathPattern);
    f.target = target;
    f.remaining = times;
    addFault(std::move(f));
}

void SandboxServer::rateLimitPath(
    const QString& pathPattern, const RateLimitAnswer& answer, int times, const QByteArray& verb)
{
    SandboxFault f;
    f.kind = SandboxFault::Kind::RateLimited;
    f.pattern = QRegularExpression(pathPattern);
    f.remaining = times;
    f.verb = verb;
    f.scope = answer.scope;
    f.limit = answer.limit;
    f.current = answer.current;
    f.reset = answer.reset;
    f.resetHeader = answer.resetHeader;
    f.retryAfter = answer.retryAfter;
    addFault(std::move(f));
}

void SandboxServer::setRateLimit(int requestsPerMinute)
{
    const int user = qMax(0, requestsPerMinute);
    m_rateLimiter->setLimits(
        user > 0 ? qMax(user, SandboxRateLimiter::defaultOrganizationLimit) : 0, user);
}

void SandboxServer::setRateLimits(int organizationPerMinute, int userPerMinute)
{
    m_rateLimiter->setLimits(organizationPerMinute, userPerMinute);
}

void SandboxServer::setRateWindowSpeed(int factor)
{
    m_rateWindowSpeed = qMax(1, factor);
    m_rateLimiter->setLimits(m_rateLimiter->isEnforced() ? m_rateLimiter->organizationLimit() : 0,
        m_rateLimiter->isEnforced() ? m_rateLimiter->userLimit() : 0);
}

void SandboxServer::clearFaults()
{
    m_latencyMs = 0;
    m_failureRate = 0;
    m_failureStatus = 500;
    m_faults->clear();
    setRateLimit(0);
}

QList<SandboxServer::RecordedRequest> SandboxServer::requests() const { return m_requests; }

int SandboxServer::receivedCount(const QByteArray& verb, const QString& path) const
{
    return m_received.value(receivedKey(verb.toUpper(), path));
}

void SandboxServer::clearRequests()
{
    m_requests.clear();
    m_received.clear();
    m_maxOpen = m_open;
}

int SandboxServer::maxConcurrentOpen() const { return m_maxOpen; }

SandboxSocketWriter* SandboxServer::writerFor(QTcpSocket* socket)
{
    SandboxSocketWriter*& writer = m_writers[socket];
    if (!writer) {
        writer = new SandboxSocketWriter(
            socket, [this](const SandboxOutgoing& o) { finish(o); }, this);
        connect(socket, &QObject::destroyed, this, [this, socket] {
            // Anything still waiting for this connection is reported as served (and lost).
            delete m_writers.take(socket);
        });
    }
    return writer;
}

void SandboxServer::onRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    SandboxRequest r;
    r.verb = verbOf(request.method());
    const QUrl url = request.url();
    r.path = url.path();
    if (r.path.isEmpty())
        r.path = QStringLiteral("/");
    r.rawQuery = url.query();
    r.query = request.query();
    r.body = request.body();
    for (const auto& [name, value] : request.headers()) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0)
            r.authorization = value;
        else if (name.compare("connection", Qt::CaseInsensitive) == 0)
            r.closeConnection = value.trimmed().compare("close", Qt::CaseInsensitive) == 0;
    }
    m_requests.append({ r.verb, r.path, r.rawQuery, r.authorization, r.body });
    ++m_received[receivedKey(r.verb, r.path)];
    ++m_open;
    m_maxOpen = qMax(m_maxOpen, m_open);

    SandboxSocketWriter* writer = writerFor(socket);
    const quint64 sequence = writer->nextSequence();
    SandboxOutgoing outgoing = respond(r);
    if (m_latencyMs <= 0) {
        writer->deliver(sequence, std::move(outgoing));
        return;
    }
    // The delay runs on a timer, so other requests (and connections) carry on meanwhile.
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(m_latencyMs, Qt::PreciseTimer, this, [this, guard, sequence, outgoing] {
        SandboxSocketWriter* w = guard ? m_writers.value(guard.data()) : nullptr;
        if (w)
            w->deliver(sequence, outgoing);
        else
            finish(outgoing);
    });
}

SandboxOutgoing SandboxServer::respond(const SandboxRequest& request)
{
    const qint64 nowMs = m_clock.elapsed();
    const qint64 windowClockMs = nowMs * m_rateWindowSpeed;
    const SandboxApiToken* caller = m_api->authenticate(request.authorization);
    const QString userKey = caller ? caller->userId : QStringLiteral("anonymous");
    m_rateLimiter->count(userKey, windowClockMs);

    SandboxOutgoing out;
    out.verb = request.verb;
    out.path = request.path;
    out.receivedMs = nowMs;
    out.closeAfter = request.closeConnection;

    const std::optional<SandboxFault> fault = m_faults->take(request);
    const auto is = [&](SandboxFault::Kind kind) { return fault && fault->kind == kind; };
    std::optional<SandboxResponse> response;
    if (fault) {
        switch (fault->kind) {
        case SandboxFault::Kind::Fail:
            response = fault->body.isEmpty() ? SandboxResponse::message(fault->status,
                           QString::fromLatin1(SandboxResponse::reasonPhrase(fault->status)))
                                             : SandboxResponse::raw(fault->status, fault->body);
            break;
        case SandboxFault::Kind::Redirect:
            response = SandboxResponse::message(302, QStringLiteral("You are being redirected"));
            response->setHeader("Location", fault->target.toEncoded());
            break;
        case SandboxFault::Kind::Malform:
            response = SandboxResponse::json(200, QJsonObject {});
            response->body = QByteArrayLiteral(
                "[{\"id\":\"0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d\",\"name\":\"Trunc");
            break;
        case SandboxFault::Kind::Oversized:
            response = SandboxResponse::json(200, QJsonArray {});
            response->body = QByteArrayLiteral("[");
            break;
        case SandboxFault::Kind::RateLimited: {
            QJsonObject body {
                { QStringLiteral("message"),
                    QStringLiteral("You have exceeded your API rate limit. Please wait %1 seconds "
                                   "before making more requests.")
                        .arg(fault->reset ? QString::number(*fault->reset)
                                          : QStringLiteral("a few")) },
                { QStringLiteral("scope"), fault->scope },
                { QStringLiteral("limit"), fault->limit },
                { QStringLiteral("current"), fault->current },
            };
            if (fault->reset)
                body.insert(QStringLiteral("reset"), *fault->reset);
            response = SandboxResponse::json(429, body);
            break;
        }
        case SandboxFault::Kind::CloseSilently:
            if (!fault->handled)
                response = SandboxResponse::noContent(); // never sent
            break;
        case SandboxFault::Kind::CutShort:
        case SandboxFault::Kind::Drip:
        case SandboxFault::Kind::TruncateJson:
        case SandboxFault::Kind::WrongTypes:
            break; // the real answer, altered below
        }
    }
    if (!response && m_failureRate > 0
        && QRandomGenerator::global()->generateDouble() < m_failureRate)
        response = SandboxResponse::message(
            m_failureStatus, QString::fromLatin1(SandboxResponse::reasonPhrase(m_failureStatus)));
    if (!response)
        response = m_rateLimiter->refusal(userKey, windowClockMs);
    if (!response) {
        if (request.verb == "HEAD") {
            // A GET without the body: same status and headers, Content-Length included.
            SandboxRequest asGet = request;
            asGet.verb = "GET";
            response = m_api->handle(asGet, caller);
        } else {
            response = m_api->handle(request, caller);
        }
    }
    m_rateLimiter->addHeaders(*response, userKey, windowClockMs);
    if (is(SandboxFault::Kind::RateLimited)) {
        const QByteArray remaining = fault->scope == QLatin1String("rest")
            ? QByteArrayLiteral("RateLimit-Remaining")
            : QByteArrayLiteral("RateLimit-User-Remaining");
        response->setHeader(remaining, "0");
        for (const QByteArray& name :
            { QByteArrayLiteral("RateLimit-Reset"), QByteArrayLiteral("RateLimit-User-Reset") }) {
            if (fault->resetHeader)
                response->setHeader(name, *fault->resetHeader);
            else
                response->removeHeader(name);
        }
        if (fault->retryAfter)
            response->setHeader("Retry-After", *fault->retryAfter);
    }
    if (is(SandboxFault::Kind::TruncateJson) && !response->body.isEmpty())
        response->body.truncate(response->body.size() / 2);
    if (is(SandboxFault::Kind::WrongTypes))
        response->body = wrongTypedBody(response->body);
    out.status = response->status;

    const bool headOnly = request.verb == "HEAD";
    if (is(SandboxFault::Kind::CloseSilently)) {
        out.delivery = SandboxOutgoing::Delivery::Silent;
        out.status = 0;
    } else if (is(SandboxFault::Kind::CutShort)) {
        // Promise a whole body, send half of it, then hang up.
        if (response->body.isEmpty()) {
            const SandboxResponse filler
                = SandboxResponse::message(200, QStringLiteral("This body never arrives in full."));
            response->body = filler.body;
            response->contentType = filler.contentType;
            if (response->status == 204)
                response->status = out.status = 200;
        }
        out.bytes = response->head(false, response->body.size())
            + response->body.left(response->body.size() / 2);
        out.delivery = SandboxOutgoing::Delivery::CutShort;
    } else if (is(SandboxFault::Kind::Oversized)) {
        const qint64 total = fault->megabytes * 1024 * 1024;
        out.bytes = response->head(out.closeAfter, total) + response->body;
        out.streamBytes = total - response->body.size();
        out.delivery = SandboxOutgoing::Delivery::Stream;
    } else {
        out.bytes = headOnly ? response->head(out.closeAfter) : response->toBytes(out.closeAfter);
        if (is(SandboxFault::Kind::Drip)) {
            out.delivery = SandboxOutgoing::Delivery::Drip;
            out.dripIntervalMs = fault->intervalMs;
        }
    }
    return out;
}

void SandboxServer::finish(const SandboxOutgoing& outgoing)
{
    --m_open;
    qCDebug(lcSandbox).noquote() << outgoing.verb << outgoing.path << outgoing.status
                                 << (m_clock.elapsed() - outgoing.receivedMs) << "ms";
    Q_EMIT requestServed(outgoing.verb, outgoing.path, outgoing.status);
}
