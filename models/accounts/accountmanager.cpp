// SPDX-License-Identifier: MIT
#include "accountmanager.h"

#include "api/apiclient.h"
#include "api/requests/accesstokenrequests.h"
#include "memorysecretstore.h"
#include "modelslogging.h"
#include "tokencheck.h"

#include <QPointer>
#include <QTimer>

AccountManager::AccountManager(
    AccountStore* store, SecretStore* keychain, QNetworkAccessManager* nam, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_keychain(keychain)
    , m_session(new MemorySecretStore(this))
    , m_nam(nam)
{
    connect(m_store, &AccountStore::accountsChanged, this, [this] {
        if (!m_activeId.isEmpty() && !m_store->account(m_activeId))
            m_activeId.clear();
    });
}

AccountManager::~AccountManager() = default;

SecretStore* AccountManager::storeFor(const QString& accountId) const
{
    if (m_store->isSessionOnly(accountId) || m_session->contains(accountId))
        return m_session;
    return m_keychain;
}

Account AccountManager::withInfo(Account account, const AccessToken& info)
{
    if (!info.uuid.isEmpty() || !info.scopes.isEmpty() || info.expiresAt.isValid()) {
        account.tokenExpiresAt = info.expiresAt;
        account.scopes = info.scopes;
    }
    return account;
}

void AccountManager::checkToken(
    const QUrl& apiUrl, const QString& token, QObject* context, CheckCallback callback)
{
    // A client of its own: the URL is the one being tried, not the active account's.
    auto* client = new ApiClient(m_nam, this);
    ApiClient::Options options = client->options();
    options.maxRetries = 1; // the user is waiting on the button
    client->setOptions(options);

    const bool hasContext = context != nullptr;
    const QPointer<QObject> guard(context);
    auto deliver = [client, hasContext, guard, callback](const Result<AccessToken>& result) {
        client->deleteLater();
        if (!hasContext || guard)
            callback(result);
    };
    if (const ApiError error = client->setBaseUrl(apiUrl)) {
        QTimer::singleShot(0, client, [deliver, error] { deliver(error); });
        return;
    }
    client->setToken(token);
    // The client is the call's context, so the answer always arrives and the client is freed.
    client->call(GetAccessToken {}, client, deliver);
}

void AccountManager::storeToken(const QString& accountId, const QString& token,
    Persistence persistence, QObject* context, Callback done)
{
    SecretStore* target = persistence == Persistence::SessionOnly ? m_session : m_keychain;
    target->write(accountId, token, context, std::move(done));
}

void AccountManager::addAccount(Account account, const QString& token, const AccessToken& info,
    Persistence persistence, QObject* context, Callback callback)
{
    Q_ASSERT(account.isValid());
    account = withInfo(account, info);
    account.name = m_store->uniqueName(
        account.name.isEmpty() ? account.organization : account.name, account.id);
    storeToken(account.id, token, persistence, this,
        [this, account, token, persistence, hasContext = context != nullptr,
            guard = QPointer<QObject>(context), callback](const SecretStore::Error& error) {
            if (!error) {
                m_store->add(account, persistence);
                qCInfo(lcAccounts)
                    << "signed in to" << account.organization << "as account" << account.id;
                Q_EMIT signedIn(account, token);
                setActive(account, token);
            }
            if (!hasContext || guard)
                callback(error);
        });
}

void AccountManager::replaceToken(const QString& accountId, const QString& token,
    const AccessToken& info, Persistence persistence, QObject* context, Callback callback)
{
    const std::optional<Account> known = m_store->account(accountId);
    if (!known) {
        QTimer::singleShot(0, this, [callback] {
            callback({ SecretStore::ErrorKind::Other, tr("This account no longer exists") });
        });
        return;
    }
    // A saved account stays saved; only this session's token lives in memory.
    const bool sessionOnlyAccount = m_store->isSessionOnly(accountId);
    const Persistence target = sessionOnlyAccount ? Persistence::SessionOnly : persistence;
    storeToken(accountId, token, target, this,
        [this, accountId, token, info, target, hasContext = context != nullptr,
            guard = QPointer<QObject>(context), callback](const SecretStore::Error& error) {
            if (!error) {
                // A saved token supersedes a session-only one from earlier.
                if (target == Persistence::Saved && m_session->contains(accountId))
                    m_session->remove(accountId, nullptr, [](const SecretStore::Error&) {});
                if (const std::optional<Account> current = m_store->account(accountId)) {
                    const Account updated = withInfo(*current, info);
                    m_store->update(updated);
                    qCInfo(lcAccounts) << "new token for account" << accountId;
                    if (m_activeId == accountId) {
                        m_reauthenticating = false;
                        Q_EMIT tokenReplaced(updated, token);
                    } else {
                        setActive(updated, token);
                    }
                }
            }
            if (!hasContext || guard)
                callback(error);
        });
}

void AccountManager::setActive(const Account& account, const QString& token)
{
    ++m_activation; // a slower load started earlier must not undo this
    m_activeId = account.id;
    m_reauthenticating = false;
    m_store->setCurrentId(account.id);
    Q_EMIT accountActivated(account, token);
    const TokenCheck::Expiry expiry = TokenCheck::expiryOf(account.tokenExpiresAt);
    if (expiry == TokenCheck::Expiry::Soon || expiry == TokenCheck::Expiry::Expired)
        Q_EMIT tokenExpiringSoon(account);
}

void AccountManager::activate(const QString& accountId)
{
    const std::optional<Account> account = m_store->account(accountId);
    if (!account)
        return;
    const quint64 activation = ++m_activation;
    loadToken(accountId, this,
        [this, activation, accountId](const SecretStore::Error& error, const QString& token) {
            if (activation != m_activation)
                return;
            const std::optional<Account> account = m_store->account(accountId);
            if (!account)
                return;
            if (error || token.isEmpty()) {
                qCInfo(lcAccounts) << "no token for account" << accountId << error.message;
                Q_EMIT tokenNeeded(*account,
                    error ? SecretStore::describe(error)
                          : tr("No token is stored for this account"));
                return;
            }
            setActive(*account, token);
        });
}

bool AccountManager::restore()
{
    const QString id = m_store->currentId();
    if (id.isEmpty())
        return false;
    activate(id);
    return true;
}

std::optional<Account> AccountManager::activeAccount() const
{
    return m_store->account(m_activeId);
}

void AccountManager::loadToken(const QString& accountId, QObject* context, TokenCallback callback)
{
    storeFor(accountId)->read(accountId, context, std::move(callback));
}

void AccountManager::signOut(const QString& accountId)
{
    if (!m_store->account(accountId))
        return;
    if (m_store->isSessionOnly(accountId)) {
        forget(accountId);
        return;
    }
    m_keychain->remove(accountId, this, [this, accountId](const SecretStore::Error& error) {
        const std::optional<Account> account = m_store->account(accountId);
        if (!account)
            return;
        if (error) {
            // Forgetting the account now would leave its token behind, out of reach.
            Q_EMIT signOutFailed(*account, SecretStore::describe(error));
            return;
        }
        forget(accountId);
    });
}

void AccountManager::forget(const QString& accountId)
{
    const std::optional<Account> account = m_store->account(accountId);
    if (!account)
        return;
    m_session->remove(accountId, nullptr, [](const SecretStore::Error&) {});
    if (m_activeId == accountId) {
        m_activeId.clear();
        m_reauthenticating = false;
    }
    m_store->remove(accountId);
    qCInfo(lcAccounts) << "signed out of account" << accountId;
    Q_EMIT signedOut(*account);
}

void AccountManager::reportUnauthorized(const ApiError& error)
{
    const std::optional<Account> account = activeAccount();
    if (!account || m_reauthenticating)
        return;
    m_reauthenticating = true;
    Q_EMIT reauthenticationNeeded(*account, error.message());
}

void AccountManager::reauthenticationFinished() { m_reauthenticating = false; }

void AccountManager::updateTokenInfo(const QString& accountId, const AccessToken& info)
{
    if (const std::optional<Account> account = m_store->account(accountId))
        m_store->update(withInfo(*account, info));
}
