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
        QTest::newRow("429") << 429;
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
        QCOMPARE(dropped.error().kind(), ApiError::Kind::Network);
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
