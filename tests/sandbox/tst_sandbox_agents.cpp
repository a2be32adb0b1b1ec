// SPDX-License-Identifier: MIT
#include "sandboxtestcase.h"

#include <QTest>
#include <QUrlQuery>

using namespace SandboxTest;

// The agents API as api-notes.md describes it (list, get, pause, resume, stop), and the C++
// calls tests use to make agents come and go and take jobs.
class TestSandboxAgents final : public SandboxTestCase {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(start()); }
    void init() { reset(); }

    void listShowsConnectedAndStoppingAgentsOnly();
    void agentHasTheDocumentedFields();
    void busyAgentCarriesItsJob();
    void getFindsAnyAgent();
    void filters_data();
    void filters();
    void countsFollowTheAgents();
    void agentWithoutAQueue();
    void pauseAndResume();
    void pauseValidation_data();
    void pauseValidation();
    void pausedAgentsAndQueuesGetNoJobs();
    void gracefulStopOfAnIdleAgent();
    void gracefulStopOfABusyAgentWaitsForItsJob();
    void forceStopCancelsTheJob();
    void stopOnlyConnectedAgents();
    void agentRoutesAndVerbs();

private:
    QString agents() const { return org() + QStringLiteral("/agents"); }
    QString queueId(const QString& clusterName, const QString& key);
    QJsonObject agent(const QString& id);
    HttpResult put(const QString& id, const char* action, const QByteArray& body = "{}");
};

QString TestSandboxAgents::queueId(const QString& clusterName, const QString& key)
{
    const QString cid = clusterIdNamed(clusterName);
    for (const QJsonValue& q : all(org() + QStringLiteral("/clusters/%1/queues").arg(cid))) {
        if (str(q.toObject(), "key") == key)
            return str(q.toObject(), "id");
    }
    return {};
}

QJsonObject TestSandboxAgents::agent(const QString& id)
{
    return m_http->get(agents() + QLatin1Char('/') + id).object();
}

HttpResult TestSandboxAgents::put(const QString& id, const char* action, const QByteArray& body)
{
    return m_http->send(
        "PUT", agents() + QStringLiteral("/%1/%2").arg(id, QLatin1String(action)), body);
}

void TestSandboxAgents::listShowsConnectedAndStoppingAgentsOnly()
{
    const HttpResult r = m_http->get(agents() + QStringLiteral("?per_page=100"));
    QCOMPARE(r.status, 200);
    const QJsonArray list = r.array();
    QCOMPARE(list.size(), m_server.agentCount());
    QVERIFY(list.size() >= 30);
    QSet<QString> states;
    int busy = 0, paused = 0;
    for (const QJsonValue& v : list) {
        const QJsonObject a = v.toObject();
        states.insert(str(a, "connection_state"));
        busy += a.value(QLatin1StringView("job")).isObject();
        paused += a.value(QLatin1StringView("paused")).toBool();
    }
    QCOMPARE(states, QSet<QString>({ QStringLiteral("connected"), QStringLiteral("stopping") }));
    QCOMPARE(busy, m_server.busyAgentCount());
    QCOMPARE(paused, m_server.pausedAgentCount());
    QVERIFY(busy > 0 && busy < list.size());
    QVERIFY(paused > 0);

    QStringList ids;
    for (const QJsonValue& v : list)
        ids.append(str(v.toObject(), "id"));
    QCOMPARE(ids, m_server.agentIds());
}

