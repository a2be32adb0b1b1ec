// SPDX-License-Identifier: MIT
#include "sandboxtestcase.h"

#include <QSignalSpy>
#include <QTest>

using namespace SandboxTest;

// Queues: self-hosted and hosted, validation, pause and resume.
// Plain HTTP over loopback against the sandbox; statuses, bodies and headers are checked
// exactly.
class TestSandboxQueues final : public SandboxTestCase {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(start()); }
    void init() { reset(); }

    void selfHostedQueueLifecycle();
    void hostedQueueUsesSnakeCaseInResponses();
    void hostedQueueResize();
    void queueValidation_data();
    void queueValidation();
    void queueKeyIsNotUpdatable();
    void pauseAndResume();
    void pauseAcceptsTheDocumentedNoteKey();
    void deletingTheDefaultQueueClearsIt();
    void hostedLinuxAgentImageRef();
    void macosRefusesAnAgentImage();
    void noSwitchBetweenHostedAndSelfHosted();
    void snakeCaseHostedAgentsIsIgnored();
    void deletingAQueueDeregistersItsAgents();
};

void TestSandboxQueues::selfHostedQueueLifecycle()
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

void TestSandboxQueues::hostedQueueUsesSnakeCaseInResponses()
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

void TestSandboxQueues::hostedQueueResize()
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

void TestSandboxQueues::queueValidation_data()
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

void TestSandboxQueues::queueValidation()
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

void TestSandboxQueues::queueKeyIsNotUpdatable()
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

void TestSandboxQueues::pauseAndResume()
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

void TestSandboxQueues::pauseAcceptsTheDocumentedNoteKey()
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

void TestSandboxQueues::deletingTheDefaultQueueClearsIt()
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

void TestSandboxQueues::hostedLinuxAgentImageRef()
{
    const QString cid = str(createCluster(QStringLiteral("Images")), "id");
    const QJsonObject q = createQueue(cid,
        { { QStringLiteral("key"), QStringLiteral("custom") },
            { QStringLiteral("hostedAgents"),
                QJsonObject {
                    { QStringLiteral("instanceShape"), QStringLiteral("LINUX_AMD64_4X16") },
                    { QStringLiteral("agentImageRef"),
                        QStringLiteral("ghcr.io/acme/agent:2025-06") } } } });
    QVERIFY(!q.isEmpty());
    const auto imageOf = [](const QJsonObject& queue) {
        return obj(obj(obj(queue, "hosted_agents"), "platform_settings"), "linux")
            .value(QLatin1StringView("agent_image_ref"));
    };
    QCOMPARE(imageOf(q), QJsonValue(QStringLiteral("ghcr.io/acme/agent:2025-06")));
    const QString path = org() + QStringLiteral("/clusters/%1/queues/%2").arg(cid, str(q, "id"));

    // Sent together with the shape, the image changes; the size may change with it.
    HttpResult r = m_http->send("PATCH", path,
        QByteArray(
            R"({"hostedAgents":{"instanceShape":"LINUX_AMD64_8X32","agentImageRef":"ghcr.io/acme/agent:2025-07"}})"));
    QCOMPARE(r.status, 200);
    QCOMPARE(imageOf(r.object()), QJsonValue(QStringLiteral("ghcr.io/acme/agent:2025-07")));
    QCOMPARE(str(obj(obj(r.object(), "hosted_agents"), "instance_shape"), "name"),
        QStringLiteral("LINUX_AMD64_8X32"));
    // A resize alone keeps the image.
    r = m_http->send(
        "PATCH", path, QByteArray(R"({"hostedAgents":{"instanceShape":"LINUX_AMD64_2X4"}})"));
    QCOMPARE(imageOf(r.object()), QJsonValue(QStringLiteral("ghcr.io/acme/agent:2025-07")));
    // Null goes back to Buildkite's image.
    r = m_http->send("PUT", path,
        QByteArray(R"({"hostedAgents":{"instanceShape":"LINUX_AMD64_2X4","agentImageRef":null}})"));
    QCOMPARE(r.status, 200);
    QVERIFY(imageOf(r.object()).isNull());
    QVERIFY(obj(obj(obj(r.object(), "hosted_agents"), "platform_settings"), "linux")
                .contains(QLatin1StringView("agent_image_ref")));
    // Not without the shape.
    r = m_http->send("PATCH", path, QByteArray(R"({"hostedAgents":{"agentImageRef":"x:1"}})"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), QStringLiteral("Validation failed: Instance shape can't be blank"));
    r = m_http->send("PATCH", path,
        QByteArray(R"({"hostedAgents":{"instanceShape":"LINUX_AMD64_2X4","agentImageRef":7}})"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), QStringLiteral("Validation failed: Agent image ref must be a string"));
    QVERIFY(imageOf(m_http->get(path).object()).isNull());
}

