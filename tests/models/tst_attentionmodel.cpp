// SPDX-License-Identifier: MIT
#include "attentionmodel.h"
#include "modeltesthelpers.h"
#include "organizationsnapshot.h"
#include "organizationtreemodel.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QTimeZone>

// AttentionModel: what needs a human, read from the navigation tree.

using namespace TestData;
using A = AttentionModel;
using Section = AttentionModel::Section;
using Kind = OrganizationTreeModel::NodeKind;

namespace {
const QDateTime t0(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());

// The tree with agent counts for some queues, as the agents load will give them.
class FakeAgentCounts final : public QIdentityProxyModel {
public:
    QHash<QString, int> connected;

    void set(const QString& queueId, int count)
    {
        connected.insert(queueId, count);
        auto* tree = static_cast<OrganizationTreeModel*>(sourceModel());
        const QModelIndex index = mapFromSource(tree->indexForId(queueId));
        Q_EMIT dataChanged(index, index, { ModelRoles::AgentsConnected });
    }
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == ModelRoles::AgentsConnected
            && index.data(ModelRoles::Kind).value<Kind>() == Kind::Queue) {
            const auto it = connected.constFind(index.data(ModelRoles::Id).toString());
            return it == connected.cend() ? QVariant() : QVariant(it.value());
        }
        return QIdentityProxyModel::data(index, role);
    }
};

Queue pausedAt(Queue q, const QString& by, const QDateTime& at, const QString& note)
{
    q = paused(q, note);
    q.dispatchPausedAt = at;
    User u;
    u.name = by;
    u.email
        = by.toLower().replace(QLatin1Char(' '), QLatin1Char('.')) + QStringLiteral("@example.com");
    q.dispatchPausedBy = u;
    return q;
}

QStringList names(const A& model, Section section)
{
    QStringList out;
    const QModelIndex parent = model.sectionIndex(section);
    for (int row = 0; row < model.rowCount(parent); ++row)
        out.append(model.index(row, A::Name, parent).data().toString());
    return out;
}

OrganizationSnapshot org()
{
    const QString c1 = QStringLiteral("c1");
    const QString c2 = QStringLiteral("c2");
    QJsonObject hosted { { QStringLiteral("hosted"), true } };
    QJsonObject allowlist { { QStringLiteral("allowed_ip_addresses"),
        QStringLiteral("10.0.0.0/8") } };
    OrganizationSnapshot s { QStringLiteral("acme"), {} };
    s.clusters.append({ cluster(c1, QStringLiteral("Build")),
        { pausedAt(queue(QStringLiteral("q1"), c1, QStringLiteral("default")),
              QStringLiteral("Sam Kim"), t0.addDays(-3), QStringLiteral("old freeze")),
            pausedAt(queue(QStringLiteral("q2"), c1, QStringLiteral("arm")),
                QStringLiteral("Priya Raman"), t0.addSecs(-600), QStringLiteral("INC-42")),
            queue(QStringLiteral("q3"), c1, QStringLiteral("macos"), hosted) },
        { token(QStringLiteral("t1"), c1, QStringLiteral("Expired long ago"), t0.addDays(-30),
              allowlist),
            token(QStringLiteral("t2"), c1, QStringLiteral("Expired yesterday"), t0.addDays(-1),
                allowlist),
            token(QStringLiteral("t3"), c1, QStringLiteral("Soon"), t0.addDays(3), allowlist),
            token(QStringLiteral("t4"), c1, QStringLiteral("Sooner"), t0.addDays(1), allowlist) },
        {} });
    s.clusters.append({ cluster(c2, QStringLiteral("Deploy")),
        { queue(QStringLiteral("q4"), c2, QStringLiteral("deploy")) },
        { token(QStringLiteral("t5"), c2, QStringLiteral("Forever")),
            token(QStringLiteral("t6"), c2, QStringLiteral("Valid"), t0.addDays(90)) },
        {} });
    return s;
}
} // namespace

class TestAttentionModel final : public QObject {
    Q_OBJECT

