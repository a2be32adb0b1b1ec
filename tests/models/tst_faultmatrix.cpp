// SPDX-License-Identifier: MIT
// The fault matrix: every endpoint the app uses x every fault the sandbox injects, over real
// loopback HTTP, through OrganizationSession as the GUI drives it. Each cell asserts the line the
// user is shown (ApiError::toString(), which the main window's error bar and the status bar show
// after "what:"; Buildkite's own message for a 4xx), how many times the endpoint was asked, and
// what the tree holds afterwards: its last good state after a failure, what Buildkite holds after
// a success (nothing half-applied). The expectations are expectation() below; the README's fault
// matrix table is the same, in words.
#include "api/apiclient.h"
#include "faultmatrix.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QHash>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>

using FaultMatrix::Fault;

namespace {

enum class Endpoint {
    ListClusters,
    GetCluster,
    CreateCluster,
    UpdateCluster,
    DeleteCluster,
    ListQueues,
    GetQueue,
    CreateQueue,
    UpdateQueue,
    DeleteQueue,
    PauseQueue,
    ResumeQueue,
    ListTokens,
    GetToken,
    CreateToken,
    UpdateToken,
    RevokeToken,
    ListAgents,
    PauseAgent,
    ResumeAgent,
    StopAgent,
    AccessToken,
};

const QList<Endpoint> endpoints { Endpoint::ListClusters, Endpoint::GetCluster,
    Endpoint::CreateCluster, Endpoint::UpdateCluster, Endpoint::DeleteCluster, Endpoint::ListQueues,
    Endpoint::GetQueue, Endpoint::CreateQueue, Endpoint::UpdateQueue, Endpoint::DeleteQueue,
    Endpoint::PauseQueue, Endpoint::ResumeQueue, Endpoint::ListTokens, Endpoint::GetToken,
    Endpoint::CreateToken, Endpoint::UpdateToken, Endpoint::RevokeToken, Endpoint::ListAgents,
    Endpoint::PauseAgent, Endpoint::ResumeAgent, Endpoint::StopAgent, Endpoint::AccessToken };

// How the app reaches an endpoint, which decides what the user sees.
enum class Group {
    Refresh, // a list the refresh loads: "Refreshing ORG" reports the reload's first failure
    Agents, // the organisation's agents (the counts)
    TokenCheck, // GET /v2/access-token
    ReadBack, // a GET the session sends to settle a write whose answer was lost
    Write, // a write answered with the object
    Delete, // a write answered 204 that the session reads back when its answer is lost
    AgentWrite, // an agent's pause, resume or stop: 204, then the queue's agents are listed
};

Group groupOf(Endpoint e)
{
    switch (e) {
    case Endpoint::ListClusters:
    case Endpoint::ListQueues:
    case Endpoint::ListTokens:
        return Group::Refresh;
    case Endpoint::ListAgents:
        return Group::Agents;
    case Endpoint::AccessToken:
        return Group::TokenCheck;
    case Endpoint::GetCluster:
    case Endpoint::GetQueue:
    case Endpoint::GetToken:
        return Group::ReadBack;
    case Endpoint::DeleteCluster:
    case Endpoint::DeleteQueue:
    case Endpoint::RevokeToken:
        return Group::Delete;
    case Endpoint::PauseAgent:
    case Endpoint::ResumeAgent:
    case Endpoint::StopAgent:
        return Group::AgentWrite;
    default:
        return Group::Write;
    }
}

const char* nameOf(Endpoint e)
{
    switch (e) {
    case Endpoint::ListClusters:
        return "list clusters";
    case Endpoint::GetCluster:
        return "get cluster";
    case Endpoint::CreateCluster:
        return "create cluster";
    case Endpoint::UpdateCluster:
        return "update cluster";
    case Endpoint::DeleteCluster:
        return "delete cluster";
    case Endpoint::ListQueues:
        return "list queues";
    case Endpoint::GetQueue:
        return "get queue";
    case Endpoint::CreateQueue:
        return "create queue";
    case Endpoint::UpdateQueue:
        return "update queue";
    case Endpoint::DeleteQueue:
        return "delete queue";
    case Endpoint::PauseQueue:
        return "pause queue";
    case Endpoint::ResumeQueue:
        return "resume queue";
    case Endpoint::ListTokens:
        return "list tokens";
    case Endpoint::GetToken:
        return "get token";
    case Endpoint::CreateToken:
        return "create token";
    case Endpoint::UpdateToken:
        return "update token";
    case Endpoint::RevokeToken:
        return "revoke token";
    case Endpoint::ListAgents:
        return "list agents";
    case Endpoint::PauseAgent:
        return "pause agent";
    case Endpoint::ResumeAgent:
        return "resume agent";
    case Endpoint::StopAgent:
        return "stop agent";
    case Endpoint::AccessToken:
        return "access token";
    }
    return "";
}

bool isRead(Endpoint e)
{
    const Group g = groupOf(e);
    return g == Group::Refresh || g == Group::Agents || g == Group::TokenCheck
        || g == Group::ReadBack;
}

// What the tree holds after the cell, compared with what it held before.
enum class Tree {
    Unchanged, // the last good state, row for row
    AsServer, // what a fresh load from the (fault-free) sandbox shows: the change is in
    Removed, // the object's row is gone (a 404 says the object is gone)
    AgentsUnknown, // agent counts cleared (the token may not read agents): unknown, never 0
};

struct Expect {
    QString line; // empty: success; "%*" matches anything
    Tree tree = Tree::Unchanged;
    int attempts = 1; // requests ApiClient sent to the faulted endpoint: exactly these
    // Whether the sandbox may receive more than that: Qt 6.4's HTTP/1 channel sends a GET again
    // by itself when a connection closes before it has started reading the answer, which for a
    // cut answer is a race (ApiClient::startAttempt says why the client lets it). A write is
    // never resent, and no other fault closes a connection early.
    bool qtMayResend = false;
};

// The objects a cell works on: a generated organisation of two clusters of eight queues
// (queue-003 with agents, queue-007 paused) and one token each.
struct Names {
    QString clusterName; // "Cluster 001"
    QString otherClusterName; // "Cluster 002": deleted
    QString queueKey; // queue-002: paused, updated, read back
    QString pausedKey; // queue-007: resumed
    QString doomedKey; // queue-008: deleted
    QString tokenDescription; // "Token 001"
};

QString line(const QString& kind, const QString& message, int status = 0)
{
    QString text = QStringLiteral("%1: %2").arg(kind, message);
    if (status > 0)
        text += QStringLiteral(" (HTTP %1)").arg(status);
    return text;
}

bool isTransient(Fault f)
{
    switch (f) {
    case Fault::RateLimitedOnce:
    case Fault::RateLimitedNoReset:
    case Fault::ServerError:
    case Fault::BadGatewayHtml:
    case Fault::Unavailable:
    case Fault::Timeout:
    case Fault::ResetMidBody:
        return true;
    default:
        return false;
    }
}

// The line of the error the client itself reports for a fault (retries included).
QString clientLine(Fault f, const QString& scope)
{
    switch (f) {
    case Fault::Unauthorized:
        return line(QStringLiteral("Authentication"), FaultMatrix::unauthorizedMessage(), 401);
    case Fault::Forbidden:
        return line(QStringLiteral("Missing scope"), FaultMatrix::forbiddenMessage(scope), 403);
    case Fault::NotFound:
        return line(QStringLiteral("Not found"), FaultMatrix::notFoundMessage(), 404);
    case Fault::Validation:
        return line(QStringLiteral("Validation"), FaultMatrix::validationMessage(), 422);
    case Fault::RateLimitedOnce:
        return {};
    case Fault::RateLimitedNoReset:
        return line(QStringLiteral("Rate limit"), FaultMatrix::rateLimitMessage(), 429);
    case Fault::ServerError:
        return line(QStringLiteral("Server"), QStringLiteral("Internal Server Error"), 500);
    case Fault::BadGatewayHtml:
        return line(QStringLiteral("Server"), QStringLiteral("Bad gateway"), 502);
    case Fault::Unavailable:
        return line(QStringLiteral("Server"), QStringLiteral("Service Unavailable"), 503);
    case Fault::Timeout:
        return line(QStringLiteral("Timeout"), QStringLiteral("The request timed out"));
    case Fault::ResetMidBody:
        // Qt 6.4 reports the cut itself ("Connection closed") or hands over the short body,
        // which the client then measures against Content-Length ("The connection closed after
        // 421 of 843 bytes"), depending on when the close is seen.
        return line(QStringLiteral("Network"), QStringLiteral("%*onnection closed%*"));
    case Fault::TruncatedJson:
        return line(QStringLiteral("Bad response"),
            QStringLiteral("The server sent malformed JSON (%* at byte %*)"), 200);
    case Fault::WrongTypes:
        // The first field of the wrong type, named.
        return line(QStringLiteral("Bad response"), QStringLiteral("%*: expected a %*, got a %*"));
    case Fault::Oversized:
        return line(QStringLiteral("Bad response"),
            QStringLiteral("The response is larger than the %1 limit").arg(FaultMatrix::capText()),
            200);
    }
    return {};
}

QString scopeOf(Endpoint e)
{
    switch (groupOf(e)) {
    case Group::Agents:
        return QStringLiteral("read_agents");
    case Group::AgentWrite:
        return QStringLiteral("write_agents");
    case Group::Write:
    case Group::Delete:
        return QStringLiteral("write_clusters");
    default:
        return QStringLiteral("read_clusters");
    }
}

// The lost write that a ReadBack cell settles, as the session words "its answer was lost".
const QString lostAnswer = QStringLiteral(
    "The server closed the connection before answering; the change may or may not have been made");

// What the session reports when it read back after a lost or unreadable answer and the change is
// not there ("safe to try again"). A ReadBack cell's write is the update or pause it settles.
// answered: the write's answer arrived (a 2xx) but could not be read, which is not "Buildkite did
// not answer" and not a network failure.
QString notMadeLine(Endpoint e, const Names& n, bool answered)
{
    QString text;
    switch (e) {
    case Endpoint::CreateCluster:
        text = QStringLiteral("its list of clusters has no new “Matrix cluster”: the cluster was "
                              "not created.");
        break;
    case Endpoint::GetCluster:
    case Endpoint::UpdateCluster:
        text = QStringLiteral("the cluster “%1” as it reads now does not have the change: it was "
                              "not saved.")
                   .arg(n.clusterName);
        break;
    case Endpoint::DeleteCluster:
        text = QStringLiteral("the cluster “%1” is still listed: it was not deleted.")
                   .arg(n.otherClusterName);
        break;
    case Endpoint::CreateQueue:
        text = QStringLiteral("the queues of %1 have no new “matrix-queue”: the queue was not "
                              "created.")
                   .arg(n.clusterName);
        break;
    case Endpoint::UpdateQueue:
        text = QStringLiteral("the queue “%1” as it reads now does not have the change: it was "
                              "not saved.")
                   .arg(n.queueKey);
        break;
    case Endpoint::DeleteQueue:
        text = QStringLiteral("the queue “%1” is still listed: it was not deleted.")
                   .arg(n.doomedKey);
        break;
    case Endpoint::GetQueue:
    case Endpoint::PauseQueue:
        text = QStringLiteral("the queue “%1” is not paused: dispatch still runs.").arg(n.queueKey);
        break;
    case Endpoint::ResumeQueue:
        text = QStringLiteral("the queue “%1” is still paused.").arg(n.pausedKey);
        break;
    case Endpoint::CreateToken:
        text = QStringLiteral("the tokens of %1 have no new “Matrix token”: no token was created.")
                   .arg(n.clusterName);
        break;
    case Endpoint::GetToken:
    case Endpoint::UpdateToken:
        text = QStringLiteral("the token “%1” as it reads now does not have the change: it was "
                              "not saved.")
                   .arg(n.tokenDescription);
        break;
    case Endpoint::RevokeToken:
        text = QStringLiteral("the token “%1” is still listed: it was not revoked.")
                   .arg(n.tokenDescription);
        break;
    default:
        break;
    }
    if (answered)
        return line(QStringLiteral("Bad response"),
            QStringLiteral(
                "Buildkite answered, but its answer could not be read, and %1 You can try again.")
                .arg(text));
    return line(QStringLiteral("Network"),
        QStringLiteral("Buildkite did not answer, and %1 You can try again.").arg(text));
}

Expect expectation(Endpoint e, Fault f, const Names& n)
{
    const Group g = groupOf(e);
    const QString client = clientLine(f, scopeOf(e));
    Expect x;
    x.attempts = f == Fault::RateLimitedOnce || f == Fault::RateLimitedNoReset
            || (isRead(e) && isTransient(f))
        ? 2
        : 1;

    x.qtMayResend = isRead(e) && f == Fault::ResetMidBody;

    switch (g) {
    case Group::Refresh:
    case Group::TokenCheck:
        x.line = client;
        return x;
    case Group::Agents:
        x.line = client;
        if (f == Fault::Forbidden) {
            // Not an operation failure but what the counts say instead of numbers.
            x.line = QStringLiteral("Agent counts need the read_agents scope on your API token");
            x.tree = Tree::AgentsUnknown;
        }
        return x;
    case Group::ReadBack:
        if (f == Fault::RateLimitedOnce) {
            // The read succeeds after the retry: the change is not there.
            x.line = notMadeLine(e, n, false);
        } else if (f == Fault::NotFound) {
            // Gone is gone: the object's row goes.
            x.line = client;
            x.tree = Tree::Removed;
        } else {
            // (Cut to the 300 characters toString() shows of a message.)
            x.line = line(QStringLiteral("Outcome unknown"),
                ApiError::displayText(QStringLiteral(
                    "%1. Reading it back failed too (%2): refresh to see whether it was made.")
                                          .arg(lostAnswer, client)));
        }
        return x;
    case Group::Write:
    case Group::Delete:
    case Group::AgentWrite:
        break;
    }

    // Writes: never sent twice, but for a 429 (refused before anything happened).
    const QString unknown = QStringLiteral("Outcome unknown");
    switch (f) {
    case Fault::RateLimitedOnce:
        x.tree = Tree::AsServer;
        break;
    case Fault::NotFound:
        x.line = client;
        // A 404 on an object removes its row; a create's 404 is about the cluster, and an
        // agent's write lists the queue's agents again whatever the answer.
        if (e != Endpoint::CreateCluster && e != Endpoint::CreateQueue && e != Endpoint::CreateToken
            && g != Group::AgentWrite)
            x.tree = Tree::Removed;
        break;
    case Fault::Timeout:
    case Fault::ResetMidBody:
    case Fault::TruncatedJson:
    case Fault::WrongTypes:
        // The sandbox carried the write out; its answer was lost or cannot be read. The session
        // reads back what it touched and reports what is there; an agent's write cannot be read
        // back, so it says the outcome is unknown (and lists the queue's agents again).
        x.tree = Tree::AsServer;
        if (g == Group::AgentWrite) {
            if (f == Fault::Timeout)
                x.line = line(unknown,
                    QStringLiteral("The server did not answer in time; the change may or may not "
                                   "have been made"));
            else if (f == Fault::ResetMidBody)
                x.line = line(unknown,
                    QStringLiteral("Buildkite answered that it made the change, but its answer "
                                   "could not be read (%*)"));
            // A 204 has no body to truncate or mistype.
        } else if (e == Endpoint::CreateToken) {
            // Its value was in an answer that never came (timeout) or came unreadable.
            x.line = line(unknown,
                (f == Fault::Timeout
                        ? QStringLiteral("Buildkite did not answer, but %1 now has a new token "
                                         "“Matrix token”: this request created it, and its value "
                                         "was in the answer that was lost.")
                        : QStringLiteral("Buildkite answered, but its answer could not be read, "
                                         "and %1 now has a new token “Matrix token”: this request "
                                         "created it, and its value was in that answer."))
                        .arg(n.clusterName)
                    + QStringLiteral(" Buildkite never shows a token's value again, so no agent "
                                     "can use it: revoke it and create another."));
        }
        break;
    case Fault::Oversized:
        // A 200 too large to read, from a server that never saw the request: read back, the
        // change is not there.
        if (g == Group::AgentWrite)
            x.line = line(unknown,
                QStringLiteral("Buildkite answered that it made the change, but its answer could "
                               "not be read (The response is larger than the %1 limit)")
                    .arg(FaultMatrix::capText()),
                200);
        else
            x.line = notMadeLine(e, n, true);
        break;
    default:
        x.line = client;
        break;
    }
    return x;
}

// Every row of the tree as text: what it shows and holds, without inline errors and the
// "checked at" times (a failure may set those).
QStringList snapshot(const QAbstractItemModel* model, const QModelIndex& parent = {})
{
    QStringList rows;
    const QList<int> roles { Qt::DisplayRole, OrganizationTreeModel::KindRole,
        OrganizationTreeModel::IdRole, OrganizationTreeModel::DescriptionRole,
        OrganizationTreeModel::PausedRole, OrganizationTreeModel::CountRole,
        OrganizationTreeModel::EmojiRole, OrganizationTreeModel::AgentsConnectedRole,
        OrganizationTreeModel::AgentsBusyRole, OrganizationTreeModel::AgentsPausedRole };
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        // An inline error is the failure shown, not data; the line is asserted instead.
        if (index.data(OrganizationTreeModel::KindRole).value<OrganizationTreeModel::NodeKind>()
            == OrganizationTreeModel::NodeKind::Error)
            continue;
        QStringList cells;
        for (int role : roles)
            cells.append(index.data(role).toString());
        rows.append(QString(parent.isValid() ? 2 : 0, QLatin1Char(' ')) + cells.join(u'|'));
        rows += snapshot(model, index);
    }
    return rows;
}

