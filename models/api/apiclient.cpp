// SPDX-License-Identifier: MIT
#include "apiclient.h"

#include "kitedeckversion.h"
#include "linkheader.h"
#include "modelslogging.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#include <chrono>
#include <cmath>
#include <cstring>
#include <utility>

namespace {
// 100 items a page: 100,000 clusters, queues or tokens is beyond any real organisation.
constexpr int maxPages = 1000;
// A wait longer than any cap, yet small enough that adding margins to it cannot overflow.
constexpr qint64 farFutureMs = qint64(1) << 50;

// Why the client itself ended an attempt (Qt reports each as OperationCanceledError).
enum AbortReason {
    NotAborted,
    DeadlinePassed,
    BodyTooLarge
};

// A write's body that Qt can read once and never rewind. Qt's HTTP/1 channel sends a request
// again by itself when the connection closes before the answer starts (a kept-alive connection
// the server dropped, or any close): for a write the server may then act twice while the caller
// sees one clean answer. Before re-sending, Qt rewinds the body; refusing makes it fail the reply
// with ContentReSendError instead, which the client reports as OutcomeUnknown.
class OneShotBody final : public QIODevice {
public:
    explicit OneShotBody(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 size() const override { return m_data.size(); }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }
    bool atEnd() const override
    {
        return m_position >= m_data.size() && QIODevice::bytesAvailable() == 0;
    }

protected:
    qint64 readData(char* out, qint64 max) override
    {
        const qint64 n = qMin<qint64>(max, m_data.size() - m_position);
        if (n > 0)
            std::memcpy(out, m_data.constData() + m_position, size_t(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

// Whether a request that failed with this error may have reached the server. Only failures
// before a connection existed are certain not to have; anything else might have been sent.
bool mayHaveReachedServer(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::BackgroundRequestNotAllowedError:
        return false;
    default:
        return true;
    }
}

QString formatBytes(qint64 bytes)
{
    constexpr qint64 mib = 1024 * 1024;
    if (bytes >= mib && bytes % mib == 0)
        return QStringLiteral("%1 MiB").arg(bytes / mib);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

qint64 secondsToMs(double seconds)
{
    if (!(seconds * 1000 < double(farFutureMs))) // also true for infinity
        return farFutureMs;
    return qint64(std::ceil(seconds * 1000));
}
} // namespace

struct ApiClient::Call {
    ApiRequest request;
    // The origin and token the call was sent with: its retries and pages keep them.
    QUrl baseUrl;
    QString token;
    quint64 generation = 0;
    QUrl url; // the page being fetched
    bool hasContext = false;
    QPointer<QObject> context;
    Callback callback;
    int attempt = 0; // attempts made for the current page
    QJsonArray items; // paged: every page's items so far
    std::shared_ptr<QList<QByteArray>> bodies; // sendPages(): the pages instead of the items
    PageCallback onPage; // sendEachPage(): each page's items instead of gathering them
    int pages = 1;
    QPointer<QNetworkReply> reply;
    QByteArray body; // the current attempt's response body, read as it arrives
    int abortReason = NotAborted;
};

ApiClient::ApiClient(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
{
    // Never forward the Authorization header to another origin.
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

ApiClient::~ApiClient() = default;

void ApiClient::setToken(const QString& token)
{
    if (token == m_token)
        return;
    m_token = token;
    ++m_generation;
}

ApiError ApiClient::checkBaseUrl(const QUrl& url)
{
    if (!url.isValid() || url.host().isEmpty())
        return { ApiError::Kind::InsecureUrl, tr("The API URL is not a valid URL") };
    if (url.scheme() == QLatin1String("https"))
        return {};
    if (url.scheme() == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    return { ApiError::Kind::InsecureUrl,
        tr("The API URL must use https:// (plain http:// is allowed only for localhost)") };
}

ApiError ApiClient::setBaseUrl(const QUrl& url)
{
    ApiError error = checkBaseUrl(url);
    if (error)
        return error;
    const QUrl adjusted
        = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    if (adjusted != m_baseUrl) {
        m_baseUrl = adjusted;
        ++m_generation;
    }
    return error;
}

void ApiClient::send(const ApiRequest& request, QObject* context, Callback callback)
{
    start(request, context, std::move(callback), {});
}

void ApiClient::sendPages(const ApiRequest& request, QObject* context, PagesCallback callback)
{
    auto pages = std::make_shared<QList<QByteArray>>();
    start(
        request, context,
        [pages, callback = std::move(callback)](const Result<QJsonDocument>& result) {
            if (!result)
                callback(result.error());
            else
                callback(std::move(*pages));
        },
        pages);
}

void ApiClient::sendEachPage(
    const ApiRequest& request, QObject* context, PageCallback onPage, Callback done)
{
    start(request, context, std::move(done), {}, std::move(onPage));
}

void ApiClient::start(const ApiRequest& request, QObject* context, Callback callback,
    std::shared_ptr<QList<QByteArray>> pages, PageCallback onPage)
{
    auto call = std::make_shared<Call>();
    call->bodies = std::move(pages);
    call->onPage = std::move(onPage);
    call->request = request;
    call->hasContext = context != nullptr;
    call->context = context;
    call->callback = std::move(callback);
    call->baseUrl = m_baseUrl;
    call->token = m_token;
    call->generation = m_generation;

    ++m_activeCalls;
    Q_EMIT activeCallsChanged(m_activeCalls);

    if (ApiError error = checkBaseUrl(m_baseUrl)) {
        // Deliver asynchronously like every other outcome, so callers see one behaviour.
        QTimer::singleShot(0, this, [this, call, error] { complete(call, error); });
        return;
    }
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path(QUrl::FullyEncoded) + request.path, QUrl::TolerantMode);
    QUrlQuery query = request.query;
    if (request.paged && !query.hasQueryItem(QStringLiteral("per_page")))
        query.addQueryItem(QStringLiteral("per_page"), QString::number(m_options.perPage));
    url.setQuery(query);
    call->url = url;
    startAttempt(call);
}

void ApiClient::startAttempt(const std::shared_ptr<Call>& call)
{
    if (call->hasContext && !call->context) {
        complete(call, ApiError());
        return;
    }
    ++call->attempt;
    ++m_requestsSent;
    call->body.clear();
    call->abortReason = NotAborted;

    QNetworkRequest req(call->url);
    req.setRawHeader("Authorization", "Bearer " + call->token.toUtf8());
    req.setRawHeader("Accept", "application/json");
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Kitedeck/" KITEDECK_VERSION));
    req.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    req.setTransferTimeout(m_options.transferTimeoutMs);

    QNetworkReply* reply = nullptr;
    if (call->request.verb == "GET") {
        // Qt 6.4's HTTP/1 channel may send a GET again by itself, unseen here, when the
        // connection closes before it has started reading the answer: a keep-alive connection
        // the server dropped while idle, or a cut answer whose close Qt happened to see first.
        // Qt offers no request attribute to turn that off, and a fresh connection per attempt
        // would not help (the resend happens within the attempt). The one lever is the
        // un-rewindable body the writes below go out with; on a GET it would put a body
        // (Content-Length: 0) on every read, which HTTP says a client should not send, and turn
        // Qt's silent recovery from a connection dropped while idle, common behind load
        // balancers, into a failed attempt, a back-off and a retry. Reading twice changes
        // nothing, so GETs keep Qt's resend; the fault matrix counts this client's attempts
        // exactly and lets the server see more only where a connection closed early.
        reply = m_nam->get(req);
    } else {
        // Every write, a body-less DELETE included, goes out as a OneShotBody, so the transport
        // can never deliver it twice. Qt streams such a body only with its length given.
        QByteArray body;
        if (call->request.body) {
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            body = QJsonDocument(*call->request.body).toJson(QJsonDocument::Compact);
        }
        req.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        // The guarantee above is proven (tests/api) for Qt 6.4's HTTP/1 channel. Its HTTP/2 path
        // requeues requests by other rules that no test here can reach, so writes, which are
        // few, stay on HTTP/1.1; reads keep HTTP/2.
        req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        auto* device = new OneShotBody(body);
        reply = m_nam->sendCustomRequest(req, call->request.verb, device);
        device->setParent(reply);
    }
    call->reply = reply;

    // The transfer timeout only catches silence; this bounds the attempt as a whole.
    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, this,
        [this, call, reply] { abortAttempt(call, reply, DeadlinePassed); });
    if (m_options.attemptDeadlineMs > 0)
        deadline->start(m_options.attemptDeadlineMs);

    // The size cap, checked before and while the body arrives rather than once it is all in.
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, call, reply] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (m_options.maxResponseBytes <= 0 || !length.isValid()
            || length.toLongLong() <= m_options.maxResponseBytes)
            return;
        // Refused from here on, however the reply ends. Aborting from inside this signal makes
        // Qt 6.4 warn "this method must only be called once": abort one turn later.
        call->abortReason = BodyTooLarge;
        call->body.clear();
        QTimer::singleShot(0, reply, [reply] {
            if (!reply->isFinished())
                reply->abort();
        });
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, call, reply] {
        const QByteArray chunk = reply->readAll(); // read even if refused: Qt would buffer it
        if (call->abortReason != NotAborted)
            return;
        call->body += chunk;
        if (m_options.maxResponseBytes > 0 && call->body.size() > m_options.maxResponseBytes)
            abortAttempt(call, reply, BodyTooLarge);
    });

    // Only the final answer's body counts (Qt does not hand out a redirect's body, but be sure).
    connect(reply, &QNetworkReply::redirected, this, [call] { call->body.clear(); });

    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    connect(
        reply, &QNetworkReply::finished, this, [this, call, reply, timer] {
            qCInfo(lcApi).noquote()
                << call->request.verb << reply->url().path()
                << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                << timer->elapsed() << "ms";
            onFinished(call, reply);
        });
}

void ApiClient::abortAttempt(const std::shared_ptr<Call>& call, QNetworkReply* reply, int reason)
{
    if (call->reply != reply || reply->isFinished() || call->abortReason != NotAborted)
        return;
    call->abortReason = reason;
    call->body.clear(); // nothing in it is used, and it may be the oversized part
    reply->abort(); // finishes the reply, which runs onFinished
}

qint64 ApiClient::backoffMs(int attempt) const
{
    const qint64 delay = qint64(m_options.backoffBaseMs) << qMin(attempt - 1, 16);
    return qMin<qint64>(delay, m_options.backoffMaxMs);
}

qint64 ApiClient::rateLimitResetMs(const QNetworkReply& reply, const QByteArray& body)
{
    // The body's "reset", then RateLimit-Reset of the exhausted window, then Retry-After. All in
    // 64 bits and held at farFutureMs: a server may send an epoch timestamp or worse.
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonValue reset = doc.object().value(QLatin1StringView("reset"));
    if (reset.isDouble() && reset.toDouble() >= 0)
        return secondsToMs(reset.toDouble());
    const RateLimitStatus status = RateLimitStatus::fromReply(reply);
    qint64 seconds = -1;
    for (const RateLimitWindow& w : { status.user, status.organization }) {
        if (w.resetSeconds >= 0 && (w.remaining <= 0 || seconds < 0))
            seconds = qMax<qint64>(seconds, w.resetSeconds);
    }
    if (seconds >= 0)
        return seconds * 1000;
    const QByteArray retryAfter = reply.rawHeader("Retry-After").trimmed();
    bool ok = false;
    const double value = retryAfter.toDouble(&ok);
    if (ok && value >= 0)
        return secondsToMs(value);
    return -1;
}

ApiError ApiClient::attemptError(
    const Call& call, const QNetworkReply& reply, int status, const QByteArray& body) const
{
    if (call.abortReason == DeadlinePassed)
        return ApiError(ApiError::Kind::Timeout,
            tr("The server took longer than %1 s to answer")
                .arg(QString::number(m_options.attemptDeadlineMs / 1000.0)));
    if (call.abortReason == BodyTooLarge)
        return ApiError(ApiError::Kind::BadResponse,
            tr("The response is larger than the %1 limit")
                .arg(formatBytes(m_options.maxResponseBytes)),
            status);
    ApiError error = ApiError::fromTransfer(reply.error(), reply.errorString(), status, body);
    // Qt 6.4 can report a connection dropped mid-body as success with a short body.
    const QVariant length = reply.header(QNetworkRequest::ContentLengthHeader);
    if (!error && length.isValid() && body.size() < length.toLongLong())
        error = ApiError(ApiError::Kind::Network,
            tr("The connection closed after %1 of %2 bytes")
                .arg(body.size())
                .arg(length.toLongLong()));
    return error;
}

void ApiClient::onFinished(const std::shared_ptr<Call>& call, QNetworkReply* reply)
{
    reply->deleteLater();
    call->reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // After abort() (Qt's transfer timeout, the deadline, the size cap) the reply is closed, and
    // reading it would only print "QIODevice::read: device not open".
    if (reply->isOpen() && call->abortReason == NotAborted)
        call->body += reply->readAll();
    const QByteArray body = std::exchange(call->body, {});

    if (reply->hasRawHeader("RateLimit-Limit") || reply->hasRawHeader("RateLimit-User-Limit")) {
        m_rateLimit = RateLimitStatus::fromReply(*reply);
        Q_EMIT rateLimitChanged(m_rateLimit);
    }

    ApiError error = attemptError(*call, *reply, status, body);
    if (error) {
        const bool write = !call->request.isIdempotent();
        const bool unanswered = status == 0
            && (error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout);
        if (write && unanswered && mayHaveReachedServer(reply->error()))
            error = ApiError::outcomeUnknown(error, reply->error());
        // A 2xx says the change was made; the rest of the answer was lost on the way (cut short,
        // past the deadline or the size cap). Reported as a failure, it would be a false one.
        if (write && status >= 200 && status < 300
            && error.kind() != ApiError::Kind::OutcomeUnknown)
            error = ApiError::unreadableAnswer(error);
        if (error.kind() == ApiError::Kind::Unauthorized && call->generation == m_generation)
            Q_EMIT unauthorized(error);
        const bool rateLimited = error.kind() == ApiError::Kind::RateLimited;
        // A server that needed the whole deadline for one answer will not do better on the next
        // attempt; retrying would multiply the wait (4 x 2 minutes for an export's page).
        const bool retryable
            = (rateLimited
                  || (!write && error.isTransient() && call->abortReason != DeadlinePassed))
            && call->attempt <= m_options.maxRetries;
        if (retryable) {
            qint64 delay = backoffMs(call->attempt);
            if (rateLimited) {
                const qint64 reset = rateLimitResetMs(*reply, body);
                const qint64 needed
                    = (reset >= 0 ? reset : delay) + qMax(0, m_options.rateLimitMarginMs);
                if (needed > m_options.maxRateLimitWaitMs) {
                    qCInfo(lcApi).noquote()
                        << "giving up on" << call->request.verb << reply->url().path()
                        << "after rate limit: the reset is beyond" << m_options.maxRateLimitWaitMs
                        << "ms";
                    complete(call, error);
                    return;
                }
                const qint64 jitter = m_options.rateLimitJitterMs > 0
                    ? QRandomGenerator::global()->bounded(qint64(m_options.rateLimitJitterMs) + 1)
                    : 0;
                delay = qMin<qint64>(needed + jitter, m_options.maxRateLimitWaitMs);
            }
            qCInfo(lcApi).noquote() << "retrying" << call->request.verb << reply->url().path()
                                    << "in" << delay << "ms after" << error.kindName();
            retryLater(call, int(delay));
            return;
        }
        complete(call, error);
        return;
    }

    QJsonDocument doc;
    if (status != 204 && !body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            const ApiError malformed(ApiError::Kind::BadResponse,
                tr("The server sent malformed JSON (%1 at byte %2)")
                    .arg(parseError.errorString())
                    .arg(parseError.offset),
                status);
            // A write answered 2xx was made, whatever its body says.
            complete(call,
                call->request.isIdempotent() ? malformed : ApiError::unreadableAnswer(malformed));
            return;
        }
    }

