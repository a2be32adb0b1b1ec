#include "exportcommand.h"

#include "api/apiclient.h"
#include "organizationloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSaveFile>

#include <cstdio>

namespace {
int fail(const QString& line)
{
    std::fprintf(stderr, "kitedeck export: %s\n", qPrintable(line));
    return 1;
}
}

int runExportCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes every cluster of an organisation, with its queues and agent tokens, as JSON.\n"
        "The API token is read from BUILDKITE_API_TOKEN."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("export"), QStringLiteral("The export command."));
    const QCommandLineOption org(QStringLiteral("org"), QStringLiteral("Organisation slug."), QStringLiteral("slug"));
    const QCommandLineOption apiUrl(QStringLiteral("api-url"),
        QStringLiteral("API base URL (default https://api.buildkite.com)."), QStringLiteral("url"),
        QStringLiteral("https://api.buildkite.com"));
    const QCommandLineOption output(QStringLiteral("output"),
        QStringLiteral("File to write (default: standard output)."), QStringLiteral("file"));
    const QCommandLineOption rateLimitWait(QStringLiteral("rate-limit-wait"),
        QStringLiteral("Longest wait, in seconds, for a rate-limit window to reset before giving up (default 65)."),
        QStringLiteral("seconds"), QStringLiteral("65"));
    parser.addOptions({ org, apiUrl, output, rateLimitWait });
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (!parser.isSet(org) || parser.value(org).isEmpty())
        return fail(QStringLiteral("--org SLUG is required"));

    const QString token = qEnvironmentVariable("BUILDKITE_API_TOKEN");
    if (token.isEmpty())
        return fail(QStringLiteral("authentication: set BUILDKITE_API_TOKEN to an API access token"));

    QNetworkAccessManager nam;
    ApiClient client(&nam);
    if (const ApiError error = client.setBaseUrl(QUrl(parser.value(apiUrl))))
        return fail(error.toString());
    client.setToken(token);
    ApiClient::Options options = client.options();
    options.maxRateLimitWaitMs = parser.value(rateLimitWait).toInt() * 1000;
    client.setOptions(options);

    OrganizationLoader loader(&client);
    QEventLoop loop;
    OrganizationSnapshot snapshot;
    ApiError error;
    QObject::connect(&loader, &OrganizationLoader::finished, &loop,
        [&](const OrganizationSnapshot& s, const ApiError& e) {
            snapshot = s;
            error = e;
            loop.quit();
        });
    loader.load(parser.value(org));
    loop.exec();

    if (error)
        return fail(error.toString());

    const QByteArray json = QJsonDocument(snapshot.toExportJson()).toJson(QJsonDocument::Indented);
    if (!parser.isSet(output)) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(json) != json.size())
            return fail(QStringLiteral("could not write to standard output"));
        return 0;
    }
    // QSaveFile writes beside the target and renames on commit: no partial file is ever left.
    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly))
        return fail(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.write(json);
    if (!file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    std::fprintf(stderr, "kitedeck export: %lld clusters, %d queues, %d tokens written to %s\n",
        static_cast<long long>(snapshot.clusters.size()), snapshot.queueCount(), snapshot.tokenCount(),
        qPrintable(file.fileName()));
    return 0;
}
