// SPDX-License-Identifier: MIT
#include "sandboxtestcase.h"

#include <QSignalSpy>
#include <QTest>

using namespace SandboxTest;

// Pagination (Link headers, per_page) and the two rate windows.
// Plain HTTP over loopback against the sandbox; statuses, bodies and headers are checked
// exactly.
class TestSandboxPagingRateLimit final : public SandboxTestCase {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(start()); }
    void init() { reset(); }

    void paginationAcrossPages();
    void paginationDefaultsAndCap();
    void paginationOfQueues();
    void rateLimitHeadersOnEveryResponse();
    void rateLimitExceeded();
    void paginationOfAgents();
    void organizationWindowIsEnforced();
    void userWindowIsEnforcedPerUser();
    void enforcementIsOptional();
};

void TestSandboxPagingRateLimit::paginationAcrossPages()
{
    const QString path = org() + QStringLiteral("/clusters");
    const QString base = m_server.baseUrl().toString() + path;
    const HttpResult first = m_http->get(path + QStringLiteral("?per_page=30"));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.array().size(), 30);
    QCOMPARE(first.header("Link"),
        QByteArray("<" + base.toUtf8() + "?page=1&per_page=30>; rel=\"first\", <" + base.toUtf8()
            + "?page=2&per_page=30>; rel=\"next\", <" + base.toUtf8()
            + "?page=2&per_page=30>; rel=\"last\""));
    const auto firstLinks = links(first);
    QVERIFY(!firstLinks.contains(QStringLiteral("prev")));

    const QUrl next(firstLinks.value(QStringLiteral("next")));
    QCOMPARE(next.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(next.port(), int(m_server.port()));
    const HttpResult second = m_http->get(next.path() + QLatin1Char('?') + next.query());
    QCOMPARE(second.status, 200);
    const int total = m_server.clusterCount();
    QVERIFY(total >= 32);
    QCOMPARE(second.array().size(), total - 30);
    const auto secondLinks = links(second);
    QVERIFY(!secondLinks.contains(QStringLiteral("next")));
    QCOMPARE(
        secondLinks.value(QStringLiteral("prev")), base + QStringLiteral("?page=1&per_page=30"));
    QCOMPARE(
        secondLinks.value(QStringLiteral("first")), base + QStringLiteral("?page=1&per_page=30"));
    QCOMPARE(
        secondLinks.value(QStringLiteral("last")), base + QStringLiteral("?page=2&per_page=30"));

    // Pages do not overlap and together are the whole list.
    QSet<QString> ids;
    for (const HttpResult* page : { &first, &second }) {
        for (const QJsonValue& c : page->array())
            ids.insert(str(c.toObject(), "id"));
    }
    QCOMPARE(ids.size(), total);

    const HttpResult beyond = m_http->get(path + QStringLiteral("?page=9&per_page=30"));
    QCOMPARE(beyond.status, 200);
    QCOMPARE(beyond.array().size(), 0);
}

void TestSandboxPagingRateLimit::paginationDefaultsAndCap()
{
    const QString path = org() + QStringLiteral("/clusters");
    const HttpResult byDefault = m_http->get(path);
    QCOMPARE(byDefault.array().size(), 30);
    QVERIFY(links(byDefault)
                .value(QStringLiteral("next"))
                .endsWith(QLatin1String("?page=2&per_page=30")));

    const HttpResult capped = m_http->get(path + QStringLiteral("?per_page=500"));
    QCOMPARE(capped.array().size(), m_server.clusterCount());
    const auto cappedLinks = links(capped);
    QVERIFY(!cappedLinks.contains(QStringLiteral("next")));
    QVERIFY(
        cappedLinks.value(QStringLiteral("last")).endsWith(QLatin1String("?page=1&per_page=100")));

    m_server.seedGenerated(150, 1, 0);
    const HttpResult hundred = m_http->get(path + QStringLiteral("?per_page=1000"));
    QCOMPARE(hundred.array().size(), 100);
    QVERIFY(links(hundred)
                .value(QStringLiteral("next"))
                .endsWith(QLatin1String("?page=2&per_page=100")));

    const HttpResult junk = m_http->get(path + QStringLiteral("?page=zero&per_page=-4"));
    QCOMPARE(junk.status, 200);
    QCOMPARE(junk.array().size(), 30);
}

void TestSandboxPagingRateLimit::paginationOfQueues()
{
    const QString cid = clusterIdNamed(QStringLiteral("Production"));
    const QString path = org() + QStringLiteral("/clusters/%1/queues").arg(cid);
    const int total = all(path).size();
    QVERIFY(total >= 4);
    QStringList keys;
    QString url = m_server.baseUrl().toString() + path + QStringLiteral("?per_page=2");
    int pages = 0;
    while (!url.isEmpty() && pages < 10) {
        const HttpResult page = m_http->get(url.mid(m_server.baseUrl().toString().size()));
        QCOMPARE(page.status, 200);
        QVERIFY(page.array().size() <= 2);
        for (const QJsonValue& q : page.array())
            keys.append(str(q.toObject(), "key"));
        url = links(page).value(QStringLiteral("next"));
        ++pages;
    }
    QCOMPARE(pages, (total + 1) / 2);
    QCOMPARE(keys.size(), total);
    QCOMPARE(QSet<QString>(keys.begin(), keys.end()).size(), total);
}

