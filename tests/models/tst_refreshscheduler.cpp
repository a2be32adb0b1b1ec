// SPDX-License-Identifier: MIT
#include "refreshscheduler.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <deque>

using Task = RefreshScheduler::Task;
using Work = RefreshScheduler::Work;

namespace {

QStringList clusterIds(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(QStringLiteral("c%1").arg(i, 4, 10, QLatin1Char('0')));
    return ids;
}

// A server's rate-limit window (fixed 60 s windows, as Buildkite's are) and a fake clock. Every
// task the scheduler emits is answered after `latencyMs`, with the window's headers, as the
// session would; the cluster list and the agents may take several pages.
class Simulation {
public:
    explicit Simulation(RefreshScheduler& scheduler, int limit = 50)
        : m_scheduler(scheduler)
        , m_limit(limit)
    {
        scheduler.setClock([this] { return m_now; });
        scheduler.setAutomaticTimer(false);
        QObject::connect(&scheduler, &RefreshScheduler::due, &scheduler, [this](const Task& task) {
            m_pending.push_back({ m_now + latencyMs, task });
        });
    }

    qint64 now() const { return m_now; }
    int latencyMs = 50;
    int listPages = 1;
    int agentPages = 1;
    bool failQueues = false;
    // Requests another tool of the user's sends at the start of each window.
    int otherToolPerWindow = 0;

    // Runs until `untilMs`, stepping from event to event.
    void runUntil(qint64 untilMs)
    {
        while (m_now < untilMs) {
            m_scheduler.tick();
            qint64 next = untilMs;
            if (!m_pending.empty())
                next = std::min(next, m_pending.front().at);
            if (m_scheduler.nextWakeInMs() >= 0)
                next = std::min(next, m_now + std::max<qint64>(1, m_scheduler.nextWakeInMs()));
            next = std::min(next, windowStart() + 60000); // window boundaries
            m_now = std::max(next, m_now + 1);
            rollWindow();
            while (!m_pending.empty() && m_pending.front().at <= m_now) {
                const Task task = m_pending.front().task;
                m_pending.pop_front();
                answer(task);
            }
        }
    }

    int requestsInWindow() const { return m_used; }
    int maxRequestsInAnyWindow() const { return m_maxUsed; }
    int total429() const { return m_429; }
    int totalRequests() const { return m_total; }
    QList<Task> sent;

private:
    struct Pending {
        qint64 at;
        Task task;
    };

    qint64 windowStart() const { return m_now / 60000 * 60000; }

    void rollWindow()
    {
        const qint64 window = windowStart();
        if (window != m_windowStart) {
            m_windowStart = window;
            m_used = otherToolPerWindow;
        }
    }

    void answer(const Task& task)
    {
        sent.append(task);
        const int pages = task.work == Work::ClusterList ? listPages
            : task.work == Work::Agents                  ? agentPages
                                                         : 1;
        bool limited = false;
        for (int i = 0; i < pages; ++i) {
            ++m_total;
            if (m_used >= m_limit) {
                ++m_429;
                limited = true;
                break;
            }
            ++m_used;
            m_maxUsed = std::max(m_maxUsed, m_used);
        }
        const int reset = int((m_windowStart + 60000 - m_now + 999) / 1000);
        m_scheduler.setRateLimit(m_limit, std::max(0, m_limit - m_used), reset);
        const bool ok = !limited && !(failQueues && task.work == Work::Queues);
        m_scheduler.finished(task, ok, pages);
    }

    RefreshScheduler& m_scheduler;
    int m_limit;
    qint64 m_now = 0;
    qint64 m_windowStart = 0;
    int m_used = 0;
    int m_maxUsed = 0;
    int m_429 = 0;
    int m_total = 0;
    std::deque<Pending> m_pending;
};

} // namespace

