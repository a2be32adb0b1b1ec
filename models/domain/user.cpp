// SPDX-License-Identifier: MIT
#include "user.h"

#include "json.h"

User User::fromJson(JsonReader& r)
{
    User u;
    u.id = r.string(QLatin1StringView("id"));
    u.graphqlId = r.string(QLatin1StringView("graphql_id"));
    u.name = r.string(QLatin1StringView("name"));
    u.email = r.string(QLatin1StringView("email"));
    u.avatarUrl = r.string(QLatin1StringView("avatar_url"));
    u.createdAt = r.timestamp(QLatin1StringView("created_at"));
    return u;
}

QString User::displayName() const
{
    if (!name.isEmpty() && !email.isEmpty())
        return QStringLiteral("%1 <%2>").arg(name, email);
    return name.isEmpty() ? email : name;
}
