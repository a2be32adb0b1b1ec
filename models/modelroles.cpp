// SPDX-License-Identifier: MIT
#include "modelroles.h"

#include <QMetaEnum>

namespace ModelRoles {

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
