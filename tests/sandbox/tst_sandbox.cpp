// SPDX-License-Identifier: MIT
#include "httpprobe.h"
#include "sandboxserver.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

// The sandbox speaks the Buildkite REST API as the reference pages document it. These tests
// talk plain HTTP to it over loopback and check statuses, bodies and headers exactly.
class TestSandbox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

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

    void clusterLifecycle();
    void clusterUpdateViaPutAndPatch();
    void clusterDefaultQueue();
    void clusterValidation_data();
    void clusterValidation();
    void malformedJsonIs400();
    void referenceCurlBodiesWork();

    void selfHostedQueueLifecycle();
    void hostedQueueUsesSnakeCaseInResponses();
    void hostedQueueResize();
    void queueValidation_data();
    void queueValidation();
    void queueKeyIsNotUpdatable();
    void pauseAndResume();
    void pauseAcceptsTheDocumentedNoteKey();
    void deletingTheDefaultQueueClearsIt();

    void agentTokenLifecycle();
    void agentTokenValueOnlyOnCreate();
    void agentTokenExpiryAndAllowlist();
    void agentTokenValidation_data();
    void agentTokenValidation();
    void agentTokenExpiryCannotChange();

    void deletingAClusterDeletesItsQueuesAndTokens();

    void paginationAcrossPages();
    void paginationDefaultsAndCap();
    void paginationOfQueues();

    void rateLimitHeadersOnEveryResponse();
    void rateLimitExceeded();

    void demoOrganizationLooksReal();
    void demoIsDeterministic();
    void generatedData();
    void requestsAreRecorded();

private:
    QString org() const { return QStringLiteral("/v2/organizations/kitedeck-demo"); }
    QString clusterIdNamed(const QString& name);
    QJsonObject createCluster(const QString& name);
    QJsonObject createQueue(const QString& clusterId, const QJsonObject& body);
    QJsonObject createToken(const QString& clusterId, const QJsonObject& body);
    QJsonArray all(const QString& path);

    SandboxServer m_server;
    std::unique_ptr<HttpProbe> m_http;
};

namespace {
const QRegularExpression isoMs(
    QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
const QRegularExpression uuid(
    QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
const QString authRequired
    = QStringLiteral("Authentication required. Please supply a valid API Access Token: "
                     "https://buildkite.com/docs/apis/rest-api#authentication");

QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toString();
}

QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toObject();
}

bool isNull(const QJsonObject& o, const char* key)
{
    return o.contains(QLatin1StringView(key)) && o.value(QLatin1StringView(key)).isNull();
}

// The exact bytes of Buildkite's error body.
QByteArray messageBody(const char* message)
{
    return QByteArray("{\"message\":\"") + message + "\"}";
}

QString decodedGraphqlId(const QJsonObject& o)
{
    return QString::fromUtf8(QByteArray::fromBase64(str(o, "graphql_id").toLatin1()));
}

// The Link header as rel -> URL.
QHash<QString, QString> links(const HttpResult& r)
{
    QHash<QString, QString> out;
    static const QRegularExpression entry(QStringLiteral("<([^>]*)>; rel=\"(\\w+)\""));
    auto it = entry.globalMatch(QString::fromLatin1(r.header("Link")));
    while (it.hasNext()) {
        const auto m = it.next();
        out.insert(m.captured(2), m.captured(1));
    }
    return out;
}
} // namespace

