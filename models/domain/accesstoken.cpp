// SPDX-License-Identifier: MIT
#include "accesstoken.h"

#include "json.h"

AccessToken AccessToken::fromJson(JsonReader& r)
{
    AccessToken t;
    t.uuid = r.string(QLatin1StringView("uuid"));
    t.scopes = r.stringList(QLatin1StringView("scopes"));
    t.description = r.string(QLatin1StringView("description"));
    t.createdAt = r.timestamp(QLatin1StringView("created_at"));
    t.expiresAt = r.timestamp(QLatin1StringView("expires_at"));
    if (const auto user = r.object(QLatin1StringView("user"))) {
        JsonReader u = r.child(*user, QStringLiteral("user"));
        t.userName = u.string(QLatin1StringView("name"));
        t.userEmail = u.string(QLatin1StringView("email"));
        r.adopt(u);
    }
    return t;
}
