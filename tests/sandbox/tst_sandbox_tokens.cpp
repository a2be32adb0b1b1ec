// SPDX-License-Identifier: MIT
#include "sandboxtestcase.h"

#include <QSignalSpy>
#include <QTest>

using namespace SandboxTest;

// Agent tokens: lifecycle, the secret shown once, expiry and the IP allowlist.
// Plain HTTP over loopback against the sandbox; statuses, bodies and headers are checked
// exactly.
class TestSandboxTokens final : public SandboxTestCase {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(start()); }
    void init() { reset(); }

    void agentTokenLifecycle();
    void agentTokenValueOnlyOnCreate();
    void agentTokenExpiryAndAllowlist();
    void agentTokenValidation_data();
    void agentTokenValidation();
    void agentTokenExpiryCannotChange();
    void agentTokenValueFormat();
    void changingTheAllowlistDisconnectsAgents();
};

void TestSandboxTokens::agentTokenLifecycle()
{
    const QString cid = str(createCluster(QStringLiteral("Tokens")), "id");
    const QString tokens = org() + QStringLiteral("/clusters/%1/tokens").arg(cid);
    HttpResult r
        = m_http->send("POST", tokens, QByteArray(R"({ "description": "Windows agents" })"));
    QCOMPARE(r.status, 201);
    const QJsonObject t = r.object();
    const QString id = str(t, "id");
    QVERIFY(uuid.match(id).hasMatch());
    QCOMPARE(decodedGraphqlId(t), QStringLiteral("ClusterToken---") + id);
    QCOMPARE(str(t, "description"), QStringLiteral("Windows agents"));
    QCOMPARE(str(t, "url"), m_server.baseUrl().toString() + tokens + QLatin1Char('/') + id);
    QCOMPARE(str(t, "cluster_url"),
        m_server.baseUrl().toString() + org() + QStringLiteral("/clusters/") + cid);
    QVERIFY(isoMs.match(str(t, "created_at")).hasMatch());
    QCOMPARE(str(obj(t, "created_by"), "email"), QStringLiteral("sam.kim@example.com"));
    QVERIFY(isNull(t, "expires_at"));
    QVERIFY(t.contains(QLatin1StringView("allowed_ip_addresses")));

    r = m_http->send("PUT", tokens + QLatin1Char('/') + id,
        QByteArray(R"({ "description": "Renamed by PUT" })"));
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "description"), QStringLiteral("Renamed by PUT"));
    r = m_http->send("PATCH", tokens + QLatin1Char('/') + id,
        QByteArray(R"({ "allowed_ip_addresses": "  192.0.2.0/24   198.51.100.12/32 " })"));
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "description"), QStringLiteral("Renamed by PUT"));
    QCOMPARE(
        str(r.object(), "allowed_ip_addresses"), QStringLiteral("192.0.2.0/24 198.51.100.12/32"));

    r = m_http->send("DELETE", tokens + QLatin1Char('/') + id);
    QCOMPARE(r.status, 204);
    QVERIFY(r.body.isEmpty());
    QCOMPARE(m_http->get(tokens + QLatin1Char('/') + id).status, 404);
}

void TestSandboxTokens::agentTokenValueOnlyOnCreate()
{
    const QString cid = str(createCluster(QStringLiteral("Secrets")), "id");
    const QString tokens = org() + QStringLiteral("/clusters/%1/tokens").arg(cid);
    const QJsonObject first
        = createToken(cid, { { QStringLiteral("description"), QStringLiteral("one") } });
    const QJsonObject second
        = createToken(cid, { { QStringLiteral("description"), QStringLiteral("two") } });
    const QString value = str(first, "token");
    QVERIFY(value.size() >= 32);
    QVERIFY(value != str(second, "token"));

    const HttpResult list = m_http->get(tokens);
    QCOMPARE(list.array().size(), 2);
    QVERIFY(!list.body.contains(value.toUtf8()));
    for (const QJsonValue& t : list.array())
        QVERIFY(!t.toObject().contains(QLatin1StringView("token")));
    const HttpResult one = m_http->get(tokens + QLatin1Char('/') + str(first, "id"));
    QVERIFY(!one.object().contains(QLatin1StringView("token")));
    const HttpResult updated = m_http->send("PATCH", tokens + QLatin1Char('/') + str(first, "id"),
        QByteArray(R"({"description":"renamed"})"));
    QVERIFY(!updated.body.contains(value.toUtf8()));
    QJsonObject withoutValue = first;
    withoutValue.remove(QStringLiteral("token"));
    QCOMPARE(one.object(), withoutValue);
}

