// SPDX-License-Identifier: MIT
// The session's refresh as the RefreshScheduler paces it, against the sandbox with Buildkite's
// limits enforced (50 requests per user per minute). Time is compressed: the sandbox's rate
// windows and the scheduler's clock both run `speed` times faster than real time, so a test
// lives through several windows in a few seconds with the real HTTP path in between.
#include "api/apiclient.h"
#include "api/requests/queuerequests.h"
#include "modeltesthelpers.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "refreshscheduler.h"
#include "sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>

#include <memory>

using M = OrganizationTreeModel;
using Kind = OrganizationTreeModel::NodeKind;
using Task = RefreshScheduler::Task;
using Work = RefreshScheduler::Work;

namespace {

struct Served {
    qint64 atMs; // on the compressed clock
    QString path;
    int status;
};

struct Harness {
    SandboxServer server;
    QNetworkAccessManager network;
    ApiClient client { &network };
    std::unique_ptr<OrganizationSession> session;
    std::unique_ptr<QAbstractItemModelTester> tester;
    std::shared_ptr<QElapsedTimer> elapsed = std::make_shared<QElapsedTimer>();
    int speed;
    QList<Served> served;

    explicit Harness(int speed_ = 20, int userLimit = 50)
        : speed(speed_)
    {
        server.seedDemo();
        server.setRateLimits(200, userLimit);
        server.setRateWindowSpeed(speed);
        if (!server.listen())
            qFatal("sandbox: %s", qPrintable(server.errorString()));
        client.setBaseUrl(server.baseUrl());
        client.setToken(server.readWriteToken());
        session = std::make_unique<OrganizationSession>(&client, server.organization());
        tester = std::make_unique<QAbstractItemModelTester>(
            session->treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        elapsed->start();
        const auto clock = elapsed;
        const int factor = speed;
        session->scheduler()->setClock(
            [clock, factor] { return clock->elapsed() * factor; }, factor);
        QObject::connect(&server, &SandboxServer::requestServed, &server,
            [this](const QByteArray&, const QString& path, int status) {
                served.append({ now(), path, status });
            });
    }

    M* model() const { return session->treeModel(); }
    qint64 now() const { return elapsed->elapsed() * speed; }
    // Real milliseconds for so many seconds on the compressed clock.
    int real(double seconds) const { return int(seconds * 1000 / speed); }

    int count429() const
    {
        return int(std::count_if(
            served.cbegin(), served.cend(), [](const Served& s) { return s.status == 429; }));
    }
    int servedSince(qint64 atMs) const
    {
        return int(std::count_if(
            served.cbegin(), served.cend(), [atMs](const Served& s) { return s.atMs >= atMs; }));
    }

    ApiError load()
    {
        QSignalSpy finished(session.get(), &OrganizationSession::refreshFinished);
        session->refresh();
        if (!finished.wait(60000))
            return ApiError(ApiError::Kind::Timeout, QStringLiteral("no refreshFinished"));
        return finished.at(0).at(0).value<ApiError>();
    }

    // Runs the event loop for so many seconds of the compressed clock.
    void run(double seconds) const { QTest::qWait(real(seconds)); }

    bool everythingLoaded() const
    {
        const QList<Cluster> clusters = model()->clusters();
        if (clusters.isEmpty())
            return false;
        for (const Cluster& c : clusters) {
            for (Kind group : { Kind::QueueGroup, Kind::TokenGroup }) {
                if (!model()->groupIndex(c.id, group).data(M::CountRole).isValid())
                    return false;
            }
        }
        return true;
    }
};

} // namespace

class TestSessionRefresh final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
    }

    // The demo costs 1 + 2 x 33 = 67 requests, more than a window of 50 holds: the reload
    // spends the window less its reserve, waits for the reset, and finishes without a 429.
    void aReloadLargerThanTheWindowMeetsNo429()
    {
        Harness h;
        QSignalSpy clustersShown(h.model(), &QAbstractItemModel::rowsInserted);
        const ApiError error = h.load();
        QVERIFY2(!error, qPrintable(error.toString()));
        QCOMPARE(h.count429(), 0);
        QVERIFY(h.everythingLoaded());
        QCOMPARE(int(h.served.size()), 67);
        // The reload had to wait for a second window: it did not fit the first.
        QVERIFY(h.served.constLast().atMs - h.served.constFirst().atMs >= 50000);
        int firstWindow = 0;
        for (const Served& s : std::as_const(h.served))
            firstWindow += s.atMs - h.served.constFirst().atMs < 60000 ? 1 : 0;
        QVERIFY2(firstWindow <= 40 + RefreshScheduler::Settings().maxInFlight,
            qPrintable(QString::number(firstWindow)));
        // Queues (dispatch state) before any token list.
        const auto firstTokens = std::find_if(h.served.cbegin(), h.served.cend(),
            [](const Served& s) { return s.path.endsWith(QLatin1String("/tokens")); });
        QCOMPARE(std::count_if(h.served.cbegin(), firstTokens,
                     [](const Served& s) { return s.path.endsWith(QLatin1String("/queues")); }),
            qsizetype(33));
        QVERIFY(h.session->lastRefreshed().isValid());
        QVERIFY(!h.session->isStale());
    }

    // F5 with everything loaded: the hot clusters' queues go first, every answer merges in
    // place, and the same data emits nothing at all.
    void f5ReloadsEverythingHotClustersFirst()
    {
        Harness h;
        QVERIFY(!h.load());
        const QList<Cluster> clusters = h.model()->clusters();
        const QString hotA = clusters.at(30).id;
        const QString hotB = clusters.at(31).id;
        h.session->setHotClusters({ hotA, hotB });
        ModelSpies spies(h.model());
        QSignalSpy changedIds(h.model(), &OrganizationTreeModel::changedIds);
        const qsizetype before = h.served.size();
        const ApiError error = h.load();
        QVERIFY2(!error, qPrintable(error.toString()));
        QCOMPARE(h.count429(), 0);
        QCOMPARE(int(h.served.size() - before), 67);
        QStringList firstPaths;
        for (qsizetype i = before; i < before + RefreshScheduler::Settings().maxInFlight; ++i)
            firstPaths.append(h.served.at(i).path);
        const auto asked = [&](const QString& id) {
            return firstPaths.contains(QStringLiteral("/v2/organizations/%1/clusters/%2/queues")
                                           .arg(h.server.organization(), id));
        };
        QVERIFY2(asked(hotA) && asked(hotB), qPrintable(firstPaths.join(QLatin1Char(' '))));
        QCOMPARE(spies.total(), 0);
        QCOMPARE(changedIds.size(), 0);
    }

    // Steady state: within the share (a quarter of 50 a minute), every check of data that did
    // not change emits nothing, and the clusters' queues are no older than the round.
    void steadyChecksStayWithinTheShareAndEmitNothing()
    {
        Harness h(60);
        QVERIFY(!h.load());
        ModelSpies spies(h.model());
        QSignalSpy changedIds(h.model(), &OrganizationTreeModel::changedIds);
        h.session->setHotClusters({ h.model()->clusters().at(0).id });
        h.session->setAutoRefresh(true);
        const qint64 start = h.now();
        const int round = h.session->scheduler()->roundSeconds();
        h.run(round * 1.5);
        const double minutes = double(h.now() - start) / 60000.0;
        const double perMinute = h.servedSince(start) / minutes;
        QVERIFY2(perMinute <= 12.5 * 1.1, qPrintable(QString::number(perMinute)));
        QVERIFY2(perMinute >= 6, qPrintable(QString::number(perMinute)));
        QCOMPARE(h.count429(), 0);
        QCOMPARE(spies.total(), 0);
        QCOMPARE(changedIds.size(), 0);
        for (const Cluster& c : h.model()->clusters()) {
            const qint64 checked = h.session->scheduler()->queuesChecked(c.id);
            QVERIFY2(h.now() - checked <= qint64(round) * 1000, qPrintable(c.name));
        }
    }

    // Another tool changes one queue: the hot cluster's next check merges exactly that, one
    // dataChanged on that row and nothing else.
    void anOutsideChangeIsOneDataChanged()
    {
        Harness h(20);
        QVERIFY(!h.load());
        const Cluster cluster = h.model()->clusters().at(2);
        const QList<Queue> queues = h.model()->queues(cluster.id);
        QVERIFY(!queues.isEmpty());
        const Queue queue = queues.constFirst();
        h.session->setHotClusters({ cluster.id });
        h.session->setAutoRefresh(true);

        QNetworkAccessManager otherNetwork;
        ApiClient other(&otherNetwork);
        QVERIFY(!other.setBaseUrl(h.server.baseUrl()));
        other.setToken(h.server.readWriteToken());
        ModelSpies spies(h.model());
        QSignalSpy changedIds(h.model(), &OrganizationTreeModel::changedIds);
        QueueInput input;
        input.description = QStringLiteral("Changed by another tool");
        bool done = false;
        other.call(UpdateQueue { h.server.organization(), cluster.id, queue.id, input }, nullptr,
            [&done](const Result<Queue>& r) { done = r.ok(); });
        QTRY_VERIFY(done);
        QTRY_VERIFY_WITH_TIMEOUT(
            h.model()->queue(queue.id)->description == *input.description, h.real(3 * 60));
        h.run(30);
        QCOMPARE(spies.inserted.size() + spies.removed.size() + spies.moved.size(), 0);
        QCOMPARE(spies.changed.size(), 1);
        QCOMPARE(spies.changesOf(h.model()->indexForId(queue.id)), 1);
        QCOMPARE(changedIds.size(), 1);
        QCOMPARE(changedIds.at(0).at(0).toStringList(), QStringList { queue.id });
        // The check that found it says when it was.
        const QDateTime checked
            = h.model()->indexForId(queue.id).data(M::CheckedAtRole).toDateTime();
        QVERIFY(checked.isValid());
        QVERIFY(checked.secsTo(QDateTime::currentDateTimeUtc()) < 10);
    }

    // Opening a cluster's tokens checks them soon, once: a second ask within the interval
    // sends nothing.
    void openedTokensAreCheckedSoonOnce()
    {
        Harness h(20);
        QVERIFY(!h.load());
        h.session->setRefreshBudget(0.25, 30);
        h.session->setAutoRefresh(true);
        // The last cluster's tokens were the reload's last request: the freshest there are.
        const QString id = h.model()->clusters().constLast().id;
        const QString path = QStringLiteral("/v2/organizations/%1/clusters/%2/tokens")
                                 .arg(h.server.organization(), id);
        const auto asked = [&] {
            return int(std::count_if(h.served.cbegin(), h.served.cend(),
                [&](const Served& s) { return s.path == path; }));
        };
        const int before = asked();
        h.session->wantTokens(id); // checked by the load, moments ago: nothing to do
        h.run(10);
        QCOMPARE(asked(), before);
        h.run(30);
        h.session->wantTokens(id);
        QTRY_COMPARE_WITH_TIMEOUT(asked(), before + 1, h.real(20));
        h.session->wantTokens(id);
        h.run(10);
        QCOMPARE(asked(), before + 1);
    }

    // Buildkite answers 503s: after a streak the session says it is unreachable and stale,
    // keeps every row it had, and recovers by itself once the service is back.
    void anOutageKeepsTheDataAndRecovers()
    {
        Harness h(20);
        QVERIFY(!h.load());
        const OrganizationSummary before = h.model()->summary();
        const QDateTime loadedAt = h.session->lastRefreshed();
        QSignalSpy reachability(h.session.get(), &OrganizationSession::reachabilityChanged);
        h.session->setAutoRefresh(true);
        h.server.html502(QStringLiteral(".*"));
        QTRY_VERIFY_WITH_TIMEOUT(!h.session->isReachable(), h.real(5 * 60));
        QVERIFY(h.session->isStale());
        QCOMPARE(h.session->staleError().kind(), ApiError::Kind::Server);
        QCOMPARE(reachability.size(), 1);
        QCOMPARE(h.model()->summary(), before);
        QCOMPARE(h.session->lastRefreshed(), loadedAt);
        // No error rows for an outage where the data is known: the banner says it once.
        for (const Cluster& c : h.model()->clusters())
            QVERIFY2(!h.model()->indexForId(c.id).data(M::ErrorRole).isValid(), qPrintable(c.name));

        h.server.clearFaults();
        h.server.setRateLimits(200, 50);
        h.session->retryNow();
        QTRY_VERIFY_WITH_TIMEOUT(h.session->isReachable(), h.real(2 * 60));
        QTRY_VERIFY_WITH_TIMEOUT(!h.session->isStale(), h.real(2 * 60));
        QVERIFY(h.session->lastRefreshed() > loadedAt);
        QCOMPARE(reachability.size(), 2);
        QCOMPARE(h.count429(), 0);
    }

    // A network failure (the connection drops) is unreachable at once, writes included.
    void aDroppedConnectionIsUnreachableAtOnce()
    {
        Harness h(20);
        QVERIFY(!h.load());
        h.server.dropConnectionOnPath(QStringLiteral(".*"));
        const Queue queue = h.model()->queues(h.model()->clusters().at(0).id).constFirst();
        bool answered = false;
        h.session->updateQueue(queue.clusterId, queue.id, QueueInput {}, nullptr,
            [&answered](const Result<Queue>&) { answered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        QVERIFY(!h.session->isReachable());
        QVERIFY(h.session->unreachableError());
        h.server.clearFaults();
        h.session->retryNow(); // auto-refresh is off: a reload
        QTRY_VERIFY_WITH_TIMEOUT(h.session->isReachable(), 20000);
    }
};

QTEST_GUILESS_MAIN(TestSessionRefresh)
#include "tst_sessionrefresh.moc"
