// SPDX-License-Identifier: MIT
#pragma once

#include "account.h"

#include <QObject>

#include <memory>
#include <optional>

class QSettings;

// The list of accounts and the current one, kept in QSettings (group "Accounts"). Holds no
// token, ever: secrets go to a SecretStore. Session-only accounts (used when no keychain is
// available) live in memory and are never written.
class AccountStore final : public QObject {
    Q_OBJECT
public:
    enum class Persistence {
        Saved,
        SessionOnly,
    };
    Q_ENUM(Persistence)

    // The application's settings (QSettings with the organisation and application names).
    explicit AccountStore(QObject* parent = nullptr);
    // An explicit INI file: tests, and tools that must not touch the user's settings.
    explicit AccountStore(const QString& iniFile, QObject* parent = nullptr);
    ~AccountStore() override;

    // Saved accounts in the order they were added, then session-only ones.
    QList<Account> accounts() const { return m_accounts; }
    std::optional<Account> account(const QString& id) const;
    // By name (case-insensitive), then by id: what `kitedeck export --account` accepts.
    std::optional<Account> find(const QString& nameOrId) const;
    bool isEmpty() const { return m_accounts.isEmpty(); }
    bool hasSavedAccounts() const;
    bool isSessionOnly(const QString& id) const { return m_sessionOnly.contains(id); }

    // Adds the account, or updates it in place when the id is known.
    void add(const Account& account, Persistence persistence = Persistence::Saved);
    // Metadata changes (name, token expiry, scopes); false when the id is unknown.
    bool update(const Account& account);
    bool remove(const QString& id);

    // Empty when there is no account. Restored at start: the saved current account, or the
    // first one.
    QString currentId() const { return m_currentId; }
    std::optional<Account> current() const { return account(m_currentId); }
    bool setCurrentId(const QString& id);

    // wanted, or "wanted (2)", "wanted (3)"... not used by another account than ignoreId.
    QString uniqueName(const QString& wanted, const QString& ignoreId = {}) const;

    // The file the accounts are written to, for messages and for the tests that prove no
    // token is in it.
    QString fileName() const;

Q_SIGNALS:
    void accountsChanged();
    void currentChanged(const QString& id);

private:
    void load();
    void save();
    qsizetype indexOf(const QString& id) const;

    std::unique_ptr<QSettings> m_settings;
    QList<Account> m_accounts;
    QStringList m_sessionOnly;
    QString m_currentId;
};
