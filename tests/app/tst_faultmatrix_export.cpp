// SPDX-License-Identifier: MIT
// The fault matrix's export rows: the three reads `kitedeck export` sends (the clusters, each
// cluster's queues and tokens) x every fault the sandbox injects, run in-process over loopback
// with the client's timeouts made short. Each cell asserts the one line on stderr, the exit code,
// how many times the endpoint was asked, and that the output file is either the whole
// organisation (the same bytes as an export without the fault) or not there at all.
#include "exportcommand.h"
#include "faultmatrix.h"
#include "sandboxserver.h"
#include "stderrcapture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using FaultMatrix::Fault;

namespace {

enum class Endpoint {
    ListClusters,
    ListQueues,
    ListTokens,
};

const char* nameOf(Endpoint e)
{
    switch (e) {
    case Endpoint::ListClusters:
        return "list clusters";
    case Endpoint::ListQueues:
        return "list queues";
    case Endpoint::ListTokens:
        return "list tokens";
    }
    return "";
}

struct Expect {
    QString line; // the whole of stderr, one line; "%*" matches anything
    int exitCode = 1;
    int attempts = 1;
    // Qt 6.4 may itself send a GET again when its connection closes before it began reading the
    // answer (ApiClient::startAttempt says why the client lets it). The sandbox counts what it
    // received; the export builds its own network manager, so the client's own attempts are
    // counted exactly in tst_faultmatrix only.
    int maxAttempts = attempts;
};

Expect expectation(Endpoint e, Fault f)
{
    const QString prefix = QStringLiteral("kitedeck export: ");
    auto failure = [&](const QString& kind, const QString& message, int status, int attempts) {
        QString text = prefix + kind + QStringLiteral(": ") + message;
        if (status > 0)
            text += QStringLiteral(" (HTTP %1)").arg(status);
        return Expect { text, 1, attempts, attempts };
    };
    switch (f) {
    case Fault::Unauthorized:
        return failure(
            QStringLiteral("Authentication"), FaultMatrix::unauthorizedMessage(), 401, 1);
    case Fault::Forbidden:
        return failure(QStringLiteral("Missing scope"),
            FaultMatrix::forbiddenMessage(QStringLiteral("read_clusters")), 403, 1);
    case Fault::NotFound:
        return failure(QStringLiteral("Not found"), FaultMatrix::notFoundMessage(), 404, 1);
    case Fault::Validation:
        return failure(QStringLiteral("Validation"), FaultMatrix::validationMessage(), 422, 1);
    case Fault::RateLimitedOnce:
        // Waited for the reset, asked again, and the whole organisation was written.
        return { prefix + QStringLiteral("%* clusters, %* queues, %* tokens written to %*"), 0, 2,
            2 };
    case Fault::RateLimitedNoReset:
        return failure(QStringLiteral("Rate limit"), FaultMatrix::rateLimitMessage(), 429, 2);
    case Fault::ServerError:
        return failure(QStringLiteral("Server"), QStringLiteral("Internal Server Error"), 500, 2);
    case Fault::BadGatewayHtml:
        return failure(QStringLiteral("Server"), QStringLiteral("Bad gateway"), 502, 2);
    case Fault::Unavailable:
        return failure(QStringLiteral("Server"), QStringLiteral("Service Unavailable"), 503, 2);
    case Fault::Timeout:
        return failure(QStringLiteral("Timeout"), QStringLiteral("The request timed out"), 0, 2);
    case Fault::ResetMidBody:
        // Qt's words for the cut, or the client's ("The connection closed after 421 of 843
        // bytes"), depending on when Qt 6.4 sees the close.
        {
            Expect x
                = failure(QStringLiteral("Network"), QStringLiteral("%*onnection closed%*"), 0, 2);
            x.maxAttempts = 3;
            return x;
        }
    case Fault::TruncatedJson:
        return failure(QStringLiteral("Bad response"),
            QStringLiteral("The server sent malformed JSON (%*)"), 200, 1);
    case Fault::WrongTypes: {
        // Every object must read as the app reads it (queues and tokens were copied as sent,
        // wrong types included, and the export exited 0): the first wrongly typed field is named
        // by its place in the export's document.
        QString where = QStringLiteral("clusters[0].");
        if (e == Endpoint::ListQueues)
            where += QStringLiteral("queues[0].");
        else if (e == Endpoint::ListTokens)
            where += QStringLiteral("tokens[0].");
        return failure(
            QStringLiteral("Bad response"), where + QStringLiteral("%*: expected a %*"), 0, 1);
    }
    case Fault::Oversized:
        return failure(QStringLiteral("Bad response"),
            QStringLiteral("The response is larger than the %1 limit").arg(FaultMatrix::capText()),
            200, 1);
    }
    return {};
}

} // namespace

