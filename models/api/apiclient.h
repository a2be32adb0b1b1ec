// SPDX-License-Identifier: MIT
#pragma once

#include "apierror.h"
#include "apirequest.h"
#include "ratelimit.h"
#include "result.h"

#include <QJsonDocument>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

// Owns the transport policy for the Buildkite REST API: base URL, bearer token, User-Agent,
// transfer timeout, same-origin redirects, pagination, retries and rate-limit bookkeeping.
// Request types (api/requests) describe what to send; this class is the only one that sends.
class ApiClient final : public QObject {
    Q_OBJECT
public:
    struct Options {
        // Silence: an attempt fails when no byte has moved for this long. 0 turns it off (Qt's
        // meaning), as for the deadline and the size cap below.
        int transferTimeoutMs = 30000;
        // The whole attempt, however steadily bytes trickle in: a server dripping one byte every
        // few seconds never trips the silence timeout. A page of 100 items is well under a
        // megabyte, so two minutes is only ever reached by a broken or hostile server; the call
        // then fails with Timeout without further attempts.
        int attemptDeadlineMs = 120000;
        // Further attempts after a transient failure (GET only) or a 429 (any method: a 429 is
        // refused before anything happens, so even a write is safe to send again).
        int maxRetries = 3;
        int backoffBaseMs = 500; // 0.5 s, 1 s, 2 s, ... capped at backoffMaxMs
        int backoffMaxMs = 8000;
        // The longest wait after a 429, margin included: a 429 asking for longer gives up at once.
        int maxRateLimitWaitMs = 65000;
        int rateLimitMarginMs = 500; // added to the reset: the server's clock and ours differ
        // Up to this much more, at random, so calls limited together do not all wake together.
        int rateLimitJitterMs = 1000;
        // The largest response body accepted, checked against Content-Length up front and
        // against the bytes received as they arrive. The largest real answer is a page of 100
        // queues or agents, a few hundred kilobytes; 32 MiB leaves a hundredfold margin while a
        // broken or hostile server cannot make the client hold hundreds of megabytes.
        qint64 maxResponseBytes = 32 * 1024 * 1024;
        int perPage = 100;
    };
    using Callback = std::function<void(const Result<QJsonDocument>&)>;
    using PagesCallback = std::function<void(const Result<QList<QByteArray>>&)>;
    // One page's items; an error ends the call with it (no further page is fetched).
    using PageCallback = std::function<ApiError(const QJsonArray& items)>;

    explicit ApiClient(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~ApiClient() override;

    // https:// anywhere; plain http:// only to a loopback host. Anything else is refused with
    // InsecureUrl and leaves the previous base URL in place.
    ApiError setBaseUrl(const QUrl& url);
    static ApiError checkBaseUrl(const QUrl& url);
    QUrl baseUrl() const { return m_baseUrl; }

    // The token is held in memory only and sent only to the base URL's origin. A call keeps the
    // token and base URL it was sent with for its retries and pages, so changing either never
    // sends the new token to the old origin.
    void setToken(const QString& token);
    bool hasToken() const { return !m_token.isEmpty(); }

    void setOptions(const Options& options) { m_options = options; }
    const Options& options() const { return m_options; }

    RateLimitStatus rateLimit() const { return m_rateLimit; }
    int activeCalls() const { return m_activeCalls; }
    qint64 requestsSent() const { return m_requestsSent; }

    // Sends the request (every page of it for a paged request) and calls back once. If context
    // is given and has been destroyed by then, the callback is dropped.
    void send(const ApiRequest& request, QObject* context, Callback callback);

    // The same, handing back each page's body exactly as the server sent it (each checked to be
    // a JSON array for a paged request), for callers that pass objects on without reading them:
    // `kitedeck export` writes them out byte for byte, and no page is held longer than needed.
    void sendPages(const ApiRequest& request, QObject* context, PagesCallback callback);

    // A paged request whose items are handed over page by page as they arrive, never gathered:
    // what the organisation's 24,000 agents need to be tallied without holding them all. done
    // gets an empty array once every page was handed over, or the error. A caller building
    // something from the pages drops it on error: the pages before the failure were handed over.
    void sendEachPage(
        const ApiRequest& request, QObject* context, PageCallback onPage, Callback done);

    // Typed form: Request has toApiRequest(), a Value type and parse(const QJsonDocument&).
    template <class Request, class Fn>
    void call(const Request& request, QObject* context, Fn&& callback)
    {
        send(request.toApiRequest(), context,
            [request, cb = std::forward<Fn>(callback)](const Result<QJsonDocument>& result) {
                if (!result) {
                    cb(Result<typename Request::Value>(result.error()));
                    return;
                }
                Result<typename Request::Value> parsed = request.parse(result.value());
                // A write's answer arrived with a 2xx (the change was made) but does not read
                // as the object: the change is there, what it made is unknown.
                if (!parsed && !request.toApiRequest().isIdempotent())
                    parsed = ApiError::unreadableAnswer(parsed.error());
                cb(parsed);
            });
    }

Q_SIGNALS:
    void rateLimitChanged(const RateLimitStatus& status);
    void activeCallsChanged(int count);
    // A 401 on a request sent with the current token and base URL: that token was revoked or
    // expired. A 401 answering a request sent before setToken() or setBaseUrl() changed them
    // (the previous account's, still in flight) says nothing about the current token and is only
    // reported to that request's callback.
    void unauthorized(const ApiError& error);

private:
    struct Call;
    void start(const ApiRequest& request, QObject* context, Callback callback,
        std::shared_ptr<QList<QByteArray>> pages, PageCallback onPage = {});
    void startAttempt(const std::shared_ptr<Call>& call);
    void onFinished(const std::shared_ptr<Call>& call, QNetworkReply* reply);
    void retryLater(const std::shared_ptr<Call>& call, int delayMs);
    void complete(const std::shared_ptr<Call>& call, const Result<QJsonDocument>& result);
    void abortAttempt(const std::shared_ptr<Call>& call, QNetworkReply* reply, int reason);
    ApiError attemptError(
        const Call& call, const QNetworkReply& reply, int status, const QByteArray& body) const;
    qint64 backoffMs(int attempt) const;
    static qint64 rateLimitResetMs(const QNetworkReply& reply, const QByteArray& body);

    QNetworkAccessManager* m_nam;
    QUrl m_baseUrl;
    QString m_token;
    // Bumped whenever the token or the base URL changes: a call remembers the generation it was
    // sent in, so a late 401 from a previous account is not taken for the current one's.
    quint64 m_generation = 0;
    Options m_options;
    RateLimitStatus m_rateLimit;
    int m_activeCalls = 0;
    qint64 m_requestsSent = 0;
};
