// SPDX-License-Identifier: MIT
#include "tokencheck.h"

TokenCheck TokenCheck::of(const AccessToken& token, const QDateTime& now)
{
    TokenCheck check;
    check.token = token;
    if (!token.canRead())
        check.missingScopes.append(QStringLiteral("read_clusters"));
    if (!token.canWrite())
        check.missingScopes.append(QStringLiteral("write_clusters"));
    check.expiry = expiryOf(token.expiresAt, now);
    return check;
}

TokenCheck::Expiry TokenCheck::expiryOf(const QDateTime& expiresAt, const QDateTime& now)
{
    switch (TokenExpiry::classify(expiresAt, now)) {
    case TokenExpiry::State::Never:
        return Expiry::Never;
    case TokenExpiry::State::Valid:
        return Expiry::Later;
    case TokenExpiry::State::ExpiringSoon:
        return Expiry::Soon;
    case TokenExpiry::State::Expired:
        return Expiry::Expired;
    }
    return Expiry::Never;
}

QString TokenCheck::ownerText() const
{
    const QString name = token.userName.trimmed();
    const QString email = token.userEmail.trimmed();
    if (!name.isEmpty() && !email.isEmpty())
        return QStringLiteral("%1 <%2>").arg(name, email);
    return name.isEmpty() ? email : name;
}

QString TokenCheck::missingScopesText() const
{
    if (!canRead() && !canWrite())
        return tr("This token has neither read_clusters nor write_clusters: Kitedeck can show "
                  "nothing with it. Add read_clusters to browse clusters, queues and agent tokens, "
                  "and write_clusters to change them.");
    if (!canRead())
        return tr("This token lacks read_clusters: Kitedeck cannot show clusters, queues or "
                  "agent tokens with it. Add read_clusters to browse.");
    if (!canWrite())
        return tr("This token lacks write_clusters: you can browse, but not create, change, "
                  "pause or delete anything. Add write_clusters to make changes.");
    return {};
}
