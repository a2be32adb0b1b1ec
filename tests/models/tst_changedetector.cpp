// SPDX-License-Identifier: MIT
// Noticing change: what ChangeDetector reports of the watched queues as refreshes merge into the
// navigation tree (paused or resumed by someone else, the last agent gone), what it keeps quiet
// about (the first load, the app's own writes, queues nobody watches), the WatchList it reads
// (per account, in QSettings) and the ActivityLog that records the changes.
#include "activitylog.h"
#include "changedetector.h"
#include "modeltesthelpers.h"
#include "organizationtreemodel.h"
#include "watchlist.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace TestData;
using Change = ChangeDetector::Change;

namespace {
const QString c1 = QStringLiteral("c1");
const QString c2 = QStringLiteral("c2");
const QString q1 = QStringLiteral("q1"); // c1 "default"
const QString q2 = QStringLiteral("q2"); // c1 "arm"
const QString q3 = QStringLiteral("q3"); // c2 "deploy"

QList<Queue> clusterOneQueues()
{
    return { queue(q1, c1, QStringLiteral("default")), queue(q2, c1, QStringLiteral("arm")) };
}

// A queue as a refresh lists it after someone paused it from the web or the CLI.
Queue pausedBySam(Queue q, const QString& note)
{
    q = paused(q, note);
    User sam;
    sam.id = QStringLiteral("u-sam");
    sam.name = QStringLiteral("Sam Kim");
    sam.email = QStringLiteral("sam@example.com");
    q.dispatchPausedBy = sam;
    return q;
}

// An agent connected to a queue, placed by the ids in its web_url.
Agent agentOn(const QString& id, const QString& clusterId, const QString& queueId)
{
    return parse<Agent>({ { QStringLiteral("id"), id }, { QStringLiteral("name"), id },
        { QStringLiteral("connection_state"), QStringLiteral("connected") },
        { QStringLiteral("web_url"),
            QStringLiteral(
                "https://buildkite.com/organizations/acme/clusters/%1/queues/%2/agents/%3")
                .arg(clusterId, queueId, id) } });
}
} // namespace

