// SPDX-License-Identifier: MIT
#include "sandboxtestcase.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace SandboxTest;

// Faults on the wire and in the bytes: what a client's transport, deadlines, parsers and
// message display are tested against.
class TestSandboxWireFaults final : public SandboxTestCase {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(start()); }
    void init() { reset(); }

    void closeWithoutAnswerSendsNothing();
    void qtResendsAWriteThatWasNeverAnswered();
    void unansweredWriteThatNeverHappened();
    void closedEveryTimeTheClientGivesUp();
    void dripSendsTheAnswerByteByByte();
    void dripHoldsAClientUntilItsDeadline();
    void oversizedBodyStreams();
    void oversizedBodyCanBeAbandoned();
    void resetMidBodyFiltersByVerb();
    void truncatedJsonOfTheRealAnswer();
    void wrongTypesInTheRealAnswer();
    void html502();
    void messageWithControlCharacters_data();
    void messageWithControlCharacters();
    void rateLimited_data();
    void rateLimited();
    void receivedCountsPerVerbAndPath();

private:
    QString clusters() const { return org() + QStringLiteral("/clusters"); }
    // One request ("Connection: close") on a fresh raw connection; everything received until the
    // server closes it.
    QByteArray rawExchange(
        const QByteArray& verb, const QString& path, const QByteArray& body = {});
};

QByteArray TestSandboxWireFaults::rawExchange(
    const QByteArray& verb, const QString& path, const QByteArray& body)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    if (!socket.waitForConnected(5000))
        return "not connected";
    socket.write(verb + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + m_server.readWriteToken().toUtf8()
        + "\r\nConnection: close\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    // The server runs in this thread: wait with the event loop running, never blocked.
    QByteArray received;
    QElapsedTimer clock;
    clock.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && clock.elapsed() < 5000) {
        QTest::qWait(5);
        received += socket.readAll();
    }
    return received + socket.readAll();
}

void TestSandboxWireFaults::closeWithoutAnswerSendsNothing()
{
    m_server.closeWithoutAnswer(QStringLiteral("/clusters$"), 1);
    const int before = m_server.clusterCount();
    const QByteArray received = rawExchange("POST", clusters(), QByteArray(R"({"name":"Raw"})"));
    QCOMPARE(received, QByteArray());
    QCOMPARE(m_server.receivedCount("POST", clusters()), 1);
    QCOMPARE(m_server.clusterCount(), before + 1); // handled: the write happened
    QTRY_COMPARE(m_server.openRequests(), 0);
    // Only once: the next request is answered.
    QVERIFY(rawExchange("GET", QStringLiteral("/")).startsWith("HTTP/1.1 200 OK\r\n"));
}

void TestSandboxWireFaults::qtResendsAWriteThatWasNeverAnswered()
{
    // QNetworkAccessManager 6.4 treats a connection closed before any byte of the answer as
    // a stale keep-alive and sends the request again by itself, a POST too: the server sees
    // the write twice and the client sees only the second answer.
    QCOMPARE(m_http->get(QStringLiteral("/")).status, 200); // warm a keep-alive connection
    m_server.closeWithoutAnswer(QStringLiteral("/clusters$"), 1, "POST");
    const int before = m_server.clusterCount();
    const HttpResult r = m_http->send("POST", clusters(), QByteArray(R"({"name":"Twice"})"));
    QCOMPARE(r.status, 201);
    QCOMPARE(m_server.receivedCount("POST", clusters()), 2);
    QCOMPARE(m_server.clusterCount(), before + 2);
    int named = 0;
    for (const QJsonValue& c : all(clusters()))
        named += str(c.toObject(), "name") == QLatin1String("Twice");
    QCOMPARE(named, 2);
}

void TestSandboxWireFaults::unansweredWriteThatNeverHappened()
{
    m_server.closeWithoutAnswer(QStringLiteral("/clusters$"), 1, "POST", false);
    const int before = m_server.clusterCount();
    const HttpResult r = m_http->send("POST", clusters(), QByteArray(R"({"name":"Once"})"));
    QCOMPARE(r.status, 201); // the resend was answered
    QCOMPARE(m_server.receivedCount("POST", clusters()), 2);
    QCOMPARE(m_server.clusterCount(), before + 1);
    // GETs are not touched by a POST-only fault.
    QCOMPARE(m_server.receivedCount("GET", clusters()), 0);
}

