// SPDX-License-Identifier: MIT
#pragma once

#include "organizationsession.h"

#include <QObject>
#include <QPointer>

#include <memory>

class AccountManager;
class AccountSwitcher;
class AccountStore;
class ApiClient;
class MainWindow;

class QNetworkAccessManager;
class SandboxServer;
class SecretStore;
struct Account;

// The composition root of the desktop app: one network access manager and API client, the
// session of the organisation on screen, the accounts and their keychain, and, for the demo,
// the sandbox server started in-process on loopback (the same HTTP code path as the real API).
class AppController final : public QObject {
    Q_OBJECT
public:
    // keychain: where saved accounts' tokens are (KeychainSecretStore in the app, a
    // MemorySecretStore in tests); not owned, and must outlive the controller.
    explicit AppController(SecretStore* keychain, QObject* parent = nullptr);
    ~AppController() override;

    // Shows the main window: on the sandbox organisation, or on the current account, or the
    // welcome page when there is none. False if the sandbox could not start.
    bool start(bool sandbox);
    // `kitedeck --api-url URL --org SLUG`: shows that organisation of that API with the token in
    // BUILDKITE_API_TOKEN, for this run only, as `kitedeck export` does: no account is saved,
    // and the token is kept nowhere but in the API client's memory (never in the settings, the
    // keychain or on screen). https:// only, except for a loopback host. False, with the reason
    // in *error, when the token is not set, the organisation is empty or the URL is refused.
    bool startOnApi(const QUrl& apiUrl, const QString& organization, QString* error);
    static QString tokenVariable() { return QStringLiteral("BUILDKITE_API_TOKEN"); }
    MainWindow* mainWindow() const { return m_window.get(); }
    OrganizationSession* session() const { return m_session; }
    // The one API client every session of the app uses.
    ApiClient* client() const { return m_client; }
    SandboxServer* sandbox() const { return m_sandbox.get(); }

    // Starts the in-process sandbox (once) and shows its organisation.
    bool openSandbox();

    AccountManager* accounts() const { return m_accounts; }

    // After the first load: selects something worth showing, saves the window as a PNG and quits.
    void saveScreenshotWhenLoaded(const QString& path);
    // What the screenshot shows instead of the demo's paused queue: "organization" (with
    // ":queues" or ":tokens" for those tabs), "cluster:NAME", "queues:NAME", "tokens:NAME",
    // "queue:KEY", or "filter:TEXT" (the organisation with the tree filtered).
    void setScreenshotSelection(const QString& what) { m_screenshotSelection = what; }

private:
    void showOrganization(const QUrl& apiUrl, const QString& token, const QString& organization);
    void showWelcome();
    void openSignIn();
    void askForToken(const Account& account, const QString& reason);
    void confirmSignOut(const QString& accountId);
    void saveScreenshot();
    // Selects what setScreenshotSelection() named; false if it is not there.
    bool selectForScreenshot(const QString& what);

    std::unique_ptr<QNetworkAccessManager> m_nam;
    ApiClient* m_client;
    std::unique_ptr<SandboxServer> m_sandbox;
    AccountSwitcher* m_switcher = nullptr;
    AccountStore* m_store;
    SecretStore* m_keychain;
    AccountManager* m_accounts;
    std::unique_ptr<MainWindow> m_window;
    QWidget* m_welcome = nullptr; // owned by the window once shown
    QString m_activeAccountId; // empty on the sandbox
    QPointer<OrganizationSession> m_session;
    QString m_screenshotPath;
    QString m_screenshotSelection;
};