void TestSandboxQueues::macosRefusesAnAgentImage()
{
    const QString cid = str(createCluster(QStringLiteral("Macs")), "id");
    const QString queues = org() + QStringLiteral("/clusters/%1/queues").arg(cid);
    const QString refused = QStringLiteral(
        "Validation failed: Agent image ref is only supported on Linux instance shapes");
    HttpResult r = m_http->send("POST", queues,
        QByteArray(
            R"({"key":"mac","hostedAgents":{"instanceShape":"MACOS_ARM64_M4_6X28","agentImageRef":"macos:15"}})"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), refused);
    QCOMPARE(all(queues).size(), 0);
    const QJsonObject mac = createQueue(cid,
        { { QStringLiteral("key"), QStringLiteral("mac") },
            { QStringLiteral("hostedAgents"),
                QJsonObject { { QStringLiteral("instanceShape"),
                    QStringLiteral("MACOS_ARM64_M4_6X28") } } } });
    QVERIFY(!obj(mac, "hosted_agents").contains(QLatin1StringView("platform_settings")));
    r = m_http->send("PATCH", queues + QLatin1Char('/') + str(mac, "id"),
        QByteArray(
            R"({"hostedAgents":{"instanceShape":"MACOS_ARM64_M4_12X56","agentImageRef":"macos:15"}})"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), refused);
    QCOMPARE(m_http->get(queues + QLatin1Char('/') + str(mac, "id")).object(), mac);
}

void TestSandboxQueues::noSwitchBetweenHostedAndSelfHosted()
{
    const QString cid = str(createCluster(QStringLiteral("Switch")), "id");
    const QJsonObject self
        = createQueue(cid, { { QStringLiteral("key"), QStringLiteral("self") } });
    const QJsonObject hosted = createQueue(cid,
        { { QStringLiteral("key"), QStringLiteral("hosted") },
            { QStringLiteral("hostedAgents"),
                QJsonObject {
                    { QStringLiteral("instanceShape"), QStringLiteral("LINUX_AMD64_2X4") } } } });
    const QString queues = org() + QStringLiteral("/clusters/%1/queues/").arg(cid);
    HttpResult r = m_http->send("PATCH", queues + str(self, "id"),
        QByteArray(R"({"hostedAgents":{"instanceShape":"LINUX_AMD64_2X4"}})"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(),
        QStringLiteral("Validation failed: A self-hosted queue cannot be changed into a hosted "
                       "queue; create a new queue"));
    r = m_http->send("PUT", queues + str(hosted, "id"), QByteArray(R"({"hostedAgents":null})"));
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(),
        QStringLiteral("Validation failed: A hosted queue cannot be changed into a self-hosted "
                       "queue; create a new queue"));
    QCOMPARE(m_http->get(queues + str(self, "id")).object(), self);
    QCOMPARE(m_http->get(queues + str(hosted, "id")).object(), hosted);
    // Saying "not hosted" of a self-hosted queue changes nothing and is fine.
    r = m_http->send("PATCH", queues + str(self, "id"),
        QByteArray(R"({"hostedAgents":null,"description":"still mine"})"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object().value(QLatin1StringView("hosted")), QJsonValue(false));
}

void TestSandboxQueues::snakeCaseHostedAgentsIsIgnored()
{
    // Only camelCase hostedAgents is a request parameter; like Rails, the sandbox drops an
    // unpermitted one without a word.
    const QString cid = str(createCluster(QStringLiteral("Snake")), "id");
    HttpResult r = m_http->send("POST", org() + QStringLiteral("/clusters/%1/queues").arg(cid),
        QByteArray(R"({"key":"snake","hosted_agents":{"instance_shape":"LINUX_AMD64_2X4"}})"));
    QCOMPARE(r.status, 201);
    QCOMPARE(r.object().value(QLatin1StringView("hosted")), QJsonValue(false));
    QVERIFY(r.object().value(QLatin1StringView("hosted_agents")).isNull());

    const QJsonObject hosted = createQueue(cid,
        { { QStringLiteral("key"), QStringLiteral("camel") },
            { QStringLiteral("hostedAgents"),
                QJsonObject {
                    { QStringLiteral("instanceShape"), QStringLiteral("LINUX_AMD64_2X4") } } } });
    const QString path
        = org() + QStringLiteral("/clusters/%1/queues/%2").arg(cid, str(hosted, "id"));
    // Echoing a response back (snake_case, with a new size) changes nothing either.
    QJsonObject echo = hosted;
    QJsonObject agents = obj(hosted, "hosted_agents");
    QJsonObject shape = obj(agents, "instance_shape");
    shape.insert(QStringLiteral("name"), QStringLiteral("LINUX_AMD64_16X64"));
    agents.insert(QStringLiteral("instance_shape"), shape);
    echo.insert(QStringLiteral("hosted_agents"), agents);
    r = m_http->send("PUT", path, echo);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.object(), hosted);
}

void TestSandboxQueues::deletingAQueueDeregistersItsAgents()
{
    const QString cid = clusterIdNamed(QStringLiteral("Production"));
    QString deploy;
    for (const QJsonValue& q : all(org() + QStringLiteral("/clusters/%1/queues").arg(cid))) {
        if (str(q.toObject(), "key") == QLatin1String("deploy"))
            deploy = str(q.toObject(), "id");
    }
    const QStringList agents = m_server.agentIds(deploy);
    QCOMPARE(agents.size(), 2);
    const int before = m_server.agentCount();
    QCOMPARE(
        m_http->send("DELETE", org() + QStringLiteral("/clusters/%1/queues/%2").arg(cid, deploy))
            .status,
        204);
    QCOMPARE(m_server.agentCount(), before - 2);
    QCOMPARE(m_server.agentCount(deploy), 0);
    for (const QString& id : agents)
        QCOMPARE(m_http->get(org() + QStringLiteral("/agents/") + id).status, 404);
    const HttpResult r = m_http->get(org() + QStringLiteral("/agents?cluster_queue_id=") + deploy);
    QCOMPARE(r.array().size(), 0);
}

QTEST_GUILESS_MAIN(TestSandboxQueues)
#include "tst_sandbox_queues.moc"
