// SPDX-License-Identifier: MIT
#pragma once

#include "httpprobe.h"
#include "sandboxserver.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QRegularExpression>
#include <QString>

#include <memory>

// What every sandbox protocol test shares: one server on loopback, a plain HTTP probe with the
// read-write token, and helpers that speak only HTTP. Each test executable derives from it and
// calls start() from initTestCase() and reset() from init().
class SandboxTestCase : public QObject {
public:
    using QObject::QObject;

protected:
    bool start(); // listen and make the probe; false (with a message) on failure
    void reset(); // no faults, the demo organisation, no recorded requests

    QString org() const { return QStringLiteral("/v2/organizations/kitedeck-demo"); }
    QString clusterIdNamed(const QString& name);
    QJsonObject createCluster(const QString& name);
    QJsonObject createQueue(const QString& clusterId, const QJsonObject& body);
    QJsonObject createToken(const QString& clusterId, const QJsonObject& body);
    QJsonArray all(const QString& path); // the first 100 items of a list
    // The path of an absolute URL the sandbox returned (url, web_url, Link targets).
    QString pathOf(const QString& url) const;
    QByteArray bearer(const QString& token) const { return "Bearer " + token.toUtf8(); }

    SandboxServer m_server;
    std::unique_ptr<HttpProbe> m_http;
};

namespace SandboxTest {
inline const QRegularExpression isoMs(
    QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
inline const QRegularExpression uuid(
    QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
inline const QString authRequired
    = QStringLiteral("Authentication required. Please supply a valid API Access Token: "
                     "https://buildkite.com/docs/apis/rest-api#authentication");

QString str(const QJsonObject& o, const char* key);
QJsonObject obj(const QJsonObject& o, const char* key);
bool isNull(const QJsonObject& o, const char* key); // present and null
// The exact bytes of Buildkite's error body.
QByteArray messageBody(const char* message);
QString decodedGraphqlId(const QJsonObject& o);
// The Link header as rel -> URL.
QHash<QString, QString> links(const HttpResult& r);
} // namespace SandboxTest
