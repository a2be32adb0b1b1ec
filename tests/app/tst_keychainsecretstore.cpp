// SPDX-License-Identifier: MIT
#include "accounts/accountmanager.h"
#include "accounts/accountstore.h"
#include "accounts/signinflow.h"
#include "keychainsecretstore.h"
#include "keychaintesthelpers.h"
#include "sandboxfixture.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace KeychainTest;

// KeychainSecretStore against the real Secret Service (gnome-keyring in a private session,
// started by with-keyring.sh), read back with secret-tool to prove where the token is.
class TestKeychainSecretStore final : public QObject {
    Q_OBJECT

    KeychainSecretStore m_store;
    const QString m_first = QStringLiteral("11111111-aaaa-4bbb-8ccc-000000000001");
    const QString m_second = QStringLiteral("22222222-aaaa-4bbb-8ccc-000000000002");

    // The entry as secret-tool finds it by QtKeychain's libsecret attributes.
    QByteArray lookup(const QString& id, int* exitCode = nullptr)
    {
        return secretTool({ QStringLiteral("lookup"), QStringLiteral("server"), m_store.service(),
                              QStringLiteral("user"), m_store.keyFor(id) },
            exitCode);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariable("KITEDECK_TEST_KEYRING") != QLatin1String("unlocked"))
            QSKIP("run through with-keyring.sh: this test needs a private, unlocked keyring");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty(),
            "secret-tool (libsecret-tools) is needed to read entries back");
        QCOMPARE(m_store.service(), QStringLiteral("Kitedeck"));
        QCOMPARE(m_store.keyFor(m_first), QStringLiteral("Kitedeck/") + m_first);
    }

    void readMissingIsNotFound()
    {
        const ReadOutcome outcome = read(m_store, m_first);
        QCOMPARE(outcome.error.kind, SecretStore::ErrorKind::NotFound);
        QVERIFY(outcome.secret.isEmpty());
    }

    void saveAndLoad()
    {
        const QString token = QStringLiteral("bkua_first_token_value_0001");
        const SecretStore::Error error = write(m_store, m_first, token);
        QVERIFY2(!error, qPrintable(SecretStore::describe(error)));
        const ReadOutcome outcome = read(m_store, m_first);
        QVERIFY2(!outcome.error, qPrintable(SecretStore::describe(outcome.error)));
        QCOMPARE(outcome.secret, token);

        // Where it is: the Secret Service, schema org.qt.keychain, server = service, user = key.
        int exitCode = -1;
        QCOMPARE(lookup(m_first, &exitCode), token.toUtf8());
        QCOMPARE(exitCode, 0);
        const QByteArray listing = secretTool({ QStringLiteral("search"), QStringLiteral("--all"),
            QStringLiteral("server"), QStringLiteral("Kitedeck") });
        QVERIFY2(listing.contains("schema = org.qt.keychain"), listing.constData());
        QVERIFY(listing.contains("attribute.server = Kitedeck"));
        QVERIFY(listing.contains("attribute.user = Kitedeck/" + m_first.toUtf8()));
        QVERIFY(listing.contains("attribute.type = plaintext"));
    }

    void replace()
    {
        const QString token = QStringLiteral("bkua_first_token_value_0002");
        QVERIFY(!write(m_store, m_first, token));
        QCOMPARE(read(m_store, m_first).secret, token);
        QCOMPARE(lookup(m_first), token.toUtf8());
        // Replaced in place, not added beside the old one.
        const QByteArray listing = secretTool({ QStringLiteral("search"), QStringLiteral("--all"),
            QStringLiteral("user"), m_store.keyFor(m_first) });
        QCOMPARE(listing.count("attribute.user = "), 1);
    }

    void twoAccounts()
    {
        const QString token = QStringLiteral("bkua_second_token_value_0001");
        QVERIFY(!write(m_store, m_second, token));
        QCOMPARE(read(m_store, m_second).secret, token);
        QCOMPARE(read(m_store, m_first).secret, QStringLiteral("bkua_first_token_value_0002"));
        const QByteArray listing = secretTool({ QStringLiteral("search"), QStringLiteral("--all"),
            QStringLiteral("server"), QStringLiteral("Kitedeck") });
        QCOMPARE(listing.count("attribute.server = Kitedeck"), 2);
    }

    void deleteOne()
    {
        QVERIFY(!remove(m_store, m_first));
        QCOMPARE(read(m_store, m_first).error.kind, SecretStore::ErrorKind::NotFound);
        int exitCode = 0;
        QVERIFY(lookup(m_first, &exitCode).isEmpty());
        QVERIFY(exitCode != 0);
        // The other account's entry is untouched.
        QCOMPARE(lookup(m_second), QByteArray("bkua_second_token_value_0001"));
        // Deleting again is not an error: there is nothing left to delete.
        QVERIFY(!remove(m_store, m_first));
        QVERIFY(!remove(m_store, m_second));
        QVERIFY(lookup(m_second).isEmpty());
    }

    void otherServiceIsSeparate()
    {
        KeychainSecretStore other(QStringLiteral("Kitedeck-other"));
        QVERIFY(!write(other, m_first, QStringLiteral("elsewhere")));
        QCOMPARE(read(m_store, m_first).error.kind, SecretStore::ErrorKind::NotFound);
        QCOMPARE(read(other, m_first).secret, QStringLiteral("elsewhere"));
        QVERIFY(!remove(other, m_first));
    }

    // The whole path the app takes: sign in (token checked, then saved in the keychain),
    // switch, sign out (entry deleted).
    void accountManagerUsesTheKeychain()
    {
        QTemporaryDir dir;
        SandboxFixture server(SandboxFixture::Seed::Empty);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString tokenA = server.addToken(
            { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") });
        const QString tokenB = server.addToken({ QStringLiteral("read_clusters") });
        QNetworkAccessManager nam;
        AccountStore accounts(dir.filePath(QStringLiteral("settings.ini")));
        AccountManager manager(&accounts, &m_store, &nam);

        auto signIn = [&](const QString& token) {
            SignInFlow flow(&manager);
            flow.check({ QString(), QStringLiteral("acme"), token, server.baseUrl().toString() });
            if (!QTest::qWaitFor([&] { return flow.step() != SignInFlow::Step::Checking; }, 20000))
                return Account();
            flow.save();
            if (!QTest::qWaitFor([&] { return flow.step() != SignInFlow::Step::Saving; }, 20000))
                return Account();
            return flow.account().value_or(Account());
        };
        const Account a = signIn(tokenA);
        const Account b = signIn(tokenB);
        QVERIFY(a.isValid());
        QVERIFY(b.isValid());
        QCOMPARE(lookup(a.id), tokenA.toUtf8());
        QCOMPARE(lookup(b.id), tokenB.toUtf8());

        QSignalSpy activated(&manager, &AccountManager::accountActivated);
        manager.activate(a.id);
        QTRY_COMPARE_WITH_TIMEOUT(activated.size(), 1, 20000);
        QCOMPARE(activated.first().at(1).toString(), tokenA);

        QSignalSpy signedOut(&manager, &AccountManager::signedOut);
        manager.signOut(a.id);
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 1, 20000);
        QVERIFY(lookup(a.id).isEmpty());
        QCOMPARE(lookup(b.id), tokenB.toUtf8());
        manager.signOut(b.id);
        QTRY_COMPARE_WITH_TIMEOUT(signedOut.size(), 2, 20000);
        QVERIFY(secretTool({ QStringLiteral("search"), QStringLiteral("--all"),
                               QStringLiteral("server"), QStringLiteral("Kitedeck") })
                    .isEmpty());

        QFile settings(accounts.fileName());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray text = settings.readAll();
        QVERIFY(!text.contains(tokenA.toUtf8()));
        QVERIFY(!text.contains(tokenB.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