void TestSandbox::initTestCase()
{
    QVERIFY2(m_server.listen(), qPrintable(m_server.errorString()));
    QVERIFY(m_server.port() != 0);
    QCOMPARE(m_server.baseUrl(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    QCOMPARE(m_server.organization(), QStringLiteral("kitedeck-demo"));
    m_http = std::make_unique<HttpProbe>(m_server.baseUrl(), m_server.readWriteToken());
}

void TestSandbox::init()
{
    m_server.clearFaults();
    m_server.seedDemo();
    m_server.clearRequests();
}

QString TestSandbox::clusterIdNamed(const QString& name)
{
    const QJsonArray clusters = all(org() + QStringLiteral("/clusters"));
    for (const QJsonValue& c : clusters) {
        if (str(c.toObject(), "name") == name)
            return str(c.toObject(), "id");
    }
    return {};
}

QJsonArray TestSandbox::all(const QString& path)
{
    const HttpResult r = m_http->get(path + QStringLiteral("?per_page=100"));
    return r.status == 200 ? r.array() : QJsonArray();
}

QJsonObject TestSandbox::createCluster(const QString& name)
{
    const HttpResult r = m_http->send("POST", org() + QStringLiteral("/clusters"),
        QJsonObject { { QStringLiteral("name"), name } });
    return r.status == 201 ? r.object() : QJsonObject();
}

QJsonObject TestSandbox::createQueue(const QString& clusterId, const QJsonObject& body)
{
    const HttpResult r
        = m_http->send("POST", org() + QStringLiteral("/clusters/%1/queues").arg(clusterId), body);
    return r.status == 201 ? r.object() : QJsonObject();
}

QJsonObject TestSandbox::createToken(const QString& clusterId, const QJsonObject& body)
{
    const HttpResult r
        = m_http->send("POST", org() + QStringLiteral("/clusters/%1/tokens").arg(clusterId), body);
    return r.status == 201 ? r.object() : QJsonObject();
}

void TestSandbox::rootNeedsNoToken()
{
    const HttpResult r = m_http->send("GET", QStringLiteral("/"), {}, QByteArray());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QVERIFY(!r.message().isEmpty());
    const qint64 timestamp = r.object().value(QLatin1StringView("timestamp")).toInteger();
    QVERIFY(qAbs(timestamp - QDateTime::currentSecsSinceEpoch()) < 60);
}

void TestSandbox::accessTokenDescribesTheCaller()
{
    const HttpResult r = m_http->get(QStringLiteral("/v2/access-token"));
    QCOMPARE(r.status, 200);
    const QJsonObject o = r.object();
    QVERIFY(uuid.match(str(o, "uuid")).hasMatch());
    QCOMPARE(o.value(QLatin1StringView("scopes")).toArray(),
        QJsonArray({ QStringLiteral("read_clusters"), QStringLiteral("write_clusters") }));
    QVERIFY(!str(o, "description").isEmpty());
    QVERIFY(isoMs.match(str(o, "created_at")).hasMatch());
    QVERIFY(isNull(o, "expires_at"));
    QCOMPARE(str(obj(o, "user"), "name"), QStringLiteral("Sam Kim"));
    QCOMPARE(str(obj(o, "user"), "email"), QStringLiteral("sam.kim@example.com"));

    const HttpResult ro = m_http->send("GET", QStringLiteral("/v2/access-token"), {},
        "Bearer " + m_server.readOnlyToken().toUtf8());
    QCOMPARE(ro.status, 200);
    QCOMPARE(ro.object().value(QLatin1StringView("scopes")).toArray(),
        QJsonArray({ QStringLiteral("read_clusters") }));
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

void TestSandbox::accessTokenNeedsNoScope()
{
    const QString bare = m_server.addApiToken({}, QStringLiteral("no scopes"));
    const HttpResult r
        = m_http->send("GET", QStringLiteral("/v2/access-token"), {}, "Bearer " + bare.toUtf8());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1StringView("scopes")).toArray(), QJsonArray());
}

void TestSandbox::deletingTheAccessTokenRevokesIt()
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

void TestSandbox::authenticationFailures_data()
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

void TestSandbox::authenticationFailures()
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

void TestSandbox::missingScopes()
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

void TestSandbox::unknownOrganization()
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

void TestSandbox::unknownIds()
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

void TestSandbox::idsFromAnotherClusterAreNotFound()
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

void TestSandbox::unsupportedRoutesAndVerbs()
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

void TestSandbox::headHasHeadersOnly()
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

void TestSandbox::webUrlsAnswer()
{
    const QJsonObject c = all(org() + QStringLiteral("/clusters")).first().toObject();
    const QUrl web(str(c, "web_url"));
    QCOMPARE(web.port(), int(m_server.port()));
    const HttpResult r = m_http->send("GET", web.path(), {}, QByteArray());
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/html"));
    QVERIFY(r.body.contains("Kitedeck sandbox"));
}

void TestSandbox::clusterLifecycle()
{
    const int before = all(org() + QStringLiteral("/clusters")).size();
    HttpResult r = m_http->send("POST", org() + QStringLiteral("/clusters"),
        QJsonObject {
            { QStringLiteral("name"), QStringLiteral("Open Source") },
            { QStringLiteral("description"),
                QStringLiteral("A place for safely running our open source builds") },
            { QStringLiteral("emoji"), QStringLiteral(":technologist:") },
            { QStringLiteral("color"), QStringLiteral("#FFE0F1") },
        });
    QCOMPARE(r.status, 201);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    const QJsonObject c = r.object();
    const QString id = str(c, "id");
    QVERIFY(uuid.match(id).hasMatch());
    QCOMPARE(decodedGraphqlId(c), QStringLiteral("Cluster---") + id);
    QVERIFY(isNull(c, "default_queue_id"));
    QVERIFY(isNull(c, "default_queue_url"));
    QCOMPARE(str(c, "name"), QStringLiteral("Open Source"));
    QCOMPARE(
        str(c, "description"), QStringLiteral("A place for safely running our open source builds"));
    QCOMPARE(str(c, "emoji"), QStringLiteral(":technologist:"));
    QCOMPARE(str(c, "color"), QStringLiteral("#FFE0F1"));
    const QString base = m_server.baseUrl().toString();
    QCOMPARE(str(c, "url"), base + org() + QStringLiteral("/clusters/") + id);
    QCOMPARE(
        str(c, "web_url"), base + QStringLiteral("/organizations/kitedeck-demo/clusters/") + id);
    QCOMPARE(str(c, "queues_url"), str(c, "url") + QStringLiteral("/queues"));
    QVERIFY(isoMs.match(str(c, "created_at")).hasMatch());
    const QJsonObject by = obj(c, "created_by");
    QCOMPARE(str(by, "name"), QStringLiteral("Sam Kim"));
    QCOMPARE(str(by, "email"), QStringLiteral("sam.kim@example.com"));
    QVERIFY(uuid.match(str(by, "id")).hasMatch());
    QCOMPARE(decodedGraphqlId(by), QStringLiteral("User---") + str(by, "id"));
    QVERIFY(by.contains(QLatin1StringView("avatar_url")));
    QVERIFY(isoMs.match(str(by, "created_at")).hasMatch());
    QVERIFY(obj(c, "maintainers").value(QLatin1StringView("users")).isArray());
    QVERIFY(obj(c, "maintainers").value(QLatin1StringView("teams")).isArray());

    r = m_http->get(org() + QStringLiteral("/clusters/") + id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object(), c);
    QCOMPARE(all(org() + QStringLiteral("/clusters")).size(), before + 1);

    r = m_http->send("DELETE", org() + QStringLiteral("/clusters/") + id);
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QVERIFY(!r.hasHeader("Content-Type"));
    QCOMPARE(m_http->get(org() + QStringLiteral("/clusters/") + id).status, 404);
    QCOMPARE(all(org() + QStringLiteral("/clusters")).size(), before);
}

void TestSandbox::clusterUpdateViaPutAndPatch()
{
    const QJsonObject c = createCluster(QStringLiteral("Before"));
    const QString path = org() + QStringLiteral("/clusters/") + str(c, "id");
    HttpResult r = m_http->send(
        "PUT", path, QJsonObject { { QStringLiteral("name"), QStringLiteral("After PUT") } });
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "name"), QStringLiteral("After PUT"));
    r = m_http->send("PATCH", path,
        QJsonObject { { QStringLiteral("description"), QStringLiteral("patched") },
            { QStringLiteral("emoji"), QStringLiteral(":shield:") } });
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "name"), QStringLiteral("After PUT"));
    QCOMPARE(str(r.object(), "description"), QStringLiteral("patched"));
    QCOMPARE(str(r.object(), "emoji"), QStringLiteral(":shield:"));
    QCOMPARE(str(r.object(), "created_at"), str(c, "created_at"));
    r = m_http->send(
        "PATCH", path, QJsonObject { { QStringLiteral("description"), QJsonValue() } });
    QCOMPARE(r.status, 200);
    QVERIFY(isNull(r.object(), "description"));
    QCOMPARE(m_http->get(path).object(), r.object());
}

void TestSandbox::clusterDefaultQueue()
{
    const QJsonObject c = createCluster(QStringLiteral("With default"));
    const QString cid = str(c, "id");
    const QJsonObject q
        = createQueue(cid, { { QStringLiteral("key"), QStringLiteral("default") } });
    QVERIFY(!q.isEmpty());
    HttpResult r = m_http->send("PATCH", org() + QStringLiteral("/clusters/") + cid,
        QJsonObject { { QStringLiteral("default_queue_id"), str(q, "id") } });
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "default_queue_id"), str(q, "id"));
    QCOMPARE(str(r.object(), "default_queue_url"), str(q, "url"));
    QCOMPARE(m_http->get(str(q, "url").mid(m_server.baseUrl().toString().size())).status, 200);
}

void TestSandbox::clusterValidation_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("create without name")
        << QByteArray("POST") << QByteArray(R"({"description":"x"})")
        << QStringLiteral("Validation failed: Name can't be blank");
    QTest::newRow("create with blank name")
        << QByteArray("POST") << QByteArray(R"({"name":"   "})")
        << QStringLiteral("Validation failed: Name can't be blank");
    QTest::newRow("create with null name")
        << QByteArray("POST") << QByteArray(R"({"name":null})")
        << QStringLiteral("Validation failed: Name can't be blank");
    QTest::newRow("create with numeric name")
        << QByteArray("POST") << QByteArray(R"({"name":42})")
        << QStringLiteral("Validation failed: Name must be a string");
    QTest::newRow("update to blank name")
        << QByteArray("PATCH") << QByteArray(R"({"name":""})")
        << QStringLiteral("Validation failed: Name can't be blank");
    QTest::newRow("default queue from another cluster")
        << QByteArray("PUT") << QByteArray(R"({"default_queue_id":"OTHER"})")
        << QStringLiteral("Validation failed: Default queue must be a queue in this cluster");
    QTest::newRow("unknown default queue")
        << QByteArray("PATCH")
        << QByteArray(R"({"default_queue_id":"00000000-0000-4000-8000-000000000000"})")
        << QStringLiteral("Validation failed: Default queue must be a queue in this cluster");
}

