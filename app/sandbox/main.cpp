// SPDX-License-Identifier: MIT
#include "kitedeckversion.h"
#include "sandboxserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kitedeck-sandbox"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KITEDECK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local Buildkite REST API (clusters, queues, agent tokens) with a demo organisation, for "
        "trying "
        "Kitedeck and the API without a Buildkite account. Listens on 127.0.0.1 only."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("Port to listen on (0: any free port)."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption orgOption(QStringLiteral("org"), QStringLiteral("Organization slug."),
        QStringLiteral("SLUG"), QStringLiteral("kitedeck-demo"));
    const QCommandLineOption latencyOption(QStringLiteral("latency-ms"),
        QStringLiteral("Delay added to every response, in milliseconds."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption quietOption(
        QStringLiteral("quiet"), QStringLiteral("Do not print one line per request."));
    const QCommandLineOption generateOption(QStringLiteral("generate"),
        QStringLiteral("Serve a generated organisation of C clusters with Q queues and T agent "
                       "tokens each (e.g. 1000x50x5) instead of the demo organisation."),
        QStringLiteral("CxQxT"));
    parser.addOptions({ portOption, orgOption, latencyOption, quietOption, generateOption });
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    bool ok = false;
    const uint port = parser.value(portOption).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "kitedeck-sandbox: --port wants a number from 0 to 65535\n";
        return 2;
    }
    const int latency = parser.value(latencyOption).toInt(&ok);
    if (!ok || latency < 0) {
        err << "kitedeck-sandbox: --latency-ms wants a number of milliseconds\n";
        return 2;
    }
    const QString org = parser.value(orgOption).trimmed();
    if (org.isEmpty()) {
        err << "kitedeck-sandbox: --org wants a slug\n";
        return 2;
    }

    int generated[3] = { 0, 0, 0 };
    if (parser.isSet(generateOption)) {
        static const QRegularExpression shape(QStringLiteral("^(\\d+)x(\\d+)x(\\d+)$"));
        const QRegularExpressionMatch m = shape.match(parser.value(generateOption).trimmed());
        bool valid = m.hasMatch();
        for (int i = 0; valid && i < 3; ++i) {
            generated[i] = m.captured(i + 1).toInt(&valid);
            valid = valid && generated[i] >= 0 && generated[i] <= 100000;
        }
        if (!valid || generated[0] == 0) {
            err << "kitedeck-sandbox: --generate wants clusters x queues x tokens, e.g. "
                   "1000x50x5\n";
            return 2;
        }
    }

    SandboxServer server;
    server.setOrganization(org);
    server.setLatency(latency);
    QElapsedTimer seeding;
    seeding.start();
    if (generated[0] > 0)
        server.seedGenerated(generated[0], generated[1], generated[2]);
    else
        server.seedDemo();
    const qint64 seedingMs = seeding.elapsed();
    if (!server.listen(quint16(port))) {
        err << "kitedeck-sandbox: cannot listen on 127.0.0.1:" << port << ": "
            << server.errorString() << '\n';
        return 1;
    }

    const QString base = server.baseUrl().toString();
    out << "Kitedeck sandbox: a local Buildkite REST API\n"
        << "  API URL       " << base << "\n"
        << "  Organization  " << server.organization() << " (" << server.clusterCount()
        << " clusters, " << server.agentCount() << " connected agents; seeded in " << seedingMs
        << " ms)\n"
        << "  Read-write    " << server.readWriteToken()
        << "  (read_clusters write_clusters read_agents write_agents)\n"
        << "  Read-only     " << server.readOnlyToken() << "  (read_clusters read_agents)\n"
        << "  Maintainer    " << server.memberToken()
        << "  (all four scopes; not an administrator: 403 outside her clusters)\n"
        << "\nTry:\n"
        << "  curl -H \"Authorization: Bearer " << server.readWriteToken() << "\" \\\n"
        << "    \"" << base << "/v2/organizations/" << server.organization()
        << "/clusters?per_page=5\"\n"
        << "\nIn Kitedeck, sign in with the API URL and one of the tokens. Ctrl+C stops the "
           "sandbox.\n";
    out.flush();

    if (!parser.isSet(quietOption)) {
        QObject::connect(&server, &SandboxServer::requestServed, &app,
            [&out](const QByteArray& verb, const QString& path, int status) {
                out << status << ' ' << QString::fromLatin1(verb) << ' ' << path << '\n';
                out.flush();
            });
    }
    return app.exec();
}
