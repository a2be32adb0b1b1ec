// SPDX-License-Identifier: MIT
#include "sandboxtestcase.h"

#include <QSignalSpy>
#include <QTest>

using namespace SandboxTest;

// Clusters: lifecycle, updates, validation, the default cluster and maintainers.
// Plain HTTP over loopback against the sandbox; statuses, bodies and headers are checked
// exactly.
class TestSandboxClusters final : public SandboxTestCase {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(start()); }
    void init() { reset(); }

    void clusterLifecycle();
    void clusterUpdateViaPutAndPatch();
    void clusterDefaultQueue();
    void clusterValidation_data();
    void clusterValidation();
    void malformedJsonIs400();
    void referenceCurlBodiesWork();
    void deletingAClusterDeletesItsQueuesAndTokens();
    void defaultClusterCannotBeDeleted();
    void maintainersList();
    void maintainersAddAndRemove();
    void maintainerValidation_data();
    void maintainerValidation();
    void deletingAClusterDeregistersItsAgents();
};

void TestSandboxClusters::clusterLifecycle()
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

void TestSandboxClusters::clusterUpdateViaPutAndPatch()
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

void TestSandboxClusters::clusterDefaultQueue()
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

void TestSandboxClusters::clusterValidation_data()
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

void TestSandboxClusters::clusterValidation()
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

void TestSandboxClusters::malformedJsonIs400()
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

void TestSandboxClusters::referenceCurlBodiesWork()
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

void TestSandboxClusters::deletingAClusterDeletesItsQueuesAndTokens()
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

void TestSandboxClusters::defaultClusterCannotBeDeleted()
{
    const QString openSource = clusterIdNamed(QStringLiteral("Open Source"));
    QCOMPARE(m_server.defaultClusterId(), openSource);
    const QString path = org() + QStringLiteral("/clusters/") + openSource;
    const QJsonObject before = m_http->get(path).object();
    const HttpResult r = m_http->send("DELETE", path);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(),
        QStringLiteral("This is the organization's default cluster for new pipelines, so it "
                       "can't be deleted. Make another cluster the default first."));
    QCOMPARE(m_http->get(path).object(), before);
    QCOMPARE(all(org() + QStringLiteral("/clusters/%1/queues").arg(openSource)).size(), 3);

    // Once another cluster is the default, it can go.
    m_server.setDefaultClusterId(clusterIdNamed(QStringLiteral("Staging")));
    QCOMPARE(m_http->send("DELETE", path).status, 204);
    QCOMPARE(m_http->get(path).status, 404);
    m_server.setDefaultClusterId({});
    QCOMPARE(
        m_http
            ->send("DELETE",
                org() + QStringLiteral("/clusters/") + clusterIdNamed(QStringLiteral("Staging")))
            .status,
        204);
}

void TestSandboxClusters::maintainersList()
{
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    const QJsonObject cluster
        = m_http->get(org() + QStringLiteral("/clusters/") + production).object();
    const HttpResult r
        = m_http->get(org() + QStringLiteral("/clusters/%1/maintainers").arg(production));
    QCOMPARE(r.status, 200);
    QVERIFY(r.hasHeader("Link"));
    const QJsonArray list = r.array();
    QCOMPARE(list.size(), 2);
    const QJsonObject maintainers = obj(cluster, "maintainers");
    QJsonArray fromCluster;
    for (const QJsonValue& v : maintainers.value(QLatin1StringView("users")).toArray())
        fromCluster.append(v);
    for (const QJsonValue& v : maintainers.value(QLatin1StringView("teams")).toArray())
        fromCluster.append(v);
    QCOMPARE(QSet<QString>({ str(list.at(0).toObject(), "id"), str(list.at(1).toObject(), "id") }),
        QSet<QString>(
            { str(fromCluster.at(0).toObject(), "id"), str(fromCluster.at(1).toObject(), "id") }));
    for (const QJsonValue& v : list) {
        const QJsonObject actor = obj(v.toObject(), "actor");
        QVERIFY(uuid.match(str(actor, "id")).hasMatch());
        const QString type = str(actor, "type");
        QVERIFY(type == QLatin1String("user") || type == QLatin1String("team"));
        QVERIFY(!str(actor, type == QLatin1String("user") ? "email" : "slug").isEmpty());
    }
}