    OrganizationTreeModel m_tree;
    FakeAgentCounts m_agents;
    std::unique_ptr<A> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

private Q_SLOTS:
    void init()
    {
        m_tree.setNow(t0);
        m_tree.setOrganization(QStringLiteral("acme"));
        m_tree.mergeSnapshot(org());
        m_agents.connected.clear();
        m_agents.setSourceModel(&m_tree);
        m_model = std::make_unique<A>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setSource(&m_agents);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void sectionsInTheirOrder()
    {
        const A& model = *m_model;
        QCOMPARE(model.rowCount(), A::sectionCount);
        QCOMPARE(model.index(0, A::Name).data().toString(), QStringLiteral("Paused queues"));
        // The pause an incident just caused on top.
        QCOMPARE(names(model, Section::PausedQueues),
            (QStringList { QStringLiteral("arm"), QStringLiteral("default") }));
        QCOMPARE(names(model, Section::ExpiredTokens),
            (QStringList {
                QStringLiteral("Expired yesterday"), QStringLiteral("Expired long ago") }));
        QCOMPARE(names(model, Section::ExpiringTokens),
            (QStringList { QStringLiteral("Sooner"), QStringLiteral("Soon") }));
        QCOMPARE(
            names(model, Section::NeverExpiringTokens), QStringList { QStringLiteral("Forever") });
        QCOMPARE(names(model, Section::UnrestrictedTokens),
            (QStringList { QStringLiteral("Forever"), QStringLiteral("Valid") }));
        QCOMPARE(model.count(Section::PausedQueues), 2);
        QCOMPARE(model.sectionIndex(Section::PausedQueues).data(A::CountRole).toInt(), 2);

        const QModelIndex arm = model.index(0, A::Name, model.sectionIndex(Section::PausedQueues));
        QCOMPARE(arm.data(A::IdRole).toString(), QStringLiteral("q2"));
        QCOMPARE(arm.siblingAtColumn(A::Cluster).data().toString(), QStringLiteral("Build"));
        QCOMPARE(arm.siblingAtColumn(A::Details).data().toString(),
            QStringLiteral("Paused by Priya Raman: INC-42"));
        QCOMPARE(arm.siblingAtColumn(A::When).data().toDateTime(), t0.addSecs(-600).toLocalTime());
        QCOMPARE(arm.data(A::SectionRole).value<Section>(), Section::PausedQueues);
        QCOMPARE(arm.data(A::QueueRole).value<Queue>().key, QStringLiteral("arm"));
    }

    void idleQueuesOnlyOnceCountsAreKnown()
    {
        A& model = *m_model;
        QVERIFY(!model.agentCountsKnown());
        QCOMPARE(model.count(Section::IdleQueues), 0);
        QSignalSpy counts(&model, &A::countsChanged);
        m_agents.set(QStringLiteral("q4"), 2);
        QTRY_VERIFY(model.agentCountsKnown());
        QCOMPARE(counts.size(), 1);
        QCOMPARE(model.count(Section::IdleQueues), 0);
        m_agents.set(QStringLiteral("q1"), 0);
        m_agents.set(QStringLiteral("q3"), 0); // hosted: agents come per job, not a problem
        QTRY_COMPARE(model.count(Section::IdleQueues), 1);
        QCOMPARE(names(model, Section::IdleQueues), QStringList { QStringLiteral("default") });
        QCOMPARE(
            model.index(0, A::Details, model.sectionIndex(Section::IdleQueues)).data().toString(),
            QStringLiteral("No agents connected · paused"));
        m_agents.set(QStringLiteral("q1"), 1);
        QTRY_COMPARE(model.count(Section::IdleQueues), 0);
    }

    void mergesExactlyAndFollowsTheClock()
    {
        A& model = *m_model;
        ModelSpies spies(&model);
        QSignalSpy counts(&model, &A::countsChanged);

        // Nothing new: nothing at all.
        m_tree.mergeSnapshot(org());
        QTest::qWait(10);
        QCOMPARE(spies.total(), 0);

        // Resuming a queue takes it out; pausing another puts it in its place.
        QVERIFY(m_tree.upsertQueue(
            queue(QStringLiteral("q1"), QStringLiteral("c1"), QStringLiteral("default"))));
        QVERIFY(m_tree.upsertQueue(
            pausedAt(queue(QStringLiteral("q4"), QStringLiteral("c2"), QStringLiteral("deploy")),
                QStringLiteral("Sam Kim"), t0, QStringLiteral("release"))));
        QTRY_COMPARE(names(model, Section::PausedQueues),
            (QStringList { QStringLiteral("deploy"), QStringLiteral("arm") }));
        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(counts.size(), 0); // still two paused

        // A new note changes that row's details only.
        spies.clear();
        QVERIFY(m_tree.upsertQueue(
            pausedAt(queue(QStringLiteral("q4"), QStringLiteral("c2"), QStringLiteral("deploy")),
                QStringLiteral("Sam Kim"), t0, QStringLiteral("release 2"))));
        QTRY_VERIFY(spies.changed.size() > 0);
        const QModelIndex deploy
            = model.index(0, A::Name, model.sectionIndex(Section::PausedQueues));
        QCOMPARE(spies.rolesFor(deploy.siblingAtColumn(A::Details)),
            sortedRoles({ Qt::DisplayRole, Qt::ToolTipRole, A::SortRole, A::QueueRole }));
        QCOMPARE(spies.rolesFor(deploy.siblingAtColumn(A::Cluster)), QList<int> { A::QueueRole });
        QCOMPARE(spies.inserted.size() + spies.removed.size() + spies.moved.size(), 0);

        // The tree's clock moves "Soon" and "Sooner" past their expiry.
        counts.clear();
        m_tree.setNow(t0.addDays(4));
        QTRY_COMPARE(model.count(Section::ExpiringTokens), 0);
        QCOMPARE(names(model, Section::ExpiredTokens),
            (QStringList { QStringLiteral("Soon"), QStringLiteral("Sooner"),
                QStringLiteral("Expired yesterday"), QStringLiteral("Expired long ago") }));
        QCOMPARE(counts.size(), 1);
        QCOMPARE(spies.reset.size(), 0);

        // The organisation goes: every section empties.
        m_model->setSource(nullptr);
        for (int s = 0; s < A::sectionCount; ++s)
            QCOMPARE(model.count(Section(s)), 0);
    }

    // Only the clusters the tree reported are read again: a change in one cluster reports its
    // rows and the section counts, never another cluster's rows.
    void aChangeInOneClusterTouchesOnlyItsRows()
    {
        A& model = *m_model;
        ModelSpies spies(&model);
        QSignalSpy counts(&model, &A::countsChanged);
        const QString c2 = QStringLiteral("c2");

        // A queue that needs no human changes: nothing at all.
        QJsonObject hosted { { QStringLiteral("hosted"), true },
            { QStringLiteral("description"), QStringLiteral("Apple silicon") } };
        QVERIFY(m_tree.upsertQueue(
            queue(QStringLiteral("q3"), QStringLiteral("c1"), QStringLiteral("macos"), hosted)));
        QTest::qWait(10);
        QCOMPARE(spies.total(), 0);

        // Pausing c2's queue: one row in, one count changed.
        QVERIFY(
            m_tree.upsertQueue(pausedAt(queue(QStringLiteral("q4"), c2, QStringLiteral("deploy")),
                QStringLiteral("Sam Kim"), t0.addSecs(-60), QStringLiteral("release"))));
        QTRY_COMPARE(model.count(Section::PausedQueues), 3);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(spies.removed.size() + spies.moved.size() + spies.reset.size(), 0);
        QCOMPARE(names(model, Section::PausedQueues),
            (QStringList {
                QStringLiteral("deploy"), QStringLiteral("arm"), QStringLiteral("default") }));
        QCOMPARE(counts.size(), 1);

        // Renaming c2: its rows read differently (and may move); c1's rows are not reported.
        spies.clear();
        m_tree.upsertCluster(cluster(c2, QStringLiteral("Zeta")));
        QTRY_COMPARE(
            model.index(0, A::Cluster, model.sectionIndex(Section::PausedQueues)).data().toString(),
            QStringLiteral("Zeta"));
        for (const QList<QVariant>& args : std::as_const(spies.changed)) {
            const auto index = args.at(0).value<QModelIndex>();
            if (index.parent().isValid())
                QCOMPARE(index.data(A::ClusterIdRole).toString(), c2);
        }
        for (const QList<QVariant>& args : std::as_const(spies.inserted)) {
            const auto parent = args.at(0).value<QModelIndex>();
            for (int row = args.at(1).toInt(); row <= args.at(2).toInt(); ++row)
                QCOMPARE(model.index(row, 0, parent).data(A::ClusterIdRole).toString(), c2);
        }
        // The values are still read from the tree, through the proxy.
        const QModelIndex deploy
            = model.index(0, A::Name, model.sectionIndex(Section::PausedQueues));
        QCOMPARE(
            deploy.data(A::QueueRole).value<Queue>().dispatchPausedNote, QStringLiteral("release"));
        QVERIFY(!deploy.data(A::AgentTokenRole).isValid());
    }
};

QTEST_GUILESS_MAIN(TestAttentionModel)
#include "tst_attentionmodel.moc"
