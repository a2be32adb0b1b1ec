// SPDX-License-Identifier: MIT
// The client's transport policy against a scripted loopback server: paging, retries, 429,
// error kinds, timeouts, dropped connections, and that the token never leaves its origin.
#include "api/apiclient.h"
#include "api/requests/clusterrequests.h"
#include "api/requests/queuerequests.h"
#include "jsonliteral.h"
#include "scriptedserver.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <climits>

namespace {
const QByteArray token = "s3cret-token-value";

QByteArray clusters(int from, int count)
{
    QJsonArray items;
    for (int i = from; i < from + count; ++i)
        items.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("c%1").arg(i) },
            { QStringLiteral("name"), QStringLiteral("Cluster %1").arg(i) } });
    return QJsonDocument(items).toJson(QJsonDocument::Compact);
}

// Qt's own messages during a test, to catch warnings such as "device not open".
QStringList* g_messages = nullptr;
QtMessageHandler g_previousHandler = nullptr;
void captureMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (g_messages)
        g_messages->append(message);
    g_previousHandler(type, context, message);
}

// A write of each kind the API uses, as the typed requests build them.
ApiRequest write(const QByteArray& verb)
{
    ApiRequest r;
    r.verb = verb;
    r.path = ApiRequest::organizationPath(QStringLiteral("acme"), { QStringLiteral("clusters") });
    if (verb != "POST")
        r.path += QStringLiteral("/c1");
    if (verb != "DELETE")
        r.body = QJsonObject { { QStringLiteral("name"), QStringLiteral("X") } };
    return r;
}

using Action = ScriptedServer::Reply::Action;

QByteArray link(const ScriptedServer& s, int next, int last)
{
    return "<"
        + s.url(QStringLiteral("/v2/organizations/acme/clusters?page=%1&per_page=100").arg(next))
              .toEncoded()
        + ">; rel=\"next\", <"
        + s.url(QStringLiteral("/v2/organizations/acme/clusters?page=%1&per_page=100").arg(last))
              .toEncoded()
        + ">; rel=\"last\"";
}
}

class TestApiClient final : public QObject {
    Q_OBJECT

    QNetworkAccessManager* m_nam = nullptr;
    ApiClient* m_client = nullptr;
    ScriptedServer* m_server = nullptr;

