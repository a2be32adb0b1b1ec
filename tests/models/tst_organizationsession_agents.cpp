// SPDX-License-Identifier: MIT
// OrganizationSession's agents against the sandbox: one paged list of the organisation's agents
// per refresh grouped into the tree's counts, one queue's list, the agent writes, and a token
// without read_agents.
#include "modeltesthelpers.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxfixture.h"

#include <QAbstractItemModelTester>
#include <QLoggingCategory>

using M = OrganizationTreeModel;

namespace {

struct Harness {
    SandboxFixture sandbox;
    std::unique_ptr<OrganizationSession> session;
    std::unique_ptr<QAbstractItemModelTester> tester;

    Harness()
    {
        if (!sandbox.start())
            qFatal("sandbox: %s", qPrintable(sandbox.errorString()));
        session = std::make_unique<OrganizationSession>(&sandbox.client(), sandbox.organization());
        tester = std::make_unique<QAbstractItemModelTester>(
            session->treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    SandboxServer& server() { return sandbox.server(); }
    M* model() const { return session->treeModel(); }

    bool refresh()
    {
        QSignalSpy finished(session.get(), &OrganizationSession::refreshFinished);
        session->refresh();
        return finished.wait(20000) && !finished.at(0).at(0).value<ApiError>();
    }

    // refreshAgents() to its end: (ok, pages).
    std::pair<bool, int> refreshAgents()
    {
        std::optional<std::pair<bool, int>> out;
        session->refreshAgents([&](bool ok, int pages) { out = { ok, pages }; });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
            return { false, -1 };
        return *out;
    }

    bool fetchAccessToken()
    {
        QSignalSpy loaded(session.get(), &OrganizationSession::accessTokenLoaded);
        session->fetchAccessToken();
        return loaded.wait(20000);
    }

    QList<Agent> listQueue(const QString& queueId)
    {
        QSignalSpy listed(session.get(), &OrganizationSession::queueAgentsListed);
        session->listQueueAgents(queueId);
        if (!listed.wait(20000))
            return {};
        return listed.at(0).at(1).value<QList<Agent>>();
    }

    QString agentsPath() const
    {
        return QStringLiteral("/v2/organizations/%1/agents").arg(sandbox.organization());
    }

    // A queue of the demo by cluster name and key.
    Queue queue(const QString& clusterName, const QString& key) const
    {
        for (const Cluster& c : model()->clusters()) {
            if (c.name != clusterName)
                continue;
            for (const Queue& q : model()->queues(c.id)) {
                if (q.key == key)
                    return q;
            }
        }
        qFatal("no queue %s/%s", qPrintable(clusterName), qPrintable(key));
        return {};
    }
};

template <class T>
struct Answer {
    std::optional<Result<T>> result;
    OrganizationSession::Callback<T> callback()
    {
        return [this](const Result<T>& r) { result = r; };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, 20000);
    }
};

int role(const M* model, const QString& id, int role)
{
    const QVariant v = model->indexForId(id).data(role);
    return v.isValid() ? v.toInt() : -1;
}

} // namespace

class TestOrganizationSessionAgents final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
    }

    void oneListGivesEveryQueueItsCounts()
    {
        Harness h;
        QVERIFY(h.refresh());
        h.server().clearRequests();
        QSignalSpy refreshed(h.session.get(), &OrganizationSession::agentsRefreshed);
        const auto [ok, pages] = h.refreshAgents();
        QVERIFY(ok);
        QCOMPARE(pages, 1);
        QCOMPARE(refreshed.size(), 1);
        QVERIFY(h.session->agentsRefreshedAt().isValid());
        // One request for the whole organisation, never one per queue.
        QCOMPARE(h.server().requests().size(), 1);
        QCOMPARE(h.server().requests().first().path, h.agentsPath());
        QVERIFY(h.server().requests().first().query.contains(QLatin1String("per_page=100")));

        int queues = 0, withNone = 0;
        for (const Cluster& c : h.model()->clusters()) {
            int clusterTotal = 0;
            for (const Queue& q : h.model()->queues(c.id)) {
                ++queues;
                QCOMPARE(
                    role(h.model(), q.id, M::AgentsConnectedRole), h.server().agentCount(q.id));
                QCOMPARE(role(h.model(), q.id, M::AgentsBusyRole), h.server().busyAgentCount(q.id));
                // The demo pauses idle agents only: paused and not busy is every paused one.
                QCOMPARE(
                    role(h.model(), q.id, M::AgentsPausedRole), h.server().pausedAgentCount(q.id));
                clusterTotal += h.server().agentCount(q.id);
                withNone += h.server().agentCount(q.id) == 0;
            }
            QCOMPARE(role(h.model(), c.id, M::AgentsConnectedRole), clusterTotal);
        }
        QVERIFY(withNone > 0 && withNone < queues);
        const OrganizationSummary s = h.model()->summary();
        QVERIFY(s.agentsKnown);
        QCOMPARE(s.agentsConnected, h.server().agentCount());
        QCOMPARE(s.agentsBusy, h.server().busyAgentCount());
        QCOMPARE(s.agentsUnassigned, 0);
        QVERIFY(s.queuesWithoutAgents > 0);
        QCOMPARE(h.model()->organizationIndex().data(M::AgentsConnectedRole).toInt(),
            h.server().agentCount());
    }

    void everyPageIsRead()
    {
        Harness h;
        QVERIFY(h.refresh());
        auto options = h.sandbox.client().options();
        options.perPage = 20;
        h.sandbox.client().setOptions(options);
        h.server().clearRequests();
        const auto [ok, pages] = h.refreshAgents();
        QVERIFY(ok);
        const int expected = (h.server().agentCount() + 19) / 20;
        QVERIFY(expected > 1);
        QCOMPARE(pages, expected);
        QCOMPARE(h.server().requests().size(), expected);
        QCOMPARE(h.model()->summary().agentsConnected, h.server().agentCount());
    }

    void countsFollowAgentsConnectingAndLeaving()
    {
        Harness h;
        QVERIFY(h.refresh());
        QVERIFY(h.refreshAgents().first);
        const Queue sbom = h.queue(QStringLiteral("Security"), QStringLiteral("sbom"));
        const Queue scanners = h.queue(QStringLiteral("Security"), QStringLiteral("scanners"));
        QCOMPARE(role(h.model(), sbom.id, M::AgentsConnectedRole), 0);
        const int without = h.model()->summary().queuesWithoutAgents;

        ModelSpies spies(h.model());
        const QString a = h.server().connectAgent(sbom.id);
        const QString b = h.server().connectAgent(sbom.id);
        QVERIFY(!h.server().assignJob(a).isEmpty());
        QVERIFY(h.refreshAgents().first);
        QCOMPARE(role(h.model(), sbom.id, M::AgentsConnectedRole), 2);
        QCOMPARE(role(h.model(), sbom.id, M::AgentsBusyRole), 1);
        QCOMPARE(h.model()->summary().queuesWithoutAgents, without - 1);
        // The queue, its cluster and the organisation: nothing else was touched.
        QCOMPARE(spies.changed.size(), 3);
        QCOMPARE(spies.changesOf(h.model()->indexForId(scanners.id)), 0);

        spies.clear();
        QVERIFY(h.server().finishJob(a));
        QVERIFY(h.server().disconnectAgent(b));
        QVERIFY(h.refreshAgents().first);
        QCOMPARE(role(h.model(), sbom.id, M::AgentsConnectedRole), 1);
        QCOMPARE(role(h.model(), sbom.id, M::AgentsBusyRole), 0);
        QVERIFY(h.server().disconnectAgent(a));
        QVERIFY(h.refreshAgents().first);
        QCOMPARE(role(h.model(), sbom.id, M::AgentsConnectedRole), 0);
        QCOMPARE(h.model()->summary().queuesWithoutAgents, without);
    }

    void anIdenticalRefreshEmitsNothing()
    {
        Harness h;
        QVERIFY(h.refresh());
        QVERIFY(h.refreshAgents().first);
        ModelSpies spies(h.model());
        QSignalSpy summary(h.model(), &OrganizationTreeModel::summaryChanged);
        QSignalSpy changedIds(h.model(), &OrganizationTreeModel::changedIds);
        QVERIFY(h.refreshAgents().first);
        QVERIFY(h.refresh());
        QCOMPARE(spies.total(), 0);
        QCOMPARE(summary.size(), 0);
        QCOMPARE(changedIds.size(), 0);
    }

    void callsWhileOneRunsShareIt()
    {
        Harness h;
        QVERIFY(h.refresh());
        h.server().clearRequests();
        int answers = 0;
        h.session->refreshAgents([&](bool ok, int) { answers += ok; });
        QVERIFY(h.session->isRefreshingAgents());
        h.session->refreshAgents([&](bool ok, int) { answers += ok; });
        QTRY_COMPARE(answers, 2);
        QCOMPARE(h.server().requests().size(), 1);
        QVERIFY(!h.session->isRefreshingAgents());
    }

    void oneQueuesAgents()
    {
        Harness h;
        QVERIFY(h.refresh());
        QVERIFY(h.refreshAgents().first);
        const Queue q = h.queue(QStringLiteral("Production"), QStringLiteral("default"));
        h.server().clearRequests();
        const QList<Agent> agents = h.listQueue(q.id);
        QCOMPARE(h.server().requests().size(), 1);
        QVERIFY(h.server().requests().first().query.contains(
            QStringLiteral("cluster_queue_id=") + q.id));
        QStringList ids;
        for (const Agent& a : agents) {
            ids.append(a.id);
            QCOMPARE(a.queueId, q.id);
            QCOMPARE(a.queueKey, q.key);
            QCOMPARE(a.clusterId, q.clusterId);
        }
        QCOMPARE(ids, h.server().agentIds(q.id));

        // The queue's own list moves its counts (and only its own) between refreshes.
        ModelSpies spies(h.model());
        h.server().connectAgent(q.id);
        QCOMPARE(h.listQueue(q.id).size(), agents.size() + 1);
        QCOMPARE(role(h.model(), q.id, M::AgentsConnectedRole), h.server().agentCount(q.id));
        QCOMPARE(spies.changed.size(), 3);
    }

    void stopPauseAndResume()
    {
        Harness h;
        QVERIFY(h.refresh());
        QVERIFY(h.refreshAgents().first);
        const Queue q = h.queue(QStringLiteral("Production"), QStringLiteral("default"));
        QList<Agent> agents = h.listQueue(q.id);
        const auto busy = std::find_if(agents.cbegin(), agents.cend(),
            [](const Agent& a) { return a.isBusy() && !a.isStopping(); });
        const auto idle = std::find_if(agents.cbegin(), agents.cend(),
            [](const Agent& a) { return a.state() == Agent::State::Idle; });
        QVERIFY(busy != agents.cend() && idle != agents.cend());
        const Agent busyAgent = *busy, idleAgent = *idle;
        const int before = h.server().agentCount(q.id);

        // Graceful: the busy agent finishes its job first; the table and counts follow.
        QSignalSpy listed(h.session.get(), &OrganizationSession::queueAgentsListed);
        Answer<NoContent> stop;
        h.session->stopAgent(busyAgent, false, nullptr, stop.callback());
        QVERIFY(stop.wait());
        QVERIFY2(stop.result->ok(), qPrintable(stop.result->error().toString()));
        QVERIFY(listed.wait(20000));
        QCOMPARE(h.server().agentConnectionState(busyAgent.id), QStringLiteral("stopping"));
        const auto stopping = listed.at(0).at(1).value<QList<Agent>>();
        QVERIFY(std::any_of(stopping.cbegin(), stopping.cend(),
            [&](const Agent& a) { return a.id == busyAgent.id && a.isStopping(); }));

        // Forced: its job is cancelled and it leaves the list.
        listed.clear();
        Answer<NoContent> force;
        h.session->stopAgent(busyAgent, true, nullptr, force.callback());
        QVERIFY(force.wait());
        QVERIFY(force.result->ok());
        QVERIFY(listed.wait(20000));
        QCOMPARE(h.server().agentConnectionState(busyAgent.id), QStringLiteral("stopped"));
        QCOMPARE(role(h.model(), q.id, M::AgentsConnectedRole), before - 1);

        // Stopped already: Buildkite's 400 comes back verbatim, and the table is listed again.
        listed.clear();
        Answer<NoContent> again;
        h.session->stopAgent(busyAgent, false, nullptr, again.callback());
        QVERIFY(again.wait());
        QVERIFY(!again.result->ok());
        QCOMPARE(again.result->error().httpStatus(), 400);
        QCOMPARE(again.result->error().message(), QStringLiteral("Can only stop connected agents"));
        QVERIFY(listed.wait(20000));

        // Pause with a note and a timeout, then resume.
        Answer<NoContent> pause;
        h.session->pauseAgent(
            idleAgent, QStringLiteral("Disk nearly full"), 45, nullptr, pause.callback());
        QVERIFY(pause.wait());
        QVERIFY2(pause.result->ok(), qPrintable(pause.result->error().toString()));
        const QList<Agent> afterPause = h.listQueue(q.id);
        const auto paused = std::find_if(afterPause.cbegin(), afterPause.cend(),
            [&](const Agent& a) { return a.id == idleAgent.id; });
        QVERIFY(paused != afterPause.cend());
        QVERIFY(paused->paused);
        QCOMPARE(paused->pausedNote, QStringLiteral("Disk nearly full"));
        QCOMPARE(paused->pausedTimeoutMinutes, std::optional<qint64>(45));
        QCOMPARE(role(h.model(), q.id, M::AgentsPausedRole), h.server().pausedAgentCount(q.id));
        Answer<NoContent> resume;
        h.session->resumeAgent(idleAgent, nullptr, resume.callback());
        QVERIFY(resume.wait());
        QVERIFY(resume.result->ok());
        QTRY_COMPARE(role(h.model(), q.id, M::AgentsPausedRole), h.server().pausedAgentCount(q.id));
    }

    void aTokenWithoutReadAgentsSendsNothing()
    {
        Harness h;
        h.sandbox.client().setToken(h.server().addApiToken(
            { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") }));
        QSignalSpy access(h.session.get(), &OrganizationSession::agentAccessChanged);
        QVERIFY(h.fetchAccessToken());
        QVERIFY(!h.session->canReadAgents());
        QCOMPARE(h.session->agentsUnavailableReason(),
            QStringLiteral("Agent counts need the read_agents scope on your API token"));
        QCOMPARE(h.session->agentWriteDeniedReason(),
            QStringLiteral("Your API token doesn't have the write_agents scope"));
        QCOMPARE(access.size(), 1);
        QVERIFY(h.refresh());
        h.server().clearRequests();
        QCOMPARE(h.refreshAgents(), std::make_pair(false, 0));
        QCOMPARE(h.server().requests().size(), 0);
        QVERIFY(!h.model()->agentsKnown());
        const QString anyQueue = h.model()->queues(h.model()->clusters().first().id).first().id;
        QVERIFY(!h.model()->indexForId(anyQueue).data(M::AgentsConnectedRole).isValid());
        QCOMPARE(h.model()->summary().clusters, h.server().clusterCount()); // the rest works
    }

    void aForbiddenListSaysSoOnce()
    {
        Harness h;
        h.sandbox.client().setToken(h.server().addApiToken({ QStringLiteral("read_clusters") }));
        QVERIFY(h.refresh());
        QSignalSpy access(h.session.get(), &OrganizationSession::agentAccessChanged);
        QSignalSpy failed(h.session.get(), &OrganizationSession::operationFailed);
        // The access token was never checked: the server's 403 is what tells.
        QCOMPARE(h.refreshAgents(), std::make_pair(false, 1));
        QCOMPARE(access.size(), 1);
        QCOMPARE(failed.size(), 0);
        QVERIFY(!h.session->canReadAgents());
        QCOMPARE(h.session->agentsUnavailableReason(),
            QStringLiteral("Agent counts need the read_agents scope on your API token"));
        h.server().clearRequests();
        QCOMPARE(h.refreshAgents(), std::make_pair(false, 0));
        QCOMPARE(h.server().requests().size(), 0);
        QCOMPARE(access.size(), 1);
        QSignalSpy queueFailed(h.session.get(), &OrganizationSession::queueAgentsFailed);
        h.session->listQueueAgents(h.model()->queues(h.model()->clusters().first().id).first().id);
        QCOMPARE(queueFailed.size(), 1);
        QCOMPARE(h.server().requests().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestOrganizationSessionAgents)
#include "tst_organizationsession_agents.moc"
