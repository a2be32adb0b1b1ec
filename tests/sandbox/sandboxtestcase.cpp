// SPDX-License-Identifier: MIT
#include "sandboxtestcase.h"

#include <QTest>

bool SandboxTestCase::start()
{
    if (!m_server.listen()) {
        qWarning("cannot listen: %s", qPrintable(m_server.errorString()));
        return false;
    }
    m_http = std::make_unique<HttpProbe>(m_server.baseUrl(), m_server.readWriteToken());
    return true;
}

void SandboxTestCase::reset()
{
    m_server.clearFaults();
    m_server.seedDemo();
    m_server.clearRequests();
}

QString SandboxTestCase::clusterIdNamed(const QString& name)
{
    const QJsonArray clusters = all(org() + QStringLiteral("/clusters"));
    for (const QJsonValue& c : clusters) {
        if (SandboxTest::str(c.toObject(), "name") == name)
            return SandboxTest::str(c.toObject(), "id");
    }
    return {};
}

QJsonArray SandboxTestCase::all(const QString& path)
{
    const HttpResult r = m_http->get(path + QStringLiteral("?per_page=100"));
    return r.status == 200 ? r.array() : QJsonArray();
}

QJsonObject SandboxTestCase::createCluster(const QString& name)
{
    const HttpResult r = m_http->send("POST", org() + QStringLiteral("/clusters"),
        QJsonObject { { QStringLiteral("name"), name } });
    return r.status == 201 ? r.object() : QJsonObject();
}

QJsonObject SandboxTestCase::createQueue(const QString& clusterId, const QJsonObject& body)
{
    const HttpResult r
        = m_http->send("POST", org() + QStringLiteral("/clusters/%1/queues").arg(clusterId), body);
    return r.status == 201 ? r.object() : QJsonObject();
}

QJsonObject SandboxTestCase::createToken(const QString& clusterId, const QJsonObject& body)
{
    const HttpResult r
        = m_http->send("POST", org() + QStringLiteral("/clusters/%1/tokens").arg(clusterId), body);
    return r.status == 201 ? r.object() : QJsonObject();
}

QString SandboxTestCase::pathOf(const QString& url) const
{
    return url.mid(m_server.baseUrl().toString().size());
}

namespace SandboxTest {
QString str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toString();
}

QJsonObject obj(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1StringView(key)).toObject();
}

bool isNull(const QJsonObject& o, const char* key)
{
    return o.contains(QLatin1StringView(key)) && o.value(QLatin1StringView(key)).isNull();
}

QByteArray messageBody(const char* message)
{
    return QByteArray("{\"message\":\"") + message + "\"}";
}

QString decodedGraphqlId(const QJsonObject& o)
{
    return QString::fromUtf8(QByteArray::fromBase64(str(o, "graphql_id").toLatin1()));
}

QHash<QString, QString> links(const HttpResult& r)
{
    QHash<QString, QString> out;
    static const QRegularExpression entry(QStringLiteral("<([^>]*)>; rel=\"(\\w+)\""));
    auto it = entry.globalMatch(QString::fromLatin1(r.header("Link")));
    while (it.hasNext()) {
        const auto m = it.next();
        out.insert(m.captured(2), m.captured(1));
    }
    return out;
}
} // namespace SandboxTest
