// SPDX-License-Identifier: MIT
#pragma once

#include "account.h"
#include "accountstore.h"
#include "api/result.h"
#include "domain/accesstoken.h"
#include "secretstore.h"

#include <QObject>

#include <functional>

class MemorySecretStore;
class QNetworkAccessManager;

// Accounts as the rest of the app sees them: checks tokens, keeps each token in the keychain
// (or in memory for this session when there is none) and its metadata in the AccountStore,
// switches between accounts, signs out, and asks for a new token after a 401.
//
// The main window listens to accountActivated (reset the models to that organisation),
// tokenNeeded and reauthenticationNeeded (show ReenterTokenDialog), tokenReplaced (give the
// ApiClient the new token, keep everything else) and signedOut.
class AccountManager final : public QObject {
    Q_OBJECT
public:
    using Persistence = AccountStore::Persistence;
    using CheckCallback = std::function<void(const Result<AccessToken>& result)>;
    using Callback = std::function<void(const SecretStore::Error& error)>;
    using TokenCallback
        = std::function<void(const SecretStore::Error& error, const QString& token)>;

    // keychain: where Saved tokens go (KeychainSecretStore in the app, MemorySecretStore in
    // unit tests). nam: the network access manager token checks are sent with.
    AccountManager(AccountStore* store, SecretStore* keychain, QNetworkAccessManager* nam,
        QObject* parent = nullptr);
    ~AccountManager() override;

    AccountStore* store() const { return m_store; }
    SecretStore* keychain() const { return m_keychain; }

    // GET /v2/access-token at apiUrl with token: is it valid, whose is it, what may it do.
    // Stores nothing. Errors: InsecureUrl before sending, Unauthorized with the server's
    // message on 401, or whatever else the transfer met.
    void checkToken(
        const QUrl& apiUrl, const QString& token, QObject* context, CheckCallback callback);

    // Stores the token (keychain for Saved, memory for SessionOnly), then the metadata, and
    // makes the account current: signedIn, then accountActivated. On a keychain error nothing
    // is stored and the callback gets the error (NoKeychain: offer SessionOnly).
    // The account's name is made unique; info fills in its expiry and scopes.
    void addAccount(Account account, const QString& token, const AccessToken& info,
        Persistence persistence, QObject* context, Callback callback);

    // A new token for a known account. If it is the active account: tokenReplaced, nothing
    // else changes. Otherwise (its token was missing when switching to it): accountActivated.
    // SessionOnly keeps the new token in memory and leaves the saved account as it is.
    void replaceToken(const QString& accountId, const QString& token, const AccessToken& info,
        Persistence persistence, QObject* context, Callback callback);

    // Loads the account's token and then makes it current: accountActivated, or tokenNeeded
    // when there is no token for it (entry missing, keychain locked or absent). The current
    // account stays as it was until the token is there. A later activate() supersedes one
    // still loading.
    void activate(const QString& accountId);
    // Activates the current account at start. False (and nothing happens) without accounts:
    // show the WelcomePage.
    bool restore();
    // The account whose token the app is using now, if any.
    std::optional<Account> activeAccount() const;

    // Deletes the token from the keychain, then forgets the account: signedOut. If the
    // keychain cannot delete it the account is kept: signOutFailed with the keychain's words.
    void signOut(const QString& accountId);
    // Forgets the account without touching the keychain: the way out after signOutFailed when
    // the user accepts that the entry stays behind. Emits signedOut.
    void forget(const QString& accountId);

    // Connect ApiClient::unauthorized here. Emits reauthenticationNeeded once for the active
    // account until reauthenticationFinished() (ReenterTokenDialog calls it when it closes).
    void reportUnauthorized(const ApiError& error);
    void reauthenticationFinished();

    // The account's token without activating it (the export command): session memory first,
    // then the keychain.
    void loadToken(const QString& accountId, QObject* context, TokenCallback callback);

    // Records what a fresh GET /v2/access-token said (expiry, scopes) on the account.
    void updateTokenInfo(const QString& accountId, const AccessToken& info);

Q_SIGNALS:
    // A new account was added (it is also activated right after).
    void signedIn(const Account& account, const QString& token);
    // Use this account now: point the ApiClient at account.apiUrl with token, and reset the
    // models to account.organization.
    void accountActivated(const Account& account, const QString& token);
    // Right after accountActivated when the account's token expires within
    // TokenCheck::soonDays (or has expired): worth a status-bar warning. AccountSwitcher flags
    // it too.
    void tokenExpiringSoon(const Account& account);
    // The account has no usable token: ask for one (ReenterTokenDialog). reason is one line.
    void tokenNeeded(const Account& account, const QString& reason);
    // The active account has a new token: give it to the ApiClient and retry; keep the rest.
    void tokenReplaced(const Account& account, const QString& token);
    // A 401 during the session: ask for a new token for this account (ReenterTokenDialog).
    void reauthenticationNeeded(const Account& account, const QString& serverMessage);
    // The account and its token are gone. If it was the active one, activate another
    // (store()->currentId()) or show the WelcomePage when none is left.
    void signedOut(const Account& account);
    void signOutFailed(const Account& account, const QString& message);

private:
    SecretStore* storeFor(const QString& accountId) const;
    void storeToken(const QString& accountId, const QString& token, Persistence persistence,
        QObject* context, Callback done);
    static Account withInfo(Account account, const AccessToken& info);
    void setActive(const Account& account, const QString& token);

    AccountStore* m_store;
    SecretStore* m_keychain;
    MemorySecretStore* m_session; // tokens used for this session only
    QNetworkAccessManager* m_nam;
    QString m_activeId;
    quint64 m_activation = 0; // bumps on every activate(): older loads are dropped
    bool m_reauthenticating = false;
};
