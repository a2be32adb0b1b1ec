// SPDX-License-Identifier: MIT
#include "apierror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

ApiError::ApiError(Kind kind, QString message, int httpStatus)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_message(std::move(message))
{
}

bool ApiError::isTransient() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Server:
    case Kind::RateLimited:
        return true;
    default:
        return false;
    }
}

QString ApiError::kindName() const
{
    auto tr = [](const char* text) { return QCoreApplication::translate("ApiError", text); };
    switch (m_kind) {
    case Kind::None:
        return tr("no error");
    case Kind::Network:
        return tr("network");
    case Kind::Timeout:
        return tr("timeout");
    case Kind::Tls:
        return tr("TLS");
    case Kind::Unauthorized:
        return tr("authentication");
    case Kind::Forbidden:
        return m_message.contains(QLatin1String("scope")) ? tr("missing scope") : tr("permission");
    case Kind::NotFound:
        return tr("not found");
    case Kind::Validation:
        return tr("validation");
    case Kind::RateLimited:
        return tr("rate limit");
    case Kind::Server:
        return tr("server");
    case Kind::BadResponse:
        return tr("bad response");
    case Kind::InsecureUrl:
        return tr("insecure URL");
    }
    return {};
}

QString ApiError::toString() const
{
    if (!isError())
        return {};
    QString kind = kindName();
    kind[0] = kind[0].toUpper();
    QString text = m_message.isEmpty() ? kind : QStringLiteral("%1: %2").arg(kind, m_message);
    if (m_httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(m_httpStatus);
    return text;
}

QString ApiError::serverMessage(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonValue message = doc.object().value(QLatin1StringView("message"));
        if (message.isString())
            return message.toString();
        return {};
    }
    // Proxies and load balancers answer with HTML or plain text: keep a short, readable part.
    QString text = QString::fromUtf8(body).simplified();
    if (text.startsWith(QLatin1Char('<')))
        return {};
    return text.left(200);
}

ApiError ApiError::fromTransfer(QNetworkReply::NetworkError error, const QString& qtErrorString,
    int status, const QByteArray& body)
{
    auto tr = [](const char* text) { return QCoreApplication::translate("ApiError", text); };
    if (status >= 200 && status < 300 && error == QNetworkReply::NoError)
        return {};
    if (status > 0) {
        QString message = serverMessage(body);
        if (message.isEmpty())
            message = tr("The server answered HTTP %1").arg(status);
        if (status == 401)
            return { Kind::Unauthorized, message, status };
        if (status == 403)
            return { Kind::Forbidden, message, status };
        if (status == 404)
            return { Kind::NotFound, message, status };
        if (status == 422)
            return { Kind::Validation, message, status };
        if (status == 429)
            return { Kind::RateLimited, message, status };
        if (status >= 500)
            return { Kind::Server, message, status };
        if (status >= 300 && status < 400)
            return { Kind::BadResponse, tr("Refused a redirect to another origin"), status };
        if (status >= 400)
            return { Kind::BadResponse, message, status };
        // A 2xx with a transport error: the connection dropped mid-response.
    }
    switch (error) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        // A transfer timeout surfaces as OperationCanceledError in Qt 6.
        return { Kind::Timeout, tr("The request timed out") };
    case QNetworkReply::SslHandshakeFailedError:
        return { Kind::Tls, qtErrorString };
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return { Kind::BadResponse, tr("Refused a redirect to another origin") };
    default:
        break;
    }
    return { Kind::Network, qtErrorString.isEmpty() ? tr("Network error") : qtErrorString };
}
