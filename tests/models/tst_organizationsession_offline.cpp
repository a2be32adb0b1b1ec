// SPDX-License-Identifier: MIT
#include "api/apiclient.h"
#include "fakenetwork.h"
#include "modeltesthelpers.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

using M = OrganizationTreeModel;
using Kind = OrganizationTreeModel::NodeKind;

namespace {

const QString secretValue = QStringLiteral("bkct_s3cr3t-agent-token-value");

QJsonObject object(std::initializer_list<std::pair<const char*, QJsonValue>> fields)
{
    QJsonObject o;
    for (const auto& [key, value] : fields)
        o.insert(QLatin1String(key), value);
    return o;
}

// Buildkite's error body. (Raw string literals would be shorter, but moc 6.4 loses the test class
// after one.)
QByteArray messageBody(const char* message)
{
    return QJsonDocument(object({ { "message", QString::fromUtf8(message) } }))
        .toJson(QJsonDocument::Compact);
}

// A few Buildkite endpoints over plain in-memory JSON, enough to drive a session offline.
class FakeBuildkite final {
public:
    QList<QJsonObject> clusters;
    QHash<QString, QList<QJsonObject>> queues;
    QHash<QString, QList<QJsonObject>> tokens;
    QStringList scopes { QStringLiteral("read_clusters"), QStringLiteral("write_clusters") };
    // "VERB /path" -> a canned answer instead of the normal one; consumed once.
    QHash<QString, FakeNetwork::Response> faults;
    int nextId = 100;

    FakeBuildkite()
    {
        clusters = { object(
                         { { "id", QStringLiteral("c1") }, { "name", QStringLiteral("Build") } }),
            object({ { "id", QStringLiteral("c2") }, { "name", QStringLiteral("Deploy") } }) };
        queues[QStringLiteral("c1")] = { queueJson(QStringLiteral("q1"), QStringLiteral("default")),
            queueJson(QStringLiteral("q2"), QStringLiteral("arm")) };
        queues[QStringLiteral("c2")]
            = { queueJson(QStringLiteral("q3"), QStringLiteral("deploy")) };
        tokens[QStringLiteral("c1")] = { object(
            { { "id", QStringLiteral("t1") }, { "description", QStringLiteral("CI") } }) };
    }

    static QJsonObject queueJson(const QString& id, const QString& key)
    {
        return object({ { "id", id }, { "key", key }, { "dispatch_paused", false } });
    }

