// SPDX-License-Identifier: MIT
// An organisation of 1,000 clusters: the GUI against `kitedeck export` on the same generated
// organisation, served by an in-process sandbox with no latency.
//
//   build/bin/bench_scale [--clusters 1000 --queues 50 --tokens 5 --runs 3] [--filter-only]
//
// Each measured program runs in its own process, so each peak RSS is that program's alone (the
// sandbox and its data live here, in the parent):
//   - the GUI: this executable again with --gui, a real MainWindow on the offscreen platform.
//     It times setSession() to the end of the first refresh (every cluster's queues and tokens
//     merged), then each keystroke of a realistic filter sequence (the key event, the filter,
//     the view's layout and a paint of the tree), then counts the tree model's signals on a
//     refresh that finds nothing new and on one after a queue was paused behind its back. It
//     reads its peak RSS (VmHWM) after the load and at the end.
//   - the export: the real kitedeck binary, started through this executable with --rusage so
//     that its peak RSS comes from wait4() (ru_maxrss), not from a guess.
//
// --filter-only measures the keystrokes alone, in minutes less: the GUI process loads the
// organisation as export does (OrganizationLoader, no view attached), merges it into the
// session's tree in one call, and only then shows it in the window. The session's own refresh
// goes to a server that never answers, so nothing merges while the keys are timed.
#include "api/apiclient.h"
#include "api/requests/queuerequests.h"
#include "mainwindow/autorefresh.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigationpanel.h"
#include "organizationloader.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxserver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <optional>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// Peak resident set of this process so far, in KiB (VmHWM).
qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Resident set of this process now, in KiB (VmRSS): what the peak left behind.
qint64 rssNowKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// CPU time of this whole process (every thread, user and system), in milliseconds: what the
// load costs whatever else the machine runs, which wall time on a shared machine does not say.
qint64 processCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return qint64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