void TestSandbox::clusterValidation()
{
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    const QString openSource = clusterIdNamed(QStringLiteral("Open Source"));
    const QString otherQueue
        = str(all(org() + QStringLiteral("/clusters/%1/queues").arg(openSource)).first().toObject(),
            "id");
    body.replace("OTHER", otherQueue.toLatin1());
    const QString path = org()
        + (verb == "POST" ? QStringLiteral("/clusters")
                          : QStringLiteral("/clusters/") + production);
    const QJsonObject before
        = m_http->get(org() + QStringLiteral("/clusters/") + production).object();
    const HttpResult r = m_http->send(verb, path, body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), message);
    QCOMPARE(m_http->get(org() + QStringLiteral("/clusters/") + production).object(), before);
}

void TestSandbox::malformedJsonIs400()
{
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    for (const QByteArray& body :
        { QByteArray("{\"name\": "), QByteArray("not json"), QByteArray("[1,2]") }) {
        const HttpResult r = m_http->send("POST", org() + QStringLiteral("/clusters"), body);
        QCOMPARE(r.status, 400);
        QVERIFY(!r.message().isEmpty());
        const HttpResult u
            = m_http->send("PATCH", org() + QStringLiteral("/clusters/") + production, body);
        QCOMPARE(u.status, 400);
    }
}

void TestSandbox::referenceCurlBodiesWork()
{
    // Verbatim from clusters-queues-tokens-api.md: a trailing comma and Markdown's "\:".
    const QByteArray body = R"({
    "name": "Open Source",
    "description": "A place for safely running our open source builds",
    "emoji": "\:technologist\:",
    "color": "#FFE0F1",
  })";
    const HttpResult r = m_http->send("POST", org() + QStringLiteral("/clusters"), body);
    QCOMPARE(r.status, 201);
    QCOMPARE(str(r.object(), "emoji"), QStringLiteral(":technologist:"));
    QCOMPARE(str(r.object(), "color"), QStringLiteral("#FFE0F1"));
    const QString cid = str(r.object(), "id");
    const HttpResult q = m_http->send("POST",
        org() + QStringLiteral("/clusters/%1/queues").arg(cid),
        QByteArray(
            R"({ "key": "default", "description": "Queue of hosted Buildkite agents", "hostedAgents": { "instanceShape": "LINUX_AMD64_2X4" } })"));
    QCOMPARE(q.status, 201);
    const HttpResult p = m_http->send("POST",
        org()
            + QStringLiteral("/clusters/%1/queues/%2/pause_dispatch")
                  .arg(cid, str(q.object(), "id")),
        QByteArray(R"({ "note": "Paused while we investigate a security issue" })"));
    QCOMPARE(p.status, 200);
    const HttpResult t
        = m_http->send("POST", org() + QStringLiteral("/clusters/%1/tokens").arg(cid),
            QByteArray(R"({ "description": "Windows agents" })"));
    QCOMPARE(t.status, 201);
}

void TestSandbox::selfHostedQueueLifecycle()
{
    const QString cid = str(createCluster(QStringLiteral("Queues")), "id");
    const QString queues = org() + QStringLiteral("/clusters/%1/queues").arg(cid);
    HttpResult r = m_http->send("POST", queues,
        QByteArray(R"({ "key": "default", "description": "The default queue for this cluster" })"));
    QCOMPARE(r.status, 201);
    const QJsonObject q = r.object();
    const QString id = str(q, "id");
    QVERIFY(uuid.match(id).hasMatch());
    QCOMPARE(decodedGraphqlId(q), QStringLiteral("ClusterQueue---") + id);
    QCOMPARE(str(q, "key"), QStringLiteral("default"));
    QCOMPARE(str(q, "description"), QStringLiteral("The default queue for this cluster"));
    QCOMPARE(str(q, "url"), m_server.baseUrl().toString() + queues + QLatin1Char('/') + id);
    QCOMPARE(str(q, "web_url"),
        m_server.baseUrl().toString()
            + QStringLiteral("/organizations/kitedeck-demo/clusters/%1/queues/%2").arg(cid, id));
    QCOMPARE(str(q, "cluster_url"),
        m_server.baseUrl().toString() + org() + QStringLiteral("/clusters/") + cid);
    QCOMPARE(q.value(QLatin1StringView("dispatch_paused")), QJsonValue(false));
    QVERIFY(isNull(q, "dispatch_paused_by"));
    QVERIFY(isNull(q, "dispatch_paused_at"));
    QVERIFY(isNull(q, "dispatch_paused_note"));
    QVERIFY(isoMs.match(str(q, "created_at")).hasMatch());
    QCOMPARE(str(obj(q, "created_by"), "name"), QStringLiteral("Sam Kim"));
    QCOMPARE(str(q, "retry_agent_affinity"), QStringLiteral("prefer-warmest"));
    QCOMPARE(q.value(QLatin1StringView("hosted")), QJsonValue(false));
    QVERIFY(!q.value(QLatin1StringView("hosted_agents")).isObject());

    QCOMPARE(m_http->get(queues + QLatin1Char('/') + id).object(), q);
    QCOMPARE(m_http->get(queues).array(), QJsonArray({ q }));

    r = m_http->send(
        "PUT", queues + QLatin1Char('/') + id, QByteArray(R"({ "description": "via PUT" })"));
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "description"), QStringLiteral("via PUT"));
    r = m_http->send("PATCH", queues + QLatin1Char('/') + id,
        QByteArray(R"({ "retry_agent_affinity": "prefer-different" })"));
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "description"), QStringLiteral("via PUT"));
    QCOMPARE(str(r.object(), "retry_agent_affinity"), QStringLiteral("prefer-different"));

    r = m_http->send("DELETE", queues + QLatin1Char('/') + id);
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(m_http->get(queues + QLatin1Char('/') + id).status, 404);
    QCOMPARE(m_http->get(queues).array(), QJsonArray());
}