void TestSandboxWireFaults::closedEveryTimeTheClientGivesUp()
{
    m_server.closeWithoutAnswer(QStringLiteral("/clusters$"), -1, "POST");
    const int before = m_server.clusterCount();
    const HttpResult r = m_http->send("POST", clusters(), QByteArray(R"({"name":"Lost"})"));
    QVERIFY(r.finished);
    QCOMPARE(r.status, 0);
    QVERIFY2(r.error != QNetworkReply::NoError, qPrintable(QString::number(r.error)));
    const int arrivals = m_server.receivedCount("POST", clusters());
    QVERIFY2(arrivals >= 2, qPrintable(QString::number(arrivals)));
    QCOMPARE(m_server.clusterCount(), before + arrivals);
    qInfo("an unanswered POST arrived %d times before QNetworkAccessManager gave up (error %d)",
        arrivals, int(r.error));
}

void TestSandboxWireFaults::dripSendsTheAnswerByteByByte()
{
    const QString path = QStringLiteral("/v2/access-token");
    const HttpResult normal = m_http->get(path);
    m_server.dripResponse(QStringLiteral("/access-token$"), 1, 1);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /v2/access-token HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: "
                 "Bearer "
        + m_server.readWriteToken().toUtf8() + "\r\n\r\n");
    QByteArray received;
    int reads = 0;
    QElapsedTimer clock;
    clock.start();
    while (socket.state() != QAbstractSocket::UnconnectedState && clock.elapsed() < 20000) {
        QTest::qWait(1);
        const QByteArray chunk = socket.readAll();
        reads += !chunk.isEmpty();
        received += chunk;
    }
    received += socket.readAll();
    QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(received.endsWith(normal.body));
    // Hundreds of bytes, one a millisecond: they cannot all have come in a few reads.
    QVERIFY2(reads > received.size() / 20, qPrintable(QString::number(reads)));
    QVERIFY(clock.elapsed() >= received.size() / 2);

    // Through QNetworkAccessManager the answer is whole and valid, only slow.
    m_server.dripResponse(QStringLiteral("/access-token$"), 1, 1);
    const HttpResult dripped = m_http->get(path);
    QCOMPARE(dripped.status, 200);
    QCOMPARE(dripped.body, normal.body);
}

void TestSandboxWireFaults::dripHoldsAClientUntilItsDeadline()
{
    // Bytes keep coming, so only an overall deadline ends the wait; the server stops dripping
    // once the client hangs up.
    m_server.dripResponse(QStringLiteral("/clusters$"), 20);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply* reply = m_http->start("GET", clusters());
    QTimer::singleShot(600, reply, &QNetworkReply::abort);
    const HttpResult r = HttpProbe::wait(reply);
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError);
    QVERIFY2(clock.elapsed() >= 550, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_server.openRequests(), 1); // still dripping...
    QTRY_COMPARE_WITH_TIMEOUT(m_server.openRequests(), 0, 5000); // ...until it sees the hang-up
}

void TestSandboxWireFaults::oversizedBodyStreams()
{
    m_server.oversizedBody(QStringLiteral("/clusters$"), 8, 1);
    const HttpResult r = m_http->get(clusters());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.error, QNetworkReply::NoError);
    QCOMPARE(r.header("Content-Length"), QByteArray::number(8 * 1024 * 1024));
    QCOMPARE(r.body.size(), 8 * 1024 * 1024);
    QVERIFY(r.body.startsWith("[{\"id\":"));
    QJsonParseError error;
    QJsonDocument::fromJson(r.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QCOMPARE(m_http->get(clusters()).array().size(), 30); // once only
}

void TestSandboxWireFaults::oversizedBodyCanBeAbandoned()
{
    // A client that stops reading at its own limit: the server neither hangs nor keeps the
    // body in memory, and carries on.
    m_server.oversizedBody(QStringLiteral("/clusters$"), 512, 1);
    QNetworkReply* reply = m_http->start("GET", clusters());
    qint64 seen = 0;
    connect(reply, &QNetworkReply::readyRead, reply, [&] {
        seen += reply->readAll().size();
        if (seen > 2 * 1024 * 1024)
            reply->abort();
    });
    const HttpResult r = HttpProbe::wait(reply, 20000);
    QCOMPARE(r.error, QNetworkReply::OperationCanceledError);
    QVERIFY(seen > 2 * 1024 * 1024);
    QVERIFY(seen < 512LL * 1024 * 1024);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.openRequests(), 0, 5000);
    QCOMPARE(m_http->get(clusters()).status, 200);
}

