// SPDX-License-Identifier: MIT
#include "expiryindex.h"
#include "modeltesthelpers.h"
#include "organizationsnapshot.h"
#include "organizationtreemodel.h"
#include "rowtext.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QTimeZone>

using M = OrganizationTreeModel;
using Kind = OrganizationTreeModel::NodeKind;
using namespace TestData;

namespace {

// Every test that touches a model runs it under the tester for the whole test.
#define TESTED_MODEL(model)                                                                        \
    OrganizationTreeModel model;                                                                   \
    QAbstractItemModelTester model##Tester(                                                        \
        &model, QAbstractItemModelTester::FailureReportingMode::QtTest)

const QDateTime t0(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());

struct Org {
    QList<Cluster> clusters;
    QHash<QString, QList<Queue>> queues;
    QHash<QString, QList<AgentToken>> tokens;

    OrganizationSnapshot snapshot() const
    {
        OrganizationSnapshot s { QStringLiteral("acme"), {} };
        for (const Cluster& c : clusters)
            s.clusters.append({ c, queues.value(c.id), tokens.value(c.id), {} });
        return s;
    }
};

Org standardOrg()
{
    Org org;
    org.clusters = { cluster(QStringLiteral("c1"), QStringLiteral("Build"),
                         { { QStringLiteral("default_queue_id"), QStringLiteral("q1") } }),
        cluster(QStringLiteral("c2"), QStringLiteral("Deploy")) };
    org.queues[QStringLiteral("c1")]
        = { queue(QStringLiteral("q1"), QStringLiteral("c1"), QStringLiteral("default")),
              queue(QStringLiteral("q2"), QStringLiteral("c1"), QStringLiteral("arm")) };
    org.queues[QStringLiteral("c2")]
        = { queue(QStringLiteral("q3"), QStringLiteral("c2"), QStringLiteral("deploy")) };
    org.tokens[QStringLiteral("c1")]
        = { token(QStringLiteral("t1"), QStringLiteral("c1"), QStringLiteral("CI agents")),
              token(QStringLiteral("t2"), QStringLiteral("c1"), QStringLiteral("Autoscaler"),
                  t0.addDays(60)) };
    return org;
}

void load(OrganizationTreeModel& model, const Org& org)
{
    model.setNow(t0);
    model.setOrganization(QStringLiteral("acme"));
    model.mergeSnapshot(org.snapshot());
}

void dumpInto(
    const QAbstractItemModel& model, const QModelIndex& parent, int depth, QStringList& lines)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        lines.append(QString(depth * 2, QLatin1Char(' ')) + index.data().toString());
        dumpInto(model, index, depth + 1, lines);
    }
}

// The tree as indented display texts, one row a line.
QString dump(const QAbstractItemModel& model)
{
    QStringList lines;
    dumpInto(model, {}, 0, lines);
    return lines.join(QLatin1Char('\n'));
}

QString lines(std::initializer_list<const char*> rows)
{
    QStringList out;
    for (const char* row : rows)
        out.append(QString::fromUtf8(row));
    return out.join(QLatin1Char('\n'));
}

QList<int> roles(std::initializer_list<int> list) { return sortedRoles(QList<int>(list)); }

Kind kindOf(const QModelIndex& index) { return index.data(M::KindRole).value<Kind>(); }

// The summary the slow way, from the model's lists, to check the one kept incrementally.
OrganizationSummary recount(const OrganizationTreeModel& model)
{
    OrganizationSummary s;
    const QList<Cluster> clusters = model.clusters();
    s.clusters = int(clusters.size());
    for (const Cluster& c : clusters) {
        for (const Queue& q : model.queues(c.id)) {
            ++s.queues;
            s.pausedQueues += q.dispatchPaused ? 1 : 0;
        }
        for (const AgentToken& t : model.tokens(c.id)) {
            ++s.tokens;
            switch (TokenExpiry::classify(t.expiresAt, model.now())) {
            case TokenExpiry::State::Never:
                ++s.neverExpiringTokens;
                break;
            case TokenExpiry::State::ExpiringSoon:
                ++s.expiringSoonTokens;
                break;
            case TokenExpiry::State::Expired:
                ++s.expiredTokens;
                break;
            case TokenExpiry::State::Valid:
                break;
            }
        }
    }
    return s;
}

OrganizationSummary summaryOf(
    int clusters, int queues, int paused, int tokens, int never, int soon, int expired)
{
    return { clusters, queues, paused, tokens, never, soon, expired };
}

} // namespace

// For QCOMPARE's failure message (found by argument-dependent lookup).
char* toString(const OrganizationSummary& s)
{
    return QTest::toString(QStringLiteral("clusters %1, queues %2 (%3 paused), tokens %4 (%5 never "
                                          "expire, %6 expire soon, %7 expired)")
                               .arg(s.clusters)
                               .arg(s.queues)
                               .arg(s.pausedQueues)
                               .arg(s.tokens)
                               .arg(s.neverExpiringTokens)
                               .arg(s.expiringSoonTokens)
                               .arg(s.expiredTokens));
}

class TestOrganizationTreeModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyUntilAnOrganizationIsSet()
    {
        TESTED_MODEL(model);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.organizationIndex().isValid());
        model.mergeClusters(standardOrg().clusters); // ignored without an organisation
        QCOMPARE(model.rowCount(), 0);
    }

    void setOrganizationResetsToLoading()
    {
        TESTED_MODEL(model);
        ModelSpies spies(&model);
        model.setOrganization(QStringLiteral("acme"));
        QCOMPARE(spies.reset.size(), 1);
        QCOMPARE(dump(model), lines({ "acme", "  Loading…" }));
        const QModelIndex org = model.organizationIndex();
        QCOMPARE(kindOf(org), Kind::Organization);
        QCOMPARE(org.data(M::IdRole).toString(), QStringLiteral("acme"));
        QVERIFY(!org.data(M::CountRole).isValid());
        const QModelIndex loading = model.index(0, 0, org);
        QCOMPARE(kindOf(loading), Kind::Loading);
        QCOMPARE(loading.data(M::BusyRole).toBool(), true);
        QVERIFY(!(loading.flags() & Qt::ItemIsSelectable));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Name"));
    }

    void theLoadingFlagAloneChangesNoRow()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        QVERIFY(model.organizationIndex().data(M::BusyRole).toBool()); // children not known yet
        ModelSpies spies(&model);
        model.setLoading(true);
        QVERIFY(model.isLoading());
        model.mergeClusters(standardOrg().clusters);
        QVERIFY(!model.organizationIndex().data(M::BusyRole).toBool());
        spies.clear();
        model.setLoading(false);
        model.setLoading(true);
        model.setLoading(false);
        QCOMPARE(spies.total(), 0);
        QVERIFY(!model.isLoading());
    }

    // A reloaded cluster list takes the tree's own copy of each cluster that did not change
    // (its texts shared, not a second copy), keeps a changed one as it came, and changes
    // nothing in the tree.
    void unchangedClustersShareTheTreesCopy()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        const QJsonObject url { { QStringLiteral("url"),
            QStringLiteral("https://api.buildkite.com/v2/organizations/acme/clusters/c1") } };
        model.mergeClusters({ cluster(QStringLiteral("c1"), QStringLiteral("Build"), url),
            cluster(QStringLiteral("c2"), QStringLiteral("Deploy")) });
        ModelSpies spies(&model);
        QList<Cluster> again { cluster(QStringLiteral("c1"), QStringLiteral("Build"), url),
            cluster(QStringLiteral("c2"), QStringLiteral("Deploy, renamed")),
            cluster(QStringLiteral("c3"), QStringLiteral("New")) };
        const QList<Cluster> asSent = again;
        const QList<Cluster> held = model.clusters();
        QVERIFY(again.at(0).description.constData() != held.at(0).description.constData());
        model.shareUnchanged(again);
        QCOMPARE(again, asSent); // equal values
        QCOMPARE(again.at(0).description.constData(), held.at(0).description.constData());
        QCOMPARE(again.at(0).url.constData(), held.at(0).url.constData());
        QCOMPARE(again.at(1).name, QStringLiteral("Deploy, renamed"));
        QVERIFY(again.at(1).description.constData() != held.at(1).description.constData());
        QCOMPARE(spies.total(), 0);
        model.mergeClusters(again);
        QCOMPARE(model.clusters(), asSent);
    }

    void clustersThenChildrenFillTheTree()
    {
        TESTED_MODEL(model);
        const Org org = standardOrg();
        model.setNow(t0);
        model.setOrganization(QStringLiteral("acme"));
        ModelSpies spies(&model);

        model.mergeClusters(org.clusters);
        QCOMPARE(dump(model),
            lines({ "acme", "  Build", "    Queues", "      Loading…", "    Agent tokens",
                "      Loading…", "  Deploy", "    Queues", "      Loading…", "    Agent tokens",
                "      Loading…" }));
        QCOMPARE(spies.inserted.size(), 1); // both clusters in one run
        QCOMPARE(spies.removed.size(), 1); // the organisation's loading row
        QCOMPARE(spies.rolesFor(model.organizationIndex()), roles({ M::CountRole, M::BusyRole }));
        QCOMPARE(model.organizationIndex().data(M::CountRole).toInt(), 2);

        const QModelIndex build = model.indexForId(QStringLiteral("c1"));
        const QModelIndex queues = model.groupIndex(QStringLiteral("c1"), Kind::QueueGroup);
        QVERIFY(queues.data(M::BusyRole).toBool());
        spies.clear();
        QVERIFY(model.mergeClusterChildren(QStringLiteral("c1"),
            org.queues.value(QStringLiteral("c1")), org.tokens.value(QStringLiteral("c1"))));
        QCOMPARE(dump(model),
            lines({ "acme", "  Build", "    Queues (2)", "      arm", "      default",
                "    Agent tokens (2)", "      Autoscaler", "      CI agents", "  Deploy",
                "    Queues", "      Loading…", "    Agent tokens", "      Loading…" }));
        QCOMPARE(spies.inserted.size(), 2);
        QCOMPARE(spies.removed.size(), 2);
        QCOMPARE(spies.moved.size(), 0);
        QCOMPARE(spies.rolesFor(queues), roles({ Qt::DisplayRole, M::CountRole, M::BusyRole }));
        QCOMPARE(spies.changesOf(build), 0);
        QCOMPARE(queues.data(M::CountRole).toInt(), 2);
        QCOMPARE(queues.data(M::SortRole).toInt(), 0);
        QCOMPARE(
            model.groupIndex(QStringLiteral("c1"), Kind::TokenGroup).data(M::SortRole).toInt(), 1);
    }

    void rolesOfEachKind()
    {
        TESTED_MODEL(model);
        Org org = standardOrg();
        org.queues[QStringLiteral("c2")][0]
            = queue(QStringLiteral("q3"), QStringLiteral("c2"), QStringLiteral("deploy"),
                { { QStringLiteral("hosted"), true },
                    { QStringLiteral("hosted_agents"),
                        QJsonObject { { QStringLiteral("instance_shape"),
                            QJsonObject { { QStringLiteral("name"),
                                QStringLiteral("LINUX_AMD64_2X4") } } } } } });
        load(model, org);

        const QModelIndex build = model.indexForId(QStringLiteral("c1"));
        QCOMPARE(kindOf(build), Kind::Cluster);
        QCOMPARE(build.data().toString(), QStringLiteral("Build"));
        QCOMPARE(build.data(M::ClusterIdRole).toString(), QStringLiteral("c1"));
        QCOMPARE(build.data(M::EmojiRole).toString(), QStringLiteral(":rocket:"));
        QCOMPARE(build.data(M::ColorRole).toString(), QStringLiteral("#A4E3F5"));
        QCOMPARE(build.data(M::ClusterRole).value<Cluster>(), org.clusters.at(0));
        QCOMPARE(build.data(M::SearchTextRole).toString(), QStringLiteral("Build About Build c1"));
        QCOMPARE(build.data(Qt::ToolTipRole).toString(), QStringLiteral("Build\nAbout Build"));

        const QModelIndex q1 = model.indexForId(QStringLiteral("q1"));
        QCOMPARE(kindOf(q1), Kind::Queue);
        QCOMPARE(q1.data().toString(), QStringLiteral("default"));
        QCOMPARE(q1.data(M::ClusterIdRole).toString(), QStringLiteral("c1"));
        QCOMPARE(q1.data(M::SortRole).toString(), QStringLiteral("default"));
        QCOMPARE(q1.data(M::IsDefaultQueueRole).toBool(), true);
        QCOMPARE(
            model.indexForId(QStringLiteral("q2")).data(M::IsDefaultQueueRole).toBool(), false);
        QCOMPARE(q1.data(M::PausedRole).toBool(), false);
        QCOMPARE(q1.data(M::HostedRole).toBool(), false);
        QCOMPARE(q1.data(M::InstanceShapeRole).toString(), QString());
        QCOMPARE(q1.data(M::QueueRole).value<Queue>().key, QStringLiteral("default"));
        QVERIFY(q1.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Default queue")));
        QVERIFY(q1.flags() & Qt::ItemNeverHasChildren);

        const QModelIndex hosted = model.indexForId(QStringLiteral("q3"));
        QCOMPARE(hosted.data(M::HostedRole).toBool(), true);
        QCOMPARE(hosted.data(M::InstanceShapeRole).toString(),
            QStringLiteral("Linux AMD64 · Small · 2 vCPU · 4 GB RAM"));

        const QModelIndex t2 = model.indexForId(QStringLiteral("t2"));
        QCOMPARE(kindOf(t2), Kind::Token);
        QCOMPARE(t2.data().toString(), QStringLiteral("Autoscaler"));
        QCOMPARE(t2.data(M::ExpiryRole).toDateTime(), t0.addDays(60));
        QCOMPARE(t2.data(M::ExpiryStateRole).value<M::ExpiryState>(), M::ExpiryState::Valid);
        QCOMPARE(t2.data(M::AgentTokenRole).value<AgentToken>().id, QStringLiteral("t2"));
        QCOMPARE(t2.data(M::SearchTextRole).toString(), QStringLiteral("Autoscaler t2"));
        const QModelIndex t1 = model.indexForId(QStringLiteral("t1"));
        QCOMPARE(t1.data(M::ExpiryStateRole).value<M::ExpiryState>(), M::ExpiryState::Never);
        QVERIFY(!t1.data(M::ExpiryRole).toDateTime().isValid());

        const QModelIndex tokens = model.groupIndex(QStringLiteral("c1"), Kind::TokenGroup);
        QCOMPARE(kindOf(tokens), Kind::TokenGroup);
        QCOMPARE(tokens.data(M::IdRole).toString(), M::tokenGroupId(QStringLiteral("c1")));
        QCOMPARE(tokens.data(M::ClusterIdRole).toString(), QStringLiteral("c1"));
        QCOMPARE(tokens.data().toString(), QStringLiteral("Agent tokens (2)"));
        QCOMPARE(model.groupIndex(QStringLiteral("c2"), Kind::TokenGroup).data().toString(),
            QStringLiteral("Agent tokens (0)"));

        const QHash<int, QByteArray> names = model.roleNames();
        QCOMPARE(names.value(M::ClusterRole), QByteArray("clusterValue"));
        QCOMPARE(names.value(M::ExpiryStateRole), QByteArray("expiryState"));
        QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
    }

    void identicalRefreshEmitsNothing()
    {
        TESTED_MODEL(model);
        load(model, standardOrg());
        ModelSpies spies(&model);
        QSignalSpy changedIds(&model, &OrganizationTreeModel::changedIds);

        // Fresh values, equal to the ones held: what a refresh that found nothing new delivers.
        const Org again = standardOrg();
        model.mergeSnapshot(again.snapshot());
        model.mergeClusters(again.clusters);
        for (const Cluster& c : again.clusters)
            model.mergeClusterChildren(c.id, again.queues.value(c.id), again.tokens.value(c.id));
        for (const Queue& q : again.queues.value(QStringLiteral("c1")))
            QVERIFY(model.upsertQueue(q));
        model.upsertCluster(again.clusters.at(1));

        QCOMPARE(spies.total(), 0);
        QCOMPARE(changedIds.size(), 0);
    }

    void refreshesNeverReset()
    {
        TESTED_MODEL(model);
        load(model, standardOrg());
        ModelSpies spies(&model);
        Org changed = standardOrg();
        changed.clusters.removeFirst();
        changed.clusters.append(cluster(QStringLiteral("c3"), QStringLiteral("Test")));
        changed.queues[QStringLiteral("c2")].append(
            queue(QStringLiteral("q9"), QStringLiteral("c2"), QStringLiteral("aaa")));
        model.setLoading(true);
        model.mergeSnapshot(changed.snapshot());
        model.setLoading(false);
        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(spies.layout.size(), 0);
        QCOMPARE(dump(model),
            lines({ "acme", "  Deploy", "    Queues (2)", "      aaa", "      deploy",
                "    Agent tokens (0)", "  Test", "    Queues (0)", "    Agent tokens (0)" }));
    }

    void clustersAreInsertedAndRemovedInPlace()
    {
        TESTED_MODEL(model);
        const Org org = standardOrg();
        load(model, org);
        ModelSpies spies(&model);
        QSignalSpy changedIds(&model, &OrganizationTreeModel::changedIds);
        const QModelIndex orgIndex = model.organizationIndex();

        const Cluster test = cluster(QStringLiteral("c3"), QStringLiteral("Test"));
        model.mergeClusters({ org.clusters.at(0), test, org.clusters.at(1) });
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(spies.inserted.at(0).at(0).value<QModelIndex>(), orgIndex);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(spies.inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(spies.rolesFor(orgIndex), roles({ M::CountRole }));
        QCOMPARE(changedIds.size(), 1);
        QCOMPARE(changedIds.at(0).at(0).toStringList(), QStringList { QStringLiteral("c3") });
        // A cluster new in a refresh waits for its children like any other.
        QCOMPARE(model.rowCount(model.groupIndex(QStringLiteral("c3"), Kind::QueueGroup)), 1);

        spies.clear();
        model.mergeClusters({ test, org.clusters.at(1) });
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(spies.removed.at(0).at(1).toInt(), 0);
        QCOMPARE(spies.removed.at(0).at(2).toInt(), 0);
        QCOMPARE(spies.inserted.size(), 0);
        QCOMPARE(spies.moved.size(), 0);
        // Its queues and tokens went with it.
        QVERIFY(!model.indexForId(QStringLiteral("q1")).isValid());
        QVERIFY(!model.indexForId(QStringLiteral("t1")).isValid());
        QVERIFY(!model.indexForId(M::queueGroupId(QStringLiteral("c1"))).isValid());
        QVERIFY(!model.queue(QStringLiteral("q1")));
    }

    void reorderingMovesRows()
    {
        TESTED_MODEL(model);
        Org org = standardOrg();
        org.clusters.append(cluster(QStringLiteral("c3"), QStringLiteral("Test")));
        load(model, org);
        const QPersistentModelIndex c1(model.indexForId(QStringLiteral("c1")));
        const QPersistentModelIndex c2(model.indexForId(QStringLiteral("c2")));
        const QPersistentModelIndex c3(model.indexForId(QStringLiteral("c3")));
        const QPersistentModelIndex q3(model.indexForId(QStringLiteral("q3")));
        ModelSpies spies(&model);

        model.mergeClusters({ org.clusters.at(2), org.clusters.at(0), org.clusters.at(1) });
        QCOMPARE(spies.moved.size(), 1);
        QCOMPARE(spies.inserted.size(), 0);
        QCOMPARE(spies.removed.size(), 0);
        QCOMPARE(spies.changed.size(), 0);
        QCOMPARE(c3.row(), 0);
        QCOMPARE(c1.row(), 1);
        QCOMPARE(c2.row(), 2);
        QCOMPARE(c1.data(M::IdRole).toString(), QStringLiteral("c1"));
        QCOMPARE(q3.data(M::IdRole).toString(), QStringLiteral("q3"));
        QCOMPARE(q3.parent().parent(), QModelIndex(c2));

        spies.clear();
        model.mergeClusters(
            { org.clusters.at(1), org.clusters.at(0), org.clusters.at(2) }); // reversed
        QCOMPARE(spies.moved.size(), 2);
        QCOMPARE(spies.inserted.size() + spies.removed.size() + spies.changed.size(), 0);
        QCOMPARE(model.clusters().at(0).id, QStringLiteral("c2"));
        QCOMPARE(model.clusters().at(2).id, QStringLiteral("c3"));
    }

    void childrenAreSortedAndMoveWhenTheirKeyChanges()
    {
        TESTED_MODEL(model);
        Org org = standardOrg();
        load(model, org);
        const QModelIndex tokens = model.groupIndex(QStringLiteral("c1"), Kind::TokenGroup);
        QCOMPARE(model.index(0, 0, tokens).data(M::IdRole).toString(),
            QStringLiteral("t2")); // Autoscaler
        const QPersistentModelIndex t1(model.indexForId(QStringLiteral("t1")));
        QCOMPARE(t1.row(), 1);

        ModelSpies spies(&model);
        AgentToken renamed = org.tokens[QStringLiteral("c1")][0];
        renamed.description = QStringLiteral("Agents (all)");
        QVERIFY(model.upsertToken(renamed));
        QCOMPARE(spies.moved.size(), 1);
        QCOMPARE(spies.inserted.size() + spies.removed.size(), 0);
        QCOMPARE(t1.row(), 0);
        QCOMPARE(t1.data().toString(), QStringLiteral("Agents (all)"));
        QCOMPARE(spies.rolesFor(t1),
            roles({ Qt::DisplayRole, Qt::ToolTipRole, M::SortRole, M::SearchTextRole,
                M::AgentTokenRole, M::DescriptionRole }));
        // The count did not change: the group row is left alone.
        QCOMPARE(spies.changesOf(tokens), 0);

        // Same description: the older token first, then by id.
        AgentToken twin = org.tokens[QStringLiteral("c1")][1];
        twin.id = QStringLiteral("t0");
        twin.createdAt = twin.createdAt.addDays(1);
        QVERIFY(model.upsertToken(twin));
        QCOMPARE(model.tokens(QStringLiteral("c1")).at(1).id, QStringLiteral("t2"));
        QCOMPARE(model.tokens(QStringLiteral("c1")).at(2).id, QStringLiteral("t0"));
    }

    void pausingAQueueChangesExactlyItsRoles()
    {
        TESTED_MODEL(model);
        Org org = standardOrg();
        load(model, org);
        ModelSpies spies(&model);
        QSignalSpy changedIds(&model, &OrganizationTreeModel::changedIds);
        Org next = standardOrg();
        next.queues[QStringLiteral("c1")][1]
            = paused(next.queues[QStringLiteral("c1")][1], QStringLiteral("freeze"));
        model.mergeSnapshot(next.snapshot());

        const QModelIndex q2 = model.indexForId(QStringLiteral("q2"));
        QCOMPARE(spies.total(), 2); // the queue, and its cluster's badge
        QCOMPARE(spies.rolesFor(q2), roles({ Qt::ToolTipRole, M::QueueRole, M::PausedRole }));
        QCOMPARE(spies.rolesFor(model.indexForId(QStringLiteral("c1"))),
            roles({ Qt::ToolTipRole, M::PausedQueuesRole }));
        QCOMPARE(q2.data(M::PausedRole).toBool(), true);
        QVERIFY(q2.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Paused: freeze")));
        QCOMPARE(changedIds.size(), 1);
        QCOMPARE(changedIds.at(0).at(0).toStringList(), QStringList { QStringLiteral("q2") });
    }

    void changedFieldsReportExactRoles_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("cluster name") << QStringLiteral("c2") << QStringLiteral("name")
                                      << roles({ Qt::DisplayRole, Qt::ToolTipRole, M::SortRole,
                                             M::SearchTextRole, M::ClusterRole });
        QTest::newRow("cluster emoji") << QStringLiteral("c2") << QStringLiteral("emoji")
                                       << roles({ M::ClusterRole, M::EmojiRole });
        QTest::newRow("cluster colour") << QStringLiteral("c2") << QStringLiteral("color")
                                        << roles({ M::ClusterRole, M::ColorRole });
        QTest::newRow("cluster description")
            << QStringLiteral("c2") << QStringLiteral("description")
            << roles({ Qt::ToolTipRole, M::SearchTextRole, M::ClusterRole, M::DescriptionRole });
        QTest::newRow("queue description")
            << QStringLiteral("q3") << QStringLiteral("description")
            << roles({ Qt::ToolTipRole, M::SearchTextRole, M::QueueRole, M::DescriptionRole });
        QTest::newRow("queue affinity")
            << QStringLiteral("q3") << QStringLiteral("retry_agent_affinity")
            << roles({ M::QueueRole });
        QTest::newRow("token allowlist")
            << QStringLiteral("t1") << QStringLiteral("allowed_ip_addresses")
            << roles({ Qt::ToolTipRole, M::AgentTokenRole });
    }

    void changedFieldsReportExactRoles()
    {
        QFETCH(QString, id);
        QFETCH(QString, field);
        QFETCH(QList<int>, expected);

        TESTED_MODEL(model);
        load(model, standardOrg());
        const QJsonObject extra { { field, QStringLiteral("prefer-different") } };
        ModelSpies spies(&model);
        if (id.startsWith(QLatin1Char('c')))
            model.upsertCluster(cluster(id, QStringLiteral("Deploy"), extra));
        else if (id.startsWith(QLatin1Char('q')))
            QVERIFY(model.upsertQueue(
                queue(id, QStringLiteral("c2"), QStringLiteral("deploy"), extra)));
        else
            QVERIFY(model.upsertToken(
                token(id, QStringLiteral("c1"), QStringLiteral("CI agents"), {}, extra)));
        const QModelIndex index = model.indexForId(id);
        QCOMPARE(spies.total(), 1);
        QCOMPARE(spies.rolesFor(index), expected);
    }

    void defaultQueueBadgeFollowsTheCluster()
    {
        TESTED_MODEL(model);
        load(model, standardOrg());
        ModelSpies spies(&model);
        model.upsertCluster(cluster(QStringLiteral("c1"), QStringLiteral("Build"),
            { { QStringLiteral("default_queue_id"), QStringLiteral("q2") } }));
        const QModelIndex q1 = model.indexForId(QStringLiteral("q1"));
        const QModelIndex q2 = model.indexForId(QStringLiteral("q2"));
        QCOMPARE(spies.changed.size(), 3);
        QCOMPARE(spies.rolesFor(model.indexForId(QStringLiteral("c1"))), roles({ M::ClusterRole }));
        QCOMPARE(spies.rolesFor(q1), roles({ Qt::ToolTipRole, M::IsDefaultQueueRole }));
        QCOMPARE(spies.rolesFor(q2), roles({ Qt::ToolTipRole, M::IsDefaultQueueRole }));
        QCOMPARE(q2.data(M::IsDefaultQueueRole).toBool(), true);
        QCOMPARE(q1.data(M::IsDefaultQueueRole).toBool(), false);
    }

    void groupCountsFollowTheirChildren()
    {
        TESTED_MODEL(model);
        load(model, standardOrg());
        const QModelIndex queues = model.groupIndex(QStringLiteral("c2"), Kind::QueueGroup);
        ModelSpies spies(&model);
        QVERIFY(model.upsertQueue(
            queue(QStringLiteral("q4"), QStringLiteral("c2"), QStringLiteral("canary"))));
        QCOMPARE(queues.data().toString(), QStringLiteral("Queues (2)"));
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(spies.inserted.at(0).at(1).toInt(), 0); // "canary" sorts before "deploy"
        QCOMPARE(spies.rolesFor(queues), roles({ Qt::DisplayRole, M::CountRole }));

        spies.clear();
        QVERIFY(model.removeQueue(QStringLiteral("c2"), QStringLiteral("q3")));
        QCOMPARE(queues.data().toString(), QStringLiteral("Queues (1)"));
        QCOMPARE(queues.data(M::CountRole).toInt(), 1);
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(spies.rolesFor(queues), roles({ Qt::DisplayRole, M::CountRole }));

        spies.clear();
        QVERIFY(model.removeToken(QStringLiteral("c1"), QStringLiteral("t1")));
        QCOMPARE(model.groupIndex(QStringLiteral("c1"), Kind::TokenGroup).data().toString(),
            QStringLiteral("Agent tokens (1)"));
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(spies.changed.size(), 1);
    }

    // A collapsed cluster still shows its paused queues and expired tokens: the cluster row
    // answers both counts and reports them changed exactly when they change.
    void clusterBadgesFollowTheirChildren()
    {
        TESTED_MODEL(model);
        Org org = standardOrg();
        org.tokens[QStringLiteral("c2")] = { token(
            QStringLiteral("t3"), QStringLiteral("c2"), QStringLiteral("Soon"), t0.addDays(2)) };
        load(model, org);
        const QModelIndex c1 = model.indexForId(QStringLiteral("c1"));
        const QModelIndex c2 = model.indexForId(QStringLiteral("c2"));
        QCOMPARE(c1.data(M::PausedQueuesRole).toInt(), 0);
        QCOMPARE(c1.data(M::ExpiredTokensRole).toInt(), 0);
        QVERIFY(!c1.data(Qt::ToolTipRole).toString().contains(QStringLiteral("paused")));
        // Queue rows don't answer them.
        QVERIFY(!model.indexForId(QStringLiteral("q1")).data(M::PausedQueuesRole).isValid());

        ModelSpies spies(&model);
        QVERIFY(
            model.upsertQueue(paused(org.queues[QStringLiteral("c1")][1], QStringLiteral("x"))));
        QCOMPARE(c1.data(M::PausedQueuesRole).toInt(), 1);
        QCOMPARE(spies.rolesFor(c1), roles({ Qt::ToolTipRole, M::PausedQueuesRole }));
        QVERIFY(c1.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 queue paused")));
        QCOMPARE(spies.changesOf(c2), 0);

        // A change that leaves the count alone says nothing on the cluster row.
        spies.clear();
        Queue renamed = paused(org.queues[QStringLiteral("c1")][1], QStringLiteral("y"));
        QVERIFY(model.upsertQueue(renamed));
        QCOMPARE(spies.changesOf(c1), 0);
        QCOMPARE(spies.changed.size(), 1);

        // The second paused queue, then removing one.
        spies.clear();
        QVERIFY(
            model.upsertQueue(paused(org.queues[QStringLiteral("c1")][0], QStringLiteral("z"))));
        QCOMPARE(c1.data(M::PausedQueuesRole).toInt(), 2);
        QVERIFY(c1.data(Qt::ToolTipRole).toString().contains(QStringLiteral("2 queues paused")));
        spies.clear();
        QVERIFY(model.removeQueue(QStringLiteral("c1"), QStringLiteral("q2")));
        QCOMPARE(c1.data(M::PausedQueuesRole).toInt(), 1);
        QCOMPARE(spies.rolesFor(c1), roles({ Qt::ToolTipRole, M::PausedQueuesRole }));

        // A refresh that resumes it: the cluster row says so within the merge.
        spies.clear();
        model.mergeSnapshot(org.snapshot());
        QCOMPARE(c1.data(M::PausedQueuesRole).toInt(), 0);
        QCOMPARE(spies.rolesFor(c1), roles({ Qt::ToolTipRole, M::PausedQueuesRole }));
        spies.clear();
        model.mergeSnapshot(org.snapshot());
        QCOMPARE(spies.total(), 0);

        // Tokens expire with the clock; a new expired token and a revoked one count too.
        model.setNow(t0.addDays(3));
        QCOMPARE(c2.data(M::ExpiredTokensRole).toInt(), 1);
        QVERIFY(
            c2.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 agent token expired")));
        spies.clear();
        QVERIFY(model.upsertToken(token(
            QStringLiteral("t4"), QStringLiteral("c2"), QStringLiteral("Old"), t0.addDays(1))));
        QCOMPARE(c2.data(M::ExpiredTokensRole).toInt(), 2);
        QCOMPARE(spies.rolesFor(c2), roles({ Qt::ToolTipRole, M::ExpiredTokensRole }));
        spies.clear();
        QVERIFY(model.removeToken(QStringLiteral("c2"), QStringLiteral("t3")));
        QVERIFY(model.removeToken(QStringLiteral("c2"), QStringLiteral("t4")));
        QCOMPARE(c2.data(M::ExpiredTokensRole).toInt(), 0);
        QCOMPARE(spies.changesOf(c2), 2);
        QCOMPARE(spies.changesOf(c1), 0);
    }

    void persistentIndexesSurviveARefresh()
    {
        TESTED_MODEL(model);
        load(model, standardOrg());
        QList<QPersistentModelIndex> kept;
        const QStringList ids { QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("q1"),
            QStringLiteral("q2"), QStringLiteral("q3"), QStringLiteral("t1"), QStringLiteral("t2"),
            M::queueGroupId(QStringLiteral("c2")) };
        for (const QString& id : ids)
            kept.append(model.indexForId(id));
        const QPersistentModelIndex org(model.organizationIndex());

        Org next = standardOrg();
        next.clusters.prepend(cluster(QStringLiteral("c0"), QStringLiteral("Alpha")));
        std::swap(next.clusters[1], next.clusters[2]);
        next.queues[QStringLiteral("c1")].prepend(
            queue(QStringLiteral("q0"), QStringLiteral("c1"), QStringLiteral("aaa")));
        next.queues[QStringLiteral("c1")][1].description = QStringLiteral("changed");
        next.tokens[QStringLiteral("c1")].append(
            token(QStringLiteral("t0"), QStringLiteral("c1"), QStringLiteral("Alpha")));
        model.mergeSnapshot(next.snapshot());

        QVERIFY(org.isValid());
        QCOMPARE(org.row(), 0);
        for (qsizetype i = 0; i < ids.size(); ++i) {
            QVERIFY2(kept.at(i).isValid(), qPrintable(ids.at(i)));
            QCOMPARE(kept.at(i).data(M::IdRole).toString(), ids.at(i));
            QCOMPARE(QModelIndex(kept.at(i)), model.indexForId(ids.at(i)));
        }
        QCOMPARE(kept.at(0).row(), 2); // c1 behind c0 and c2
    }

    void clusterErrorsShowInline()
    {
        TESTED_MODEL(model);
        const Org org = standardOrg();
        model.setOrganization(QStringLiteral("acme"));
        model.mergeClusters(org.clusters);
        ModelSpies spies(&model);

        const ApiError forbidden(ApiError::Kind::Forbidden,
            QStringLiteral("Your access token doesn't have the read_clusters scope"), 403);
        QVERIFY(model.setClusterError(QStringLiteral("c2"), forbidden));
        QCOMPARE(dump(model).section(QLatin1Char('\n'), 6),
            lines({ "  Deploy", "    Queues",
                "      Your access token doesn't have the read_clusters scope", "    Agent tokens",
                "      Your access token doesn't have the read_clusters scope" }));
        // The loading rows became error rows in place.
        QCOMPARE(spies.inserted.size() + spies.removed.size(), 0);
        const QModelIndex c2 = model.indexForId(QStringLiteral("c2"));
        const QModelIndex queues = model.groupIndex(QStringLiteral("c2"), Kind::QueueGroup);
        const QModelIndex errorRow = model.index(0, 0, queues);
        QCOMPARE(kindOf(errorRow), Kind::Error);
        QCOMPARE(errorRow.data(M::ErrorRole).toString(), forbidden.message());
        QCOMPARE(errorRow.data(Qt::ToolTipRole).toString(), forbidden.toString());
        QCOMPARE(errorRow.data(M::ClusterIdRole).toString(), QStringLiteral("c2"));
        QCOMPARE(spies.rolesFor(errorRow),
            roles({ Qt::DisplayRole, Qt::ToolTipRole, M::KindRole, M::ErrorRole, M::BusyRole }));
        QCOMPARE(c2.data(M::ErrorRole).toString(), forbidden.message());
        QCOMPARE(queues.data(M::ErrorRole).toString(), forbidden.message());
        QCOMPARE(queues.data(M::BusyRole).toBool(), false);
        QCOMPARE(spies.rolesFor(c2), roles({ Qt::ToolTipRole, M::ErrorRole }));
        // The same error again is no news.
        spies.clear();
        model.setClusterError(QStringLiteral("c2"), forbidden);
        QCOMPARE(spies.total(), 0);

        // A retry shows "Loading…" again; the answer replaces it.
        model.setLoading(true);
        QCOMPARE(kindOf(model.index(0, 0, queues)), Kind::Loading);
        QVERIFY(!c2.data(M::ErrorRole).isValid());
        spies.clear();
        QVERIFY(model.mergeClusterChildren(
            QStringLiteral("c2"), org.queues.value(QStringLiteral("c2")), {}));
        QCOMPARE(kindOf(model.index(0, 0, queues)), Kind::Queue);
        QCOMPARE(model.rowCount(queues), 1);
        QCOMPARE(model.rowCount(model.groupIndex(QStringLiteral("c2"), Kind::TokenGroup)), 0);
        QVERIFY(!model.setClusterError(QStringLiteral("nope"), forbidden));
    }

    void aFailedReloadKeepsWhatWasKnown()
    {
        TESTED_MODEL(model);
        load(model, standardOrg());
        ModelSpies spies(&model);
        const ApiError down(ApiError::Kind::Server, QStringLiteral("Bad gateway"), 502);
        model.setClusterError(QStringLiteral("c1"), down);
        const QModelIndex queues = model.groupIndex(QStringLiteral("c1"), Kind::QueueGroup);
        QCOMPARE(model.rowCount(queues), 3); // arm, default, the error
        QCOMPARE(kindOf(model.index(2, 0, queues)), Kind::Error);
        QCOMPARE(queues.data().toString(), QStringLiteral("Queues (2)"));
        QCOMPARE(spies.inserted.size(), 2);
        // Starting a refresh keeps the error of something that did load until the answer.
        model.setLoading(true);
        QCOMPARE(kindOf(model.index(2, 0, queues)), Kind::Error);
        const Org org = standardOrg();
        model.mergeSnapshot(org.snapshot());
        QCOMPARE(model.rowCount(queues), 2);
        QVERIFY(!model.indexForId(QStringLiteral("c1")).data(M::ErrorRole).isValid());
    }

    // The scheduler checks a cluster's queues and its tokens apart: each merge touches its own
    // group, an identical one emits nothing, one change is one dataChanged.
    void queuesAndTokensMergeApart()
    {
        TESTED_MODEL(model);
        const Org org = standardOrg();
        model.setNow(t0);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeClusters(org.clusters);
        const QString c1 = QStringLiteral("c1");
        const QModelIndex queues = model.groupIndex(c1, Kind::QueueGroup);
        const QModelIndex tokens = model.groupIndex(c1, Kind::TokenGroup);

        QVERIFY(model.mergeClusterQueues(c1, org.queues.value(c1)));
        QCOMPARE(queues.data().toString(), QStringLiteral("Queues (2)"));
        QCOMPARE(kindOf(model.index(0, 0, tokens)), Kind::Loading); // not checked yet
        QVERIFY(model.mergeClusterTokens(c1, org.tokens.value(c1)));
        QCOMPARE(tokens.data().toString(), QStringLiteral("Agent tokens (2)"));
        QCOMPARE(model.rowCount(queues), 2);

        ModelSpies spies(&model);
        QSignalSpy changedIds(&model, &OrganizationTreeModel::changedIds);
        QVERIFY(model.mergeClusterQueues(c1, org.queues.value(c1)));
        QVERIFY(model.mergeClusterTokens(c1, org.tokens.value(c1)));
        QCOMPARE(spies.total(), 0);
        QCOMPARE(changedIds.size(), 0);

        QList<Queue> changed = org.queues.value(c1);
        changed[1].description = QStringLiteral("Changed elsewhere");
        QVERIFY(model.mergeClusterQueues(c1, changed));
        QCOMPARE(spies.total(), 1);
        QCOMPARE(spies.changesOf(model.indexForId(changed[1].id)), 1);
        QCOMPARE(changedIds.size(), 1);
        QCOMPARE(changedIds.at(0).at(0).toStringList(), QStringList { changed[1].id });

        // A failure shows in its group only, after the rows it still knows.
        spies.clear();
        const ApiError forbidden(
            ApiError::Kind::Forbidden, QStringLiteral("No tokens for you"), 403);
        QVERIFY(model.setTokensError(c1, forbidden));
        QCOMPARE(model.rowCount(tokens), 3);
        QCOMPARE(kindOf(model.index(2, 0, tokens)), Kind::Error);
        QCOMPARE(model.rowCount(queues), 2);
        QVERIFY(!queues.data(M::ErrorRole).isValid());
        QCOMPARE(model.indexForId(c1).data(M::ErrorRole).toString(), forbidden.message());
        QVERIFY(model.setQueuesError(QStringLiteral("c2"), forbidden));
        QCOMPARE(
            kindOf(model.index(0, 0, model.groupIndex(QStringLiteral("c2"), Kind::QueueGroup))),
            Kind::Error);
        QCOMPARE(
            kindOf(model.index(0, 0, model.groupIndex(QStringLiteral("c2"), Kind::TokenGroup))),
            Kind::Loading);
        QVERIFY(model.mergeClusterTokens(c1, org.tokens.value(c1)));
        QCOMPARE(model.rowCount(tokens), 2);
        QVERIFY(!model.mergeClusterQueues(QStringLiteral("nope"), {}));
        QVERIFY(!model.setTokensError(QStringLiteral("nope"), forbidden));
    }

    // When each part was last checked: a role and a line of the tooltips, which change with
    // every check and the clock alone, so nothing reports them.
    void checkTimesAreReadNotReported()
    {
        TESTED_MODEL(model);
        load(model, standardOrg());
        const QString c1 = QStringLiteral("c1");
        QVERIFY(!model.indexForId(c1).data(M::CheckedAtRole).isValid());
        ModelSpies spies(&model);
        QSignalSpy changedIds(&model, &OrganizationTreeModel::changedIds);
        model.setListCheckedAt(t0.addSecs(-300));
        model.setQueuesCheckedAt(c1, t0.addSecs(-40));
        model.setTokensCheckedAt(c1, t0.addSecs(-7200));
        QCOMPARE(spies.total(), 0);
        QCOMPARE(changedIds.size(), 0);

        QCOMPARE(model.organizationIndex().data(M::CheckedAtRole).toDateTime(), t0.addSecs(-300));
        for (const QModelIndex& index : { model.indexForId(c1),
                 model.groupIndex(c1, Kind::QueueGroup), model.indexForId(QStringLiteral("q1")) })
            QCOMPARE(index.data(M::CheckedAtRole).toDateTime(), t0.addSecs(-40));
        for (const QModelIndex& index :
            { model.groupIndex(c1, Kind::TokenGroup), model.indexForId(QStringLiteral("t1")) })
            QCOMPARE(index.data(M::CheckedAtRole).toDateTime(), t0.addSecs(-7200));
        QVERIFY(!model.indexForId(QStringLiteral("c2")).data(M::CheckedAtRole).isValid());
        QCOMPARE(model.queuesCheckedAt(c1), t0.addSecs(-40));
        QCOMPARE(model.tokensCheckedAt(c1), t0.addSecs(-7200));
        QCOMPARE(model.listCheckedAt(), t0.addSecs(-300));

        QCOMPARE(model.indexForId(c1).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Build\nAbout Build\nChecked 40 s ago"));
        QVERIFY(model.organizationIndex()
                    .data(Qt::ToolTipRole)
                    .toString()
                    .endsWith(QLatin1String("Checked 5 min ago")));
        QVERIFY(model.indexForId(QStringLiteral("t1"))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("\nChecked at ")));
        QCOMPARE(RowText::checkedText(t0.addSecs(-3), t0), QStringLiteral("Checked just now"));
        QCOMPARE(RowText::checkedText({}, t0), QStringLiteral("Not checked yet"));

        // A check finding nothing new is still nothing to report.
        const Org org = standardOrg();
        QVERIFY(model.mergeClusterQueues(c1, org.queues.value(c1)));
        model.setQueuesCheckedAt(c1, t0);
        QCOMPARE(spies.total(), 0);

        // Gone clusters take their times with them.
        model.mergeClusters({ org.clusters.at(1) });
        QVERIFY(!model.queuesCheckedAt(c1).isValid());
        QVERIFY(!model.tokensCheckedAt(c1).isValid());
        QVERIFY(model.listCheckedAt().isValid());
    }

    void organizationErrors()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        model.setLoading(true);
        ModelSpies spies(&model);
        const ApiError unauthorised(
            ApiError::Kind::Unauthorized, QStringLiteral("Authentication required"), 401);
        model.setOrganizationError(unauthorised);
        model.setLoading(false);
        QCOMPARE(dump(model), lines({ "acme", "  Authentication required" }));
        QCOMPARE(spies.inserted.size() + spies.removed.size(), 0);
        QCOMPARE(model.organizationIndex().data(M::ErrorRole).toString(), unauthorised.message());

        model.setLoading(true); // the retry of something never loaded shows "Loading…"
        QCOMPARE(dump(model), lines({ "acme", "  Loading…" }));
        model.mergeClusters(standardOrg().clusters);
        model.setLoading(false);
        QVERIFY(!model.organizationIndex().data(M::ErrorRole).isValid());

        // After a load, an error row follows the clusters it could not refresh.
        spies.clear();
        model.setOrganizationError(unauthorised);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(model.rowCount(model.organizationIndex()), 3);
        QCOMPARE(kindOf(model.index(2, 0, model.organizationIndex())), Kind::Error);
        QCOMPARE(model.organizationIndex().data(M::CountRole).toInt(), 2);
        model.mergeClusters(standardOrg().clusters);
        QCOMPARE(model.rowCount(model.organizationIndex()), 2);
    }

    void expiryFollowsTheInjectedClock()
    {
        TESTED_MODEL(model);
        model.setNow(t0);
        QCOMPARE(model.now(), t0);
        model.setOrganization(QStringLiteral("acme"));
        model.mergeClusters({ cluster(QStringLiteral("c1"), QStringLiteral("Build")) });
        const QString c1 = QStringLiteral("c1");
        model.mergeClusterChildren(c1, {},
            { token(QStringLiteral("never"), c1, QStringLiteral("a")),
                token(QStringLiteral("valid"), c1, QStringLiteral("b"), t0.addDays(30)),
                token(QStringLiteral("soon"), c1, QStringLiteral("c"), t0.addDays(2)),
                token(QStringLiteral("expired"), c1, QStringLiteral("d"), t0.addSecs(-60)) });
        auto state = [&model](const char* id) {
            return model.indexForId(QString::fromLatin1(id))
                .data(M::ExpiryStateRole)
                .value<M::ExpiryState>();
        };
        QCOMPARE(state("never"), M::ExpiryState::Never);
        QCOMPARE(state("valid"), M::ExpiryState::Valid);
        QCOMPARE(state("soon"), M::ExpiryState::ExpiringSoon);
        QCOMPARE(state("expired"), M::ExpiryState::Expired);
        QVERIFY(model.indexForId(QStringLiteral("soon"))
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Expires soon")));

        ModelSpies spies(&model);
        model.setNow(t0.addDays(3)); // "soon" is past; "valid" has 27 days left
        QCOMPARE(state("soon"), M::ExpiryState::Expired);
        QCOMPARE(state("valid"), M::ExpiryState::Valid);
        QCOMPARE(spies.total(), 2); // the token, and its cluster's badge
        QCOMPARE(
            spies.rolesFor(model.indexForId(c1)), roles({ Qt::ToolTipRole, M::ExpiredTokensRole }));
        QCOMPARE(spies.rolesFor(model.indexForId(QStringLiteral("soon"))),
            roles({ Qt::ToolTipRole, M::ExpiryStateRole }));

        spies.clear();
        model.setNow(t0.addDays(3).addSecs(60)); // nothing crosses a boundary
        QCOMPARE(spies.total(), 0);
        model.setNow(t0.addDays(24));
        QCOMPARE(state("valid"), M::ExpiryState::ExpiringSoon);
        QCOMPARE(spies.total(), 1);

        // A fixed clock stays fixed; an invalid one follows the system clock again.
        model.updateExpiry();
        QCOMPARE(model.now(), t0.addDays(24));
        model.setNow({});
        QVERIFY(qAbs(model.now().secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }

    void summaryCountsWhatIsLoaded()
    {
        TESTED_MODEL(model);
        QSignalSpy summaryChanged(&model, &OrganizationTreeModel::summaryChanged);
        model.setNow(t0);
        model.setOrganization(QStringLiteral("acme"));
        QCOMPARE(model.summary(), OrganizationSummary {});
        QCOMPARE(summaryChanged.size(), 0);

        Org org = standardOrg();
        org.queues[QStringLiteral("c2")][0]
            = paused(org.queues[QStringLiteral("c2")][0], QStringLiteral("freeze"));
        org.tokens[QStringLiteral("c2")]
            = { token(QStringLiteral("t3"), QStringLiteral("c2"), QStringLiteral("Soon"),
                    t0.addDays(TokenExpiry::soonDays)),
                  token(QStringLiteral("t4"), QStringLiteral("c2"), QStringLiteral("Gone"),
                      t0.addSecs(-1)) };
        model.mergeSnapshot(org.snapshot());
        // One signal for the whole snapshot, however many merges it made.
        QCOMPARE(summaryChanged.size(), 1);
        QCOMPARE(model.summary(), summaryOf(2, 3, 1, 4, 1, 1, 1));
        QCOMPARE(model.summary(), recount(model));

        // Nothing new: no signal.
        model.mergeSnapshot(org.snapshot());
        QCOMPARE(summaryChanged.size(), 1);

        // Changing the organisation starts from nothing again.
        model.setOrganization(QStringLiteral("other"));
        QCOMPARE(summaryChanged.size(), 2);
        QCOMPARE(model.summary(), OrganizationSummary {});
    }

    void summaryFollowsInsertsRemovalsAndPauses()
    {
        TESTED_MODEL(model);
        load(model, standardOrg());
        QCOMPARE(model.summary(), summaryOf(2, 3, 0, 2, 1, 0, 0));
        QSignalSpy summaryChanged(&model, &OrganizationTreeModel::summaryChanged);
        ModelSpies spies(&model);

        // A queue inserted, then paused, then removed.
        Queue canary = queue(QStringLiteral("q4"), QStringLiteral("c2"), QStringLiteral("canary"));
        QVERIFY(model.upsertQueue(canary));
        QCOMPARE(summaryChanged.size(), 1);
        QCOMPARE(model.summary(), summaryOf(2, 4, 0, 2, 1, 0, 0));
        QVERIFY(model.upsertQueue(paused(canary, QStringLiteral("freeze"))));
        QCOMPARE(summaryChanged.size(), 2);
        QCOMPARE(model.summary().pausedQueues, 1);
        QVERIFY(model.upsertQueue(paused(canary, QStringLiteral("freeze")))); // no news
        QCOMPARE(summaryChanged.size(), 2);
        QVERIFY(model.removeQueue(QStringLiteral("c2"), QStringLiteral("q4")));
        QCOMPARE(summaryChanged.size(), 3);
        QCOMPARE(model.summary(), summaryOf(2, 3, 0, 2, 1, 0, 0));

        // A token that expires soon, then revoked.
        QVERIFY(model.upsertToken(token(QStringLiteral("t9"), QStringLiteral("c2"),
            QStringLiteral("Short-lived"), t0.addDays(1))));
        QCOMPARE(model.summary(), summaryOf(2, 3, 0, 3, 1, 1, 0));
        QVERIFY(model.removeToken(QStringLiteral("c2"), QStringLiteral("t9")));
        QCOMPARE(model.summary(), summaryOf(2, 3, 0, 2, 1, 0, 0));
        QCOMPARE(summaryChanged.size(), 5);

        // A cluster removed takes its queues and tokens out of the counts, in one signal.
        QVERIFY(model.removeCluster(QStringLiteral("c1")));
        QCOMPARE(summaryChanged.size(), 6);
        QCOMPARE(model.summary(), summaryOf(1, 1, 0, 0, 0, 0, 0));
        QCOMPARE(model.summary(), recount(model));

        // A refresh that brings it back, with a queue paused elsewhere, is one signal too.
        Org again = standardOrg();
        again.queues[QStringLiteral("c1")][1]
            = paused(again.queues[QStringLiteral("c1")][1], QStringLiteral("CLI"));
        model.mergeSnapshot(again.snapshot());
        QCOMPARE(summaryChanged.size(), 7);
        QCOMPARE(model.summary(), summaryOf(2, 3, 1, 2, 1, 0, 0));
        QCOMPARE(model.summary(), recount(model));

        // Refused calls change nothing and say nothing.
        QVERIFY(!model.removeQueue(QStringLiteral("c2"), QStringLiteral("q1")));
        QVERIFY(!model.upsertToken(
            token(QStringLiteral("tx"), QStringLiteral("nope"), QStringLiteral("x"))));
        QCOMPARE(summaryChanged.size(), 7);
        QCOMPARE(spies.reset.size(), 0);
    }

    void summaryFollowsTheClock()
    {
        TESTED_MODEL(model);
        Org org = standardOrg(); // t2 expires at t0 + 60 days, t1 never
        org.tokens[QStringLiteral("c2")] = { token(
            QStringLiteral("t3"), QStringLiteral("c2"), QStringLiteral("Soon"), t0.addDays(10)) };
        load(model, org);
        QCOMPARE(model.summary(), summaryOf(2, 3, 0, 3, 1, 0, 0));
        QSignalSpy summaryChanged(&model, &OrganizationTreeModel::summaryChanged);
        ModelSpies spies(&model);

        model.setNow(t0.addDays(2)); // crosses nothing
        QCOMPARE(summaryChanged.size(), 0);
        QCOMPARE(spies.total(), 0);

        model.setNow(t0.addDays(4)); // t3 has 6 days left
        QCOMPARE(summaryChanged.size(), 1);
        QCOMPARE(model.summary(), summaryOf(2, 3, 0, 3, 1, 1, 0));
        QCOMPARE(spies.changed.size(), 1);
        QCOMPARE(spies.rolesFor(model.indexForId(QStringLiteral("t3"))),
            roles({ Qt::ToolTipRole, M::ExpiryStateRole }));

        // A jump across both lines of two tokens: one signal, each token reported once, and
        // each of their clusters once for its expired-token badge.
        spies.clear();
        model.setNow(t0.addDays(70));
        QCOMPARE(summaryChanged.size(), 2);
        QCOMPARE(model.summary(), summaryOf(2, 3, 0, 3, 1, 0, 2));
        QCOMPARE(spies.changed.size(), 4);
        QCOMPARE(spies.changesOf(model.indexForId(QStringLiteral("c1"))), 1);
        QCOMPARE(spies.changesOf(model.indexForId(QStringLiteral("c2"))), 1);
        QCOMPARE(model.summary(), recount(model));

        // And back: the clock may move either way (a fixed clock set earlier, or the system's).
        model.setNow(t0.addDays(55));
        QCOMPARE(model.summary(), summaryOf(2, 3, 0, 3, 1, 1, 1));
        QCOMPARE(model.summary(), recount(model));
        QCOMPARE(summaryChanged.size(), 3);
    }

    void expiryIndexFindsOnlyTheTokensNearALine()
    {
        ExpiryIndex<int> index;
        const qint64 day = 86400;
        index.insert(t0.addSecs(-2 * day), 1); // expired
        index.insert(t0.addSecs(3 * day), 2); // expires soon
        index.insert(t0.addSecs(9 * day), 3); // enters "soon" in 2 days
        index.insert(t0.addSecs(40 * day), 4);
        index.insert({}, 5); // never expires: not held
        QCOMPARE(index.size(), 4);

        auto crossing = [&index](const QDateTime& from, const QDateTime& to) {
            QList<int> keys = index.crossing(from, to);
            std::sort(keys.begin(), keys.end());
            return keys;
        };
        // An hour: nothing near a line.
        QCOMPARE(crossing(t0, t0.addSecs(3600)), QList<int>());
        // Three days: token 2 expires, token 3 comes within the week; either direction.
        QCOMPARE(crossing(t0, t0.addSecs(3 * day)), (QList<int> { 2, 3 }));
        QCOMPARE(crossing(t0.addSecs(3 * day), t0), (QList<int> { 2, 3 }));
        // More than a week: the two ranges overlap and are searched once.
        QCOMPARE(crossing(t0.addSecs(-3 * day), t0.addSecs(10 * day)), (QList<int> { 1, 2, 3 }));
        QCOMPARE(crossing(t0, t0), QList<int>());

        index.remove(t0.addSecs(3 * day), 2);
        index.remove({}, 5);
        QCOMPARE(index.size(), 3);
        QCOMPARE(crossing(t0, t0.addSecs(3 * day)), QList<int> { 3 });
    }

    void upsertsAndRemovals()
    {
        TESTED_MODEL(model);
        load(model, standardOrg());
        ModelSpies spies(&model);
        QSignalSpy changedIds(&model, &OrganizationTreeModel::changedIds);

        // Unknown cluster, wrong cluster, unknown id: refused without a signal.
        QVERIFY(!model.upsertQueue(
            queue(QStringLiteral("qx"), QStringLiteral("nope"), QStringLiteral("x"))));
        QVERIFY(!model.upsertToken(
            token(QStringLiteral("tx"), QStringLiteral("nope"), QStringLiteral("x"))));
        QVERIFY(!model.removeQueue(QStringLiteral("c2"), QStringLiteral("q1")));
        QVERIFY(!model.removeQueue(QStringLiteral("c1"), QStringLiteral("t1")));
        QVERIFY(!model.removeToken(QStringLiteral("c1"), QStringLiteral("nope")));
        QVERIFY(!model.removeCluster(QStringLiteral("q1")));
        QCOMPARE(spies.total(), 0);
        QCOMPARE(changedIds.size(), 0);

        model.upsertCluster(cluster(QStringLiteral("c9"), QStringLiteral("New")));
        const QModelIndex c9 = model.indexForId(QStringLiteral("c9"));
        QCOMPARE(c9.row(), 2); // appended
        QCOMPARE(changedIds.size(), 1);
        QCOMPARE(changedIds.at(0).at(0).toStringList(), QStringList { QStringLiteral("c9") });
        QVERIFY(model.upsertToken(
            token(QStringLiteral("t9"), QStringLiteral("c9"), QStringLiteral("first"))));
        QCOMPARE(model.tokens(QStringLiteral("c9")).size(), 1);
        QCOMPARE(changedIds.size(), 2);

        QVERIFY(model.removeCluster(QStringLiteral("c9")));
        QVERIFY(!model.indexForId(QStringLiteral("t9")).isValid());
        QVERIFY(!model.token(QStringLiteral("t9")));
        QCOMPARE(model.organizationIndex().data(M::CountRole).toInt(), 2);
        QCOMPARE(spies.reset.size(), 0);
    }

    void changedIdsSkipTheFirstFill()
    {
        TESTED_MODEL(model);
        QSignalSpy changedIds(&model, &OrganizationTreeModel::changedIds);
        load(model, standardOrg());
        QCOMPARE(changedIds.size(), 0);

        Org next = standardOrg();
        next.queues[QStringLiteral("c2")].append(
            queue(QStringLiteral("q4"), QStringLiteral("c2"), QStringLiteral("new")));
        next.tokens[QStringLiteral("c1")][0].allowedIpAddresses = QStringLiteral("10.0.0.0/8");
        next.clusters[1].name = QStringLiteral("Deploys");
        model.mergeSnapshot(next.snapshot());
        QCOMPARE(changedIds.size(), 1); // one signal per merge call
        QStringList ids = changedIds.at(0).at(0).toStringList();
        ids.sort();
        QCOMPARE(ids,
            (QStringList { QStringLiteral("c2"), QStringLiteral("q4"), QStringLiteral("t1") }));
    }

    void lookups()
    {
        TESTED_MODEL(model);
        const Org org = standardOrg();
        load(model, org);
        QCOMPARE(model.organization(), QStringLiteral("acme"));
        QCOMPARE(model.clusters(), org.clusters);
        QCOMPARE(model.clusterForId(QStringLiteral("c2")).value_or(Cluster {}), org.clusters.at(1));
        QVERIFY(!model.clusterForId(QStringLiteral("q1")));
        QCOMPARE(model.queue(QStringLiteral("q1")).value_or(Queue {}),
            org.queues.value(QStringLiteral("c1")).at(0));
        QVERIFY(!model.queue(QStringLiteral("t1")));
        QCOMPARE(model.token(QStringLiteral("t1")).value_or(AgentToken {}),
            org.tokens.value(QStringLiteral("c1")).at(0));
        QCOMPARE(model.queues(QStringLiteral("c1")).size(), 2);
        QCOMPARE(model.queues(QStringLiteral("c1")).at(0).key, QStringLiteral("arm"));
        QVERIFY(model.queues(QStringLiteral("nope")).isEmpty());
        QCOMPARE(model.tokens(QStringLiteral("c2")).size(), 0);
        QCOMPARE(kindOf(model.indexForId(M::queueGroupId(QStringLiteral("c2")))), Kind::QueueGroup);
        QCOMPARE(model.groupIndex(QStringLiteral("c2"), Kind::TokenGroup).parent(),
            model.indexForId(QStringLiteral("c2")));
        QVERIFY(!model.groupIndex(QStringLiteral("c2"), Kind::Queue).isValid());
        QVERIFY(!model.indexForId(QStringLiteral("acme")).isValid());
        QVERIFY(!model.indexForId(QString()).isValid());
    }

    void changingTheOrganizationResets()
    {
        TESTED_MODEL(model);
        load(model, standardOrg());
        ModelSpies spies(&model);
        model.setOrganization(QStringLiteral("other"));
        QCOMPARE(spies.reset.size(), 1);
        QCOMPARE(dump(model), lines({ "other", "  Loading…" }));
        QVERIFY(!model.indexForId(QStringLiteral("c1")).isValid());
        QVERIFY(model.clusters().isEmpty());
        model.setOrganization(QString());
        QCOMPARE(model.rowCount(), 0);
    }

    void repeatedIdsKeepTheFirst()
    {
        TESTED_MODEL(model);
        model.setOrganization(QStringLiteral("acme"));
        const Cluster a = cluster(QStringLiteral("c1"), QStringLiteral("A"));
        model.mergeClusters({ a, cluster(QStringLiteral("c1"), QStringLiteral("B")) });
        QCOMPARE(model.clusters(), QList<Cluster> { a });
        model.mergeClusterChildren(QStringLiteral("c1"),
            { queue(QStringLiteral("q"), QStringLiteral("c1"), QStringLiteral("x")),
                queue(QStringLiteral("q"), QStringLiteral("c1"), QStringLiteral("y")) },
            {});
        QCOMPARE(model.queues(QStringLiteral("c1")).size(), 1);
        QCOMPARE(model.queues(QStringLiteral("c1")).at(0).key, QStringLiteral("x"));
    }

    // Many refreshes of random organisations in a row: the tree always ends as the data says,
    // rows that survive keep their persistent indexes, and the tester watches every step.
    void randomRefreshes()
    {
        TESTED_MODEL(model);
        model.setNow(t0);
        model.setOrganization(QStringLiteral("acme"));
        QRandomGenerator random(4242);
        QHash<QString, QPersistentModelIndex> watched;
        for (int round = 0; round < 60; ++round) {
            Org org;
            for (int c = 0; c < 6; ++c) {
                if (random.bounded(3) == 0)
                    continue;
                const QString cid = QStringLiteral("c%1").arg(c);
                org.clusters.append(
                    cluster(cid, QStringLiteral("Cluster %1").arg(random.bounded(3))));
                for (int q = 0; q < 6; ++q) {
                    if (random.bounded(2) == 0)
                        continue;
                    Queue value = queue(QStringLiteral("%1q%2").arg(cid).arg(q), cid,
                        QStringLiteral("k%1").arg(random.bounded(10)));
                    value.dispatchPaused = random.bounded(2) == 1;
                    org.queues[cid].append(value);
                }
                for (int t = 0; t < 4; ++t) {
                    if (random.bounded(2) == 0)
                        continue;
                    org.tokens[cid].append(token(QStringLiteral("%1t%2").arg(cid).arg(t), cid,
                        QStringLiteral("d%1").arg(random.bounded(4)),
                        t0.addDays(random.bounded(-3, 30))));
                }
            }
            for (qsizetype i = org.clusters.size() - 1; i > 0; --i)
                org.clusters.swapItemsAt(i, random.bounded(i + 1));

            ModelSpies spies(&model);
            QSignalSpy summaryChanged(&model, &OrganizationTreeModel::summaryChanged);
            model.mergeSnapshot(org.snapshot());
            QCOMPARE(spies.reset.size(), 0);
            QVERIFY(summaryChanged.size() <= 1);
            QCOMPARE(model.summary(), recount(model));

            QCOMPARE(model.clusters(), org.clusters);
            for (const Cluster& c : std::as_const(org.clusters)) {
                QList<Queue> queues = org.queues.value(c.id);
                std::stable_sort(queues.begin(), queues.end(), &M::queueLessThan);
                QCOMPARE(model.queues(c.id), queues);
                QList<AgentToken> tokens = org.tokens.value(c.id);
                std::stable_sort(tokens.begin(), tokens.end(), &M::tokenLessThan);
                QCOMPARE(model.tokens(c.id), tokens);
                QCOMPARE(model.groupIndex(c.id, Kind::QueueGroup).data(M::CountRole).toInt(),
                    int(queues.size()));
            }
            for (auto it = watched.cbegin(); it != watched.cend(); ++it) {
                const QModelIndex now = model.indexForId(it.key());
                if (now.isValid())
                    QCOMPARE(QModelIndex(it.value()), now);
                else
                    QVERIFY(!it.value().isValid());
            }
            watched.clear();
            for (const Cluster& c : std::as_const(org.clusters)) {
                watched.insert(c.id, model.indexForId(c.id));
                for (const Queue& q : org.queues.value(c.id))
                    watched.insert(q.id, model.indexForId(q.id));
                for (const AgentToken& t : org.tokens.value(c.id))
                    watched.insert(t.id, model.indexForId(t.id));
            }

            // And the same again changes nothing.
            spies.clear();
            summaryChanged.clear();
            model.mergeSnapshot(org.snapshot());
            QCOMPARE(spies.total(), 0);
            QCOMPARE(summaryChanged.size(), 0);

            // The clock moves either way by up to two weeks: the tokens crossing a line, and
            // only those, change state and counts.
            const QDateTime before = model.now();
            model.setNow(t0.addSecs(random.bounded(-14 * 86400, 14 * 86400)));
            QCOMPARE(model.summary(), recount(model));
            for (const Cluster& c : std::as_const(org.clusters)) {
                for (const AgentToken& t : org.tokens.value(c.id)) {
                    const bool crossed = TokenExpiry::classify(t.expiresAt, before)
                        != TokenExpiry::classify(t.expiresAt, model.now());
                    QCOMPARE(spies.changesOf(model.indexForId(t.id)), crossed ? 1 : 0);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestOrganizationTreeModel)
#include "tst_organizationtreemodel.moc"