void TestSandbox::hostedQueueUsesSnakeCaseInResponses()
{
    const QString cid = str(createCluster(QStringLiteral("Hosted")), "id");
    const HttpResult r = m_http->send("POST",
        org() + QStringLiteral("/clusters/%1/queues").arg(cid),
        QByteArray(
            R"({ "key": "mac", "hostedAgents": { "instanceShape": "MACOS_ARM64_M4_6X28" }, "retry_agent_affinity": "prefer-different" })"));
    QCOMPARE(r.status, 201);
    const QJsonObject q = r.object();
    QCOMPARE(q.value(QLatin1StringView("hosted")), QJsonValue(true));
    QVERIFY(!q.contains(QLatin1StringView("hostedAgents")));
    const QJsonObject shape = obj(obj(q, "hosted_agents"), "instance_shape");
    QCOMPARE(shape,
        QJsonObject({ { QStringLiteral("machine_type"), QStringLiteral("macos") },
            { QStringLiteral("architecture"), QStringLiteral("arm64") },
            { QStringLiteral("cpu"), 6 }, { QStringLiteral("memory"), 28 },
            { QStringLiteral("name"), QStringLiteral("MACOS_ARM64_M4_6X28") } }));
    QCOMPARE(str(q, "retry_agent_affinity"), QStringLiteral("prefer-different"));

    const HttpResult linux = m_http->send("POST",
        org() + QStringLiteral("/clusters/%1/queues").arg(cid),
        QByteArray(
            R"({ "key": "linux", "hostedAgents": { "instanceShape": "LINUX_ARM64_64X256" } })"));
    QCOMPARE(linux.status, 201);
    const QJsonObject agents = obj(linux.object(), "hosted_agents");
    QCOMPARE(str(obj(agents, "instance_shape"), "architecture"), QStringLiteral("arm64"));
    QCOMPARE(obj(agents, "instance_shape").value(QLatin1StringView("memory")).toInt(), 256);
    QVERIFY(obj(agents, "platform_settings").contains(QLatin1StringView("linux")));
}

void TestSandbox::hostedQueueResize()
{
    const QString cid = str(createCluster(QStringLiteral("Resize")), "id");
    const QJsonObject q = createQueue(cid,
        { { QStringLiteral("key"), QStringLiteral("linux") },
            { QStringLiteral("hostedAgents"),
                QJsonObject {
                    { QStringLiteral("instanceShape"), QStringLiteral("LINUX_AMD64_2X4") } } } });
    const QString path = org() + QStringLiteral("/clusters/%1/queues/%2").arg(cid, str(q, "id"));
    const HttpResult r = m_http->send("PATCH", path,
        QByteArray(R"({ "hostedAgents": { "instanceShape": "LINUX_AMD64_16X64" } })"));
    QCOMPARE(r.status, 200);
    QCOMPARE(str(obj(obj(r.object(), "hosted_agents"), "instance_shape"), "name"),
        QStringLiteral("LINUX_AMD64_16X64"));
    QCOMPARE(obj(obj(r.object(), "hosted_agents"), "instance_shape")
                 .value(QLatin1StringView("cpu"))
                 .toInt(),
        16);
}

void TestSandbox::queueValidation_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QByteArray post = "POST";
    QTest::newRow("no key") << post << QByteArray(R"({"description":"x"})")
                            << QStringLiteral("Validation failed: Key can't be blank");
    QTest::newRow("blank key") << post << QByteArray(R"({"key":""})")
                               << QStringLiteral("Validation failed: Key can't be blank");
    QTest::newRow("key with a space")
        << post << QByteArray(R"({"key":"my queue"})")
        << QStringLiteral("Validation failed: Key can only contain letters, numbers, hyphens (-) "
                          "and underscores (_)");
    QTest::newRow("key with a dot")
        << post << QByteArray(R"({"key":"linux.large"})")
        << QStringLiteral("Validation failed: Key can only contain letters, numbers, hyphens (-) "
                          "and underscores (_)");
    QTest::newRow("key of 101 characters")
        << post << ("{\"key\":\"" + QByteArray(101, 'k') + "\"}")
        << QStringLiteral("Validation failed: Key is too long (maximum is 100 characters)");
    QTest::newRow("duplicate key")
        << post << QByteArray(R"({"key":"taken"})")
        << QStringLiteral("Validation failed: Key has already been taken");
    QTest::newRow("bad retry affinity")
        << post << QByteArray(R"({"key":"a","retry_agent_affinity":"prefer-coldest"})")
        << QStringLiteral("Validation failed: Retry agent affinity must be one of prefer-warmest, "
                          "prefer-different");
    QTest::newRow("unknown shape")
        << post << QByteArray(R"({"key":"a","hostedAgents":{"instanceShape":"LINUX_AMD64_3X5"}})")
        << QStringLiteral(
               "Validation failed: Instance shape LINUX_AMD64_3X5 is not a valid instance shape");
    QTest::newRow("no shape") << post << QByteArray(R"({"key":"a","hostedAgents":{}})")
                              << QStringLiteral("Validation failed: Instance shape can't be blank");
    for (const char* removed :
        { "MACOS_M2_4X7", "MACOS_M2_6X14", "MACOS_M2_12X28", "MACOS_M4_12X56" }) {
        QTest::addRow("removed %s", removed)
            << post
            << (QByteArray(R"({"key":"a","hostedAgents":{"instanceShape":")") + removed + "\"}}")
            << QStringLiteral("Validation failed: Instance shape %1 has been removed and is no "
                              "longer available")
                   .arg(QLatin1String(removed));
    }
    QTest::newRow("linux to macos")
        << QByteArray("PATCH")
        << QByteArray(R"({"hostedAgents":{"instanceShape":"MACOS_ARM64_M4_6X28"}})")
        << QStringLiteral("Validation failed: Instance shape machine type cannot be changed (from "
                          "linux to macos); only the size can");
    QTest::newRow("amd64 to arm64")
        << QByteArray("PUT")
        << QByteArray(R"({"hostedAgents":{"instanceShape":"LINUX_ARM64_2X4"}})")
        << QStringLiteral("Validation failed: Instance shape architecture cannot be changed (from "
                          "amd64 to arm64); only the size can");
    QTest::newRow("resize to a removed shape")
        << QByteArray("PATCH") << QByteArray(R"({"hostedAgents":{"instanceShape":"MACOS_M2_4X7"}})")
        << QStringLiteral("Validation failed: Instance shape MACOS_M2_4X7 has been removed and is "
                          "no longer available");
    QTest::newRow("two problems at once")
        << post << QByteArray(R"({"key":"","retry_agent_affinity":"x"})")
        << QStringLiteral("Validation failed: Key can't be blank, Retry agent affinity must be one "
                          "of prefer-warmest, prefer-different");
}

void TestSandbox::queueValidation()
{
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const QString cid = str(createCluster(QStringLiteral("Validation")), "id");
    const QJsonObject existing = createQueue(cid,
        { { QStringLiteral("key"), QStringLiteral("taken") },
            { QStringLiteral("hostedAgents"),
                QJsonObject {
                    { QStringLiteral("instanceShape"), QStringLiteral("LINUX_AMD64_2X4") } } } });
    QVERIFY(!existing.isEmpty());
    const QString queues = org() + QStringLiteral("/clusters/%1/queues").arg(cid);
    const QString path = verb == "POST" ? queues : queues + QLatin1Char('/') + str(existing, "id");
    const HttpResult r = m_http->send(verb, path, body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), message);
    const QJsonArray after = all(queues);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first().toObject(), existing);
}

void TestSandbox::queueKeyIsNotUpdatable()
{
    const QString cid = str(createCluster(QStringLiteral("Keys")), "id");
    const QJsonObject q
        = createQueue(cid, { { QStringLiteral("key"), QStringLiteral("original") } });
    const QString path = org() + QStringLiteral("/clusters/%1/queues/%2").arg(cid, str(q, "id"));
    HttpResult r = m_http->send("PATCH", path, QByteArray(R"({"key":"renamed"})"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(),
        QStringLiteral("Validation failed: Key cannot be changed once the queue is created"));
    // Sending the current key back (a full PUT) is harmless.
    r = m_http->send("PUT", path, QByteArray(R"({"key":"original","description":"same key"})"));
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "key"), QStringLiteral("original"));
}