void TestSandboxClusters::maintainersAddAndRemove()
{
    const QString cid = str(createCluster(QStringLiteral("Maintained")), "id");
    const QString path = org() + QStringLiteral("/clusters/%1/maintainers").arg(cid);
    QCOMPARE(m_http->get(path).array(), QJsonArray());
    HttpResult r = m_http->send(
        "POST", path, QJsonObject { { QStringLiteral("user"), m_server.memberUserId() } });
    QCOMPARE(r.status, 201);
    const QJsonObject added = r.object();
    QVERIFY(uuid.match(str(added, "id")).hasMatch());
    QCOMPARE(str(obj(added, "actor"), "id"), m_server.memberUserId());
    QCOMPARE(str(obj(added, "actor"), "name"), QStringLiteral("Hannah Novak"));
    QCOMPARE(str(obj(added, "actor"), "type"), QStringLiteral("user"));
    QCOMPARE(m_http->get(path).array(), QJsonArray({ added }));
    const QJsonObject cluster = m_http->get(org() + QStringLiteral("/clusters/") + cid).object();
    QCOMPARE(obj(cluster, "maintainers").value(QLatin1StringView("users")).toArray(),
        QJsonArray({ added }));

    // The new maintainer may now write to it.
    const QByteArray member = bearer(
        m_server.addApiTokenForUser(m_server.memberUserId(), { QStringLiteral("write_clusters") }));
    QCOMPARE(m_http
                 ->send("PATCH", org() + QStringLiteral("/clusters/") + cid,
                     QByteArray(R"({"name":"Now Hannah maintains it"})"), member)
                 .status,
        200);

    // A team, by id.
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    QString teamId;
    for (const QJsonValue& v :
        m_http->get(org() + QStringLiteral("/clusters/%1/maintainers").arg(production)).array()) {
        if (str(obj(v.toObject(), "actor"), "type") == QLatin1String("team"))
            teamId = str(obj(v.toObject(), "actor"), "id");
    }
    r = m_http->send("POST", path, QJsonObject { { QStringLiteral("team"), teamId } });
    QCOMPARE(r.status, 201);
    QCOMPARE(str(obj(r.object(), "actor"), "slug"), QStringLiteral("platform"));

    r = m_http->send("DELETE", path + QLatin1Char('/') + str(added, "id"));
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    r = m_http->send("DELETE", path + QLatin1Char('/') + str(added, "id"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, messageBody("No maintainer found"));
    QCOMPARE(m_http->get(path).array().size(), 1);
    QCOMPARE(m_http
                 ->send("PATCH", org() + QStringLiteral("/clusters/") + cid,
                     QByteArray(R"({"name":"not any more"})"), member)
                 .status,
        403);
}

void TestSandboxClusters::maintainerValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    QTest::newRow("nothing") << QByteArray(
        "{}") << QStringLiteral("Validation failed: Give either a user or a team (by id)");
    QTest::newRow("both") << QByteArray(R"({"user":"a","team":"b"})")
                          << QStringLiteral(
                                 "Validation failed: Give either a user or a team (by id)");
    QTest::newRow("unknown user") << QByteArray(
        R"({"user":"00000000-0000-4000-8000-000000000000"})")
                                  << QStringLiteral("Validation failed: User not found");
    QTest::newRow("unknown team") << QByteArray(
        R"({"team":"00000000-0000-4000-8000-000000000000"})")
                                  << QStringLiteral("Validation failed: Team not found");
    QTest::newRow("already one")
        << QByteArray(R"({"user":"PRIYA"})")
        << QStringLiteral("Validation failed: Actor is already a maintainer of this cluster");
}

void TestSandboxClusters::maintainerValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    const QString path = org() + QStringLiteral("/clusters/%1/maintainers").arg(production);
    const QJsonArray before = m_http->get(path).array();
    for (const QJsonValue& v : before) {
        if (str(obj(v.toObject(), "actor"), "type") == QLatin1String("user"))
            body.replace("PRIYA", str(obj(v.toObject(), "actor"), "id").toLatin1());
    }
    const HttpResult r = m_http->send("POST", path, body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), message);
    QCOMPARE(m_http->get(path).array(), before);
}

void TestSandboxClusters::deletingAClusterDeregistersItsAgents()
{
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    const QStringList everything = m_server.agentIds();
    const int before = everything.size();
    QStringList ours;
    for (const QJsonValue& q : all(org() + QStringLiteral("/clusters/%1/queues").arg(production)))
        ours += m_server.agentIds(str(q.toObject(), "id"));
    QVERIFY(ours.size() >= 10);
    QCOMPARE(m_http->send("DELETE", org() + QStringLiteral("/clusters/") + production).status, 204);
    QCOMPARE(m_server.agentCount(), before - ours.size());
    for (const QString& id : ours)
        QCOMPARE(m_http->get(org() + QStringLiteral("/agents/") + id).status, 404);
}

QTEST_GUILESS_MAIN(TestSandboxClusters)
#include "tst_sandbox_clusters.moc"