// The rows only one side has, for a failure message.
QString difference(const QStringList& before, const QStringList& after)
{
    QStringList out;
    for (const QString& row : before) {
        if (!after.contains(row))
            out.append(QStringLiteral("- ") + row.trimmed());
    }
    for (const QString& row : after) {
        if (!before.contains(row))
            out.append(QStringLiteral("+ ") + row.trimmed());
    }
    return out.join(QLatin1Char('\n'));
}

template <class T>
struct Answer {
    std::optional<Result<T>> result;
    OrganizationSession::Callback<T> callback()
    {
        return [this](const Result<T>& r) { result = r; };
    }
};

// Counts the requests ApiClient hands to Qt, by verb and path: one per attempt of the client's.
// A request Qt's HTTP channel sends again by itself is not counted here (the sandbox sees it).
class CountingNetwork final : public QNetworkAccessManager {
public:
    int sent(const QByteArray& verb, const QString& path) const
    {
        return m_sent.value(verb + ' ' + path.toUtf8());
    }
    void clear() { m_sent.clear(); }

protected:
    QNetworkReply* createRequest(
        Operation op, const QNetworkRequest& request, QIODevice* data) override
    {
        QByteArray verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        if (op == GetOperation)
            verb = "GET";
        else if (op == PostOperation)
            verb = "POST";
        else if (op == PutOperation)
            verb = "PUT";
        else if (op == DeleteOperation)
            verb = "DELETE";
        else if (op == HeadOperation)
            verb = "HEAD";
        ++m_sent[verb + ' ' + request.url().path().toUtf8()];
        return QNetworkAccessManager::createRequest(op, request, data);
    }

private:
    QHash<QByteArray, int> m_sent;
};