void TestSandbox::pauseAndResume()
{
    const QString cid = str(createCluster(QStringLiteral("Pausing")), "id");
    const QJsonObject q
        = createQueue(cid, { { QStringLiteral("key"), QStringLiteral("default") } });
    const QString path = org() + QStringLiteral("/clusters/%1/queues/%2").arg(cid, str(q, "id"));

    HttpResult r = m_http->send("POST", path + QStringLiteral("/pause_dispatch"),
        QByteArray(
            R"({ "dispatch_paused_note": "Paused while we investigate a security issue" })"));
    QCOMPARE(r.status, 200);
    QJsonObject paused = r.object();
    QCOMPARE(paused.value(QLatin1StringView("dispatch_paused")), QJsonValue(true));
    QCOMPARE(str(paused, "dispatch_paused_note"),
        QStringLiteral("Paused while we investigate a security issue"));
    QCOMPARE(str(obj(paused, "dispatch_paused_by"), "name"), QStringLiteral("Sam Kim"));
    QVERIFY(isoMs.match(str(paused, "dispatch_paused_at")).hasMatch());
    QCOMPARE(m_http->get(path).object(), paused);

    r = m_http->send(
        "POST", path + QStringLiteral("/pause_dispatch"), QByteArray(R"({"note":"again"})"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.body, messageBody("Cluster queue is already paused"));

    r = m_http->send("POST", path + QStringLiteral("/resume_dispatch"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1StringView("dispatch_paused")), QJsonValue(false));
    QVERIFY(isNull(r.object(), "dispatch_paused_by"));
    QVERIFY(isNull(r.object(), "dispatch_paused_at"));
    QVERIFY(isNull(r.object(), "dispatch_paused_note"));

    r = m_http->send("POST", path + QStringLiteral("/resume_dispatch"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.body, messageBody("Cluster queue is not paused"));

    // A pause without a note, by the read-write user's token.
    r = m_http->send("POST", path + QStringLiteral("/pause_dispatch"));
    QCOMPARE(r.status, 200);
    QVERIFY(isNull(r.object(), "dispatch_paused_note"));
    QCOMPARE(r.object().value(QLatin1StringView("dispatch_paused")), QJsonValue(true));
}

void TestSandbox::pauseAcceptsTheDocumentedNoteKey()
{
    const QString cid = str(createCluster(QStringLiteral("Notes")), "id");
    const QJsonObject q
        = createQueue(cid, { { QStringLiteral("key"), QStringLiteral("default") } });
    const QString path = org() + QStringLiteral("/clusters/%1/queues/%2").arg(cid, str(q, "id"));
    const HttpResult r = m_http->send("POST", path + QStringLiteral("/pause_dispatch"),
        QByteArray(R"({ "note": "From the parameter table" })"));
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "dispatch_paused_note"), QStringLiteral("From the parameter table"));
}

void TestSandbox::deletingTheDefaultQueueClearsIt()
{
    const QString cid = clusterIdNamed(QStringLiteral("Production"));
    const QJsonObject c = m_http->get(org() + QStringLiteral("/clusters/") + cid).object();
    const QString defaultQueue = str(c, "default_queue_id");
    QVERIFY(!defaultQueue.isEmpty());
    QCOMPARE(m_http
                 ->send("DELETE",
                     org() + QStringLiteral("/clusters/%1/queues/%2").arg(cid, defaultQueue))
                 .status,
        204);
    const QJsonObject after = m_http->get(org() + QStringLiteral("/clusters/") + cid).object();
    QVERIFY(isNull(after, "default_queue_id"));
    QVERIFY(isNull(after, "default_queue_url"));
}

void TestSandbox::agentTokenLifecycle()
{
    const QString cid = str(createCluster(QStringLiteral("Tokens")), "id");
    const QString tokens = org() + QStringLiteral("/clusters/%1/tokens").arg(cid);
    HttpResult r
        = m_http->send("POST", tokens, QByteArray(R"({ "description": "Windows agents" })"));
    QCOMPARE(r.status, 201);
    const QJsonObject t = r.object();
    const QString id = str(t, "id");
    QVERIFY(uuid.match(id).hasMatch());
    QCOMPARE(decodedGraphqlId(t), QStringLiteral("ClusterToken---") + id);
    QCOMPARE(str(t, "description"), QStringLiteral("Windows agents"));
    QCOMPARE(str(t, "url"), m_server.baseUrl().toString() + tokens + QLatin1Char('/') + id);
    QCOMPARE(str(t, "cluster_url"),
        m_server.baseUrl().toString() + org() + QStringLiteral("/clusters/") + cid);
    QVERIFY(isoMs.match(str(t, "created_at")).hasMatch());
    QCOMPARE(str(obj(t, "created_by"), "email"), QStringLiteral("sam.kim@example.com"));
    QVERIFY(isNull(t, "expires_at"));
    QVERIFY(t.contains(QLatin1StringView("allowed_ip_addresses")));

    r = m_http->send("PUT", tokens + QLatin1Char('/') + id,
        QByteArray(R"({ "description": "Renamed by PUT" })"));
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "description"), QStringLiteral("Renamed by PUT"));
    r = m_http->send("PATCH", tokens + QLatin1Char('/') + id,
        QByteArray(R"({ "allowed_ip_addresses": "  192.0.2.0/24   198.51.100.12/32 " })"));
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "description"), QStringLiteral("Renamed by PUT"));
    QCOMPARE(
        str(r.object(), "allowed_ip_addresses"), QStringLiteral("192.0.2.0/24 198.51.100.12/32"));

    r = m_http->send("DELETE", tokens + QLatin1Char('/') + id);
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(m_http->get(tokens + QLatin1Char('/') + id).status, 404);
}

void TestSandbox::agentTokenValueOnlyOnCreate()
{
    const QString cid = str(createCluster(QStringLiteral("Secrets")), "id");
    const QString tokens = org() + QStringLiteral("/clusters/%1/tokens").arg(cid);
    const QJsonObject first
        = createToken(cid, { { QStringLiteral("description"), QStringLiteral("one") } });
    const QJsonObject second
        = createToken(cid, { { QStringLiteral("description"), QStringLiteral("two") } });
    const QString value = str(first, "token");
    QVERIFY(value.size() >= 32);
    QVERIFY(value != str(second, "token"));

    const HttpResult list = m_http->get(tokens);
    QCOMPARE(list.array().size(), 2);
    QVERIFY(!list.body.contains(value.toUtf8()));
    for (const QJsonValue& t : list.array())
        QVERIFY(!t.toObject().contains(QLatin1StringView("token")));
    const HttpResult one = m_http->get(tokens + QLatin1Char('/') + str(first, "id"));
    QVERIFY(!one.object().contains(QLatin1StringView("token")));
    const HttpResult updated = m_http->send("PATCH", tokens + QLatin1Char('/') + str(first, "id"),
        QByteArray(R"({"description":"renamed"})"));
    QVERIFY(!updated.body.contains(value.toUtf8()));
    QJsonObject withoutValue = first;
    withoutValue.remove(QStringLiteral("token"));
    QCOMPARE(one.object(), withoutValue);
}

