// SPDX-License-Identifier: MIT
// Every endpoint through the real client, over real loopback HTTP, against the sandbox.
#include "api/apiclient.h"
#include "api/requests/accesstokenrequests.h"
#include "api/requests/agentrequests.h"
#include "api/requests/clusterrequests.h"
#include "api/requests/queuerequests.h"
#include "api/requests/tokenrequests.h"
#include "jsonliteral.h"
#include "modeltesthelpers.h"
#include "organizationloader.h"
#include "sandboxserver.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

class TestApiSandbox final : public QObject {
    Q_OBJECT

    SandboxServer* m_server = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    ApiClient* m_client = nullptr;
    QString m_org;

    template <class Request>
    Result<typename Request::Value> run(const Request& request)
    {
        std::optional<Result<typename Request::Value>> out;
        m_client->call(request, this, [&](const Result<typename Request::Value>& r) { out = r; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
            return ApiError(ApiError::Kind::Network, QStringLiteral("test: no answer"));
        return *out;
    }

    template <class Request>
    typename Request::Value must(const Request& request)
    {
        auto r = run(request);
        if (!r.ok())
            qFatal("request failed: %s", qPrintable(r.error().toString()));
        return r.value();
    }

private Q_SLOTS:
    void init()
    {
        m_server = new SandboxServer(this);
        m_server->seedDemo();
        QVERIFY(m_server->listen());
        m_org = m_server->organization();
        m_nam = new QNetworkAccessManager(this);
        m_client = new ApiClient(m_nam, this);
        QVERIFY(!m_client->setBaseUrl(m_server->baseUrl()));
        m_client->setToken(m_server->readWriteToken());
        auto o = m_client->options();
        o.backoffBaseMs = 10;
        m_client->setOptions(o);
    }
    void cleanup()
    {
        delete m_client;
        delete m_nam;
        delete m_server;
    }

    void accessToken()
    {
        const AccessToken t = must(GetAccessToken {});
        QVERIFY(t.canRead());
        QVERIFY(t.canWrite());
        QVERIFY(!t.uuid.isEmpty());
        m_client->setToken(m_server->readOnlyToken());
        const AccessToken ro = must(GetAccessToken {});
        QVERIFY(ro.canRead());
        QVERIFY(!ro.canWrite());
    }

    void clusterLifecycle()
    {
        const QList<Cluster> before = must(ListClusters { m_org });
        QVERIFY2(before.size() > 30, "the demo organisation needs a second page at per_page=30");

        ClusterInput input;
        input.name = QStringLiteral("Kitedeck test");
        input.description = QStringLiteral("Made by a test");
        input.emoji = QStringLiteral(":rocket:");
        input.color = QStringLiteral("#FFE0F1");
        const Cluster created = must(CreateCluster { m_org, input });
        QCOMPARE(created.name, QStringLiteral("Kitedeck test"));
        QCOMPARE(created.emoji, QStringLiteral(":rocket:"));
        QVERIFY(created.defaultQueueId.isEmpty()); // API-created clusters have no default queue
        QVERIFY(QUrl(created.url).port() == m_server->port()); // URLs point at the sandbox itself

        QCOMPARE(
            must(GetCluster { m_org, created.id }).description, QStringLiteral("Made by a test"));
        QCOMPARE(must(ListClusters { m_org }).size(), before.size() + 1);

        const Queue queue
            = must(CreateQueue { m_org, created.id, QueueInput { QStringLiteral("default") } });
        ClusterInput change;
        change.name = QStringLiteral("Renamed");
        change.defaultQueueId = queue.id;
        const Cluster updated = must(UpdateCluster { m_org, created.id, change });
        QCOMPARE(updated.name, QStringLiteral("Renamed"));
        QCOMPARE(updated.defaultQueueId, queue.id);
        QCOMPARE(updated.description, QStringLiteral("Made by a test")); // untouched fields stay

        must(DeleteCluster { m_org, created.id });
        auto gone = run(GetCluster { m_org, created.id });
        QCOMPARE(gone.error().kind(), ApiError::Kind::NotFound);
        QVERIFY(!gone.error().message().isEmpty());
        // Its queues went with it.
        QCOMPARE(
            run(GetQueue { m_org, created.id, queue.id }).error().kind(), ApiError::Kind::NotFound);
    }

    void clusterValidation()
    {
        auto r = run(CreateCluster { m_org, ClusterInput {} });
        QCOMPARE(r.error().kind(), ApiError::Kind::Validation);
        QVERIFY(r.error().message().startsWith(QLatin1String("Validation failed")));
    }

    void queueLifecycleWithPauseAndResume()
    {
        const Cluster cluster = must(ListClusters { m_org }).constFirst();
        QueueInput input { QStringLiteral("kitedeck-test"), QStringLiteral("Test queue") };
        const Queue q = must(CreateQueue { m_org, cluster.id, input });
        QCOMPARE(q.key, QStringLiteral("kitedeck-test"));
        QCOMPARE(q.clusterId, cluster.id);
        QVERIFY(!q.hosted);
        QVERIFY(!q.dispatchPaused);

        auto dup = run(CreateQueue { m_org, cluster.id, input });
        QCOMPARE(dup.error().kind(), ApiError::Kind::Validation);

        auto badKey
            = run(CreateQueue { m_org, cluster.id, QueueInput { QStringLiteral("no spaces!") } });
        QCOMPARE(badKey.error().kind(), ApiError::Kind::Validation);

        const Queue paused = must(
            PauseQueue { m_org, cluster.id, q.id, QStringLiteral("Investigating incident 42") });
        QVERIFY(paused.dispatchPaused);
        QCOMPARE(paused.dispatchPausedNote, QStringLiteral("Investigating incident 42"));
        QVERIFY(paused.dispatchPausedBy.has_value());
        QVERIFY(!paused.dispatchPausedBy->name.isEmpty());
        QVERIFY(paused.dispatchPausedAt.isValid());
        auto again = run(PauseQueue { m_org, cluster.id, q.id, {} });
        QCOMPARE(again.error().kind(), ApiError::Kind::Validation);
        QCOMPARE(again.error().message(), QStringLiteral("Cluster queue is already paused"));

        QVERIFY(must(GetQueue { m_org, cluster.id, q.id }).dispatchPaused);
        const Queue resumed = must(ResumeQueue { m_org, cluster.id, q.id });
        QVERIFY(!resumed.dispatchPaused);
        QVERIFY(!resumed.dispatchPausedBy.has_value());
        QCOMPARE(run(ResumeQueue { m_org, cluster.id, q.id }).error().message(),
            QStringLiteral("Cluster queue is not paused"));

        QueueInput edit;
        edit.description = QStringLiteral("Edited");
        edit.retryAgentAffinity = QStringLiteral("prefer-different");
        const Queue edited = must(UpdateQueue { m_org, cluster.id, q.id, edit });
        QCOMPARE(edited.description, QStringLiteral("Edited"));
        QCOMPARE(edited.retryAgentAffinity, QStringLiteral("prefer-different"));
        QCOMPARE(edited.key, QStringLiteral("kitedeck-test"));

        const QList<Queue> queues = must(ListQueues { m_org, cluster.id });
        QVERIFY(std::any_of(
            queues.begin(), queues.end(), [&](const Queue& x) { return x.id == q.id; }));
        must(DeleteQueue { m_org, cluster.id, q.id });
        QCOMPARE(
            run(GetQueue { m_org, cluster.id, q.id }).error().kind(), ApiError::Kind::NotFound);
    }

    void hostedQueues()
    {
        const Cluster cluster = must(ListClusters { m_org }).constFirst();
        QueueInput input { QStringLiteral("kitedeck-hosted-test"), QStringLiteral("Hosted"), {},
            QStringLiteral("LINUX_AMD64_2X4") };
        const Queue q = must(CreateQueue { m_org, cluster.id, input });
        QVERIFY(q.hosted);
        QCOMPARE(q.instanceShape.name, QStringLiteral("LINUX_AMD64_2X4"));
        QCOMPARE(q.instanceShape.machineType, QStringLiteral("linux"));
        QCOMPARE(q.instanceShape.architecture, QStringLiteral("amd64"));
        QCOMPARE(q.instanceShape.cpu, 2);
        QCOMPARE(q.instanceShape.memoryGb, 4);

        QueueInput bigger;
        bigger.instanceShape = QStringLiteral("LINUX_AMD64_8X32");
        QCOMPARE(must(UpdateQueue { m_org, cluster.id, q.id, bigger }).instanceShape.cpu, 8);

        QueueInput otherArch;
        otherArch.instanceShape = QStringLiteral("LINUX_ARM64_8X32");
        QCOMPARE(run(UpdateQueue { m_org, cluster.id, q.id, otherArch }).error().kind(),
            ApiError::Kind::Validation);
        QueueInput otherType;
        otherType.instanceShape = QStringLiteral("MACOS_ARM64_M4_6X28");
        QCOMPARE(run(UpdateQueue { m_org, cluster.id, q.id, otherType }).error().kind(),
            ApiError::Kind::Validation);

        QueueInput removed { QStringLiteral("old-mac"), {}, {}, QStringLiteral("MACOS_M2_4X7") };
        QCOMPARE(run(CreateQueue { m_org, cluster.id, removed }).error().kind(),
            ApiError::Kind::Validation);
        QueueInput unknown { QStringLiteral("weird"), {}, {}, QStringLiteral("LINUX_QUANTUM_1X1") };
        QCOMPARE(run(CreateQueue { m_org, cluster.id, unknown }).error().kind(),
            ApiError::Kind::Validation);
    }

    void tokenLifecycle()
    {
        const Cluster cluster = must(ListClusters { m_org }).constFirst();
        AgentTokenInput input { QStringLiteral("Windows agents"), QStringLiteral("10.0.0.0/8"),
            QDateTime::currentDateTimeUtc().addDays(30) };
        const CreatedAgentToken created = must(CreateAgentToken { m_org, cluster.id, input });
        QVERIFY(created.value.size() >= 20);
        QCOMPARE(created.token.description, QStringLiteral("Windows agents"));
        QCOMPARE(created.token.allowedIpAddresses, QStringLiteral("10.0.0.0/8"));
        QVERIFY(created.token.expiresAt.isValid());

        const AgentToken fetched = must(GetAgentToken { m_org, cluster.id, created.token.id });
        QVERIFY(!TestData::tokenText(fetched).contains(created.value));
        const QList<AgentToken> tokens = must(ListAgentTokens { m_org, cluster.id });
        QVERIFY(std::any_of(tokens.begin(), tokens.end(),
            [&](const AgentToken& t) { return t.id == created.token.id; }));
        for (const AgentToken& t : tokens)
            QVERIFY(!TestData::tokenText(t).contains(created.value));

        AgentTokenInput edit { QStringLiteral("Renamed"),
            QStringLiteral("192.168.0.0/16 10.1.0.0/16") };
        const AgentToken updated
            = must(UpdateAgentToken { m_org, cluster.id, created.token.id, edit });
        QCOMPARE(updated.description, QStringLiteral("Renamed"));
        QCOMPARE(updated.allowedIpList().size(), 2);
        QCOMPARE(updated.expiresAt, fetched.expiresAt);

        AgentTokenInput tooSoon { QStringLiteral("Short"), {},
            QDateTime::currentDateTimeUtc().addSecs(120) };
        auto r = run(CreateAgentToken { m_org, cluster.id, tooSoon });
        QCOMPARE(r.error().kind(), ApiError::Kind::Validation);

        must(DeleteAgentToken { m_org, cluster.id, created.token.id });
        QCOMPARE(run(GetAgentToken { m_org, cluster.id, created.token.id }).error().kind(),
            ApiError::Kind::NotFound);
    }

    void scopesAndAuthentication()
    {
        m_client->setToken(m_server->readOnlyToken());
        const Cluster cluster = must(ListClusters { m_org }).constFirst();
        auto r = run(PauseQueue { m_org, cluster.id, cluster.defaultQueueId, {} });
        QCOMPARE(r.error().kind(), ApiError::Kind::Forbidden);
        QCOMPARE(r.error().message(),
            QStringLiteral("Your access token doesn't have the write_clusters scope"));
        QCOMPARE(r.error().kindName(), QStringLiteral("missing scope"));

        m_client->setToken(QStringLiteral("not-a-token"));
        QSignalSpy unauthorized(m_client, &ApiClient::unauthorized);
        auto denied = run(ListClusters { m_org });
        QCOMPARE(denied.error().kind(), ApiError::Kind::Unauthorized);
        QVERIFY(denied.error().message().startsWith(QLatin1String("Authentication required")));
        QCOMPARE(unauthorized.size(), 1);
    }

    void rateLimitHeadersAndRecovery()
    {
        QSignalSpy rate(m_client, &ApiClient::rateLimitChanged);
        must(GetAccessToken {});
        QVERIFY(rate.size() >= 1);
        QVERIFY(m_client->rateLimit().user.isKnown());
        QVERIFY(m_client->rateLimit().organization.isKnown());
    }

    void serverFaultsAreRetriedForReads()
    {
        m_server->failPath(QStringLiteral("/clusters$"), 503,
            JSON({"message":"Hosted settings could not be applied"}), 2);
        QVERIFY(must(ListClusters { m_org }).size() > 30);
        m_server->dropConnectionOnPath(QStringLiteral("/queues$"), 1);
        const Cluster c = must(ListClusters { m_org }).constFirst();
        QVERIFY(!must(ListQueues { m_org, c.id }).isEmpty());
        m_server->malformJsonOnPath(QStringLiteral("/tokens$"), 1);
        auto bad = run(ListAgentTokens { m_org, c.id });
        QCOMPARE(bad.error().kind(), ApiError::Kind::BadResponse);
    }

    void wholeOrganisationLoad()
    {
        // With latency, parallel requests overlap at the server; one after another they would not.
        m_server->setLatency(30);
        OrganizationLoader loader(m_client);
        QSignalSpy clusters(&loader, &OrganizationLoader::clustersLoaded);
        QSignalSpy finished(&loader, &OrganizationLoader::finished);
        // Each cluster's queues and tokens go out once, with clusterLoaded, and are not kept.
        int queues = 0;
        int tokens = 0;
        connect(&loader, &OrganizationLoader::clusterLoaded, this, [&](const ClusterSnapshot& c) {
            queues += int(c.queues.size());
            tokens += int(c.tokens.size());
        });
        loader.load(m_org);
        QVERIFY(finished.wait(20000));
        QCOMPARE(clusters.size(), 1);
        const auto snapshot = finished.at(0).at(0).value<OrganizationSnapshot>();
        const auto error = finished.at(0).at(1).value<ApiError>();
        QVERIFY2(!error, qPrintable(error.toString()));
        QVERIFY(snapshot.clusters.size() > 30);
        QVERIFY(queues > 0);
        QVERIFY(tokens > 0);
        QCOMPARE(snapshot.queueCount() + snapshot.tokenCount(), 0);
        QVERIFY(m_server->maxConcurrentOpen() > 1); // queues and tokens were asked for in parallel
    }

    // Every field Agent reads, from what the sandbox sends, and the four agent writes.
    void agents()
    {
        const QList<Agent> all = must(ListAgents { m_org });
        QCOMPARE(all.size(), m_server->agentCount());
        const Cluster production = [&] {
            for (const Cluster& c : must(ListClusters { m_org })) {
                if (c.name == QLatin1String("Production"))
                    return c;
            }
            return Cluster {};
        }();
        Queue queue;
        for (const Queue& q : must(ListQueues { m_org, production.id })) {
            if (q.key == QLatin1String("default"))
                queue = q;
        }
        QVERIFY(!queue.id.isEmpty());

        SandboxServer::AgentOptions options;
        options.name = QStringLiteral("probe-1");
        options.hostname = QStringLiteral("probe-1.internal");
        options.version = QStringLiteral("3.98.2");
        options.osId = QStringLiteral("darwin");
        options.arch = QStringLiteral("arm64");
        options.tags = { QStringLiteral("os=macos") };
        options.priority = 7;
        const QString id = m_server->connectAgent(queue.id, options);
        QVERIFY(!m_server->assignJob(id, QStringLiteral(":hammer: Build")).isEmpty());

        AgentFilter filter;
        filter.clusterQueueId = queue.id;
        const QList<Agent> onQueue = must(ListAgents { m_org, filter });
        QCOMPARE(onQueue.size(), m_server->agentCount(queue.id));
        const auto it = std::find_if(
            onQueue.cbegin(), onQueue.cend(), [&](const Agent& a) { return a.id == id; });
        QVERIFY(it != onQueue.cend());
        const Agent& a = *it;
        QVERIFY(!a.graphqlId.isEmpty());
        QCOMPARE(QUrl(a.url).port(), int(m_server->port()));
        QCOMPARE(a.name, QStringLiteral("probe-1"));
        QCOMPARE(a.connectionState, QStringLiteral("connected"));
        QCOMPARE(a.hostname, QStringLiteral("probe-1.internal"));
        QVERIFY(!a.ipAddress.isEmpty());
        QCOMPARE(a.userAgent, QStringLiteral("buildkite-agent/3.98.2 (darwin; arm64)"));
        QCOMPARE(a.version, QStringLiteral("3.98.2"));
        QVERIFY(a.creator && !a.creator->name.isEmpty());
        QVERIFY(a.createdAt.isValid());
        QVERIFY(a.connectedAt.isValid());
        QCOMPARE(a.connectedSince(), a.connectedAt);
        QVERIFY(!a.disconnectedAt.isValid());
        QVERIFY(!a.lostAt.isValid());
        QCOMPARE(a.osId, QStringLiteral("darwin"));
        QCOMPARE(a.arch, QStringLiteral("arm64"));
        QCOMPARE(a.priority, std::optional<qint64>(7));
        QCOMPARE(a.metaData,
            QStringList({ QStringLiteral("queue=default"), QStringLiteral("os=macos") }));
        // Placed by the ids of its web_url, and the key agrees.
        QCOMPARE(a.clusterId, production.id);
        QCOMPARE(a.queueId, queue.id);
        QCOMPARE(a.queueKey, QStringLiteral("default"));
        QVERIFY(a.isBusy());
        QCOMPARE(a.job->name, QStringLiteral(":hammer: Build"));
        QVERIFY(!a.job->id.isEmpty());
        QCOMPARE(a.job->state, QStringLiteral("running"));
        QVERIFY(a.job->startedAt.isValid());
        QVERIFY(!a.job->buildName().isEmpty());
        QVERIFY(!a.paused);
        QVERIFY(!a.pausedBy);
        QCOMPARE(must(GetAgent { m_org, id }), a);

        // Writes: 204s, then the agent as it is.
        must(PauseAgent { m_org, id, QStringLiteral("Rotating credentials"), 30 });
        const Agent paused = must(GetAgent { m_org, id });
        QVERIFY(paused.paused);
        QCOMPARE(paused.pausedNote, QStringLiteral("Rotating credentials"));
        QCOMPARE(paused.pausedTimeoutMinutes, std::optional<qint64>(30));
        QVERIFY(paused.pausedAt.isValid());
        QVERIFY(paused.pausedBy && !paused.pausedBy->name.isEmpty());
        QCOMPARE(paused.state(), Agent::State::Busy); // still running its job
        must(ResumeAgent { m_org, id });
        QVERIFY(!must(GetAgent { m_org, id }).paused);
        must(StopAgent { m_org, id, false });
        QCOMPARE(must(GetAgent { m_org, id }).connectionState, QStringLiteral("stopping"));
        must(StopAgent { m_org, id, true });
        const Agent stopped = must(GetAgent { m_org, id });
        QCOMPARE(stopped.connectionState, QStringLiteral("stopped"));
        QCOMPARE(stopped.state(), Agent::State::Offline);
        QVERIFY(stopped.disconnectedAt.isValid());
        const auto again = run(StopAgent { m_org, id, false });
        QCOMPARE(again.error().httpStatus(), 400);
        QCOMPARE(again.error().message(), QStringLiteral("Can only stop connected agents"));

        // The read-only token may read agents and not change them.
        m_client->setToken(m_server->readOnlyToken());
        QVERIFY(run(ListAgents { m_org }).ok());
        QCOMPARE(
            run(PauseAgent { m_org, all.first().id }).error().kind(), ApiError::Kind::Forbidden);
    }
};

QTEST_GUILESS_MAIN(TestApiSandbox)
#include "tst_api_sandbox.moc"
