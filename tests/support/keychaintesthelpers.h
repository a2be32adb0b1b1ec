// SPDX-License-Identifier: MIT
#pragma once

#include "accounts/secretstore.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

// Synchronous wrappers around the asynchronous SecretStore, and secret-tool, for the keychain
// tests. The event loop keeps running while waiting, as QtKeychain needs it.
namespace KeychainTest {

struct ReadOutcome {
    SecretStore::Error error;
    QString secret;
};

inline ReadOutcome read(SecretStore& store, const QString& id, int timeoutMs = 20000)
{
    bool done = false;
    ReadOutcome outcome;
    store.read(id, nullptr, [&](const SecretStore::Error& error, const QString& secret) {
        outcome = { error, secret };
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        outcome.error
            = { SecretStore::ErrorKind::Other, QStringLiteral("test: no answer in time") };
    return outcome;
}

inline SecretStore::Error write(
    SecretStore& store, const QString& id, const QString& secret, int timeoutMs = 20000)
{
    bool done = false;
    SecretStore::Error outcome;
    store.write(id, secret, nullptr, [&](const SecretStore::Error& error) {
        outcome = error;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        outcome = { SecretStore::ErrorKind::Other, QStringLiteral("test: no answer in time") };
    return outcome;
}

inline SecretStore::Error remove(SecretStore& store, const QString& id, int timeoutMs = 20000)
{
    bool done = false;
    SecretStore::Error outcome;
    store.remove(id, nullptr, [&](const SecretStore::Error& error) {
        outcome = error;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, timeoutMs))
        outcome = { SecretStore::ErrorKind::Other, QStringLiteral("test: no answer in time") };
    return outcome;
}

// secret-tool's standard output (and its exit code through exitCode).
inline QByteArray secretTool(const QStringList& arguments, int* exitCode = nullptr)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(QStringLiteral("secret-tool")), arguments);
    if (!process.waitForFinished(20000))
        process.kill();
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    // search --all prints the attributes on standard error and the secret on standard output.
    return process.readAllStandardOutput() + process.readAllStandardError();
}

} // namespace KeychainTest