void TestSandboxTokens::agentTokenExpiryAndAllowlist()
{
    const QString cid = str(createCluster(QStringLiteral("Expiry")), "id");
    const QDateTime expires = QDateTime::currentDateTimeUtc().addDays(7);
    QStringList blocks;
    for (int i = 0; i < 24; ++i)
        blocks.append(QStringLiteral("10.%1.0.0/16").arg(i));
    const QJsonObject t = createToken(cid,
        { { QStringLiteral("description"), QStringLiteral("Expiring") },
            { QStringLiteral("expires_at"), expires.toString(Qt::ISODateWithMs) },
            { QStringLiteral("allowed_ip_addresses"), blocks.join(QLatin1Char(' ')) } });
    QVERIFY(!t.isEmpty());
    QVERIFY(isoMs.match(str(t, "expires_at")).hasMatch());
    QCOMPARE(QDateTime::fromString(str(t, "expires_at"), Qt::ISODateWithMs), expires);
    QCOMPARE(str(t, "allowed_ip_addresses"), blocks.join(QLatin1Char(' ')));
    // The other timestamp form in the notes, and a bare address.
    const QJsonObject u = createToken(cid,
        { { QStringLiteral("description"), QStringLiteral("UTC form") },
            { QStringLiteral("expires_at"),
                expires.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) },
            { QStringLiteral("allowed_ip_addresses"), QStringLiteral("203.0.113.7") } });
    QVERIFY(!u.isEmpty());
    QCOMPARE(str(u, "allowed_ip_addresses"), QStringLiteral("203.0.113.7"));
}

void TestSandboxTokens::agentTokenValidation_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("message");
    const QByteArray post = "POST";
    const auto d = [](const QString& description) {
        return QJsonObject { { QStringLiteral("description"), description } };
    };
    auto with = [&](const char* key, const QJsonValue& value) {
        QJsonObject o = d(QStringLiteral("ok"));
        o.insert(QLatin1StringView(key), value);
        return o;
    };
    QTest::newRow("no description")
        << post << QJsonObject() << QStringLiteral("Validation failed: Description can't be blank");
    QTest::newRow("blank description")
        << post << d(QStringLiteral(" "))
        << QStringLiteral("Validation failed: Description can't be blank");
    QTest::newRow("update to blank description") << QByteArray(
        "PATCH") << d(QString()) << QStringLiteral("Validation failed: Description can't be blank");
    QTest::newRow("expiry not a date")
        << post << with("expires_at", QStringLiteral("next tuesday"))
        << QStringLiteral("Validation failed: Expires at is not a valid timestamp: next tuesday");
    QTest::newRow("expiry in the past")
        << post
        << with("expires_at",
               QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODateWithMs))
        << QStringLiteral(
               "Validation failed: Expires at must be at least 10 minutes in the future");
    QTest::newRow("expiry in 5 minutes")
        << post
        << with("expires_at",
               QDateTime::currentDateTimeUtc().addSecs(300).toString(Qt::ISODateWithMs))
        << QStringLiteral(
               "Validation failed: Expires at must be at least 10 minutes in the future");
    QTest::newRow("not a CIDR") << post
                                << with("allowed_ip_addresses", QStringLiteral("10.0.0.0/8 banana"))
                                << QStringLiteral("Validation failed: Allowed ip addresses "
                                                  "contains an invalid IPv4 CIDR block: banana");
    QTest::newRow("octet out of range")
        << post << with("allowed_ip_addresses", QStringLiteral("10.0.0.256/8"))
        << QStringLiteral("Validation failed: Allowed ip addresses contains an invalid IPv4 CIDR "
                          "block: 10.0.0.256/8");
    QTest::newRow("prefix too long")
        << post << with("allowed_ip_addresses", QStringLiteral("10.0.0.0/33"))
        << QStringLiteral("Validation failed: Allowed ip addresses contains an invalid IPv4 CIDR "
                          "block: 10.0.0.0/33");
    QTest::newRow("IPv6") << QByteArray("PATCH")
                          << with("allowed_ip_addresses", QStringLiteral("2001:db8::/32"))
                          << QStringLiteral("Validation failed: Allowed ip addresses contains an "
                                            "invalid IPv4 CIDR block: 2001:db8::/32");
    QStringList many;
    for (int i = 0; i < 25; ++i)
        many.append(QStringLiteral("10.%1.0.0/16").arg(i));
    QTest::newRow("25 blocks") << post << with("allowed_ip_addresses", many.join(QLatin1Char(' ')))
                               << QStringLiteral("Validation failed: Allowed ip addresses can "
                                                 "contain at most 24 CIDR blocks (got 25)");
    QTest::newRow("allowlist as an array")
        << post << with("allowed_ip_addresses", QJsonArray { QStringLiteral("10.0.0.0/8") })
        << QStringLiteral("Validation failed: Allowed ip addresses must be a string of "
                          "space-separated IPv4 CIDR blocks");
}

void TestSandboxTokens::agentTokenValidation()
{
    QFETCH(QByteArray, verb);
    QFETCH(QJsonObject, body);
    QFETCH(QString, message);
    const QString cid = str(createCluster(QStringLiteral("Token validation")), "id");
    const QJsonObject existing
        = createToken(cid, { { QStringLiteral("description"), QStringLiteral("existing") } });
    const QString tokens = org() + QStringLiteral("/clusters/%1/tokens").arg(cid);
    const HttpResult r = m_http->send(
        verb, verb == "POST" ? tokens : tokens + QLatin1Char('/') + str(existing, "id"), body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), message);
    QCOMPARE(all(tokens).size(), 1);
    QCOMPARE(str(all(tokens).first().toObject(), "description"), QStringLiteral("existing"));
}

