// SPDX-License-Identifier: MIT
#include "accounts/accountmanager.h"
#include "accounts/accountstore.h"
#include "accounts/signinflow.h"
#include "api/apiclient.h"
#include "api/requests/clusterrequests.h"
#include "exportcommand.h"
#include "keychainsecretstore.h"
#include "keychaintesthelpers.h"
#include "messagecapture.h"
#include "organizationloader.h"
#include "sandboxserver.h"
#include "stderrcapture.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace KeychainTest;

// The token's whole life in the app: sign in, browse, change something, export, sign out;
// then the token's value is searched for in every file under the throwaway HOME (settings,
// caches, the keyring's own files), in everything logged (debug included) and in the export.
// It must be in none of them: only the keychain (encrypted on disk) and memory ever hold it.
class TestTokenLeak final : public QObject {
    Q_OBJECT

    SandboxServer m_server;
    QTemporaryDir m_dir;
    QString m_token;
    std::unique_ptr<MessageCapture> m_log;

    // Every readable file under the places the app, Qt and the keyring write to, that contains
    // needle; with the path of each.
    QStringList filesContaining(const QByteArray& needle) const
    {
        QStringList roots { m_dir.path() };
        for (const char* variable :
            { "HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME" })
            roots.append(qEnvironmentVariable(variable));
        QStringList hits;
        QSet<QString> seen;
        for (const QString& root : std::as_const(roots)) {
            if (root.isEmpty())
                continue;
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QFileInfo info(path);
                if (seen.contains(info.canonicalFilePath()) || !info.isFile())
                    continue;
                seen.insert(info.canonicalFilePath());
                QFile file(path);
                if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                    hits.append(path);
            }
        }
        return hits;
    }

    QByteArray log() const { return m_log->text(); }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("KITEDECK_TEST_KEYRING") != QLatin1String("unlocked"))
            QSKIP("run through with-keyring.sh: this test writes the user settings and keychain");
        QVERIFY(m_dir.isValid());
        // Everything that could log, at every level.
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*.debug=false"));
        m_log = std::make_unique<MessageCapture>();

        QCoreApplication::setOrganizationName(QStringLiteral("Kitedeck"));
        QCoreApplication::setApplicationName(QStringLiteral("Kitedeck"));
        m_server.seedDemo();
        QVERIFY(m_server.listen());
        m_token = m_server.addApiToken(
            { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") },
            QStringLiteral("Kitedeck leak test"));
        QVERIFY(m_token.size() >= 16);
    }

    void cleanupTestCase() { m_log.reset(); }

    // The search itself works: a planted copy is found.
    void searchFindsAPlantedToken()
    {
        const QString planted = m_dir.filePath(QStringLiteral("planted.txt"));
        QFile file(planted);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("x" + m_token.toUtf8() + "y");
        file.close();
        QCOMPARE(filesContaining(m_token.toUtf8()), QStringList { planted });
        QVERIFY(QFile::remove(planted));
        QVERIFY(filesContaining(m_token.toUtf8()).isEmpty());
    }

    void signInBrowseChangeExportSignOut()
    {
        const QByteArray token = m_token.toUtf8();
        AccountStore accounts;
        KeychainSecretStore keychain;
        QNetworkAccessManager nam;
        AccountManager manager(&accounts, &keychain, &nam);
        QSignalSpy activated(&manager, &AccountManager::accountActivated);

        // Sign in.
        SignInFlow flow(&manager);
        flow.check({ QStringLiteral("Demo"), m_server.organization(), m_token,
            m_server.baseUrl().toString() });
        QTRY_COMPARE_WITH_TIMEOUT(flow.step(), SignInFlow::Step::Checked, 20000);
        QVERIFY(flow.tokenCheck().isComplete());
        flow.save();
        QTRY_COMPARE_WITH_TIMEOUT(flow.step(), SignInFlow::Step::Done, 20000);
        QCOMPARE(activated.size(), 1);
        const Account account = activated.first().at(0).value<Account>();
        QCOMPARE(
            secretTool({ QStringLiteral("lookup"), QStringLiteral("server"),
                QStringLiteral("Kitedeck"), QStringLiteral("user"), keychain.keyFor(account.id) }),
            token);

        // Browse, as the main window would after accountActivated.
        ApiClient client(&nam);
        QVERIFY(!client.setBaseUrl(account.apiUrl));
        client.setToken(activated.first().at(1).toString());
        OrganizationLoader loader(&client);
        QSignalSpy loaded(&loader, &OrganizationLoader::finished);
        loader.load(account.organization);
        QVERIFY(loaded.wait(30000));
        const auto snapshot = loaded.first().at(0).value<OrganizationSnapshot>();
        QVERIFY2(!loaded.first().at(1).value<ApiError>(),
            qPrintable(loaded.first().at(1).value<ApiError>().toString()));
        QVERIFY(!snapshot.clusters.isEmpty());

        // Change something.
        bool changed = false;
        UpdateCluster update;
        update.org = account.organization;
        update.id = snapshot.clusters.first().cluster.id;
        update.input.description = QStringLiteral("Changed by the token leak test");
        client.call(update, this, [&](const Result<Cluster>& result) {
            QVERIFY2(result.ok(), qPrintable(result.error().toString()));
            changed = result.ok();
        });
        QTRY_VERIFY_WITH_TIMEOUT(changed, 20000);

        // Export with the stored account.
        qunsetenv("BUILDKITE_API_TOKEN");
        const QString exported = m_dir.filePath(QStringLiteral("export.json"));
        int exitCode = -1;
        QByteArray stderrText;
        {
            StderrCapture capture;
            exitCode = runExportCommand({ QStringLiteral("kitedeck"), QStringLiteral("export"),
                QStringLiteral("--account"), account.name, QStringLiteral("--output"), exported });
            stderrText = capture.text();
        }
        QVERIFY2(exitCode == 0, stderrText.constData());
        QVERIFY(QFileInfo(exported).size() > 0);
        QVERIFY(!stderrText.contains(token));

        // While signed in: the settings know the account, and nothing on disk knows the token.
        QFile settings(accounts.fileName());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(settings.readAll().contains(account.id.toUtf8()));
        settings.close();
        QVERIFY2(filesContaining(token).isEmpty(), qPrintable(filesContaining(token).join(u'\n')));

        // Sign out: the keychain entry goes, and the account with it.
        QSignalSpy signedOut(&manager, &AccountManager::signedOut);
        manager.signOut(account.id);
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 20000);
        QVERIFY(secretTool({ QStringLiteral("search"), QStringLiteral("--all"),
                               QStringLiteral("server"), QStringLiteral("Kitedeck") })
                    .isEmpty());
        QVERIFY(AccountStore().isEmpty());

        // Nowhere: not in any file (settings, export, keyring files, caches), not in the log.
        QVERIFY2(filesContaining(token).isEmpty(), qPrintable(filesContaining(token).join(u'\n')));
        const QByteArray logged = log();
        QVERIFY(logged.contains("kitedeck.api")); // the log was captured...
        QVERIFY(logged.contains("kitedeck.accounts"));
        QVERIFY(!logged.contains(token)); // ...and never had the token
        QFile exportFile(exported);
        QVERIFY(exportFile.open(QIODevice::ReadOnly));
        const QByteArray exportText = exportFile.readAll();
        QVERIFY(exportText.contains(m_server.organization().toUtf8()));
        QVERIFY(!exportText.contains(token));
    }

    // The real app pointed at an API with --api-url and the token in BUILDKITE_API_TOKEN: it
    // loads the organisation (the scheduler and the session log every request at debug level)
    // and quits; the token is then in nothing it printed and no file it wrote.
    void apiUrlRunLeavesNoTrace()
    {
        const QString app = qEnvironmentVariable("KITEDECK_BIN");
        QVERIFY2(QFileInfo(app).isExecutable(), qPrintable(app));
        const QByteArray token = m_token.toUtf8();
        const QString picture = m_dir.filePath(QStringLiteral("api-url.png"));
        m_server.setRateLimit(1000); // the whole first load in one window
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BUILDKITE_API_TOKEN"), m_token);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        env.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{category}: %{message}"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(app,
            { QStringLiteral("--api-url"), m_server.baseUrl().toString(), QStringLiteral("--org"),
                m_server.organization(), QStringLiteral("--screenshot"), picture,
                QStringLiteral("--select"), QStringLiteral("queue:deploy") });
        QVERIFY(process.waitForStarted());
        // The sandbox answers from this process's event loop while the app runs.
        QVERIFY(finished.wait(60000));
        const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        // What a failure prints, with the token blanked: the test must not leak what it hunts.
        const QByteArray shown = QByteArray(output).replace(token, "<token>");
        QVERIFY2(process.exitCode() == 0, shown.constData());
        QVERIFY(QFileInfo(picture).size() > 0);
        // The run was logged (requests at debug level) and the log never had the token.
        QVERIFY2(output.contains("kitedeck.api"), shown.constData());
        QVERIFY(output.contains("/queues"));
        QVERIFY(!output.contains(token));
        QVERIFY2(filesContaining(token).isEmpty(), qPrintable(filesContaining(token).join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestTokenLeak)
#include "tst_tokenleak.moc"
