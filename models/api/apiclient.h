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
        int transferTimeoutMs = 30000;
        int maxRetries = 3; // further attempts of a GET after a transient failure
        int backoffBaseMs = 500; // 0.5 s, 1 s, 2 s, ... capped at backoffMaxMs
        int backoffMaxMs = 8000;
        int maxRateLimitWaitMs = 65000; // a 429 asking for a longer wait gives up at once
        int perPage = 100;
    };
    using Callback = std::function<void(const Result<QJsonDocument>&)>;

    explicit ApiClient(QNetworkAccessManager* nam, QObject* parent = nullptr);
    ~ApiClient() override;

    // https:// anywhere; plain http:// only to a loopback host. Anything else is refused with
    // InsecureUrl and leaves the previous base URL in place.
    ApiError setBaseUrl(const QUrl& url);
    static ApiError checkBaseUrl(const QUrl& url);
    QUrl baseUrl() const { return m_baseUrl; }

    // The token is held in memory only and sent only to the base URL's origin.
    void setToken(const QString& token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }

    void setOptions(const Options& options) { m_options = options; }
    const Options& options() const { return m_options; }

    RateLimitStatus rateLimit() const { return m_rateLimit; }
    int activeCalls() const { return m_activeCalls; }
    qint64 requestsSent() const { return m_requestsSent; }

    // Sends the request (every page of it for a paged request) and calls back once. If context
    // is given and has been destroyed by then, the callback is dropped.
    void send(const ApiRequest& request, QObject* context, Callback callback);

    // Typed form: Request has toApiRequest(), a Value type and parse(const QJsonDocument&).
    template <class Request, class Fn>
    void call(const Request& request, QObject* context, Fn&& callback)
    {
        send(request.toApiRequest(), context,
            [request, cb = std::forward<Fn>(callback)](const Result<QJsonDocument>& result) {
                if (!result)
                    cb(Result<typename Request::Value>(result.error()));
                else
                    cb(request.parse(result.value()));
            });
    }

Q_SIGNALS:
    void rateLimitChanged(const RateLimitStatus& status);
    void activeCallsChanged(int count);
    // A 401 on any request: the token was revoked or expired.
    void unauthorized(const ApiError& error);

private:
    struct Call;
    void startAttempt(const std::shared_ptr<Call>& call);
    void onFinished(const std::shared_ptr<Call>& call, QNetworkReply* reply);
    void retryLater(const std::shared_ptr<Call>& call, int delayMs);
    void complete(const std::shared_ptr<Call>& call, const Result<QJsonDocument>& result);
    int backoffMs(int attempt) const;
    int rateLimitWaitMs(const QNetworkReply& reply, const QByteArray& body, int attempt) const;

    QNetworkAccessManager* m_nam;
    QUrl m_baseUrl;
    QString m_token;
    Options m_options;
    RateLimitStatus m_rateLimit;
    int m_activeCalls = 0;
    qint64 m_requestsSent = 0;
};
