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

// Every role of every cell the model has, as text: what a view can read.
QStringList everything(const A& model)
{
    const QList<int> roles { Qt::DisplayRole, Qt::ToolTipRole, A::SectionRole, A::IdRole,
        A::ClusterIdRole, A::SortRole, A::EmojiRole, A::CountRole };
    QStringList out;
    for (int section = 0; section < model.rowCount(); ++section) {
        const QModelIndex parent = model.index(section, 0);
        for (int row = 0; row < model.rowCount(parent); ++row) {
            for (int column = 0; column < A::ColumnCount; ++column) {
                for (int role : roles) {
                    const QVariant value = model.index(row, column, parent).data(role);
                    out.append(QStringLiteral("%1/%2/%3/%4: %5 %6")
                                   .arg(section)
                                   .arg(row)
                                   .arg(column)
                                   .arg(role)
                                   .arg(QString::fromLatin1(value.typeName()), value.toString()));
                }
            }
        }
    }
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

    // Rows that sort alike in everything else go by id, compared as the text the API sent: a
    // lower-case UUID, an upper-case one and an id that is no UUID at all.
    void tiesGoByIdAsSent()
    {
        const QString lower = QStringLiteral("0190aaaa-0000-4000-8000-000000000002");
        const QString upper = QStringLiteral("0190AAAA-0000-4000-8000-000000000003");
        const QString other = QStringLiteral("0190aaaa-0000-4000-8000-000000000001x");
        OrganizationSnapshot s { QStringLiteral("acme"), {} };
        int n = 0;
        for (const QString& id : { lower, other, upper }) {
            const QString clusterId = QStringLiteral("c%1").arg(++n);
            s.clusters.append({ cluster(clusterId, QStringLiteral("Same")),
                { pausedAt(queue(id, clusterId, QStringLiteral("default")),
                    QStringLiteral("Sam Kim"), t0, QStringLiteral("freeze")) },
                {}, {} });
        }
        m_tree.mergeSnapshot(s);
        m_model->sync();
        const A& model = *m_model;
        const QModelIndex paused = model.sectionIndex(Section::PausedQueues);
        QStringList ids;
        for (int row = 0; row < model.rowCount(paused); ++row)
            ids.append(model.index(row, A::Name, paused).data(A::IdRole).toString());
        QCOMPARE(ids, (QStringList { upper, other, lower }));
        QCOMPARE(model.index(0, A::Name, paused).data(A::QueueRole).value<Queue>().id, upper);
    }

    // Who created a token is in its Details column, in every section it is in; the rest of the
    // row reads as before.
    void aTokensCreatorChangesItsDetailsOnly()
    {
        A& model = *m_model;
        ModelSpies spies(&model);
        QJsonObject creator { { QStringLiteral("created_by"),
            QJsonObject { { QStringLiteral("id"), QStringLiteral("u1") },
                { QStringLiteral("name"), QStringLiteral("Sam Kim") } } } };
        QVERIFY(m_tree.upsertToken(token(
            QStringLiteral("t5"), QStringLiteral("c2"), QStringLiteral("Forever"), {}, creator)));
        QTRY_VERIFY(spies.changed.size() > 0);
        QCOMPARE(spies.inserted.size() + spies.removed.size() + spies.moved.size(), 0);
        for (Section section : { Section::NeverExpiringTokens, Section::UnrestrictedTokens }) {
            const QModelIndex parent = model.sectionIndex(section);
            const QModelIndex name = model.index(0, A::Name, parent);
            QCOMPARE(name.data().toString(), QStringLiteral("Forever"));
            const QModelIndex details = name.siblingAtColumn(A::Details);
            QCOMPARE(
                details.data(Qt::ToolTipRole).toString(), QStringLiteral("Created by Sam Kim"));
            QVERIFY(details.data().toString().endsWith(QStringLiteral(" · created by Sam Kim")));
            QCOMPARE(spies.rolesFor(details),
                sortedRoles({ Qt::DisplayRole, Qt::ToolTipRole, A::SortRole, A::AgentTokenRole }));
            QCOMPARE(spies.rolesFor(name), QList<int> { A::AgentTokenRole });
        }
    }

    // A row's texts are numbers into the model's table of distinct texts: a note that keeps
    // changing adds texts that no row uses any more, and the table drops them instead of
    // growing with every refresh, while every row keeps reading what it read.
    void textsStayFewAcrossManyChangedNotes()
    {
        A& model = *m_model;
        m_agents.set(QStringLiteral("q1"), 0); // an idle row too
        model.sync();
        const QStringList before = everything(model);
        const QModelIndex arm
            = model.index(0, A::Details, model.sectionIndex(Section::PausedQueues));
        qsizetype most = 0;
        for (int i = 0; i < 1000; ++i) {
            const QString note = QStringLiteral("INC-%1").arg(1000 + i);
            QVERIFY(m_tree.upsertQueue(
                pausedAt(queue(QStringLiteral("q2"), QStringLiteral("c1"), QStringLiteral("arm")),
                    QStringLiteral("Priya Raman"), t0.addSecs(-600), note)));
            model.sync();
            QCOMPARE(arm.data().toString(), QStringLiteral("Paused by Priya Raman: ") + note);
            most = std::max(most, model.textCount());
        }
        // Two new texts per refresh (the details and their tooltip): 2,000 without compaction.
        QVERIFY2(most < 400, qPrintable(QString::number(most)));

        ModelSpies spies(&model);
        QVERIFY(m_tree.upsertQueue(
            pausedAt(queue(QStringLiteral("q2"), QStringLiteral("c1"), QStringLiteral("arm")),
                QStringLiteral("Priya Raman"), t0.addSecs(-600), QStringLiteral("INC-42"))));
        model.sync();
        QCOMPARE(everything(model), before);
        // Only that row's cells were reported.
        QVERIFY(spies.changed.size() > 0);
        for (const QList<QVariant>& args : std::as_const(spies.changed)) {
            const auto index = args.at(0).value<QModelIndex>();
            QCOMPARE(index.data(A::IdRole).toString(), QStringLiteral("q2"));
        }
        QCOMPARE(spies.inserted.size() + spies.removed.size() + spies.moved.size(), 0);

        // Another organisation, or none: the texts go with the rows.
        model.setSource(nullptr);
        QCOMPARE(model.textCount(), 1); // the empty text
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