void TestSandboxAgents::agentHasTheDocumentedFields()
{
    const QString qid = queueId(QStringLiteral("Production"), QStringLiteral("default"));
    const QString cid = clusterIdNamed(QStringLiteral("Production"));
    const QString id = m_server.agentIds(qid).value(4); // an idle one
    QVERIFY(!id.isEmpty());
    const QJsonObject a = agent(id);
    for (const char* key : { "id", "graphql_id", "url", "web_url", "name", "connection_state",
             "hostname", "ip_address", "user_agent", "version", "os_id", "arch", "queue", "creator",
             "created_at", "connected_at", "disconnected_at", "lost_at", "job",
             "last_job_finished_at", "priority", "meta_data", "paused", "paused_at", "paused_by",
             "paused_note", "paused_timeout_in_minutes" })
        QVERIFY2(a.contains(QLatin1String(key)), key);
    QCOMPARE(str(a, "id"), id);
    QVERIFY(uuid.match(id).hasMatch());
    QCOMPARE(decodedGraphqlId(a), QStringLiteral("Agent---") + id);
    const QString base = m_server.baseUrl().toString();
    QCOMPARE(str(a, "url"), base + agents() + QLatin1Char('/') + id);
    QCOMPARE(str(a, "web_url"),
        base
            + QStringLiteral("/organizations/kitedeck-demo/clusters/%1/queues/%2/agents/%3")
                  .arg(cid, qid, id));
    QCOMPARE(str(a, "connection_state"), QStringLiteral("connected"));
    QCOMPARE(str(a, "queue"), QStringLiteral("default"));
    QCOMPARE(a.value(QLatin1StringView("meta_data")).toArray(),
        QJsonArray({ QStringLiteral("queue=default") }));
    QCOMPARE(str(a, "user_agent"),
        QStringLiteral("buildkite-agent/%1 (%2; %3)")
            .arg(str(a, "version"), str(a, "os_id"), str(a, "arch")));
    QCOMPARE(str(a, "os_id"), QStringLiteral("linux"));
    QCOMPARE(str(a, "arch"), QStringLiteral("amd64"));
    QVERIFY(isoMs.match(str(a, "created_at")).hasMatch());
    QVERIFY(isoMs.match(str(a, "connected_at")).hasMatch());
    QVERIFY(isNull(a, "disconnected_at"));
    QVERIFY(isNull(a, "lost_at"));
    QVERIFY(isNull(a, "job"));
    QVERIFY(isNull(a, "priority"));
    QCOMPARE(a.value(QLatin1StringView("paused")), QJsonValue(false));
    QVERIFY(isNull(a, "paused_by"));
    QVERIFY(isNull(a, "paused_timeout_in_minutes"));
    QVERIFY(!str(obj(a, "creator"), "name").isEmpty());
    // The address is one the cluster's token allows (10.20.0.0/16 10.21.0.0/16).
    QVERIFY2(
        str(a, "ip_address").startsWith(QLatin1String("10.20.")), qPrintable(str(a, "ip_address")));

    // The web_url answers like the other web pages.
    const HttpResult page = m_http->send("GET", pathOf(str(a, "web_url")), {}, QByteArray());
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("Content-Type").startsWith("text/html"));

    // Hosted agents report the shape's platform.
    const QString mac
        = m_server.agentIds(queueId(QStringLiteral("Apple platforms"), QStringLiteral("macos")))
              .value(0);
    const QJsonObject m = agent(mac);
    QCOMPARE(str(m, "os_id"), QStringLiteral("darwin"));
    QCOMPARE(str(m, "arch"), QStringLiteral("arm64"));
}

void TestSandboxAgents::busyAgentCarriesItsJob()
{
    const QString qid = queueId(QStringLiteral("Production"), QStringLiteral("default"));
    const QJsonObject a = agent(m_server.agentIds(qid).value(0));
    const QJsonObject job = obj(a, "job");
    QVERIFY(!job.isEmpty());
    QVERIFY(uuid.match(str(job, "id")).hasMatch());
    QCOMPARE(decodedGraphqlId(job), QStringLiteral("Job---") + str(job, "id"));
    QCOMPARE(str(job, "type"), QStringLiteral("script"));
    QCOMPARE(str(job, "state"), QStringLiteral("running"));
    QVERIFY(!str(job, "name").isEmpty());
    QCOMPARE(job.value(QLatin1StringView("agent_query_rules")).toArray(),
        QJsonArray({ QStringLiteral("queue=default") }));
    QVERIFY(str(job, "build_url").contains(QLatin1String("/pipelines/")));
    QVERIFY(str(job, "web_url").endsWith(QLatin1Char('#') + str(job, "id")));
    QCOMPARE(str(job, "log_url"),
        str(job, "build_url") + QStringLiteral("/jobs/%1/log").arg(str(job, "id")));
    QVERIFY(isoMs.match(str(job, "started_at")).hasMatch());
    QVERIFY(isNull(job, "finished_at"));
}

