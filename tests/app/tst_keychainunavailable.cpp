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

// No usable keychain: run once with the session bus pointing at a socket that does not exist
// (KITEDECK_TEST_KEYRING=none), once with a keyring daemon whose collection was never created
// or unlocked (with-keyring.sh --locked). Either way the store says NoKeychain, keeps
// QtKeychain's message, writes nothing anywhere, and the app can go on for this session.
class TestKeychainUnavailable final : public QObject {
    Q_OBJECT

    KeychainSecretStore m_store;
    QString m_mode;
    const QString m_id = QStringLiteral("33333333-aaaa-4bbb-8ccc-000000000003");

private Q_SLOTS:
    void initTestCase()
    {
        m_mode = qEnvironmentVariable("KITEDECK_TEST_KEYRING");
        if (m_mode != QLatin1String("none") && m_mode != QLatin1String("locked"))
            QSKIP("run by ctest: needs KITEDECK_TEST_KEYRING=none (no bus) or with-keyring.sh "
                  "--locked");
        qInfo() << "keyring:" << m_mode
                << "bus:" << qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    }

    void writeSaysNoKeychain()
    {
        const SecretStore::Error error = write(m_store, m_id, QStringLiteral("bkua_nowhere"));
        QCOMPARE(error.kind, SecretStore::ErrorKind::NoKeychain);
        QVERIFY(!error.message.isEmpty()); // QtKeychain's words, for the user
        qInfo() << "write:" << error.message;
        QVERIFY(
            SecretStore::describe(error).startsWith(QStringLiteral("No keychain is available")));
    }

    void readFindsNothing()
    {
        const ReadOutcome outcome = read(m_store, m_id);
        qInfo() << "read:" << outcome.error.kind << outcome.error.message;
        QVERIFY(outcome.secret.isEmpty());
        if (m_mode == QLatin1String("none"))
            QCOMPARE(outcome.error.kind, SecretStore::ErrorKind::NoKeychain);
        else // a locked Secret Service searches what it can see and finds nothing
            QVERIFY(outcome.error.kind == SecretStore::ErrorKind::NoKeychain
                || outcome.error.kind == SecretStore::ErrorKind::NotFound);
    }

    void signInFallsBackToThisSession()
    {
        QTemporaryDir dir;
        SandboxFixture server(SandboxFixture::Seed::Empty);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString token = server.addToken(
            { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") });
        QNetworkAccessManager nam;
        AccountStore accounts(dir.filePath(QStringLiteral("settings.ini")));
        AccountManager manager(&accounts, &m_store, &nam);
        QSignalSpy activated(&manager, &AccountManager::accountActivated);

        SignInFlow flow(&manager);
        flow.check({ QString(), QStringLiteral("acme"), token, server.baseUrl().toString() });
        QTRY_COMPARE_WITH_TIMEOUT(flow.step(), SignInFlow::Step::Checked, 20000);
        flow.save();
        QTRY_COMPARE_WITH_TIMEOUT(flow.step(), SignInFlow::Step::KeychainUnavailable, 20000);
        QVERIFY(flow.keychainMessage().startsWith(QStringLiteral("No keychain is available")));
        QVERIFY(accounts.isEmpty());

        flow.useSessionOnly();
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Done);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(1).toString(), token);
        const Account account = flow.account().value();
        QVERIFY(accounts.isSessionOnly(account.id));

        // Nothing persisted: the next start sees no account.
        AccountStore reloaded(accounts.fileName());
        QVERIFY(reloaded.isEmpty());
        QFile settings(accounts.fileName());
        if (settings.open(QIODevice::ReadOnly))
            QVERIFY(!settings.readAll().contains(token.toUtf8()));

        QSignalSpy signedOut(&manager, &AccountManager::signedOut);
        manager.signOut(account.id);
        QTRY_COMPARE(signedOut.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychainunavailable.moc"
