// SPDX-License-Identifier: MIT
#include "accounts/accountmanager.h"
#include "accounts/accountstore.h"
#include "accounts/accountswitcher.h"
#include "accounts/memorysecretstore.h"
#include "accounts/reentertokendialog.h"
#include "accounts/signindialog.h"
#include "accounts/signinform.h"
#include "accounts/welcomepage.h"
#include "palette.h"
#include "panes/banner.h"
#include "panes/hintlabel.h"
#include "sandboxfixture.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QFrame>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

// Icons compared by what they draw: QIcon has no identity for files loaded twice.
bool sameIcon(const QIcon& icon, const QString& file)
{
    return !icon.isNull() && icon.pixmap(16).toImage() == QIcon(file).pixmap(16).toImage();
}

} // namespace

class TestAccountsWidgets final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    SandboxFixture m_server { SandboxFixture::Seed::Empty };
    // Tokens the sandbox minted for these tests.
    QString readWrite, readOnly, expiring, noScopes;
    QNetworkAccessManager m_nam;
    std::unique_ptr<AccountStore> m_store;
    std::unique_ptr<MemorySecretStore> m_keychain;
    std::unique_ptr<AccountManager> m_manager;

    // Saves the widget in the light and the dark palette when KITEDECK_SCREENSHOT_DIR is set.
    void screenshot(QWidget* widget, const QString& name)
    {
        const QString dir = qEnvironmentVariable("KITEDECK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        const QPalette light = Palette::light();
        for (const auto& [suffix, palette] : { std::pair { QStringLiteral("light"), light },
                 std::pair { QStringLiteral("dark"), Palette::dark() } }) {
            QApplication::setPalette(palette);
            QApplication::processEvents();
            widget->grab().save(QStringLiteral("%1/%2-%3.png").arg(dir, name, suffix));
        }
        QApplication::setPalette(light);
    }

    void type(QWidget* root, const char* objectName, const QString& text)
    {
        auto* edit = root->findChild<QLineEdit*>(QLatin1StringView(objectName));
        QVERIFY2(edit, objectName);
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }

    template <class T>
    T* child(QWidget* root, const char* objectName)
    {
        return root->findChild<T*>(QLatin1StringView(objectName));
    }

    Account addAccount(const QString& name, const QString& token, const QDateTime& expiresAt = {})
    {
        Account account = Account::create(name, QStringLiteral("acme"), m_server.baseUrl());
        AccessToken info;
        info.uuid = QStringLiteral("u");
        info.scopes = { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") };
        info.expiresAt = expiresAt;
        bool done = false;
        m_manager->addAccount(account, token, info, AccountManager::Persistence::Saved, nullptr,
            [&](const SecretStore::Error&) { done = true; });
        [&] { QTRY_VERIFY(done); }();
        return *m_store->account(account.id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        readWrite = m_server.addToken(
            { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") },
            QStringLiteral("Kitedeck on my laptop"), now.addDays(200));
        readOnly
            = m_server.addToken({ QStringLiteral("read_clusters") }, QStringLiteral("Read only"));
        expiring = m_server.addToken(
            { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") },
            QStringLiteral("Short-lived"), now.addDays(3).addSecs(600));
        noScopes = m_server.addToken(
            { QStringLiteral("read_pipelines") }, QStringLiteral("Pipelines only"));
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

    void welcomePageOffersTwoChoices()
    {
        WelcomePage page;
        page.resize(760, 520);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy connectSpy(&page, &WelcomePage::connectRequested);
        QSignalSpy sandboxSpy(&page, &WelcomePage::exploreSandboxRequested);
        auto* connectButton = child<QCommandLinkButton>(&page, "connectButton");
        auto* sandboxButton = child<QCommandLinkButton>(&page, "sandboxButton");
        QVERIFY(connectButton && sandboxButton);
        QCOMPARE(connectButton->text(), QStringLiteral("Connect to Buildkite"));
        QCOMPARE(sandboxButton->text(), QStringLiteral("Explore the sandbox organisation"));
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QCOMPARE(connectSpy.size(), 1);
        QTest::mouseClick(sandboxButton, Qt::LeftButton);
        QCOMPARE(sandboxSpy.size(), 1);
        screenshot(&page, QStringLiteral("welcome"));
    }

    void refusedTokenKeepsInputAndShowsServerMessage()
    {
        SignInDialog dialog(m_manager.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* submit = child<QPushButton>(&dialog, "submitButton");
        QCOMPARE(submit->text(), QStringLiteral("Check Token"));
        screenshot(&dialog, QStringLiteral("signin-empty"));

        type(&dialog, "organizationEdit", QStringLiteral("acme"));
        type(&dialog, "tokenEdit", QStringLiteral("bkua_not_a_real_token"));
        type(&dialog, "apiUrlEdit", m_server.baseUrl().toString());
        QTest::mouseClick(submit, Qt::LeftButton);
        auto* error = child<QLabel>(&dialog, "errorLabel");
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().contains(SandboxFixture::unauthorizedMessage()),
            qPrintable(error->text()));
        // In a Danger banner, as in every dialog, named for screen readers.
        auto* errorBanner = child<Banner>(&dialog, "errorBanner");
        QVERIFY(errorBanner && errorBanner->isVisible());
        QCOMPARE(errorBanner->label(), error);
        QCOMPARE(errorBanner->tone(), Tone::Danger);
        QVERIFY(errorBanner->accessibleName().startsWith(QStringLiteral("Error: ")));
        QVERIFY(!child<QWidget>(&dialog, "busyRow")->isVisible());
        QVERIFY(submit->isEnabled());
        // Nothing typed is lost, and the token field is where the fix goes.
        QCOMPARE(child<QLineEdit>(&dialog, "organizationEdit")->text(), QStringLiteral("acme"));
        QCOMPARE(child<QLineEdit>(&dialog, "tokenEdit")->text(),
            QStringLiteral("bkua_not_a_real_token"));
        QCOMPARE(child<QLineEdit>(&dialog, "apiUrlEdit")->text(), m_server.baseUrl().toString());
        QVERIFY(child<QLineEdit>(&dialog, "tokenEdit")->hasFocus());
        QVERIFY(dialog.isVisible());
        QVERIFY(!child<QFrame>(&dialog, "tokenSummary")->isVisible());
        QVERIFY(m_store->isEmpty());
        screenshot(&dialog, QStringLiteral("signin-401"));
    }

    void refusedTokenIsExplainedAndClearsOnEdit()
    {
        SignInDialog dialog(m_manager.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(&dialog, "organizationEdit", QStringLiteral("acme"));
        type(&dialog, "tokenEdit", QStringLiteral("bkua_not_a_real_token"));
        type(&dialog, "apiUrlEdit", m_server.baseUrl().toString());
        QTest::mouseClick(child<QPushButton>(&dialog, "submitButton"), Qt::LeftButton);
        auto* error = child<QLabel>(&dialog, "errorLabel");
        QTRY_VERIFY(error->isVisible());
        // Plain words first, Buildkite's message after them.
        const QString text = error->text();
        QVERIFY2(text.contains(QStringLiteral("401")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("not accepted")), qPrintable(text));
        QVERIFY2(text.indexOf(QStringLiteral("not accepted"))
                < text.indexOf(SandboxFixture::unauthorizedMessage()),
            qPrintable(text));
        // Fixing the field takes the error away; it would otherwise talk about the old input.
        QTest::keyClick(child<QLineEdit>(&dialog, "tokenEdit"), Qt::Key_Backspace);
        QTRY_VERIFY(!child<Banner>(&dialog, "errorBanner")->isVisible());
        // The same wrong input checked again shows the error again.
        QTest::keyClicks(child<QLineEdit>(&dialog, "tokenEdit"), QStringLiteral("n"));
        QTest::mouseClick(child<QPushButton>(&dialog, "submitButton"), Qt::LeftButton);
        QTRY_VERIFY(error->isVisible());
        // An edit to another field clears it too.
        QTest::keyClicks(child<QLineEdit>(&dialog, "organizationEdit"), QStringLiteral("x"));
        QTRY_VERIFY(!child<Banner>(&dialog, "errorBanner")->isVisible());
    }

    void checkedTokenShowsSummaryThenConnects()
    {
        SignInDialog dialog(m_manager.get());
        QSignalSpy added(&dialog, &SignInDialog::accountAdded);
        QSignalSpy signedIn(m_manager.get(), &AccountManager::signedIn);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(&dialog, "organizationEdit", QStringLiteral("https://buildkite.com/acme"));
        type(&dialog, "tokenEdit", readOnly);
        type(&dialog, "nameEdit", QStringLiteral("Acme (read only)"));
        type(&dialog, "apiUrlEdit", m_server.baseUrl().toString());
        auto* submit = child<QPushButton>(&dialog, "submitButton");
        QTest::mouseClick(submit, Qt::LeftButton);
        auto* summary = child<QFrame>(&dialog, "tokenSummary");
        QTRY_VERIFY(summary->isVisible());
        QCOMPARE(child<QLabel>(&dialog, "tokenDescription")->text(), QStringLiteral("Read only"));
        QCOMPARE(child<QLabel>(&dialog, "tokenOwner")->text(), SandboxFixture::ownerText());
        QCOMPARE(child<QLabel>(&dialog, "tokenScopes")->text(), QStringLiteral("read_clusters"));
        QCOMPARE(child<QLabel>(&dialog, "tokenExpiry")->text(), QStringLiteral("Never expires"));
        auto* missing = child<QLabel>(&dialog, "missingScopesLabel");
        QVERIFY(missing->isVisible());
        QVERIFY(missing->text().contains(QStringLiteral("write_clusters")));
        // Browsing works without write_clusters: a warning, not an error.
        QCOMPARE(child<Banner>(&dialog, "missingScopesBanner")->tone(), Tone::Warning);
        QCOMPARE(submit->text(), QStringLiteral("Connect"));
        screenshot(&dialog, QStringLiteral("signin-checked"));

        // Editing after the check asks for a new check.
        type(&dialog, "tokenEdit", readWrite);
        QVERIFY(!summary->isVisible());
        QCOMPARE(submit->text(), QStringLiteral("Check Token"));
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY(summary->isVisible());
        QVERIFY(!missing->isVisible());
        QVERIFY(child<QLabel>(&dialog, "tokenExpiry")->text().contains(QStringLiteral("months")));

        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(added.size(), 1);
        QCOMPARE(signedIn.size(), 1);
        QCOMPARE(dialog.account().name, QStringLiteral("Acme (read only)"));
        QCOMPARE(dialog.account().organization, QStringLiteral("acme"));
        QVERIFY(m_keychain->contains(dialog.account().id));
    }

    void expiringTokenIsFlagged()
    {
        SignInDialog dialog(m_manager.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(&dialog, "organizationEdit", QStringLiteral("acme"));
        type(&dialog, "tokenEdit", expiring);
        type(&dialog, "apiUrlEdit", m_server.baseUrl().toString());
        QTest::mouseClick(child<QPushButton>(&dialog, "submitButton"), Qt::LeftButton);
        QTRY_VERIFY(child<QFrame>(&dialog, "tokenSummary")->isVisible());
        auto* expiry = child<QLabel>(&dialog, "tokenExpiry");
        QVERIFY2(expiry->text().contains(QStringLiteral("soon")), qPrintable(expiry->text()));
        QVERIFY(expiry->text().contains(QStringLiteral("in 3 days")));
        QVERIFY(expiry->property("flagged").toBool());
        QCOMPARE(child<HintLabel>(&dialog, "tokenExpiry")->tone(), Tone::Warning);
        screenshot(&dialog, QStringLiteral("signin-expiring"));
    }

    void noKeychainOffersThisSessionOnly()
    {
        m_keychain->setFailure({ SecretStore::ErrorKind::NoKeychain,
            QStringLiteral("Could not connect: No such file or directory") });
        SignInDialog dialog(m_manager.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(&dialog, "organizationEdit", QStringLiteral("acme"));
        type(&dialog, "tokenEdit", readWrite);
        type(&dialog, "apiUrlEdit", m_server.baseUrl().toString());
        auto* submit = child<QPushButton>(&dialog, "submitButton");
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_COMPARE(submit->text(), QStringLiteral("Connect"));
        QTest::mouseClick(submit, Qt::LeftButton);
        auto* box = child<QFrame>(&dialog, "keychainBox");
        QTRY_VERIFY(box->isVisible());
        QVERIFY(child<QLabel>(&dialog, "keychainMessage")
                    ->text()
                    .contains(QStringLiteral("No keychain is available: Could not connect")));
        QVERIFY(!submit->isEnabled());
        QCOMPARE(child<Banner>(&dialog, "keychainBanner")->tone(), Tone::Warning);
        QVERIFY(m_store->isEmpty());
        screenshot(&dialog, QStringLiteral("signin-nokeychain"));

        QTest::mouseClick(child<QPushButton>(&dialog, "sessionOnlyButton"), Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(m_store->isSessionOnly(dialog.account().id));
        QVERIFY(!m_store->hasSavedAccounts());
    }

    void switcherListsAccountsAndReportsChoices()
    {
        const Account first = addAccount(QStringLiteral("Acme prod"), readWrite);
        const Account second = addAccount(QStringLiteral("Acme & staging"), expiring,
            QDateTime::currentDateTimeUtc().addDays(2).addSecs(600));
        AccountSwitcher switcher(m_store.get());
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        // The last sign-in is the current account, and its expiring token is flagged.
        QCOMPARE(m_store->currentId(), second.id);
        QCOMPARE(switcher.text(), QStringLiteral("Acme && staging"));
        QVERIFY(!switcher.icon().isNull());
        QVERIFY(switcher.toolTip().contains(QStringLiteral("expires in 2 days")));

        QSignalSpy selected(&switcher, &AccountSwitcher::accountSelected);
        QSignalSpy add(&switcher, &AccountSwitcher::addAccountRequested);
        QSignalSpy signOut(&switcher, &AccountSwitcher::signOutRequested);
        QMenu* menu = switcher.accountMenu();
        auto* firstAction = menu->findChild<QAction*>(QStringLiteral("account:%1").arg(first.id));
        auto* secondAction = menu->findChild<QAction*>(QStringLiteral("account:%1").arg(second.id));
        QVERIFY(firstAction && secondAction);
        QVERIFY(!firstAction->isChecked());
        QVERIFY(secondAction->isChecked());
        QVERIFY(secondAction->text().contains(QStringLiteral("token expires in 2 days")));
        QVERIFY(!firstAction->text().contains(QStringLiteral("expires")));

        secondAction->trigger(); // already current: nothing to do
        QCOMPARE(selected.size(), 0);
        firstAction->trigger();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().at(0).toString(), first.id);
        menu->findChild<QAction*>(QStringLiteral("addAccountAction"))->trigger();
        QCOMPARE(add.size(), 1);
        menu->findChild<QAction*>(QStringLiteral("signOutAction"))->trigger();
        QCOMPARE(signOut.size(), 1);
        QCOMPARE(signOut.first().at(0).toString(), second.id);

        // Switching through the manager moves the check mark.
        m_manager->activate(first.id);
        QTRY_COMPARE(m_store->currentId(), first.id);
        QCOMPARE(switcher.text(), QStringLiteral("Acme prod"));
        QVERIFY(menu->findChild<QAction*>(QStringLiteral("account:%1").arg(first.id))->isChecked());
        screenshot(&switcher, QStringLiteral("switcher"));

        // The open menu, for the screenshots.
        menu->popup(switcher.mapToGlobal(QPoint(0, switcher.height())));
        QTRY_VERIFY(menu->isVisible());
        screenshot(menu, QStringLiteral("switcher-menu"));
        menu->hide();

        // Signed out of everything.
        m_store->remove(first.id);
        m_store->remove(second.id);
        QCOMPARE(switcher.text(), QStringLiteral("No Account"));
        QVERIFY(!menu->findChild<QAction*>(QStringLiteral("signOutAction"))->isEnabled());
    }

    void reenterTokenAfterUnauthorized()
    {
        const Account account = addAccount(QStringLiteral("Acme prod"), readWrite);
        QSignalSpy needed(m_manager.get(), &AccountManager::reauthenticationNeeded);
        m_manager->reportUnauthorized(
            ApiError(ApiError::Kind::Unauthorized, SandboxFixture::unauthorizedMessage(), 401));
        QCOMPARE(needed.size(), 1);

        QSignalSpy replaced(m_manager.get(), &AccountManager::tokenReplaced);
        ReenterTokenDialog dialog(m_manager.get(), account, needed.first().at(1).toString());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(child<QLabel>(&dialog, "reasonLabel")
                    ->text()
                    .contains(QStringLiteral("Authentication required")));
        // Why the dialog asks is a warning; red stays for what goes wrong with the new token.
        QCOMPARE(child<Banner>(&dialog, "reasonBanner")->tone(), Tone::Warning);
        // Only the token can change.
        QVERIFY(!child<QLineEdit>(&dialog, "organizationEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(&dialog, "apiUrlEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(&dialog, "nameEdit")->isVisible());
        QVERIFY(child<QLineEdit>(&dialog, "tokenEdit")->hasFocus());
        screenshot(&dialog, QStringLiteral("reenter"));

        type(&dialog, "tokenEdit", QStringLiteral("bkua_still_wrong"));
        auto* submit = child<QPushButton>(&dialog, "submitButton");
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(&dialog, "errorLabel")->isVisible());
        QCOMPARE(child<Banner>(&dialog, "errorBanner")->tone(), Tone::Danger);
        QCOMPARE(
            child<QLineEdit>(&dialog, "tokenEdit")->text(), QStringLiteral("bkua_still_wrong"));

        type(&dialog, "tokenEdit", readOnly);
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_COMPARE(submit->text(), QStringLiteral("Save Token"));
        screenshot(&dialog, QStringLiteral("reenter-checked"));
        QTest::mouseClick(submit, Qt::LeftButton);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(replaced.size(), 1);
        QCOMPARE(replaced.first().at(1).toString(), readOnly);
        QCOMPARE(
            m_store->account(account.id)->scopes, QStringList { QStringLiteral("read_clusters") });

        // The dialog closed: the next 401 asks again.
        m_manager->reportUnauthorized(
            ApiError(ApiError::Kind::Unauthorized, QStringLiteral("again"), 401));
        QCOMPARE(needed.size(), 2);
    }

    void welcomePageShowsMessagesInABanner()
    {
        WelcomePage page;
        page.resize(760, 520);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* banner = child<Banner>(&page, "messageBanner");
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
        QCOMPARE(page.message(), QString());

        page.showMessage(QStringLiteral("The sandbox could not start: address in use"));
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->tone(), Tone::Danger);
        QCOMPARE(child<QLabel>(&page, "messageLabel")->text(),
            QStringLiteral("The sandbox could not start: address in use"));
        QCOMPARE(page.message(), QStringLiteral("The sandbox could not start: address in use"));
        // The choices stay usable under a message.
        QVERIFY(child<QCommandLinkButton>(&page, "sandboxButton")->isEnabled());
        screenshot(&page, QStringLiteral("welcome-message"));

        page.showMessage(QStringLiteral("Signed out of Acme prod."), Tone::Info);
        QCOMPARE(banner->tone(), Tone::Info);
        page.showMessage({});
        QVERIFY(!banner->isVisible());
        QCOMPARE(page.message(), QString());
    }

    void busyStateDisablesTheButtons()
    {
        SignInDialog dialog(m_manager.get());
        QSignalSpy added(&dialog, &SignInDialog::accountAdded);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto* submit = child<QPushButton>(&dialog, "submitButton");
        auto* cancel = child<QPushButton>(&dialog, "cancelButton");
        auto* busyRow = child<QWidget>(&dialog, "busyRow");
        auto* busyLabel = child<QLabel>(&dialog, "busyLabel");
        QVERIFY(submit && cancel && busyRow && busyLabel);
        QVERIFY(child<QProgressBar>(&dialog, "busyIndicator"));
        QVERIFY(!busyRow->isVisible());
        type(&dialog, "organizationEdit", QStringLiteral("acme"));
        type(&dialog, "tokenEdit", readWrite);
        type(&dialog, "apiUrlEdit", m_server.baseUrl().toString());

        // Checking: no second submit and no editing, but Cancel stays, since a check only reads.
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY(dialog.form()->isBusy());
        QVERIFY(busyRow->isVisible());
        QCOMPARE(busyLabel->text(),
            QStringLiteral("Checking the token with %1…").arg(m_server.baseUrl().host()));
        QVERIFY(!submit->isEnabled());
        QVERIFY(!child<QLineEdit>(&dialog, "tokenEdit")->isEnabled());
        QVERIFY(!child<QLineEdit>(&dialog, "organizationEdit")->isEnabled());
        QVERIFY(cancel->isEnabled());
        screenshot(&dialog, QStringLiteral("signin-checking"));

        QTRY_VERIFY(child<QFrame>(&dialog, "tokenSummary")->isVisible());
        QVERIFY(!busyRow->isVisible());
        QVERIFY(submit->isEnabled());
        QVERIFY(child<QLineEdit>(&dialog, "tokenEdit")->isEnabled());

        // Saving: the keychain write cannot be called back, so nothing closes the dialog.
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY(busyRow->isVisible());
        QCOMPARE(busyLabel->text(), QStringLiteral("Saving the token in the keychain…"));
        QVERIFY(!submit->isEnabled());
        QVERIFY(!cancel->isEnabled());
        dialog.reject();
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(dialog.isVisible());

        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(added.size(), 1);
    }

    void cancelWhileCheckingForgetsTheAnswer()
    {
        auto dialog = std::make_unique<SignInDialog>(m_manager.get());
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        type(dialog.get(), "organizationEdit", QStringLiteral("acme"));
        type(dialog.get(), "tokenEdit", readWrite);
        type(dialog.get(), "apiUrlEdit", m_server.baseUrl().toString());
        const int requests = m_server.requestCount();
        QTest::mouseClick(child<QPushButton>(dialog.get(), "submitButton"), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(dialog.get(), "cancelButton"), Qt::LeftButton);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
        // The answer arrives for a dialog that is gone, and changes nothing.
        dialog.reset();
        QTRY_COMPARE(m_server.requestCount(), requests + 1);
        QTest::qWait(50);
        QVERIFY(m_store->isEmpty());
    }

    void enterNeverCancels()
    {
        SignInDialog dialog(m_manager.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        type(&dialog, "organizationEdit", QStringLiteral("acme"));
        type(&dialog, "tokenEdit", readWrite);
        type(&dialog, "apiUrlEdit", m_server.baseUrl().toString());
        // Enter in the last field checks; a second Enter while the fields are disabled (focus
        // has fallen through to Cancel) must not close the dialog.
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(dialog.form()->isBusy());
        QCOMPARE(QApplication::focusWidget(), child<QPushButton>(&dialog, "cancelButton"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QVERIFY(dialog.isVisible());
        QTRY_VERIFY(child<QFrame>(&dialog, "tokenSummary")->isVisible());
        // Once checked, Connect is the default and has the focus: Enter connects.
        auto* submit = child<QPushButton>(&dialog, "submitButton");
        QCOMPARE(submit->text(), QStringLiteral("Connect"));
        QVERIFY(submit->isDefault());
        QCOMPARE(QApplication::focusWidget(), submit);
        screenshot(&dialog, QStringLiteral("signin-connect-focus"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void tokenWithoutReadScopeIsAnError()
    {
        SignInDialog dialog(m_manager.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        type(&dialog, "organizationEdit", QStringLiteral("acme"));
        type(&dialog, "tokenEdit", noScopes);
        type(&dialog, "apiUrlEdit", m_server.baseUrl().toString());
        QTest::mouseClick(child<QPushButton>(&dialog, "submitButton"), Qt::LeftButton);
        QTRY_VERIFY(child<QFrame>(&dialog, "tokenSummary")->isVisible());
        auto* banner = child<Banner>(&dialog, "missingScopesBanner");
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->tone(), Tone::Danger);
        QVERIFY(child<QLabel>(&dialog, "missingScopesLabel")
                    ->text()
                    .contains(QStringLiteral("read_clusters")));
        screenshot(&dialog, QStringLiteral("signin-noscopes"));
    }

    void switcherFlagsExpiryWithTheAppIcons()
    {
        const Account fine = addAccount(QStringLiteral("Fine"), readWrite);
        AccountSwitcher switcher(m_store.get());
        switcher.show();
        QVERIFY(QTest::qWaitForWindowExposed(&switcher));
        QVERIFY(sameIcon(switcher.icon(), QStringLiteral(":/icons/account.svg")));
        QMenu* menu = switcher.accountMenu();
        QVERIFY(
            menu->findChild<QAction*>(QStringLiteral("account:%1").arg(fine.id))->icon().isNull());
        QVERIFY(sameIcon(menu->findChild<QAction*>(QStringLiteral("addAccountAction"))->icon(),
            QStringLiteral(":/icons/add.svg")));
        QVERIFY(sameIcon(menu->findChild<QAction*>(QStringLiteral("signOutAction"))->icon(),
            QStringLiteral(":/icons/sign-out.svg")));

        const Account soon = addAccount(QStringLiteral("Soon"), expiring,
            QDateTime::currentDateTimeUtc().addDays(2).addSecs(600));
        QCOMPARE(m_store->currentId(), soon.id);
        QVERIFY(sameIcon(switcher.icon(), QStringLiteral(":/icons/warning.svg")));

        // A token that stopped working is worse than one about to: the error icon.
        const Account expired = addAccount(
            QStringLiteral("Expired"), readOnly, QDateTime::currentDateTimeUtc().addDays(-1));
        QCOMPARE(m_store->currentId(), expired.id);
        QVERIFY(sameIcon(switcher.icon(), QStringLiteral(":/icons/error.svg")));
        QVERIFY(switcher.toolTip().contains(QStringLiteral("token expired 1 day ago")));
        auto* expiredAction
            = menu->findChild<QAction*>(QStringLiteral("account:%1").arg(expired.id));
        QVERIFY(sameIcon(expiredAction->icon(), QStringLiteral(":/icons/error.svg")));
        QVERIFY(
            sameIcon(menu->findChild<QAction*>(QStringLiteral("account:%1").arg(soon.id))->icon(),
                QStringLiteral(":/icons/warning.svg")));

        m_store->remove(fine.id);
        m_store->remove(soon.id);
        m_store->remove(expired.id);
        QVERIFY(sameIcon(switcher.icon(), QStringLiteral(":/icons/account.svg")));
    }

    void reenterDialogHoldsWhileSaving()
    {
        const Account account = addAccount(QStringLiteral("Acme prod"), readWrite);
        ReenterTokenDialog dialog(m_manager.get(), account, QString());
        QSignalSpy signOut(&dialog, &ReenterTokenDialog::signOutRequested);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // No reason given: no empty banner.
        QVERIFY(!child<Banner>(&dialog, "reasonBanner")->isVisible());
        type(&dialog, "tokenEdit", readOnly);
        auto* submit = child<QPushButton>(&dialog, "submitButton");
        auto* signOutButton = child<QPushButton>(&dialog, "signOutButton");
        QTest::mouseClick(submit, Qt::LeftButton);
        // Checking only reads: signing out instead is still fine.
        QVERIFY(signOutButton->isEnabled());
        QTRY_COMPARE(submit->text(), QStringLiteral("Save Token"));
        QTest::mouseClick(submit, Qt::LeftButton);
        QVERIFY(!signOutButton->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "cancelButton")->isEnabled());
        dialog.reject();
        QVERIFY(dialog.isVisible());
        QTRY_VERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(signOut.size(), 0);
    }

    void reenterDialogCanSignOutInstead()
    {
        const Account account = addAccount(QStringLiteral("Acme prod"), readWrite);
        ReenterTokenDialog dialog(
            m_manager.get(), account, QStringLiteral("No token is stored for this account"));
        QSignalSpy signOut(&dialog, &ReenterTokenDialog::signOutRequested);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(child<QPushButton>(&dialog, "signOutButton"), Qt::LeftButton);
        QCOMPARE(signOut.size(), 1);
        QCOMPARE(signOut.first().at(0).toString(), account.id);
        QVERIFY(!dialog.isVisible());
    }
};

QTEST_MAIN(TestAccountsWidgets)
#include "tst_accountswidgets.moc"
