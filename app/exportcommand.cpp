// SPDX-License-Identifier: MIT
#include "exportcommand.h"

#include "accounts/accountmanager.h"
#include "accounts/accountstore.h"
#include "api/apiclient.h"
#include "keychainsecretstore.h"
#include "organizationexport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QTemporaryFile>

#include <cstdio>

namespace {
int fail(const QString& line)
{
    std::fprintf(stderr, "kitedeck export: %s\n", qPrintable(line));
    return 1;
}
} // namespace

int runExportCommand(const QStringList& arguments)
{
    return runExportCommand(arguments, ApiClient::Options());
}

int runExportCommand(const QStringList& arguments, const ApiClient::Options& transport)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes every cluster of an organisation, with its queues and agent tokens, as JSON.\n"
        "The API token is read from BUILDKITE_API_TOKEN or, with --account, from the keychain."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("export"), QStringLiteral("The export command."));
    const QCommandLineOption org(
        QStringLiteral("org"), QStringLiteral("Organisation slug."), QStringLiteral("slug"));
    const QCommandLineOption apiUrl(QStringLiteral("api-url"),
        QStringLiteral("API base URL (default https://api.buildkite.com)."), QStringLiteral("url"),
        QStringLiteral("https://api.buildkite.com"));
    const QCommandLineOption output(QStringLiteral("output"),
        QStringLiteral("File to write (default: standard output)."), QStringLiteral("file"));
    const QCommandLineOption rateLimitWait(QStringLiteral("rate-limit-wait"),
        QStringLiteral("Longest wait, in seconds, for a rate-limit window to reset before giving "
                       "up (default 65)."),
        QStringLiteral("seconds"), QStringLiteral("65"));
    const QCommandLineOption account(QStringLiteral("account"),
        QStringLiteral("Use an account set up in Kitedeck: its organisation, API URL and, unless "
                       "BUILDKITE_API_TOKEN is set, its token from the keychain."),
        QStringLiteral("name"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
        QStringLiteral("Log every request (verb, path, status, time) on stderr."));
    parser.addOptions({ org, apiUrl, output, rateLimitWait, account, verbose });
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    // Failures are one line on stderr; the request log only when asked for.
    if (!parser.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    QString orgSlug = parser.value(org);
    QUrl baseUrl(parser.value(apiUrl));
    // The environment wins over a stored account, so scripts stay in control.
    QString token = qEnvironmentVariable("BUILDKITE_API_TOKEN");
    if (parser.isSet(account)) {
        const QString name = parser.value(account);
        const AccountStore accounts;
        const std::optional<Account> found = accounts.find(name);
        if (!found) {
            QStringList names;
            for (const Account& a : accounts.accounts())
                names.append(a.name);
            if (names.isEmpty())
                return fail(QStringLiteral("no account named \"%1\": no account is set up, sign "
                                           "in with Kitedeck first")
                                .arg(name));
            return fail(QStringLiteral("no account named \"%1\" (accounts: %2)")
                            .arg(name, names.join(QStringLiteral(", "))));
        }
        if (!parser.isSet(org))
            orgSlug = found->organization;
        if (!parser.isSet(apiUrl))
            baseUrl = found->apiUrl;
        if (token.isEmpty()) {
            // The same path as the app's: session memory, then the keychain.
            AccountStore store;
            KeychainSecretStore keychain;
            QNetworkAccessManager checks;
            AccountManager manager(&store, &keychain, &checks);
            QEventLoop wait;
            SecretStore::Error keychainError;
            manager.loadToken(
                found->id, nullptr, [&](const SecretStore::Error& e, const QString& secret) {
                    keychainError = e;
                    token = secret;
                    wait.quit();
                });
            wait.exec();
            if (keychainError.kind == SecretStore::ErrorKind::NotFound)
                return fail(QStringLiteral("authentication: the keychain has no token for "
                                           "account \"%1\"; sign in again in Kitedeck or set "
                                           "BUILDKITE_API_TOKEN")
                                .arg(found->name));
            if (keychainError)
                return fail(QStringLiteral("keychain: %1; set BUILDKITE_API_TOKEN instead")
                                .arg(SecretStore::describe(keychainError)));
        }
    }
    if (orgSlug.isEmpty())
        return fail(QStringLiteral("--org SLUG (or --account NAME) is required"));
    if (token.isEmpty())
        return fail(QStringLiteral("authentication: set BUILDKITE_API_TOKEN to an API access "
                                   "token, or use --account NAME"));

    QNetworkAccessManager nam;
    ApiClient client(&nam);
    if (const ApiError error = client.setBaseUrl(baseUrl))
        return fail(error.toString());
    client.setToken(token);
    ApiClient::Options options = transport;
    bool waitOk = false;
    const int waitSeconds = parser.value(rateLimitWait).toInt(&waitOk);
    if (!waitOk || waitSeconds < 0 || waitSeconds > 3600) // an hour; and * 1000 stays in an int
        return fail(QStringLiteral("--rate-limit-wait takes whole seconds from 0 to 3600, not "
                                   "\"%1\"")
                        .arg(ApiError::displayText(parser.value(rateLimitWait))));
    options.maxRateLimitWaitMs = waitSeconds * 1000;
    client.setOptions(options);

    // Streamed: each cluster is written as soon as it and those before it are in, so memory
    // holds a few clusters, not the organisation. QSaveFile writes beside the target and renames
    // on commit; standard output gets a spooled copy once everything is in. Either way a
    // failure leaves no partial document behind.
    QSaveFile file(parser.isSet(output) ? parser.value(output) : QString());
    QTemporaryFile spool;
    QIODevice* device = nullptr;
    if (parser.isSet(output)) {
        if (!file.open(QIODevice::WriteOnly))
            return fail(
                QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
        device = &file;
    } else {
        if (!spool.open())
            return fail(
                QStringLiteral("cannot write a temporary file: %1").arg(spool.errorString()));
        device = &spool;
    }

    OrganizationExport exporter(&client);
    QEventLoop loop;
    ApiError error;
    QObject::connect(&exporter, &OrganizationExport::finished, &loop, [&](const ApiError& e) {
        error = e;
        loop.quit();
    });
    exporter.start(orgSlug, device);
    loop.exec();

    const QString written
        = parser.isSet(output) ? file.fileName() : QStringLiteral("standard output");
    if (error || !exporter.writeError().isEmpty()) {
        if (parser.isSet(output))
            file.cancelWriting();
        if (error)
            return fail(error.toString());
        return fail(QStringLiteral("cannot write %1: %2").arg(written, exporter.writeError()));
    }
    if (!parser.isSet(output)) {
        QFile out;
        if (!spool.seek(0) || !out.open(stdout, QIODevice::WriteOnly))
            return fail(QStringLiteral("could not write to standard output"));
        QByteArray chunk;
        while (!(chunk = spool.read(1 << 20)).isEmpty()) {
            if (out.write(chunk) != chunk.size())
                return fail(QStringLiteral("could not write to standard output"));
        }
        return out.flush() ? 0 : fail(QStringLiteral("could not write to standard output"));
    }
    if (!file.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    std::fprintf(stderr, "kitedeck export: %d clusters, %d queues, %d tokens written to %s\n",
        exporter.clusterCount(), exporter.queueCount(), exporter.tokenCount(),
        qPrintable(file.fileName()));
    return 0;
}