void TestSandboxTokens::agentTokenExpiryCannotChange()
{
    const QString cid = str(createCluster(QStringLiteral("Fixed expiry")), "id");
    const QString expires = QDateTime::currentDateTimeUtc().addDays(2).toString(Qt::ISODateWithMs);
    const QJsonObject t = createToken(cid,
        { { QStringLiteral("description"), QStringLiteral("fixed") },
            { QStringLiteral("expires_at"), expires } });
    const QString path = org() + QStringLiteral("/clusters/%1/tokens/%2").arg(cid, str(t, "id"));
    HttpResult r = m_http->send("PATCH", path,
        QJsonObject { { QStringLiteral("expires_at"),
            QDateTime::currentDateTimeUtc().addDays(9).toString(Qt::ISODateWithMs) } });
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(),
        QStringLiteral(
            "Validation failed: Expires at cannot be changed after the token is created"));
    r = m_http->send("PATCH", path, QJsonObject { { QStringLiteral("expires_at"), QJsonValue() } });
    QCOMPARE(r.status, 422);
    // Echoing the stored value back is accepted and changes nothing.
    r = m_http->send("PUT", path,
        QJsonObject { { QStringLiteral("description"), QStringLiteral("still fixed") },
            { QStringLiteral("expires_at"), str(t, "expires_at") } });
    QCOMPARE(r.status, 200);
    QCOMPARE(str(r.object(), "expires_at"), str(t, "expires_at"));
    QCOMPARE(str(r.object(), "description"), QStringLiteral("still fixed"));
}

void TestSandboxTokens::agentTokenValueFormat()
{
    // Agent token values made since April 2025: "bkct_" and about 73 characters.
    static const QRegularExpression format(QStringLiteral("^bkct_[A-Za-z0-9]{73}$"));
    const QString cid = str(createCluster(QStringLiteral("Format")), "id");
    QSet<QString> values;
    for (int i = 0; i < 5; ++i) {
        const QString value = str(
            createToken(cid, { { QStringLiteral("description"), QStringLiteral("t%1").arg(i) } }),
            "token");
        QVERIFY2(format.match(value).hasMatch(), qPrintable(value));
        values.insert(value);
    }
    QCOMPARE(values.size(), 5);
}

void TestSandboxTokens::changingTheAllowlistDisconnectsAgents()
{
    const QString cid = clusterIdNamed(QStringLiteral("Packages"));
    const QJsonObject t = createToken(cid,
        { { QStringLiteral("description"), QStringLiteral("Office runners") },
            { QStringLiteral("allowed_ip_addresses"),
                QStringLiteral("192.0.2.0/24 198.51.100.0/24") } });
    QString queue;
    for (const QJsonValue& q : all(org() + QStringLiteral("/clusters/%1/queues").arg(cid))) {
        if (str(q.toObject(), "key") == QLatin1String("signing"))
            queue = str(q.toObject(), "id");
    }
    SandboxServer::AgentOptions inside, outside, other;
    inside.tokenId = outside.tokenId = str(t, "id");
    inside.ipAddress = QStringLiteral("192.0.2.10");
    outside.ipAddress = QStringLiteral("198.51.100.7");
    other.ipAddress = QStringLiteral("198.51.100.8"); // registered with another token
    const QString stays = m_server.connectAgent(queue, inside);
    const QString goes = m_server.connectAgent(queue, outside);
    const QString elsewhere = m_server.connectAgent(queue, other);
    QCOMPARE(m_http->get(org() + QStringLiteral("/agents/") + goes)
                 .object()
                 .value(QLatin1StringView("ip_address")),
        QJsonValue(QStringLiteral("198.51.100.7")));

    const QString path = org() + QStringLiteral("/clusters/%1/tokens/%2").arg(cid, str(t, "id"));
    QCOMPARE(m_http->send("PATCH", path, QByteArray(R"({"allowed_ip_addresses":"192.0.2.0/24"})"))
                 .status,
        200);
    QCOMPARE(m_server.agentConnectionState(stays), QStringLiteral("connected"));
    QCOMPARE(m_server.agentConnectionState(goes), QStringLiteral("disconnected"));
    QCOMPARE(m_server.agentConnectionState(elsewhere), QStringLiteral("connected"));
    // A description change leaves everyone connected; so does deleting the token.
    QCOMPARE(m_http->send("PATCH", path, QByteArray(R"({"description":"renamed"})")).status, 200);
    QCOMPARE(m_http->send("DELETE", path).status, 204);
    QCOMPARE(m_server.agentConnectionState(stays), QStringLiteral("connected"));
    // By default an agent registers with the cluster's first token, from an address it allows.
    const QJsonObject plain
        = m_http->get(org() + QStringLiteral("/agents/") + m_server.connectAgent(queue)).object();
    QCOMPARE(str(plain, "ip_address"), QStringLiteral("198.51.100.24"));
}

QTEST_GUILESS_MAIN(TestSandboxTokens)
#include "tst_sandbox_tokens.moc"