void TestSandbox::agentTokenExpiryAndAllowlist()
{
    const QString cid = str(createCluster(QStringLiteral("Expiry")), "id");
    const QDateTime expires = QDateTime::currentDateTimeUtc().addDays(7);
    QStringList blocks;
    for (int i = 0; i < 24; ++i)
        blocks.append(QStringLiteral("10.%1.0.0/16").arg(i));
    const QJsonObject t = createToken(cid,
        { { QStringLiteral("description"), QStringLiteral("Expiring") },
            { QStringLiteral("expires_at"), expires.toString(Qt::ISODateWithMs) },
            { QStringLiteral("allowed_ip_addresses"), blocks.join(QLatin1Char(' ')) } });
    QVERIFY(!t.isEmpty());
    QVERIFY(isoMs.match(str(t, "expires_at")).hasMatch());
    QCOMPARE(QDateTime::fromString(str(t, "expires_at"), Qt::ISODateWithMs), expires);
    QCOMPARE(str(t, "allowed_ip_addresses"), blocks.join(QLatin1Char(' ')));
    // The other timestamp form in the notes, and a bare address.
    const QJsonObject u = createToken(cid,
        { { QStringLiteral("description"), QStringLiteral("UTC form") },
            { QStringLiteral("expires_at"),
                expires.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) },
            { QStringLiteral("allowed_ip_addresses"), QStringLiteral("203.0.113.7") } });
    QVERIFY(!u.isEmpty());
    QCOMPARE(str(u, "allowed_ip_addresses"), QStringLiteral("203.0.113.7"));
}

void TestSandbox::agentTokenValidation_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("message");
    const QByteArray post = "POST";
    const auto d = [](const QString& description) {
        return QJsonObject { { QStringLiteral("description"), description } };
    };
    auto with = [&](const char* key, const QJsonValue& value) {
        QJsonObject o = d(QStringLiteral("ok"));
        o.insert(QLatin1StringView(key), value);
        return o;
    };
    QTest::newRow("no description")
        << post << QJsonObject() << QStringLiteral("Validation failed: Description can't be blank");
    QTest::newRow("blank description")
        << post << d(QStringLiteral(" "))
        << QStringLiteral("Validation failed: Description can't be blank");
    QTest::newRow("update to blank description") << QByteArray(
        "PATCH") << d(QString()) << QStringLiteral("Validation failed: Description can't be blank");
    QTest::newRow("expiry not a date")
        << post << with("expires_at", QStringLiteral("next tuesday"))
        << QStringLiteral("Validation failed: Expires at is not a valid timestamp: next tuesday");
    QTest::newRow("expiry in the past")
        << post
        << with("expires_at",
               QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODateWithMs))
        << QStringLiteral(
               "Validation failed: Expires at must be at least 10 minutes in the future");
    QTest::newRow("expiry in 5 minutes")
        << post
        << with("expires_at",
               QDateTime::currentDateTimeUtc().addSecs(300).toString(Qt::ISODateWithMs))
        << QStringLiteral(
               "Validation failed: Expires at must be at least 10 minutes in the future");
    QTest::newRow("not a CIDR") << post
                                << with("allowed_ip_addresses", QStringLiteral("10.0.0.0/8 banana"))
                                << QStringLiteral("Validation failed: Allowed ip addresses "
                                                  "contains an invalid IPv4 CIDR block: banana");
    QTest::newRow("octet out of range")
        << post << with("allowed_ip_addresses", QStringLiteral("10.0.0.256/8"))
        << QStringLiteral("Validation failed: Allowed ip addresses contains an invalid IPv4 CIDR "
                          "block: 10.0.0.256/8");
    QTest::newRow("prefix too long")
        << post << with("allowed_ip_addresses", QStringLiteral("10.0.0.0/33"))
        << QStringLiteral("Validation failed: Allowed ip addresses contains an invalid IPv4 CIDR "
                          "block: 10.0.0.0/33");
    QTest::newRow("IPv6") << QByteArray("PATCH")
                          << with("allowed_ip_addresses", QStringLiteral("2001:db8::/32"))
                          << QStringLiteral("Validation failed: Allowed ip addresses contains an "
                                            "invalid IPv4 CIDR block: 2001:db8::/32");
    QStringList many;
    for (int i = 0; i < 25; ++i)
        many.append(QStringLiteral("10.%1.0.0/16").arg(i));
    QTest::newRow("25 blocks") << post << with("allowed_ip_addresses", many.join(QLatin1Char(' ')))
                               << QStringLiteral("Validation failed: Allowed ip addresses can "
                                                 "contain at most 24 CIDR blocks (got 25)");
    QTest::newRow("allowlist as an array")
        << post << with("allowed_ip_addresses", QJsonArray { QStringLiteral("10.0.0.0/8") })
        << QStringLiteral("Validation failed: Allowed ip addresses must be a string of "
                          "space-separated IPv4 CIDR blocks");
}

void TestSandbox::agentTokenValidation()
{
    QFETCH(QByteArray, verb);
    QFETCH(QJsonObject, body);
    QFETCH(QString, message);
    const QString cid = str(createCluster(QStringLiteral("Token validation")), "id");
    const QJsonObject existing
        = createToken(cid, { { QStringLiteral("description"), QStringLiteral("existing") } });
    const QString tokens = org() + QStringLiteral("/clusters/%1/tokens").arg(cid);
    const HttpResult r = m_http->send(
        verb, verb == "POST" ? tokens : tokens + QLatin1Char('/') + str(existing, "id"), body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), message);
    QCOMPARE(all(tokens).size(), 1);
    QCOMPARE(str(all(tokens).first().toObject(), "description"), QStringLiteral("existing"));
}

void TestSandbox::agentTokenExpiryCannotChange()
{
    const QString cid = str(createCluster(QStringLiteral("Fixed expiry")), "id");
    const QString expires = QDateTime::currentDateTimeUtc().addDays(2).toString(Qt::ISODateWithMs);
    const QJsonObject t = createToken(cid,
        { { QStringLiteral("description"), QStringLiteral("fixed") },
            { QStringLiteral("expires_at"), expires } });
    const QString path = org() + QStringLiteral("/clusters/%1/tokens/%2").arg(cid, str(t, "id"));
    HttpResult r = m_http->send("PATCH", path,
        QJsonObject { { QStringLiteral("expires_at"),
            QDateTime::currentDateTimeUtc().addDays(9).toString(Qt::ISODateWithMs) } });
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(),
        QStringLiteral(
            "Validation failed: Expires at cannot be changed after the token is created"));
    r = m_http->send("PATCH", path, QJsonObject { { QStringLiteral("expires_at"), QJsonValue() } });
    QCOMPARE(r.status, 422);
    // Echoing the stored value back is accepted and changes nothing.
    r = m_http->send("PUT", path,
        QJsonObject { { QStringLiteral("description"), QStringLiteral("still fixed") },
            { QStringLiteral("expires_at"), str(t, "expires_at") } });
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "expires_at"), str(t, "expires_at"));
    QCOMPARE(str(r.object(), "description"), QStringLiteral("still fixed"));
}

