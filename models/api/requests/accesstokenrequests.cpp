// SPDX-License-Identifier: MIT
#include "accesstokenrequests.h"

#include "parsing.h"

ApiRequest GetAccessToken::toApiRequest() const
{
    return { "GET", QStringLiteral("/v2/access-token") };
}

Result<AccessToken> GetAccessToken::parse(const QJsonDocument& doc) const
{
    return Parsing::object<AccessToken>(doc, QStringLiteral("access_token"), Parsing::nothing);
}