class TestChangeDetector final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<OrganizationTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<WatchList> m_watch;
    std::unique_ptr<ChangeDetector> m_detector;
    std::unique_ptr<QSignalSpy> m_changes;

    // The organisation as the first load leaves it: two clusters, three queues, all running.
    void firstLoad()
    {
        m_model->mergeClusters(
            { cluster(c1, QStringLiteral("Build")), cluster(c2, QStringLiteral("Deploy")) });
        QVERIFY(m_model->mergeClusterQueues(c1, clusterOneQueues()));
        QVERIFY(m_model->mergeClusterQueues(c2, { queue(q3, c2, QStringLiteral("deploy")) }));
    }
    Change changeAt(int i) const { return m_changes->at(i).at(0).value<Change>(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("KitedeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_changedetector"));
        for (const QSettings::Format format : { QSettings::NativeFormat, QSettings::IniFormat })
            QSettings::setPath(format, QSettings::UserScope, m_dir.path());
    }

    void init()
    {
        QSettings().clear();
        m_model = std::make_unique<OrganizationTreeModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_model->setOrganization(QStringLiteral("acme"));
        m_watch = std::make_unique<WatchList>();
        m_watch->setAccount(QStringLiteral("account-1"));
        m_detector = std::make_unique<ChangeDetector>(m_model.get(), m_watch.get());
        m_detector->setClock([] { return QDateTime(QDate(2026, 3, 4), QTime(10, 30), Qt::UTC); });
        m_changes = std::make_unique<QSignalSpy>(m_detector.get(), &ChangeDetector::changed);
    }

    void cleanup()
    {
        m_changes.reset();
        m_detector.reset();
        m_watch.reset();
        m_tester.reset();
        m_model.reset();
    }

    void firstLoadIsSilent()
    {
        // Watched before anything loaded (a saved watch list at start-up), and one of the
        // queues already paused: what the first load shows is the baseline, not news.
        m_watch->setWatched(q1, true);
        m_watch->setWatched(c2, true);
        m_model->mergeClusters(
            { cluster(c1, QStringLiteral("Build")), cluster(c2, QStringLiteral("Deploy")) });
        QVERIFY(m_model->mergeClusterQueues(c1,
            { pausedBySam(queue(q1, c1, QStringLiteral("default")), QStringLiteral("old")),
                queue(q2, c1, QStringLiteral("arm")) }));
        QVERIFY(m_model->mergeClusterQueues(c2, { queue(q3, c2, QStringLiteral("deploy")) }));
        m_model->mergeAgents({ agentOn(QStringLiteral("a1"), c1, q1) });
        QCOMPARE(m_changes->count(), 0);
        // The same refresh again: nothing.
        QVERIFY(m_model->mergeClusterQueues(c1,
            { pausedBySam(queue(q1, c1, QStringLiteral("default")), QStringLiteral("old")),
                queue(q2, c1, QStringLiteral("arm")) }));
        QCOMPARE(m_changes->count(), 0);
    }

    void pausedBySomeoneElse()
    {
        firstLoad();
        m_watch->setWatched(q1, true);
        QVERIFY(m_model->mergeClusterQueues(c1,
            { pausedBySam(
                  queue(q1, c1, QStringLiteral("default")), QStringLiteral("INC-42 bad deploy")),
                queue(q2, c1, QStringLiteral("arm")) }));
        QCOMPARE(m_changes->count(), 1);
        const Change c = changeAt(0);
        QCOMPARE(c.kind, Change::Kind::Paused);
        QCOMPARE(c.queueId, q1);
        QCOMPARE(c.clusterId, c1);
        QCOMPARE(c.queueKey, QStringLiteral("default"));
        QCOMPARE(c.clusterName, QStringLiteral("Build"));
        QCOMPARE(c.who, QStringLiteral("Sam Kim"));
        QCOMPARE(c.note, QStringLiteral("INC-42 bad deploy"));
        QCOMPARE(c.at, QDateTime(QDate(2026, 3, 4), QTime(10, 30), Qt::UTC));
        QCOMPARE(ActivityLog::title(c), QStringLiteral("Queue “default” paused"));
        QCOMPARE(ActivityLog::details(c),
            QStringLiteral(
                "Dispatch paused by Sam Kim in cluster “Build”.\nNote: INC-42 bad deploy"));
    }

    void resumedBySomeoneElse()
    {
        firstLoad();
        QVERIFY(m_model->mergeClusterQueues(c1,
            { pausedBySam(queue(q1, c1, QStringLiteral("default")), QStringLiteral("freeze")),
                queue(q2, c1, QStringLiteral("arm")) }));
        m_watch->setWatched(q1, true); // watched while paused: not news by itself
        QCOMPARE(m_changes->count(), 0);
        QVERIFY(m_model->mergeClusterQueues(c1, clusterOneQueues()));
        QCOMPARE(m_changes->count(), 1);
        const Change c = changeAt(0);
        QCOMPARE(c.kind, Change::Kind::Resumed);
        QCOMPARE(c.queueId, q1);
        QVERIFY(c.who.isEmpty()); // Buildkite does not say who resumed
        QCOMPARE(ActivityLog::title(c), QStringLiteral("Queue “default” resumed"));
    }

    void ownActionIsNotNotified()
    {
        firstLoad();
        m_watch->setWatched(q1, true);
        // The app pauses the queue itself: the session says so before the request and after
        // its answer merged (an upsert), and a refresh in between may see it first.
        const Queue mine
            = pausedBySam(queue(q1, c1, QStringLiteral("default")), QStringLiteral("mine"));
        m_detector->beginOwnWrite(q1);
        QVERIFY(m_model->mergeClusterQueues(c1, { mine, queue(q2, c1, QStringLiteral("arm")) }));
        QVERIFY(m_model->upsertQueue(mine));
        m_detector->endOwnWrite(q1);
        // The next refresh agrees: still nothing.
        QVERIFY(m_model->mergeClusterQueues(c1, { mine, queue(q2, c1, QStringLiteral("arm")) }));
        QCOMPARE(m_changes->count(), 0);
        // And the app's resume likewise.
        m_detector->beginOwnWrite(q1);
        QVERIFY(m_model->upsertQueue(queue(q1, c1, QStringLiteral("default"))));
        m_detector->endOwnWrite(q1);
        QCOMPARE(m_changes->count(), 0);
        // Once the write is over, someone else's pause is news again.
        QVERIFY(m_model->mergeClusterQueues(c1, { mine, queue(q2, c1, QStringLiteral("arm")) }));
        QCOMPARE(m_changes->count(), 1);
        QCOMPARE(changeAt(0).kind, Change::Kind::Paused);
    }

    void agentsDropToZero()
    {
        firstLoad();
        m_watch->setWatched(q1, true);
        m_model->mergeAgents(
            { agentOn(QStringLiteral("a1"), c1, q1), agentOn(QStringLiteral("a2"), c1, q1) });
        QCOMPARE(m_changes->count(), 0); // the first count is the baseline
        m_model->mergeAgents({ agentOn(QStringLiteral("a1"), c1, q1) });
        QCOMPARE(m_changes->count(), 0); // fewer, but not none
        m_model->mergeAgents({ agentOn(QStringLiteral("a9"), c1, q2) });
        QCOMPARE(m_changes->count(), 1);
        const Change c = changeAt(0);
        QCOMPARE(c.kind, Change::Kind::AgentsGone);
        QCOMPARE(c.queueId, q1);
        QCOMPARE(ActivityLog::title(c), QStringLiteral("Queue “default” has no agents"));
        // Still none: said once.
        m_model->mergeAgents(QList<Agent> {});
        QCOMPARE(m_changes->count(), 1);
        // A queue that never had an agent is not news when it still has none.
        QVERIFY(!m_model->agentCounts(q2) || m_model->agentCounts(q2)->connected == 0);
    }

    void unwatchedQueuesAreSilent()
    {
        firstLoad();
        m_watch->setWatched(q1, true);
        m_model->mergeAgents({ agentOn(QStringLiteral("a1"), c1, q2) });
        // q2 (same cluster, not watched) and q3 (another cluster) change: nothing.
        QVERIFY(m_model->mergeClusterQueues(c1,
            { queue(q1, c1, QStringLiteral("default")),
                pausedBySam(queue(q2, c1, QStringLiteral("arm")), QStringLiteral("x")) }));
        QVERIFY(m_model->mergeClusterQueues(
            c2, { pausedBySam(queue(q3, c2, QStringLiteral("deploy")), QStringLiteral("y")) }));
        m_model->mergeAgents(QList<Agent> {});
        QCOMPARE(m_changes->count(), 0);
        // Unwatched after being watched: silent too.
        m_watch->setWatched(q1, false);
        QVERIFY(m_model->mergeClusterQueues(c1,
            { pausedBySam(queue(q1, c1, QStringLiteral("default")), QStringLiteral("z")),
                pausedBySam(queue(q2, c1, QStringLiteral("arm")), QStringLiteral("x")) }));
        QCOMPARE(m_changes->count(), 0);
    }

    void watchedClusterCoversItsQueues()
    {
        firstLoad();
        m_watch->setWatched(c2, true);
        QVERIFY(m_model->mergeClusterQueues(c2,
            { pausedBySam(queue(q3, c2, QStringLiteral("deploy")), QStringLiteral("freeze")) }));
        QCOMPARE(m_changes->count(), 1);
        QCOMPARE(changeAt(0).queueId, q3);
        QCOMPARE(changeAt(0).clusterName, QStringLiteral("Deploy"));
        // A queue created later in the watched cluster: first seen, not news.
        QVERIFY(m_model->mergeClusterQueues(c2,
            { pausedBySam(queue(q3, c2, QStringLiteral("deploy")), QStringLiteral("freeze")),
                pausedBySam(queue(QStringLiteral("q4"), c2, QStringLiteral("new")),
                    QStringLiteral("made paused")) }));
        QCOMPARE(m_changes->count(), 1);
        // The cluster's queues reload from scratch (another organisation, then back): silent.
        m_model->setOrganization(QStringLiteral("acme"));
        firstLoad();
        QCOMPARE(m_changes->count(), 1);
    }

    void watchListIsPerAccountAndPersists()
    {
        m_watch->setWatched(q1, true);
        m_watch->setWatched(c2, true);
        QCOMPARE(m_watch->ids(), (QStringList { c2, q1 }));
        {
            WatchList other;
            other.setAccount(QStringLiteral("account-2"));
            QVERIFY(other.isEmpty());
            other.setAccount(QStringLiteral("account-1"));
            QCOMPARE(other.ids(), (QStringList { c2, q1 }));
        }
        m_watch->setWatched(q1, false);
        WatchList again;
        again.setAccount(QStringLiteral("account-1"));
        QCOMPARE(again.ids(), QStringList { c2 });
        // Ids only: nothing else of the account goes into the settings.
        QSettings settings;
        QCOMPARE(settings.allKeys(), QStringList { QStringLiteral("watch/account-1/ids") });
    }

    void activityLogIsNewestFirstAndCountsUnseen()
    {
        ActivityLog log;
        QAbstractItemModelTester tester(
            &log, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy unseen(&log, &ActivityLog::unseenCountChanged);
        Change first;
        first.kind = Change::Kind::Paused;
        first.queueId = q1;
        first.queueKey = QStringLiteral("default");
        first.clusterName = QStringLiteral("Build");
        first.who = QStringLiteral("Sam Kim");
        first.note = QStringLiteral("INC-1");
        first.at = QDateTime(QDate(2026, 3, 4), QTime(10, 0));
        Change second = first;
        second.kind = Change::Kind::Resumed;
        second.who.clear();
        second.note.clear();
        second.at = first.at.addSecs(60);
        log.add(first);
        log.add(second);
        QCOMPARE(log.rowCount(), 2);
        QCOMPARE(log.unseenCount(), 2);
        QCOMPARE(unseen.count(), 2);
        QCOMPARE(log.index(0, ActivityLog::WhatColumn).data().toString(),
            QStringLiteral("Resumed default in Build"));
        QCOMPARE(log.index(1, ActivityLog::WhatColumn).data().toString(),
            QStringLiteral("Paused default in Build"));
        QCOMPARE(log.index(1, ActivityLog::WhoColumn).data().toString(), QStringLiteral("Sam Kim"));
        // Buildkite does not say who resumed a queue: the list says so rather than leave a gap.
        QCOMPARE(log.index(0, ActivityLog::WhoColumn).data().toString(), QStringLiteral("unknown"));
        QCOMPARE(log.index(1, ActivityLog::NoteColumn).data().toString(), QStringLiteral("INC-1"));
        QCOMPARE(log.index(1, 0).data(ActivityLog::QueueIdRole).toString(), q1);
        log.markSeen();
        QCOMPARE(log.unseenCount(), 0);
        QCOMPARE(unseen.last().at(0).toInt(), 0);
        QCOMPARE(log.rowCount(), 2); // seen, not gone
    }
};

QTEST_GUILESS_MAIN(TestChangeDetector)
#include "tst_changedetector.moc"