void TestSandbox::deletingAClusterDeletesItsQueuesAndTokens()
{
    const QString cid = clusterIdNamed(QStringLiteral("Production"));
    const QJsonArray queues = all(org() + QStringLiteral("/clusters/%1/queues").arg(cid));
    const QJsonArray tokens = all(org() + QStringLiteral("/clusters/%1/tokens").arg(cid));
    QVERIFY(queues.size() >= 2 && tokens.size() >= 2);
    QCOMPARE(m_http->send("DELETE", org() + QStringLiteral("/clusters/") + cid).status, 204);
    for (const QJsonValue& q : queues) {
        const HttpResult r
            = m_http->get(str(q.toObject(), "url").mid(m_server.baseUrl().toString().size()));
        QCOMPARE(r.status, 404);
    }
    for (const QJsonValue& t : tokens) {
        const HttpResult r
            = m_http->get(str(t.toObject(), "url").mid(m_server.baseUrl().toString().size()));
        QCOMPARE(r.status, 404);
    }
    // A new cluster with the same name starts empty.
    const QString again = str(createCluster(QStringLiteral("Production")), "id");
    QVERIFY(again != cid);
    QCOMPARE(all(org() + QStringLiteral("/clusters/%1/queues").arg(again)).size(), 0);
    QCOMPARE(all(org() + QStringLiteral("/clusters/%1/tokens").arg(again)).size(), 0);
}

void TestSandbox::paginationAcrossPages()
{
    const QString path = org() + QStringLiteral("/clusters");
    const QString base = m_server.baseUrl().toString() + path;
    const HttpResult first = m_http->get(path + QStringLiteral("?per_page=30"));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.array().size(), 30);
    QCOMPARE(first.header("Link"),
        QByteArray("<" + base.toUtf8() + "?page=1&per_page=30>; rel=\"first\", <" + base.toUtf8()
            + "?page=2&per_page=30>; rel=\"next\", <" + base.toUtf8()
            + "?page=2&per_page=30>; rel=\"last\""));
    const auto firstLinks = links(first);
    QVERIFY(!firstLinks.contains(QStringLiteral("prev")));

    const QUrl next(firstLinks.value(QStringLiteral("next")));
    QCOMPARE(next.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(next.port(), int(m_server.port()));
    const HttpResult second = m_http->get(next.path() + QLatin1Char('?') + next.query());
    QCOMPARE(second.status, 200);
    const int total = m_server.clusterCount();
    QVERIFY(total >= 32);
    QCOMPARE(second.array().size(), total - 30);
    const auto secondLinks = links(second);
    QVERIFY(!secondLinks.contains(QStringLiteral("next")));
    QCOMPARE(
        secondLinks.value(QStringLiteral("prev")), base + QStringLiteral("?page=1&per_page=30"));
    QCOMPARE(
        secondLinks.value(QStringLiteral("first")), base + QStringLiteral("?page=1&per_page=30"));
    QCOMPARE(
        secondLinks.value(QStringLiteral("last")), base + QStringLiteral("?page=2&per_page=30"));

    // Pages do not overlap and together are the whole list.
    QSet<QString> ids;
    for (const HttpResult* page : { &first, &second }) {
        for (const QJsonValue& c : page->array())
            ids.insert(str(c.toObject(), "id"));
    }
    QCOMPARE(ids.size(), total);

    const HttpResult beyond = m_http->get(path + QStringLiteral("?page=9&per_page=30"));
    QCOMPARE(beyond.status, 200);
    QCOMPARE(beyond.array().size(), 0);
}

void TestSandbox::paginationDefaultsAndCap()
{
    const QString path = org() + QStringLiteral("/clusters");
    const HttpResult byDefault = m_http->get(path);
    QCOMPARE(byDefault.array().size(), 30);
    QVERIFY(links(byDefault)
                .value(QStringLiteral("next"))
                .endsWith(QLatin1String("?page=2&per_page=30")));

    const HttpResult capped = m_http->get(path + QStringLiteral("?per_page=500"));
    QCOMPARE(capped.array().size(), m_server.clusterCount());
    const auto cappedLinks = links(capped);
    QVERIFY(!cappedLinks.contains(QStringLiteral("next")));
    QVERIFY(
        cappedLinks.value(QStringLiteral("last")).endsWith(QLatin1String("?page=1&per_page=100")));

    m_server.seedGenerated(150, 1, 0);
    const HttpResult hundred = m_http->get(path + QStringLiteral("?per_page=1000"));
    QCOMPARE(hundred.array().size(), 100);
    QVERIFY(links(hundred)
                .value(QStringLiteral("next"))
                .endsWith(QLatin1String("?page=2&per_page=100")));

    const HttpResult junk = m_http->get(path + QStringLiteral("?page=zero&per_page=-4"));
    QCOMPARE(junk.status, 200);
    QCOMPARE(junk.array().size(), 30);
}

void TestSandbox::paginationOfQueues()
{
    const QString cid = clusterIdNamed(QStringLiteral("Production"));
    const QString path = org() + QStringLiteral("/clusters/%1/queues").arg(cid);
    const int total = all(path).size();
    QVERIFY(total >= 4);
    QStringList keys;
    QString url = m_server.baseUrl().toString() + path + QStringLiteral("?per_page=2");
    int pages = 0;
    while (!url.isEmpty() && pages < 10) {
        const HttpResult page = m_http->get(url.mid(m_server.baseUrl().toString().size()));
        QCOMPARE(page.status, 200);
        QVERIFY(page.array().size() <= 2);
        for (const QJsonValue& q : page.array())
            keys.append(str(q.toObject(), "key"));
        url = links(page).value(QStringLiteral("next"));
        ++pages;
    }
    QCOMPARE(pages, (total + 1) / 2);
    QCOMPARE(keys.size(), total);
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), total);
}

void TestSandbox::rateLimitHeadersOnEveryResponse()
{
    const QList<HttpResult> results = {
        m_http->send("GET", QStringLiteral("/"), {}, QByteArray()),
        m_http->get(org() + QStringLiteral("/clusters")),
        m_http->get(org() + QStringLiteral("/clusters/nope")),
        m_http->send("POST", org() + QStringLiteral("/clusters"), QByteArray("{}")),
        m_http->send("GET", org() + QStringLiteral("/clusters"), {}, QByteArray()),
    };
    for (const HttpResult& r : results) {
        for (const char* name : { "RateLimit-Remaining", "RateLimit-Limit", "RateLimit-Reset",
                 "RateLimit-User-Remaining", "RateLimit-User-Limit", "RateLimit-User-Reset" }) {
            bool ok = false;
            const int value = r.header(name).toInt(&ok);
            QVERIFY2(ok && value >= 0, name);
        }
        QCOMPARE(r.header("RateLimit-Limit"), QByteArray("200"));
        QCOMPARE(r.header("RateLimit-User-Limit"), QByteArray("50"));
        QVERIFY(r.header("RateLimit-Reset").toInt() <= 60);
    }
    // The user's window counts down with the user's requests.
    const int a = results.at(1).header("RateLimit-User-Remaining").toInt();
    const int b = results.at(2).header("RateLimit-User-Remaining").toInt();
    QCOMPARE(b, a - 1);
}