// CPU time of this thread, in nanoseconds: what a keystroke costs, whatever else the machine
// is doing (wall time also counts the other processes sharing the cores).
qint64 threadCpuNs()
{
    timespec t {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

struct Stats {
    double min = 0;
    double median = 0;
    double max = 0;
};

Stats statsOf(QList<double> values)
{
    if (values.isEmpty())
        return {};
    std::sort(values.begin(), values.end());
    return { values.first(), values.at(values.size() / 2), values.last() };
}

QString format(const Stats& s, const char* unit, int decimals = 0)
{
    return QStringLiteral("min %1 %4, median %2 %4, max %3 %4")
        .arg(s.min, 0, 'f', decimals)
        .arg(s.median, 0, 'f', decimals)
        .arg(s.max, 0, 'f', decimals)
        .arg(QLatin1String(unit));
}

// ---- --rusage PROGRAM ARGS...: runs it, prints "rusage maxrss_kb=N" on stderr, passes its
// exit code on.
int runWithRusage(char* argv[], int first)
{
    const pid_t pid = fork();
    if (pid < 0)
        return 127;
    if (pid == 0) {
        execv(argv[first], argv + first);
        _exit(127);
    }
    int status = 0;
    rusage usage {};
    if (wait4(pid, &status, 0, &usage) != pid)
        return 127;
    std::fprintf(stderr, "rusage maxrss_kb=%ld\n", usage.ru_maxrss);
    std::fprintf(stderr, "rusage cpu_ms=%ld\n",
        (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// ---- --gui: one GUI process, reporting "key=value" lines on stdout.

class SignalCounter final {
public:
    explicit SignalCounter(QAbstractItemModel* model)
    {
        auto count = [this](const char* name) { return [this, name] { ++m_counts[name]; }; };
        m_connections << QObject::connect(model, &QAbstractItemModel::dataChanged,
            [this](const QModelIndex& topLeft, const QModelIndex&, const QList<int>& roles) {
                ++m_counts["dataChanged"];
                // Which row and roles: what a reader of the report needs to judge the count.
                const auto kind
                    = topLeft.data(ModelRoles::Kind).value<OrganizationTreeModel::NodeKind>();
                QStringList names;
                for (int role : roles) {
                    const char* key = QMetaEnum::fromType<ModelRoles::Role>().valueToKey(role);
                    names.append(key                  ? QString::fromLatin1(key)
                            : role == Qt::ToolTipRole ? QStringLiteral("ToolTip")
                                                      : QString::number(role));
                }
                m_rows.append(QStringLiteral("%1[%2]").arg(
                    QString::fromLatin1(
                        QMetaEnum::fromType<OrganizationTreeModel::NodeKind>().valueToKey(
                            int(kind))),
                    names.join(QLatin1Char(' '))));
            });
        m_connections << QObject::connect(
            model, &QAbstractItemModel::rowsInserted, count("rowsInserted"));
        m_connections << QObject::connect(
            model, &QAbstractItemModel::rowsRemoved, count("rowsRemoved"));
        m_connections << QObject::connect(
            model, &QAbstractItemModel::rowsMoved, count("rowsMoved"));
        m_connections << QObject::connect(
            model, &QAbstractItemModel::layoutChanged, count("layoutChanged"));
        m_connections << QObject::connect(
            model, &QAbstractItemModel::modelReset, count("modelReset"));
    }
    ~SignalCounter()
    {
        for (const auto& c : std::as_const(m_connections))
            QObject::disconnect(c);
    }
    int total() const
    {
        int n = 0;
        for (int v : m_counts)
            n += v;
        return n;
    }
    int count(const char* name) const { return m_counts.value(name); }
    QString describe() const
    {
        QStringList parts;
        for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
            parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(QLatin1String(it.key())));
        if (!m_rows.isEmpty())
            parts.append(QStringLiteral("on %1").arg(m_rows.join(QStringLiteral(", "))));
        return parts.isEmpty() ? QStringLiteral("none") : parts.join(QStringLiteral(", "));
    }

private:
    QMap<const char*, int> m_counts;
    QStringList m_rows; // dataChanged: the row's kind and the roles named
    QList<QMetaObject::Connection> m_connections;
};

bool waitForRefresh(OrganizationSession& session, int timeoutMs)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&session, &OrganizationSession::refreshFinished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done;
}

// The whole organisation as export loads it, every cluster with its queues and tokens.
std::optional<OrganizationSnapshot> loadSnapshot(ApiClient& client, const QString& organization)
{
    OrganizationLoader loader(&client);
    QHash<QString, ClusterSnapshot> loaded;
    OrganizationSnapshot snapshot;
    bool ok = false;
    QEventLoop loop;
    QObject::connect(&loader, &OrganizationLoader::clusterLoaded, &loop,
        [&](const ClusterSnapshot& c) { loaded.insert(c.cluster.id, c); });
    QObject::connect(&loader, &OrganizationLoader::finished, &loop,
        [&](const OrganizationSnapshot& s, const ApiError& error) {
            snapshot = s;
            ok = !error;
            loop.quit();
        });
    loader.load(organization);
    loop.exec();
    if (!ok)
        return std::nullopt;
    for (ClusterSnapshot& c : snapshot.clusters)
        c = loaded.value(c.cluster.id, c);
    return snapshot;
}

int runGui(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's settings stay out of the user's
    QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
    QCommandLineParser parser;
    const QCommandLineOption gui(QStringLiteral("gui"));
    const QCommandLineOption url(QStringLiteral("api-url"), {}, QStringLiteral("url"));
    const QCommandLineOption org(QStringLiteral("org"), {}, QStringLiteral("slug"));
    const QCommandLineOption queues(QStringLiteral("expect-queues"), {}, QStringLiteral("n"));
    const QCommandLineOption typing(QStringLiteral("typing"), {}, QStringLiteral("keys"));
    const QCommandLineOption filterOnly(QStringLiteral("filter-only"));
    parser.addOptions({ gui, url, org, queues, typing, filterOnly });
    parser.process(app);
    const bool onlyFilter = parser.isSet(filterOnly);

    QNetworkAccessManager nam;
    ApiClient client(&nam);
    client.setBaseUrl(QUrl(parser.value(url)));
    // From the environment, as `kitedeck export` and `--api-url` take it: never on a command
    // line (which `ps` shows) nor in anything printed.
    const QString apiToken = qEnvironmentVariable("BUILDKITE_API_TOKEN");
    client.setToken(apiToken);
    // --filter-only: connections are accepted and never answered, so the session's refresh
    // waits (its transfer timeout is far longer than the typing) and merges nothing.
    QTcpServer silent;
    if (onlyFilter) {
        if (!silent.listen(QHostAddress::LocalHost)) {
            std::printf("error=cannot listen\n");
            return 1;
        }
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
    }
    OrganizationSession session(&client, parser.value(org));
    MainWindow window;
    window.autoRefresh()->setEnabled(false);
    window.resize(1280, 800);
    window.show();
    QCoreApplication::processEvents();
    std::printf("rss_before_load_kb=%lld\n", peakRssKb());

    QElapsedTimer timer;
    timer.start();
    const qint64 cpuBeforeLoad = processCpuMs();
    if (onlyFilter) {
        ApiClient loaderClient(&nam);
        loaderClient.setBaseUrl(QUrl(parser.value(url)));
        loaderClient.setToken(apiToken);
        const std::optional<OrganizationSnapshot> snapshot
            = loadSnapshot(loaderClient, parser.value(org));
        if (!snapshot) {
            std::printf("error=the organisation did not load\n");
            return 1;
        }
        session.treeModel()->mergeSnapshot(*snapshot);
        window.setSession(&session);
    } else {
        window.setSession(&session);
        if (!waitForRefresh(session, 900000)) {
            std::printf("error=the load did not finish\n");
            return 1;
        }
    }
    const qint64 loadMs = timer.elapsed();
    const qint64 loadCpuMs = processCpuMs() - cpuBeforeLoad;
    if (!onlyFilter && session.lastRefreshError()) {
        std::printf("error=%s\n", qPrintable(session.lastRefreshError().toString()));
        return 1;
    }
    OrganizationTreeModel* model = session.treeModel();
    const OrganizationSummary summary = model->summary();
    QCoreApplication::processEvents();
    window.navigationTree()->viewport()->repaint();
    std::printf("load_ms=%lld\n", static_cast<long long>(loadMs));
    std::printf("load_cpu_ms=%lld\n", static_cast<long long>(loadCpuMs));
    std::printf("loaded=%d clusters, %d queues, %d tokens\n", summary.clusters, summary.queues,
        summary.tokens);
    if (parser.isSet(queues) && summary.queues != parser.value(queues).toInt()) {
        std::printf("error=expected %s queues\n", qPrintable(parser.value(queues)));
        return 1;
    }
    std::printf("rss_after_load_kb=%lld\n", peakRssKb());
    std::printf("rss_now_after_load_kb=%lld\n", rssNowKb());
    std::fflush(stdout);

    // Typing in the filter box: every keystroke's key event, filter, layout and paint, as if
    // each were applied (the debounce applies only some of them: this is the worst case).
    auto* edit = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QTreeView* tree = window.navigationTree();
    if (!edit || !tree) {
        std::printf("error=no filter box\n");
        return 1;
    }
    edit->setFocus();
    // Nobody types within a moment of the tree appearing: what the app does in that moment
    // (gathering the filter's rows once the tree is quiet) is not a keystroke's cost.
    QTest::qWait(500);
    QStringList steps;
    const QString keys = parser.value(typing);
    for (const QString& step : keys.split(QLatin1Char('|')))
        steps.append(step);
    QList<double> perKey;
    QList<double> perKeyCpu;
    auto settle = [&] {
        QCoreApplication::processEvents();
        tree->viewport()->repaint(); // runs a pending layout, then paints
        QCoreApplication::processEvents();
    };
    for (const QString& step : std::as_const(steps)) {
        // "<" is Backspace, "~" clears the box (select all, delete); anything else is typed.
        const QList<QChar> chars(step.cbegin(), step.cend());
        for (QChar c : chars) {
            QElapsedTimer key;
            key.start();
            const qint64 cpu = threadCpuNs();
            if (c == QLatin1Char('<')) {
                QTest::keyClick(edit, Qt::Key_Backspace);
            } else if (c == QLatin1Char('~')) {
                QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
                QTest::keyClick(edit, Qt::Key_Delete);
            } else {
                QTest::keyClick(edit, c.toLatin1());
            }
            settle();
            // A keystroke the debounce holds back is applied when typing pauses: what that
            // costs is counted here, the pause itself is not.
            if (window.navigation()->isFilterPending())
                window.navigation()->flushFilter();
            settle();
            const qint64 busy = key.nsecsElapsed();
            perKey.append(double(busy) / 1e6);
            perKeyCpu.append(double(threadCpuNs() - cpu) / 1e6);
        }
    }
    QStringList keyTimes;
    for (double ms : std::as_const(perKey))
        keyTimes.append(QString::number(ms, 'f', 2));
    std::printf("filter_ms=%s\n", qPrintable(keyTimes.join(QLatin1Char(','))));
    keyTimes.clear();
    for (double ms : std::as_const(perKeyCpu))
        keyTimes.append(QString::number(ms, 'f', 2));
    std::printf("filter_cpu_ms=%s\n", qPrintable(keyTimes.join(QLatin1Char(','))));
    std::printf("rss_after_filter_kb=%lld\n", peakRssKb());
    std::fflush(stdout);
    if (onlyFilter)
        return 0;

    // A refresh that finds nothing new.
    {
        SignalCounter counter(model);
        session.refresh();
        if (!waitForRefresh(session, 900000)) {
            std::printf("error=the identical refresh did not finish\n");
            return 1;
        }
        std::printf(
            "identical_refresh_signals=%d (%s)\n", counter.total(), qPrintable(counter.describe()));
    }

    // One queue paused behind the session's back, then a refresh.
    {
        const QString clusterId = model->clusters().constFirst().id;
        Queue target;
        for (const Queue& q : model->queues(clusterId)) {
            if (!q.dispatchPaused) {
                target = q;
                break;
            }
        }
        ApiClient outside(&nam);
        outside.setBaseUrl(QUrl(parser.value(url)));
        outside.setToken(apiToken);
        QEventLoop loop;
        bool paused = false;
        outside.call(
            PauseQueue { parser.value(org), clusterId, target.id, QStringLiteral("bench") },
            nullptr, [&](const Result<Queue>& r) {
                paused = r.ok();
                loop.quit();
            });
        loop.exec();
        if (!paused) {
            std::printf("error=could not pause a queue\n");
            return 1;
        }
        SignalCounter counter(model);
        session.refresh();
        if (!waitForRefresh(session, 900000)) {
            std::printf("error=the refresh after the pause did not finish\n");
            return 1;
        }
        std::printf(
            "pause_refresh_signals=%d (%s)\n", counter.total(), qPrintable(counter.describe()));
        std::printf("pause_refresh_data_changed=%d\n", counter.count("dataChanged"));
    }
    std::printf("rss_end_kb=%lld\n", peakRssKb());
    std::printf("rss_now_end_kb=%lld\n", rssNowKb());
    return 0;
}

// ---- the parent: sandbox, child processes, report.

struct ChildRun {
    bool ok = false;
    qint64 wallMs = 0;
    QHash<QString, QString> values;
    QString errors;
};

ChildRun runChild(const QString& program, const QStringList& arguments,
    const QProcessEnvironment& env, int timeoutMs)
{
    ChildRun run;
    QProcess process;
    process.setProcessEnvironment(env);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    process.start(program, arguments);
    loop.exec(); // the sandbox answers from this event loop
    run.wallMs = timer.elapsed();
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        run.errors = QStringLiteral("timed out");
        return run;
    }
    const QByteArray out = process.readAllStandardOutput() + process.readAllStandardError();
    for (const QByteArray& line : out.split('\n')) {
        // "key=value" lines; the --rusage wrapper's line starts with "rusage ".
        const QByteArray l = line.startsWith("rusage ") ? line.mid(7) : line;
        const qsizetype eq = l.indexOf('=');
        if (eq > 0 && !l.left(eq).contains(' '))
            run.values.insert(QString::fromUtf8(l.left(eq)), QString::fromUtf8(l.mid(eq + 1)));
    }
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!run.ok)
        run.errors = QString::fromUtf8(out.right(2000));
    return run;
}

// Other work on the machine makes wall times longer: said with the figures.
QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

QString defaultKitedeck(const QString& self)
{
    const QString beside = QFileInfo(self).dir().filePath(QStringLiteral("kitedeck"));
    return QFileInfo::exists(beside) ? beside : QString();
}

} // namespace