void TestSandboxAgents::getFindsAnyAgent()
{
    // The demo's production fleet has one agent that scaled in and one that was lost: not in
    // the list, still there by id.
    const QString qid = queueId(QStringLiteral("Production"), QStringLiteral("default"));
    const QString listed = m_server.agentIds(qid).constLast();
    const QString gone = m_server.connectAgent(qid);
    const QString lost = m_server.connectAgent(qid);
    QVERIFY(m_server.disconnectAgent(gone));
    QVERIFY(m_server.loseAgent(lost));
    QVERIFY(!m_server.agentIds().contains(gone));
    QCOMPARE(m_server.agentIds(qid).constLast(), listed);

    QJsonObject a = agent(gone);
    QCOMPARE(str(a, "connection_state"), QStringLiteral("disconnected"));
    QVERIFY(isoMs.match(str(a, "disconnected_at")).hasMatch());
    QVERIFY(isNull(a, "lost_at"));
    a = agent(lost);
    QCOMPARE(str(a, "connection_state"), QStringLiteral("lost"));
    QVERIFY(isoMs.match(str(a, "lost_at")).hasMatch());
    QVERIFY(isNull(a, "disconnected_at"));

    const HttpResult missing
        = m_http->get(agents() + QStringLiteral("/00000000-0000-4000-8000-000000000000"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.body, messageBody("No agent found"));
}

void TestSandboxAgents::filters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("name") << QStringLiteral("name") << QStringLiteral("name");
    QTest::newRow("hostname") << QStringLiteral("hostname") << QStringLiteral("hostname");
    QTest::newRow("version") << QStringLiteral("version") << QStringLiteral("version");
}

void TestSandboxAgents::filters()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    const QJsonArray everything = all(agents());
    const QJsonObject sample = everything.at(3).toObject();
    const QString value = sample.value(field).toString();
    int expected = 0;
    for (const QJsonValue& v : everything)
        expected += v.toObject().value(field).toString() == value;
    QUrlQuery q;
    q.addQueryItem(query, value);
    q.addQueryItem(QStringLiteral("per_page"), QStringLiteral("100"));
    const HttpResult r = m_http->get(agents() + QLatin1Char('?') + q.toString(QUrl::FullyEncoded));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.array().size(), expected);
    for (const QJsonValue& v : r.array())
        QCOMPARE(v.toObject().value(field).toString(), value);

    q.clear();
    q.addQueryItem(query, QStringLiteral("no-such-") + field);
    QCOMPARE(m_http->get(agents() + QLatin1Char('?') + q.toString()).array().size(), 0);
}

void TestSandboxAgents::countsFollowTheAgents()
{
    // A queue with no agents: the agents of one queue come from cluster_queue_id.
    const QString qid = queueId(QStringLiteral("Security"), QStringLiteral("sbom"));
    const QString byQueue = agents() + QStringLiteral("?cluster_queue_id=") + qid;
    QCOMPARE(m_http->get(byQueue).array().size(), 0);
    QCOMPARE(m_server.agentCount(qid), 0);

    const QString a = m_server.connectAgent(qid);
    SandboxServer::AgentOptions options;
    options.name = QStringLiteral("sbom-builder");
    options.tags = { QStringLiteral("docker=true") };
    options.priority = 3;
    const QString b = m_server.connectAgent(qid, options);
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    QCOMPARE(m_server.agentCount(qid), 2);
    QJsonArray listed = m_http->get(byQueue).array();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(str(listed.at(0).toObject(), "id"), a);
    const QJsonObject named = listed.at(1).toObject();
    QCOMPARE(str(named, "name"), QStringLiteral("sbom-builder"));
    QCOMPARE(named.value(QLatin1StringView("priority")).toInt(), 3);
    QCOMPARE(named.value(QLatin1StringView("meta_data")).toArray(),
        QJsonArray({ QStringLiteral("queue=sbom"), QStringLiteral("docker=true") }));

    const QString job = m_server.assignJob(a, QStringLiteral(":package: SBOM"));
    QVERIFY(!job.isEmpty());
    QVERIFY(m_server.assignJob(a).isEmpty()); // one job at a time
    QCOMPARE(m_server.busyAgentCount(qid), 1);
    QCOMPARE(str(obj(agent(a), "job"), "id"), job);
    QCOMPARE(str(obj(agent(a), "job"), "name"), QStringLiteral(":package: SBOM"));

    QVERIFY(m_server.finishJob(a));
    QVERIFY(!m_server.finishJob(a));
    QCOMPARE(m_server.busyAgentCount(qid), 0);
    QVERIFY(isNull(agent(a), "job"));
    QVERIFY(isoMs.match(str(agent(a), "last_job_finished_at")).hasMatch());

    const int before = m_server.agentCount();
    QVERIFY(m_server.disconnectAgent(b));
    QVERIFY(!m_server.disconnectAgent(b));
    QCOMPARE(m_server.agentCount(qid), 1);
    QCOMPARE(m_server.agentCount(), before - 1);
    QCOMPARE(m_server.agentConnectionState(b), QStringLiteral("disconnected"));
    QCOMPARE(m_http->get(byQueue).array().size(), 1);
    QVERIFY(m_server.connectAgent(QStringLiteral("no-such-queue")).isEmpty());

    // An unknown queue id is an empty list, not an error.
    const HttpResult unknown = m_http->get(agents() + QStringLiteral("?cluster_queue_id=nope"));
    QCOMPARE(unknown.status, 200);
    QCOMPARE(unknown.array().size(), 0);
}

