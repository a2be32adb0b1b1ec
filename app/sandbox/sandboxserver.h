// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

class QHttpServerRequest;
class QTcpSocket;
class SandboxApi;
class SandboxListener;
class SandboxState;
struct SandboxRequest;
struct SandboxResponse;

// A local Buildkite REST API v2 (clusters, queues, agent tokens, access-token) on 127.0.0.1.
// Serves the demo organisation, the integration tests and the benchmark. In-memory and
// single-threaded; slow or faulty answers are scheduled with timers, never by blocking.
//
// A new server has the two API tokens below and no clusters: call seedDemo() or
// seedGenerated() for data.
class SandboxServer final : public QObject {
    Q_OBJECT
public:
    explicit SandboxServer(QObject* parent = nullptr);
    ~SandboxServer() override;

    bool listen(quint16 port = 0); // 127.0.0.1 only; 0 = any free port
    bool isListening() const { return m_port != 0; }
    QString errorString() const;
    quint16 port() const;
    QUrl baseUrl() const; // "http://127.0.0.1:PORT" (API paths /v2/... below it)
    QString organization() const; // default "kitedeck-demo"
    void setOrganization(const QString& slug);

    // Stable values (the same in every run), so a pasted curl keeps working.
    QString readWriteToken() const; // scopes read_clusters write_clusters
    QString readOnlyToken() const; // scope read_clusters
    // Adds an API access token with these scopes, owned by the read-write token's user;
    // returns its value. expiresAt invalid = never.
    QString addApiToken(const QStringList& scopes, const QString& description = {},
        const QDateTime& expiresAt = {});
    void revokeApiToken(const QString& value);

    // Both replace every cluster: the demo organisation (33 clusters), or c x q x t of
    // generated data for the benchmark.
    void seedDemo();
    void seedGenerated(int clusters, int queuesPerCluster, int tokensPerCluster);
    void clearData(); // no clusters (API tokens and users stay)
    int clusterCount() const;

    // Fault injection (tests and benchmarks). Path patterns are QRegularExpression matched
    // (unanchored) against the URL path. With several path faults matching, the oldest wins;
    // times counts the requests it applies to.
    void setLatency(int milliseconds); // added to every response, asynchronously
    // Random failures with a JSON {"message"} body.
    void setFailureRate(double probability, int status = 500);
    void failPath(const QString& pathPattern, int status, const QByteArray& body = {},
        int times = -1, const QByteArray& verb = {}); // times=-1: always; verb empty = any
    // Handles the request (a write really happens), sends the headers and part of the body,
    // then closes the socket.
    void dropConnectionOnPath(const QString& pathPattern, int times = -1);
    // 200 with a truncated JSON body.
    void malformJsonOnPath(const QString& pathPattern, int times = -1);
    // 302 Location: target.
    void redirectPath(const QString& pathPattern, const QUrl& target, int times = -1);
    // 0 = unlimited (default). n > 0: each user may make n requests per 60 s window, the next
    // ones get Buildkite's 429. Also restarts the windows.
    void setRateLimit(int requestsPerMinute);
    // Removes every fault above: latency, failure rate, path faults and the rate limit.
    void clearFaults();

    struct RecordedRequest {
        QByteArray verb;
        QString path;
        QString query;
        QByteArray authorization;
        QByteArray body;
    };
    QList<RecordedRequest> requests() const; // every request received, in order (for tests)
    void clearRequests(); // also restarts maxConcurrentOpen()
    int maxConcurrentOpen() const; // most requests in flight at once (for the benchmark)
    int openRequests() const { return m_open; }

Q_SIGNALS:
    void requestServed(const QByteArray& verb, const QString& path, int status);

private:
    enum class FaultKind {
        Fail,
        Drop,
        Malform,
        Redirect
    };
    struct PathFault {
        FaultKind kind = FaultKind::Fail;
        QRegularExpression pattern;
        QByteArray verb;
        int status = 500;
        QByteArray body;
        QUrl target;
        int remaining = -1;
    };
    struct Outgoing {
        QByteArray verb;
        QString path;
        int status = 0;
        QByteArray bytes;
        bool closeAfter = false;
        bool drop = false; // hang up mid-body
        qint64 receivedMs = 0;
    };
    // Responses leave a connection in request order even when they finish out of order.
    struct Connection {
        quint64 nextSequence = 0;
        quint64 nextToWrite = 0;
        QMap<quint64, Outgoing> ready;
        bool closed = false;
    };
    struct RateWindow {
        qint64 startedMs = -1;
        int count = 0;
    };

    void onRequest(const QHttpServerRequest& request, QTcpSocket* socket);
    Outgoing respond(const SandboxRequest& request);
    std::optional<PathFault> takeFault(const SandboxRequest& request);
    void addFault(PathFault fault);
    void addRateLimitHeaders(SandboxResponse& response, const QString& userKey, qint64 nowMs);
    void deliver(QTcpSocket* socket, quint64 sequence, const Outgoing& outgoing);
    void finish(const Outgoing& outgoing);
    void hangUp(QTcpSocket* socket);
    int countIn(RateWindow& window, qint64 nowMs);
    static int resetSeconds(const RateWindow& window, qint64 nowMs);
    int userLimit() const;
    int organizationLimit() const;

    std::unique_ptr<SandboxState> m_state;
    std::unique_ptr<SandboxApi> m_api;
    SandboxListener* m_listener = nullptr;
    quint16 m_port = 0;
    QString m_error;
    QString m_readWriteToken;
    QString m_readOnlyToken;
    QString m_primaryUserId;

    int m_latencyMs = 0;
    double m_failureRate = 0;
    int m_failureStatus = 500;
    QList<PathFault> m_faults;
    int m_rateLimit = 0;
    RateWindow m_orgWindow;
    QHash<QString, RateWindow> m_userWindows;
    QElapsedTimer m_clock;

    QList<RecordedRequest> m_requests;
    QHash<QTcpSocket*, Connection> m_connections;
    int m_open = 0;
    int m_maxOpen = 0;
};
