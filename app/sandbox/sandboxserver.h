// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

class QHttpServerRequest;
class QTcpSocket;
class SandboxApi;
class SandboxFaults;
class SandboxListener;
class SandboxRateLimiter;
class SandboxSocketWriter;
class SandboxState;
struct SandboxAgent;
struct SandboxFault;
struct SandboxOutgoing;
struct SandboxRequest;
struct SandboxResponse;

// A local Buildkite REST API v2 (clusters, queues, agent tokens, maintainers, agents,
// access-token) on 127.0.0.1. Serves the demo organisation, the integration tests and the
// benchmark. In-memory and single-threaded; slow or faulty answers are scheduled with timers,
// never by blocking.
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
    // Owned by Sam Kim, an organisation administrator:
    QString readWriteToken() const; // read_clusters write_clusters read_agents write_agents
    // Owned by Riley Chen:
    QString readOnlyToken() const; // read_clusters read_agents
    // Owned by Hannah Novak (memberUserId(), not an administrator), with all four scopes:
    // writes outside the clusters she maintains are a 403.
    QString memberToken() const;
    // Adds an API access token with these scopes, owned by the read-write token's user;
    // returns its value. expiresAt invalid = never.
    QString addApiToken(const QStringList& scopes, const QString& description = {},
        const QDateTime& expiresAt = {});
    // The same for another user (see memberUserId() and addUser()); empty if there is no
    // such user.
    QString addApiTokenForUser(const QString& userId, const QStringList& scopes,
        const QString& description = {}, const QDateTime& expiresAt = {});
    void revokeApiToken(const QString& value);

    // People. Writing to a cluster (and managing its agents) takes an organisation
    // administrator or a maintainer of the cluster, directly or through a team; creating a
    // cluster takes an administrator. A missing permission is a 403 even with every scope.
    QString primaryUserId() const; // Sam Kim, administrator
    // Hannah Novak: not an administrator; in the demo she maintains "Data platform" and the
    // team sandboxes she created (06, 13 and 20), and nothing else.
    QString memberUserId() const;
    QString addUser(const QString& name, const QString& email, bool admin = false);
    bool setOrganizationAdmin(const QString& userId, bool admin);

    // Both replace every cluster and agent: the demo organisation (33 clusters with agents),
    // or c x q x t of generated data (deterministic; agents on a minority of queues).
    void seedDemo();
    void seedGenerated(int clusters, int queuesPerCluster, int tokensPerCluster);
    void clearData(); // no clusters, no agents (API tokens and users stay)
    int clusterCount() const;
    // The organisation's default cluster for new pipelines: deleting it is a 422. In the demo
    // it is "Open Source". Empty: none.
    QString defaultClusterId() const;
    void setDefaultClusterId(const QString& clusterId);

    // Agents, as the agents API lists them: connected ones and those stopping. These calls are
    // what agents and the job dispatcher do; the API's pause, resume and stop are HTTP only.
    struct AgentOptions {
        QString name; // empty: made up from the queue key
        QString hostname;
        QString ipAddress; // empty: one its token allows (or a private address)
        QString version; // empty: "3.97.0"
        QString osId; // empty: from the queue's hosted shape, else "linux"
        QString arch; // empty: from the queue's hosted shape, else "amd64"
        QString tokenId; // empty: the cluster's first token (none for hosted queues)
        QStringList tags; // meta_data beyond "queue=KEY"
        std::optional<int> priority;
    };
    // Registers and connects a new agent on a queue; its id, or empty for an unknown queue.
    QString connectAgent(const QString& queueId, const AgentOptions& options = {});
    // An agent started without a queue tag: it joins the cluster's default queue, or no queue
    // at all when the cluster has none (then "queue" is null and meta_data has no queue=).
    QString connectAgentToCluster(const QString& clusterId, const AgentOptions& options = {});
    bool disconnectAgent(const QString& agentId); // graceful: "disconnected"
    bool loseAgent(const QString& agentId); // unexpected: "lost"
    // Dispatches a job to an idle, connected, unpaused agent on an unpaused queue; returns
    // the job's id, or empty when the dispatcher would not.
    QString assignJob(const QString& agentId, const QString& label = {});
    // The agent's job ends; a stopping agent then stops.
    bool finishJob(const QString& agentId);
    // Counts of listed agents; an empty queue id counts the whole organisation.
    int agentCount(const QString& queueId = {}) const;
    int busyAgentCount(const QString& queueId = {}) const;
    int pausedAgentCount(const QString& queueId = {}) const;
    QStringList agentIds(const QString& queueId = {}) const; // listed, in list order
    // "connected", "stopping", "stopped", ...; empty for an unknown agent.
    QString agentConnectionState(const QString& agentId) const;

    // Fault injection (tests and benchmarks). Path patterns are QRegularExpression matched
    // (unanchored) against the decoded URL path; verb empty = any method. With several path
    // faults matching, the oldest wins; times counts the requests it applies to (-1: all).
    // Every request still counts in the rate windows and in requests()/receivedCount().
    void setLatency(int milliseconds); // added to every response, asynchronously
    // Random failures with a JSON {"message"} body.
    void setFailureRate(double probability, int status = 500);
    // status with body (or {"message": reason phrase}); the API never sees the request.
    void failPath(const QString& pathPattern, int status, const QByteArray& body = {},
        int times = -1, const QByteArray& verb = {});
    // status with {"message": message}. Raw puts control characters (ESC, BEL, OSC sequences,
    // newlines) into the body as they are; JsonEscaped writes them as \u001b, \n...
    enum class ControlCharacters {
        Raw,
        JsonEscaped
    };
    void failWithMessage(const QString& pathPattern, int status, const QByteArray& message,
        int times = -1, const QByteArray& verb = {},
        ControlCharacters characters = ControlCharacters::Raw);
    // 502 with a proxy's HTML page.
    void html502(const QString& pathPattern, int times = -1, const QByteArray& verb = {});
    // The request is carried out, then the headers and half of the body are sent and the
    // connection is closed. dropConnectionOnPath() is the same for any verb.
    void resetMidBody(const QString& pathPattern, int times = -1, const QByteArray& verb = {});
    void dropConnectionOnPath(const QString& pathPattern, int times = -1);
    // The whole request is read, then the connection is closed without one byte of answer:
    // what makes Qt 6.4's HTTP/1 channel resend a request (a POST too) by itself. handled:
    // the API carries the request out first (the write happens, its answer is lost).
    void closeWithoutAnswer(const QString& pathPattern, int times = -1, const QByteArray& verb = {},
        bool handled = true);
    // The request is carried out; its whole, valid answer leaves one byte every
    // millisecondsPerByte (for a client's overall deadline).
    void dripResponse(const QString& pathPattern, int millisecondsPerByte, int times = -1,
        const QByteArray& verb = {});
    // 200, Content-Length of megabytes MiB: "[" and JSON-ish filler that never closes. Sent as
    // fast as the client reads, never held in memory whole. The API never sees the request.
    void oversizedBody(
        const QString& pathPattern, qint64 megabytes, int times = -1, const QByteArray& verb = {});
    // 200 with a fixed truncated JSON array; the API never sees the request.
    void malformJsonOnPath(const QString& pathPattern, int times = -1);
    // The request is carried out and its real answer's JSON is cut in half; Content-Length
    // matches what is sent, so the HTTP message itself is complete.
    void truncateJson(const QString& pathPattern, int times = -1, const QByteArray& verb = {});
    // The request is carried out and every field of its JSON answer has the wrong type:
    // booleans become "yes"/"no", numbers strings, ids and *_id numbers, *_at epoch numbers.
    void wrongTypes(const QString& pathPattern, int times = -1, const QByteArray& verb = {});
    // 302 Location: target.
    void redirectPath(const QString& pathPattern, const QUrl& target, int times = -1);
    // A 429 with chosen numbers; each optional left empty is left out of the answer.
    struct RateLimitAnswer {
        QString scope = QStringLiteral("rest_user");
        int limit = 50;
        int current = 51;
        std::optional<qint64> reset = 42; // body "reset"
        // RateLimit-Reset and RateLimit-User-Reset, verbatim ("0", "2147484", an epoch...)
        std::optional<QByteArray> resetHeader = QByteArrayLiteral("42");
        std::optional<QByteArray> retryAfter; // Retry-After, verbatim (seconds or HTTP date)
    };
    void rateLimitPath(const QString& pathPattern, const RateLimitAnswer& answer, int times = -1,
        const QByteArray& verb = {});
    // Buildkite's rate windows, enforced. setRateLimit(n): n requests per user per 60 s and
    // max(n, 200) for the organisation; 0 turns enforcement off (the default: headers still
    // count down from 200 and 50). Both restart the windows.
    void setRateLimit(int requestsPerMinute);
    void setRateLimits(int organizationPerMinute, int userPerMinute);
    // The rate windows pass factor times faster than real time, and RateLimit-*-Reset counts
    // their seconds: a benchmark or test lives through many windows in little time (with a
    // client clock sped up alike). 1, the default, is Buildkite's pace. Restarts the windows.
    void setRateWindowSpeed(int factor);
    // Removes every fault above: latency, failure rate, path faults and rate limits.
    void clearFaults();

    struct RecordedRequest {
        QByteArray verb;
        QString path;
        QString query;
        QByteArray authorization;
        QByteArray body;
    };
    QList<RecordedRequest> requests() const; // every request received, in order (for tests)
    // How many requests with this verb and exact path arrived (a resent write counts twice).
    int receivedCount(const QByteArray& verb, const QString& path) const;
    void clearRequests(); // also the counts, and restarts maxConcurrentOpen()
    int maxConcurrentOpen() const; // most requests in flight at once (for the benchmark)
    int openRequests() const { return m_open; }