int main(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--rusage") == 0 && i + 1 < argc)
            return runWithRusage(argv, i + 1);
        if (std::strcmp(argv[i], "--gui") == 0)
            return runGui(argc, argv);
    }

    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false\nqt.httpserver*=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    auto option = [&](const char* name, const char* help, const char* value) {
        QCommandLineOption o(QLatin1String(name), QLatin1String(help), QStringLiteral("value"),
            QLatin1String(value));
        parser.addOption(o);
        return o;
    };
    const auto clustersOpt = option("clusters", "Clusters.", "1000");
    const auto queuesOpt = option("queues", "Queues per cluster.", "50");
    const auto tokensOpt = option("tokens", "Tokens per cluster.", "5");
    const auto runsOpt = option("runs", "Runs of each program.", "3");
    const auto kitedeckOpt = option("kitedeck", "The kitedeck executable.", "");
    // For profiling: serve the organisation (no rate limit) until killed, and print what a
    // --gui child run under a profiler needs to reach it.
    const QCommandLineOption serveOpt(QStringLiteral("serve"),
        QStringLiteral("Only serve the organisation, printing the --gui arguments."));
    parser.addOption(serveOpt);
    // Typed into the filter box, keystroke by keystroke ("<" Backspace, "~" clear, "|" only
    // separates groups): a key that matches every queue, narrowing to a tenth of them, back
    // out, a hundred clusters, a state word with text, cleared.
    const auto typingOpt = option("typing", "Keystrokes for the filter.",
        "queue-04|<<<<<<<<|cluster 07|~|is:paused deploy|~|generated 0042|~");
    const QCommandLineOption filterOnlyOpt(QStringLiteral("filter-only"),
        QStringLiteral("Measure only the filter (the GUI loads as export does, then types)."));
    parser.addOption(filterOnlyOpt);
    parser.process(app);
    const bool filterOnly = parser.isSet(filterOnlyOpt);
    const int clusters = parser.value(clustersOpt).toInt();
    const int queuesPerCluster = parser.value(queuesOpt).toInt();
    const int tokensPerCluster = parser.value(tokensOpt).toInt();
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    QString kitedeck = parser.value(kitedeckOpt);
    if (kitedeck.isEmpty())
        kitedeck = defaultKitedeck(QCoreApplication::applicationFilePath());
    if (kitedeck.isEmpty()) {
        std::fprintf(stderr, "bench_scale: no kitedeck executable (build it, or --kitedeck)\n");
        return 1;
    }

    SandboxServer server;
    server.seedGenerated(clusters, queuesPerCluster, tokensPerCluster);
    // This measures the app's time and memory, not the rate budget (bench_refresh does that): a
    // limit no load reaches lets the first load run as fast as export does, as it would on a
    // plan with a large limit.
    server.setRateLimit(1000000);
    if (!server.listen()) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    const int expectedQueues = clusters * queuesPerCluster;
    if (parser.isSet(serveOpt)) {
        // The token goes to a file only this user can read, not to the terminal.
        QTemporaryDir serveDir; // removed with the token when the server stops
        const QString tokenPath = serveDir.filePath(QStringLiteral("token"));
        QFile tokenFile(tokenPath);
        if (!tokenFile.open(QIODevice::WriteOnly)
            || !tokenFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
            || tokenFile.write(server.readWriteToken().toUtf8()) < 0) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(tokenPath));
            return 1;
        }
        tokenFile.close();
        std::printf("BUILDKITE_API_TOKEN=$(cat %s) %s --gui --api-url %s --org %s "
                    "--expect-queues %d\n",
            qPrintable(tokenPath), qPrintable(QCoreApplication::applicationFilePath()),
            qPrintable(server.baseUrl().toString()), qPrintable(server.organization()),
            expectedQueues);
        std::fflush(stdout);
        return app.exec();
    }
    const int rows = 1 + clusters * (3 + queuesPerCluster + tokensPerCluster);
    std::printf("bench_scale: %d clusters x %d queues x %d tokens (%d tree rows), 0 ms latency, "
                "%d runs\n",
        clusters, queuesPerCluster, tokensPerCluster, rows, runs);
    std::fflush(stdout);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QTemporaryDir dir;

    QList<double> guiLoad, guiCpu, guiRss, guiRssNow, guiRssEnd, guiRssNowEnd, beforeLoad,
        exportWall, exportCpu, exportRss, keys, keysCpu;
    QStringList identical, pause;
    int pauseDataChanged = -1;
    for (int run = 0; run < runs; ++run) {
        server.clearRequests();
        // The same organisation every run: undo the previous run's pause.
        server.seedGenerated(clusters, queuesPerCluster, tokensPerCluster);
        const ChildRun gui = runChild(
            QCoreApplication::applicationFilePath(),
            QStringList { QStringLiteral("--gui"), QStringLiteral("--api-url"),
                server.baseUrl().toString(), QStringLiteral("--org"), server.organization(),
                QStringLiteral("--expect-queues"), QString::number(expectedQueues),
                QStringLiteral("--typing"), parser.value(typingOpt) }
                + (filterOnly ? QStringList { QStringLiteral("--filter-only") } : QStringList()),
            [&] {
                QProcessEnvironment e = env;
                e.insert(QStringLiteral("BUILDKITE_API_TOKEN"), server.readWriteToken());
                return e;
            }(),
            1800000);
        if (!gui.ok || gui.values.contains(QStringLiteral("error"))) {
            std::fprintf(stderr, "GUI run failed: %s %s\n",
                qPrintable(gui.values.value(QStringLiteral("error"))), qPrintable(gui.errors));
            return 1;
        }
        guiLoad.append(gui.values.value(QStringLiteral("load_ms")).toDouble());
        guiCpu.append(gui.values.value(QStringLiteral("load_cpu_ms")).toDouble());
        beforeLoad.append(gui.values.value(QStringLiteral("rss_before_load_kb")).toDouble() / 1024);
        guiRss.append(gui.values.value(QStringLiteral("rss_after_load_kb")).toDouble() / 1024);
        guiRssNow.append(
            gui.values.value(QStringLiteral("rss_now_after_load_kb")).toDouble() / 1024);
        guiRssEnd.append(gui.values.value(QStringLiteral("rss_end_kb")).toDouble() / 1024);
        guiRssNowEnd.append(gui.values.value(QStringLiteral("rss_now_end_kb")).toDouble() / 1024);
        for (const QString& k :
            gui.values.value(QStringLiteral("filter_ms")).split(QLatin1Char(',')))
            keys.append(k.toDouble());
        for (const QString& k :
            gui.values.value(QStringLiteral("filter_cpu_ms")).split(QLatin1Char(',')))
            keysCpu.append(k.toDouble());
        identical.append(gui.values.value(QStringLiteral("identical_refresh_signals")));
        pause.append(gui.values.value(QStringLiteral("pause_refresh_signals")));
        pauseDataChanged = gui.values.value(QStringLiteral("pause_refresh_data_changed")).toInt();
        if (filterOnly) {
            std::printf("  run %d: organisation loaded and merged in %s ms\n", run + 1,
                qPrintable(gui.values.value(QStringLiteral("load_ms"))));
            // Which keystroke cost what: the typing, with each key's wall and CPU milliseconds.
            const QStringList wall = gui.values.value(QStringLiteral("filter_ms")).split(u',');
            const QStringList cpu = gui.values.value(QStringLiteral("filter_cpu_ms")).split(u',');
            const QString typed = parser.value(typingOpt).remove(u'|');
            for (qsizetype k = 0; k < wall.size() && k < cpu.size(); ++k)
                std::printf("    '%s' %s ms wall, %s ms CPU\n", qPrintable(typed.mid(k, 1)),
                    qPrintable(wall.at(k)), qPrintable(cpu.at(k)));
            std::fflush(stdout);
            continue;
        }

        server.clearRequests();
        const QString out = dir.filePath(QStringLiteral("export.json"));
        const ChildRun exported = runChild(
            QCoreApplication::applicationFilePath(),
            { QStringLiteral("--rusage"), kitedeck, QStringLiteral("export"),
                QStringLiteral("--org"), server.organization(), QStringLiteral("--api-url"),
                server.baseUrl().toString(), QStringLiteral("--output"), out },
            [&] {
                QProcessEnvironment e = env;
                e.insert(QStringLiteral("BUILDKITE_API_TOKEN"), server.readOnlyToken());
                return e;
            }(),
            1800000);
        if (!exported.ok) {
            std::fprintf(stderr, "export failed: %s\n", qPrintable(exported.errors));
            return 1;
        }
        exportWall.append(double(exported.wallMs));
        exportCpu.append(exported.values.value(QStringLiteral("cpu_ms")).toDouble());
        exportRss.append(exported.values.value(QStringLiteral("maxrss_kb")).toDouble() / 1024);
        // This run's keystrokes alone: how much the runs differ.
        QList<double> runKeys;
        for (const QString& k :
            gui.values.value(QStringLiteral("filter_ms")).split(QLatin1Char(',')))
            runKeys.append(k.toDouble());
        const Stats runFilter = statsOf(runKeys);
        std::printf("  run %d: GUI load %s ms (CPU %s ms), peak %.1f MiB, filter median %.1f ms "
                    "(max %.1f); export %lld ms (CPU %.0f ms), peak %.1f MiB\n",
            run + 1, qPrintable(gui.values.value(QStringLiteral("load_ms"))),
            qPrintable(gui.values.value(QStringLiteral("load_cpu_ms"))), guiRss.last(),
            runFilter.median, runFilter.max, static_cast<long long>(exported.wallMs),
            exportCpu.last(), exportRss.last());
        std::fflush(stdout);
    }

    const Stats load = statsOf(guiLoad);
    const Stats exp = statsOf(exportWall);
    const Stats key = statsOf(keys);
    if (filterOnly) {
        std::printf("\nfilter, per keystroke (%lld keystrokes), wall    %s (target < 16)\n",
            static_cast<long long>(keys.size()), qPrintable(format(key, "ms", 1)));
        std::printf("filter, per keystroke, CPU of the GUI thread     %s\n",
            qPrintable(format(statsOf(keysCpu), "ms", 1)));
        std::printf(
            "machine load average at the end                 %s\n", qPrintable(loadAverage()));
        return 0;
    }
    std::printf(
        "\nGUI load (setSession to every cluster merged)   %s\n", qPrintable(format(load, "ms")));
    std::printf(
        "kitedeck export (whole process)                 %s\n", qPrintable(format(exp, "ms")));
    std::printf("  ratio GUI / export (medians)                  %.2f (target <= 2.00)\n",
        load.median / std::max(1.0, exp.median));
    // CPU time, every thread of each process: fairer than wall time on a shared machine.
    const Stats loadCpu = statsOf(guiCpu);
    const Stats expCpu = statsOf(exportCpu);
    std::printf(
        "GUI load, CPU time of the process              %s\n", qPrintable(format(loadCpu, "ms")));
    std::printf(
        "kitedeck export, CPU time of the process        %s\n", qPrintable(format(expCpu, "ms")));
    std::printf("  ratio of CPU times (medians)                  %.2f\n",
        loadCpu.median / std::max(1.0, expCpu.median));
    std::printf("GUI peak RSS before the load (Qt, the window)   %s\n",
        qPrintable(format(statsOf(beforeLoad), "MiB", 1)));
    std::printf("GUI peak RSS after the load                     %s (target <= 80)\n",
        qPrintable(format(statsOf(guiRss), "MiB", 1)));
    std::printf("GUI RSS just after the load                     %s\n",
        qPrintable(format(statsOf(guiRssNow), "MiB", 1)));
    std::printf("GUI peak RSS at the end (filter, refreshes)     %s\n",
        qPrintable(format(statsOf(guiRssEnd), "MiB", 1)));
    std::printf("GUI RSS at the end                              %s\n",
        qPrintable(format(statsOf(guiRssNowEnd), "MiB", 1)));
    std::printf("export peak RSS                                 %s (target <= 100)\n",
        qPrintable(format(statsOf(exportRss), "MiB", 1)));
    std::printf("filter, per keystroke (%lld keystrokes), wall    %s (target < 16)\n",
        static_cast<long long>(keys.size()), qPrintable(format(key, "ms", 1)));
    std::printf("filter, per keystroke, CPU of the GUI thread     %s\n",
        qPrintable(format(statsOf(keysCpu), "ms", 1)));
    std::printf("machine load average at the end                 %s\n", qPrintable(loadAverage()));
    std::printf("identical refresh, model signals                %s (target 0)\n",
        qPrintable(identical.join(QStringLiteral("; "))));
    std::printf("refresh after one outside pause                 %s (target: exactly 1 "
                "dataChanged; last run %d)\n",
        qPrintable(pause.join(QStringLiteral("; "))), pauseDataChanged);
    return 0;
}
