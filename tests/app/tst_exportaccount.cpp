// SPDX-License-Identifier: MIT
#include "accounts/accountstore.h"
#include "exportcommand.h"
#include "keychainsecretstore.h"
#include "keychaintesthelpers.h"
#include "sandboxserver.h"
#include "stderrcapture.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace KeychainTest;

// `kitedeck export --account NAME`, run in-process against the sandbox, with the account in
// the (throwaway) user settings and its token in the (private) keychain.
class TestExportAccount final : public QObject {
    Q_OBJECT

    SandboxServer m_server;
    QTemporaryDir m_dir;
    KeychainSecretStore m_keychain;
    Account m_account;

    struct Run {
        int exitCode = -1;
        QByteArray err;
        QByteArray file;
    };

    Run exportWith(const QStringList& arguments, const QString& envToken = QString())
    {
        if (envToken.isEmpty())
            qunsetenv("BUILDKITE_API_TOKEN");
        else
            qputenv("BUILDKITE_API_TOKEN", envToken.toUtf8());
        const QString output = m_dir.filePath(QStringLiteral("export-%1.json").arg(++m_runs));
        Run run;
        {
            StderrCapture capture;
            run.exitCode = runExportCommand(
                QStringList { QStringLiteral("kitedeck"), QStringLiteral("export"),
                    QStringLiteral("--output"), output }
                + arguments);
            run.err = capture.text();
        }
        qunsetenv("BUILDKITE_API_TOKEN");
        QFile file(output);
        if (file.open(QIODevice::ReadOnly))
            run.file = file.readAll();
        return run;
    }
    int m_runs = 0;

    // The lines the export command itself printed (the API layer may log request lines too).
    static QList<QByteArray> commandLines(const QByteArray& err)
    {
        QList<QByteArray> lines;
        for (const QByteArray& line : err.split('\n')) {
            if (line.startsWith("kitedeck export:"))
                lines.append(line);
        }
        return lines;
    }

    QSet<QByteArray> authorizationsSent() const
    {
        QSet<QByteArray> seen;
        for (const SandboxServer::RecordedRequest& r : m_server.requests())
            seen.insert(r.authorization);
        return seen;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("KITEDECK_TEST_KEYRING") != QLatin1String("unlocked"))
            QSKIP("run through with-keyring.sh: this test writes the user settings and keychain");
        QVERIFY(m_dir.isValid());
        m_server.seedDemo();
        QVERIFY(m_server.listen());

        // The same settings file the command reads: the app's, under the throwaway HOME.
        QCoreApplication::setOrganizationName(QStringLiteral("Kitedeck"));
        QCoreApplication::setApplicationName(QStringLiteral("Kitedeck"));
        AccountStore accounts;
        QVERIFY2(accounts.fileName().startsWith(qEnvironmentVariable("XDG_CONFIG_HOME")),
            qPrintable(accounts.fileName()));
        m_account
            = Account::create(QStringLiteral("Demo"), m_server.organization(), m_server.baseUrl());
        accounts.add(m_account);
        QVERIFY(!write(m_keychain, m_account.id, m_server.readWriteToken()));
        Account orphan = Account::create(
            QStringLiteral("Orphan"), m_server.organization(), m_server.baseUrl());
        accounts.add(orphan); // no keychain entry
    }

    void usesTheAccountsTokenOrganizationAndUrl()
    {
        m_server.clearRequests();
        const Run run = exportWith({ QStringLiteral("--account"), QStringLiteral("demo") });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonObject doc = QJsonDocument::fromJson(run.file).object();
        QCOMPARE(doc.value(QStringLiteral("organization")).toString(), m_server.organization());
        QCOMPARE(authorizationsSent(),
            QSet<QByteArray> { "Bearer " + m_server.readWriteToken().toUtf8() });
        QVERIFY(!run.file.contains(m_server.readWriteToken().toUtf8()));
        QVERIFY(!run.err.contains(m_server.readWriteToken().toUtf8()));
    }

    void environmentTokenWins()
    {
        m_server.clearRequests();
        const Run run = exportWith(
            { QStringLiteral("--account"), QStringLiteral("Demo") }, m_server.readOnlyToken());
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(authorizationsSent(),
            QSet<QByteArray> { "Bearer " + m_server.readOnlyToken().toUtf8() });
    }

    void failuresAreOneClearLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("unknown account")
            << QStringList { QStringLiteral("--account"), QStringLiteral("nope") }
            << QByteArray("no account named \"nope\" (accounts: Demo, Orphan)");
        QTest::newRow("no token in keychain")
            << QStringList { QStringLiteral("--account"), QStringLiteral("Orphan") }
            << QByteArray("authentication: the keychain has no token for account \"Orphan\"");
        QTest::newRow("neither org nor account")
            << QStringList {} << QByteArray("--org SLUG (or --account NAME) is required");
    }
    void failuresAreOneClearLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, expected);
        const Run run = exportWith(arguments);
        QCOMPARE(run.exitCode, 1);
        const QList<QByteArray> lines = commandLines(run.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(expected), run.err.constData());
        QVERIFY(run.file.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExportAccount)
#include "tst_exportaccount.moc"
