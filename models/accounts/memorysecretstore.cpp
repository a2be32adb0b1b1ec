// SPDX-License-Identifier: MIT
#include "memorysecretstore.h"

#include <QPointer>
#include <QTimer>

void MemorySecretStore::later(QObject* context, std::function<void()> deliver)
{
    const bool hasContext = context != nullptr;
    QTimer::singleShot(0, this, [hasContext, guard = QPointer<QObject>(context), deliver] {
        if (!hasContext || guard)
            deliver();
    });
}

void MemorySecretStore::read(const QString& accountId, QObject* context, ReadCallback callback)
{
    Error error = m_failure;
    QString secret;
    if (!error) {
        const auto it = m_secrets.constFind(accountId);
        if (it == m_secrets.cend())
            error = { ErrorKind::NotFound, tr("Entry not found") };
        else
            secret = *it;
    }
    later(context, [callback, error, secret] { callback(error, secret); });
}

void MemorySecretStore::write(
    const QString& accountId, const QString& secret, QObject* context, Callback callback)
{
    const Error error = m_failure;
    if (!error)
        m_secrets.insert(accountId, secret);
    later(context, [callback, error] { callback(error); });
}

void MemorySecretStore::remove(const QString& accountId, QObject* context, Callback callback)
{
    const Error error = m_failure;
    if (!error)
        m_secrets.remove(accountId);
    later(context, [callback, error] { callback(error); });
}
