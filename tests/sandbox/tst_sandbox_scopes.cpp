// SPDX-License-Identifier: MIT
#include "sandboxtestcase.h"

#include <QSignalSpy>
#include <QTest>

using namespace SandboxTest;

// Authentication, scopes, permissions and routing: who may do what, and what an unknown path or id
// answers. Plain HTTP over loopback against the sandbox; statuses, bodies and headers are checked
// exactly.
class TestSandboxScopes final : public SandboxTestCase {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(start());
        QVERIFY(m_server.port() != 0);
        QCOMPARE(
            m_server.baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
        QCOMPARE(m_server.organization(), QStringLiteral("kitedeck-demo"));
    }
    void init() { reset(); }

    void rootNeedsNoToken();
    void accessTokenDescribesTheCaller();
    void accessTokenNeedsNoScope();
    void deletingTheAccessTokenRevokesIt();
    void authenticationFailures_data();
    void authenticationFailures();
    void missingScopes();
    void unknownOrganization();
    void unknownIds();
    void idsFromAnotherClusterAreNotFound();
    void unsupportedRoutesAndVerbs();
    void headHasHeadersOnly();
    void webUrlsAnswer();
    void requestsAreRecorded();
    void agentScopes();
    void maintainersOnlyMayWrite();
    void teamMaintainersMayWrite();
    void administratorsMayWriteAnywhere();
    void agentWritesNeedClusterPermission();
    void readsNeedNoPermission();
    void memberTokenIsStable();
};

void TestSandboxScopes::rootNeedsNoToken()
{
    const HttpResult r = m_http->send("GET", QStringLiteral("/"), {}, QByteArray());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QVERIFY(!r.message().isEmpty());
    const qint64 timestamp = r.object().value(QLatin1StringView("timestamp")).toInteger();
    QVERIFY(qAbs(timestamp - QDateTime::currentSecsSinceEpoch()) < 60);
}

void TestSandboxScopes::accessTokenDescribesTheCaller()
{
    const HttpResult r = m_http->get(QStringLiteral("/v2/access-token"));
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.object();
    QVERIFY(uuid.match(str(o, "uuid")).hasMatch());
    QCOMPARE(o.value(QLatin1StringView("scopes")).toArray(),
        QJsonArray({ QStringLiteral("read_clusters"), QStringLiteral("write_clusters"),
            QStringLiteral("read_agents"), QStringLiteral("write_agents") }));
    QVERIFY(!str(o, "description").isEmpty());
    QVERIFY(isoMs.match(str(o, "created_at")).hasMatch());
    QVERIFY(isNull(o, "expires_at"));
    QCOMPARE(str(obj(o, "user"), "name"), QStringLiteral("Sam Kim"));
    QCOMPARE(str(obj(o, "user"), "email"), QStringLiteral("sam.kim@example.com"));

    const HttpResult ro = m_http->send("GET", QStringLiteral("/v2/access-token"), {},
        "Bearer " + m_server.readOnlyToken().toUtf8());
    QCOMPARE(ro.status, 200);
    QCOMPARE(ro.object().value(QLatin1StringView("scopes")).toArray(),
        QJsonArray({ QStringLiteral("read_clusters"), QStringLiteral("read_agents") }));
    QVERIFY(str(obj(ro.object(), "user"), "name") != QStringLiteral("Sam Kim"));

    const QDateTime expiry = QDateTime::currentDateTimeUtc().addDays(30);
    const QString expiring
        = m_server.addApiToken({ QStringLiteral("read_clusters") }, QStringLiteral("CI"), expiry);
    const HttpResult e = m_http->send(
        "GET", QStringLiteral("/v2/access-token"), {}, "Bearer " + expiring.toUtf8());
    QCOMPARE(e.status, 200);
    QCOMPARE(str(e.object(), "description"), QStringLiteral("CI"));
    QCOMPARE(
        QDateTime::fromString(str(e.object(), "expires_at"), Qt::ISODateWithMs).toSecsSinceEpoch(),
        expiry.toSecsSinceEpoch());
}

