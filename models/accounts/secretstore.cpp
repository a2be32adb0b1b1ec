// SPDX-License-Identifier: MIT
#include "secretstore.h"

QString SecretStore::describe(const Error& error)
{
    QString what;
    switch (error.kind) {
    case ErrorKind::None:
        return {};
    case ErrorKind::NotFound:
        what = tr("No token is stored for this account");
        break;
    case ErrorKind::NoKeychain:
        what = tr("No keychain is available");
        break;
    case ErrorKind::Other:
        what = tr("The keychain failed");
        break;
    }
    return error.message.isEmpty() ? what : tr("%1: %2").arg(what, error.message);
}
