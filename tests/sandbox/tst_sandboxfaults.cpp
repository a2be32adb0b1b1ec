#include "httpprobe.h"
#include "sandboxserver.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

// Fault injection: what the client's error handling and the benchmark are tested against.
class TestSandboxFaults : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void latencyIsAsynchronous();
    void latencyKeepsResponsesInRequestOrder();
    void failPathCountsDown();
    void failPathFiltersByVerbAndUsesTheGivenBody();
    void failureRate();
    void dropConnectionCutsTheBodyShort();
    void droppedWriteStillHappened();
    void malformedJson();
    void redirect();
    void clearFaultsRestoresNormalService();
    void listenReportsErrors();
    void connectionCloseIsHonoured();

private:
    QString clusters() const { return QStringLiteral("/v2/organizations/kitedeck-demo/clusters"); }

    SandboxServer m_server;
    std::unique_ptr<HttpProbe> m_http;
};

namespace {
// A dropped connection as QNetworkAccessManager 6.4 reports it: a network error, or (racing
// its own end-of-stream handling) a "successful" reply with fewer bytes than Content-Length.
bool isCutShort(const HttpResult& r)
{
    if (r.error != QNetworkReply::NoError)
        return true;
    bool ok = false;
    const qint64 promised = r.header("Content-Length").toLongLong(&ok);
    return ok && r.body.size() < promised;
}
} // namespace

void TestSandboxFaults::initTestCase()
{
    QVERIFY2(m_server.listen(), qPrintable(m_server.errorString()));
    m_http = std::make_unique<HttpProbe>(m_server.baseUrl(), m_server.readWriteToken());
}

void TestSandboxFaults::init()
{
    m_server.clearFaults();
    m_server.seedDemo();
    m_server.clearRequests();
}

void TestSandboxFaults::latencyIsAsynchronous()
{
    constexpr int latency = 50;
    constexpr int count = 40;
    m_server.setLatency(latency);
    QSignalSpy served(&m_server, &SandboxServer::requestServed);
    QList<QNetworkReply*> replies;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < count; ++i)
        replies.append(m_http->start(
            "GET", clusters() + QStringLiteral("?per_page=1&page=%1").arg(i % 30 + 1)));
    for (QNetworkReply* reply : std::as_const(replies)) {
        const HttpResult r = HttpProbe::wait(reply);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 1);
    }
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(served.size(), count);
    QCOMPARE(m_server.openRequests(), 0);
    // QNetworkAccessManager opens six connections per host: with a timer-driven delay all six
    // wait at the same time. A blocking delay would never have two open.
    QVERIFY2(m_server.maxConcurrentOpen() > 1,
        qPrintable(QString::number(m_server.maxConcurrentOpen())));
    QVERIFY(elapsed >= latency);
    QVERIFY2(elapsed < count * latency, qPrintable(QString::number(elapsed)));
    qInfo("40 requests with %d ms latency took %lld ms, at most %d open at once", latency, elapsed,
        m_server.maxConcurrentOpen());
}

void TestSandboxFaults::latencyKeepsResponsesInRequestOrder()
{
    // Two requests pipelined on one raw connection, the first slow and the second instant:
    // the second answer still waits for the first.
    m_server.setLatency(150);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray auth = "Authorization: Bearer " + m_server.readWriteToken().toUtf8() + "\r\n";
    socket.write("GET /v2/organizations/kitedeck-demo/clusters/missing HTTP/1.1\r\nHost: x\r\n"
        + auth + "\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 1, 5000);
    m_server.setLatency(0);
    socket.write("GET /v2/organizations/kitedeck-demo/clusters?per_page=1 HTTP/1.1\r\nHost: x\r\n"
        + auth + "\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(m_server.requests().size(), 2, 5000);
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).count("HTTP/1.1 ") == 2, 5000);
    const qsizetype first = received.indexOf("HTTP/1.1 404");
    const qsizetype second = received.indexOf("HTTP/1.1 200");
    QVERIFY(first >= 0);
    QVERIFY(second > first);
}

void TestSandboxFaults::failPathCountsDown()
{
    m_server.failPath(QStringLiteral("/clusters$"), 503, {}, 2);
    for (int i = 0; i < 2; ++i) {
        const HttpResult r = m_http->get(clusters());
        QCOMPARE(r.status, 503);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QCOMPARE(r.message(), QStringLiteral("Service Unavailable"));
    }
    QCOMPARE(m_http->get(clusters()).status, 200);
    // Only the pattern's paths.
    m_server.failPath(QStringLiteral("/tokens$"), 500);
    QCOMPARE(m_http->get(clusters()).status, 200);
    QCOMPARE(m_http->get(QStringLiteral("/v2/access-token")).status, 200);
}