    FakeNetwork::Response handle(const FakeNetwork::Request& r)
    {
        const QString signature = QString::fromLatin1(r.verb) + QLatin1Char(' ') + r.path;
        if (faults.contains(signature))
            return withRateLimit(faults.take(signature));
        return withRateLimit(route(r));
    }

private:
    static FakeNetwork::Response json(int status, const QJsonValue& value)
    {
        const QByteArray body = value.isArray()
            ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
            : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        return { status, body, {} };
    }
    static FakeNetwork::Response notFound(const char* what)
    {
        return json(
            404, object({ { "message", QStringLiteral("No %1 found").arg(QLatin1String(what)) } }));
    }
    static FakeNetwork::Response withRateLimit(FakeNetwork::Response response)
    {
        response.headers.emplaceBack("RateLimit-Limit", "200");
        response.headers.emplaceBack("RateLimit-Remaining", "199");
        response.headers.emplaceBack("RateLimit-Reset", "42");
        return response;
    }
    static QJsonArray array(const QList<QJsonObject>& items)
    {
        QJsonArray out;
        for (const QJsonObject& item : items)
            out.append(item);
        return out;
    }
    static qsizetype find(const QList<QJsonObject>& items, const QString& id)
    {
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).value(QLatin1String("id")).toString() == id)
                return i;
        }
        return -1;
    }

    FakeNetwork::Response route(const FakeNetwork::Request& r)
    {
        if (r.path == QLatin1String("/v2/access-token")) {
            return json(200,
                object({ { "uuid", QStringLiteral("u-1") },
                    { "scopes", QJsonArray::fromStringList(scopes) },
                    { "user", object({ { "name", QStringLiteral("Sam") } }) } }));
        }
        const QStringList parts = r.path.split(QLatin1Char('/'));
        // "", v2, organizations, acme, clusters, [cid, [queues|tokens, [id, [action]]]]
        if (parts.size() < 5 || parts.at(3) != QLatin1String("acme")
            || parts.at(4) != QLatin1String("clusters"))
            return notFound("route");
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        if (parts.size() == 5) {
            if (r.verb == "GET")
                return json(200, array(clusters));
            QJsonObject c = body;
            c.insert(QStringLiteral("id"), QStringLiteral("c%1").arg(nextId++));
            clusters.append(c);
            return json(201, c);
        }
        const QString cid = parts.at(5);
        const qsizetype ci = find(clusters, cid);
        if (ci < 0)
            return notFound("cluster");
        if (parts.size() == 6) {
            if (r.verb == "DELETE") {
                clusters.removeAt(ci);
                return { 204, {}, {} };
            }
            for (auto it = body.begin(); it != body.end(); ++it)
                clusters[ci].insert(it.key(), it.value());
            return json(200, clusters.at(ci));
        }
        QList<QJsonObject>& items
            = parts.at(6) == QLatin1String("queues") ? queues[cid] : tokens[cid];
        const bool isQueues = parts.at(6) == QLatin1String("queues");
        if (parts.size() == 7) {
            if (r.verb == "GET")
                return json(200, array(items));
            QJsonObject created = body;
            created.insert(QStringLiteral("id"),
                QStringLiteral("%1%2").arg(QChar(isQueues ? u'q' : u't')).arg(nextId++));
            items.append(created);
            if (!isQueues)
                created.insert(QStringLiteral("token"), secretValue); // only in the create answer
            return json(201, created);
        }
        const qsizetype i = find(items, parts.at(7));
        if (i < 0)
            return notFound(isQueues ? "queue" : "token");
        if (parts.size() == 9) {
            const bool pause = parts.at(8) == QLatin1String("pause_dispatch");
            if (items.at(i).value(QLatin1String("dispatch_paused")).toBool() == pause)
                return json(422,
                    object({ { "message",
                        pause ? QStringLiteral("Cluster queue is already paused")
                              : QStringLiteral("Cluster queue is not paused") } }));
            items[i].insert(QStringLiteral("dispatch_paused"), pause);
            items[i].insert(QStringLiteral("dispatch_paused_note"),
                pause ? body.value(QLatin1String("dispatch_paused_note")) : QJsonValue());
            return json(200, items.at(i));
        }
        if (r.verb == "GET")
            return json(200, items.at(i));
        if (r.verb == "DELETE") {
            items.removeAt(i);
            return { 204, {}, {} };
        }
        for (auto it = body.begin(); it != body.end(); ++it)
            items[i].insert(it.key(), it.value());
        return json(200, items.at(i));
    }
};

// The session over a fake network, its model under the tester from the first moment.
struct Harness {
    FakeNetwork network;
    ApiClient client { &network };
    FakeBuildkite api;
    OrganizationSession session { &client, QStringLiteral("acme") };
    QAbstractItemModelTester tester { session.treeModel(),
        QAbstractItemModelTester::FailureReportingMode::QtTest };

    Harness()
    {
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:9")));
        client.setToken(QStringLiteral("test-token"));
        network.setHandler([this](const FakeNetwork::Request& r) { return api.handle(r); });
    }

    M* model() const { return session.treeModel(); }

    bool refresh()
    {
        QSignalSpy finished(&session, &OrganizationSession::refreshFinished);
        session.refresh();
        return finished.wait(5000);
    }
};

template <class T>
struct Answer {
    std::optional<Result<T>> result;
    OrganizationSession::Callback<T> callback()
    {
        return [this](const Result<T>& r) { result = r; };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, 5000);
    }
};

} // namespace

