// SPDX-License-Identifier: MIT
#include "fakeaccesstokenserver.h"

#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QUuid>

FakeAccessTokenServer::FakeAccessTokenServer()
{
    m_server.route(QStringLiteral("/v2/access-token"), [this](const QHttpServerRequest& request) {
        ++m_requests;
        const QString authorization = QString::fromUtf8(request.value("Authorization"));
        m_authorizations.append(authorization);
        const QString prefix = QStringLiteral("Bearer ");
        const QString token
            = authorization.startsWith(prefix) ? authorization.mid(prefix.size()) : QString();
        const auto it = m_tokens.constFind(token);
        if (it == m_tokens.cend()) {
            return QHttpServerResponse(
                QJsonObject { { QStringLiteral("message"), unauthorizedMessage() } },
                QHttpServerResponse::StatusCode::Unauthorized);
        }
        return QHttpServerResponse(*it);
    });
}

QString FakeAccessTokenServer::unauthorizedMessage()
{
    return QStringLiteral("Authentication required. Please supply a valid API Access Token: "
                          "https://buildkite.com/docs/apis/rest-api#authentication");
}

bool FakeAccessTokenServer::listen()
{
    const quint16 port = m_server.listen(QHostAddress::LocalHost, 0);
    if (port == 0)
        return false;
    m_baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    return true;
}

void FakeAccessTokenServer::addToken(const QString& token, const QStringList& scopes,
    const QDateTime& expiresAt, const QString& description)
{
    m_tokens.insert(token,
        QJsonObject {
            { QStringLiteral("uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
            { QStringLiteral("scopes"), QJsonArray::fromStringList(scopes) },
            { QStringLiteral("description"), description },
            { QStringLiteral("created_at"), QStringLiteral("2025-01-02T03:04:05.000Z") },
            { QStringLiteral("expires_at"),
                expiresAt.isValid() ? QJsonValue(expiresAt.toUTC().toString(Qt::ISODateWithMs))
                                    : QJsonValue(QJsonValue::Null) },
            { QStringLiteral("user"),
                QJsonObject { { QStringLiteral("name"), QStringLiteral("Ada Lovelace") },
                    { QStringLiteral("email"), QStringLiteral("ada@example.com") } } },
        });
}