void TestSandboxAgents::agentWithoutAQueue()
{
    // An agent started without a queue tag in a cluster without a default queue belongs to
    // no queue at all.
    const QString cid = clusterIdNamed(QStringLiteral("Staging"));
    const QString id = m_server.connectAgentToCluster(cid);
    QVERIFY(!id.isEmpty());
    const QJsonObject a = agent(id);
    QVERIFY(isNull(a, "queue"));
    QCOMPARE(a.value(QLatin1StringView("meta_data")).toArray(), QJsonArray());
    QCOMPARE(str(a, "web_url"),
        m_server.baseUrl().toString() + QStringLiteral("/organizations/kitedeck-demo/agents/")
            + id);
    // With a default queue it joins that one.
    const QString production = clusterIdNamed(QStringLiteral("Production"));
    const QString joined = m_server.connectAgentToCluster(production);
    QCOMPARE(str(agent(joined), "queue"), QStringLiteral("default"));
}

void TestSandboxAgents::pauseAndResume()
{
    const QString qid = queueId(QStringLiteral("Production"), QStringLiteral("deploy"));
    const QString id = m_server.agentIds(qid).value(1); // idle
    QVERIFY(isNull(agent(id), "job"));

    HttpResult r = put(
        id, "pause", QByteArray(R"({"note":"Rotating deploy keys","timeout_in_minutes":60})"));
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QJsonObject a = agent(id);
    QCOMPARE(a.value(QLatin1StringView("paused")), QJsonValue(true));
    QCOMPARE(str(a, "paused_note"), QStringLiteral("Rotating deploy keys"));
    QCOMPARE(str(obj(a, "paused_by"), "name"), QStringLiteral("Sam Kim"));
    QVERIFY(isoMs.match(str(a, "paused_at")).hasMatch());
    QCOMPARE(a.value(QLatin1StringView("paused_timeout_in_minutes")).toInt(), 60);
    QCOMPARE(str(a, "connection_state"), QStringLiteral("connected")); // still listed
    QVERIFY(m_server.agentIds().contains(id));

    r = put(id, "pause");
    QCOMPARE(r.status, 422);
    QCOMPARE(r.body, messageBody("Agent is already paused"));

    r = put(id, "resume");
    QCOMPARE(r.status, 204);
    a = agent(id);
    QCOMPARE(a.value(QLatin1StringView("paused")), QJsonValue(false));
    QVERIFY(isNull(a, "paused_note"));
    QVERIFY(isNull(a, "paused_at"));
    r = put(id, "resume");
    QCOMPARE(r.status, 422);
    QCOMPARE(r.body, messageBody("Agent is not paused"));

    // Without a body: no note, the default five minutes.
    r = m_http->send("PUT", agents() + QStringLiteral("/%1/pause").arg(id));
    QCOMPARE(r.status, 204);
    a = agent(id);
    QVERIFY(isNull(a, "paused_note"));
    QCOMPARE(a.value(QLatin1StringView("paused_timeout_in_minutes")).toInt(), 5);

    // Only connected agents.
    m_server.disconnectAgent(id);
    r = put(id, "resume");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, messageBody("Can only resume connected agents"));
    const QString other = m_server.connectAgent(qid);
    m_server.loseAgent(other);
    r = put(other, "pause");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, messageBody("Can only pause connected agents"));
}