// One cell's world: a sandbox, a client with the fast options, a session that has loaded the
// organisation (clusters, queues, tokens, agents, the access token).
struct Harness {
    SandboxServer server;
    CountingNetwork network;
    ApiClient client { &network };
    std::unique_ptr<OrganizationSession> session;
    std::unique_ptr<QAbstractItemModelTester> tester;
    Cluster cluster; // Cluster 001
    Cluster other; // Cluster 002: the one deleted
    Queue queue; // queue-002, running
    Queue paused; // queue-007, paused
    Queue doomed; // queue-008, deleted
    AgentToken token; // Token 001 of Cluster 001
    QList<Agent> agents; // queue-003's

    OrganizationTreeModel* model() const { return session->treeModel(); }
    QString org() const { return QStringLiteral("/v2/organizations/") + server.organization(); }

    bool start()
    {
        server.seedGenerated(2, 8, 1);
        // A limit the load never nears, so the scheduler sends it at once (Buildkite's 50 makes
        // it spread the requests over the window).
        server.setRateLimit(1000);
        if (!server.listen())
            return false;
        client.setBaseUrl(server.baseUrl());
        client.setToken(server.readWriteToken());
        client.setOptions(FaultMatrix::fastOptions());
        session = std::make_unique<OrganizationSession>(&client, server.organization());
        tester = std::make_unique<QAbstractItemModelTester>(
            model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (!load(*session))
            return false;
        const QList<Cluster> clusters = model()->clusters();
        if (clusters.size() != 2)
            return false;
        cluster = clusters.at(0);
        other = clusters.at(1);
        for (const Queue& q : model()->queues(cluster.id)) {
            if (q.key == QLatin1String("queue-002"))
                queue = q;
            else if (q.key == QLatin1String("queue-007"))
                paused = q;
            else if (q.key == QLatin1String("queue-008"))
                doomed = q;
        }
        token = model()->tokens(cluster.id).value(0);
        for (const Queue& q : model()->queues(cluster.id)) {
            if (q.key != QLatin1String("queue-003"))
                continue;
            // What the session's agent writes use of an agent: its id, queue and name.
            for (const QString& id : server.agentIds(q.id)) {
                Agent a;
                a.id = id;
                a.queueId = q.id;
                a.name = id;
                agents.append(a);
            }
        }
        return queue.dispatchPaused == false && paused.dispatchPaused && !doomed.id.isEmpty()
            && !token.id.isEmpty() && agents.size() >= 2;
    }

    // The access token, the whole organisation and its agents, as the main window loads them.
    static bool load(OrganizationSession& s)
    {
        QSignalSpy token(&s, &OrganizationSession::accessTokenLoaded);
        QSignalSpy finished(&s, &OrganizationSession::refreshFinished);
        s.fetchAccessToken();
        s.refresh();
        if (!FaultMatrix::waitUntil([&] { return !token.isEmpty() && !finished.isEmpty(); }, 20000)
            || finished.at(0).at(0).value<ApiError>())
            return false;
        bool agentsOk = false;
        bool done = false;
        s.refreshAgents([&](bool ok, int) {
            agentsOk = ok;
            done = true;
        });
        return FaultMatrix::waitUntil([&] { return done; }, 10000) && agentsOk;
    }

    // What a new session shows of the sandbox as it is now, faults removed.
    QStringList fresh()
    {
        server.clearFaults();
        server.setRateLimit(1000);
        OrganizationSession second(&client, server.organization());
        if (!load(second))
            return { QStringLiteral("(the fresh load failed)") };
        return snapshot(second.treeModel());
    }

    Names names() const
    {
        return { cluster.name, other.name, queue.key, paused.key, doomed.key, token.description };
    }

    // Where the fault goes, for each endpoint: the path pattern and verb, and the exact path to
    // count the requests of.
    struct Target {
        QString pattern;
        QByteArray verb;
        QString path;
    };
    Target target(Endpoint e) const
    {
        const QString clusters = org() + QStringLiteral("/clusters");
        const QString c = clusters + QLatin1Char('/') + cluster.id;
        const QString q = c + QStringLiteral("/queues/");
        const QString t = c + QStringLiteral("/tokens");
        const QString a = org() + QStringLiteral("/agents/");
        auto exact = [](const QString& path, const QByteArray& verb) {
            return Target { QLatin1Char('^') + QRegularExpression::escape(path) + QLatin1Char('$'),
                verb, path };
        };
        switch (e) {
        case Endpoint::ListClusters:
            return exact(clusters, "GET");
        case Endpoint::GetCluster:
            return exact(c, "GET");
        case Endpoint::CreateCluster:
            return exact(clusters, "POST");
        case Endpoint::UpdateCluster:
            return exact(c, "PATCH");
        case Endpoint::DeleteCluster:
            return exact(clusters + QLatin1Char('/') + other.id, "DELETE");
        case Endpoint::ListQueues:
            return exact(c + QStringLiteral("/queues"), "GET");
        case Endpoint::GetQueue:
            return exact(q + queue.id, "GET");
        case Endpoint::CreateQueue:
            return exact(c + QStringLiteral("/queues"), "POST");
        case Endpoint::UpdateQueue:
            return exact(q + queue.id, "PATCH");
        case Endpoint::DeleteQueue:
            return exact(q + doomed.id, "DELETE");
        case Endpoint::PauseQueue:
            return exact(q + queue.id + QStringLiteral("/pause_dispatch"), "POST");
        case Endpoint::ResumeQueue:
            return exact(q + paused.id + QStringLiteral("/resume_dispatch"), "POST");
        case Endpoint::ListTokens:
            return exact(t, "GET");
        case Endpoint::GetToken:
            return exact(t + QLatin1Char('/') + token.id, "GET");
        case Endpoint::CreateToken:
            return exact(t, "POST");
        case Endpoint::UpdateToken:
            return exact(t + QLatin1Char('/') + token.id, "PATCH");
        case Endpoint::RevokeToken:
            return exact(t + QLatin1Char('/') + token.id, "DELETE");
        case Endpoint::ListAgents:
            return exact(org() + QStringLiteral("/agents"), "GET");
        case Endpoint::PauseAgent:
            return exact(a + agents.at(0).id + QStringLiteral("/pause"), "PUT");
        case Endpoint::ResumeAgent:
            return exact(a + agents.at(1).id + QStringLiteral("/resume"), "PUT");
        case Endpoint::StopAgent:
            return exact(a + agents.at(0).id + QStringLiteral("/stop"), "PUT");
        case Endpoint::AccessToken:
            return exact(QStringLiteral("/v2/access-token"), "GET");
        }
        return {};
    }

    // The object a Removed cell's row belongs to.
    QString objectId(Endpoint e) const
    {
        switch (e) {
        case Endpoint::GetCluster:
        case Endpoint::UpdateCluster:
            return cluster.id;
        case Endpoint::DeleteCluster:
            return other.id;
        case Endpoint::GetQueue:
        case Endpoint::UpdateQueue:
        case Endpoint::PauseQueue:
            return queue.id;
        case Endpoint::DeleteQueue:
            return doomed.id;
        case Endpoint::ResumeQueue:
            return paused.id;
        default:
            return token.id;
        }
    }
};

// What the user was shown: the outcome's line (empty on success).
struct Outcome {
    bool done = false;
    QString line;
};

template <class T>
bool settle(Answer<T>& answer, Outcome* out)
{
    if (!FaultMatrix::waitUntil([&] { return answer.result.has_value(); }, 20000))
        return false;
    out->done = true;
    out->line = answer.result->ok() ? QString() : answer.result->error().toString();
    return true;
}

} // namespace