void TestSandboxPagingRateLimit::rateLimitHeadersOnEveryResponse()
{
    const QList<HttpResult> results = {
        m_http->send("GET", QStringLiteral("/"), {}, QByteArray()),
        m_http->get(org() + QStringLiteral("/clusters")),
        m_http->get(org() + QStringLiteral("/clusters/nope")),
        m_http->send("POST", org() + QStringLiteral("/clusters"), QByteArray("{}")),
        m_http->send("GET", org() + QStringLiteral("/clusters"), {}, QByteArray()),
    };
    for (const HttpResult& r : results) {
        for (const char* name : { "RateLimit-Remaining", "RateLimit-Limit", "RateLimit-Reset",
                 "RateLimit-User-Remaining", "RateLimit-User-Limit", "RateLimit-User-Reset" }) {
            bool ok = false;
            const int value = r.header(name).toInt(&ok);
            QVERIFY2(ok && value >= 0, name);
        }
        QCOMPARE(r.header("RateLimit-Limit"), QByteArray("200"));
        QCOMPARE(r.header("RateLimit-User-Limit"), QByteArray("50"));
        QVERIFY(r.header("RateLimit-Reset").toInt() <= 60);
    }
    // The user's window counts down with the user's requests.
    const int a = results.at(1).header("RateLimit-User-Remaining").toInt();
    const int b = results.at(2).header("RateLimit-User-Remaining").toInt();
    QCOMPARE(b, a - 1);
}

void TestSandboxPagingRateLimit::rateLimitExceeded()
{
    m_server.setRateLimit(3);
    const QString path = org() + QStringLiteral("/clusters?per_page=1");
    for (int i = 0; i < 3; ++i) {
        const HttpResult r = m_http->get(path);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("RateLimit-User-Limit"), QByteArray("3"));
        QCOMPARE(r.header("RateLimit-User-Remaining").toInt(), 2 - i);
    }
    const HttpResult limited = m_http->get(path);
    QCOMPARE(limited.status, 429);
    const QJsonObject body = limited.object();
    const int reset = body.value(QLatin1StringView("reset")).toInt();
    QVERIFY(reset >= 1 && reset <= 60);
    QCOMPARE(body,
        QJsonObject({ { QStringLiteral("message"),
                          QStringLiteral("You have exceeded your API rate limit. Please wait %1 "
                                         "seconds before making more requests.")
                              .arg(reset) },
            { QStringLiteral("scope"), QStringLiteral("rest_user") },
            { QStringLiteral("limit"), 3 }, { QStringLiteral("current"), 4 },
            { QStringLiteral("reset"), reset } }));
    QCOMPARE(limited.header("RateLimit-User-Remaining"), QByteArray("0"));
    QCOMPARE(limited.header("RateLimit-User-Reset").toInt(), reset);
    QCOMPARE(m_http->get(path).object().value(QLatin1StringView("current")).toInt(), 5);

    // Another user has a window of their own.
    const HttpResult other
        = m_http->send("GET", path, {}, "Bearer " + m_server.readOnlyToken().toUtf8());
    QCOMPARE(other.status, 200);

    // A write that is refused changes nothing.
    const int before = m_server.clusterCount();
    const HttpResult refused
        = m_http->send("POST", org() + QStringLiteral("/clusters"), QByteArray(R"({"name":"x"})"));
    QCOMPARE(refused.status, 429);
    QCOMPARE(m_server.clusterCount(), before);

    m_server.setRateLimit(0);
    QCOMPARE(m_http->get(path).status, 200);
}

void TestSandboxPagingRateLimit::paginationOfAgents()
{
    const QString path = org() + QStringLiteral("/agents");
    const int total = m_server.agentCount();
    QVERIFY(total > 30);
    const HttpResult byDefault = m_http->get(path);
    QCOMPARE(byDefault.array().size(), 30);
    QVERIFY(links(byDefault)
                .value(QStringLiteral("next"))
                .endsWith(QLatin1String("?page=2&per_page=30")));

    QStringList ids;
    QString url
        = m_server.baseUrl().toString() + path + QStringLiteral("?per_page=7&version=3.97.0");
    int pages = 0;
    while (!url.isEmpty() && pages < 50) {
        const HttpResult page = m_http->get(pathOf(url));
        QCOMPARE(page.status, 200);
        for (const QJsonValue& a : page.array()) {
            QCOMPARE(str(a.toObject(), "version"), QStringLiteral("3.97.0"));
            ids.append(str(a.toObject(), "id"));
        }
        url = links(page).value(QStringLiteral("next"));
        // The filter survives in every Link.
        QVERIFY(url.isEmpty() || url.contains(QLatin1String("version=3.97.0")));
        ++pages;
    }
    QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), ids.size());
    QCOMPARE(ids.size(),
        m_http->get(path + QStringLiteral("?per_page=100&version=3.97.0")).array().size());
    QCOMPARE(pages, (int(ids.size()) + 6) / 7);

    m_server.seedGenerated(10, 50, 1);
    const HttpResult capped = m_http->get(path + QStringLiteral("?per_page=500"));
    QCOMPARE(capped.array().size(), 100);
    QVERIFY(m_server.agentCount() > 100);
    QVERIFY(links(capped)
                .value(QStringLiteral("next"))
                .endsWith(QLatin1String("?page=2&per_page=100")));
}

