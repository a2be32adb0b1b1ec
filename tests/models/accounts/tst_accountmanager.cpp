// SPDX-License-Identifier: MIT
#include "accounts/accountmanager.h"
#include "accounts/accountstore.h"
#include "accounts/memorysecretstore.h"
#include "accounts/signinflow.h"
#include "sandboxfixture.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// AccountManager and SignInFlow against the sandbox's /v2/access-token and an in-memory
// keychain.
class TestAccountManager final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SandboxFixture m_server { SandboxFixture::Seed::Empty };
    // Tokens the sandbox accepts, minted in initTestCase.
    QString readWrite;
    QString readOnly;
    QString other;
    QNetworkAccessManager m_nam;
    std::unique_ptr<AccountStore> m_store;
    std::unique_ptr<MemorySecretStore> m_keychain;
    std::unique_ptr<AccountManager> m_manager;

    SignInFlow::Input input(const QString& token, const QString& org = QStringLiteral("acme"))
    {
        return { QString(), org, token, m_server.baseUrl().toString() };
    }

    // Signs in through the flow, as the form does; returns the new account.
    Account signIn(const QString& token, const QString& name = QString())
    {
        SignInFlow flow(m_manager.get());
        SignInFlow::Input in = input(token);
        in.name = name;
        flow.check(in);
        [&] { QTRY_COMPARE(flow.step(), SignInFlow::Step::Checked); }();
        flow.save();
        [&] { QTRY_COMPARE(flow.step(), SignInFlow::Step::Done); }();
        return flow.account().value_or(Account());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        readWrite = m_server.addToken(
            { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") },
            QStringLiteral("CI admin"), QDateTime::currentDateTimeUtc().addDays(3));
        readOnly = m_server.addToken({ QStringLiteral("read_clusters") });
        other = m_server.addToken(
            { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") });
        QCOMPARE(QSet<QString>({ readWrite, readOnly, other }).size(), 3);
    }

    void init()
    {
        const QString file = m_dir.filePath(
            QStringLiteral("%1.ini").arg(QLatin1StringView(QTest::currentTestFunction())));
        QFile::remove(file);
        m_manager.reset();
        m_store = std::make_unique<AccountStore>(file);
        m_keychain = std::make_unique<MemorySecretStore>();
        m_manager = std::make_unique<AccountManager>(m_store.get(), m_keychain.get(), &m_nam);
    }

    void checkTokenReportsScopesAndOwner()
    {
        SignInFlow flow(m_manager.get());
        QSignalSpy steps(&flow, &SignInFlow::stepChanged);
        flow.check(input(QStringLiteral("  %1\n").arg(readOnly)));
        QCOMPARE(flow.step(), SignInFlow::Step::Checking);
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Checked);
        const TokenCheck check = flow.tokenCheck();
        QCOMPARE(check.token.scopes, QStringList { QStringLiteral("read_clusters") });
        QCOMPARE(check.ownerText(), SandboxFixture::ownerText());
        QCOMPARE(check.missingScopes, QStringList { QStringLiteral("write_clusters") });
        QVERIFY(check.missingScopesText().contains(QStringLiteral("write_clusters")));
        QCOMPARE(check.expiry, TokenCheck::Expiry::Never);
        // The trimmed token was sent.
        QCOMPARE(m_server.authorizations().last(), QStringLiteral("Bearer %1").arg(readOnly));
        // Checking stores nothing.
        QVERIFY(m_store->isEmpty());
        QCOMPARE(m_keychain->size(), 0);
    }

    void expiringTokenIsFlagged()
    {
        SignInFlow flow(m_manager.get());
        flow.check(input(readWrite));
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Checked);
        QCOMPARE(flow.tokenCheck().expiry, TokenCheck::Expiry::Soon);
        QCOMPARE(flow.tokenCheck().token.description, QStringLiteral("CI admin"));
        QVERIFY(flow.tokenCheck().isComplete());
    }

    void unauthorizedShowsServerMessage()
    {
        SignInFlow flow(m_manager.get());
        QSignalSpy errors(&flow, &SignInFlow::errorChanged);
        flow.check(input(QStringLiteral("bkua_wrong")));
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Editing);
        QCOMPARE(flow.errorField(), SignInFlow::Field::Token);
        QVERIFY2(flow.errorText().contains(SandboxFixture::unauthorizedMessage()),
            qPrintable(flow.errorText()));
        QVERIFY(!errors.isEmpty());
        QVERIFY(m_store->isEmpty());
        QCOMPARE(m_keychain->size(), 0);
        flow.save(); // refused: nothing was checked
        QCOMPARE(flow.step(), SignInFlow::Step::Editing);
    }

    void inputIsValidatedBeforeSending_data()
    {
        QTest::addColumn<QString>("org");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("apiUrl");
        QTest::addColumn<SignInFlow::Field>("field");
        QTest::newRow("no org") << QString() << readWrite << QString()
                                << SignInFlow::Field::Organization;
        QTest::newRow("bad org") << QStringLiteral("acme inc") << readWrite << QString()
                                 << SignInFlow::Field::Organization;
        QTest::newRow("no token") << QStringLiteral("acme") << QStringLiteral("  ") << QString()
                                  << SignInFlow::Field::Token;
        QTest::newRow("token with space") << QStringLiteral("acme") << QStringLiteral("bkua_a b")
                                          << QString() << SignInFlow::Field::Token;
        QTest::newRow("plain http elsewhere")
            << QStringLiteral("acme") << readWrite << QStringLiteral("http://proxy.example.com")
            << SignInFlow::Field::ApiUrl;
    }
    void inputIsValidatedBeforeSending()
    {
        QFETCH(QString, org);
        QFETCH(QString, token);
        QFETCH(QString, apiUrl);
        QFETCH(SignInFlow::Field, field);
        const int before = m_server.requestCount();
        SignInFlow flow(m_manager.get());
        flow.check({ QString(), org, token, apiUrl });
        QCOMPARE(flow.step(), SignInFlow::Step::Editing);
        QCOMPARE(flow.errorField(), field);
        QVERIFY(!flow.errorText().isEmpty());
        QCOMPARE(m_server.requestCount(), before);
    }

    void organizationFromText()
    {
        QCOMPARE(SignInFlow::organizationFromText(QStringLiteral(" Acme-Inc ")),
            QStringLiteral("acme-inc"));
        QCOMPARE(SignInFlow::organizationFromText(
                     QStringLiteral("https://buildkite.com/acme/pipelines")),
            QStringLiteral("acme"));
        QCOMPARE(SignInFlow::organizationFromText(
                     QStringLiteral("buildkite.com/organizations/acme/clusters")),
            QStringLiteral("acme"));
        QCOMPARE(SignInFlow::apiUrlFromText(QString()), Account::defaultApiUrl());
        QCOMPARE(SignInFlow::apiUrlFromText(QStringLiteral("proxy.example.com/bk/")),
            QUrl(QStringLiteral("https://proxy.example.com/bk")));
    }

    void signInSavesTokenAndMetadata()
    {
        QSignalSpy signedIn(m_manager.get(), &AccountManager::signedIn);
        QSignalSpy activated(m_manager.get(), &AccountManager::accountActivated);
        const Account account = signIn(readWrite, QStringLiteral("Acme CI"));
        QVERIFY(account.isValid());
        QCOMPARE(account.name, QStringLiteral("Acme CI"));
        QCOMPARE(account.organization, QStringLiteral("acme"));
        QCOMPARE(account.apiUrl, m_server.baseUrl());
        QVERIFY(account.tokenExpiresAt.isValid());
        QCOMPARE(account.scopes.size(), 2);
        QCOMPARE(signedIn.size(), 1);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).value<Account>().id, account.id);
        QCOMPARE(activated.first().at(1).toString(), readWrite);
        QCOMPARE(m_store->currentId(), account.id);
        QVERIFY(!m_store->isSessionOnly(account.id));
        QVERIFY(m_keychain->contains(account.id));
        QCOMPARE(m_manager->activeAccount()->id, account.id);

        // The settings file has the metadata and not the token.
        QFile file(m_store->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray settings = file.readAll();
        QVERIFY(settings.contains("acme"));
        QVERIFY(!settings.contains(readWrite.toUtf8()));
    }

    void expiringTokenIsAnnounced()
    {
        QSignalSpy expiring(m_manager.get(), &AccountManager::tokenExpiringSoon);
        const Account soon = signIn(readWrite); // expires in 3 days
        QCOMPARE(expiring.size(), 1);
        QCOMPARE(expiring.first().at(0).value<Account>().id, soon.id);
        const Account never = signIn(other);
        QCOMPARE(expiring.size(), 1);
        m_manager->activate(soon.id);
        QTRY_COMPARE(expiring.size(), 2);
        AccountStore reloaded(m_store->fileName());
        QCOMPARE(reloaded.account(soon.id)->tokenExpiresAt, soon.tokenExpiresAt);
        QVERIFY(!reloaded.account(never.id)->tokenExpiresAt.isValid());
    }

    void sameOrganizationTwice()
    {
        const Account first = signIn(readWrite);
        const Account second = signIn(readOnly);
        QCOMPARE(first.name, QStringLiteral("acme"));
        QCOMPARE(second.name, QStringLiteral("acme (2)"));
        QVERIFY(first.id != second.id);
        QCOMPARE(m_store->accounts().size(), 2);
        QCOMPARE(m_keychain->size(), 2);
    }

    void switchingLoadsTheOtherToken()
    {
        const Account first = signIn(readWrite);
        const Account second = signIn(other);
        QCOMPARE(m_store->currentId(), second.id);
        QSignalSpy activated(m_manager.get(), &AccountManager::accountActivated);
        m_manager->activate(first.id);
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).value<Account>().id, first.id);
        QCOMPARE(activated.first().at(1).toString(), readWrite);
        QCOMPARE(m_store->currentId(), first.id);

        // A later switch wins over one still loading.
        activated.clear();
        m_manager->activate(second.id);
        m_manager->activate(first.id);
        QTRY_COMPARE(activated.size(), 1);
        QTest::qWait(20);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).value<Account>().id, first.id);
    }

    void restoreActivatesCurrent()
    {
        QVERIFY(!m_manager->restore());
        const Account account = signIn(readWrite);
        AccountManager again(m_store.get(), m_keychain.get(), &m_nam);
        QSignalSpy activated(&again, &AccountManager::accountActivated);
        QVERIFY(again.restore());
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).value<Account>().id, account.id);
    }

    void missingTokenAsksForOne()
    {
        const Account account = signIn(readWrite);
        const Account second = signIn(other);
        // Someone removed the entry with the keychain's own tool.
        bool done = false;
        m_keychain->remove(account.id, nullptr, [&](const SecretStore::Error&) { done = true; });
        QTRY_VERIFY(done);

        QSignalSpy needed(m_manager.get(), &AccountManager::tokenNeeded);
        QSignalSpy activated(m_manager.get(), &AccountManager::accountActivated);
        m_manager->activate(account.id);
        QTRY_COMPARE(needed.size(), 1);
        QCOMPARE(needed.first().at(0).value<Account>().id, account.id);
        QVERIFY(!needed.first().at(1).toString().isEmpty());
        QCOMPARE(activated.size(), 0);
        QCOMPARE(m_store->currentId(), second.id); // unchanged until a token is there

        // Re-entering it activates the account.
        SignInFlow flow(m_manager.get());
        flow.setExistingAccount(account);
        flow.check({ QString(), QString(), readWrite, QString() });
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Checked);
        flow.save();
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Done);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(0).value<Account>().id, account.id);
        QCOMPARE(m_store->currentId(), account.id);
    }

    void unauthorizedLeadsToReentering()
    {
        const Account account = signIn(readWrite);
        QSignalSpy needed(m_manager.get(), &AccountManager::reauthenticationNeeded);
        QSignalSpy replaced(m_manager.get(), &AccountManager::tokenReplaced);
        QSignalSpy activated(m_manager.get(), &AccountManager::accountActivated);
        const ApiError error(
            ApiError::Kind::Unauthorized, SandboxFixture::unauthorizedMessage(), 401);
        m_manager->reportUnauthorized(error);
        m_manager->reportUnauthorized(error); // parallel requests: asked once
        QCOMPARE(needed.size(), 1);
        QCOMPARE(needed.first().at(0).value<Account>().id, account.id);
        QCOMPARE(needed.first().at(1).toString(), SandboxFixture::unauthorizedMessage());

        SignInFlow flow(m_manager.get());
        flow.setExistingAccount(account);
        // Organisation and URL come from the account, whatever the input says.
        flow.check({ QStringLiteral("ignored"), QStringLiteral("not an org!"), other,
            QStringLiteral("http://evil.example.com") });
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Checked);
        flow.save();
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Done);
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(replaced.first().at(1).toString(), other);
        QCOMPARE(activated.size(), 0); // models are kept
        const Account after = *m_store->account(account.id);
        QCOMPARE(after.name, account.name);
        QCOMPARE(after.organization, account.organization);
        QCOMPARE(after.apiUrl, account.apiUrl);
        QVERIFY(!after.tokenExpiresAt.isValid()); // the new token never expires

        bool read = false;
        m_keychain->read(
            account.id, nullptr, [&](const SecretStore::Error& e, const QString& token) {
                QVERIFY(!e);
                QCOMPARE(token, other);
                read = true;
            });
        QTRY_VERIFY(read);

        m_manager->reportUnauthorized(error);
        QCOMPARE(needed.size(), 2);
        m_manager->reauthenticationFinished();
        m_manager->reportUnauthorized(error);
        QCOMPARE(needed.size(), 3);
    }

    void signOutDeletesTokenAndForgets()
    {
        const Account first = signIn(readWrite);
        const Account second = signIn(other);
        QSignalSpy signedOut(m_manager.get(), &AccountManager::signedOut);
        m_manager->signOut(second.id);
        QTRY_COMPARE(signedOut.size(), 1);
        QCOMPARE(signedOut.first().at(0).value<Account>().id, second.id);
        QVERIFY(!m_keychain->contains(second.id));
        QVERIFY(m_keychain->contains(first.id));
        QVERIFY(!m_store->account(second.id));
        QCOMPARE(m_store->currentId(), first.id);
        QVERIFY(!m_manager->activeAccount());
        AccountStore reloaded(m_store->fileName());
        QCOMPARE(reloaded.accounts().size(), 1);
    }

    void signOutKeepsAccountWhenKeychainFails()
    {
        const Account account = signIn(readWrite);
        m_keychain->setFailure({ SecretStore::ErrorKind::NoKeychain, QStringLiteral("Locked") });
        QSignalSpy failed(m_manager.get(), &AccountManager::signOutFailed);
        QSignalSpy signedOut(m_manager.get(), &AccountManager::signedOut);
        m_manager->signOut(account.id);
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("Locked")));
        QVERIFY(m_store->account(account.id));
        m_manager->forget(account.id);
        QCOMPARE(signedOut.size(), 1);
        QVERIFY(m_store->isEmpty());
    }

    void noKeychainOffersSessionOnly()
    {
        m_keychain->setFailure({ SecretStore::ErrorKind::NoKeychain,
            QStringLiteral("Could not connect: No such file or directory") });
        SignInFlow flow(m_manager.get());
        QSignalSpy finished(&flow, &SignInFlow::finished);
        QSignalSpy activated(m_manager.get(), &AccountManager::accountActivated);
        flow.check(input(readWrite));
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Checked);
        flow.save();
        QTRY_COMPARE(flow.step(), SignInFlow::Step::KeychainUnavailable);
        QVERIFY(flow.keychainMessage().contains(QStringLiteral("Could not connect")));
        QVERIFY(m_store->isEmpty()); // nothing half-saved
        flow.useSessionOnly();
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Done);
        QCOMPARE(finished.size(), 1);
        const Account account = flow.account().value();
        QVERIFY(m_store->isSessionOnly(account.id));
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(1).toString(), readWrite);
        QCOMPARE(m_keychain->size(), 0);

        // Switching back to it reads the in-memory token, not the broken keychain.
        activated.clear();
        m_manager->activate(account.id);
        QTRY_COMPARE(activated.size(), 1);
        QCOMPARE(activated.first().at(1).toString(), readWrite);

        // Nothing about it reached the settings file, and sign-out needs no keychain.
        QVERIFY(!m_store->hasSavedAccounts());
        QSignalSpy signedOut(m_manager.get(), &AccountManager::signedOut);
        m_manager->signOut(account.id);
        QTRY_COMPARE(signedOut.size(), 1);
        QVERIFY(m_store->isEmpty());
    }

    void otherKeychainErrorStaysOnChecked()
    {
        m_keychain->setFailure({ SecretStore::ErrorKind::Other, QStringLiteral("Disk full") });
        SignInFlow flow(m_manager.get());
        flow.check(input(readWrite));
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Checked);
        flow.save();
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Checked);
        QVERIFY(flow.errorText().contains(QStringLiteral("Disk full")));
        m_keychain->setFailure({});
        flow.save(); // the same account, tried again
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Done);
        QCOMPARE(m_store->accounts().size(), 1);
    }

    void editingInvalidatesTheCheck()
    {
        SignInFlow flow(m_manager.get());
        flow.check(input(readWrite));
        QTRY_COMPARE(flow.step(), SignInFlow::Step::Checked);
        flow.inputChanged();
        QCOMPARE(flow.step(), SignInFlow::Step::Editing);
        flow.save();
        QCOMPARE(flow.step(), SignInFlow::Step::Editing);
        QVERIFY(m_store->isEmpty());
    }

    void unreachableServer()
    {
        SignInFlow flow(m_manager.get());
        // A port nobody listens on: connection refused.
        flow.check(
            { QString(), QStringLiteral("acme"), readWrite, QStringLiteral("http://127.0.0.1:1") });
        QTRY_COMPARE_WITH_TIMEOUT(flow.step(), SignInFlow::Step::Editing, 15000);
        QCOMPARE(flow.errorField(), SignInFlow::Field::ApiUrl);
        QVERIFY2(
            flow.errorText().contains(QStringLiteral("127.0.0.1")), qPrintable(flow.errorText()));
    }
};

QTEST_GUILESS_MAIN(TestAccountManager)
#include "tst_accountmanager.moc"
