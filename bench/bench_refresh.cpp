// SPDX-License-Identifier: MIT
// bench_refresh: the real OrganizationSession and RefreshScheduler against an in-process
// sandbox that enforces Buildkite's limits (50 requests per user per minute, 200 for the
// organisation), for the demo organisation (33 clusters) and for 1,000 clusters.
//
// Time is compressed: the sandbox's rate windows and the scheduler's clock both run `speed`
// times faster than real time (SandboxServer::setRateWindowSpeed, RefreshScheduler::setClock),
// so hours of refreshing pass in minutes while every request still goes over loopback HTTP
// through the ApiClient and merges into the tree. Every time below is on that clock.
//
//     build/bin/bench_refresh [--speed 90] [--only demo|large] [--rounds 1.2]
//
// Work on the CPU (the sandbox answering, the client parsing, the tree merging: a few
// milliseconds a request, all on one thread) is not compressed: at speed 90 a request that
// takes 7 ms looks like 0.6 s. That only ever slows the schedule down (fewer requests a minute,
// older data), so the figures err on the pessimistic side; lower speeds come closer to real
// time.
//
// What it reports, per organisation: the first load (when the clusters showed, when every
// cluster's queues were in, when everything was), then the steady state over the given number
// of rounds: requests per minute, the most in any 60 s, the 429s, the round the status bar
// states (RefreshScheduler::roundSeconds) and the oldest any cluster's queues got.
#include "api/apiclient.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "refreshscheduler.h"
#include "sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <memory>

namespace {

struct Scenario {
    const char* name;
    int clusters; // 0: the demo organisation
    int queues;
    int tokens;
};

struct Report {
    int clusters = 0;
    double listedAt = 0; // s after the load started
    qint64 listedRealMs = 0; // the same in real time: work on the CPU is not compressed
    double queuesAt = 0;
    double loadedAt = 0;
    int loadRequests = 0;
    double steadyMinutes = 0;
    int steadyRequests = 0;
    int maxInWindow = 0;
    int hotPeriod = 0;
    int round = 0; // the most the status bar stated
    int plannedRound = 0;
    double oldest = 0;
    int samples = 0;
    int overStated = 0; // samples where a cluster was older than the round stated then
    int count429 = 0;
    double realSeconds = 0;
};

QString minutes(double seconds)
{
    if (seconds < 120)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 0);
    if (seconds < 7200)
        return QStringLiteral("%1 min").arg(seconds / 60, 0, 'f', 1);
    return QStringLiteral("%1 h").arg(seconds / 3600, 0, 'f', 2);
}

