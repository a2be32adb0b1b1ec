// SPDX-License-Identifier: MIT
// Every request type: verb, path, query and body; and parsing of every JSON example of the
// reference pages (tests/data/reference, extracted by scripts/extract-reference-examples.py).
#include "api/requests/accesstokenrequests.h"
#include "api/requests/agentrequests.h"
#include "api/requests/clusterrequests.h"
#include "api/requests/queuerequests.h"
#include "api/requests/tokenrequests.h"
#include "jsonliteral.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

namespace {
QJsonDocument load(const QString& name)
{
    QFile file(
        qEnvironmentVariable("KITEDECK_REFERENCE_DIR") + QStringLiteral("/reference/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing %s", qPrintable(file.fileName()));
    return QJsonDocument::fromJson(file.readAll());
}

QJsonObject obj(const char* json) { return QJsonDocument::fromJson(json).object(); }

const QString org = QStringLiteral("acme inc");
const QString cid = QStringLiteral("c1");
} // namespace

namespace {
// The typed value carries what the JSON says: its id, GraphQL id and links.
template <class T>
bool sameIds(const T& value, const QJsonObject& json)
{
    auto text = [&json](const char* key) { return json.value(QLatin1String(key)).toString(); };
    return value.id == text("id") && value.graphqlId == text("graphql_id")
        && value.url == text("url");
}
} // namespace

class TestRequests final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void paths_data()
    {
        QTest::addColumn<ApiRequest>("request");
        QTest::addColumn<QByteArray>("verb");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("paged");
        QTest::addColumn<QJsonObject>("body");
        const QString base = QStringLiteral("/v2/organizations/acme%20inc/clusters");
        ClusterInput cluster;
        cluster.name = QStringLiteral("Open Source");
        cluster.emoji = QStringLiteral(":technologist:");
        cluster.defaultQueueId = QStringLiteral("q9");
        QueueInput hosted { QStringLiteral("linux-small"), QStringLiteral("Hosted"), {},
            QStringLiteral("LINUX_AMD64_2X4") };
        QueueInput edit { QStringLiteral("ignored"), QStringLiteral("New"),
            QStringLiteral("prefer-different"), {} };
        QueueInput image { QStringLiteral("linux-image"), {}, {},
            QStringLiteral("LINUX_ARM64_8X32"), QStringLiteral(" ghcr.io/acme/agent:2025-07 ") };
        // A resize carries the image the queue has, so the new size keeps it.
        QueueInput resize { {}, {}, {}, QStringLiteral("LINUX_AMD64_8X32"),
            QStringLiteral("ghcr.io/acme/agent:2025-07") };
        QueueInput defaultImage { {}, {}, {}, QStringLiteral("LINUX_AMD64_2X4"), QString() };
        QueueInput imageWithoutShape { {}, QStringLiteral("x"), {}, {}, QStringLiteral("a:1") };
        AgentTokenInput token { QStringLiteral("Windows agents"),
            QStringLiteral("10.0.0.0/8 192.168.1.0/24"),
            QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), QTimeZone::utc()) };

        QTest::newRow("list clusters") << ListClusters { org }.toApiRequest() << QByteArray("GET")
                                       << base << true << QJsonObject();
        QTest::newRow("get cluster")
            << GetCluster { org, QStringLiteral("a/b") }.toApiRequest() << QByteArray("GET")
            << base + QStringLiteral("/a%2Fb") << false << QJsonObject();
        QTest::newRow("create cluster")
            << CreateCluster { org, cluster }.toApiRequest() << QByteArray("POST") << base << false
            << obj(JSON({"name":"Open Source","emoji":":technologist:"}));
        QTest::newRow("update cluster")
            << UpdateCluster { org, cid, cluster }.toApiRequest() << QByteArray("PATCH")
            << base + QStringLiteral("/c1") << false
            << obj(JSON({"name":"Open Source","emoji":":technologist:","default_queue_id":"q9"}));
        QTest::newRow("delete cluster")
            << DeleteCluster { org, cid }.toApiRequest() << QByteArray("DELETE")
            << base + QStringLiteral("/c1") << false << QJsonObject();

        QTest::newRow("list queues")
            << ListQueues { org, cid }.toApiRequest() << QByteArray("GET")
            << base + QStringLiteral("/c1/queues") << true << QJsonObject();
        QTest::newRow("get queue")
            << GetQueue { org, cid, QStringLiteral("q1") }.toApiRequest() << QByteArray("GET")
            << base + QStringLiteral("/c1/queues/q1") << false << QJsonObject();
        QTest::newRow("create hosted queue")
            << CreateQueue { org, cid, hosted }.toApiRequest() << QByteArray("POST")
            << base + QStringLiteral("/c1/queues") << false
            << obj(JSON({"key":"linux-small","description":"Hosted","hostedAgents":{"instanceShape":"LINUX_AMD64_2X4"}}));
        QTest::newRow("create hosted queue with an image")
            << CreateQueue { org, cid, image }.toApiRequest() << QByteArray("POST")
            << base + QStringLiteral("/c1/queues") << false
            << obj(JSON({"key":"linux-image","hostedAgents":{"instanceShape":"LINUX_ARM64_8X32","agentImageRef":"ghcr.io/acme/agent:2025-07"}}));
        QTest::newRow("resize keeps the image")
            << UpdateQueue { org, cid, QStringLiteral("q1"), resize }.toApiRequest()
            << QByteArray("PATCH") << base + QStringLiteral("/c1/queues/q1") << false
            << obj(JSON({"hostedAgents":{"instanceShape":"LINUX_AMD64_8X32","agentImageRef":"ghcr.io/acme/agent:2025-07"}}));
        QTest::newRow("back to Buildkite's image")
            << UpdateQueue { org, cid, QStringLiteral("q1"), defaultImage }.toApiRequest()
            << QByteArray("PATCH") << base + QStringLiteral("/c1/queues/q1") << false
            << obj(JSON({"hostedAgents":{"instanceShape":"LINUX_AMD64_2X4","agentImageRef":null}}));
        QTest::newRow("no image without a shape")
            << UpdateQueue { org, cid, QStringLiteral("q1"), imageWithoutShape }.toApiRequest()
            << QByteArray("PATCH") << base + QStringLiteral("/c1/queues/q1") << false
            << obj(JSON({"description":"x"}));
        QTest::newRow("update queue")
            << UpdateQueue { org, cid, QStringLiteral("q1"), edit }.toApiRequest()
            << QByteArray("PATCH") << base + QStringLiteral("/c1/queues/q1") << false
            << obj(JSON({"description":"New","retry_agent_affinity":"prefer-different"}));
        QTest::newRow("delete queue")
            << DeleteQueue { org, cid, QStringLiteral("q1") }.toApiRequest() << QByteArray("DELETE")
            << base + QStringLiteral("/c1/queues/q1") << false << QJsonObject();
        QTest::newRow("pause queue")
            << PauseQueue { org, cid, QStringLiteral("q1"), QStringLiteral("Security issue") }
                   .toApiRequest()
            << QByteArray("POST") << base + QStringLiteral("/c1/queues/q1/pause_dispatch") << false
            << obj(JSON({"dispatch_paused_note":"Security issue"}));
        QTest::newRow("resume queue")
            << ResumeQueue { org, cid, QStringLiteral("q1") }.toApiRequest() << QByteArray("POST")
            << base + QStringLiteral("/c1/queues/q1/resume_dispatch") << false << QJsonObject();

        QTest::newRow("list tokens")
            << ListAgentTokens { org, cid }.toApiRequest() << QByteArray("GET")
            << base + QStringLiteral("/c1/tokens") << true << QJsonObject();
        QTest::newRow("get token")
            << GetAgentToken { org, cid, QStringLiteral("t1") }.toApiRequest() << QByteArray("GET")
            << base + QStringLiteral("/c1/tokens/t1") << false << QJsonObject();
        QTest::newRow("create token")
            << CreateAgentToken { org, cid, token }.toApiRequest() << QByteArray("POST")
            << base + QStringLiteral("/c1/tokens") << false
            << obj(JSON({"description":"Windows agents","allowed_ip_addresses":"10.0.0.0/8 192.168.1.0/24","expires_at":"2030-01-02T03:04:05.000Z"}));
        // expires_at cannot change after creation: never sent on update.
        QTest::newRow("update token")
            << UpdateAgentToken { org, cid, QStringLiteral("t1"), token }.toApiRequest()
            << QByteArray("PATCH") << base + QStringLiteral("/c1/tokens/t1") << false
            << obj(JSON({"description":"Windows agents","allowed_ip_addresses":"10.0.0.0/8 192.168.1.0/24"}));
        QTest::newRow("delete token")
            << DeleteAgentToken { org, cid, QStringLiteral("t1") }.toApiRequest()
            << QByteArray("DELETE") << base + QStringLiteral("/c1/tokens/t1") << false
            << QJsonObject();
        QTest::newRow("access token")
            << GetAccessToken {}.toApiRequest() << QByteArray("GET")
            << QStringLiteral("/v2/access-token") << false << QJsonObject();

        const QString agents = QStringLiteral("/v2/organizations/acme%20inc/agents");
        QTest::newRow("list agents") << ListAgents { org }.toApiRequest() << QByteArray("GET")
                                     << agents << true << QJsonObject();
        QTest::newRow("get agent")
            << GetAgent { org, QStringLiteral("a/1") }.toApiRequest() << QByteArray("GET")
            << agents + QStringLiteral("/a%2F1") << false << QJsonObject();
        QTest::newRow("pause agent")
            << PauseAgent { org, QStringLiteral("a1"), QStringLiteral("Disk full"), 90 }
                   .toApiRequest()
            << QByteArray("PUT") << agents + QStringLiteral("/a1/pause") << false
            << obj(JSON({"note":"Disk full","timeout_in_minutes":90}));
        QTest::newRow("pause agent, server defaults")
            << PauseAgent { org, QStringLiteral("a1"), {}, {} }.toApiRequest() << QByteArray("PUT")
            << agents + QStringLiteral("/a1/pause") << false << QJsonObject();
        QTest::newRow("resume agent")
            << ResumeAgent { org, QStringLiteral("a1") }.toApiRequest() << QByteArray("PUT")
            << agents + QStringLiteral("/a1/resume") << false << QJsonObject();
        // force is always sent: the documented default is true.
        QTest::newRow("stop agent")
            << StopAgent { org, QStringLiteral("a1") }.toApiRequest() << QByteArray("PUT")
            << agents + QStringLiteral("/a1/stop") << false << obj(JSON({"force":false}));
        QTest::newRow("force-stop agent")
            << StopAgent { org, QStringLiteral("a1"), true }.toApiRequest() << QByteArray("PUT")
            << agents + QStringLiteral("/a1/stop") << false << obj(JSON({"force":true}));
    }

    void agentListFilters()
    {
        QVERIFY(ListAgents { org }.toApiRequest().query.isEmpty());
        AgentFilter filter;
        filter.name = QStringLiteral("ci 1&2");
        filter.hostname = QStringLiteral("host=a");
        filter.version = QStringLiteral("3.97.0");
        filter.clusterQueueId = QStringLiteral("q-1");
        const QUrlQuery query = ListAgents { org, filter }.toApiRequest().query;
        QCOMPARE(query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded),
            QStringLiteral("ci 1&2"));
        QCOMPARE(query.queryItemValue(QStringLiteral("hostname"), QUrl::FullyDecoded),
            QStringLiteral("host=a"));
        QCOMPARE(query.queryItemValue(QStringLiteral("version"), QUrl::FullyDecoded),
            QStringLiteral("3.97.0"));
        QCOMPARE(query.queryItemValue(QStringLiteral("cluster_queue_id"), QUrl::FullyDecoded),
            QStringLiteral("q-1"));
        QCOMPARE(query.queryItems().size(), 4);
    }

    // The newest docs' agent, every field.
    void agentEveryField()
    {
        const auto doc = QJsonDocument::fromJson(JSON({"id":"0b461f65","graphql_id":"QWdlbnQtLS0w",
            "url":"https://api.buildkite.com/v2/organizations/acme/agents/0b461f65",
            "web_url":"https://buildkite.com/organizations/acme/clusters/c-1/queues/q-1/agents/0b461f65",
            "name":"i-0123-1","connection_state":"connected","hostname":"i-0123.internal",
            "ip_address":"10.0.1.2","user_agent":"buildkite-agent/3.97.0 (linux; amd64)",
            "version":"3.97.0","creator":{"id":"u1","name":"Sam Kim","email":"sam@example.com"},
            "created_at":"2025-07-16 06:07:42 UTC","connected_at":"2025-07-16T06:07:46.000Z",
            "disconnected_at":null,"lost_at":null,"os_id":"linux","arch":"amd64","queue":"deploy",
            "job":{"id":"j1","graphql_id":"Sm9i","type":"script","name":":rocket: Deploy","state":"running",
              "command":"scripts/deploy","web_url":"https://buildkite.com/acme/web/builds/48208#j1",
              "build_url":"https://api.buildkite.com/v2/organizations/acme/pipelines/web/builds/48208",
              "started_at":"2025-07-16T07:00:00.000Z"},
            "last_job_finished_at":"2025-07-16T06:59:00.000Z","priority":3,
            "meta_data":["queue=deploy","os=linux"],"paused":true,
            "paused_by":{"name":"Priya"},"paused_at":"2025-07-16T07:01:00.000Z",
            "paused_note":"Disk full","paused_timeout_in_minutes":120}));
        auto r = GetAgent { org, QStringLiteral("0b461f65") }.parse(doc);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        const Agent& a = r.value();
        QCOMPARE(a.id, QStringLiteral("0b461f65"));
        QCOMPARE(a.graphqlId, QStringLiteral("QWdlbnQtLS0w"));
        QVERIFY(a.url.endsWith(QLatin1String("/agents/0b461f65")));
        QCOMPARE(a.clusterId, QStringLiteral("c-1"));
        QCOMPARE(a.queueId, QStringLiteral("q-1"));
        QCOMPARE(a.queueKey, QStringLiteral("deploy"));
        QCOMPARE(a.name, QStringLiteral("i-0123-1"));
        QCOMPARE(a.hostname, QStringLiteral("i-0123.internal"));
        QCOMPARE(a.ipAddress, QStringLiteral("10.0.1.2"));
        QCOMPARE(a.userAgent, QStringLiteral("buildkite-agent/3.97.0 (linux; amd64)"));
        QCOMPARE(a.version, QStringLiteral("3.97.0"));
        QCOMPARE(a.creator->name, QStringLiteral("Sam Kim"));
        QCOMPARE(a.createdAt, QDateTime(QDate(2025, 7, 16), QTime(6, 7, 42), QTimeZone::utc()));
        QCOMPARE(a.connectedAt, QDateTime(QDate(2025, 7, 16), QTime(6, 7, 46), QTimeZone::utc()));
        QCOMPARE(a.connectedSince(), a.connectedAt);
        QVERIFY(!a.disconnectedAt.isValid());
        QCOMPARE(a.platform(), QStringLiteral("linux/amd64"));
        QVERIFY(a.isBusy());
        QCOMPARE(a.job->name, QStringLiteral(":rocket: Deploy"));
        QCOMPARE(a.job->command, QStringLiteral("scripts/deploy"));
        QCOMPARE(a.job->buildName(), QStringLiteral("web #48208"));
        QVERIFY(a.job->startedAt.isValid());
        QVERIFY(a.lastJobFinishedAt.isValid());
        QCOMPARE(a.priority, std::optional<qint64>(3));
        QCOMPARE(a.metaData,
            QStringList({ QStringLiteral("queue=deploy"), QStringLiteral("os=linux") }));
        QCOMPARE(a.tag(u"os"), QStringLiteral("linux"));
        QVERIFY(a.paused);
        QCOMPARE(a.pausedBy->name, QStringLiteral("Priya"));
        QCOMPARE(a.pausedNote, QStringLiteral("Disk full"));
        QCOMPARE(a.pausedTimeoutMinutes, std::optional<qint64>(120));
        QVERIFY(a.pausedAt.isValid());
        // Paused while it runs a job: it is busy until the job ends.
        QCOMPARE(a.state(), Agent::State::Busy);
        QCOMPARE(a.raw, doc.object());
    }

    // An old server's agent: no web_url with ids, no queue, no newest-doc fields.
    void agentPlacementIsNeverGuessed_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("clusterId");
        QTest::addColumn<QString>("queueId");
        QTest::addColumn<QString>("queueKey");
        QTest::newRow("bare") << QByteArray(JSON({"id":"a","connection_state":"connected"}))
            << QString() << QString() << QString();
        QTest::newRow("organisation web url") << QByteArray(
            JSON({"id":"a","web_url":"https://buildkite.com/organizations/acme/agents/a"}))
            << QString() << QString() << QString();
        QTest::newRow("key from meta_data")
            << QByteArray(JSON({"id":"a","queue":null,"meta_data":["os=linux","queue = build "]}))
                   << QString() << QString() << QStringLiteral("build");
        QTest::newRow("cluster only") << QByteArray(
            JSON({"id":"a","queue":"deploy","web_url":"https://buildkite.com/organizations/acme/clusters/c9/agents/a"}))
            << QStringLiteral("c9") << QString() << QStringLiteral("deploy");
        QTest::newRow("queue without cluster is not a placement") << QByteArray(JSON({"id":"a","web_url":"https://buildkite.com/organizations/acme/queues/q9/agents/a"}))
            << QString() << QString() << QString();
        QTest::newRow("embedded queue object")
            << QByteArray(JSON({"id":"a","queue":{"id":"q7","key":"gpu"}}))
                   << QString() << QStringLiteral("q7") << QStringLiteral("gpu");
    }
    void agentPlacementIsNeverGuessed()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, clusterId);
        QFETCH(QString, queueId);
        QFETCH(QString, queueKey);
        auto r = GetAgent { org, QStringLiteral("a") }.parse(QJsonDocument::fromJson(json));
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r.value().clusterId, clusterId);
        QCOMPARE(r.value().queueId, queueId);
        QCOMPARE(r.value().queueKey, queueKey);
    }

    void agentStates_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("state");
        QTest::newRow("idle") << QByteArray(JSON({"connection_state":"connected","job":null}))
            << int(Agent::State::Idle);
        QTest::newRow("busy") << QByteArray(JSON({"connection_state":"connected","job":{"id":"j"}}))
            << int(Agent::State::Busy);
        QTest::newRow("paused") << QByteArray(JSON({"connection_state":"connected","paused":true}))
            << int(Agent::State::Paused);
        QTest::newRow("stopping with its job") << QByteArray(
            JSON({"connection_state":"stopping","job":{"id":"j"}})) << int(Agent::State::Busy);
        QTest::newRow("stopping") << QByteArray(JSON({"connection_state":"stopping"}))
            << int(Agent::State::Stopping);
        QTest::newRow("lost") << QByteArray(JSON({"connection_state":"lost"}))
            << int(Agent::State::Offline);
        QTest::newRow("no state") << QByteArray(JSON({"id":"a"})) << int(Agent::State::Offline);
    }
    void agentStates()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, state);
        auto r = GetAgent { org, QStringLiteral("a") }.parse(QJsonDocument::fromJson(json));
        QVERIFY(r.ok());
        QCOMPARE(int(r.value().state()), state);
    }

    void agentListFillsTheQueueItWasAskedFor()
    {
        AgentFilter filter;
        filter.clusterQueueId = QStringLiteral("q-1");
        const auto doc = QJsonDocument::fromJson(JSON([{"id":"a"},
            {"id":"b","web_url":"https://buildkite.com/organizations/acme/clusters/c/queues/q-2/agents/b"}]));
        auto r = ListAgents { org, filter }.parse(doc);
        QVERIFY(r.ok());
        QCOMPARE(r.value().at(0).queueId, QStringLiteral("q-1"));
        QCOMPARE(r.value().at(1).queueId, QStringLiteral("q-2")); // what the answer says stays
        auto all = ListAgents { org }.parse(doc);
        QVERIFY(all.value().at(0).queueId.isEmpty());
    }

    void agentWrongTypeNamesTheField()
    {
        auto r = ListAgents { org }.parse(
            QJsonDocument::fromJson(JSON([{"id":"a"},{"id":"b","job":{"id":"j","started_at":7}}])));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message(),
            QStringLiteral("agents[1].job.started_at: expected a string, got a number"));
        auto meta
            = ListAgents { org }.parse(QJsonDocument::fromJson(JSON([{"meta_data":"queue=x"}])));
        QCOMPARE(meta.error().message(),
            QStringLiteral("agents[0].meta_data: expected an array, got a string"));
    }
    void paths()
    {
        QFETCH(ApiRequest, request);
        QFETCH(QByteArray, verb);
        QFETCH(QString, path);
        QFETCH(bool, paged);
        QFETCH(QJsonObject, body);
        QCOMPARE(request.verb, verb);
        QCOMPARE(request.path, path);
        QCOMPARE(request.paged, paged);
        QCOMPARE(request.body.value_or(QJsonObject()), body);
        QCOMPARE(request.isIdempotent(), verb == "GET");
    }

    void everyReferenceExampleParses()
    {
        const QDir dir(
            qEnvironmentVariable("KITEDECK_REFERENCE_DIR") + QStringLiteral("/reference"));
        const QStringList files = dir.entryList({ QStringLiteral("*.json") });
        QCOMPARE(files.size(), 21);
        for (const QString& name : files) {
            const QJsonDocument doc = load(name);
            QVERIFY2(!doc.isNull(), qPrintable(name));
            QString error;
            if (name.contains(QLatin1String("cluster")) && !name.contains(QLatin1String("queue"))
                && !name.contains(QLatin1String("token"))) {
                if (doc.isArray()) {
                    auto r = ListClusters { org }.parse(doc);
                    QVERIFY2(r.ok(), qPrintable(name + r.error().message()));
                    QVERIFY(sameIds(r.value().first(), doc.array().first().toObject()));
                } else {
                    auto r = GetCluster { org, cid }.parse(doc);
                    QVERIFY2(r.ok(), qPrintable(name + r.error().message()));
                    QVERIFY(sameIds(r.value(), doc.object()));
                    QCOMPARE(r.value().name, QStringLiteral("Open Source"));
                    QCOMPARE(r.value().emoji, QStringLiteral(":technologist:"));
                }
            } else if (name.contains(QLatin1String("queue"))) {
                if (doc.isArray()) {
                    auto r = ListQueues { org, cid }.parse(doc);
                    QVERIFY2(r.ok(), qPrintable(name + r.error().message()));
                    QCOMPARE(r.value().first().clusterId, cid);
                    QVERIFY(sameIds(r.value().first(), doc.array().first().toObject()));
                } else {
                    auto r = GetQueue { org, cid, QStringLiteral("q") }.parse(doc);
                    QVERIFY2(r.ok(), qPrintable(name + r.error().message()));
                    QVERIFY(sameIds(r.value(), doc.object()));
                    QCOMPARE(
                        r.value().dispatchPaused, name.contains(QLatin1String("pause-a-queue")));
                    if (r.value().dispatchPaused) {
                        QCOMPARE(r.value().dispatchPausedNote,
                            QStringLiteral("Paused while we investigate a security issue"));
                        QCOMPARE(r.value().dispatchPausedBy->name, QStringLiteral("Sam Kim"));
                        QVERIFY(r.value().dispatchPausedAt.isValid());
                    }
                    QCOMPARE(r.value().hosted,
                        name.contains(QLatin1String("hosted-queue"))
                            && !name.contains(QLatin1String("self-hosted")));
                    if (r.value().hosted) {
                        QCOMPARE(r.value().instanceShape.name, QStringLiteral("LINUX_AMD64_2X4"));
                        QCOMPARE(r.value().instanceShape.cpu, 2);
                        QCOMPARE(r.value().instanceShape.memoryGb, 4);
                        QCOMPARE(r.value().instanceShape.size, QStringLiteral("Small"));
                    }
                }
            } else {
                if (doc.isArray()) {
                    auto r = ListAgentTokens { org, cid }.parse(doc);
                    QVERIFY2(r.ok(), qPrintable(name + r.error().message()));
                    QCOMPARE(r.value().first().description, QStringLiteral("Windows agents"));
                } else if (name.contains(QLatin1String("create"))) {
                    auto r = CreateAgentToken { org, cid, {} }.parse(doc);
                    QVERIFY2(r.ok(), qPrintable(name + r.error().message()));
                    QCOMPARE(r.value().value, QStringLiteral("igo6HEj5fxQbgBTDoDzNaZzT"));
                    // The value lives apart from the token, never inside it.
                    QVERIFY(!r.value().token.id.isEmpty());
                    QVERIFY(r.value().token.id != r.value().value);
                    QVERIFY(r.value().token.description != r.value().value);
                    QVERIFY(r.value().token.neverExpires());
                } else {
                    auto r = GetAgentToken { org, cid, QStringLiteral("t") }.parse(doc);
                    QVERIFY2(r.ok(), qPrintable(name + r.error().message()));
                    QCOMPARE(r.value().createdBy.email, QStringLiteral("sam@example.com"));
                    QCOMPARE(r.value().createdAt,
                        QDateTime(QDate(2023, 5, 26), QTime(4, 21, 41, 350), QTimeZone::utc()));
                }
            }
        }
    }

    // hosted_agents.platform_settings.linux.agent_image_ref: a custom image on a hosted Linux
    // queue; null is Buildkite's own image; a wrong type is named like any other field.
    void hostedQueueImageRef()
    {
        auto r = GetQueue { org, cid, QStringLiteral("q") }.parse(
            QJsonDocument::fromJson(JSON({"id":"q","key":"k","hosted":true,"hosted_agents":{"instance_shape":{"name":"LINUX_AMD64_4X16","machine_type":"linux","architecture":"amd64","cpu":4,"memory":16},"platform_settings":{"linux":{"agent_image_ref":"ghcr.io/acme/agent:2025-07"}}}})));
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r.value().agentImageRef, QStringLiteral("ghcr.io/acme/agent:2025-07"));
        QCOMPARE(r.value().instanceShape.size, QStringLiteral("Medium"));
        QCOMPARE(r.value().instanceShape.diskGb, 95);

        r = GetQueue { org, cid, QStringLiteral("q") }.parse(
            QJsonDocument::fromJson(JSON({"id":"q","key":"k","hosted":true,"hosted_agents":{"instance_shape":{"name":"LINUX_AMD64_2X4"},"platform_settings":{"linux":{"agent_image_ref":null}}}})));
        QVERIFY(r.ok());
        QVERIFY(r.value().agentImageRef.isEmpty());

        r = GetQueue { org, cid, QStringLiteral("q") }.parse(QJsonDocument::fromJson(JSON({"id":"q","key":"k","hosted_agents":{"platform_settings":{"linux":{"agent_image_ref":7}}}})));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message().contains(
                     QLatin1String("hosted_agents.platform_settings.linux.agent_image_ref")),
            qPrintable(r.error().message()));
    }

    void toleratesMissingNullAndUnknownFields()
    {
        const auto doc = QJsonDocument::fromJson(JSON({"id":"q","key":"k","description":null,"new_field":[1,2],
            "dispatch_paused_by":null,"hosted_agents":{"instance_shape":{"name":"MACOS_M2_4X7"}}}));
        auto r = GetQueue { org, cid, QStringLiteral("q") }.parse(doc);
        QVERIFY(r.ok());
        QCOMPARE(r.value().description, QString());
        QVERIFY(!r.value().hosted); // missing "hosted" reads as false
        QCOMPARE(r.value().retryAgentAffinity, QStringLiteral("prefer-warmest"));
        QVERIFY(r.value().instanceShape.removed); // a removed shape still displays
        QCOMPARE(r.value().instanceShape.machineType, QStringLiteral("macos"));
        // Unknown fields are not kept in the value: `kitedeck export` copies the objects from
        // the response bytes (tst_export), so nothing is lost there.
    }

    void wrongTypeIsAnErrorNamingTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("bool as string")
            << QByteArray(JSON([{"id":"a"},{"id":"b","dispatch_paused":"yes"}]))
                   << QStringLiteral("queues[1].dispatch_paused: expected a boolean, got a string");
        QTest::newRow("nested") << QByteArray(JSON([{"id":"a","created_by":{"name":7}}]))
            << QStringLiteral("queues[0].created_by.name: expected a string, got a number");
        QTest::newRow("not an object") << QByteArray(JSON([42]))
            << QStringLiteral("queues[0]: expected an object, got a number");
        QTest::newRow("bad timestamp") << QByteArray(JSON([{"created_at":"soon"}]))
            << QStringLiteral("queues[0].created_at: expected a timestamp, got \"soon\"");
    }
    void wrongTypeIsAnErrorNamingTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        auto r = ListQueues { org, cid }.parse(QJsonDocument::fromJson(json));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), ApiError::Kind::BadResponse);
        QCOMPARE(r.error().message(), message);
    }

    void objectWhereAListIsExpected()
    {
        auto r = ListClusters { org }.parse(QJsonDocument::fromJson(JSON({"message":"hi"})));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind(), ApiError::Kind::BadResponse);
    }

    void accessTokenBothTimestampFormats()
    {
        const auto doc = QJsonDocument::fromJson(JSON({"uuid":"u","scopes":["read_clusters"],"description":"CI",
            "created_at":"2025-07-16 06:07:42 UTC","expires_at":null,"user":{"name":"Sam","email":"s@x"}}));
        auto r = GetAccessToken {}.parse(doc);
        QVERIFY(r.ok());
        QCOMPARE(
            r.value().createdAt, QDateTime(QDate(2025, 7, 16), QTime(6, 7, 42), QTimeZone::utc()));
        QVERIFY(!r.value().expiresAt.isValid());
        QVERIFY(r.value().canRead());
        QVERIFY(!r.value().canWrite());
        QCOMPARE(r.value().userEmail, QStringLiteral("s@x"));
    }

    void clusterMaintainers()
    {
        const auto doc = QJsonDocument::fromJson(JSON({"id":"c","maintainers":{
            "users":[{"id":"m1","actor":{"id":"u1","name":"Ada","email":"ada@x","type":"user"}}],
            "teams":[{"id":"m2","actor":{"id":"t1","name":"Platform","slug":"platform","type":"team"}}]}}));
        auto r = GetCluster { org, cid }.parse(doc);
        QVERIFY(r.ok());
        QCOMPARE(r.value().maintainers.size(), 2);
        QCOMPARE(r.value().maintainers.at(0).kind, Maintainer::Kind::User);
        QCOMPARE(r.value().maintainers.at(0).email, QStringLiteral("ada@x"));
        QCOMPARE(r.value().maintainers.at(1).slug, QStringLiteral("platform"));
    }

    void errorMapping_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("401") << 401
                             << QByteArray(JSON({"message":"Authentication required."}))
                                    << int(ApiError::Kind::Unauthorized)
                                    << QStringLiteral("Authentication required.");
        QTest::newRow("403")
            << 403
            << QByteArray(
                   JSON({"message":"Your access token doesn't have the write_clusters scope"}))
                   << int(ApiError::Kind::Forbidden)
                   << QStringLiteral("Your access token doesn't have the write_clusters scope");
        QTest::newRow("404") << 404
                             << QByteArray(JSON({"message":"No cluster found"})) << int(
                                    ApiError::Kind::NotFound) << QStringLiteral("No cluster found");
        QTest::newRow("422") << 422
                             << QByteArray(JSON({"message":"Cluster queue is already paused"}))
                                    << int(ApiError::Kind::Validation)
                                    << QStringLiteral("Cluster queue is already paused");
        QTest::newRow("429") << 429
                             << QByteArray(JSON({"message":"Slow down","reset":3})) << int(
                                    ApiError::Kind::RateLimited) << QStringLiteral("Slow down");
        QTest::newRow("502 html") << 502 << QByteArray("<html><body>Bad gateway</body></html>")
                                  << int(ApiError::Kind::Server) << QStringLiteral("Bad gateway");
        QTest::newRow("503 text") << 503 << QByteArray("upstream unavailable\n")
                                  << int(ApiError::Kind::Server)
                                  << QStringLiteral("upstream unavailable");
        QTest::newRow("400") << 400
                             << QByteArray(JSON({"message":"Bad"}))
                                    << int(ApiError::Kind::BadResponse) << QStringLiteral("Bad");
    }
    void errorMapping()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, message);
        const ApiError e
            = ApiError::fromTransfer(QNetworkReply::ContentAccessDenied, QString(), status, body);
        QCOMPARE(int(e.kind()), kind);
        QCOMPARE(e.message(), message);
        QCOMPARE(e.httpStatus(), status);
        QVERIFY(e.toString().contains(message));
    }

    // An answer with no message of its own was shown as "Server: The server answered HTTP 502
    // (HTTP 502)": the status is named once, by toString(), after the status's name.
    void errorWithoutMessageNamesStatusOnce_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("line");
        QTest::newRow("502 html") << 502
                                  << QByteArray("<html><head><title>502 Bad Gateway</title></head>"
                                                "<body><h1>502 Bad Gateway</h1></body></html>")
                                  << QStringLiteral("Server: Bad gateway (HTTP 502)");
        QTest::newRow("503 empty")
            << 503 << QByteArray() << QStringLiteral("Server: Service unavailable (HTTP 503)");
        QTest::newRow("500 json without message")
            << 500
            << QByteArray(JSON({"error":"boom"}))
                   << QStringLiteral("Server: Internal server error (HTTP 500)");
        QTest::newRow("404 empty")
            << 404 << QByteArray()
            << QStringLiteral("Not found: Nothing at that address (HTTP 404)");
        QTest::newRow("599 empty")
            << 599 << QByteArray()
            << QStringLiteral("Server: The server gave no reason (HTTP 599)");
    }
    void errorWithoutMessageNamesStatusOnce()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, line);
        const ApiError e
            = ApiError::fromTransfer(QNetworkReply::ContentAccessDenied, QString(), status, body);
        QCOMPARE(e.toString(), line);
        QCOMPARE(e.toString().count(QString::number(status)), 1);
    }

    // Server text went to stderr as-is: escapes could retitle or clear the terminal, and a
    // newline split `kitedeck export`'s one-line error in two.
    void displayTextIsOneSafeLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("shown");
        const auto nul = QString(QChar(0));
        QTest::newRow("plain") << QStringLiteral("Validation failed: Key has already been taken")
                               << QStringLiteral("Validation failed: Key has already been taken");
        QTest::newRow("CSI colour")
            << QStringLiteral("\x1b[1;31mred\x1b[0m text") << QStringLiteral("red text");
        QTest::newRow("CSI clear screen")
            << QStringLiteral("\x1b[2J\x1b[Hgone") << QStringLiteral("gone");
        QTest::newRow("OSC title, BEL")
            << QStringLiteral("\x1b]0;pwned\x07Hello") << QStringLiteral("Hello");
        QTest::newRow("OSC 8 link, ST")
            << QStringLiteral("\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\")
            << QStringLiteral("link");
        QTest::newRow("DCS") << QStringLiteral("a\x1bPq#0;2;0;0;0\x1b\\b") << QStringLiteral("ab");
        QTest::newRow("charset and save") << QStringLiteral("\x1b(Bok\x1b"
                                                            "7")
                                          << QStringLiteral("ok");
        QTest::newRow("unterminated OSC")
            << QStringLiteral("ok\x1b]0;never ends") << QStringLiteral("ok");
        QTest::newRow("lone ESC at the end") << QStringLiteral("ok\x1b") << QStringLiteral("ok");
        QTest::newRow("BEL, NUL, backspace")
            << (QStringLiteral("ding\x07") + nul + QStringLiteral("do\x08ng"))
            << QStringLiteral("dingdong");
        QTest::newRow("newlines and tabs") << QStringLiteral("line one\r\n\r\n  line two\tthree")
                                           << QStringLiteral("line one line two three");
        QTest::newRow("C1 CSI") << QStringLiteral("a\u009b31mb") << QStringLiteral("ab");
        QTest::newRow("C1 OSC") << QStringLiteral("a\u009d0;title\u009cb") << QStringLiteral("ab");
        QTest::newRow("C1 other") << QStringLiteral("a\u0084\u008db") << QStringLiteral("ab");
        QTest::newRow("NEL breaks") << QStringLiteral("a\u0085b") << QStringLiteral("a b");
        QTest::newRow("line separator")
            << QStringLiteral("a\u2028\u2029b") << QStringLiteral("a b");
        QTest::newRow("DEL") << QStringLiteral("a\x7f"
                                               "b")
                             << QStringLiteral("ab");
        QTest::newRow("bidi override")
            << QStringLiteral("abc\u202edcba\u202c\u2066x\u2069") << QStringLiteral("abcdcbax");
        QTest::newRow("non-ASCII kept")
            << QStringLiteral("Café 🚀 naïve") << QStringLiteral("Café 🚀 naïve");
        QTest::newRow("trimmed") << QStringLiteral("  \n hi \n ") << QStringLiteral("hi");
        QTest::newRow("only controls") << QStringLiteral("\x1b[2J\x07\n") << QString();
    }
    void displayTextIsOneSafeLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, shown);
        QCOMPARE(ApiError::displayText(text), shown);
    }

    void displayTextIsBounded()
    {
        const QString shown = ApiError::displayText(QString(1000, QLatin1Char('a')));
        QCOMPARE(shown.size(), 300);
        QVERIFY(shown.endsWith(QChar(0x2026)));
        // A cut never splits a character made of two UTF-16 units.
        QCOMPARE(
            ApiError::displayText(QStringLiteral("aaaaaaaa🚀🚀"), 10), QStringLiteral("aaaaaaaa…"));
        QCOMPARE(ApiError::displayText(QStringLiteral("exactly ten"), 11),
            QStringLiteral("exactly ten"));
        QCOMPARE(ApiError::displayText(QStringLiteral("abc"), 0), QString());
    }

    void toStringShowsServerTextOnOneSafeLine()
    {
        const ApiError e(ApiError::Kind::Validation,
            QStringLiteral("\x1b]0;owned\x07"
                           "Bad\nthing\x1b[2J\r\n"),
            422);
        QCOMPARE(e.toString(), QStringLiteral("Validation: Bad thing (HTTP 422)"));
        QCOMPARE(e.message(),
            QStringLiteral("\x1b]0;owned\x07"
                           "Bad\nthing\x1b[2J\r\n"));
        QCOMPARE(ApiError(ApiError::Kind::Server, QStringLiteral("\x1b[0m"), 500).toString(),
            QStringLiteral("Server (HTTP 500)"));
        const ApiError text = ApiError::fromTransfer(
            QNetworkReply::InternalServerError, QString(), 502, "upstream \x1b]0;x\x07gone\nbad");
        QCOMPARE(text.toString(), QStringLiteral("Server: upstream gone bad (HTTP 502)"));
    }

    void outcomeUnknownIsNamedAndNeverRetried()
    {
        const ApiError closed = ApiError::outcomeUnknown(
            ApiError(ApiError::Kind::Network, QStringLiteral("Connection closed")),
            QNetworkReply::RemoteHostClosedError);
        QCOMPARE(closed.kind(), ApiError::Kind::OutcomeUnknown);
        QCOMPARE(closed.toString(),
            QStringLiteral("Outcome unknown: The server closed the connection before answering; "
                           "the change may or may not have been made"));
        QVERIFY(!closed.isTransient());
        const ApiError late = ApiError::outcomeUnknown(
            ApiError(ApiError::Kind::Timeout, QStringLiteral("timed out")),
            QNetworkReply::OperationCanceledError);
        QVERIFY(late.message().startsWith(QLatin1String("The server did not answer in time")));
        const ApiError other = ApiError::outcomeUnknown(
            ApiError(ApiError::Kind::Network, QStringLiteral("Broken pipe")),
            QNetworkReply::UnknownNetworkError);
        QVERIFY(other.message().contains(QLatin1String("(Broken pipe)")));
    }

    // Found by fuzz/fuzz_errorbody.cpp (seed fuzz/seeds/errorbody/regression-split-character.bin):
    // a text body was cut at 200 UTF-16 units, through the middle of a character beyond the BMP.
    void serverMessageNeverSplitsACharacter()
    {
        const QByteArray emoji = QByteArrayLiteral("\xF0\x9F\x98\x80"); // U+1F600: two units
        QByteArray body(199, 'a');
        body += emoji + emoji;
        const QString message = ApiError::serverMessage(body);
        QCOMPARE(message.size(), 199);
        QVERIFY(!message.back().isHighSurrogate());
        body = QByteArray(198, 'a') + emoji + "b";
        QCOMPARE(ApiError::serverMessage(body),
            QString(198, QLatin1Char('a')) + QString::fromUtf8(emoji));
        QCOMPARE(ApiError::serverMessage(QByteArray(250, 'x')).size(), 200);
    }

    void missingScopeIsNamed()
    {
        const ApiError e(ApiError::Kind::Forbidden,
            QStringLiteral("Your access token doesn't have the read_clusters scope"), 403);
        QCOMPARE(e.kindName(), QStringLiteral("missing scope"));
        QCOMPARE(
            ApiError(ApiError::Kind::Forbidden, QStringLiteral("Not an admin"), 403).kindName(),
            QStringLiteral("permission"));
    }
};

QTEST_GUILESS_MAIN(TestRequests)
#include "tst_requests.moc"