void TestSandboxFaults::failPathFiltersByVerbAndUsesTheGivenBody()
{
    const QByteArray html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    m_server.failPath(QStringLiteral("^/v2/organizations/[^/]+/clusters$"), 502, html, -1, "post");
    QCOMPARE(m_http->get(clusters()).status, 200);
    const int before = m_server.clusterCount();
    for (int i = 0; i < 3; ++i) {
        const HttpResult r = m_http->send("POST", clusters(), QByteArray(R"({"name":"never"})"));
        QCOMPARE(r.status, 502);
        QCOMPARE(r.body, html);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
    }
    QCOMPARE(m_server.clusterCount(), before); // the request never reached the API

    m_server.clearFaults();
    m_server.failPath(QStringLiteral("/clusters$"), 422,
        R"({"message":"Reason the cluster couldn't be deleted"})", 1);
    const HttpResult r = m_http->get(clusters());
    QCOMPARE(r.status, 422);
    QCOMPARE(r.message(), QStringLiteral("Reason the cluster couldn't be deleted"));
}

void TestSandboxFaults::failureRate()
{
    m_server.setFailureRate(1.0, 502);
    for (int i = 0; i < 3; ++i) {
        const HttpResult r = m_http->get(clusters());
        QCOMPARE(r.status, 502);
        QCOMPARE(r.message(), QStringLiteral("Bad Gateway"));
    }
    m_server.setFailureRate(0.5);
    int failures = 0;
    for (int i = 0; i < 40; ++i) {
        const HttpResult r = m_http->get(clusters() + QStringLiteral("?per_page=1"));
        QVERIFY(r.status == 200 || r.status == 500);
        failures += r.status == 500;
    }
    QVERIFY2(failures > 0 && failures < 40, qPrintable(QString::number(failures)));
    m_server.setFailureRate(0);
    QCOMPARE(m_http->get(clusters()).status, 200);
}

void TestSandboxFaults::dropConnectionCutsTheBodyShort()
{
    // Every attempt is cut, so QNetworkAccessManager's own silent resends cannot hide it.
    m_server.dropConnectionOnPath(QStringLiteral("/clusters$"));
    const HttpResult dropped = m_http->get(clusters());
    QVERIFY(dropped.finished);
    QVERIFY(!m_server.requests().isEmpty());
    QVERIFY2(isCutShort(dropped), qPrintable(QString::number(dropped.error)));
    m_server.clearFaults();
    const HttpResult whole = m_http->get(clusters());
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.error, QNetworkReply::NoError);
    QVERIFY(!isCutShort(whole));
    QVERIFY(dropped.body.size() < whole.body.size());

    // On the wire: a Content-Length that the bytes never reach, then EOF.
    m_server.dropConnectionOnPath(QStringLiteral("/clusters$"), 1);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(
        "GET /v2/organizations/kitedeck-demo/clusters HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
        + m_server.readWriteToken().toUtf8() + "\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT(
        (received += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 5000);
    received += socket.readAll();
    const qsizetype headerEnd = received.indexOf("\r\n\r\n");
    QVERIFY(headerEnd > 0);
    QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
    const QByteArray head = received.left(headerEnd);
    const qsizetype at = head.indexOf("Content-Length: ");
    QVERIFY(at > 0);
    const qint64 promised = head.mid(at + 16, head.indexOf("\r\n", at) - at - 16).toLongLong();
    const qint64 sent = received.size() - headerEnd - 4;
    QVERIFY(sent > 0);
    QVERIFY(sent < promised);
}

void TestSandboxFaults::droppedWriteStillHappened()
{
    // The lost response of a POST is the case where a client must not retry on its own: the
    // cluster exists although the client never heard so.
    m_server.dropConnectionOnPath(QStringLiteral("/clusters$"));
    const int before = m_server.clusterCount();
    const HttpResult r
        = m_http->send("POST", clusters(), QByteArray(R"({"name":"Half-answered"})"));
    QVERIFY(isCutShort(r));
    const qsizetype attempts = m_server.requests().size();
    QVERIFY(attempts >= 1);
    QCOMPARE(m_server.clusterCount(), before + int(attempts));
}

void TestSandboxFaults::malformedJson()
{
    m_server.malformJsonOnPath(QStringLiteral("/clusters$"), 2);
    for (int i = 0; i < 2; ++i) {
        const HttpResult r = m_http->get(clusters());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.error, QNetworkReply::NoError);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json; charset=utf-8"));
        QJsonParseError error;
        QJsonDocument::fromJson(r.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }
    const HttpResult ok = m_http->get(clusters());
    QJsonParseError error;
    QJsonDocument::fromJson(ok.body, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
}

void TestSandboxFaults::redirect()
{
    const QUrl elsewhere(QStringLiteral("https://attacker.example/collect"));
    m_server.redirectPath(QStringLiteral("/clusters$"), elsewhere, 1);
    const HttpResult r = m_http->get(clusters());
    QCOMPARE(r.status, 302);
    QCOMPARE(r.header("Location"), elsewhere.toEncoded());
    QCOMPARE(m_http->get(clusters()).status, 200);
}

void TestSandboxFaults::clearFaultsRestoresNormalService()
{
    m_server.setLatency(30);
    m_server.setFailureRate(1.0);
    m_server.failPath(QStringLiteral("."), 500);
    m_server.dropConnectionOnPath(QStringLiteral("."));
    m_server.malformJsonOnPath(QStringLiteral("."));
    m_server.redirectPath(QStringLiteral("."), QUrl(QStringLiteral("http://127.0.0.1:1/")));
    m_server.setRateLimit(1);
    m_server.clearFaults();
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 3; ++i) {
        const HttpResult r = m_http->get(clusters());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.array().size(), 30);
    }
    QVERIFY(clock.elapsed() < 3 * 30 + 1000);
}

void TestSandboxFaults::listenReportsErrors()
{
    SandboxServer second;
    QVERIFY(!second.listen(m_server.port()));
    QVERIFY(!second.errorString().isEmpty());
    QCOMPARE(second.port(), quint16(0));
    QVERIFY(second.listen());
    QVERIFY(!second.listen());
}

void TestSandboxFaults::connectionCloseIsHonoured()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server.port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT(
        (received += socket.readAll(), socket.state() == QAbstractSocket::UnconnectedState), 5000);
    received += socket.readAll();
    QVERIFY(received.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(received.contains("\r\nConnection: close\r\n"));
    QVERIFY(received.endsWith("}"));
}

QTEST_GUILESS_MAIN(TestSandboxFaults)
#include "tst_sandboxfaults.moc"
