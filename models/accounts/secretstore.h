// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Where API tokens are kept, one secret per account id. Every operation is asynchronous (a
// keychain may have to ask the user to unlock it) and always calls back later, never from
// inside the call, so callers see one behaviour whatever the backend.
class SecretStore : public QObject {
    Q_OBJECT
public:
    enum class ErrorKind {
        None,
        NotFound, // read only: nothing stored for this account
        NoKeychain, // no backend, no session bus, locked or refused keyring: offer session-only
        Other, // the keychain is there but the operation failed
    };
    Q_ENUM(ErrorKind)

    struct Error {
        ErrorKind kind = ErrorKind::None;
        QString message; // the backend's own words, kept for the UI
        bool isError() const { return kind != ErrorKind::None; }
        explicit operator bool() const { return isError(); }
    };

    using ReadCallback = std::function<void(const Error& error, const QString& secret)>;
    using Callback = std::function<void(const Error& error)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    // The callback is dropped when context is given and has been destroyed by then.
    virtual void read(const QString& accountId, QObject* context, ReadCallback callback) = 0;
    // Replaces whatever was stored for the account.
    virtual void write(
        const QString& accountId, const QString& secret, QObject* context, Callback callback)
        = 0;
    // Removing an entry that does not exist succeeds: the goal, no secret, is reached.
    virtual void remove(const QString& accountId, QObject* context, Callback callback) = 0;

    // Whether secrets outlive the process.
    virtual bool isPersistent() const = 0;

    // One line for a status bar or an inline message, e.g. "No keychain: Could not connect".
    static QString describe(const Error& error);
};