class TestOrganizationSessionOffline final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
    }

    void refreshLoadsTheOrganization()
    {
        Harness h;
        QSignalSpy started(&h.session, &OrganizationSession::refreshStarted);
        QSignalSpy busy(&h.session, &OrganizationSession::busyChanged);
        QSignalSpy activity(&h.session, &OrganizationSession::activity);
        QVERIFY(!h.session.lastRefreshed().isValid());
        QVERIFY(h.refresh());
        QCOMPARE(started.size(), 1);
        QCOMPARE(busy.size(), 2);
        QCOMPARE(busy.at(0).at(0).toBool(), true);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
        QCOMPARE(activity.first().at(0).toString(), QStringLiteral("Refreshing acme…"));
        QCOMPARE(activity.last().at(0).toString(), QString());
        QVERIFY(!h.session.isBusy());
        QVERIFY(!h.session.isRefreshing());
        QVERIFY(h.session.lastRefreshed().isValid());
        QVERIFY(!h.session.lastRefreshError());
        QCOMPARE(h.network.requests().size(), 1 + 2 * 2);

        QCOMPARE(h.model()->clusters().size(), 2);
        QCOMPARE(h.model()->queues(QStringLiteral("c1")).size(), 2);
        QCOMPARE(h.model()->groupIndex(QStringLiteral("c1"), Kind::QueueGroup).data().toString(),
            QStringLiteral("Queues (2)"));
        QCOMPARE(h.model()->groupIndex(QStringLiteral("c2"), Kind::TokenGroup).data().toString(),
            QStringLiteral("Agent tokens (0)"));
        QCOMPARE(h.network.requests().first().authorization, QByteArray("Bearer test-token"));
    }

    void theSessionStatesTheCostOfARefreshAndTheRateLimit()
    {
        Harness h;
        QCOMPARE(h.session.requestsPerRefresh(), 1); // only the cluster list is known to come
        QVERIFY(!h.session.rateLimit().tightest().isKnown());
        QVERIFY(h.refresh());
        QCOMPARE(h.session.requestsPerRefresh(), int(h.network.requests().size()));
        QCOMPARE(h.session.rateLimit().organization.remaining, 199);

        ClusterInput input;
        input.name = QStringLiteral("Third");
        Answer<Cluster> created;
        h.session.createCluster(input, nullptr, created.callback());
        QVERIFY(created.wait());
        QCOMPARE(h.session.requestsPerRefresh(), 1 + 2 * 3);
    }

    void aRefreshRunsOnceAtATime()
    {
        Harness h;
        QSignalSpy finished(&h.session, &OrganizationSession::refreshFinished);
        h.session.refresh();
        h.session.refresh();
        QVERIFY(h.session.isRefreshing());
        QVERIFY(finished.wait(5000));
        QTest::qWait(20);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(h.network.requests().size(), 5);
    }

    void aRefreshThatFindsNothingNewEmitsNothing()
    {
        Harness h;
        QVERIFY(h.refresh());
        ModelSpies spies(h.model());
        QSignalSpy changedIds(h.model(), &OrganizationTreeModel::changedIds);
        QVERIFY(h.refresh());
        QCOMPARE(spies.total(), 0);
        QCOMPARE(changedIds.size(), 0);

        // Something did change on the server: exactly that is reported.
        h.api.queues[QStringLiteral("c2")].append(
            FakeBuildkite::queueJson(QStringLiteral("q9"), QStringLiteral("new")));
        QVERIFY(h.refresh());
        QCOMPARE(spies.reset.size(), 0);
        QCOMPARE(spies.inserted.size(), 1);
        QCOMPARE(changedIds.size(), 1);
        QCOMPARE(changedIds.at(0).at(0).toStringList(), QStringList { QStringLiteral("q9") });
    }

    void aFailedClusterListShowsOnTheOrganization()
    {
        Harness h;
        h.api.faults.insert(QStringLiteral("GET /v2/organizations/acme/clusters"),
            { 403, messageBody("Your access token doesn't have the read_clusters scope"), {} });
        QSignalSpy finished(&h.session, &OrganizationSession::refreshFinished);
        QSignalSpy failed(&h.session, &OrganizationSession::operationFailed);
        h.session.refresh();
        QVERIFY(finished.wait(5000));
        const auto error = finished.at(0).at(0).value<ApiError>();
        QCOMPARE(error.kind(), ApiError::Kind::Forbidden);
        QCOMPARE(h.session.lastRefreshError(), error);
        QVERIFY(!h.session.lastRefreshed().isValid());
        QCOMPARE(failed.size(), 1);
        const QModelIndex org = h.model()->organizationIndex();
        QCOMPARE(h.model()->rowCount(org), 1);
        const QModelIndex row = h.model()->index(0, 0, org);
        QCOMPARE(row.data(M::KindRole).value<Kind>(), Kind::Error);
        QCOMPARE(row.data().toString(),
            QStringLiteral("Your access token doesn't have the read_clusters scope"));

        QVERIFY(h.refresh()); // the next one succeeds and replaces the error
        QCOMPARE(h.model()->rowCount(org), 2);
        QVERIFY(h.session.lastRefreshed().isValid());
    }

    void aFailedClusterShowsOnTheCluster()
    {
        Harness h;
        h.api.faults.insert(QStringLiteral("GET /v2/organizations/acme/clusters/c2/tokens"),
            { 403, messageBody("Forbidden"), {} });
        QSignalSpy finished(&h.session, &OrganizationSession::refreshFinished);
        h.session.refresh();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::Forbidden);
        QVERIFY(h.session.lastRefreshed().isValid()); // the cluster list itself was fine
        QCOMPARE(h.model()->indexForId(QStringLiteral("c2")).data(M::ErrorRole).toString(),
            QStringLiteral("Forbidden"));
        QVERIFY(!h.model()->indexForId(QStringLiteral("c1")).data(M::ErrorRole).isValid());
        const QModelIndex tokens = h.model()->groupIndex(QStringLiteral("c2"), Kind::TokenGroup);
        QCOMPARE(h.model()->index(0, 0, tokens).data(M::KindRole).value<Kind>(), Kind::Error);
    }

    void writesMergeTheirAnswers()
    {
        Harness h;
        QVERIFY(h.refresh());
        M* model = h.model();

        Answer<Cluster> created;
        ClusterInput input;
        input.name = QStringLiteral("Test");
        h.session.createCluster(input, nullptr, created.callback());
        QVERIFY(created.wait());
        QVERIFY(created.result->ok());
        const QString cid = created.result->value().id;
        QCOMPARE(model->clusterForId(cid).value_or(Cluster {}).name, QStringLiteral("Test"));
        // Known to be empty: no "Loading…" under a cluster that was just created.
        QCOMPARE(model->groupIndex(cid, Kind::QueueGroup).data().toString(),
            QStringLiteral("Queues (0)"));

        Answer<Cluster> renamed;
        ClusterInput rename;
        rename.name = QStringLiteral("Testing");
        h.session.updateCluster(cid, rename, nullptr, renamed.callback());
        QVERIFY(renamed.wait());
        QCOMPARE(model->indexForId(cid).data().toString(), QStringLiteral("Testing"));
        QCOMPARE(h.network.requests().last().verb, QByteArray("PATCH"));

        Answer<Queue> queue;
        QueueInput queueInput;
        queueInput.key = QStringLiteral("linux");
        h.session.createQueue(cid, queueInput, nullptr, queue.callback());
        QVERIFY(queue.wait());
        const QString qid = queue.result->value().id;
        QCOMPARE(model->indexForId(qid).parent(), model->groupIndex(cid, Kind::QueueGroup));

        Answer<Queue> paused;
        h.session.pauseQueue(cid, qid, QStringLiteral("maintenance"), nullptr, paused.callback());
        QVERIFY(paused.wait());
        QVERIFY(paused.result->ok());
        QCOMPARE(h.network.requests().last().body,
            QJsonDocument(object({ { "dispatch_paused_note", QStringLiteral("maintenance") } }))
                .toJson(QJsonDocument::Compact));
        QCOMPARE(model->indexForId(qid).data(M::PausedRole).toBool(), true);

        Answer<Queue> resumed;
        h.session.resumeQueue(cid, qid, nullptr, resumed.callback());
        QVERIFY(resumed.wait());
        QCOMPARE(model->indexForId(qid).data(M::PausedRole).toBool(), false);

        Answer<NoContent> queueGone;
        h.session.deleteQueue(cid, qid, nullptr, queueGone.callback());
        QVERIFY(queueGone.wait());
        QVERIFY(queueGone.result->ok());
        QVERIFY(!model->indexForId(qid).isValid());

        Answer<NoContent> clusterGone;
        h.session.deleteCluster(QStringLiteral("c1"), nullptr, clusterGone.callback());
        QVERIFY(clusterGone.wait());
        QVERIFY(!model->indexForId(QStringLiteral("c1")).isValid());
        QVERIFY(!model->indexForId(QStringLiteral("q1")).isValid());
        QVERIFY(!model->indexForId(QStringLiteral("t1")).isValid());
    }

    void aCreatedTokenValueReachesOnlyTheCaller()
    {
        Harness h;
        QVERIFY(h.refresh());
        Answer<CreatedAgentToken> created;
        AgentTokenInput input;
        input.description = QStringLiteral("New agents");
        h.session.createToken(QStringLiteral("c2"), input, nullptr, created.callback());
        QVERIFY(created.wait());
        QVERIFY(created.result->ok());
        QCOMPARE(created.result->value().value, secretValue);
        const QString tid = created.result->value().token.id;
        QVERIFY(h.model()->indexForId(tid).isValid());

        // Nothing any row answers, for any role, carries the value.
        const QList<int> roles = h.model()->roleNames().keys();
        std::function<void(const QModelIndex&)> scan = [&](const QModelIndex& parent) {
            for (int row = 0; row < h.model()->rowCount(parent); ++row) {
                const QModelIndex index = h.model()->index(row, 0, parent);
                for (int role : roles) {
                    const QVariant v = index.data(role);
                    QString text = v.toString();
                    if (v.canConvert<AgentToken>())
                        text += TestData::tokenText(v.value<AgentToken>());
                    QVERIFY2(!text.contains(secretValue), qPrintable(index.data().toString()));
                }
                scan(index);
            }
        };
        scan({});
        const auto token = h.model()->token(tid);
        QVERIFY(token);
        QVERIFY(!TestData::tokenText(*token).contains(secretValue));
    }

    void aDeadContextDropsTheCallbackNotTheMerge()
    {
        Harness h;
        QVERIFY(h.refresh());
        auto* context = new QObject;
        bool called = false;
        QSignalSpy busy(&h.session, &OrganizationSession::busyChanged);
        h.session.pauseQueue(QStringLiteral("c1"), QStringLiteral("q1"), {}, context,
            [&called](const Result<Queue>&) { called = true; });
        delete context;
        QTRY_COMPARE(busy.size(), 2); // the request finished
        QVERIFY(!called);
        QCOMPARE(h.model()->indexForId(QStringLiteral("q1")).data(M::PausedRole).toBool(), true);
    }

    void aFailedWriteLeavesTheModel()
    {
        Harness h;
        QVERIFY(h.refresh());
        h.api.faults.insert(QStringLiteral("PATCH /v2/organizations/acme/clusters/c1/queues/q1"),
            { 422, messageBody("Validation failed: Description is too long"), {} });
        ModelSpies spies(h.model());
        QSignalSpy failed(&h.session, &OrganizationSession::operationFailed);
        Answer<Queue> answer;
        QueueInput input;
        input.description = QStringLiteral("x");
        h.session.updateQueue(
            QStringLiteral("c1"), QStringLiteral("q1"), input, nullptr, answer.callback());
        QVERIFY(answer.wait());
        QCOMPARE(answer.result->error().kind(), ApiError::Kind::Validation);
        QCOMPARE(answer.result->error().message(),
            QStringLiteral("Validation failed: Description is too long"));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("Updating queue “default”…"));
        QCOMPARE(spies.total(), 0);
    }

    void whatTheServerLostLeavesTheModel()
    {
        Harness h;
        QVERIFY(h.refresh());
        h.api.tokens[QStringLiteral("c1")].clear(); // deleted elsewhere
        Answer<NoContent> answer;
        h.session.deleteToken(
            QStringLiteral("c1"), QStringLiteral("t1"), nullptr, answer.callback());
        QVERIFY(answer.wait());
        QCOMPARE(answer.result->error().kind(), ApiError::Kind::NotFound);
        QVERIFY(!h.model()->indexForId(QStringLiteral("t1")).isValid());

        h.api.queues[QStringLiteral("c1")].removeFirst();
        Answer<Queue> update;
        h.session.updateQueue(
            QStringLiteral("c1"), QStringLiteral("q1"), QueueInput {}, nullptr, update.callback());
        QVERIFY(update.wait());
        QVERIFY(!h.model()->indexForId(QStringLiteral("q1")).isValid());

        // Every kind alike: a 404 on a change removes the object, a failed create changes
        // nothing.
        h.api.queues[QStringLiteral("c1")].clear();
        Answer<Queue> resume;
        h.session.resumeQueue(
            QStringLiteral("c1"), QStringLiteral("q2"), nullptr, resume.callback());
        QVERIFY(resume.wait());
        QVERIFY(!h.model()->indexForId(QStringLiteral("q2")).isValid());

        h.api.clusters.removeLast(); // c2
        ModelSpies spies(h.model());
        Answer<Queue> createIn;
        QueueInput queueInput;
        queueInput.key = QStringLiteral("late");
        h.session.createQueue(QStringLiteral("c2"), queueInput, nullptr, createIn.callback());
        QVERIFY(createIn.wait());
        QCOMPARE(createIn.result->error().kind(), ApiError::Kind::NotFound);
        QCOMPARE(spies.total(), 0);
        Answer<Cluster> rename;
        h.session.updateCluster(QStringLiteral("c2"), ClusterInput {}, nullptr, rename.callback());
        QVERIFY(rename.wait());
        QVERIFY(!h.model()->indexForId(QStringLiteral("c2")).isValid());
        QVERIFY(!h.model()->indexForId(QStringLiteral("q3")).isValid());
    }

    void pausingAPausedQueueReloadsIt()
    {
        Harness h;
        QVERIFY(h.refresh());
        h.api.queues[QStringLiteral("c1")][0].insert(
            QStringLiteral("dispatch_paused"), true); // paused elsewhere
        Answer<Queue> answer;
        h.session.pauseQueue(
            QStringLiteral("c1"), QStringLiteral("q1"), {}, nullptr, answer.callback());
        QVERIFY(answer.wait());
        QCOMPARE(
            answer.result->error().message(), QStringLiteral("Cluster queue is already paused"));
        QTRY_COMPARE(
            h.model()->indexForId(QStringLiteral("q1")).data(M::PausedRole).toBool(), true);
        QCOMPARE(h.network.requests().last().verb, QByteArray("GET"));
        QCOMPARE(h.network.requests().last().path,
            QStringLiteral("/v2/organizations/acme/clusters/c1/queues/q1"));
    }

    void theAccessTokenDecidesWrites()
    {
        Harness h;
        QVERIFY(!h.session.canWrite());
        QSignalSpy loaded(&h.session, &OrganizationSession::accessTokenLoaded);
        h.session.fetchAccessToken();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.at(0).at(0).value<AccessToken>().uuid, QStringLiteral("u-1"));
        QVERIFY(h.session.canWrite());
        QCOMPARE(h.session.accessToken().value_or(AccessToken {}).userName, QStringLiteral("Sam"));

        h.api.scopes = { QStringLiteral("read_clusters") };
        h.session.fetchAccessToken();
        QVERIFY(loaded.wait(5000));
        QVERIFY(!h.session.canWrite());

        QSignalSpy failed(&h.session, &OrganizationSession::accessTokenFailed);
        h.api.faults.insert(QStringLiteral("GET /v2/access-token"),
            { 401, messageBody("Authentication required"), {} });
        h.session.fetchAccessToken();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::Unauthorized);
    }

    void rateLimitsAreForwarded()
    {
        Harness h;
        QSignalSpy rate(&h.session, &OrganizationSession::rateLimitChanged);
        QVERIFY(h.refresh());
        QCOMPARE(rate.size(), 5);
        const auto status = rate.last().at(0).value<RateLimitStatus>();
        QCOMPARE(status.organization.limit, 200);
        QCOMPARE(status.organization.remaining, 199);
        QCOMPARE(status.organization.resetSeconds, 42);
    }

    void busyCoversEveryRequestInFlight()
    {
        Harness h;
        QVERIFY(h.refresh());
        QSignalSpy busy(&h.session, &OrganizationSession::busyChanged);
        QSignalSpy activity(&h.session, &OrganizationSession::activity);
        Answer<Queue> first;
        Answer<Queue> second;
        h.session.pauseQueue(
            QStringLiteral("c1"), QStringLiteral("q1"), {}, nullptr, first.callback());
        h.session.pauseQueue(
            QStringLiteral("c1"), QStringLiteral("q2"), {}, nullptr, second.callback());
        QVERIFY(h.session.isBusy());
        QCOMPARE(h.session.currentActivity(), QStringLiteral("Pausing queue “arm”…"));
        QCOMPARE(busy.size(), 1);
        QVERIFY(first.wait());
        QVERIFY(second.wait());
        QCOMPARE(busy.size(), 2);
        QCOMPARE(busy.at(1).at(0).toBool(), false);
        QCOMPARE(activity.at(0).at(0).toString(), QStringLiteral("Pausing queue “default”…"));
        QCOMPARE(activity.last().at(0).toString(), QString());
    }
};

QTEST_GUILESS_MAIN(TestOrganizationSessionOffline)
#include "tst_organizationsession_offline.moc"