void TestSandboxAgents::pauseValidation_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("message");
    const QString timeout = QStringLiteral(
        "Validation failed: Timeout in minutes must be a whole number from 1 to 10080");
    QTest::newRow("zero") << QByteArray(R"({"timeout_in_minutes":0})") << timeout;
    QTest::newRow("over a week") << QByteArray(R"({"timeout_in_minutes":10081})") << timeout;
    QTest::newRow("fraction") << QByteArray(R"({"timeout_in_minutes":1.5})") << timeout;
    QTest::newRow("text") << QByteArray(R"({"timeout_in_minutes":"60"})") << timeout;
    QTest::newRow("note not text") << QByteArray(R"({"note":42})")
                                   << QStringLiteral("Validation failed: Note must be a string");
}

void TestSandboxAgents::pauseValidation()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    const QString id = m_server.agentIds().constFirst();
    const QJsonObject before = agent(id);
    const HttpResult r = put(id, "pause", body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), message);
    QCOMPARE(agent(id), before);
    // The week itself is allowed.
    QCOMPARE(put(id, "pause", QByteArray(R"({"timeout_in_minutes":10080})")).status, 204);
}

void TestSandboxAgents::pausedAgentsAndQueuesGetNoJobs()
{
    const QString qid = queueId(QStringLiteral("Packages"), QStringLiteral("packaging-arm64"));
    const QString id = m_server.agentIds(qid).value(0);
    QVERIFY(!id.isEmpty());
    QCOMPARE(put(id, "pause").status, 204);
    QVERIFY(m_server.assignJob(id).isEmpty());
    QCOMPARE(put(id, "resume").status, 204);

    // The demo's paused queue: its agent idles.
    const QString pausedQueue
        = queueId(QStringLiteral("Production"), QStringLiteral("db-migrations"));
    const QString idle = m_server.agentIds(pausedQueue).value(0);
    QVERIFY(!idle.isEmpty());
    QVERIFY(m_server.assignJob(idle).isEmpty());
    const QString cid = clusterIdNamed(QStringLiteral("Production"));
    QCOMPARE(m_http
                 ->send("POST",
                     org()
                         + QStringLiteral("/clusters/%1/queues/%2/resume_dispatch")
                               .arg(cid, pausedQueue))
                 .status,
        200);
    QVERIFY(!m_server.assignJob(idle).isEmpty());
    // A job already running carries on through a pause.
    QCOMPARE(put(idle, "pause").status, 204);
    QVERIFY(obj(agent(idle), "job").contains(QLatin1StringView("id")));
    QCOMPARE(m_server.pausedAgentCount(pausedQueue), 1);
    QCOMPARE(m_server.busyAgentCount(pausedQueue), 1);
}

void TestSandboxAgents::gracefulStopOfAnIdleAgent()
{
    const QString qid = queueId(QStringLiteral("Packages"), QStringLiteral("packaging-arm64"));
    const QString id = m_server.agentIds(qid).value(0);
    const int before = m_server.agentCount();
    const HttpResult r = put(id, "stop", QByteArray(R"({"force":false})"));
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(m_server.agentConnectionState(id), QStringLiteral("stopped"));
    QCOMPARE(m_server.agentCount(), before - 1);
    QCOMPARE(str(agent(id), "connection_state"), QStringLiteral("stopped"));
    QVERIFY(!m_server.agentIds().contains(id));
}

