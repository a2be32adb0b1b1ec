// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

#include <optional>

// What one HTTP exchange produced, read off a finished QNetworkReply.
struct HttpResult {
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool finished = false;

    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QString message() const { return object().value(QLatin1StringView("message")).toString(); }
};

// A plain HTTP client for the protocol tests: no retries, no redirects followed, no
// knowledge of the API beyond a base URL and a Bearer token.
class HttpProbe {
public:
    explicit HttpProbe(const QUrl& baseUrl, const QString& token = {});

    void setToken(const QString& token) { m_token = token; }
    QNetworkAccessManager& manager() { return m_nam; }

    // pathAndQuery: "/v2/..." optionally with "?query". authorization is the whole header
    // value ("Bearer ..."): nullopt sends the probe's token, an empty value sends no header.
    QNetworkReply* start(const QByteArray& verb, const QString& pathAndQuery,
        const QByteArray& body = {}, const std::optional<QByteArray>& authorization = std::nullopt);
    HttpResult send(const QByteArray& verb, const QString& pathAndQuery,
        const QByteArray& body = {}, const std::optional<QByteArray>& authorization = std::nullopt);
    HttpResult send(const QByteArray& verb, const QString& pathAndQuery, const QJsonObject& body);
    HttpResult get(const QString& pathAndQuery) { return send("GET", pathAndQuery); }
    // Blocks (in an event loop) until the reply finishes, for at most timeoutMs.
    static HttpResult wait(QNetworkReply* reply, int timeoutMs = 10000);
    QUrl url(const QString& pathAndQuery) const;

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
};
