// SPDX-License-Identifier: MIT
#include "sandboxresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace {
const QByteArray jsonType = QByteArrayLiteral("application/json; charset=utf-8");
} // namespace

SandboxResponse SandboxResponse::json(int status, const QJsonObject& object)
{
    return { status, jsonType, QJsonDocument(object).toJson(QJsonDocument::Compact), {} };
}

SandboxResponse SandboxResponse::json(int status, const QJsonArray& array)
{
    return { status, jsonType, QJsonDocument(array).toJson(QJsonDocument::Compact), {} };
}

SandboxResponse SandboxResponse::message(int status, const QString& message)
{
    return json(status, QJsonObject { { QStringLiteral("message"), message } });
}

SandboxResponse SandboxResponse::noContent() { return { 204, {}, {}, {} }; }

SandboxResponse SandboxResponse::raw(int status, const QByteArray& body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    QByteArray type;
    if (body.isEmpty())
        type = {};
    else if (error.error == QJsonParseError::NoError)
        type = jsonType;
    else if (body.trimmed().startsWith('<'))
        type = QByteArrayLiteral("text/html; charset=utf-8");
    else
        type = QByteArrayLiteral("text/plain; charset=utf-8");
    return { status, type, body, {} };
}

void SandboxResponse::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({ name, value });
}

QByteArray SandboxResponse::header(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

void SandboxResponse::removeHeader(const QByteArray& name)
{
    headers.removeIf([&](const std::pair<QByteArray, QByteArray>& h) {
        return h.first.compare(name, Qt::CaseInsensitive) == 0;
    });
}

QByteArray SandboxResponse::head(bool closeConnection, qint64 contentLength) const
{
    QByteArray out;
    out.reserve(512);
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Server: kitedeck-sandbox\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    // RFC 9110: no Content-Length on 204.
    if (status != 204)
        out += "Content-Length: "
            + QByteArray::number(contentLength < 0 ? body.size() : contentLength) + "\r\n";
    for (const auto& h : headers)
        out += h.first + ": " + h.second + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

QByteArray SandboxResponse::toBytes(bool closeConnection) const
{
    return head(closeConnection) + (status == 204 ? QByteArray() : body);
}

QByteArray SandboxResponse::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        break;
    }
    if (status >= 500)
        return "Server Error";
    if (status >= 400)
        return "Client Error";
    if (status >= 300)
        return "Redirection";
    return "OK";
}