void TestSandboxScopes::accessTokenNeedsNoScope()
{
    const QString bare = m_server.addApiToken({}, QStringLiteral("no scopes"));
    const HttpResult r
        = m_http->send("GET", QStringLiteral("/v2/access-token"), {}, "Bearer " + bare.toUtf8());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1StringView("scopes")).toArray(), QJsonArray());
}

void TestSandboxScopes::deletingTheAccessTokenRevokesIt()
{
    const QString token = m_server.addApiToken({ QStringLiteral("read_clusters") });
    const QByteArray auth = "Bearer " + token.toUtf8();
    QCOMPARE(m_http->send("GET", org() + QStringLiteral("/clusters"), {}, auth).status, 200);
    const HttpResult d = m_http->send("DELETE", QStringLiteral("/v2/access-token"), {}, auth);
    QCOMPARE(d.status, 204);
    QVERIFY(d.body.isEmpty());
    const HttpResult after = m_http->send("GET", QStringLiteral("/v2/access-token"), {}, auth);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.message(), authRequired);
    // The server-side revoke works the same way.
    const QString other = m_server.addApiToken({ QStringLiteral("read_clusters") });
    m_server.revokeApiToken(other);
    QCOMPARE(
        m_http->send("GET", org() + QStringLiteral("/clusters"), {}, "Bearer " + other.toUtf8())
            .status,
        401);
}

void TestSandboxScopes::authenticationFailures_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<QString>("path");
    QTest::newRow("no header") << QByteArray() << QStringLiteral("/clusters");
    QTest::newRow("unknown token")
        << QByteArray("Bearer bkua_0000000000000000000000000000000000000000")
        << QStringLiteral("/clusters");
    QTest::newRow("empty bearer") << QByteArray("Bearer ") << QStringLiteral("/clusters");
    QTest::newRow("basic auth") << QByteArray("Basic c2FtOnNlY3JldA==")
                                << QStringLiteral("/clusters");
    QTest::newRow("write without token") << QByteArray() << QStringLiteral("/clusters/x/queues");
    QTest::newRow("access-token") << QByteArray() << QStringLiteral("ACCESS");
}

void TestSandboxScopes::authenticationFailures()
{
    QFETCH(QByteArray, authorization);
    QFETCH(QString, path);
    const QString full
        = path == QLatin1String("ACCESS") ? QStringLiteral("/v2/access-token") : org() + path;
    const HttpResult r = m_http->send("GET", full, {}, authorization);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(r.body,
        messageBody("Authentication required. Please supply a valid API Access Token: "
                    "https://buildkite.com/docs/apis/rest-api#authentication"));

    // An expired API token is no token at all.
    const QString expired = m_server.addApiToken({ QStringLiteral("read_clusters") },
        QStringLiteral("old"), QDateTime::currentDateTimeUtc().addSecs(-5));
    const HttpResult e = m_http->send("GET", full, {}, "Bearer " + expired.toUtf8());
    QCOMPARE(e.status, 401);
    QCOMPARE(e.message(), authRequired);
}

void TestSandboxScopes::missingScopes()
{
    const QByteArray readOnly = "Bearer " + m_server.readOnlyToken().toUtf8();
    const QString clusterId = clusterIdNamed(QStringLiteral("Production"));
    QVERIFY(!clusterId.isEmpty());
    QCOMPARE(
        m_http->send("GET", org() + QStringLiteral("/clusters/") + clusterId, {}, readOnly).status,
        200);

    const QString write
        = QString::fromUtf8(messageBody("Your access token doesn't have the write_clusters scope"));
    const struct {
        QByteArray verb;
        QString path;
    } writes[] = {
        { "POST", QStringLiteral("/clusters") },
        { "PUT", QStringLiteral("/clusters/") + clusterId },
        { "PATCH", QStringLiteral("/clusters/") + clusterId },
        { "DELETE", QStringLiteral("/clusters/") + clusterId },
        { "POST", QStringLiteral("/clusters/%1/queues").arg(clusterId) },
        { "POST", QStringLiteral("/clusters/%1/queues/x/pause_dispatch").arg(clusterId) },
        { "POST", QStringLiteral("/clusters/%1/queues/x/resume_dispatch").arg(clusterId) },
        { "POST", QStringLiteral("/clusters/%1/tokens").arg(clusterId) },
        { "DELETE", QStringLiteral("/clusters/%1/tokens/x").arg(clusterId) },
    };
    for (const auto& w : writes) {
        const HttpResult r
            = m_http->send(w.verb, org() + w.path, QByteArray("{\"name\":\"x\"}"), readOnly);
        QCOMPARE(r.status, 403);
        QCOMPARE(QString::fromUtf8(r.body), write);
    }
    QCOMPARE(clusterIdNamed(QStringLiteral("Production")), clusterId); // nothing was deleted

    const QString none = m_server.addApiToken({ QStringLiteral("read_agents") });
    const HttpResult r
        = m_http->send("GET", org() + QStringLiteral("/clusters"), {}, "Bearer " + none.toUtf8());
    QCOMPARE(r.status, 403);
    QCOMPARE(r.body, messageBody("Your access token doesn't have the read_clusters scope"));
}

