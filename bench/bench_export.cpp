// SPDX-License-Identifier: MIT
// Whole-organisation load (what `kitedeck export` and a refresh do) against the sandbox with
// simulated latency. Prints requests made, wall time, and the ratio to the floor
//   (1 + ceil(per-cluster requests / connections per host)) x latency
// i.e. one round trip for the cluster list, then the queue and token lists spread over the
// connections Qt opens per host. Target: within 1.3x of the floor.
#include "api/apiclient.h"
#include "organizationloader.h"
#include "sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

#include <algorithm>
#include <cmath>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // One log line per request would drown the report.
    QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    auto option = [&](const char* name, const char* help, const char* value) {
        QCommandLineOption o(
            QLatin1String(name), QLatin1String(help), QStringLiteral("n"), QLatin1String(value));
        parser.addOption(o);
        return o;
    };
    const auto clustersOpt = option("clusters", "Clusters.", "20");
    const auto queuesOpt = option("queues", "Queues per cluster.", "25");
    const auto tokensOpt = option("tokens", "Tokens per cluster.", "5");
    const auto latencyOpt = option("latency-ms", "Latency per request.", "50");
    const auto runsOpt = option("runs", "Measured runs.", "7");
    parser.process(app);
    const int clusters = parser.value(clustersOpt).toInt();
    const int latency = parser.value(latencyOpt).toInt();
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    const int connectionsPerHost = 6; // Qt's HTTP/1.1 connection pool per host

    SandboxServer server;
    server.seedGenerated(
        clusters, parser.value(queuesOpt).toInt(), parser.value(tokensOpt).toInt());
    server.setLatency(latency);
    if (!server.listen()) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }

    QList<qint64> times;
    qint64 requests = 0;
    int queues = 0;
    int tokens = 0;
    for (int run = 0; run <= runs; ++run) { // run 0 warms up
        QNetworkAccessManager nam;
        ApiClient client(&nam);
        client.setBaseUrl(server.baseUrl());
        client.setToken(server.readOnlyToken());
        OrganizationLoader loader(&client);
        QEventLoop loop;
        ApiError error;
        QObject::connect(&loader, &OrganizationLoader::finished, &loop,
            [&](const OrganizationSnapshot& s, const ApiError& e) {
                error = e;
                queues = s.queueCount();
                tokens = s.tokenCount();
                loop.quit();
            });
        server.clearRequests();
        QElapsedTimer timer;
        timer.start();
        loader.load(server.organization());
        loop.exec();
        const qint64 elapsed = timer.elapsed();
        if (error) {
            std::fprintf(stderr, "load failed: %s\n", qPrintable(error.toString()));
            return 1;
        }
        requests = client.requestsSent();
        if (run > 0)
            times.append(elapsed);
    }
    std::sort(times.begin(), times.end());
    const qint64 median = times.at(times.size() / 2);
    const int perClusterRequests = 2 * clusters;
    const qint64 floorMs
        = (1 + qint64(std::ceil(double(perClusterRequests) / connectionsPerHost))) * latency;

    std::printf("bench_export: %d clusters x %s queues x %s tokens, %d ms latency per request\n",
        clusters, qPrintable(parser.value(queuesOpt)), qPrintable(parser.value(tokensOpt)),
        latency);
    std::printf("  loaded            %d queues, %d tokens\n", queues, tokens);
    std::printf("  requests made     %lld (1 cluster list + %d queue/token lists)\n",
        static_cast<long long>(requests), perClusterRequests);
    std::printf("  most in flight    %d at the server\n", server.maxConcurrentOpen());
    std::printf("  wall time         median %lld ms, min %lld ms, max %lld ms over %d runs\n",
        static_cast<long long>(median), static_cast<long long>(times.first()),
        static_cast<long long>(times.last()), runs);
    std::printf("  floor             (1 + ceil(%d / %d)) x %d ms = %lld ms\n", perClusterRequests,
        connectionsPerHost, latency, static_cast<long long>(floorMs));
    std::printf("  ratio to floor    %.2f (target <= 1.30)\n", double(median) / double(floorMs));
    return 0;
}
