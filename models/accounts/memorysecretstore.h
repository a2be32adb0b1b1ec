// SPDX-License-Identifier: MIT
#pragma once

#include "secretstore.h"

#include <QHash>

// Secrets held in this process only: tokens the user chose to use "for this session only"
// when no keychain is available, and the stand-in keychain of unit tests.
class MemorySecretStore final : public SecretStore {
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(const QString& accountId, QObject* context, ReadCallback callback) override;
    void write(const QString& accountId, const QString& secret, QObject* context,
        Callback callback) override;
    void remove(const QString& accountId, QObject* context, Callback callback) override;
    bool isPersistent() const override { return false; }

    bool contains(const QString& accountId) const { return m_secrets.contains(accountId); }
    qsizetype size() const { return m_secrets.size(); }

    // Makes every following operation fail with this error (None restores normal work), so
    // tests can play a missing or locked keychain without one.
    void setFailure(const Error& error) { m_failure = error; }

private:
    // Delivers on the next event loop turn, like a real keychain job.
    void later(QObject* context, std::function<void()> deliver);

    QHash<QString, QString> m_secrets;
    Error m_failure;
};
