// SPDX-License-Identifier: MIT
// `kitedeck export` end to end: the real executable against the sandbox over loopback.
#include "jsonliteral.h"
#include "sandboxserver.h"
#include "scriptedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestExport final : public QObject {
    Q_OBJECT

    SandboxServer* m_server = nullptr;
    QTemporaryDir m_dir;

    struct Run {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Run exportWith(const QString& token, const QStringList& extra, const QUrl& api = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // no display is needed
        env.remove(QStringLiteral("DISPLAY"));
        if (token.isNull())
            env.remove(QStringLiteral("BUILDKITE_API_TOKEN"));
        else
            env.insert(QStringLiteral("BUILDKITE_API_TOKEN"), token);
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(qEnvironmentVariable("KITEDECK_BIN"),
            QStringList { QStringLiteral("export"), QStringLiteral("--org"),
                m_server->organization(), QStringLiteral("--api-url"),
                (api.isEmpty() ? m_server->baseUrl() : api).toString() }
                + extra);
        // Wait with the event loop running: the sandbox answers from this process.
        if (!finished.wait(60000))
            process.kill();
        return { process.exitCode(), process.readAllStandardOutput(),
            process.readAllStandardError() };
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_server = new SandboxServer(this);
        m_server->seedDemo();
        QVERIFY(m_server->listen());
    }
    void cleanup() { delete m_server; }

    void writesEveryClusterWithQueuesAndTokensAsReceived()
    {
        const QString file = m_dir.filePath(QStringLiteral("org.json"));
        const Run run = exportWith(m_server->readOnlyToken(), { QStringLiteral("--output"), file });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(doc.value(QStringLiteral("organization")).toString(), m_server->organization());
        const QJsonArray clusters = doc.value(QStringLiteral("clusters")).toArray();
        QVERIFY(clusters.size() > 30); // more than one page
        int queues = 0;
        for (const QJsonValue& c : clusters) {
            QVERIFY(c.toObject().contains(QStringLiteral("graphql_id")));
            QVERIFY(c.toObject().value(QStringLiteral("queues")).isArray());
            QVERIFY(c.toObject().value(QStringLiteral("tokens")).isArray());
            queues += int(c.toObject().value(QStringLiteral("queues")).toArray().size());
        }
        QVERIFY(queues > 0);
        // Exactly as received: the first cluster's own fields equal what the API serves.
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(m_server->baseUrl().toString()
            + QStringLiteral("/v2/organizations/%1/clusters?per_page=1")
                  .arg(m_server->organization())));
        request.setRawHeader("Authorization", "Bearer " + m_server->readOnlyToken().toUtf8());
        QNetworkReply* reply = nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QJsonObject exported = clusters.at(0).toObject();
        exported.remove(QStringLiteral("queues"));
        exported.remove(QStringLiteral("tokens"));
        QCOMPARE(exported, QJsonDocument::fromJson(reply->readAll()).array().at(0).toObject());
        delete reply;
        QVERIFY(run.err.contains("written to"));
        QVERIFY(!QFile::exists(file + QStringLiteral(".tmp")));
    }

    void writesToStandardOutput()
    {
        const Run run = exportWith(m_server->readWriteToken(), {});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(run.out)
                    .object()
                    .value(QStringLiteral("clusters"))
                    .toArray()
                    .size()
            > 30);
        QVERIFY(!run.out.contains(m_server->readWriteToken().toUtf8()));
    }

    void failuresSayWhatFailedAndLeaveNoFile_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("bad token") << QStringLiteral("bad-token") << QByteArray("Authentication");
        QTest::newRow("no token") << QStringLiteral("no-token") << QByteArray("authentication");
        QTest::newRow("missing scope") << QStringLiteral("scope") << QByteArray("Missing scope");
        QTest::newRow("network") << QStringLiteral("network") << QByteArray("Network");
        QTest::newRow("rate limit") << QStringLiteral("rate") << QByteArray("Rate limit");
        QTest::newRow("insecure url") << QStringLiteral("http") << QByteArray("https://");
        QTest::newRow("server error") << QStringLiteral("server") << QByteArray("Server");
    }
    void failuresSayWhatFailedAndLeaveNoFile()
    {
        QFETCH(QString, scenario);
        QFETCH(QByteArray, expected);
        const QString file = m_dir.filePath(QStringLiteral("fail-%1.json").arg(scenario));
        QString token = m_server->readWriteToken();
        QUrl api;
        const QStringList wait { QStringLiteral("--rate-limit-wait"), QStringLiteral("0") };
        if (scenario == QLatin1String("bad-token"))
            token = QStringLiteral("wrong");
        else if (scenario == QLatin1String("no-token"))
            token = QString();
        else if (scenario == QLatin1String("scope"))
            token = m_server->addApiToken({ QStringLiteral("read_agents") });
        else if (scenario == QLatin1String("network"))
            api = QUrl(QStringLiteral("http://127.0.0.1:1"));
        else if (scenario == QLatin1String("rate"))
            m_server->setRateLimit(3);
        else if (scenario == QLatin1String("http"))
            api = QUrl(QStringLiteral("http://buildkite.example.com"));
        else if (scenario == QLatin1String("server"))
            m_server->failPath(QStringLiteral("/tokens$"), 500, JSON({"message":"Internal error"}));

        const Run run
            = exportWith(token, QStringList { QStringLiteral("--output"), file } + wait, api);
        QVERIFY(run.exitCode != 0);
        QCOMPARE(run.err.count('\n'), 1); // one clear line
        QVERIFY2(run.err.contains(expected), run.err.constData());
        QVERIFY(!QFile::exists(file));
        QVERIFY(
            QDir(m_dir.path()).entryList({ QStringLiteral("fail-%1*").arg(scenario) }).isEmpty());
    }

    // The value was multiplied by 1000 unchecked: negatives were taken, large values overflowed.
    void rateLimitWaitIsValidated_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("negative") << QStringLiteral("-5");
        QTest::newRow("over an hour") << QStringLiteral("3601");
        QTest::newRow("overflows when * 1000") << QStringLiteral("2147484");
        QTest::newRow("beyond 32 bits") << QStringLiteral("99999999999");
        QTest::newRow("not a number") << QStringLiteral("ten");
        QTest::newRow("fraction") << QStringLiteral("1.5");
        QTest::newRow("empty") << QString();
    }
    void rateLimitWaitIsValidated()
    {
        QFETCH(QString, value);
        const QString file = m_dir.filePath(QStringLiteral("wait.json"));
        const Run run = exportWith(m_server->readOnlyToken(),
            { QStringLiteral("--rate-limit-wait"), value, QStringLiteral("--output"), file });
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err,
            "kitedeck export: --rate-limit-wait takes whole seconds from 0 to 3600, not \""
                + value.toUtf8() + "\"\n");
        QVERIFY(!QFile::exists(file));
        QCOMPARE(m_server->requests().size(), 0); // refused before anything was sent
    }

    void rateLimitWaitTakesAnHour()
    {
        const Run run = exportWith(m_server->readOnlyToken(),
            { QStringLiteral("--rate-limit-wait"), QStringLiteral("3600") });
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    // A server's message reached stderr raw: escapes could retitle or clear the terminal, and a
    // newline broke the one-line error in two.
    void serverTextReachesTheTerminalAsOneSafeLine_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("line");
        QTest::newRow("JSON message")
            << 403
            << QByteArray(JSON({"message":"\u001b]0;owned\u0007Forbidden\u001b[2J\nsecond line\r\n\u009b31mthird\u0007"}))
                   << QByteArray("Permission: Forbidden second line third (HTTP 403)");
        QTest::newRow("text body") << 400 << QByteArray("bad \x1b]0;t\x07request\n\x1b[1mhere\r\n")
                                   << QByteArray("Bad response: bad request here (HTTP 400)");
    }
    void serverTextReachesTheTerminalAsOneSafeLine()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, line);
        ScriptedServer api;
        api.setFallback(ScriptedServer::Reply { status, {}, body });
        const Run run = exportWith(QStringLiteral("token"), {}, api.url());
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err, "kitedeck export: " + line + "\n");
        QCOMPARE(api.requests().size(), 1);
    }

    void failureKeepsAnExistingFileIntact()
    {
        const QString file = m_dir.filePath(QStringLiteral("keep.json"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("previous export");
        }
        const Run run = exportWith(QStringLiteral("wrong"), { QStringLiteral("--output"), file });
        QVERIFY(run.exitCode != 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("previous export"));
    }
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