void TestSandboxAgents::gracefulStopOfABusyAgentWaitsForItsJob()
{
    const QString qid = queueId(QStringLiteral("Production"), QStringLiteral("deploy"));
    const QString id = m_server.agentIds(qid).value(0);
    const QString job = str(obj(agent(id), "job"), "id");
    QVERIFY(!job.isEmpty());
    QCOMPARE(put(id, "stop", QByteArray(R"({"force":false})")).status, 204);
    QJsonObject a = agent(id);
    QCOMPARE(str(a, "connection_state"), QStringLiteral("stopping"));
    QCOMPARE(str(obj(a, "job"), "id"), job); // still running it
    QVERIFY(m_server.agentIds(qid).contains(id)); // and still listed
    QVERIFY(m_server.assignJob(id).isEmpty());
    // A second graceful stop is refused; a forced one would be taken.
    const HttpResult again = put(id, "stop", QByteArray(R"({"force":false})"));
    QCOMPARE(again.status, 400);
    QCOMPARE(again.body, messageBody("Can only stop connected agents"));

    QVERIFY(m_server.finishJob(id));
    a = agent(id);
    QCOMPARE(str(a, "connection_state"), QStringLiteral("stopped"));
    QVERIFY(isNull(a, "job"));
    QVERIFY(!m_server.agentIds(qid).contains(id));
}

void TestSandboxAgents::forceStopCancelsTheJob()
{
    const QString qid = queueId(QStringLiteral("Apple platforms"), QStringLiteral("macos"));
    const QStringList ids = m_server.agentIds(qid);
    QCOMPARE(m_server.busyAgentCount(qid), 2);
    QCOMPARE(put(ids.at(0), "stop", QByteArray(R"({"force":true})")).status, 204);
    QCOMPARE(m_server.agentConnectionState(ids.at(0)), QStringLiteral("stopped"));
    QVERIFY(isNull(agent(ids.at(0)), "job"));
    // force defaults to true, as the docs say.
    QCOMPARE(put(ids.at(1), "stop").status, 204);
    QCOMPARE(m_server.agentConnectionState(ids.at(1)), QStringLiteral("stopped"));
    QCOMPARE(m_server.agentCount(qid), 0);

    // A graceful stop that is taking too long can be forced.
    const QString windows = queueId(QStringLiteral("Open Source"), QStringLiteral("windows"));
    QString stopping;
    for (const QString& id : m_server.agentIds(windows)) {
        if (m_server.agentConnectionState(id) == QLatin1String("stopping"))
            stopping = id;
    }
    QVERIFY(!stopping.isEmpty());
    QCOMPARE(put(stopping, "stop", QByteArray(R"({"force":true})")).status, 204);
    QCOMPARE(m_server.agentConnectionState(stopping), QStringLiteral("stopped"));

    const HttpResult bad = put(ids.at(0), "stop", QByteArray(R"({"force":"yes"})"));
    QCOMPARE(bad.status, 422);
    QCOMPARE(bad.message(), QStringLiteral("Validation failed: Force must be a boolean"));
}

void TestSandboxAgents::stopOnlyConnectedAgents()
{
    const QString qid = queueId(QStringLiteral("Production"), QStringLiteral("default"));
    const QString gone = m_server.connectAgent(qid);
    m_server.disconnectAgent(gone);
    for (const QByteArray& body : { QByteArray(R"({"force":true})"), QByteArray("{}") }) {
        const HttpResult r = put(gone, "stop", body);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, messageBody("Can only stop connected agents"));
    }
    const HttpResult missing = put(QStringLiteral("00000000-0000-4000-8000-000000000000"), "stop");
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.body, messageBody("No agent found"));
}

void TestSandboxAgents::agentRoutesAndVerbs()
{
    const QString id = m_server.agentIds().constFirst();
    // The documented verbs only: writes are PUT.
    QCOMPARE(m_http->send("POST", agents() + QStringLiteral("/%1/pause").arg(id)).status, 404);
    QCOMPARE(m_http->send("PATCH", agents() + QStringLiteral("/%1/stop").arg(id)).status, 404);
    QCOMPARE(m_http->send("DELETE", agents() + QLatin1Char('/') + id).status, 404);
    QCOMPARE(m_http->send("POST", agents(), QByteArray("{}")).status, 404);
    QCOMPARE(m_http->send("PUT", agents() + QStringLiteral("/%1/explode").arg(id)).status, 404);
    QCOMPARE(m_server.agentConnectionState(id), QStringLiteral("connected"));
    const HttpResult r = m_http->get(QStringLiteral("/v2/organizations/acme-inc/agents"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, messageBody("No organization found"));
    const HttpResult bad = put(id, "pause", "{\"note\": ");
    QCOMPARE(bad.status, 400);
}

QTEST_GUILESS_MAIN(TestSandboxAgents)
#include "tst_sandbox_agents.moc"
