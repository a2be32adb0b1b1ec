// SPDX-License-Identifier: MIT
#include "accounts/accountmanager.h"
#include "accounts/accountstore.h"
#include "accounts/accountswitcher.h"
#include "accounts/memorysecretstore.h"
#include "accounts/reentertokendialog.h"
#include "accounts/signindialog.h"
#include "appcontroller.h"
#include "keychaintesthelpers.h"
#include "mainwindow/mainwindow.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxfixture.h"
#include "widgettesthelpers.h"

#include <QAction>
#include <QCommandLinkButton>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <memory>

using WidgetTest::child;
using WidgetTest::typeInto;

// AppController, the composition root, with real widgets: an in-memory keychain, the settings in
// a temporary directory, and two sandbox organisations on loopback (two accounts, two URLs).
// Everything is waited for by condition (QTRY_*), never by time.
class TestAppController final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    // A few clusters each: every switch and refresh loads the whole organisation.
    SandboxFixture m_acme { SandboxFixture::Seed::Empty };
    SandboxFixture m_globex { SandboxFixture::Seed::Empty };
    std::unique_ptr<MemorySecretStore> m_keychain;
    std::unique_ptr<AppController> m_app;

    // An account saved as a previous run would have left it: metadata in the settings, token in
    // the keychain. The last one saved is the current one.
    Account saveAccount(const QString& name, SandboxFixture& sandbox, const QString& token)
    {
        const Account account = Account::create(name, sandbox.organization(), sandbox.baseUrl());
        AccountStore store;
        store.add(account);
        store.setCurrentId(account.id);
        if (const SecretStore::Error error = KeychainTest::write(*m_keychain, account.id, token))
            qFatal("keychain: %s", qPrintable(SecretStore::describe(error)));
        return account;
    }

    MainWindow* window() const { return m_app->mainWindow(); }

    // The Authorization headers the sandbox received, each once.
    static QSet<QString> authorizationsSent(const SandboxFixture& sandbox)
    {
        const QStringList all = sandbox.authorizations();
        return QSet<QString>(all.cbegin(), all.cend());
    }

    // The app, started as `kitedeck` without --sandbox starts.
    void start()
    {
        m_app = std::make_unique<AppController>(m_keychain.get());
        QVERIFY(m_app->start(false));
        QVERIFY(QTest::qWaitForWindowExposed(window()));
    }

    // Waits until the window shows a loaded session of this organisation.
    void waitForOrganization(const SandboxFixture& sandbox)
    {
        QTRY_VERIFY(m_app->session() && m_app->session()->organization() == sandbox.organization()
            && m_app->session()->lastRefreshed().isValid());
        OrganizationSession* session = m_app->session();
        QCOMPARE(window()->session(), session);
        QCOMPARE(m_app->client()->baseUrl(), sandbox.baseUrl());
        QVERIFY2(!session->lastRefreshError(), qPrintable(session->lastRefreshError().toString()));
        QVERIFY(!session->treeModel()->clusters().isEmpty());
        QVERIFY(window()->windowTitle().startsWith(sandbox.organization()));
    }

    QWidget* centralPage() const
    {
        return child<QStackedWidget>(window(), "centralStack")->currentWidget();
    }

    AccountSwitcher* switcher() const
    {
        return child<AccountSwitcher>(window(), "accountSwitcher");
    }

    QAction* menuAction(const QString& objectName) const
    {
        auto* action = switcher()->accountMenu()->findChild<QAction*>(objectName);
        if (!action)
            qFatal("no action %s", qPrintable(objectName));
        return action;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // One line per request would bury the test's own output.
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.api.info=false"));
        // The user's settings (accounts, window geometry) go to the temporary directory.
        QCoreApplication::setOrganizationName(QStringLiteral("KitedeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_appcontroller"));
        for (const QSettings::Format format : { QSettings::NativeFormat, QSettings::IniFormat })
            QSettings::setPath(format, QSettings::UserScope, m_dir.path());
        QVERIFY(QSettings().fileName().startsWith(m_dir.path()));

        m_acme.server().setOrganization(QStringLiteral("acme"));
        m_acme.server().seedGenerated(3, 2, 1);
        m_globex.server().setOrganization(QStringLiteral("globex"));
        m_globex.server().seedGenerated(2, 1, 1);
        // The tests load these organisations again and again within a minute, as one user: an
        // enterprise limit, so the refresh never has to wait for a rate-limit window to reset.
        m_acme.server().setRateLimit(1000);
        m_globex.server().setRateLimit(1000);
        QVERIFY2(m_acme.start(), qPrintable(m_acme.errorString()));
        QVERIFY2(m_globex.start(), qPrintable(m_globex.errorString()));
        QVERIFY(m_acme.baseUrl() != m_globex.baseUrl());
    }

    void init()
    {
        QSettings settings;
        settings.clear();
        settings.sync();
        m_keychain = std::make_unique<MemorySecretStore>();
        m_acme.server().clearRequests();
        m_globex.server().clearRequests();
    }

    void cleanup()
    {
        m_app.reset();
        m_keychain.reset();
    }

    void welcomePageWithoutAccounts()
    {
        start();
        QCOMPARE(centralPage()->objectName(), QStringLiteral("welcomePage"));
        QVERIFY(!m_app->session());
        QVERIFY(!window()->session());
        QVERIFY(!child<QToolBar>(window(), "mainToolBar")->isVisible());
    }

    void signInFromTheWelcomePage()
    {
        start();
        QTest::mouseClick(
            child<QCommandLinkButton>(centralPage(), "connectButton"), Qt::LeftButton);
        QPointer<SignInDialog> dialog;
        QTRY_VERIFY((dialog = window()->findChild<SignInDialog*>()) && dialog->isVisible());
        typeInto(dialog, "organizationEdit", m_acme.organization());
        typeInto(dialog, "tokenEdit", m_acme.token());
        typeInto(dialog, "nameEdit", QStringLiteral("Acme"));
        typeInto(dialog, "apiUrlEdit", m_acme.baseUrl().toString());
        auto* submit = child<QPushButton>(dialog, "submitButton");
        QTest::mouseClick(submit, Qt::LeftButton); // check the token
        QTRY_COMPARE(submit->text(), QStringLiteral("Connect"));
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY(!dialog); // closed, and deleted on close

        waitForOrganization(m_acme);
        QCOMPARE(centralPage()->objectName(), QStringLiteral("browsePage"));
        const Account account = m_app->accounts()->activeAccount().value();
        QCOMPARE(account.name, QStringLiteral("Acme"));
        QVERIFY(m_keychain->contains(account.id));
        QCOMPARE(switcher()->text(), QStringLiteral("Acme"));
        QVERIFY(m_acme.authorizations().contains(QStringLiteral("Bearer ") + m_acme.token()));
        QCOMPARE(m_globex.requestCount(), 0);
    }

    void welcomePageOpensTheSandbox()
    {
        start();
        QTest::mouseClick(
            child<QCommandLinkButton>(centralPage(), "sandboxButton"), Qt::LeftButton);
        QVERIFY(m_app->sandbox());
        QTRY_VERIFY(m_app->session() && m_app->session()->lastRefreshed().isValid());
        QCOMPARE(m_app->session()->organization(), m_app->sandbox()->organization());
        QCOMPARE(m_app->client()->baseUrl(), m_app->sandbox()->baseUrl());
        QVERIFY(!m_app->session()->treeModel()->clusters().isEmpty());
        QVERIFY(!m_app->accounts()->activeAccount());
        // The account button names what is shown.
        QCOMPARE(switcher()->text(), QStringLiteral("Sandbox"));
    }

    void restoresTheCurrentAccount()
    {
        saveAccount(QStringLiteral("Acme"), m_acme, m_acme.token());
        const Account globex = saveAccount(QStringLiteral("Globex"), m_globex, m_globex.token());
        start();
        waitForOrganization(m_globex);
        QCOMPARE(m_app->accounts()->activeAccount()->id, globex.id);
        QCOMPARE(switcher()->text(), QStringLiteral("Globex"));
        QVERIFY(menuAction(QStringLiteral("account:%1").arg(globex.id))->isChecked());
        QCOMPARE(authorizationsSent(m_globex),
            QSet<QString> { QStringLiteral("Bearer ") + m_globex.token() });
        QCOMPARE(m_acme.requestCount(), 0);
    }

    void switchingAccountsReplacesTheSession()
    {
        const Account acme = saveAccount(QStringLiteral("Acme"), m_acme, m_acme.token());
        const Account globex = saveAccount(QStringLiteral("Globex"), m_globex, m_globex.token());
        start();
        waitForOrganization(m_globex);
        QPointer<OrganizationSession> old = m_app->session();

        // Through the account menu, as the user does.
        menuAction(QStringLiteral("account:%1").arg(acme.id))->trigger();
        waitForOrganization(m_acme);
        QVERIFY(old.isNull()); // the other organisation's session is gone, not kept beside it
        QCOMPARE(m_app->accounts()->activeAccount()->id, acme.id);
        QCOMPARE(m_app->accounts()->store()->currentId(), acme.id);
        QCOMPARE(switcher()->text(), QStringLiteral("Acme"));
        QCOMPARE(authorizationsSent(m_acme),
            QSet<QString> { QStringLiteral("Bearer ") + m_acme.token() });

        // And back: the account's own token goes to its own URL.
        old = m_app->session();
        m_globex.server().clearRequests();
        menuAction(QStringLiteral("account:%1").arg(globex.id))->trigger();
        waitForOrganization(m_globex);
        QVERIFY(old.isNull());
        QCOMPARE(m_app->accounts()->activeAccount()->id, globex.id);
        QCOMPARE(authorizationsSent(m_globex),
            QSet<QString> { QStringLiteral("Bearer ") + m_globex.token() });
    }

    void unauthorizedAsksForANewToken()
    {
        const QString first = m_acme.addToken(
            { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") });
        const Account acme = saveAccount(QStringLiteral("Acme"), m_acme, first);
        start();
        waitForOrganization(m_acme);
        const QPointer<OrganizationSession> session = m_app->session();
        // The first load done (the clusters show before their queues and tokens are in): a
        // refresh asked for while it runs joins it rather than starting another, and its last
        // requests may have been answered before the revocation below.
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRefreshing() && !session->isRefreshingAgents(), 20000);

        // The token is revoked while the app runs: the next refresh meets a 401.
        m_acme.server().revokeApiToken(first);
        window()->findChild<QAction*>(QStringLiteral("refreshAction"))->trigger();
        QPointer<ReenterTokenDialog> dialog;
        QTRY_VERIFY((dialog = window()->findChild<ReenterTokenDialog*>()) && dialog->isVisible());
        QCOMPARE(dialog->account().id, acme.id);
        QVERIFY2(child<QLabel>(dialog, "reasonLabel")
                     ->text()
                     .contains(SandboxFixture::unauthorizedMessage()),
            qPrintable(child<QLabel>(dialog, "reasonLabel")->text()));
        // Asked once, however many requests were refused.
        QCOMPARE(window()->findChildren<ReenterTokenDialog*>().size(), 1);

        // A new token for the same account: the session stays and refreshes with it.
        const QString second = m_acme.addToken(
            { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") });
        QSignalSpy refreshed(session.data(), &OrganizationSession::refreshFinished);
        typeInto(dialog, "tokenEdit", second);
        auto* submit = child<QPushButton>(dialog, "submitButton");
        QTest::mouseClick(submit, Qt::LeftButton); // check
        QTRY_COMPARE(submit->text(), QStringLiteral("Save Token"));
        m_acme.server().clearRequests();
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY(!dialog);
        // The refresh that met the 401 may end only now, after the spy was made (the dialog
        // opens on its first refused request): the check is of the refresh that ends last.
        QTRY_VERIFY2(!refreshed.isEmpty() && !refreshed.last().at(0).value<ApiError>(),
            qPrintable(refreshed.isEmpty() ? QStringLiteral("no refresh")
                                           : refreshed.last().at(0).value<ApiError>().toString()));
        QCOMPARE(m_app->session(), session.data());
        QCOMPARE(window()->session(), session.data());
        QCOMPARE(m_app->accounts()->activeAccount()->id, acme.id);
        QCOMPARE(KeychainTest::read(*m_keychain, acme.id).secret, second);
        const QStringList sent
            = m_acme.authorizations(QStringLiteral("/v2/organizations/acme/clusters"));
        QVERIFY(!sent.isEmpty());
        for (const QString& authorization : sent)
            QCOMPARE(authorization, QStringLiteral("Bearer ") + second);
    }

    void signOutOfTheActiveAccountActivatesTheNext()
    {
        const Account acme = saveAccount(QStringLiteral("Acme"), m_acme, m_acme.token());
        const Account globex = saveAccount(QStringLiteral("Globex"), m_globex, m_globex.token());
        start();
        waitForOrganization(m_globex);
        const QPointer<OrganizationSession> old = m_app->session();

        QString question;
        WidgetTest::answerNextBox("confirmDestructiveBox", "confirmButton", &question);
        menuAction(QStringLiteral("signOutAction"))->trigger();
        QVERIFY2(question.contains(QStringLiteral("Globex")), qPrintable(question));
        waitForOrganization(m_acme);
        QVERIFY(old.isNull());
        QCOMPARE(m_app->accounts()->activeAccount()->id, acme.id);
        QVERIFY(!m_app->accounts()->store()->account(globex.id));
        QVERIFY(!m_keychain->contains(globex.id));
        QVERIFY(m_keychain->contains(acme.id));
        QCOMPARE(switcher()->text(), QStringLiteral("Acme"));
    }

    void signOutCanBeCancelled()
    {
        const Account acme = saveAccount(QStringLiteral("Acme"), m_acme, m_acme.token());
        start();
        waitForOrganization(m_acme);
        const QPointer<OrganizationSession> session = m_app->session();
        WidgetTest::answerNextBox("confirmDestructiveBox", "cancelButton");
        menuAction(QStringLiteral("signOutAction"))->trigger();
        QCOMPARE(m_app->session(), session.data());
        QVERIFY(m_app->accounts()->store()->account(acme.id));
        QVERIFY(m_keychain->contains(acme.id));
    }

    void signOutOfTheLastAccountShowsTheWelcomePage()
    {
        const Account acme = saveAccount(QStringLiteral("Acme"), m_acme, m_acme.token());
        start();
        waitForOrganization(m_acme);
        const QPointer<OrganizationSession> old = m_app->session();

        WidgetTest::answerNextBox("confirmDestructiveBox", "confirmButton");
        menuAction(QStringLiteral("signOutAction"))->trigger();
        QTRY_COMPARE(centralPage()->objectName(), QStringLiteral("welcomePage"));
        QVERIFY(old.isNull());
        QVERIFY(!m_app->session());
        QVERIFY(!window()->session());
        QVERIFY(!child<QToolBar>(window(), "mainToolBar")->isVisible());
        QVERIFY(m_app->accounts()->store()->isEmpty());
        QCOMPARE(m_keychain->size(), 0);
        QVERIFY(!AccountStore().hasSavedAccounts()); // and so the next start is a first start
    }

    // `kitedeck --api-url URL --org SLUG` with BUILDKITE_API_TOKEN: that organisation, for this
    // run only. Nothing is saved: no account, no keychain entry, no token in the settings or on
    // screen.
    void apiUrlAndOrgFromTheCommandLine()
    {
        const QString token
            = m_acme.addToken({ QStringLiteral("read_clusters"), QStringLiteral("write_clusters") },
                QStringLiteral("From the environment"));
        qputenv("BUILDKITE_API_TOKEN", token.toUtf8());
        m_app = std::make_unique<AppController>(m_keychain.get());
        QString error;
        const bool started = m_app->startOnApi(m_acme.baseUrl(), m_acme.organization(), &error);
        qunsetenv("BUILDKITE_API_TOKEN");
        QVERIFY2(started, qPrintable(error));
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        waitForOrganization(m_acme);
        QCOMPARE(authorizationsSent(m_acme), QSet<QString> { QStringLiteral("Bearer ") + token });
        // The account button names the organisation shown, and where its token came from.
        QCOMPARE(switcher()->text(), m_acme.organization());
        QVERIFY2(switcher()->toolTip().contains(QLatin1String("BUILDKITE_API_TOKEN"))
                && switcher()->toolTip().contains(m_acme.baseUrl().toDisplayString()),
            qPrintable(switcher()->toolTip()));
        QVERIFY(!switcher()->toolTip().contains(token));

        QVERIFY(m_app->accounts()->store()->isEmpty());
        QVERIFY(!AccountStore().hasSavedAccounts());
        QCOMPARE(m_keychain->size(), 0);
        window()->close(); // saves the window's settings
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        if (file.open(QIODevice::ReadOnly))
            QVERIFY(!file.readAll().contains(token.toUtf8()));
        for (const QString& key : settings.allKeys())
            QVERIFY(!settings.value(key).toString().contains(token));
        for (const QLabel* label : window()->findChildren<QLabel*>())
            QVERIFY(!label->text().contains(token));
        for (const QLineEdit* edit : window()->findChildren<QLineEdit*>())
            QVERIFY(!edit->text().contains(token));
    }

    void apiUrlNeedsATokenAnOrganisationAndHttps()
    {
        m_app = std::make_unique<AppController>(m_keychain.get());
        qunsetenv("BUILDKITE_API_TOKEN");
        QString error;
        QVERIFY(!m_app->startOnApi(m_acme.baseUrl(), m_acme.organization(), &error));
        QVERIFY2(error.contains(QLatin1String("BUILDKITE_API_TOKEN")), qPrintable(error));

        qputenv("BUILDKITE_API_TOKEN", "bkua_not-sent-anywhere");
        QVERIFY(!m_app->startOnApi(m_acme.baseUrl(), QString(), &error));
        QVERIFY2(error.contains(QLatin1String("--org")), qPrintable(error));
        // Plain http only on loopback: the token would cross the network in clear.
        QVERIFY(!m_app->startOnApi(
            QUrl(QStringLiteral("http://api.example.com")), m_acme.organization(), &error));
        qunsetenv("BUILDKITE_API_TOKEN");
        QVERIFY2(error.contains(QLatin1String("https://")), qPrintable(error));
        QVERIFY(!m_app->session());
        QCOMPARE(m_acme.requestCount(), 0);
    }
};

QTEST_MAIN(TestAppController)
#include "tst_appcontroller.moc"