void TestSandboxWireFaults::resetMidBodyFiltersByVerb()
{
    m_server.resetMidBody(QStringLiteral("/clusters$"), -1, "POST");
    QCOMPARE(m_http->get(clusters()).status, 200);
    const int before = m_server.clusterCount();
    const HttpResult r = m_http->send("POST", clusters(), QByteArray(R"({"name":"Cut"})"));
    bool ok = false;
    const qint64 promised = r.header("Content-Length").toLongLong(&ok);
    QVERIFY(r.error != QNetworkReply::NoError || (ok && r.body.size() < promised));
    // The write happened (once per arrival), though the answer never arrived whole.
    QCOMPARE(m_server.clusterCount(), before + m_server.receivedCount("POST", clusters()));
}

void TestSandboxWireFaults::truncatedJsonOfTheRealAnswer()
{
    const HttpResult whole = m_http->get(clusters());
    m_server.truncateJson(QStringLiteral("/clusters$"), 1, "GET");
    const HttpResult cut = m_http->get(clusters());
    QCOMPARE(cut.status, 200);
    QCOMPARE(cut.error, QNetworkReply::NoError);
    QCOMPARE(cut.header("Content-Length").toLongLong(), cut.body.size());
    QCOMPARE(cut.body, whole.body.left(whole.body.size() / 2));
    QJsonParseError error;
    QJsonDocument::fromJson(cut.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
    QCOMPARE(cut.header("Link"), whole.header("Link"));
    QCOMPARE(m_http->get(clusters()).body, whole.body);
}

void TestSandboxWireFaults::wrongTypesInTheRealAnswer()
{
    const QString cid = clusterIdNamed(QStringLiteral("Production"));
    const QString queues = org() + QStringLiteral("/clusters/%1/queues").arg(cid);
    m_server.wrongTypes(QStringLiteral("/queues$"), 1);
    const QJsonObject q = m_http->get(queues).array().first().toObject();
    QCOMPARE(q.value(QLatin1StringView("dispatch_paused")), QJsonValue(QStringLiteral("no")));
    QCOMPARE(q.value(QLatin1StringView("hosted")), QJsonValue(QStringLiteral("no")));
    QVERIFY(q.value(QLatin1StringView("id")).isDouble());
    QVERIFY(q.value(QLatin1StringView("created_at")).isDouble());
    QVERIFY(obj(q, "created_by").value(QLatin1StringView("id")).isDouble());
    QVERIFY(q.value(QLatin1StringView("key")).isString());

    m_server.wrongTypes(QStringLiteral("/agents/"), 1);
    const QString agentId = m_server.agentIds().constFirst();
    const QJsonObject a = m_http->get(org() + QStringLiteral("/agents/") + agentId).object();
    QCOMPARE(a.value(QLatin1StringView("paused")), QJsonValue(QStringLiteral("no")));
    QVERIFY(a.value(QLatin1StringView("connected_at")).isDouble());
    // Once only.
    QVERIFY(
        m_http->get(queues).array().first().toObject().value(QLatin1StringView("id")).isString());
}

void TestSandboxWireFaults::html502()
{
    m_server.html502(QStringLiteral("/clusters$"), 2, "POST");
    const int before = m_server.clusterCount();
    for (int i = 0; i < 2; ++i) {
        const HttpResult r = m_http->send("POST", clusters(), QByteArray(R"({"name":"x"})"));
        QCOMPARE(r.status, 502);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        QVERIFY(r.body.contains("<h1>502 Bad Gateway</h1>"));
        QVERIFY(r.message().isEmpty()); // no JSON to read a message from
    }
    QCOMPARE(m_server.clusterCount(), before); // never reached the API
    QCOMPARE(m_http->send("POST", clusters(), QByteArray(R"({"name":"x"})")).status, 201);
}

void TestSandboxWireFaults::messageWithControlCharacters_data()
{
    QTest::addColumn<bool>("raw");
    QTest::newRow("raw") << true;
    QTest::newRow("JSON-escaped") << false;
}

void TestSandboxWireFaults::messageWithControlCharacters()
{
    QFETCH(bool, raw);
    // A terminal title (OSC 0 ... BEL), a colour, a bell, a line break and a quote.
    const QByteArray message = "Denied\x1b]0;pwned\x07 \x1b[31mred\x1b[0m\x07\nsecond \"line\"";
    m_server.failWithMessage(QStringLiteral("/clusters$"), 403, message, 1, {},
        raw ? SandboxServer::ControlCharacters::Raw
            : SandboxServer::ControlCharacters::JsonEscaped);
    const HttpResult r = m_http->get(clusters());
    QCOMPARE(r.status, 403);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(r.body.contains('\x1b'), raw);
    QCOMPARE(r.body.contains('\x07'), raw);
    QCOMPARE(r.body.contains('\n'), raw);
    QCOMPARE(r.body.contains("\\u001b"), !raw);
    // Either way a JSON reader gets the characters back.
    QCOMPARE(r.message().toUtf8(), message);
}

void TestSandboxWireFaults::rateLimited_data()
{
    QTest::addColumn<std::optional<qint64>>("reset");
    QTest::addColumn<std::optional<QByteArray>>("header");
    QTest::addColumn<std::optional<QByteArray>>("retryAfter");
    using R = std::optional<qint64>;
    using H = std::optional<QByteArray>;
    QTest::newRow("ordinary") << R(42) << H("42") << H();
    QTest::newRow("zero") << R(0) << H("0") << H("0");
    QTest::newRow("past a 32-bit millisecond timer") << R(2147484) << H("2147484") << H("2147484");
    QTest::newRow("epoch timestamps")
        << R(1767225600) << H("1767225600") << H("Thu, 01 Jan 2026 00:00:00 GMT");
    QTest::newRow("all absent") << R() << H() << H();
    QTest::newRow("negative and junk") << R(-5) << H("soon") << H("-1");
}

void TestSandboxWireFaults::rateLimited()
{
    QFETCH(std::optional<qint64>, reset);
    QFETCH(std::optional<QByteArray>, header);
    QFETCH(std::optional<QByteArray>, retryAfter);
    SandboxServer::RateLimitAnswer answer;
    answer.reset = reset;
    answer.resetHeader = header;
    answer.retryAfter = retryAfter;
    answer.current = 77;
    m_server.rateLimitPath(QStringLiteral("/clusters$"), answer, 1, "POST");
    const int before = m_server.clusterCount();
    const HttpResult r = m_http->send("POST", clusters(), QByteArray(R"({"name":"never"})"));
    QCOMPARE(r.status, 429);
    const QJsonObject body = r.object();
    QCOMPARE(str(body, "scope"), QStringLiteral("rest_user"));
    QCOMPARE(body.value(QLatin1StringView("limit")).toInt(), 50);
    QCOMPARE(body.value(QLatin1StringView("current")).toInt(), 77);
    QVERIFY(
        str(body, "message").startsWith(QLatin1String("You have exceeded your API rate limit")));
    QCOMPARE(body.contains(QLatin1StringView("reset")), reset.has_value());
    if (reset)
        QCOMPARE(body.value(QLatin1StringView("reset")).toInteger(), *reset);
    for (const char* name : { "RateLimit-Reset", "RateLimit-User-Reset" }) {
        QCOMPARE(r.hasHeader(name), header.has_value());
        if (header)
            QCOMPARE(r.header(name), *header);
    }
    QCOMPARE(r.hasHeader("Retry-After"), retryAfter.has_value());
    if (retryAfter)
        QCOMPARE(r.header("Retry-After"), *retryAfter);
    QCOMPARE(r.header("RateLimit-User-Remaining"), QByteArray("0"));
    QCOMPARE(r.header("RateLimit-Limit"), QByteArray("200"));
    QCOMPARE(m_server.clusterCount(), before); // refused before anything happened
    QCOMPARE(m_http->send("POST", clusters(), QByteArray(R"({"name":"now"})")).status, 201);
}

void TestSandboxWireFaults::receivedCountsPerVerbAndPath()
{
    const QString one = clusters() + QLatin1Char('/') + clusterIdNamed(QStringLiteral("Staging"));
    m_server.clearRequests();
    m_http->get(one);
    m_http->get(one + QStringLiteral("?page=2"));
    m_http->send("PATCH", one, QByteArray(R"({"description":"x"})"));
    QCOMPARE(m_server.receivedCount("GET", one), 2); // the query is not part of the path
    QCOMPARE(m_server.receivedCount("get", one), 2);
    QCOMPARE(m_server.receivedCount("PATCH", one), 1);
    QCOMPARE(m_server.receivedCount("PUT", one), 0);
    QCOMPARE(m_server.receivedCount("GET", clusters()), 0);
    m_server.clearRequests();
    QCOMPARE(m_server.receivedCount("GET", one), 0);
}

QTEST_GUILESS_MAIN(TestSandboxWireFaults)
#include "tst_sandbox_wirefaults.moc"
