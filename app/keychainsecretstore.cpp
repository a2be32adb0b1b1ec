// SPDX-License-Identifier: MIT
#include "keychainsecretstore.h"

#include "applogging.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

// Failures go back to the caller, which shows them; the log only helps when debugging, and
// must not add a second line to the export command's one-line errors.

namespace {
// Jobs get no parent on purpose: QtKeychain's libsecret callbacks hold a raw pointer to the
// job, so a job must live until it finishes. autoDelete (the default) frees it afterwards.
template <class JobType>
JobType* makeJob(const KeychainSecretStore& store, const QString& accountId)
{
    auto* job = new JobType(store.service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(store.keyFor(accountId));
    return job;
}

template <class Fn>
void onFinished(QKeychain::Job* job, QObject* context, Fn&& handler)
{
    const bool hasContext = context != nullptr;
    QObject::connect(job, &QKeychain::Job::finished, job,
        [hasContext, guard = QPointer<QObject>(context), fn = std::forward<Fn>(handler)](
            QKeychain::Job* finished) {
            if (!hasContext || guard)
                fn(finished);
        });
}

const char* operationName(const QKeychain::Job& job)
{
    if (qobject_cast<const QKeychain::ReadPasswordJob*>(&job))
        return "read";
    if (qobject_cast<const QKeychain::WritePasswordJob*>(&job))
        return "write";
    return "delete";
}
} // namespace

KeychainSecretStore::KeychainSecretStore(QObject* parent)
    : KeychainSecretStore(QStringLiteral("Kitedeck"), parent)
{
}

KeychainSecretStore::KeychainSecretStore(const QString& service, QObject* parent)
    : SecretStore(parent)
    , m_service(service)
{
}

QString KeychainSecretStore::keyFor(const QString& accountId) const
{
    return m_service + QLatin1Char('/') + accountId;
}

SecretStore::Error KeychainSecretStore::errorOf(const QKeychain::Job& job)
{
    // QtKeychain 0.13 has no isAvailable(): the kind of failure is the only signal. A missing
    // Secret Service or session bus surfaces as OtherError, a locked collection as AccessDenied
    // or OtherError; all of them mean "no usable keychain here", which the UI can work around.
    const QString message = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return { ErrorKind::NotFound, message };
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return { ErrorKind::NoKeychain, message };
    case QKeychain::CouldNotDeleteEntry:
        return { ErrorKind::Other, message };
    }
    return { ErrorKind::Other, message };
}

void KeychainSecretStore::read(const QString& accountId, QObject* context, ReadCallback callback)
{
    auto* job = makeJob<QKeychain::ReadPasswordJob>(*this, accountId);
    onFinished(job, context, [callback](QKeychain::Job* finished) {
        const Error error = errorOf(*finished);
        if (error && error.kind != ErrorKind::NotFound)
            qCDebug(lcKeychain) << operationName(*finished) << "failed:" << error.message;
        const auto* reader = static_cast<QKeychain::ReadPasswordJob*>(finished);
        callback(error, error ? QString() : reader->textData());
    });
    job->start();
}

void KeychainSecretStore::write(
    const QString& accountId, const QString& secret, QObject* context, Callback callback)
{
    auto* job = makeJob<QKeychain::WritePasswordJob>(*this, accountId);
    job->setTextData(secret);
    onFinished(job, context, [callback](QKeychain::Job* finished) {
        Error error = errorOf(*finished);
        // A write never looks anything up: "not found" here is the collection, not the entry.
        if (error.kind == ErrorKind::NotFound)
            error.kind = ErrorKind::NoKeychain;
        if (error)
            qCDebug(lcKeychain) << operationName(*finished) << "failed:" << error.message;
        callback(error);
    });
    job->start();
}

void KeychainSecretStore::remove(const QString& accountId, QObject* context, Callback callback)
{
    auto* job = makeJob<QKeychain::DeletePasswordJob>(*this, accountId);
    onFinished(job, context, [callback](QKeychain::Job* finished) {
        Error error = errorOf(*finished);
        if (error.kind == ErrorKind::NotFound)
            error = {};
        if (error)
            qCDebug(lcKeychain) << operationName(*finished) << "failed:" << error.message;
        callback(error);
    });
    job->start();
}