void TestSandboxScopes::unknownOrganization()
{
    const HttpResult r = m_http->get(QStringLiteral("/v2/organizations/acme-inc/clusters"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, messageBody("No organization found"));
    m_server.setOrganization(QStringLiteral("acme-inc"));
    const HttpResult moved = m_http->get(QStringLiteral("/v2/organizations/acme-inc/clusters"));
    m_server.setOrganization(QStringLiteral("kitedeck-demo"));
    QCOMPARE(moved.status, 200);
    QVERIFY(str(moved.array().first().toObject(), "url")
                .contains(QLatin1String("/organizations/acme-inc/")));
}

void TestSandboxScopes::unknownIds()
{
    const QString missing = QStringLiteral("00000000-0000-4000-8000-000000000000");
    const QString cid = clusterIdNamed(QStringLiteral("Production"));
    const struct {
        QByteArray verb;
        QString path;
        QByteArray message;
    } cases[] = {
        { "GET", QStringLiteral("/clusters/") + missing, "No cluster found" },
        { "PATCH", QStringLiteral("/clusters/") + missing, "No cluster found" },
        { "DELETE", QStringLiteral("/clusters/") + missing, "No cluster found" },
        { "GET", QStringLiteral("/clusters/%1/queues").arg(missing), "No cluster found" },
        { "GET", QStringLiteral("/clusters/%1/tokens").arg(missing), "No cluster found" },
        { "GET", QStringLiteral("/clusters/%1/queues/%2").arg(cid, missing), "No queue found" },
        { "PUT", QStringLiteral("/clusters/%1/queues/%2").arg(cid, missing), "No queue found" },
        { "DELETE", QStringLiteral("/clusters/%1/queues/%2").arg(cid, missing), "No queue found" },
        { "POST", QStringLiteral("/clusters/%1/queues/%2/pause_dispatch").arg(cid, missing),
            "No queue found" },
        { "POST", QStringLiteral("/clusters/%1/queues/%2/resume_dispatch").arg(cid, missing),
            "No queue found" },
        { "GET", QStringLiteral("/clusters/%1/tokens/%2").arg(cid, missing), "No token found" },
        { "PATCH", QStringLiteral("/clusters/%1/tokens/%2").arg(cid, missing), "No token found" },
        { "DELETE", QStringLiteral("/clusters/%1/tokens/%2").arg(cid, missing), "No token found" },
    };
    for (const auto& c : cases) {
        const HttpResult r = m_http->send(c.verb, org() + c.path, QByteArray("{}"));
        QVERIFY2(
            r.status == 404, qPrintable(QString::fromLatin1(c.verb) + QLatin1Char(' ') + c.path));
        QCOMPARE(r.body, QByteArray("{\"message\":\"" + c.message + "\"}"));
    }
}

void TestSandboxScopes::idsFromAnotherClusterAreNotFound()
{
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    const QString openSource = clusterIdNamed(QStringLiteral("Open Source"));
    const QJsonArray queues = all(org() + QStringLiteral("/clusters/%1/queues").arg(production));
    const QJsonArray tokens = all(org() + QStringLiteral("/clusters/%1/tokens").arg(production));
    QVERIFY(!queues.isEmpty() && !tokens.isEmpty());
    const QString queueId = str(queues.first().toObject(), "id");
    const QString tokenId = str(tokens.first().toObject(), "id");
    QCOMPARE(m_http->get(org() + QStringLiteral("/clusters/%1/queues/%2").arg(production, queueId))
                 .status,
        200);

    HttpResult r
        = m_http->get(org() + QStringLiteral("/clusters/%1/queues/%2").arg(openSource, queueId));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.message(), QStringLiteral("No queue found"));
    r = m_http->send("POST",
        org() + QStringLiteral("/clusters/%1/queues/%2/pause_dispatch").arg(openSource, queueId));
    QCOMPARE(r.status, 404);
    r = m_http->get(org() + QStringLiteral("/clusters/%1/tokens/%2").arg(openSource, tokenId));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.message(), QStringLiteral("No token found"));
    r = m_http->send(
        "DELETE", org() + QStringLiteral("/clusters/%1/tokens/%2").arg(openSource, tokenId));
    QCOMPARE(r.status, 404);
    QCOMPARE(m_http->get(org() + QStringLiteral("/clusters/%1/tokens/%2").arg(production, tokenId))
                 .status,
        200);
}

