// SPDX-License-Identifier: MIT
#pragma once

#include "accounts/secretstore.h"

namespace QKeychain {
class Job;
} // namespace QKeychain

// The OS keychain through QtKeychain: macOS Keychain, Windows Credential Store, Secret Service
// or KWallet on Linux. One entry per account: service "Kitedeck", key "Kitedeck/<account id>".
// The insecure fallback (a plain-text QSettings file) is never enabled: without a keychain the
// operations fail with NoKeychain and the caller decides what to do.
class KeychainSecretStore final : public SecretStore {
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject* parent = nullptr);
    // Another service name keeps a second installation's (or a test's) entries apart.
    explicit KeychainSecretStore(const QString& service, QObject* parent = nullptr);

    void read(const QString& accountId, QObject* context, ReadCallback callback) override;
    void write(const QString& accountId, const QString& secret, QObject* context,
        Callback callback) override;
    void remove(const QString& accountId, QObject* context, Callback callback) override;
    bool isPersistent() const override { return true; }

    QString service() const { return m_service; }
    // The Windows Credential Store ignores the service, so the key carries the app name too.
    QString keyFor(const QString& accountId) const;

    // The one mapping from a finished QtKeychain job to our error kinds.
    static Error errorOf(const QKeychain::Job& job);

private:
    QString m_service;
};
