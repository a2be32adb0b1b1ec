// SPDX-License-Identifier: MIT
#include "tokenrequests.h"

#include "parsing.h"

namespace {
QString tokensPath(const QString& org, const QString& clusterId)
{
    return ApiRequest::organizationPath(
        org, { QStringLiteral("clusters"), clusterId, QStringLiteral("tokens") });
}

QString tokenPath(const QString& org, const QString& clusterId, const QString& id)
{
    return tokensPath(org, clusterId) + QLatin1Char('/') + ApiRequest::segment(id);
}

Result<AgentToken> parseToken(const QJsonDocument& doc, const QString& clusterId)
{
    return Parsing::object<AgentToken>(
        doc, QStringLiteral("token"), [&](AgentToken& t) { t.clusterId = clusterId; });
}
} // namespace

QJsonObject AgentTokenInput::toJson(bool forCreate) const
{
    QJsonObject body { { QLatin1StringView("description"), description } };
    if (allowedIpAddresses)
        body.insert(QLatin1StringView("allowed_ip_addresses"), *allowedIpAddresses);
    if (forCreate && expiresAt.isValid())
        body.insert(QLatin1StringView("expires_at"), formatTimestamp(expiresAt));
    return body;
}

ApiRequest ListAgentTokens::toApiRequest() const
{
    return { "GET", tokensPath(org, clusterId), {}, {}, true };
}

Result<QList<AgentToken>> ListAgentTokens::parse(const QJsonDocument& doc) const
{
    return Parsing::list<AgentToken>(
        doc, QStringLiteral("tokens"), [this](AgentToken& t) { t.clusterId = clusterId; });
}

ApiRequest GetAgentToken::toApiRequest() const { return { "GET", tokenPath(org, clusterId, id) }; }

Result<AgentToken> GetAgentToken::parse(const QJsonDocument& doc) const
{
    return parseToken(doc, clusterId);
}

ApiRequest CreateAgentToken::toApiRequest() const
{
    return { "POST", tokensPath(org, clusterId), {}, input.toJson(true) };
}

Result<CreatedAgentToken> CreateAgentToken::parse(const QJsonDocument& doc) const
{
    Result<AgentToken> token = parseToken(doc, clusterId);
    if (!token)
        return token.error();
    const QJsonValue value = doc.object().value(QLatin1StringView("token"));
    if (!value.isString() || value.toString().isEmpty())
        return ApiError(ApiError::Kind::BadResponse,
            QCoreApplication::translate(
                "Parsing", "token.token: the create response carries no token value"));
    return CreatedAgentToken { std::move(token).value(), value.toString() };
}

ApiRequest UpdateAgentToken::toApiRequest() const
{
    return { "PATCH", tokenPath(org, clusterId, id), {}, input.toJson(false) };
}

Result<AgentToken> UpdateAgentToken::parse(const QJsonDocument& doc) const
{
    return parseToken(doc, clusterId);
}

ApiRequest DeleteAgentToken::toApiRequest() const
{
    return { "DELETE", tokenPath(org, clusterId, id) };
}

Result<NoContent> DeleteAgentToken::parse(const QJsonDocument& doc) const
{
    return Parsing::noContent(doc);
}
