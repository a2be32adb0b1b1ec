// SPDX-License-Identifier: MIT
#include "modeltesthelpers.h"
#include "queuelistmodel.h"
#include "rowtext.h"

#include <QAbstractItemModelTester>

using M = QueueListModel;
using namespace TestData;

// Every test that touches a model runs it under the tester for the whole test.
#define TESTED_MODEL(model)                                                                        \
    QueueListModel model;                                                                          \
    QAbstractItemModelTester model##Tester(                                                        \
        &model, QAbstractItemModelTester::FailureReportingMode::QtTest)

namespace {

const QString c1 = QStringLiteral("c1");

QList<Queue> queues()
{
    return { queue(QStringLiteral("q1"), c1, QStringLiteral("default")),
        queue(QStringLiteral("q2"), c1, QStringLiteral("mac"),
            { { QStringLiteral("hosted"), true },
                { QStringLiteral("retry_agent_affinity"), QStringLiteral("prefer-different") },
                { QStringLiteral("hosted_agents"),
                    QJsonObject { { QStringLiteral("instance_shape"),
                        QJsonObject { { QStringLiteral("name"),
                            QStringLiteral("MACOS_ARM64_M4_6X28") } } } } } }) };
}

QList<int> roles(std::initializer_list<int> list) { return sortedRoles(QList<int>(list)); }

} // namespace

class TestQueueListModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void columnsAndRoles()
    {
        TESTED_MODEL(model);
        model.setItems(queues());
        QCOMPARE(model.columnCount(), int(M::ColumnCount));
        QCOMPARE(model.headerData(M::Affinity, Qt::Horizontal).toString(),
            QStringLiteral("Retry affinity"));
        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(0, M::Key).toString(), QStringLiteral("default"));
        QCOMPARE(cell(0, M::Description).toString(), QStringLiteral("Queue default"));
        QCOMPARE(cell(0, M::State).toString(), QStringLiteral("Running"));
        QCOMPARE(cell(0, M::Hosted).toString(), QStringLiteral("Self-hosted"));
        QCOMPARE(cell(0, M::Affinity).toString(), QStringLiteral("prefer-warmest"));
        QCOMPARE(cell(0, M::Id).toString(), QStringLiteral("q1"));
        QCOMPARE(cell(0, M::Key, M::HostedRole).toBool(), false);
        QCOMPARE(cell(0, M::Key, M::ClusterIdRole).toString(), c1);

        QCOMPARE(cell(1, M::Hosted).toString(),
            QStringLiteral("macOS ARM64 · Medium · 6 vCPU · 28 GB RAM"));
        QCOMPARE(
            cell(1, M::Hosted, Qt::ToolTipRole).toString(), QStringLiteral("MACOS_ARM64_M4_6X28"));
        QCOMPARE(cell(1, M::Key, M::InstanceShapeRole).toString(),
            QStringLiteral("macOS ARM64 · Medium · 6 vCPU · 28 GB RAM"));
        QCOMPARE(cell(1, M::Affinity).toString(), QStringLiteral("prefer-different"));
        QVERIFY(cell(1, M::Hosted, M::SortRole).toInt() > cell(0, M::Hosted, M::SortRole).toInt());
        QCOMPARE(cell(1, M::Id, M::QueueRole).value<Queue>(), queues().at(1));
        QCOMPARE(cell(1, M::Id, M::SearchTextRole).toString(), QStringLiteral("mac Queue mac q2"));
    }

    void pausingReportsTheStateCells()
    {
        TESTED_MODEL(model);
        model.setItems(queues());
        ModelSpies spies(&model);
        QList<Queue> next = queues();
        next[0] = paused(next[0], QStringLiteral("maintenance"));
        model.setItems(next);
        // Key..Cluster, State, PausedBy..PausedAt, Note, Hosted..Id
        QCOMPARE(spies.total(), 5);
        QCOMPARE(spies.rolesFor(model.index(0, M::State)),
            roles({ Qt::DisplayRole, Qt::ToolTipRole, M::SortRole, M::QueueRole, M::PausedRole }));
        QCOMPARE(spies.rolesFor(model.index(0, M::Note)),
            roles({ Qt::DisplayRole, Qt::ToolTipRole, M::SortRole, M::QueueRole, M::PausedRole }));
        QCOMPARE(
            spies.rolesFor(model.index(0, M::PausedBy)), roles({ M::QueueRole, M::PausedRole }));
        QCOMPARE(spies.rolesFor(model.index(0, M::Key)), roles({ M::QueueRole, M::PausedRole }));
        QCOMPARE(spies.rolesFor(model.index(0, M::Id)), roles({ M::QueueRole, M::PausedRole }));
        QCOMPARE(model.index(0, M::State).data().toString(), QStringLiteral("Paused"));
        QCOMPARE(model.index(0, M::State).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Paused: maintenance"));
        QCOMPARE(model.index(0, M::Key).data(M::PausedRole).toBool(), true);
    }

    void pauseTextNamesWhoPaused()
    {
        Queue q = queue(QStringLiteral("q"), c1, QStringLiteral("k"),
            { { QStringLiteral("dispatch_paused"), true },
                { QStringLiteral("dispatch_paused_note"), QStringLiteral("freeze") },
                { QStringLiteral("dispatch_paused_by"),
                    QJsonObject { { QStringLiteral("name"), QStringLiteral("Sam Kim") },
                        { QStringLiteral("email"), QStringLiteral("sam@example.com") } } } });
        QCOMPARE(
            RowText::pauseText(q), QStringLiteral("Paused by Sam Kim <sam@example.com>: freeze"));
        q.dispatchPaused = false;
        QCOMPARE(RowText::pauseText(q), QString());
    }

    void pauseColumnsSayWhoWhenAndWhy()
    {
        TESTED_MODEL(model);
        const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-3600);
        Queue q = queue(QStringLiteral("q"), c1, QStringLiteral("k"),
            { { QStringLiteral("dispatch_paused"), true },
                { QStringLiteral("dispatch_paused_note"), QStringLiteral("INC-7 freeze") },
                { QStringLiteral("dispatch_paused_at"), formatTimestamp(at) },
                { QStringLiteral("dispatch_paused_by"),
                    QJsonObject { { QStringLiteral("name"), QStringLiteral("Priya Raman") },
                        { QStringLiteral("email"), QStringLiteral("priya@example.com") } } } });
        model.setItems({ q, queues().at(0) });
        auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        QCOMPARE(cell(0, M::PausedBy).toString(), QStringLiteral("Priya Raman"));
        QCOMPARE(cell(0, M::PausedBy, Qt::ToolTipRole).toString(),
            QStringLiteral("Priya Raman <priya@example.com>"));
        QCOMPARE(cell(0, M::PausedAt).toDateTime(), at.toLocalTime());
        QCOMPARE(cell(0, M::Note).toString(), QStringLiteral("INC-7 freeze"));
        // Running queues have none of it, and sort below any pause.
        QCOMPARE(cell(1, M::PausedBy).toString(), QString());
        QVERIFY(!cell(1, M::PausedAt).isValid());
        QVERIFY(cell(1, M::PausedAt, M::SortRole).toLongLong()
            < cell(0, M::PausedAt, M::SortRole).toLongLong());
        QVERIFY(cell(0, M::State, M::SortRole).toInt() > cell(1, M::State, M::SortRole).toInt());
    }

    void clusterColumnFollowsTheClusters()
    {
        TESTED_MODEL(model);
        model.setItems(queues());
        QCOMPARE(model.index(0, M::Cluster).data().toString(), c1); // not known yet
        ModelSpies spies(&model);
        model.setClusters({ cluster(c1, QStringLiteral("Build")) });
        QCOMPARE(model.index(0, M::Cluster).data().toString(), QStringLiteral("Build"));
        QCOMPARE(model.index(0, M::Key).data(M::EmojiRole).toString(), QStringLiteral(":rocket:"));
        QCOMPARE(spies.changed.size(), 2 * 3); // per row: Key, Cluster (name too), State..Id
        spies.clear();
        model.setClusters({ cluster(c1, QStringLiteral("Build")) });
        QCOMPARE(spies.total(), 0);
        model.setClusters({ cluster(QStringLiteral("other"), QStringLiteral("Other")) });
        QCOMPARE(model.index(1, M::Cluster).data().toString(), c1);
    }

    void agentCountsAndWriteErrorsAreKeptById()
    {
        TESTED_MODEL(model);
        model.setItems(queues());
        QCOMPARE(model.index(0, M::Agents).data().toString(), QStringLiteral("—"));
        QVERIFY(!model.index(0, M::Key).data(M::AgentsConnectedRole).isValid());
        QCOMPARE(model.index(0, M::Agents).data(M::SortRole).toInt(), -1);

        ModelSpies spies(&model);
        model.setAgentCounts({ { QStringLiteral("q2"), { 3, 1, 0 } } });
        QCOMPARE(model.index(1, M::Agents).data().toString(), QStringLiteral("3 (1 busy)"));
        QCOMPARE(model.index(1, M::Key).data(M::AgentsConnectedRole).toInt(), 3);
        QCOMPARE(spies.changesOf(model.index(0, M::Agents)), 0);
        QVERIFY(spies.changesOf(model.index(1, M::Agents)) == 1);
        spies.clear();
        model.setAgentCounts({ { QStringLiteral("q2"), { 3, 1, 0 } } });
        QCOMPARE(spies.total(), 0);
        model.setAgentCounts({ { QStringLiteral("q1"), { 0, 0, 0 } } });
        QCOMPARE(model.index(0, M::Agents).data().toString(), QStringLiteral("0"));
        QCOMPARE(model.index(1, M::Agents).data().toString(), QStringLiteral("—"));

        spies.clear();
        model.setWriteError(QStringLiteral("q1"), QStringLiteral("pause"),
            QStringLiteral("Queue is locked by an admin"));
        QCOMPARE(
            model.index(0, M::State).data().toString(), QStringLiteral("Running · pause failed"));
        QCOMPARE(model.index(0, M::State).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Could not pause: Queue is locked by an admin"));
        QCOMPARE(model.index(0, M::Key).data(M::ErrorRole).toString(),
            QStringLiteral("Queue is locked by an admin"));
        QCOMPARE(
            model.writeError(QStringLiteral("q1")), QStringLiteral("Queue is locked by an admin"));
        QCOMPARE(spies.changesOf(model.index(1, M::State)), 0);
        spies.clear();
        model.clearWriteErrors();
        QCOMPARE(model.index(0, M::State).data().toString(), QStringLiteral("Running"));
        QVERIFY(spies.changesOf(model.index(0, M::State)) == 1);
        spies.clear();
        model.clearWriteErrors();
        QCOMPARE(spies.total(), 0);
    }

    void mergesByIdWithoutResets()
    {
        TESTED_MODEL(model);
        model.setItems(queues());
        ModelSpies spies(&model);
        model.setItems(queues());
        QCOMPARE(spies.total(), 0);
        const QList<Queue> items = queues();
        model.setItems({ items.at(1), items.at(0) });
        QCOMPARE(spies.moved.size(), 1);
        model.upsert(queue(QStringLiteral("q3"), c1, QStringLiteral("new")));
        QVERIFY(model.remove(QStringLiteral("q1")));
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(spies.removed.size(), 1);
        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(model.rowForId(QStringLiteral("q3")), 1);
    }
};

QTEST_GUILESS_MAIN(TestQueueListModel)
#include "tst_queuelistmodel.moc"