class TestFaultMatrixExport final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_runs = 0;

    struct Run {
        int exitCode = -1;
        QString err;
        QByteArray file;
        bool fileExists = false;
    };

    Run exportFrom(SandboxServer& server)
    {
        const QString output = m_dir.filePath(QStringLiteral("export-%1.json").arg(++m_runs));
        qputenv("BUILDKITE_API_TOKEN", server.readOnlyToken().toUtf8());
        Run run;
        {
            StderrCapture capture;
            run.exitCode = runExportCommand(
                { QStringLiteral("kitedeck"), QStringLiteral("export"), QStringLiteral("--org"),
                    server.organization(), QStringLiteral("--api-url"), server.baseUrl().toString(),
                    QStringLiteral("--output"), output },
                FaultMatrix::fastOptions());
            run.err = QString::fromUtf8(capture.text());
        }
        qunsetenv("BUILDKITE_API_TOKEN");
        QFile file(output);
        run.fileExists = file.exists();
        if (file.open(QIODevice::ReadOnly))
            run.file = file.readAll();
        return run;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(
            QStringLiteral("kitedeck.*.info=false\nkitedeck.*.debug=false"));
    }

    void matrix_data()
    {
        QTest::addColumn<int>("endpoint");
        QTest::addColumn<int>("fault");
        for (Endpoint e : { Endpoint::ListClusters, Endpoint::ListQueues, Endpoint::ListTokens }) {
            for (Fault f : FaultMatrix::allFaults())
                QTest::addRow("export %s | %s", nameOf(e), qPrintable(FaultMatrix::name(f)))
                    << int(e) << int(f);
        }
    }

    void matrix()
    {
        QFETCH(int, endpoint);
        QFETCH(int, fault);
        const auto e = Endpoint(endpoint);
        const auto f = Fault(fault);
        const Expect expect = expectation(e, f);

        SandboxServer server;
        server.seedGenerated(2, 8, 1);
        QVERIFY(server.listen());
        // What the export writes when nothing goes wrong.
        const Run clean = exportFrom(server);
        QVERIFY2(clean.exitCode == 0, qPrintable(clean.err));

        const QString clusters
            = QStringLiteral("/v2/organizations/%1/clusters").arg(server.organization());
        QString path = clusters;
        if (e != Endpoint::ListClusters) {
            // The first cluster's: its id from the clean export.
            const QString first = QJsonDocument::fromJson(clean.file)
                                      .object()
                                      .value(QStringLiteral("clusters"))
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value(QStringLiteral("id"))
                                      .toString();
            QVERIFY(!first.isEmpty());
            path += QLatin1Char('/') + first
                + (e == Endpoint::ListQueues ? QStringLiteral("/queues")
                                             : QStringLiteral("/tokens"));
        }
        FaultMatrix::inject(server, f,
            QLatin1Char('^') + QRegularExpression::escape(path) + QLatin1Char('$'), "GET",
            QStringLiteral("read_clusters"));
        server.clearRequests();

        const Run run = exportFrom(server);
        const int attempts = server.receivedCount("GET", path);
        const QString actual = QStringLiteral("exit=%1 attempts=%2 stderr=[%3]")
                                   .arg(run.exitCode)
                                   .arg(attempts)
                                   .arg(run.err);
        QVERIFY2(run.err.endsWith(QLatin1Char('\n')) && run.err.count(QLatin1Char('\n')) == 1,
            qPrintable(QStringLiteral("not one line; ") + actual));
        QVERIFY2(FaultMatrix::matches(run.err.trimmed(), expect.line),
            qPrintable(QStringLiteral("expected [%1]; %2").arg(expect.line, actual)));
        QVERIFY2(run.exitCode == expect.exitCode, qPrintable(actual));
        QVERIFY2(attempts >= expect.attempts && attempts <= expect.maxAttempts,
            qPrintable(
                QStringLiteral("expected %1 attempts; %2").arg(expect.attempts).arg(actual)));
        if (expect.exitCode == 0)
            QCOMPARE(run.file, clean.file); // the whole organisation, as without the fault
        else
            QVERIFY2(!run.fileExists, "a failed export left a file behind");
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrixExport)
#include "tst_faultmatrix_export.moc"