class TestRefreshScheduler final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void steadyStateStaysWithinTheShare_data()
    {
        QTest::addColumn<int>("clusters");
        QTest::addColumn<int>("listPages");
        QTest::newRow("demo, 33 clusters") << 33 << 1;
        QTest::newRow("1,000 clusters") << 1000 << 10;
    }

    void steadyStateStaysWithinTheShare()
    {
        QFETCH(int, clusters);
        QFETCH(int, listPages);
        RefreshScheduler scheduler;
        Simulation sim(scheduler);
        sim.listPages = listPages;
        scheduler.setClusters(clusterIds(clusters));
        scheduler.start();
        // Let the bucket's first burst pass, then measure 20 minutes.
        sim.runUntil(2 * 60000);
        const int before = sim.totalRequests();
        sim.runUntil(22 * 60000);
        const double perMinute = (sim.totalRequests() - before) / 20.0;
        QVERIFY2(perMinute <= 12.5, qPrintable(QString::number(perMinute)));
        // ... and uses most of it: it is a budget, not a ceiling to stay far below.
        QVERIFY2(perMinute >= 9.0, qPrintable(QString::number(perMinute)));
        QCOMPARE(sim.total429(), 0);
    }

    void everyClusterIsCheckedWithinTheRoundItStates()
    {
        RefreshScheduler scheduler;
        Simulation sim(scheduler);
        const QStringList ids = clusterIds(33);
        scheduler.setClusters(ids);
        scheduler.setHotClusters({ ids.at(3), ids.at(4) });
        scheduler.start();
        const int round = scheduler.roundSeconds();
        QVERIFY(round >= scheduler.hotPeriodSeconds());
        sim.runUntil(qint64(round) * 1000 * 3);
        for (const QString& id : ids) {
            const qint64 checked = scheduler.queuesChecked(id);
            QVERIFY2(checked >= 0, qPrintable(id));
            QVERIFY2(sim.now() - checked <= qint64(round) * 1000, qPrintable(id));
        }
    }

    void hotClustersAreCheckedEveryHotPeriod()
    {
        RefreshScheduler scheduler;
        Simulation sim(scheduler);
        const QStringList ids = clusterIds(33);
        scheduler.setClusters(ids);
        scheduler.setHotClusters({ ids.at(10) });
        scheduler.start();
        QCOMPARE(scheduler.hotPeriodSeconds(), 60);
        sim.runUntil(10 * 60000);
        const qint64 hot = qint64(scheduler.hotPeriodSeconds()) * 1000;
        QVERIFY(sim.now() - scheduler.queuesChecked(ids.at(10)) <= hot + 5000);
        QVERIFY(sim.now() - scheduler.lastSuccess({ Work::ClusterList, {} }) <= hot + 5000);
        // The hot cluster was checked about once a hot period, more often than a cold one.
        const auto hotChecks
            = std::count(sim.sent.cbegin(), sim.sent.cend(), Task { Work::Queues, ids.at(10) });
        const auto coldChecks
            = std::count(sim.sent.cbegin(), sim.sent.cend(), Task { Work::Queues, ids.at(20) });
        QVERIFY2(hotChecks >= 8, qPrintable(QString::number(hotChecks)));
        QVERIFY(hotChecks > coldChecks);
    }

    void reloadSpendsTheWindowLessTheReserveThenWaitsForTheReset()
    {
        RefreshScheduler scheduler;
        Simulation sim(scheduler);
        scheduler.setClusters(clusterIds(33));
        scheduler.start();
        scheduler.reloadAll();
        // 1 + 2 x 33 = 67 requests: more than one window holds.
        sim.runUntil(59000);
        QVERIFY(scheduler.isReloading());
        QVERIFY2(
            sim.requestsInWindow() <= 40 + 6, qPrintable(QString::number(sim.requestsInWindow())));
        QVERIFY(sim.requestsInWindow() >= 30);
        // Queues of every cluster come before any token list.
        const auto firstToken = std::find_if(sim.sent.cbegin(), sim.sent.cend(),
            [](const Task& t) { return t.work == Work::Tokens; });
        const auto queuesBefore = std::count_if(
            sim.sent.cbegin(), firstToken, [](const Task& t) { return t.work == Work::Queues; });
        QCOMPARE(queuesBefore, qsizetype(33));
        int sentByReload = -1;
        connect(&scheduler, &RefreshScheduler::reloadFinished, this,
            [&] { sentByReload = int(sim.sent.size()); });
        sim.runUntil(125000);
        QVERIFY(!scheduler.isReloading());
        QCOMPARE(sentByReload, 67);
        QCOMPARE(sim.total429(), 0);
    }

    void reloadKeepsTheReserveWhenAnotherToolUsesTheBudget()
    {
        RefreshScheduler scheduler;
        Simulation sim(scheduler);
        sim.otherToolPerWindow = 30;
        scheduler.setClusters(clusterIds(33));
        scheduler.start();
        scheduler.reloadAll();
        sim.runUntil(5 * 60000);
        QCOMPARE(sim.total429(), 0);
        QVERIFY(!scheduler.isReloading());
    }

    void hotClustersLoadFirst()
    {
        RefreshScheduler scheduler;
        Simulation sim(scheduler);
        const QStringList ids = clusterIds(33);
        scheduler.start();
        scheduler.reloadAll();
        scheduler.setHotClusters({ ids.at(30), ids.at(31) });
        sim.runUntil(100); // the cluster list
        scheduler.setClusters(ids);
        sim.runUntil(60000);
        QVERIFY(sim.sent.size() >= 3);
        QCOMPARE(sim.sent.at(0), (Task { Work::ClusterList, {} }));
        const QList<Task> next = sim.sent.mid(1, 2);
        QVERIFY(next.contains(Task { Work::Queues, ids.at(30) }));
        QVERIFY(next.contains(Task { Work::Queues, ids.at(31) }));
    }

    // The access token answers after the first load began: the agents join that load, before
    // the tokens, and are listed once.
    void agentsAllowedDuringALoadJoinIt()
    {
        RefreshScheduler scheduler;
        Simulation sim(scheduler);
        const QStringList ids = clusterIds(5);
        scheduler.start();
        scheduler.reloadAll();
        QSignalSpy finished(&scheduler, &RefreshScheduler::reloadFinished);
        sim.runUntil(100); // the cluster list
        scheduler.setClusters(ids);
        scheduler.setAgentsWanted(true);
        sim.runUntil(60000);
        QCOMPARE(finished.size(), 1);
        const qsizetype agents = sim.sent.indexOf(Task { Work::Agents, {} });
        QVERIFY(agents > 0);
        QCOMPARE(sim.sent.count(Task { Work::Agents, {} }), 1);
        for (qsizetype i = 0; i < sim.sent.size(); ++i) {
            if (sim.sent.at(i).work == Work::Tokens)
                QVERIFY2(i > agents, "a cluster's tokens before the agents");
        }
    }

    void aLargerLimitMakesEverythingFaster()
    {
        RefreshScheduler normal;
        Simulation a(normal, 50);
        RefreshScheduler enterprise;
        Simulation b(enterprise, 1000);
        for (RefreshScheduler* s : { &normal, &enterprise }) {
            s->setClusters(clusterIds(300));
            s->start();
            s->reloadAll();
        }
        a.runUntil(60000);
        b.runUntil(60000);
        QVERIFY(normal.isReloading());
        QVERIFY(!enterprise.isReloading());
        QVERIFY(enterprise.roundSeconds() * 10 < normal.roundSeconds());
        QCOMPARE(a.total429() + b.total429(), 0);
    }

    void failingClustersAreNotHammered()
    {
        RefreshScheduler scheduler;
        Simulation sim(scheduler);
        sim.failQueues = true;
        const QStringList ids = clusterIds(5);
        scheduler.setClusters(ids);
        scheduler.start();
        sim.runUntil(10 * 60000);
        const auto attempts
            = std::count(sim.sent.cbegin(), sim.sent.cend(), Task { Work::Queues, ids.at(0) });
        // At most one attempt per hot period (60 s) for a failing cluster.
        QVERIFY2(attempts <= 11, qPrintable(QString::number(attempts)));
        QCOMPARE(scheduler.queuesChecked(ids.at(0)), qint64(-1));
    }

    void requestSoonGoesFirst()
    {
        RefreshScheduler scheduler;
        Simulation sim(scheduler);
        const QStringList ids = clusterIds(33);
        scheduler.setClusters(ids);
        scheduler.start();
        sim.runUntil(5 * 60000);
        const int before = int(sim.sent.size());
        scheduler.requestSoon({ Work::Tokens, ids.at(17) });
        sim.runUntil(sim.now() + 10000);
        QVERIFY(sim.sent.size() > before);
        QCOMPARE(sim.sent.at(before), (Task { Work::Tokens, ids.at(17) }));
    }

    void clustersThatAreGoneAreForgotten()
    {
        RefreshScheduler scheduler;
        Simulation sim(scheduler);
        const QStringList ids = clusterIds(3);
        scheduler.setClusters(ids);
        scheduler.start();
        sim.runUntil(3 * 60000);
        QVERIFY(scheduler.queuesChecked(ids.at(2)) >= 0);
        scheduler.setClusters(ids.mid(0, 2));
        QCOMPARE(scheduler.queuesChecked(ids.at(2)), qint64(-1));
        const int before = int(sim.sent.size());
        sim.runUntil(10 * 60000);
        for (qsizetype i = before; i < sim.sent.size(); ++i)
            QVERIFY(sim.sent.at(i).clusterId != ids.at(2));
    }

    void thePlanIsStatedInNumbers()
    {
        RefreshScheduler scheduler;
        QSignalSpy plan(&scheduler, &RefreshScheduler::planChanged);
        scheduler.setClusters(clusterIds(33));
        QCOMPARE(plan.size(), 1);
        QCOMPARE(scheduler.steadyRequestsPerMinute(), 12.5);
        // 28 of 33 clusters at 12.5 - 1 per minute (list), 4/5 of picks on queues: minutes.
        QVERIFY(scheduler.roundSeconds() >= 3 * 60);
        QVERIFY(scheduler.roundSeconds() <= 5 * 60);
        scheduler.setRateLimit(500, 500, 60);
        QCOMPARE(plan.size(), 2);
        QCOMPARE(scheduler.roundSeconds(), 60);
    }
};

QTEST_GUILESS_MAIN(TestRefreshScheduler)
#include "tst_refreshscheduler.moc"