void TestSandboxPagingRateLimit::organizationWindowIsEnforced()
{
    // The organisation's window counts everybody's requests.
    m_server.setRateLimits(5, 50);
    const QString path = org() + QStringLiteral("/clusters?per_page=1");
    const QByteArray other = bearer(m_server.readOnlyToken());
    for (int i = 0; i < 5; ++i) {
        const HttpResult r = i % 2 ? m_http->send("GET", path, {}, other) : m_http->get(path);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("RateLimit-Limit"), QByteArray("5"));
        QCOMPARE(r.header("RateLimit-Remaining").toInt(), 4 - i);
        QCOMPARE(r.header("RateLimit-User-Limit"), QByteArray("50"));
    }
    const HttpResult limited = m_http->send("GET", path, {}, other);
    QCOMPARE(limited.status, 429);
    const QJsonObject body = limited.object();
    const int reset = body.value(QLatin1StringView("reset")).toInt();
    QVERIFY(reset >= 1 && reset <= 60);
    QCOMPARE(body,
        QJsonObject({ { QStringLiteral("message"),
                          QStringLiteral("You have exceeded your API rate limit. Please wait %1 "
                                         "seconds before making more requests.")
                              .arg(reset) },
            { QStringLiteral("scope"), QStringLiteral("rest") }, { QStringLiteral("limit"), 5 },
            { QStringLiteral("current"), 6 }, { QStringLiteral("reset"), reset } }));
    QCOMPARE(limited.header("RateLimit-Remaining"), QByteArray("0"));
    QCOMPARE(limited.header("RateLimit-Reset").toInt(), reset);
    // The user's own window is far from spent, yet nobody gets through.
    QCOMPARE(limited.header("RateLimit-User-Remaining").toInt(), 47);
    QCOMPARE(m_http->get(path).status, 429);
    const int before = m_server.clusterCount();
    QCOMPARE(
        m_http->send("POST", org() + QStringLiteral("/clusters"), QByteArray(R"({"name":"x"})"))
            .status,
        429);
    QCOMPARE(m_server.clusterCount(), before);
}

void TestSandboxPagingRateLimit::userWindowIsEnforcedPerUser()
{
    m_server.setRateLimits(200, 2);
    const QString path = org() + QStringLiteral("/clusters?per_page=1");
    QCOMPARE(m_http->get(path).status, 200);
    QCOMPARE(m_http->get(path).status, 200);
    const HttpResult limited = m_http->get(path);
    QCOMPARE(limited.status, 429);
    QCOMPARE(str(limited.object(), "scope"), QStringLiteral("rest_user"));
    QCOMPARE(limited.object().value(QLatin1StringView("limit")).toInt(), 2);
    QCOMPARE(limited.object().value(QLatin1StringView("current")).toInt(), 3);
    QCOMPARE(limited.header("RateLimit-User-Remaining"), QByteArray("0"));
    QCOMPARE(limited.header("RateLimit-Remaining").toInt(), 197);
    QCOMPARE(limited.header("RateLimit-Limit"), QByteArray("200"));
    const HttpResult other = m_http->send("GET", path, {}, bearer(m_server.readOnlyToken()));
    QCOMPARE(other.status, 200);
    QCOMPARE(other.header("RateLimit-User-Remaining"), QByteArray("1"));
    QCOMPARE(other.header("RateLimit-Remaining").toInt(), 196);
}

void TestSandboxPagingRateLimit::enforcementIsOptional()
{
    // Off (the default), the windows still count but nothing is refused.
    const QString path = org() + QStringLiteral("/clusters?per_page=1");
    for (int i = 0; i < 55; ++i)
        QCOMPARE(m_http->get(path).status, 200);
    const HttpResult r = m_http->get(path);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("RateLimit-User-Remaining"), QByteArray("0"));
    QCOMPARE(r.header("RateLimit-User-Limit"), QByteArray("50"));
    // On with the defaults, the spent window now refuses; the limits restart from zero.
    m_server.setRateLimits(200, 50);
    QCOMPARE(m_http->get(path).header("RateLimit-User-Remaining"), QByteArray("49"));
    m_server.setRateLimits(0, 0);
    QCOMPARE(m_http->get(path).header("RateLimit-User-Limit"), QByteArray("50"));
}

QTEST_GUILESS_MAIN(TestSandboxPagingRateLimit)
#include "tst_sandbox_paging_ratelimit.moc"