    if (!call->request.paged) {
        if (call->bodies)
            call->bodies->append(body);
        complete(call, doc);
        return;
    }
    if (!doc.isArray()) {
        complete(call,
            ApiError(ApiError::Kind::BadResponse,
                tr("Expected a JSON array from %1").arg(call->url.path()), status));
        return;
    }
    const QJsonArray page = doc.array();
    if (call->bodies) {
        if (!page.isEmpty())
            call->bodies->append(body);
    } else if (call->onPage) {
        if (call->hasContext && !call->context) {
            complete(call, ApiError());
            return;
        }
        if (ApiError error = call->onPage(page)) {
            complete(call, error);
            return;
        }
    } else {
        for (const QJsonValue& item : page)
            call->items.append(item);
    }

    const QUrl next = parseLinkHeader(reply->rawHeader("Link")).value(QStringLiteral("next"));
    if (next.isEmpty() || page.isEmpty()) {
        complete(call, QJsonDocument(call->items));
        return;
    }
    const QUrl resolved = call->url.resolved(next);
    if (resolved == call->url || ++call->pages > maxPages) {
        // A server whose next link never ends would otherwise keep the client busy forever.
        complete(call,
            ApiError(ApiError::Kind::BadResponse,
                tr("The server's next-page links did not end after %1 pages").arg(call->pages)));
        return;
    }
    if (!isSameOrigin(resolved, call->baseUrl)) {
        // Following it would hand the token to another host.
        complete(call,
            ApiError(ApiError::Kind::BadResponse,
                tr("Refused to follow a next-page link to another origin (%1)")
                    .arg(resolved.host())));
        return;
    }
    call->url = resolved;
    call->attempt = 0;
    startAttempt(call);
}

void ApiClient::retryLater(const std::shared_ptr<Call>& call, int delayMs)
{
    QTimer::singleShot(
        std::chrono::milliseconds(delayMs), this, [this, call] { startAttempt(call); });
}

void ApiClient::complete(const std::shared_ptr<Call>& call, const Result<QJsonDocument>& result)
{
    --m_activeCalls;
    Q_EMIT activeCallsChanged(m_activeCalls);
    if (call->hasContext && !call->context)
        return;
    if (call->callback)
        call->callback(result);
}
