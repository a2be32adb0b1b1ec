// SPDX-License-Identifier: MIT
#include "httpprobe.h"

#include <QNetworkRequest>
#include <QSignalSpy>

QByteArray HttpResult::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResult::hasHeader(const QByteArray& name) const
{
    for (const auto& h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

HttpProbe::HttpProbe(const QUrl& baseUrl, const QString& token)
    : m_base(baseUrl)
    , m_token(token)
{
    // The tests look at redirects themselves.
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QUrl HttpProbe::url(const QString& pathAndQuery) const
{
    return QUrl(m_base.toString(QUrl::StripTrailingSlash) + pathAndQuery);
}

QNetworkReply* HttpProbe::start(const QByteArray& verb, const QString& pathAndQuery,
    const QByteArray& body, const std::optional<QByteArray>& authorization)
{
    QNetworkRequest request(url(pathAndQuery));
    QByteArray auth;
    if (authorization)
        auth = *authorization;
    else if (!m_token.isEmpty())
        auth = "Bearer " + m_token.toUtf8();
    if (!auth.isEmpty())
        request.setRawHeader("Authorization", auth);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    // A custom "HEAD" would wait for the body that Content-Length announces.
    if (verb == "HEAD")
        return m_nam.head(request);
    return m_nam.sendCustomRequest(request, verb, body);
}

HttpResult HttpProbe::send(const QByteArray& verb, const QString& pathAndQuery,
    const QByteArray& body, const std::optional<QByteArray>& authorization)
{
    return wait(start(verb, pathAndQuery, body, authorization));
}

HttpResult HttpProbe::send(
    const QByteArray& verb, const QString& pathAndQuery, const QJsonObject& body)
{
    return send(verb, pathAndQuery, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

HttpResult HttpProbe::wait(QNetworkReply* reply, int timeoutMs)
{
    HttpResult result;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(timeoutMs);
    }
    result.finished = reply->isFinished();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}