void TestSandbox::rateLimitExceeded()
{
    m_server.setRateLimit(3);
    const QString path = org() + QStringLiteral("/clusters?per_page=1");
    for (int i = 0; i < 3; ++i) {
        const HttpResult r = m_http->get(path);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("RateLimit-User-Limit"), QByteArray("3"));
        QCOMPARE(r.header("RateLimit-User-Remaining").toInt(), 2 - i);
    }
    const HttpResult limited = m_http->get(path);
    QCOMPARE(limited.status, 429);
    const QJsonObject body = limited.object();
    const int reset = body.value(QLatin1StringView("reset")).toInt();
    QVERIFY(reset >= 1 && reset <= 60);
    QCOMPARE(body,
        QJsonObject({ { QStringLiteral("message"),
                          QStringLiteral("You have exceeded your API rate limit. Please wait %1 "
                                         "seconds before making more requests.")
                              .arg(reset) },
            { QStringLiteral("scope"), QStringLiteral("rest_user") },
            { QStringLiteral("limit"), 3 }, { QStringLiteral("current"), 4 },
            { QStringLiteral("reset"), reset } }));
    QCOMPARE(limited.header("RateLimit-User-Remaining"), QByteArray("0"));
    QCOMPARE(limited.header("RateLimit-User-Reset").toInt(), reset);
    QCOMPARE(m_http->get(path).object().value(QLatin1StringView("current")).toInt(), 5);

    // Another user has a window of their own.
    const HttpResult other
        = m_http->send("GET", path, {}, "Bearer " + m_server.readOnlyToken().toUtf8());
    QCOMPARE(other.status, 200);

    // A write that is refused changes nothing.
    const int before = m_server.clusterCount();
    const HttpResult refused
        = m_http->send("POST", org() + QStringLiteral("/clusters"), QByteArray(R"({"name":"x"})"));
    QCOMPARE(refused.status, 429);
    QCOMPARE(m_server.clusterCount(), before);

    m_server.setRateLimit(0);
    QCOMPARE(m_http->get(path).status, 200);
}

void TestSandbox::demoOrganizationLooksReal()
{
    const QJsonArray clusters = all(org() + QStringLiteral("/clusters"));
    QVERIFY(clusters.size() >= 32);
    QSet<QString> emojis, shapes;
    bool empty = false, paused = false, expired = false, soon = false, never = false,
         allowlist = false, open = false, maintained = false, longName = false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue& value : clusters) {
        const QJsonObject c = value.toObject();
        emojis.insert(str(c, "emoji"));
        longName |= str(c, "name").size() > 60;
        maintained |= !obj(c, "maintainers").value(QLatin1StringView("users")).toArray().isEmpty()
            && !obj(c, "maintainers").value(QLatin1StringView("teams")).toArray().isEmpty();
        const QJsonArray queues
            = all(org() + QStringLiteral("/clusters/%1/queues").arg(str(c, "id")));
        const QJsonArray tokens
            = all(org() + QStringLiteral("/clusters/%1/tokens").arg(str(c, "id")));
        empty |= queues.isEmpty() && tokens.isEmpty();
        for (const QJsonValue& q : queues) {
            const QJsonObject queue = q.toObject();
            if (queue.value(QLatin1StringView("hosted")).toBool())
                shapes.insert(
                    str(obj(obj(queue, "hosted_agents"), "instance_shape"), "machine_type")
                    + QLatin1Char('/')
                    + str(obj(obj(queue, "hosted_agents"), "instance_shape"), "architecture"));
            if (queue.value(QLatin1StringView("dispatch_paused")).toBool()) {
                paused = !str(queue, "dispatch_paused_note").isEmpty()
                    && !str(obj(queue, "dispatch_paused_by"), "name").isEmpty()
                    && isoMs.match(str(queue, "dispatch_paused_at")).hasMatch();
            }
        }
        for (const QJsonValue& t : tokens) {
            const QJsonObject token = t.toObject();
            const QDateTime expires
                = QDateTime::fromString(str(token, "expires_at"), Qt::ISODateWithMs);
            expired |= expires.isValid() && expires < now;
            soon |= expires.isValid() && expires > now && expires < now.addDays(7);
            never |= isNull(token, "expires_at");
            allowlist |= !str(token, "allowed_ip_addresses").isEmpty();
            open |= str(token, "allowed_ip_addresses").isEmpty();
        }
    }
    for (const char* e :
        { ":rocket:", ":technologist:", ":shield:", ":package:", ":apple:", ":penguin:" })
        QVERIFY2(emojis.contains(QLatin1String(e)), e);
    QVERIFY(shapes.contains(QStringLiteral("linux/amd64")));
    QVERIFY(shapes.contains(QStringLiteral("linux/arm64")));
    QVERIFY(shapes.contains(QStringLiteral("macos/arm64")));
    QVERIFY(empty);
    QVERIFY(paused);
    QVERIFY(expired);
    QVERIFY(soon);
    QVERIFY(never);
    QVERIFY(allowlist);
    QVERIFY(open);
    QVERIFY(maintained);
    QVERIFY(longName);
}

void TestSandbox::demoIsDeterministic()
{
    SandboxServer other;
    QVERIFY(other.listen());
    other.seedDemo();
    HttpProbe probe(other.baseUrl(), other.readWriteToken());
    QCOMPARE(other.readWriteToken(), m_server.readWriteToken());
    const QJsonArray mine = all(org() + QStringLiteral("/clusters"));
    const QJsonArray theirs = probe.get(org() + QStringLiteral("/clusters?per_page=100")).array();
    QCOMPARE(theirs.size(), mine.size());
    for (qsizetype i = 0; i < mine.size(); ++i) {
        QCOMPARE(str(theirs.at(i).toObject(), "id"), str(mine.at(i).toObject(), "id"));
        QCOMPARE(str(theirs.at(i).toObject(), "name"), str(mine.at(i).toObject(), "name"));
        QCOMPARE(
            str(theirs.at(i).toObject(), "created_at"), str(mine.at(i).toObject(), "created_at"));
    }
}

void TestSandbox::generatedData()
{
    m_server.seedGenerated(20, 25, 5);
    const QJsonArray clusters = all(org() + QStringLiteral("/clusters"));
    QCOMPARE(clusters.size(), 20);
    const QString cid = str(clusters.at(7).toObject(), "id");
    QCOMPARE(all(org() + QStringLiteral("/clusters/%1/queues").arg(cid)).size(), 25);
    QCOMPARE(all(org() + QStringLiteral("/clusters/%1/tokens").arg(cid)).size(), 5);
    m_server.clearData();
    QCOMPARE(all(org() + QStringLiteral("/clusters")).size(), 0);
    QCOMPARE(m_http->get(org() + QStringLiteral("/clusters")).status, 200);
}

void TestSandbox::requestsAreRecorded()
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

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
