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
#include <QTimer>

namespace {
// 100 items a page: 100,000 clusters, queues or tokens is beyond any real organisation.
constexpr int maxPages = 1000;
} // namespace

struct ApiClient::Call {
    ApiRequest request;
    QUrl url; // the page being fetched
    bool hasContext = false;
    QPointer<QObject> context;
    Callback callback;
    int attempt = 0; // attempts made for the current page
    QJsonArray items; // paged: every page's items so far
    int pages = 1;
    QPointer<QNetworkReply> reply;
};

ApiClient::ApiClient(QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_nam(nam)
{
    // Never forward the Authorization header to another origin.
    m_nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

ApiClient::~ApiClient() = default;

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
    if (!error)
        m_baseUrl
            = url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
    return error;
}

void ApiClient::send(const ApiRequest& request, QObject* context, Callback callback)
{
    auto call = std::make_shared<Call>();
    call->request = request;
    call->hasContext = context != nullptr;
    call->context = context;
    call->callback = std::move(callback);

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

    QNetworkRequest req(call->url);
    req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    req.setRawHeader("Accept", "application/json");
    req.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Kitedeck/" KITEDECK_VERSION));
    req.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    req.setTransferTimeout(m_options.transferTimeoutMs);

    QByteArray body;
    if (call->request.body) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        body = QJsonDocument(*call->request.body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply* reply = call->request.verb == "GET"
        ? m_nam->get(req)
        : m_nam->sendCustomRequest(req, call->request.verb, body);
    call->reply = reply;

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

int ApiClient::backoffMs(int attempt) const
{
    const qint64 delay = qint64(m_options.backoffBaseMs) << qMin(attempt - 1, 16);
    return int(qMin<qint64>(delay, m_options.backoffMaxMs));
}

int ApiClient::rateLimitWaitMs(
    const QNetworkReply& reply, const QByteArray& body, int attempt) const
{
    // The body's "reset", then RateLimit-Reset of the exhausted window, then Retry-After,
    // then exponential back-off.
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonValue reset = doc.object().value(QLatin1StringView("reset"));
    if (reset.isDouble() && reset.toDouble() >= 0)
        return int(reset.toDouble() * 1000);
    const RateLimitStatus status = RateLimitStatus::fromReply(reply);
    int seconds = -1;
    for (const RateLimitWindow& w : { status.user, status.organization }) {
        if (w.resetSeconds >= 0 && (w.remaining <= 0 || seconds < 0))
            seconds = qMax(seconds, w.resetSeconds);
    }
    if (seconds >= 0)
        return seconds * 1000;
    bool ok = false;
    const int retryAfter = reply.rawHeader("Retry-After").trimmed().toInt(&ok);
    if (ok && retryAfter >= 0)
        return retryAfter * 1000;
    return backoffMs(attempt);
}

void ApiClient::onFinished(const std::shared_ptr<Call>& call, QNetworkReply* reply)
{
    reply->deleteLater();
    call->reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();

    if (reply->hasRawHeader("RateLimit-Limit") || reply->hasRawHeader("RateLimit-User-Limit")) {
        m_rateLimit = RateLimitStatus::fromReply(*reply);
        Q_EMIT rateLimitChanged(m_rateLimit);
    }

    ApiError error = ApiError::fromTransfer(reply->error(), reply->errorString(), status, body);
    // Qt 6.4 can report a connection dropped mid-body as success with a short body.
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (!error && length.isValid() && body.size() < length.toLongLong())
        error = ApiError(ApiError::Kind::Network,
            tr("The connection closed after %1 of %2 bytes")
                .arg(body.size())
                .arg(length.toLongLong()));
    if (error) {
        if (error.kind() == ApiError::Kind::Unauthorized)
            Q_EMIT unauthorized(error);
        const bool retryable = call->request.isIdempotent() && error.isTransient()
            && call->attempt <= m_options.maxRetries;
        if (retryable) {
            int delay = backoffMs(call->attempt);
            if (error.kind() == ApiError::Kind::RateLimited) {
                delay = rateLimitWaitMs(*reply, body, call->attempt);
                if (delay > m_options.maxRateLimitWaitMs) {
                    complete(call, error);
                    return;
                }
            }
            qCInfo(lcApi).noquote() << "retrying" << call->request.verb << reply->url().path()
                                    << "in" << delay << "ms after" << error.kindName();
            retryLater(call, delay);
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
            complete(call,
                ApiError(ApiError::Kind::BadResponse,
                    tr("The server sent malformed JSON (%1 at byte %2)")
                        .arg(parseError.errorString())
                        .arg(parseError.offset),
                    status));
            return;
        }
    }

    if (!call->request.paged) {
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
    for (const QJsonValue& item : page)
        call->items.append(item);

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
    if (!isSameOrigin(resolved, m_baseUrl)) {
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
    QTimer::singleShot(delayMs, this, [this, call] { startAttempt(call); });
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