class TestFaultMatrix final : public QObject {
    Q_OBJECT

    // Runs the endpoint the way the app does and waits for what the user is shown. Every
    // failure reported to a caller must also have been reported as operationFailed with the
    // same text (the main window's error bar); checked by the caller through `failed`.
    Outcome run(Harness& h, Endpoint e)
    {
        OrganizationSession& s = *h.session;
        Outcome out;
        switch (groupOf(e)) {
        case Group::Refresh: {
            QSignalSpy finished(&s, &OrganizationSession::refreshFinished);
            s.refresh();
            if (!finished.wait(20000))
                return out;
            out.done = true;
            out.line = finished.at(0).at(0).value<ApiError>().toString();
            return out;
        }
        case Group::Agents: {
            QSignalSpy failed(&s, &OrganizationSession::operationFailed);
            bool done = false;
            s.refreshAgents([&](bool, int) { done = true; });
            if (!FaultMatrix::waitUntil([&] { return done; }, 20000))
                return out;
            out.done = true;
            if (!failed.isEmpty())
                out.line = failed.at(0).at(1).value<ApiError>().toString();
            else
                out.line = s.agentsUnavailableReason();
            return out;
        }
        case Group::TokenCheck: {
            QSignalSpy failed(&s, &OrganizationSession::accessTokenFailed);
            QSignalSpy loaded(&s, &OrganizationSession::accessTokenLoaded);
            s.fetchAccessToken();
            if (!FaultMatrix::waitUntil(
                    [&] { return !failed.isEmpty() || !loaded.isEmpty(); }, 20000))
                return out;
            out.done = true;
            if (!failed.isEmpty())
                out.line = failed.at(0).at(0).value<ApiError>().toString();
            return out;
        }
        default:
            break;
        }

        switch (e) {
        case Endpoint::CreateCluster: {
            Answer<Cluster> a;
            ClusterInput input;
            input.name = QStringLiteral("Matrix cluster");
            s.createCluster(input, nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::GetCluster:
        case Endpoint::UpdateCluster: {
            Answer<Cluster> a;
            ClusterInput input;
            input.description = QStringLiteral("Changed by the fault matrix");
            s.updateCluster(h.cluster.id, input, nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::DeleteCluster: {
            Answer<NoContent> a;
            s.deleteCluster(h.other.id, nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::CreateQueue: {
            Answer<Queue> a;
            QueueInput input;
            input.key = QStringLiteral("matrix-queue");
            s.createQueue(h.cluster.id, input, nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::UpdateQueue: {
            Answer<Queue> a;
            QueueInput input;
            input.description = QStringLiteral("Changed by the fault matrix");
            s.updateQueue(h.cluster.id, h.queue.id, input, nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::DeleteQueue: {
            Answer<NoContent> a;
            s.deleteQueue(h.cluster.id, h.doomed.id, nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::GetQueue:
        case Endpoint::PauseQueue: {
            Answer<Queue> a;
            s.pauseQueue(
                h.cluster.id, h.queue.id, QStringLiteral("Fault matrix"), nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::ResumeQueue: {
            Answer<Queue> a;
            s.resumeQueue(h.cluster.id, h.paused.id, nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::CreateToken: {
            Answer<CreatedAgentToken> a;
            AgentTokenInput input;
            input.description = QStringLiteral("Matrix token");
            s.createToken(h.cluster.id, input, nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::GetToken:
        case Endpoint::UpdateToken: {
            Answer<AgentToken> a;
            AgentTokenInput input;
            input.description = QStringLiteral("Changed by the fault matrix");
            s.updateToken(h.cluster.id, h.token.id, input, nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::RevokeToken: {
            Answer<NoContent> a;
            s.deleteToken(h.cluster.id, h.token.id, nullptr, a.callback());
            settle(a, &out);
            return out;
        }
        case Endpoint::PauseAgent: {
            Answer<NoContent> a;
            s.pauseAgent(h.agents.at(0), QStringLiteral("Fault matrix"), 10, nullptr, a.callback());
            settle(a, &out);
            break;
        }
        case Endpoint::ResumeAgent: {
            Answer<NoContent> a;
            s.resumeAgent(h.agents.at(1), nullptr, a.callback());
            settle(a, &out);
            break;
        }
        case Endpoint::StopAgent: {
            Answer<NoContent> a;
            s.stopAgent(h.agents.at(0), false, nullptr, a.callback());
            settle(a, &out);
            break;
        }
        default:
            return out;
        }
        // The agent writes list the queue's agents afterwards, whatever the answer: wait for
        // that too, so the tree is settled.
        if (!FaultMatrix::waitUntil([&] { return !s.isBusy(); }, 10000))
            out.done = false;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(
            QStringLiteral("kitedeck.*.info=false\nkitedeck.*.debug=false"));
    }

    void matrix_data()
    {
        QTest::addColumn<int>("endpoint");
        QTest::addColumn<int>("fault");
        for (Endpoint e : endpoints) {
            for (Fault f : FaultMatrix::allFaults())
                QTest::addRow("%s | %s", nameOf(e), qPrintable(FaultMatrix::name(f)))
                    << int(e) << int(f);
        }
    }

    void matrix()
    {
        QFETCH(int, endpoint);
        QFETCH(int, fault);
        const auto e = Endpoint(endpoint);
        const auto f = Fault(fault);

        Harness h;
        QVERIFY(h.start());
        if (e == Endpoint::ResumeAgent) {
            // Something to resume.
            Answer<NoContent> paused;
            h.session->pauseAgent(
                h.agents.at(1), QStringLiteral("Before the fault"), 10, nullptr, paused.callback());
            QVERIFY(FaultMatrix::waitUntil(
                [&] { return paused.result && !h.session->isBusy(); }, 10000));
            QVERIFY(paused.result->ok());
        }
        const Expect expect = expectation(e, f, h.names());
        const QStringList before = snapshot(h.model());
        const Harness::Target target = h.target(e);
        if (groupOf(e) == Group::ReadBack) {
            // The write before it loses its answer without being made; the fault meets the
            // read that settles it.
            const QByteArray write = e == Endpoint::GetQueue ? "POST" : "PATCH";
            const QString writePath = e == Endpoint::GetQueue
                ? target.path + QStringLiteral("/pause_dispatch")
                : target.path;
            h.server.closeWithoutAnswer(
                QLatin1Char('^') + QRegularExpression::escape(writePath) + QLatin1Char('$'), 1,
                write, false);
        }
        FaultMatrix::inject(h.server, f, target.pattern, target.verb, scopeOf(e));
        h.server.clearRequests();
        h.network.clear();

        QSignalSpy failed(h.session.get(), &OrganizationSession::operationFailed);
        const Outcome got = run(h, e);
        QVERIFY2(got.done, "no outcome within 20 s");
        const int attempts = h.network.sent(target.verb, target.path);
        const int received = h.server.receivedCount(target.verb, target.path);
        const QStringList after = snapshot(h.model());
        const QString actual = QStringLiteral("line=[%1] attempts=%2 received=%3")
                                   .arg(got.line)
                                   .arg(attempts)
                                   .arg(received);
        QVERIFY2(FaultMatrix::matches(got.line, expect.line),
            qPrintable(QStringLiteral("expected line [%1]; %2").arg(expect.line, actual)));
        QVERIFY2(!got.line.contains(QLatin1Char('\n')), "one line");
        QVERIFY2(attempts == expect.attempts,
            qPrintable(
                QStringLiteral("expected %1 attempts; %2").arg(expect.attempts).arg(actual)));
        // Qt's channel tries a request at most 3 more times (its reconnect attempts); one resend
        // in a cell is what has been seen, since the race has to be lost each time.
        QVERIFY2(expect.qtMayResend ? received >= attempts && received <= 4 * attempts
                                    : received == attempts,
            qPrintable(QStringLiteral("the sandbox received other than what was sent; ") + actual));
        // A failure reported to its caller is the one on the error bar.
        if (!got.line.isEmpty() && groupOf(e) != Group::Refresh && groupOf(e) != Group::Agents) {
            bool seen = false;
            for (const QList<QVariant>& signal : std::as_const(failed))
                seen = seen || signal.at(1).value<ApiError>().toString() == got.line;
            QVERIFY2(seen, qPrintable(QStringLiteral("not on the error bar; ") + actual));
        }
        switch (expect.tree) {
        case Tree::Unchanged:
            QVERIFY2(after == before,
                qPrintable(
                    QStringLiteral("tree changed; %1\n%2").arg(actual, difference(before, after))));
            break;
        case Tree::AsServer: {
            // The organisation row's agent totals included: a deleted cluster's agents leave
            // them at once.
            const QStringList server = h.fresh();
            QVERIFY2(after == server,
                qPrintable(QStringLiteral("tree differs from the server; %1\n%2")
                               .arg(actual, difference(server, after))));
            // Agents' pauses and stops show in the queue's table, not in the tree.
            if (groupOf(e) != Group::AgentWrite)
                QVERIFY2(after != before, qPrintable(QStringLiteral("nothing changed; ") + actual));
            break;
        }
        case Tree::Removed:
            QVERIFY2(!h.model()->indexForId(h.objectId(e)).isValid(),
                qPrintable(QStringLiteral("row still there; ") + actual));
            break;
        case Tree::AgentsUnknown:
            QVERIFY2(!h.model()->agentCounts(h.agents.at(0).queueId),
                qPrintable(QStringLiteral("agent counts still known; ") + actual));
            break;
        }
    }
};

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