    template <class Request>
    Result<typename Request::Value> run(const Request& request)
    {
        std::optional<Result<typename Request::Value>> out;
        m_client->call(request, this, [&](const Result<typename Request::Value>& r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
            return ApiError(ApiError::Kind::Network, QStringLiteral("test: no answer"));
        return *out;
    }

    Result<QJsonDocument> send(const ApiRequest& request)
    {
        std::optional<Result<QJsonDocument>> out;
        m_client->send(request, this, [&](const Result<QJsonDocument>& r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
            return ApiError(ApiError::Kind::Network, QStringLiteral("test: no answer"));
        return *out;
    }

    void setOption(int ApiClient::Options::*field, int value)
    {
        auto o = m_client->options();
        o.*field = value;
        m_client->setOptions(o);
    }

private Q_SLOTS:
    void init()
    {
        m_nam = new QNetworkAccessManager(this);
        m_client = new ApiClient(m_nam, this);
        m_server = new ScriptedServer(this);
        QVERIFY(!m_client->setBaseUrl(m_server->url()));
        m_client->setToken(QString::fromLatin1(token));
        ApiClient::Options o;
        o.backoffBaseMs = 10;
        o.transferTimeoutMs = 2000;
        o.maxRateLimitWaitMs = 3000;
        m_client->setOptions(o);
    }
    void cleanup()
    {
        delete m_client;
        delete m_nam;
        delete m_server;
    }

    void followsEveryPageAndAsksForOneHundred()
    {
        m_server->enqueue(
            ScriptedServer::json(200, clusters(0, 100), { { "Link", link(*m_server, 2, 3) } }));
        m_server->enqueue(
            ScriptedServer::json(200, clusters(100, 100), { { "Link", link(*m_server, 3, 3) } }));
        m_server->enqueue(ScriptedServer::json(200, clusters(200, 7)));
        auto r = run(ListClusters { QStringLiteral("acme") });
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r.value().size(), 207);
        QCOMPARE(r.value().last().id, QStringLiteral("c206"));
        QCOMPARE(m_server->requests().size(), 3);
        QCOMPARE(m_server->requests().at(0).target,
            QByteArray("/v2/organizations/acme/clusters?per_page=100"));
        QVERIFY(m_server->requests().at(2).target.contains("page=3"));
        for (const auto& req : m_server->requests())
            QCOMPARE(req.headers.value("authorization"), "Bearer " + token);
    }

    void sendEachPageHandsOverPagesAsTheyArrive()
    {
        m_server->enqueue(
            ScriptedServer::json(200, clusters(0, 100), { { "Link", link(*m_server, 2, 3) } }));
        m_server->enqueue(
            ScriptedServer::json(200, clusters(100, 100), { { "Link", link(*m_server, 3, 3) } }));
        m_server->enqueue(ScriptedServer::json(200, clusters(200, 7)));
        QList<qsizetype> sizes;
        QList<qsizetype> requestsSeen; // requests the server had when each page was handed over
        std::optional<Result<QJsonDocument>> done;
        m_client->sendEachPage(
            ListClusters { QStringLiteral("acme") }.toApiRequest(), this,
            [&](const QJsonArray& items) {
                sizes.append(items.size());
                requestsSeen.append(m_server->requests().size());
                return ApiError();
            },
            [&](const Result<QJsonDocument>& r) { done = r; });
        QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 20000));
        QVERIFY2(done->ok(), qPrintable(done->error().toString()));
        // Nothing gathered: the pages went to the callback, one by one, before the next was asked.
        QVERIFY(done->value().isArray() && done->value().array().isEmpty());
        QCOMPARE(sizes, (QList<qsizetype> { 100, 100, 7 }));
        QCOMPARE(requestsSeen, (QList<qsizetype> { 1, 2, 3 }));
    }

    void sendEachPageStopsAtThePagesError()
    {
        m_server->enqueue(
            ScriptedServer::json(200, clusters(0, 100), { { "Link", link(*m_server, 2, 3) } }));
        m_server->enqueue(
            ScriptedServer::json(200, clusters(100, 100), { { "Link", link(*m_server, 3, 3) } }));
        int pages = 0;
        std::optional<Result<QJsonDocument>> done;
        m_client->sendEachPage(
            ListClusters { QStringLiteral("acme") }.toApiRequest(), this,
            [&](const QJsonArray&) {
                ++pages;
                return ApiError(ApiError::Kind::BadResponse, QStringLiteral("unreadable item"));
            },
            [&](const Result<QJsonDocument>& r) { done = r; });
        QVERIFY(QTest::qWaitFor([&] { return done.has_value(); }, 20000));
        QVERIFY(!done->ok());
        QCOMPARE(done->error().kind(), ApiError::Kind::BadResponse);
        QCOMPARE(done->error().message(), QStringLiteral("unreadable item"));
        QCOMPARE(pages, 1);
        QCOMPARE(m_server->requests().size(), 1); // the second page was never asked for
    }

    void sendsVerbBodyAndHeaders()
    {
        m_server->enqueue(
            ScriptedServer::json(200, JSON({"id":"q1","key":"linux","dispatch_paused":true})));
        auto r = run(PauseQueue { QStringLiteral("acme"), QStringLiteral("c1"),
            QStringLiteral("q1"), QStringLiteral("Incident 42") });
        QVERIFY(r.ok());
        QVERIFY(r.value().dispatchPaused);
        QCOMPARE(r.value().clusterId, QStringLiteral("c1"));
        const auto& req = m_server->requests().constFirst();
        QCOMPARE(req.verb, QByteArray("POST"));
        QCOMPARE(
            req.target, QByteArray("/v2/organizations/acme/clusters/c1/queues/q1/pause_dispatch"));
        QCOMPARE(QJsonDocument::fromJson(req.body)
                     .object()
                     .value(QStringLiteral("dispatch_paused_note"))
                     .toString(),
            QStringLiteral("Incident 42"));
        QCOMPARE(req.headers.value("content-type"), QByteArray("application/json"));
        QVERIFY(req.headers.value("user-agent").startsWith("Kitedeck/"));
    }

    void errorKindsCarryTheServerMessage_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("kind");
        QTest::newRow("401") << 401 << int(ApiError::Kind::Unauthorized);
        QTest::newRow("403") << 403 << int(ApiError::Kind::Forbidden);
        QTest::newRow("404") << 404 << int(ApiError::Kind::NotFound);
        QTest::newRow("422") << 422 << int(ApiError::Kind::Validation);
    }
    void errorKindsCarryTheServerMessage()
    {
        QFETCH(int, status);
        QFETCH(int, kind);
        QSignalSpy unauthorized(m_client, &ApiClient::unauthorized);
        m_server->setFallback(ScriptedServer::json(status, JSON({"message":"Buildkite says no"})));
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind()), kind);
        QCOMPARE(r.error().message(), QStringLiteral("Buildkite says no"));
        QCOMPARE(r.error().httpStatus(), status);
        QCOMPARE(m_server->requests().size(), 1); // client errors are never retried
        QCOMPARE(unauthorized.size(), status == 401 ? 1 : 0);
    }

    void getIsRetriedAfterServerErrorsThenSucceeds()
    {
        m_server->enqueue(ScriptedServer::json(502, "<html>bad gateway</html>"));
        m_server->enqueue(ScriptedServer::json(503, JSON({"message":"try later"})));
        m_server->enqueue(ScriptedServer::json(200, JSON({"id":"c1","name":"Prod"})));
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r.value().name, QStringLiteral("Prod"));
        QCOMPARE(m_server->requests().size(), 3);
    }

    void retriesAreBounded()
    {
        m_server->setFallback(ScriptedServer::json(500, JSON({"message":"boom"})));
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QCOMPARE(r.error().kind(), ApiError::Kind::Server);
        QCOMPARE(r.error().message(), QStringLiteral("boom"));
        QCOMPARE(m_server->requests().size(), 1 + m_client->options().maxRetries);
    }

    void writesAreNeverRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("500") << 500;
        // The notes call a 503 from a cluster update safe to retry; the client still leaves that
        // decision to the caller. (A 429 is the one failure retried: see rateLimitedWrites...)
        QTest::newRow("503") << 503;
    }
    void writesAreNeverRetried()
    {
        QFETCH(int, status);
        m_server->setFallback(ScriptedServer::json(status, JSON({"message":"nope","reset":0})));
        auto r
            = run(CreateCluster { QStringLiteral("acme"), ClusterInput { QStringLiteral("X") } });
        QVERIFY(!r.ok());
        QCOMPARE(m_server->requests().size(), 1);
        m_server->setFallback(
            ScriptedServer::Reply { 200, {}, {}, ScriptedServer::Reply::Action::Drop });
        auto dropped = run(DeleteCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        // Its 200 came, the rest of the answer did not: made, with an answer that cannot be
        // read, which the caller settles by reading back (never by sending it again).
        QCOMPARE(dropped.error().kind(), ApiError::Kind::OutcomeUnknown);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void rateLimitedGetWaitsForResetThenSucceeds()
    {
        QSignalSpy rate(m_client, &ApiClient::rateLimitChanged);
        m_server->enqueue(ScriptedServer::json(429,
            JSON({"message":"You have exceeded your API rate limit. Please wait 1 seconds before making more requests.","scope":"rest_user","limit":50,"current":55,"reset":1}),
                { { "RateLimit-User-Remaining", "0" }, { "RateLimit-User-Limit", "50" },
                    { "RateLimit-User-Reset", "1" }, { "RateLimit-Remaining", "150" },
                    { "RateLimit-Limit", "200" }, { "RateLimit-Reset", "1" } }));
        m_server->enqueue(ScriptedServer::json(200,
            JSON({"id":"c1"}),
                { { "RateLimit-User-Remaining", "49" }, { "RateLimit-User-Limit", "50" },
                    { "RateLimit-User-Reset", "60" }, { "RateLimit-Remaining", "149" },
                    { "RateLimit-Limit", "200" }, { "RateLimit-Reset", "60" } }));
        QElapsedTimer timer;
        timer.start();
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QVERIFY(timer.elapsed() >= 900); // waited for the reset, not the 10 ms back-off
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(rate.size(), 2);
        const RateLimitStatus status = m_client->rateLimit();
        QCOMPARE(status.user.remaining, 49);
        QCOMPARE(status.user.limit, 50);
        QCOMPARE(status.organization.remaining, 149);
        QCOMPARE(status.tightest().limit, 50);
    }

    void rateLimitWaitIsBounded()
    {
        m_server->setFallback(
            ScriptedServer::json(429, JSON({"message":"Please wait 42 seconds","reset":42})));
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QCOMPARE(r.error().kind(), ApiError::Kind::RateLimited);
        QCOMPARE(r.error().message(), QStringLiteral("Please wait 42 seconds"));
        QCOMPARE(m_server->requests().size(), 1); // 42 s is beyond the 3 s bound: give up at once
    }

    void malformedJsonIsABadResponse()
    {
        m_server->setFallback(ScriptedServer::json(200, JSON([{"id": "c1", "name": )));
        auto r = run(ListClusters { QStringLiteral("acme") });
        QCOMPARE(r.error().kind(), ApiError::Kind::BadResponse);
        QVERIFY(r.error().message().contains(QLatin1String("malformed JSON")));
    }

    void droppedConnectionIsRetriedForGets()
    {
        m_server->enqueue(ScriptedServer::Reply {
            200, {}, "{\"id\":\"c1\",\"na", ScriptedServer::Reply::Action::Drop });
        m_server->enqueue(ScriptedServer::json(200, JSON({"id":"c1","name":"Prod"})));
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(m_server->requests().size(), 2);
    }

    void transferTimeoutIsATimeout()
    {
        auto o = m_client->options();
        o.transferTimeoutMs = 300;
        o.maxRetries = 1;
        m_client->setOptions(o);
        m_server->setFallback(
            ScriptedServer::Reply { 200, {}, {}, ScriptedServer::Reply::Action::Hang });
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QCOMPARE(r.error().kind(), ApiError::Kind::Timeout);
        QCOMPARE(m_server->requests().size(), 2);
    }

    void connectionRefusedIsANetworkError()
    {
        ScriptedServer closed;
        const QUrl url = closed.url();
        closed.close();
        QVERIFY(!m_client->setBaseUrl(url));
        auto o = m_client->options();
        o.maxRetries = 0;
        m_client->setOptions(o);
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QCOMPARE(r.error().kind(), ApiError::Kind::Network);
        QVERIFY(!r.error().message().isEmpty());
    }

    void aNextLinkToTheSamePageStops()
    {
        m_server->setFallback(ScriptedServer::json(200, clusters(0, 3),
            { { "Link",
                "<"
                    + m_server->url(QStringLiteral("/v2/organizations/acme/clusters?per_page=100"))
                          .toEncoded()
                    + ">; rel=\"next\"" } }));
        auto r = run(ListClusters { QStringLiteral("acme") });
        QCOMPARE(r.error().kind(), ApiError::Kind::BadResponse);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void linkToAnotherOriginIsNotFollowed()
    {
        ScriptedServer other;
        const QByteArray foreign = "<"
            + other.url(QStringLiteral("/v2/organizations/acme/clusters?page=2")).toEncoded()
            + ">; rel=\"next\"";
        m_server->enqueue(ScriptedServer::json(200, clusters(0, 100), { { "Link", foreign } }));
        auto r = run(ListClusters { QStringLiteral("acme") });
        QCOMPARE(r.error().kind(), ApiError::Kind::BadResponse);
        QVERIFY(r.error().message().contains(QLatin1String("another origin")));
        QTest::qWait(100);
        QCOMPARE(other.requests().size(), 0);
    }

    void redirectToAnotherOriginDoesNotLeakTheToken()
    {
        ScriptedServer other;
        other.setFallback(ScriptedServer::json(200, JSON({"id":"stolen"})));
        m_server->setFallback(ScriptedServer::Reply { 302,
            { { "Location",
                other.url(QStringLiteral("/v2/organizations/acme/clusters/c1")).toEncoded() } },
            {} });
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QVERIFY(!r.ok());
        QTest::qWait(100);
        for (const auto& req : other.requests())
            QVERIFY(!req.headers.value("authorization").contains(token));
        QCOMPARE(other.requests().size(), 0);
    }

    void sameOriginRedirectIsFollowed()
    {
        m_server->enqueue(ScriptedServer::Reply { 301,
            { { "Location",
                m_server->url(QStringLiteral("/v2/organizations/acme/clusters/c2")).toEncoded() } },
            {} });
        m_server->enqueue(ScriptedServer::json(200, JSON({"id":"c2"})));
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(r.value().id, QStringLiteral("c2"));
    }

    void plainHttpOnlyForLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << QStringLiteral("https://api.buildkite.com") << true;
        QTest::newRow("https proxy path")
            << QStringLiteral("https://proxy.example.com/buildkite/") << true;
        QTest::newRow("http remote") << QStringLiteral("http://api.buildkite.com") << false;
        QTest::newRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:1") << true;
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:1") << true;
        QTest::newRow("http 10.x") << QStringLiteral("http://10.0.0.1") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
        QTest::newRow("garbage") << QStringLiteral("not a url") << false;
    }
    void plainHttpOnlyForLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, allowed);
        const QUrl before = m_client->baseUrl();
        const ApiError e = m_client->setBaseUrl(QUrl(url));
        QCOMPARE(!e, allowed);
        if (!allowed) {
            QCOMPARE(e.kind(), ApiError::Kind::InsecureUrl);
            QCOMPARE(m_client->baseUrl(), before);
        }
    }

    void baseUrlPathPrefixIsKept()
    {
        QVERIFY(!m_client->setBaseUrl(m_server->url(QStringLiteral("/proxy/bk/"))));
        m_server->setFallback(ScriptedServer::json(200, JSON({"id":"c1"})));
        QVERIFY(run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") }).ok());
        QCOMPARE(m_server->requests().constFirst().target,
            QByteArray("/proxy/bk/v2/organizations/acme/clusters/c1"));
    }

    // A reset of 24.9 days or more overflowed the int wait and hung the request for good.
    void rateLimitWithAHugeResetGivesUpAtOnce_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("cap");
        const QByteArray none = "X-None";
        QTest::newRow("body reset 2147484 s")
            << QByteArray(JSON({"message":"wait","reset":2147484})) << none << QByteArray() << 3000;
        QTest::newRow("body reset, largest cap") << QByteArray(
            JSON({"message":"wait","reset":2147484})) << none << QByteArray() << INT_MAX;
        QTest::newRow("body reset epoch") << QByteArray(JSON({"message":"wait","reset":1767225600}))
            << none << QByteArray() << 65000;
        QTest::newRow("body reset 1e300") << QByteArray(JSON({"message":"wait","reset":1e300}))
            << none << QByteArray() << INT_MAX;
        QTest::newRow("RateLimit-Reset") << QByteArray(JSON({"message":"wait"}))
            << QByteArray("RateLimit-Reset") << QByteArray("2147484") << INT_MAX;
        QTest::newRow("RateLimit-User-Reset beyond 64 bits") << QByteArray(JSON({"message":"wait"}))
            << QByteArray("RateLimit-User-Reset") << QByteArray("99999999999999999999999") << 65000;
        QTest::newRow("Retry-After") << QByteArray(JSON({"message":"wait"}))
            << QByteArray("Retry-After") << QByteArray("2147484") << INT_MAX;
        QTest::newRow("Retry-After epoch") << QByteArray(JSON({"message":"wait"}))
            << QByteArray("Retry-After") << QByteArray("1767225600") << 65000;
    }
    void rateLimitWithAHugeResetGivesUpAtOnce()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(int, cap);
        setOption(&ApiClient::Options::maxRateLimitWaitMs, cap);
        QList<QPair<QByteArray, QByteArray>> headers { { header, value } };
        if (header.startsWith("RateLimit-User"))
            headers += { { "RateLimit-User-Remaining", "0" }, { "RateLimit-User-Limit", "50" } };
        else if (header.startsWith("RateLimit"))
            headers += { { "RateLimit-Remaining", "0" }, { "RateLimit-Limit", "200" } };
        m_server->setFallback(ScriptedServer::json(429, body, headers));
        QElapsedTimer timer;
        timer.start();
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QCOMPARE(r.error().kind(), ApiError::Kind::RateLimited);
        QCOMPARE(r.error().message(), QStringLiteral("wait"));
        QCOMPARE(m_server->requests().size(), 1);
        QVERIFY(timer.elapsed() < 5000);
    }

    // A 429 is refused before anything happens: every method is sent again after the reset.
    void rateLimitedWritesAreRetriedAfterTheReset_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::newRow("POST") << QByteArray("POST");
        QTest::newRow("PATCH") << QByteArray("PATCH");
        QTest::newRow("PUT") << QByteArray("PUT");
        QTest::newRow("DELETE") << QByteArray("DELETE");
    }
    void rateLimitedWritesAreRetriedAfterTheReset()
    {
        QFETCH(QByteArray, verb);
        m_server->enqueue(ScriptedServer::json(429, JSON({"message":"Slow down","reset":0})));
        m_server->enqueue(ScriptedServer::json(verb == "DELETE" ? 204 : 200,
            verb == "DELETE" ? QByteArray() : QByteArray(JSON({"id":"c1"}))));
        auto r = send(write(verb));
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QCOMPARE(m_server->count(verb), 2);
        const auto& requests = m_server->requests();
        QCOMPARE(requests.at(1).body, requests.at(0).body);
        // Reset 0 still waits the margin: no hammering of a server that just said no.
        QVERIFY(requests.at(1).receivedAtMs - requests.at(0).receivedAtMs >= 450);
    }

    void rateLimitRetriesAreBoundedAndNeverSpin()
    {
        m_server->setFallback(ScriptedServer::json(429, JSON({"message":"Slow down","reset":0})));
        auto r = send(write("POST"));
        QCOMPARE(r.error().kind(), ApiError::Kind::RateLimited);
        const auto& requests = m_server->requests();
        QCOMPARE(requests.size(), 1 + m_client->options().maxRetries);
        for (qsizetype i = 1; i < requests.size(); ++i) {
            const qint64 gap = requests.at(i).receivedAtMs - requests.at(i - 1).receivedAtMs;
            QVERIFY2(gap >= 450 && gap <= 2100, qPrintable(QString::number(gap)));
        }
    }

    void parallelRateLimitedCallsDoNotWakeTogether()
    {
        constexpr int calls = 6; // Qt opens up to six connections to one host
        for (int i = 0; i < calls; ++i)
            m_server->enqueue(ScriptedServer::json(429, JSON({"message":"Slow down","reset":0})));
        m_server->setFallback(ScriptedServer::json(200, JSON({"id":"c1"})));
        int done = 0;
        for (int i = 0; i < calls; ++i)
            m_client->call(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") }, this,
                [&](const Result<Cluster>& r) { done += r.ok() ? 1 : 0; });
        QTRY_COMPARE_WITH_TIMEOUT(done, calls, 10000);
        QCOMPARE(m_server->requests().size(), 2 * calls);
        qint64 first = LLONG_MAX;
        qint64 last = 0;
        for (qsizetype i = calls; i < m_server->requests().size(); ++i) {
            first = qMin(first, m_server->requests().at(i).receivedAtMs);
            last = qMax(last, m_server->requests().at(i).receivedAtMs);
        }
        // Up to a second of jitter each: six retries within 100 ms of one another would happen
        // less than once in ten thousand runs.
        QVERIFY2(last - first >= 100, qPrintable(QString::number(last - first)));
    }

    // Qt 6.4's HTTP/1 channel sends a request again by itself when the connection closes before
    // the answer: a write reached the server twice while the caller saw one clean success.
    void aWriteIsNeverSentTwice_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<bool>("keptAlive");
        for (const QByteArray verb : { "POST", "PATCH", "PUT", "DELETE" }) {
            QTest::addRow("%s on a kept-alive connection", verb.constData()) << verb << true;
            QTest::addRow("%s on a new connection", verb.constData()) << verb << false;
        }
    }
    void aWriteIsNeverSentTwice()
    {
        QFETCH(QByteArray, verb);
        QFETCH(bool, keptAlive);
        if (keptAlive) {
            // A first write leaves its connection open (writes have connections of their own:
            // they are kept to HTTP/1.1).
            m_server->enqueue(ScriptedServer::withAction(
                ScriptedServer::json(200, JSON({"id":"c1"})), Action::KeepAlive));
            QVERIFY(send(write(verb)).ok());
        }
        // The server reads the whole write, then closes without a byte; any copy after that
        // would be answered as a success.
        m_server->enqueue(ScriptedServer::withAction(
            ScriptedServer::json(201, JSON({"id":"c1"})), Action::CloseWithoutAnswer));
        m_server->setFallback(ScriptedServer::json(201, JSON({"id":"c2"})));
        auto r = send(write(verb));
        QTest::qWait(200); // room for a late copy to arrive
        QCOMPARE(m_server->count(verb), keptAlive ? 2 : 1);
        if (keptAlive)
            QCOMPARE(m_server->requests().last().connection, 1); // sent on the kept connection
        QCOMPARE(r.error().kind(), ApiError::Kind::OutcomeUnknown);
        QCOMPARE(r.error().message(),
            QStringLiteral("The server closed the connection before answering; the change may "
                           "or may not have been made"));
        QVERIFY(!r.error().isTransient());
        QVERIFY(r.error().toString().startsWith(QLatin1String("Outcome unknown: ")));
    }

    void anUnansweredWriteIsOutcomeUnknown_data()
    {
        QTest::addColumn<int>("transferTimeoutMs");
        QTest::addColumn<int>("deadlineMs");
        QTest::newRow("transfer timeout") << 300 << 5000;
        QTest::newRow("deadline") << 5000 << 300;
    }
    void anUnansweredWriteIsOutcomeUnknown()
    {
        QFETCH(int, transferTimeoutMs);
        QFETCH(int, deadlineMs);
        setOption(&ApiClient::Options::transferTimeoutMs, transferTimeoutMs);
        setOption(&ApiClient::Options::attemptDeadlineMs, deadlineMs);
        m_server->setFallback(
            ScriptedServer::withAction(ScriptedServer::json(201, JSON({"id":"c1"})), Action::Hang));
        auto r = send(write("POST"));
        QCOMPARE(r.error().kind(), ApiError::Kind::OutcomeUnknown);
        QCOMPARE(r.error().message(),
            QStringLiteral(
                "The server did not answer in time; the change may or may not have been made"));
        QCOMPARE(m_server->requests().size(), 1);
    }

    void aWriteThatNeverConnectedIsANetworkError()
    {
        ScriptedServer closed;
        const QUrl url = closed.url();
        closed.close();
        QVERIFY(!m_client->setBaseUrl(url));
        auto r = send(write("POST"));
        QCOMPARE(r.error().kind(), ApiError::Kind::Network); // certainly not applied
    }

    // Switching accounts while the previous account's request is still in flight: its 401 says
    // nothing about the new token.
    void aLate401FromThePreviousAccountIsNotUnauthorized_data()
    {
        QTest::addColumn<bool>("changeUrl");
        QTest::newRow("new token") << false;
        QTest::newRow("new token and API URL") << true;
    }
    void aLate401FromThePreviousAccountIsNotUnauthorized()
    {
        QFETCH(bool, changeUrl);
        ScriptedServer next;
        QSignalSpy unauthorized(m_client, &ApiClient::unauthorized);
        ScriptedServer::Reply late = ScriptedServer::json(401, JSON({"message":"revoked"}));
        late.delayMs = 300;
        m_server->enqueue(late);
        std::optional<Result<Cluster>> old;
        m_client->call(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") }, this,
            [&](const Result<Cluster>& r) { old = r; });
        QSignalSpy received(m_server, &ScriptedServer::requestReceived);
        QVERIFY(received.wait(5000));
        m_client->setToken(QStringLiteral("the-next-account"));
        if (changeUrl)
            QVERIFY(!m_client->setBaseUrl(next.url()));
        QTRY_VERIFY_WITH_TIMEOUT(old.has_value(), 5000);
        QCOMPARE(old->error().kind(), ApiError::Kind::Unauthorized); // its caller still hears
        QCOMPARE(unauthorized.size(), 0);

        // A 401 for the current token still counts.
        ScriptedServer& current = changeUrl ? next : *m_server;
        current.setFallback(ScriptedServer::json(401, JSON({"message":"revoked"})));
        QCOMPARE(run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") }).error().kind(),
            ApiError::Kind::Unauthorized);
        QCOMPARE(unauthorized.size(), 1);
        QCOMPARE(current.requests().last().headers.value("authorization"),
            QByteArray("Bearer the-next-account"));
    }

    // A retry after an account switch went to the old origin with the new account's token.
    void retriesKeepTheTokenAndOriginTheyWereSentWith()
    {
        ScriptedServer next;
        ScriptedServer::Reply busy = ScriptedServer::json(503, JSON({"message":"busy"}));
        busy.delayMs = 200;
        m_server->enqueue(busy);
        m_server->enqueue(ScriptedServer::json(200, JSON({"id":"c1"})));
        std::optional<Result<Cluster>> old;
        m_client->call(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") }, this,
            [&](const Result<Cluster>& r) { old = r; });
        QSignalSpy received(m_server, &ScriptedServer::requestReceived);
        QVERIFY(received.wait(5000));
        QVERIFY(!m_client->setBaseUrl(next.url()));
        m_client->setToken(QStringLiteral("the-next-account"));
        QTRY_VERIFY_WITH_TIMEOUT(old.has_value(), 5000);
        QVERIFY(old->ok());
        QCOMPARE(m_server->requests().size(), 2);
        for (const auto& req : m_server->requests())
            QCOMPARE(req.headers.value("authorization"), "Bearer " + token);
        QCOMPARE(next.requests().size(), 0);
    }

    // The transfer timeout only fires on silence: one byte every 20 ms kept a call alive for as
    // long as the server liked.
    void aDripFeedingServerHitsTheDeadline()
    {
        setOption(&ApiClient::Options::transferTimeoutMs, 300);
        setOption(&ApiClient::Options::attemptDeadlineMs, 800);
        setOption(&ApiClient::Options::maxRetries, 1);
        ScriptedServer::Reply drip = ScriptedServer::json(200, clusters(0, 10));
        drip.action = Action::Drip;
        drip.dripIntervalMs = 20; // ~320 bytes: 6.4 s in all, never 300 ms of silence
        m_server->setFallback(drip);
        QElapsedTimer timer;
        timer.start();
        auto r = run(ListClusters { QStringLiteral("acme") });
        QCOMPARE(r.error().kind(), ApiError::Kind::Timeout);
        QCOMPARE(
            r.error().message(), QStringLiteral("The server took longer than 0.8 s to answer"));
        QCOMPARE(m_server->requests().size(), 1); // not retried: it would only take as long again
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void aSteadyAnswerWithinTheDeadlineSucceeds()
    {
        setOption(&ApiClient::Options::transferTimeoutMs, 300);
        ScriptedServer::Reply drip = ScriptedServer::json(200, JSON({"id":"c1"}));
        drip.action = Action::Drip;
        drip.dripIntervalMs = 5;
        m_server->setFallback(drip);
        auto r = run(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") });
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
    }

    // An aborted reply is closed: reading it printed "QIODevice::read: device not open".
    void noReadOfAnAbortedReply_data()
    {
        QTest::addColumn<int>("action");
        QTest::newRow("transfer timeout") << int(Action::Hang);
        QTest::newRow("deadline") << int(Action::Drip);
        QTest::newRow("size cap") << int(Action::Stream);
    }
    void noReadOfAnAbortedReply()
    {
        QFETCH(int, action);
        auto o = m_client->options();
        o.transferTimeoutMs = 300;
        o.attemptDeadlineMs = 800;
        o.maxRetries = 0;
        o.maxResponseBytes = 64 * 1024;
        m_client->setOptions(o);
        ScriptedServer::Reply reply = ScriptedServer::json(200, clusters(0, 3));
        reply.action = Action(action);
        reply.dripIntervalMs = 20;
        reply.streamBytes = 1024 * 1024;
        m_server->setFallback(reply);
        QStringList messages;
        g_messages = &messages;
        g_previousHandler = qInstallMessageHandler(captureMessage);
        auto r = run(ListClusters { QStringLiteral("acme") });
        qInstallMessageHandler(g_previousHandler);
        g_messages = nullptr;
        QVERIFY(!r.ok());
        QVERIFY2(!messages.join(QLatin1Char('\n')).contains(QLatin1String("not open")),
            qPrintable(messages.join(QLatin1Char('\n'))));
    }

    // A 400 MB body was read whole into memory.
    void anOversizedBodyIsRefusedWhileItArrives()
    {
        auto o = m_client->options();
        o.maxResponseBytes = 1024 * 1024;
        m_client->setOptions(o);
        ScriptedServer::Reply big = ScriptedServer::json(200, {});
        big.action = Action::Stream;
        big.streamBytes = qint64(256) * 1024 * 1024; // no Content-Length: ends when it closes
        m_server->setFallback(big);
        auto r = run(ListClusters { QStringLiteral("acme") });
        QCOMPARE(r.error().kind(), ApiError::Kind::BadResponse);
        QCOMPARE(
            r.error().message(), QStringLiteral("The response is larger than the 1 MiB limit"));
        QCOMPARE(m_server->requests().size(), 1); // never retried
        QTest::qWait(100);
        QVERIFY2(m_server->bytesStreamed() < 32 * 1024 * 1024,
            qPrintable(QString::number(m_server->bytesStreamed())));
    }

    void anOversizedContentLengthIsRefusedUpFront()
    {
        ScriptedServer::Reply big = ScriptedServer::json(200, {});
        big.action = Action::Stream;
        big.declaredLength = qint64(40) * 1024 * 1024 * 1024;
        big.streamBytes = 1000;
        m_server->setFallback(big);
        auto r = run(ListClusters { QStringLiteral("acme") });
        QCOMPARE(r.error().kind(), ApiError::Kind::BadResponse);
        QCOMPARE(
            r.error().message(), QStringLiteral("The response is larger than the 32 MiB limit"));
        QCOMPARE(r.error().httpStatus(), 200);
        QCOMPARE(m_server->requests().size(), 1);
    }

    void callbackDroppedWhenContextDies()
    {
        m_server->setFallback(ScriptedServer::json(200, JSON({"id":"c1"})));
        auto* context = new QObject;
        bool called = false;
        QSignalSpy active(m_client, &ApiClient::activeCallsChanged);
        m_client->call(GetCluster { QStringLiteral("acme"), QStringLiteral("c1") }, context,
            [&](const Result<Cluster>&) { called = true; });
        QCOMPARE(m_client->activeCalls(), 1);
        delete context;
        QTRY_COMPARE(m_client->activeCalls(), 0);
        QVERIFY(!called);
    }
};

    QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