void TestSandboxScopes::unsupportedRoutesAndVerbs()
{
    // The reference's "Update a cluster" curl omits the id; the real path needs it.
    HttpResult r
        = m_http->send("PUT", org() + QStringLiteral("/clusters"), QByteArray(R"({"name":"x"})"));
    QCOMPARE(r.status, 404);
    r = m_http->send("DELETE", org() + QStringLiteral("/clusters"));
    QCOMPARE(r.status, 404);
    r = m_http->get(QStringLiteral("/v2/nothing-here"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.message(), QStringLiteral("Not Found"));
    r = m_http->get(QStringLiteral("/v1/organizations"));
    QCOMPARE(r.status, 404);
}

void TestSandboxScopes::headHasHeadersOnly()
{
    const HttpResult get = m_http->get(org() + QStringLiteral("/clusters"));
    const HttpResult head = m_http->send("HEAD", org() + QStringLiteral("/clusters"));
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    QCOMPARE(head.header("Content-Length").toInt(), get.body.size());
    QCOMPARE(head.header("Link"), get.header("Link"));
    // The connection is still usable afterwards.
    QCOMPARE(m_http->get(org() + QStringLiteral("/clusters")).body, get.body);
}

void TestSandboxScopes::webUrlsAnswer()
{
    const QJsonObject c = all(org() + QStringLiteral("/clusters")).first().toObject();
    const QUrl web(str(c, "web_url"));
    QCOMPARE(web.port(), int(m_server.port()));
    const HttpResult r = m_http->send("GET", web.path(), {}, QByteArray());
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/html"));
    QVERIFY(r.body.contains("Kitedeck sandbox"));
}

void TestSandboxScopes::requestsAreRecorded()
{
    QSignalSpy served(&m_server, &SandboxServer::requestServed);
    m_http->get(org() + QStringLiteral("/clusters?page=2&per_page=5"));
    m_http->send("POST", org() + QStringLiteral("/clusters"), QByteArray(R"({"name":"Recorded"})"));
    const QList<SandboxServer::RecordedRequest> seen = m_server.requests();
    QCOMPARE(seen.size(), 2);
    QCOMPARE(seen.at(0).verb, QByteArray("GET"));
    QCOMPARE(seen.at(0).path, org() + QStringLiteral("/clusters"));
    QCOMPARE(seen.at(0).query, QStringLiteral("page=2&per_page=5"));
    QCOMPARE(seen.at(0).authorization, "Bearer " + m_server.readWriteToken().toUtf8());
    QCOMPARE(seen.at(1).verb, QByteArray("POST"));
    const QByteArray recordedBody = R"({"name":"Recorded"})";
    QCOMPARE(seen.at(1).body, recordedBody);
    QCOMPARE(served.size(), 2);
    QCOMPARE(served.at(1).at(0).toByteArray(), QByteArray("POST"));
    QCOMPARE(served.at(1).at(2).toInt(), 201);
    m_server.clearRequests();
    QVERIFY(m_server.requests().isEmpty());
}

void TestSandboxScopes::agentScopes()
{
    const QString agents = org() + QStringLiteral("/agents");
    const QString id = m_server.agentIds().constFirst();
    // The read-only token may list agents but not manage them.
    const QByteArray readOnly = bearer(m_server.readOnlyToken());
    QCOMPARE(m_http->send("GET", agents, {}, readOnly).status, 200);
    QCOMPARE(m_http->send("GET", agents + QLatin1Char('/') + id, {}, readOnly).status, 200);
    for (const char* action : { "pause", "resume", "stop" }) {
        const HttpResult r
            = m_http->send("PUT", agents + QStringLiteral("/%1/%2").arg(id, QLatin1String(action)),
                QByteArray("{}"), readOnly);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, messageBody("Your access token doesn't have the write_agents scope"));
    }
    QCOMPARE(m_server.agentConnectionState(id), QStringLiteral("connected"));

    // Cluster scopes say nothing about agents, and the other way round.
    const QByteArray clustersOnly = bearer(m_server.addApiToken(
        { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") }));
    HttpResult r = m_http->send("GET", agents, {}, clustersOnly);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.body, messageBody("Your access token doesn't have the read_agents scope"));
    r = m_http->send(
        "PUT", agents + QStringLiteral("/%1/stop").arg(id), QByteArray("{}"), clustersOnly);
    QCOMPARE(r.body, messageBody("Your access token doesn't have the write_agents scope"));
    const QByteArray agentsOnly = bearer(
        m_server.addApiToken({ QStringLiteral("read_agents"), QStringLiteral("write_agents") }));
    r = m_http->send("GET", org() + QStringLiteral("/clusters"), {}, agentsOnly);
    QCOMPARE(r.body, messageBody("Your access token doesn't have the read_clusters scope"));
    QCOMPARE(m_http->send("GET", agents, {}, agentsOnly).status, 200);
    // Without a token it is a 401 first.
    r = m_http->send("GET", agents, {}, QByteArray());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.message(), authRequired);
}

void TestSandboxScopes::maintainersOnlyMayWrite()
{
    // Hannah is not an administrator; she maintains "Data platform" but not "Production".
    const QStringList every { QStringLiteral("read_clusters"), QStringLiteral("write_clusters"),
        QStringLiteral("read_agents"), QStringLiteral("write_agents") };
    const QByteArray member
        = bearer(m_server.addApiTokenForUser(m_server.memberUserId(), every, QStringLiteral("h")));
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    const QJsonObject before
        = m_http->get(org() + QStringLiteral("/clusters/") + production).object();
    const QString queue
        = str(all(org() + QStringLiteral("/clusters/%1/queues").arg(production)).first().toObject(),
            "id");
    const QString token
        = str(all(org() + QStringLiteral("/clusters/%1/tokens").arg(production)).first().toObject(),
            "id");
    const QString denied = QStringLiteral(
        "Only organization administrators and the maintainers of this cluster can change it");
    const struct {
        QByteArray verb;
        QString path;
    } writes[] = {
        { "PATCH", QStringLiteral("/clusters/") + production },
        { "PUT", QStringLiteral("/clusters/") + production },
        { "DELETE", QStringLiteral("/clusters/") + production },
        { "POST", QStringLiteral("/clusters/%1/queues").arg(production) },
        { "PATCH", QStringLiteral("/clusters/%1/queues/%2").arg(production, queue) },
        { "DELETE", QStringLiteral("/clusters/%1/queues/%2").arg(production, queue) },
        { "POST", QStringLiteral("/clusters/%1/queues/%2/pause_dispatch").arg(production, queue) },
        { "POST", QStringLiteral("/clusters/%1/tokens").arg(production) },
        { "PATCH", QStringLiteral("/clusters/%1/tokens/%2").arg(production, token) },
        { "DELETE", QStringLiteral("/clusters/%1/tokens/%2").arg(production, token) },
        { "POST", QStringLiteral("/clusters/%1/maintainers").arg(production) },
    };
    for (const auto& w : writes) {
        const HttpResult r = m_http->send(w.verb, org() + w.path,
            QByteArray(R"({"name":"x","key":"x","description":"x"})"), member);
        QVERIFY2(
            r.status == 403, qPrintable(QString::fromLatin1(w.verb) + QLatin1Char(' ') + w.path));
        QCOMPARE(r.message(), denied);
    }
    QCOMPARE(m_http->get(org() + QStringLiteral("/clusters/") + production).object(), before);
    QCOMPARE(all(org() + QStringLiteral("/clusters/%1/queues").arg(production)).size(), 5);

    // Creating a cluster is for administrators only.
    const HttpResult create = m_http->send(
        "POST", org() + QStringLiteral("/clusters"), QByteArray(R"({"name":"Mine"})"), member);
    QCOMPARE(create.status, 403);
    QCOMPARE(
        create.message(), QStringLiteral("Only organization administrators can create clusters"));

    // Her own cluster is fine.
    const QString dataPlatform = clusterIdNamed(QStringLiteral(
        "Data platform: long-running integration environments, nightly warehouse rebuilds and "
        "backfills"));
    QVERIFY(!dataPlatform.isEmpty());
    const HttpResult own
        = m_http->send("PATCH", org() + QStringLiteral("/clusters/") + dataPlatform,
            QByteArray(R"({"emoji":":bar_chart:"})"), member);
    QCOMPARE(own.status, 200);
    QCOMPARE(str(own.object(), "emoji"), QStringLiteral(":bar_chart:"));
    QCOMPARE(m_http
                 ->send("POST", org() + QStringLiteral("/clusters/%1/queues").arg(dataPlatform),
                     QByteArray(R"({"key":"hannahs"})"), member)
                 .status,
        201);
    // A missing scope is still reported as the scope, before the permission.
    const QByteArray memberReadOnly = bearer(
        m_server.addApiTokenForUser(m_server.memberUserId(), { QStringLiteral("read_clusters") }));
    const HttpResult scope = m_http->send("PATCH",
        org() + QStringLiteral("/clusters/") + production, QByteArray("{}"), memberReadOnly);
    QCOMPARE(scope.body, messageBody("Your access token doesn't have the write_clusters scope"));
    QVERIFY(m_server.addApiTokenForUser(QStringLiteral("nobody"), every).isEmpty());
}

void TestSandboxScopes::teamMaintainersMayWrite()
{
    // Production is maintained by the Platform team; Jonas (who created its db-migrations
    // queue) is in it and is not an administrator.
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    QString jonas;
    for (const QJsonValue& q : all(org() + QStringLiteral("/clusters/%1/queues").arg(production))) {
        if (str(q.toObject(), "key") == QLatin1String("db-migrations"))
            jonas = str(obj(q.toObject(), "created_by"), "id");
    }
    QVERIFY(!jonas.isEmpty());
    const QByteArray auth
        = bearer(m_server.addApiTokenForUser(jonas, { QStringLiteral("write_clusters") }));
    HttpResult r = m_http->send("PATCH", org() + QStringLiteral("/clusters/") + production,
        QByteArray(R"({"description":"Platform team was here"})"), auth);
    QCOMPARE(r.status, 200);
    // The team does not maintain Security.
    r = m_http->send("PATCH",
        org() + QStringLiteral("/clusters/") + clusterIdNamed(QStringLiteral("Security")),
        QByteArray(R"({"description":"no"})"), auth);
    QCOMPARE(r.status, 403);
}

void TestSandboxScopes::administratorsMayWriteAnywhere()
{
    const QString member = m_server.memberUserId();
    const QByteArray auth
        = bearer(m_server.addApiTokenForUser(member, { QStringLiteral("write_clusters") }));
    const QString path
        = org() + QStringLiteral("/clusters/") + clusterIdNamed(QStringLiteral("Security"));
    QCOMPARE(m_http->send("PATCH", path, QByteArray(R"({"color":"#000000"})"), auth).status, 403);
    QVERIFY(m_server.setOrganizationAdmin(member, true));
    QCOMPARE(m_http->send("PATCH", path, QByteArray(R"({"color":"#000000"})"), auth).status, 200);
    QCOMPARE(m_http
                 ->send("POST", org() + QStringLiteral("/clusters"),
                     QByteArray(R"({"name":"Made by Hannah"})"), auth)
                 .status,
        201);
    QVERIFY(m_server.setOrganizationAdmin(member, false));
    QCOMPARE(m_http->send("PATCH", path, QByteArray(R"({"color":"#111111"})"), auth).status, 403);
    QVERIFY(!m_server.setOrganizationAdmin(QStringLiteral("nobody"), true));

    // A new user starts with no rights, or as an administrator when made one.
    const QString newcomer
        = m_server.addUser(QStringLiteral("Nia Newcomer"), QStringLiteral("nia@example.com"));
    const QString boss
        = m_server.addUser(QStringLiteral("Bo Boss"), QStringLiteral("bo@example.com"), true);
    const QByteArray n
        = bearer(m_server.addApiTokenForUser(newcomer, { QStringLiteral("write_clusters") }));
    const QByteArray b
        = bearer(m_server.addApiTokenForUser(boss, { QStringLiteral("write_clusters") }));
    QCOMPARE(m_http->send("PATCH", path, QByteArray("{}"), n).status, 403);
    QCOMPARE(m_http->send("PATCH", path, QByteArray("{}"), b).status, 200);
    const HttpResult who = m_http->send("GET", QStringLiteral("/v2/access-token"), {}, n);
    QCOMPARE(str(obj(who.object(), "user"), "name"), QStringLiteral("Nia Newcomer"));
}

void TestSandboxScopes::agentWritesNeedClusterPermission()
{
    const QByteArray member = bearer(m_server.addApiTokenForUser(m_server.memberUserId(),
        { QStringLiteral("read_agents"), QStringLiteral("write_agents") }));
    const QString agents = org() + QStringLiteral("/agents");
    QString production, dataPlatform;
    for (const QJsonValue& v : all(agents)) {
        const QString id = str(v.toObject(), "id");
        if (v.toObject().value(QLatin1StringView("paused")).toBool())
            continue;
        if (str(v.toObject(), "name").startsWith(QLatin1String("production-")))
            production = id;
        else if (str(v.toObject(), "name").startsWith(QLatin1String("data-platform-")))
            dataPlatform = id;
    }
    QVERIFY(!production.isEmpty() && !dataPlatform.isEmpty());
    HttpResult r = m_http->send(
        "PUT", agents + QStringLiteral("/%1/pause").arg(production), QByteArray("{}"), member);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.message(),
        QStringLiteral("Only organization administrators and the maintainers of the agent's "
                       "cluster can manage it"));
    r = m_http->send(
        "PUT", agents + QStringLiteral("/%1/pause").arg(dataPlatform), QByteArray("{}"), member);
    QCOMPARE(r.status, 204);
    // Reading is not a write.
    QCOMPARE(m_http->send("GET", agents + QLatin1Char('/') + production, {}, member).status, 200);
}

void TestSandboxScopes::readsNeedNoPermission()
{
    const QByteArray member = bearer(
        m_server.addApiTokenForUser(m_server.memberUserId(), { QStringLiteral("read_clusters") }));
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    for (const QString& path :
        { QStringLiteral("/clusters"), QStringLiteral("/clusters/") + production,
            QStringLiteral("/clusters/%1/queues").arg(production),
            QStringLiteral("/clusters/%1/tokens").arg(production),
            QStringLiteral("/clusters/%1/maintainers").arg(production) }) {
        const HttpResult r = m_http->send("GET", org() + path, {}, member);
        QVERIFY2(r.status == 200, qPrintable(path));
    }
    QCOMPARE(m_http->send("HEAD", org() + QStringLiteral("/clusters"), {}, member).status, 200);
}

void TestSandboxScopes::memberTokenIsStable()
{
    SandboxServer other;
    QCOMPARE(other.memberToken(), m_server.memberToken());
    const HttpResult who = m_http->send(
        "GET", QStringLiteral("/v2/access-token"), {}, bearer(m_server.memberToken()));
    QCOMPARE(who.status, 200);
    QCOMPARE(str(obj(who.object(), "user"), "name"), QStringLiteral("Hannah Novak"));
    QCOMPARE(who.object().value(QLatin1StringView("scopes")).toArray().size(), 4);
    const HttpResult r = m_http->send("PATCH",
        org() + QStringLiteral("/clusters/") + clusterIdNamed(QStringLiteral("Production")),
        QByteArray("{}"), bearer(m_server.memberToken()));
    QCOMPARE(r.status, 403);
}

QTEST_GUILESS_MAIN(TestSandboxScopes)
#include "tst_sandbox_scopes.moc"
