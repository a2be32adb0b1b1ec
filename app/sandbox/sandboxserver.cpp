// SPDX-License-Identifier: MIT
#include "sandboxserver.h"

#include "sandboxapi.h"
#include "sandboxlistener.h"
#include "sandboxlogging.h"
#include "sandboxrequest.h"
#include "sandboxresponse.h"
#include "sandboxseed.h"
#include "sandboxstate.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace {
constexpr qint64 windowMs = 60 * 1000;
constexpr int defaultOrganizationLimit = 200;
constexpr int defaultUserLimit = 50;
constexpr int dropDelayMs = 50;

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
} // namespace

SandboxServer::SandboxServer(QObject* parent)
    : QObject(parent)
    , m_state(std::make_unique<SandboxState>())
    , m_api(std::make_unique<SandboxApi>(*m_state))
{
    m_clock.start();
    const SandboxSeed::People people = SandboxSeed::people(*m_state);
    m_primaryUserId = people.primaryUserId;
    m_readWriteToken = m_state->addApiToken(stableToken("read-write"),
        { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") },
        QStringLiteral("Kitedeck sandbox (read and write)"), {}, people.primaryUserId);
    m_readOnlyToken
        = m_state->addApiToken(stableToken("read-only"), { QStringLiteral("read_clusters") },
            QStringLiteral("Kitedeck sandbox (read only)"), {}, people.readOnlyUserId);
}

SandboxServer::~SandboxServer() = default;

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

QString SandboxServer::addApiToken(
    const QStringList& scopes, const QString& description, const QDateTime& expiresAt)
{
    return m_state->addApiToken({}, scopes, description, expiresAt, m_primaryUserId);
}

void SandboxServer::revokeApiToken(const QString& value) { m_state->revokeApiToken(value); }

void SandboxServer::seedDemo() { SandboxSeed::demo(*m_state); }

void SandboxServer::seedGenerated(int clusters, int queuesPerCluster, int tokensPerCluster)
{
    SandboxSeed::generated(*m_state, clusters, queuesPerCluster, tokensPerCluster);
}

void SandboxServer::clearData() { m_state->clearClusters(); }

int SandboxServer::clusterCount() const { return int(m_state->clusters().size()); }

void SandboxServer::setLatency(int milliseconds) { m_latencyMs = qMax(0, milliseconds); }

void SandboxServer::setFailureRate(double probability, int status)
{
    m_failureRate = qBound(0.0, probability, 1.0);
    m_failureStatus = status;
}

void SandboxServer::addFault(PathFault fault)
{
    if (fault.remaining == 0)
        return;
    if (!fault.pattern.isValid()) {
        qCWarning(lcSandbox).noquote()
            << "ignoring an invalid path pattern:" << fault.pattern.pattern()
            << fault.pattern.errorString();
        return;
    }
    m_faults.append(std::move(fault));
}

void SandboxServer::failPath(const QString& pathPattern, int status, const QByteArray& body,
    int times, const QByteArray& verb)
{
    PathFault f;
    f.kind = FaultKind::Fail;
    f.pattern = QRegularExpression(pathPattern);
    f.status = status;
    f.body = body;
    f.remaining = times;
    f.verb = verb.toUpper();
    addFault(std::move(f));
}

void SandboxServer::dropConnectionOnPath(const QString& pathPattern, int times)
{
    PathFault f;
    f.kind = FaultKind::Drop;
    f.pattern = QRegularExpression(pathPattern);
    f.remaining = times;
    addFault(std::move(f));
}

void SandboxServer::malformJsonOnPath(const QString& pathPattern, int times)
{
    PathFault f;
    f.kind = FaultKind::Malform;
    f.pattern = QRegularExpression(pathPattern);
    f.remaining = times;
    addFault(std::move(f));
}

void SandboxServer::redirectPath(const QString& pathPattern, const QUrl& target, int times)
{
    PathFault f;
    f.kind = FaultKind::Redirect;
    f.pattern = QRegularExpression(pathPattern);
    f.target = target;
    f.remaining = times;
    addFault(std::move(f));
}

void SandboxServer::setRateLimit(int requestsPerMinute)
{
    m_rateLimit = qMax(0, requestsPerMinute);
    m_orgWindow = {};
    m_userWindows.clear();
}

void SandboxServer::clearFaults()
{
    m_latencyMs = 0;
    m_failureRate = 0;
    m_failureStatus = 500;
    m_faults.clear();
    setRateLimit(0);
}

QList<SandboxServer::RecordedRequest> SandboxServer::requests() const { return m_requests; }

void SandboxServer::clearRequests()
{
    m_requests.clear();
    m_maxOpen = m_open;
}

int SandboxServer::maxConcurrentOpen() const { return m_maxOpen; }

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
    ++m_open;
    m_maxOpen = qMax(m_maxOpen, m_open);

    auto found = m_connections.find(socket);
    if (found == m_connections.end()) {
        found = m_connections.insert(socket, {});
        connect(
            socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    }
    const quint64 sequence = found->nextSequence++;

    Outgoing outgoing = respond(r);
    if (m_latencyMs <= 0) {
        deliver(socket, sequence, outgoing);
        return;
    }
    // The delay runs on a timer, so other requests (and connections) carry on meanwhile.
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(m_latencyMs, Qt::PreciseTimer, this, [this, guard, sequence, outgoing] {
        if (guard)
            deliver(guard.data(), sequence, outgoing);
        else
            finish(outgoing);
    });
}

std::optional<SandboxServer::PathFault> SandboxServer::takeFault(const SandboxRequest& request)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        PathFault& f = m_faults[i];
        if (!f.verb.isEmpty() && f.verb != request.verb)
            continue;
        if (!f.pattern.match(request.path).hasMatch())
            continue;
        const PathFault taken = f;
        if (f.remaining > 0 && --f.remaining == 0)
            m_faults.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

SandboxServer::Outgoing SandboxServer::respond(const SandboxRequest& request)
{
    const qint64 nowMs = m_clock.elapsed();
    const SandboxApiToken* caller = m_api->authenticate(request.authorization);
    const QString userKey = caller ? caller->userId : QStringLiteral("anonymous");
    countIn(m_orgWindow, nowMs);
    const int userCount = countIn(m_userWindows[userKey], nowMs);

    Outgoing out;
    out.verb = request.verb;
    out.path = request.path;
    out.receivedMs = nowMs;
    out.closeAfter = request.closeConnection;

    bool drop = false;
    std::optional<SandboxResponse> response;
    if (const std::optional<PathFault> fault = takeFault(request)) {
        switch (fault->kind) {
        case FaultKind::Fail:
            response = fault->body.isEmpty() ? SandboxResponse::message(fault->status,
                           QString::fromLatin1(SandboxResponse::reasonPhrase(fault->status)))
                                             : SandboxResponse::raw(fault->status, fault->body);
            break;
        case FaultKind::Redirect:
            response = SandboxResponse::message(302, QStringLiteral("You are being redirected"));
            response->setHeader("Location", fault->target.toEncoded());
            break;
        case FaultKind::Malform:
            response = SandboxResponse::json(200, QJsonObject {});
            response->body = QByteArrayLiteral(
                "[{\"id\":\"0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d\",\"name\":\"Trunc");
            break;
        case FaultKind::Drop:
            drop = true;
            break;
        }
    }
    if (!response && m_failureRate > 0
        && QRandomGenerator::global()->generateDouble() < m_failureRate)
        response = SandboxResponse::message(
            m_failureStatus, QString::fromLatin1(SandboxResponse::reasonPhrase(m_failureStatus)));
    if (!response && m_rateLimit > 0 && userCount > m_rateLimit) {
        const int reset = resetSeconds(m_userWindows[userKey], nowMs);
        response = SandboxResponse::json(429,
            QJsonObject {
                { QStringLiteral("message"),
                    QStringLiteral("You have exceeded your API rate limit. Please wait %1 seconds "
                                   "before making more requests.")
                        .arg(reset) },
                { QStringLiteral("scope"), QStringLiteral("rest_user") },
                { QStringLiteral("limit"), m_rateLimit },
                { QStringLiteral("current"), userCount },
                { QStringLiteral("reset"), reset },
            });
    }
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
    addRateLimitHeaders(*response, userKey, nowMs);
    out.status = response->status;

    if (drop) {
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
        out.drop = true;
    } else if (request.verb == "HEAD") {
        out.bytes = response->head(out.closeAfter);
    } else {
        out.bytes = response->toBytes(out.closeAfter);
    }
    return out;
}

void SandboxServer::deliver(QTcpSocket* socket, quint64 sequence, const Outgoing& outgoing)
{
    auto found = m_connections.find(socket);
    if (found == m_connections.end()) {
        finish(outgoing);
        return;
    }
    found->ready.insert(sequence, outgoing);
    QList<Outgoing> written;
    Connection& connection = *found;
    while (!connection.ready.isEmpty() && connection.ready.firstKey() == connection.nextToWrite) {
        Outgoing next = connection.ready.take(connection.nextToWrite);
        ++connection.nextToWrite;
        if (!connection.closed && socket->state() == QAbstractSocket::ConnectedState) {
            socket->write(next.bytes);
            if (next.drop) {
                connection.closed = true;
                hangUp(socket);
            } else if (next.closeAfter) {
                connection.closed = true;
                socket->disconnectFromHost(); // flushes what was written, then closes
            }
        }
        written.append(std::move(next));
    }
    // Signals last: a slot must not see (or disturb) the connection half-updated.
    for (const Outgoing& o : std::as_const(written))
        finish(o);
}

void SandboxServer::hangUp(QTcpSocket* socket)
{
    socket->flush();
    // Close only once the client has had time to read the headers and the partial body: a
    // client that sees the connection die before any response may resend the request itself.
    // Note for clients: QNetworkAccessManager 6.4 reports this either as RemoteHostClosedError
    // or, racing its own EOF handling, as a finished reply whose body is shorter than its
    // Content-Length.
    QTimer::singleShot(dropDelayMs, socket, [socket] { socket->disconnectFromHost(); });
}

void SandboxServer::finish(const Outgoing& outgoing)
{
    --m_open;
    qCDebug(lcSandbox).noquote() << outgoing.verb << outgoing.path << outgoing.status
                                 << (m_clock.elapsed() - outgoing.receivedMs) << "ms";
    Q_EMIT requestServed(outgoing.verb, outgoing.path, outgoing.status);
}

int SandboxServer::countIn(RateWindow& window, qint64 nowMs)
{
    if (window.startedMs < 0 || nowMs - window.startedMs >= windowMs) {
        window.startedMs = nowMs;
        window.count = 0;
    }
    return ++window.count;
}

int SandboxServer::resetSeconds(const RateWindow& window, qint64 nowMs)
{
    const qint64 left = qMax<qint64>(0, window.startedMs + windowMs - nowMs);
    return int(qMax<qint64>(1, (left + 999) / 1000));
}

int SandboxServer::userLimit() const { return m_rateLimit > 0 ? m_rateLimit : defaultUserLimit; }

int SandboxServer::organizationLimit() const { return qMax(m_rateLimit, defaultOrganizationLimit); }

void SandboxServer::addRateLimitHeaders(
    SandboxResponse& response, const QString& userKey, qint64 nowMs)
{
    const RateWindow& user = m_userWindows[userKey];
    const int orgLimit = organizationLimit();
    const int usrLimit = userLimit();
    response.setHeader(
        "RateLimit-Remaining", QByteArray::number(qMax(0, orgLimit - m_orgWindow.count)));
    response.setHeader("RateLimit-Limit", QByteArray::number(orgLimit));
    response.setHeader("RateLimit-Reset", QByteArray::number(resetSeconds(m_orgWindow, nowMs)));
    response.setHeader(
        "RateLimit-User-Remaining", QByteArray::number(qMax(0, usrLimit - user.count)));
    response.setHeader("RateLimit-User-Limit", QByteArray::number(usrLimit));
    response.setHeader("RateLimit-User-Reset", QByteArray::number(resetSeconds(user, nowMs)));
}
