// SPDX-License-Identifier: MIT
#pragma once

#include "api/apirequest.h"
#include "api/result.h"
#include "domain/accesstoken.h"

#include <QJsonDocument>

// GET /v2/access-token: who the token belongs to and what it may do. Needs no scope.
struct GetAccessToken {
    using Value = AccessToken;
    ApiRequest toApiRequest() const;
    Result<Value> parse(const QJsonDocument& doc) const;
};