Report run(const Scenario& scenario, int speed, double rounds)
{
    QElapsedTimer wall;
    wall.start();
    SandboxServer server;
    if (scenario.clusters > 0)
        server.seedGenerated(scenario.clusters, scenario.queues, scenario.tokens);
    else
        server.seedDemo();
    server.setRateLimits(200, 50);
    server.setRateWindowSpeed(speed);
    if (!server.listen())
        qFatal("sandbox: %s", qPrintable(server.errorString()));

    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setBaseUrl(server.baseUrl());
    client.setToken(server.readWriteToken());
    OrganizationSession session(&client, server.organization());
    OrganizationTreeModel* model = session.treeModel();
    RefreshScheduler* scheduler = session.scheduler();

    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    const auto now = [elapsed, speed] { return elapsed->elapsed() * speed; };
    scheduler->setClock(now, speed);

    Report report;
    std::deque<qint64> served; // compressed times of the requests, for the busiest window
    int requests = 0;
    QObject::connect(&server, &SandboxServer::requestServed, &server,
        [&](const QByteArray&, const QString&, int status) {
            ++requests;
            if (status == 429)
                ++report.count429;
            const qint64 at = now();
            served.push_back(at);
            while (!served.empty() && served.front() <= at - 60000)
                served.pop_front();
            report.maxInWindow = std::max(report.maxInWindow, int(served.size()));
        });

    // What a window of the tree shows: the selected cluster, then the first twenty rows.
    const auto hotFromView = [model] {
        const QList<Cluster> clusters = model->clusters();
        QStringList hot;
        if (clusters.size() > 3)
            hot.append(clusters.at(3).id);
        for (qsizetype i = 0; i < std::min<qsizetype>(20, clusters.size()); ++i) {
            if (!hot.contains(clusters.at(i).id))
                hot.append(clusters.at(i).id);
        }
        return hot;
    };
    QObject::connect(
        model, &QAbstractItemModel::rowsInserted, &session, [&](const QModelIndex& parent) {
            if (parent == model->organizationIndex())
                session.setHotClusters(hotFromView());
        });

    // The first load.
    const qint64 start = now();
    const qint64 realStart = elapsed->elapsed();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        const double at = double(now() - start) / 1000;
        if (report.listedAt == 0 && model->summary().clusters > 0) {
            report.listedAt = at;
            report.listedRealMs = elapsed->elapsed() - realStart;
        }
        if (report.queuesAt == 0 && report.listedAt > 0) {
            bool all = true;
            for (const Cluster& c : model->clusters()) {
                if (!model->queuesCheckedAt(c.id).isValid()) {
                    all = false;
                    break;
                }
            }
            if (all)
                report.queuesAt = at;
        }
    });
    QObject::connect(&session, &OrganizationSession::refreshFinished, &loop, &QEventLoop::quit);
    poll.start();
    session.refresh();
    loop.exec();
    poll.stop();
    report.loadedAt = double(now() - start) / 1000;
    report.loadRequests = requests;
    report.clusters = int(model->clusters().size());

    // The steady state.
    session.setAutoRefresh(true);
    const qint64 steadyStart = now();
    const int steadyStartRequests = requests;
    const qint64 steadyLength = qint64(std::max(60.0, scheduler->roundSeconds() * rounds) * 1000);
    report.maxInWindow = 0;
    served.clear();
    QTimer sample;
    sample.setInterval(std::max(1, 5000 / speed)); // every 5 s of the compressed clock
    QObject::connect(&sample, &QTimer::timeout, &loop, [&] {
        const qint64 at = now();
        const int stated = scheduler->roundSeconds();
        double oldest = 0;
        for (const QString& id : scheduler->clusters()) {
            const qint64 checked = scheduler->queuesChecked(id);
            if (checked >= 0)
                oldest = std::max(oldest, double(at - checked) / 1000);
        }
        // What the status bar says at this moment must hold at this moment.
        if (oldest > stated)
            ++report.overStated;
        ++report.samples;
        report.oldest = std::max(report.oldest, oldest);
        report.round = std::max(report.round, stated);
        report.plannedRound = scheduler->plannedRoundSeconds();
        report.hotPeriod = std::max(report.hotPeriod, scheduler->hotPeriodSeconds());
        if (at - steadyStart >= steadyLength)
            loop.quit();
    });
    sample.start();
    loop.exec();
    report.steadyMinutes = double(now() - steadyStart) / 60000;
    report.steadyRequests = requests - steadyStartRequests;
    report.realSeconds = double(wall.elapsed()) / 1000;
    return report;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The refresh scheduler against a rate-limited sandbox, on a compressed clock."));
    parser.addHelpOption();
    const QCommandLineOption speedOption(QStringLiteral("speed"),
        QStringLiteral("How many times faster than real time the clock runs (default 90)."),
        QStringLiteral("n"), QStringLiteral("90"));
    const QCommandLineOption onlyOption(
        QStringLiteral("only"), QStringLiteral("demo or large."), QStringLiteral("which"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
        QStringLiteral("Steady state to measure, in stated rounds (default 1.2)."),
        QStringLiteral("n"), QStringLiteral("1.2"));
    parser.addOptions({ speedOption, onlyOption, roundsOption });
    parser.process(app);
    QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
    const int speed = std::clamp(parser.value(speedOption).toInt(), 1, 1000);
    const double rounds = std::clamp(parser.value(roundsOption).toDouble(), 0.1, 10.0);

    const QList<Scenario> scenarios {
        { "demo", 0, 0, 0 },
        { "large", 1000, 50, 5 },
    };
    std::printf("bench_refresh: user limit 50/min enforced, share 25 %% (12.5/min), clock %dx "
                "real time\n\n",
        speed);
    for (const Scenario& scenario : scenarios) {
        if (parser.isSet(onlyOption) && parser.value(onlyOption) != QLatin1String(scenario.name))
            continue;
        const Report r = run(scenario, speed, rounds);
        std::printf("%s: %d clusters\n", scenario.name, r.clusters);
        std::printf("  first load      clusters shown after %lld ms of real time; every "
                    "cluster's queues after %s, everything after %s (%d requests)\n",
            static_cast<long long>(r.listedRealMs), qPrintable(minutes(r.queuesAt)),
            qPrintable(minutes(r.loadedAt)), r.loadRequests);
        std::printf("  steady state    %.2f requests/min over %s (most in any 60 s: %d)\n",
            r.steadyRequests / r.steadyMinutes, qPrintable(minutes(r.steadyMinutes * 60)),
            r.maxInWindow);
        std::printf("  stated round    planned %s, at most %s right after the load (hot period "
                    "%s)\n",
            qPrintable(minutes(r.plannedRound)), qPrintable(minutes(r.round)),
            qPrintable(minutes(r.hotPeriod)));
        std::printf("  oldest queues   %s; older than the round stated at that moment in %d of "
                    "%d samples\n",
            qPrintable(minutes(r.oldest)), r.overStated, r.samples);
        std::printf("  429 responses   %d\n", r.count429);
        std::printf("  wall time       %.0f s\n\n", r.realSeconds);
        std::fflush(stdout);
    }
    return 0;
}
