// SPDX-License-Identifier: MIT
#include "account.h"

#include <QUuid>

QUrl Account::defaultApiUrl() { return QUrl(QStringLiteral("https://api.buildkite.com")); }

Account Account::create(const QString& name, const QString& organization, const QUrl& apiUrl)
{
    Account account;
    account.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    account.organization = organization.trimmed();
    account.name = name.trimmed().isEmpty() ? account.organization : name.trimmed();
    account.apiUrl = apiUrl.isEmpty() ? defaultApiUrl() : apiUrl;
    return account;
}
