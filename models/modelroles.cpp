// SPDX-License-Identifier: MIT
#include "modelroles.h"

#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QMetaEnum>

namespace ModelRoles {

TokenExpiry tokenExpiry(const AgentToken& token, const QDateTime& now)
{
    if (token.neverExpires())
        return TokenExpiry::Never;
    if (token.isExpired(now))
        return TokenExpiry::Expired;
    if (token.expiresWithin(now, expiringSoonSeconds))
        return TokenExpiry::ExpiringSoon;
    return TokenExpiry::Valid;
}

QString tokenExpiryText(TokenExpiry state)
{
    switch (state) {
    case TokenExpiry::Never:
        return {};
    case TokenExpiry::Valid:
        return QCoreApplication::translate("ModelRoles", "Valid");
    case TokenExpiry::ExpiringSoon:
        return QCoreApplication::translate("ModelRoles", "Expires soon");
    case TokenExpiry::Expired:
        return QCoreApplication::translate("ModelRoles", "Expired");
    }
    return {};
}

QString searchText(const Cluster& c)
{
    return QStringList { c.name, c.description, c.id }.join(QLatin1Char(' '));
}

QString searchText(const Queue& q)
{
    return QStringList { q.key, q.description, q.id }.join(QLatin1Char(' '));
}

QString searchText(const AgentToken& t)
{
    return QStringList { t.description, t.id }.join(QLatin1Char(' '));
}

QHash<int, QByteArray> roleNames()
{
    // Start from Qt's defaults (display, decoration, edit, toolTip, ...) without needing a model.
    QHash<int, QByteArray> names {
        { Qt::DisplayRole, "display" },
        { Qt::DecorationRole, "decoration" },
        { Qt::EditRole, "edit" },
        { Qt::ToolTipRole, "toolTip" },
        { Qt::StatusTipRole, "statusTip" },
        { Qt::WhatsThisRole, "whatsThis" },
    };
    const QMetaEnum roles = QMetaEnum::fromType<Role>();
    for (int i = 0; i < roles.keyCount(); ++i) {
        QByteArray name = roles.key(i);
        if (name.at(0) >= 'A' && name.at(0) <= 'Z')
            name[0] = char(name.at(0) - 'A' + 'a'); // "ClusterValue" -> "clusterValue"
        names.insert(roles.value(i), name);
    }
    return names;
}

} // namespace ModelRoles