Q_SIGNALS:
    void requestServed(const QByteArray& verb, const QString& path, int status);

private:
    void onRequest(const QHttpServerRequest& request, QTcpSocket* socket);
    SandboxOutgoing respond(const SandboxRequest& request);
    void addFault(SandboxFault fault);
    SandboxSocketWriter* writerFor(QTcpSocket* socket);
    void finish(const SandboxOutgoing& outgoing);
    template <typename Predicate>
    int countAgents(const QString& queueId, Predicate predicate) const;

    std::unique_ptr<SandboxState> m_state;
    std::unique_ptr<SandboxApi> m_api;
    std::unique_ptr<SandboxFaults> m_faults;
    std::unique_ptr<SandboxRateLimiter> m_rateLimiter;
    SandboxListener* m_listener = nullptr;
    quint16 m_port = 0;
    QString m_error;
    QString m_readWriteToken;
    QString m_readOnlyToken;
    QString m_memberToken;
    QString m_primaryUserId;
    QString m_memberUserId;

    int m_latencyMs = 0;
    int m_rateWindowSpeed = 1;
    double m_failureRate = 0;
    int m_failureStatus = 500;
    QElapsedTimer m_clock;
    int m_agentSerial = 0;

    QList<RecordedRequest> m_requests;
    QHash<QByteArray, int> m_received; // "VERB path" -> count
    QHash<QTcpSocket*, SandboxSocketWriter*> m_writers;
    int m_open = 0;
    int m_maxOpen = 0;
};
