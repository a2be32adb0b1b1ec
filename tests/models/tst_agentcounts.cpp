// SPDX-License-Identifier: MIT
// Agent counts: AgentTally's grouping, and the navigation tree's agent roles, merged from one
// list of the organisation's agents per refresh.
#include "agentlistmodel.h"
#include "agenttally.h"
#include "modeltesthelpers.h"
#include "organizationsnapshot.h"
#include "organizationtreemodel.h"
#include "rowtext.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>

using M = OrganizationTreeModel;
using Kind = OrganizationTreeModel::NodeKind;
using State = Agent::State;
using namespace TestData;

namespace {

#define TESTED_MODEL(model)                                                                        \
    OrganizationTreeModel model;                                                                   \
    QAbstractItemModelTester model##Tester(                                                        \
        &model, QAbstractItemModelTester::FailureReportingMode::QtTest)

const QString c1 = QStringLiteral("c1");
const QString c2 = QStringLiteral("c2");
const QString q1 = QStringLiteral("q1"); // c1 "default"
const QString q2 = QStringLiteral("q2"); // c1 "arm"
const QString q3 = QStringLiteral("q3"); // c2 "deploy"
const QString q4 = QStringLiteral("q4"); // c2 "hosted", hosted

// An agent as the API sends it: placed by the ids in its web_url (when given), its `queue` key.
Agent agent(const QString& id, const QString& clusterId, const QString& queueId, State state,
    const QString& queueKey = {})
{
    QJsonObject json { { QStringLiteral("id"), id }, { QStringLiteral("name"), id },
        { QStringLiteral("connection_state"),
            state == State::Offline        ? QStringLiteral("disconnected")
                : state == State::Stopping ? QStringLiteral("stopping")
                                           : QStringLiteral("connected") },
        { QStringLiteral("paused"), state == State::Paused } };
    if (state == State::Busy)
        json.insert(QStringLiteral("job"),
            QJsonObject { { QStringLiteral("id"), id + QStringLiteral("-job") } });
    QString web = QStringLiteral("https://buildkite.com/organizations/acme");
    if (!clusterId.isEmpty()) {
        web += QStringLiteral("/clusters/") + clusterId;
        if (!queueId.isEmpty())
            web += QStringLiteral("/queues/") + queueId;
    }
    json.insert(QStringLiteral("web_url"), web + QStringLiteral("/agents/") + id);
    if (!queueKey.isEmpty())
        json.insert(QStringLiteral("queue"), queueKey);
    return parse<Agent>(json);
}

OrganizationSnapshot snapshot()
{
    OrganizationSnapshot s { QStringLiteral("acme"), {} };
    s.clusters.append({ cluster(c1, QStringLiteral("Build")),
        { queue(q1, c1, QStringLiteral("default")), queue(q2, c1, QStringLiteral("arm")) }, {},
        {} });
    s.clusters.append({ cluster(c2, QStringLiteral("Deploy")),
        { queue(q3, c2, QStringLiteral("deploy")),
            queue(q4, c2, QStringLiteral("hosted"),
                { { QStringLiteral("hosted"), true },
                    { QStringLiteral("hosted_agents"),
                        QJsonObject { { QStringLiteral("instance_shape"),
                            QJsonObject { { QStringLiteral("name"),
                                QStringLiteral("LINUX_AMD64_2X4") } } } } } }) },
        {}, {} });
    return s;
}

// q1: 2 busy, 1 paused, 1 idle; q2: none; q3: 1 idle named by key only; one unassigned.
QList<Agent> fleet()
{
    return { agent(QStringLiteral("a1"), c1, q1, State::Busy),
        agent(QStringLiteral("a2"), c1, q1, State::Busy),
        agent(QStringLiteral("a3"), c1, q1, State::Paused),
        agent(QStringLiteral("a4"), c1, q1, State::Idle),
        agent(QStringLiteral("a5"), c2, {}, State::Idle, QStringLiteral("deploy")),
        agent(QStringLiteral("a6"), {}, {}, State::Idle, QStringLiteral("default")) };
}

struct Counts {
    QVariant connected, busy, paused;
    bool operator==(const Counts&) const = default;
};
Counts countsAt(const QModelIndex& index)
{
    return { index.data(M::AgentsConnectedRole), index.data(M::AgentsBusyRole),
        index.data(M::AgentsPausedRole) };
}
Counts counts(int connected, int busy, int paused) { return { connected, busy, paused }; }

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

namespace QTest {
template <>
char* toString(const Counts& c)
{
    return qstrdup(QStringLiteral("(%1, %2, %3)")
                       .arg(c.connected.isValid() ? c.connected.toString() : QStringLiteral("-"),
                           c.busy.isValid() ? c.busy.toString() : QStringLiteral("-"),
                           c.paused.isValid() ? c.paused.toString() : QStringLiteral("-"))
                       .toUtf8()
                       .constData());
}
} // namespace QTest

class TestAgentCounts final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tallyGroupsByWhatNamesTheQueue()
    {
        const AgentTally tally(fleet());
        QCOMPARE(tally.forQueueId(q1), (AgentCounts { 4, 2, 1, 0 }));
        QCOMPARE(tally.forQueueId(q1).idle(), 1);
        QCOMPARE(tally.forQueueId(q2), AgentCounts {});
        // Named by cluster and key: found when the queue is read with its key.
        QCOMPARE(tally.forQueueId(q3), AgentCounts {});
        QCOMPARE(
            tally.forQueue({ q3, c2, QStringLiteral("deploy") }), (AgentCounts { 1, 0, 0, 0 }));
        // A key without a cluster is never guessed into a queue.
        QCOMPARE(
            tally.forQueue({ q1, c1, QStringLiteral("default") }), (AgentCounts { 4, 2, 1, 0 }));
        QCOMPARE(tally.unassigned(), (AgentCounts { 1, 0, 0, 0 }));
        QCOMPARE(tally.forCluster(c1), (AgentCounts { 4, 2, 1, 0 }));
        QCOMPARE(tally.forCluster(c2), (AgentCounts { 1, 0, 0, 0 }));
        QCOMPARE(tally.total(), (AgentCounts { 6, 2, 1, 0 }));
    }

    void tallyCountsConnectedAgentsOnly()
    {
        const AgentTally tally({ agent(QStringLiteral("a"), c1, q1, State::Offline),
            agent(QStringLiteral("b"), c1, q1, State::Stopping) });
        QCOMPARE(tally.forQueueId(q1), (AgentCounts { 1, 0, 0, 1 }));
        QCOMPARE(tally.forQueueId(q1).idle(), 0);
        QCOMPARE(tally.agentCount(), 1);
    }

    void tallyUpsertRemoveAndReplaceQueue()
    {
        AgentTally tally(fleet());
        tally.upsert(agent(QStringLiteral("a4"), c1, q1, State::Busy)); // took a job
        QCOMPARE(tally.forQueueId(q1), (AgentCounts { 4, 3, 1, 0 }));
        tally.upsert(agent(QStringLiteral("a4"), c1, q1, State::Offline)); // gone
        QCOMPARE(tally.forQueueId(q1), (AgentCounts { 3, 2, 1, 0 }));
        QVERIFY(tally.remove(QStringLiteral("a3")));
        QVERIFY(!tally.remove(QStringLiteral("a3")));
        QCOMPARE(tally.forQueueId(q1), (AgentCounts { 2, 2, 0, 0 }));

        // q3's list replaces the agent it had by key; new ones are placed on it.
        Agent listed = agent(QStringLiteral("n1"), {}, {}, State::Idle);
        tally.replaceQueue({ q3, c2, QStringLiteral("deploy") }, { listed });
        QCOMPARE(
            tally.forQueue({ q3, c2, QStringLiteral("deploy") }), (AgentCounts { 1, 0, 0, 0 }));
        QVERIFY(!tally.contains(QStringLiteral("a5")));
        QCOMPARE(tally.forCluster(c2), (AgentCounts { 1, 0, 0, 0 }));
        tally.replaceQueue({ q1, c1, QStringLiteral("default") }, {});
        QCOMPARE(tally.forQueueId(q1), AgentCounts {});
        QCOMPARE(tally.total(), (AgentCounts { 2, 0, 0, 0 })); // n1 and the unassigned a6
    }

    void tallyDifferenceNamesTheGroupsThatChanged()
    {
        const AgentTally a(fleet());
        QVERIFY(AgentTally::difference(a, AgentTally(fleet())).isEmpty());
        QList<Agent> moved = fleet();
        moved[3] = agent(QStringLiteral("a4"), c1, q1, State::Busy); // same connected count
        const auto d = AgentTally::difference(a, AgentTally(moved));
        QCOMPARE(d.queueIds, QStringList { q1 });
        QCOMPARE(d.clusterIds, QStringList { c1 });
        QVERIFY(d.queueKeys.isEmpty());
        QVERIFY(d.totals);
        QList<Agent> fewer = fleet();
        fewer.removeAt(4);
        const auto e = AgentTally::difference(a, AgentTally(fewer));
        QVERIFY(e.queueIds.isEmpty());
        QCOMPARE(e.queueKeys.size(), 1);
        QCOMPARE(e.queueKeys.first(), std::make_pair(c2, QStringLiteral("deploy")));
    }

    // A listing measured against a tally and applied to it leaves exactly what a fresh tally of
    // the same list has, whatever moved, changed state, left, arrived or was listed twice.
    void aMeasuredListingEndsWhereAFreshTallyStarts()
    {
        QRandomGenerator random(20261130);
        const QStringList clusters { c1, c2, QString() };
        const QStringList queues { q1, q2, q3, QString() };
        const QStringList keys { QStringLiteral("default"), QStringLiteral("deploy"), QString() };
        auto randomFleet = [&] {
            QList<Agent> list;
            const int size = random.bounded(40);
            for (int i = 0; i < size; ++i) {
                list.append(agent(QStringLiteral("r%1").arg(random.bounded(30)),
                    clusters.at(random.bounded(3)), queues.at(random.bounded(4)),
                    State(random.bounded(5)), keys.at(random.bounded(3))));
            }
            return list;
        };
        for (int round = 0; round < 200; ++round) {
            AgentTally live(randomFleet());
            const QList<Agent> next = randomFleet();
            AgentTally::Listing listing;
            for (const Agent& a : next)
                listing.note(a, &live);
            if (listing.isWhole()) { // nothing noted: an empty list is a whole (empty) tally
                QVERIFY(next.isEmpty());
                continue;
            }
            const AgentTally fresh(next);
            const AgentTally old = live;
            live.beginJournal();
            live.apply(listing);
            AgentTally::Journal was = live.endJournal();
            QVERIFY2(
                AgentTally::difference(live, fresh).isEmpty(), qPrintable(QString::number(round)));
            QCOMPARE(live.agentCount(), fresh.agentCount());
            QCOMPARE(live.total(), fresh.total());
            QCOMPARE(live.unassigned(), fresh.unassigned());
            // The journal names exactly the groups whose counts changed.
            const AgentTally::Difference changed = live.changedSince(was);
            const AgentTally::Difference real = AgentTally::difference(old, fresh);
            QCOMPARE(sorted(changed.queueIds), sorted(real.queueIds));
            QCOMPARE(sorted(changed.clusterIds), sorted(real.clusterIds));
            QCOMPARE(changed.queueKeys.size(), real.queueKeys.size());
            for (const auto& key : real.queueKeys)
                QVERIFY(changed.queueKeys.contains(key));
            QCOMPARE(changed.totals, real.totals);
            // Its counts put back read as before; swapped again, as after.
            live.swapCounts(was);
            QVERIFY(AgentTally::difference(live, old).isEmpty());
            QCOMPARE(live.total(), old.total());
            live.swapCounts(was);
            QVERIFY(AgentTally::difference(live, fresh).isEmpty());
            QCOMPARE(live.unassigned(), fresh.unassigned());
        }
    }

    // Against a tally, a listing keeps only the agents placed differently; against none, all.
    void aListingKeepsOnlyWhatDiffers()
    {
        const AgentTally live(fleet());
        AgentTally::Listing same;
        for (const Agent& a : fleet())
            same.note(a, &live);
        QCOMPARE(same.keptCount(), 0);
        AgentTally again = live;
        again.beginJournal();
        again.apply(same);
        QVERIFY(again.changedSince(again.endJournal()).isEmpty());

        QList<Agent> next = fleet();
        next[3] = agent(QStringLiteral("a4"), c1, q1, State::Busy);
        next.removeAt(4); // a5 left
        AgentTally::Listing moved;
        for (const Agent& a : next)
            moved.note(a, &live);
        QCOMPARE(moved.keptCount(), 1); // a4; a5 is known by not being listed
        AgentTally after = live;
        after.beginJournal();
        after.apply(moved);
        const AgentTally::Difference d = after.changedSince(after.endJournal());
        QCOMPARE(d.queueIds, QStringList { q1 });
        QCOMPARE(d.queueKeys.size(), 1);
        QCOMPARE(d.queueKeys.first(), std::make_pair(c2, QStringLiteral("deploy")));
        QCOMPARE(sorted(d.clusterIds), (QStringList { c1, c2 }));

        AgentTally::Listing first;
        for (const Agent& a : fleet())
            first.note(a, nullptr);
        QVERIFY(first.isWhole());
        QCOMPARE(first.keptCount(), 6);
        QVERIFY(AgentTally::difference(first.takeWhole(), live).isEmpty());
    }

    // A reload measured against counts that were cleared before it ended cannot be applied: the
    // counts stay unknown (the next listing is whole) rather than turn into its changes alone.
    void aListingOutlivingItsTallyChangesNothing()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeSnapshot(snapshot());
        model.mergeAgents(fleet());
        AgentTally::Listing listing;
        QList<Agent> next = fleet();
        next[3] = agent(QStringLiteral("a4"), c1, q1, State::Busy);
        for (const Agent& a : next)
            listing.note(a, model.agentTally());
        model.clearAgents();
        ModelSpies spies(&model);
        model.mergeAgents(std::move(listing));
        QVERIFY(!model.agentsKnown());
        QCOMPARE(spies.total(), 0);
        model.mergeAgents(next);
        QVERIFY(model.agentsKnown());
        QCOMPARE(countsAt(model.indexForId(q1)), counts(4, 3, 1));
    }

    void rolesAreUnknownUntilTheAgentsAreListed()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeSnapshot(snapshot());
        QVERIFY(!model.agentsKnown());
        for (const QString& id : { q1, q2, c1 })
            QCOMPARE(countsAt(model.indexForId(id)), Counts {});
        QCOMPARE(countsAt(model.organizationIndex()), Counts {});
        QVERIFY(!model.summary().agentsKnown);
        QVERIFY(!model.agentCounts(q1));
        QVERIFY(!model.mergeQueueAgents(q1, {})); // one queue's list cannot make them known
    }

    void countsOnQueuesClustersAndTheOrganization()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeSnapshot(snapshot());
        QSignalSpy summaryChanged(&model, &OrganizationTreeModel::summaryChanged);
        model.mergeAgents(fleet());
        QCOMPARE(countsAt(model.indexForId(q1)), counts(4, 2, 1));
        QCOMPARE(countsAt(model.indexForId(q2)), counts(0, 0, 0)); // known: none
        QCOMPARE(countsAt(model.indexForId(q3)), counts(1, 0, 0)); // by cluster and key
        QCOMPARE(countsAt(model.indexForId(q4)), counts(0, 0, 0));
        QCOMPARE(countsAt(model.indexForId(c1)), counts(4, 2, 1));
        QCOMPARE(countsAt(model.indexForId(c2)), counts(1, 0, 0));
        QCOMPARE(countsAt(model.organizationIndex()), counts(6, 2, 1));
        QCOMPARE(model.agentCounts(QStringLiteral("acme"))->connected, 6);
        QCOMPARE(summaryChanged.size(), 1);
        const OrganizationSummary s = model.summary();
        QVERIFY(s.agentsKnown);
        QCOMPARE(s.agentsConnected, 6);
        QCOMPARE(s.agentsBusy, 2);
        QCOMPARE(s.agentsPaused, 1);
        QCOMPARE(s.agentsUnassigned, 1);
        // arm (self-hosted, no agents); the hosted queue with none is how hosted queues idle.
        QCOMPARE(s.queuesWithoutAgents, 1);
        QVERIFY(model.indexForId(q1)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("4 agents connected: 2 busy, 1 paused, 1 idle")));
        QVERIFY(model.indexForId(q4)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("Buildkite starts them")));
    }

    void anIdenticalListEmitsNothing()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeSnapshot(snapshot());
        model.mergeAgents(fleet());
        ModelSpies spies(&model);
        QSignalSpy summaryChanged(&model, &OrganizationTreeModel::summaryChanged);
        QSignalSpy changedIds(&model, &OrganizationTreeModel::changedIds);
        QList<Agent> reordered = fleet();
        std::reverse(reordered.begin(), reordered.end());
        model.mergeAgents(reordered);
        QCOMPARE(spies.total(), 0);
        QCOMPARE(summaryChanged.size(), 0);
        QCOMPARE(changedIds.size(), 0);
    }

    void onlyTheQueuesWhoseCountsChangedAreReported()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeSnapshot(snapshot());
        model.mergeAgents(fleet());
        ModelSpies spies(&model);
        QList<Agent> next = fleet();
        next[3] = agent(QStringLiteral("a4"), c1, q1, State::Busy); // q1: one more busy
        model.mergeAgents(next);
        // q1, its cluster and the organisation; nothing else.
        QCOMPARE(spies.changed.size(), 3);
        QCOMPARE(spies.total(), 3);
        QCOMPARE(spies.rolesFor(model.indexForId(q1)),
            sortedRoles({ Qt::ToolTipRole, M::AgentsBusyRole }));
        QCOMPARE(spies.rolesFor(model.indexForId(c1)), QList<int> { M::AgentsBusyRole });
        QCOMPARE(spies.rolesFor(model.organizationIndex()), QList<int> { M::AgentsBusyRole });
        QCOMPARE(spies.changesOf(model.indexForId(q2)), 0);
        QCOMPARE(spies.changesOf(model.indexForId(q3)), 0);
        QCOMPARE(spies.changesOf(model.indexForId(c2)), 0);

        // An agent connecting to the empty arm queue: it is no longer a queue without agents.
        spies.clear();
        QSignalSpy summaryChanged(&model, &OrganizationTreeModel::summaryChanged);
        next.append(agent(QStringLiteral("a7"), c1, q2, State::Idle));
        model.mergeAgents(next);
        QCOMPARE(countsAt(model.indexForId(q2)), counts(1, 0, 0));
        QCOMPARE(spies.rolesFor(model.indexForId(q2)),
            sortedRoles({ Qt::ToolTipRole, M::AgentsConnectedRole }));
        QCOMPARE(spies.changesOf(model.indexForId(q1)), 0);
        QCOMPARE(summaryChanged.size(), 1);
        QCOMPARE(model.summary().queuesWithoutAgents, 0);
    }

    void aKeyOnlyAgentIsReportedOnItsQueue()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeSnapshot(snapshot());
        model.mergeAgents(fleet());
        ModelSpies spies(&model);
        QList<Agent> next = fleet();
        next.removeAt(4); // a5, on c2 "deploy" by key
        model.mergeAgents(next);
        QCOMPARE(countsAt(model.indexForId(q3)), counts(0, 0, 0));
        QCOMPARE(spies.rolesFor(model.indexForId(q3)),
            sortedRoles({ Qt::ToolTipRole, M::AgentsConnectedRole }));
        QCOMPARE(spies.changesOf(model.indexForId(c2)), 1);
        QCOMPARE(model.summary().queuesWithoutAgents, 2);
    }

    void oneQueuesListUpdatesThatQueue()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeSnapshot(snapshot());
        model.mergeAgents(fleet());
        ModelSpies spies(&model);
        // a1 finished its job, a2 was stopped: q1's own list says so.
        QVERIFY(model.mergeQueueAgents(q1,
            { agent(QStringLiteral("a1"), c1, q1, State::Idle),
                agent(QStringLiteral("a3"), c1, q1, State::Paused),
                agent(QStringLiteral("a4"), c1, q1, State::Idle) }));
        QCOMPARE(countsAt(model.indexForId(q1)), counts(3, 0, 1));
        QCOMPARE(countsAt(model.indexForId(c1)), counts(3, 0, 1));
        QCOMPARE(countsAt(model.organizationIndex()), counts(5, 0, 1));
        QCOMPARE(spies.changesOf(model.indexForId(q2)), 0);
        QCOMPARE(spies.changesOf(model.indexForId(q3)), 0);
        QVERIFY(!model.mergeQueueAgents(QStringLiteral("nope"), {}));
    }

    void clearingMakesEveryCountUnknown()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeSnapshot(snapshot());
        model.mergeAgents(fleet());
        ModelSpies spies(&model);
        model.clearAgents();
        QCOMPARE(countsAt(model.indexForId(q2)), Counts {});
        QCOMPARE(countsAt(model.organizationIndex()), Counts {});
        QVERIFY(!model.summary().agentsKnown);
        QCOMPARE(model.summary().queuesWithoutAgents, 0);
        QVERIFY(spies.changesOf(model.indexForId(q2)) == 1);
        spies.clear();
        model.clearAgents();
        QCOMPARE(spies.total(), 0);
    }

    void queuesComingAndGoingKeepTheSummary()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeSnapshot(snapshot());
        model.mergeAgents(fleet());
        QCOMPARE(model.summary().queuesWithoutAgents, 1);
        QVERIFY(model.upsertQueue(queue(QStringLiteral("q5"), c1, QStringLiteral("gpu"))));
        QCOMPARE(countsAt(model.indexForId(QStringLiteral("q5"))), counts(0, 0, 0));
        QCOMPARE(model.summary().queuesWithoutAgents, 2);
        QVERIFY(model.removeQueue(c1, q2));
        QCOMPARE(model.summary().queuesWithoutAgents, 1);
        // Agents listed for a queue the tree does not have yet show once it arrives.
        QList<Agent> next = fleet();
        next.append(agent(QStringLiteral("a8"), c1, QStringLiteral("q6"), State::Busy));
        model.mergeAgents(next);
        QVERIFY(model.upsertQueue(queue(QStringLiteral("q6"), c1, QStringLiteral("late"))));
        QCOMPARE(countsAt(model.indexForId(QStringLiteral("q6"))), counts(1, 1, 0));
        QCOMPARE(model.summary().queuesWithoutAgents, 1);
        model.setOrganization(QStringLiteral("other"));
        QVERIFY(!model.agentsKnown());
        QCOMPARE(model.summary(), OrganizationSummary {});
    }

    // A deleted queue's or cluster's agents went on counting in the organisation's totals (and a
    // queue's in its cluster's) until the next list of the organisation's agents.
    void deletingAQueueOrClusterDropsItsAgentsAtOnce()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeSnapshot(snapshot());
        model.mergeAgents(fleet());
        QCOMPARE(countsAt(model.organizationIndex()), counts(6, 2, 1));
        QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
        auto reported = [&](const QModelIndex& index) {
            for (const QList<QVariant>& signal : std::as_const(dataChanged)) {
                const auto from = signal.at(0).value<QModelIndex>();
                const auto to = signal.at(1).value<QModelIndex>();
                const auto roles = signal.at(2).value<QList<int>>();
                if (from.parent() == index.parent() && from.row() <= index.row()
                    && to.row() >= index.row()
                    && (roles.isEmpty() || roles.contains(M::AgentsConnectedRole)))
                    return true;
            }
            return false;
        };

        QVERIFY(model.removeQueue(c1, q1)); // a1 to a4
        QCOMPARE(countsAt(model.indexForId(c1)), counts(0, 0, 0));
        QCOMPARE(countsAt(model.organizationIndex()), counts(2, 0, 0));
        QVERIFY(reported(model.indexForId(c1)));
        QVERIFY(reported(model.organizationIndex()));
        QCOMPARE(model.summary().agentsConnected, 2);
        QCOMPARE(model.summary().agentsBusy, 0);

        dataChanged.clear();
        QVERIFY(model.removeCluster(c2)); // a5, placed by its cluster and key
        QCOMPARE(countsAt(model.organizationIndex()), counts(1, 0, 0)); // a6, unassigned
        QVERIFY(reported(model.organizationIndex()));
        QCOMPARE(model.summary().agentsConnected, 1);
        QCOMPARE(model.summary().agentsUnassigned, 1);
        QVERIFY(!model.agentCounts(c2));

        // Removing what is not there changes nothing.
        dataChanged.clear();
        QVERIFY(!model.removeCluster(c2));
        QVERIFY(!model.removeQueue(c1, q3));
        QCOMPARE(dataChanged.size(), 0);
        QCOMPARE(countsAt(model.organizationIndex()), counts(1, 0, 0));
    }

    void tallyRemoveCluster()
    {
        AgentTally tally(fleet());
        tally.removeCluster(c1, { q1, q2 });
        QCOMPARE(tally.forCluster(c1), AgentCounts {});
        QCOMPARE(tally.total().connected, 2);
        // An agent naming only a queue of the cluster, not the cluster, goes too.
        AgentTally byQueue({ agent(QStringLiteral("b1"), {}, {}, State::Idle) });
        Agent named = agent(QStringLiteral("b2"), {}, {}, State::Busy);
        named.queueId = q3;
        byQueue.upsert(named);
        QCOMPARE(byQueue.total().connected, 2);
        byQueue.removeCluster(c2, { q3, q4 });
        QCOMPARE(byQueue.total().connected, 1);
        QCOMPARE(byQueue.forQueueId(q3), AgentCounts {});
    }

    void badgeWords()
    {
        QCOMPARE(RowText::agentsBadge({}), QStringLiteral("No agents"));
        QCOMPARE(RowText::agentsBadge({ 1, 0, 0, 0 }), QStringLiteral("1 agent"));
        QCOMPARE(RowText::agentsBadge({ 3, 1, 0, 0 }), QStringLiteral("3 agents · 1 busy"));
        QCOMPARE(
            RowText::agentsBadge({ 8, 4, 1, 0 }), QStringLiteral("8 agents · 4 busy · 1 paused"));
        QCOMPARE(RowText::agentsText({ 2, 1, 0, 1 }),
            QStringLiteral("2 agents connected: 1 busy, 1 stopping"));
    }

    void agentTableMergesById()
    {
        AgentListModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(fleet());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(0, AgentListModel::State).data().toString(), QStringLiteral("Busy"));
        QCOMPARE(model.index(2, AgentListModel::State).data().toString(), QStringLiteral("Paused"));
        QCOMPARE(model.index(3, AgentListModel::State).data().toString(), QStringLiteral("Idle"));
        QCOMPARE(model.index(0, AgentListModel::Job).data().toString(), QStringLiteral("a1-job"));
        QVERIFY(!model.index(3, AgentListModel::Job).data().isValid());
        ModelSpies spies(&model);
        model.setItems(fleet());
        QCOMPARE(spies.total(), 0);
        QList<Agent> next = fleet();
        next[0] = agent(QStringLiteral("a1"), c1, q1, State::Idle);
        next.removeAt(5);
        model.setItems(next);
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(model.index(0, AgentListModel::State).data().toString(), QStringLiteral("Idle"));
    }

    void agentTableSortKeys()
    {
        AgentListModel model;
        Agent a = agent(QStringLiteral("a"), c1, q1, State::Idle);
        a.version = QStringLiteral("3.100.0");
        Agent b = agent(QStringLiteral("b"), c1, q1, State::Busy);
        b.version = QStringLiteral("3.97.1");
        model.setItems({ a, b });
        const auto key = [&](int row, int column) {
            return model.index(row, column).data(AgentListModel::SortRole);
        };
        QVERIFY(key(1, AgentListModel::Version).toString()
            < key(0, AgentListModel::Version).toString());
        QVERIFY(key(1, AgentListModel::State).toInt() < key(0, AgentListModel::State).toInt());
    }
};

QTEST_GUILESS_MAIN(TestAgentCounts)
#include "tst_agentcounts.moc"
