// SPDX-License-Identifier: MIT
#include "api/apiclient.h"
#include "modeltesthelpers.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

// OrganizationSession against the sandbox: a real HTTP round trip for every request.

using M = OrganizationTreeModel;
using Kind = OrganizationTreeModel::NodeKind;

namespace {

// A session on the sandbox's demo organisation, its model under the tester from the start.
struct Harness {
    SandboxServer server;
    QNetworkAccessManager network;
    ApiClient client { &network };
    std::unique_ptr<OrganizationSession> session;
    std::unique_ptr<QAbstractItemModelTester> tester;

    explicit Harness(bool readOnly = false)
    {
        server.seedDemo();
        // An enterprise limit: a reload of the demo (67 requests) fits one window, so these
        // tests need not wait for a reset (the budget tests below run at Buildkite's 50).
        server.setRateLimit(1000);
        if (!server.listen())
            qFatal("sandbox: %s", qPrintable(server.errorString()));
        client.setBaseUrl(server.baseUrl());
        client.setToken(readOnly ? server.readOnlyToken() : server.readWriteToken());
        session = std::make_unique<OrganizationSession>(&client, server.organization());
        tester = std::make_unique<QAbstractItemModelTester>(
            session->treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    M* model() const { return session->treeModel(); }

    ApiError refresh()
    {
        QSignalSpy finished(session.get(), &OrganizationSession::refreshFinished);
        session->refresh();
        if (!finished.wait(20000))
            return ApiError(ApiError::Kind::Timeout, QStringLiteral("no refreshFinished"));
        return finished.at(0).at(0).value<ApiError>();
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
        return QTest::qWaitFor([this] { return result.has_value(); }, 20000);
    }
    const T& value() const { return result->value(); }
};

// Every role of every row, as text, for looking for what must not be there.
QString everything(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    QString text;
    const QList<int> roles = model.roleNames().keys();
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        for (int role : roles) {
            const QVariant v = index.data(role);
            text += v.toString();
            if (v.canConvert<AgentToken>())
                text += TestData::tokenText(v.value<AgentToken>());
        }
        text += everything(model, index);
    }
    return text;
}

} // namespace

class TestOrganizationSession final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
    }

    void refreshLoadsTheWholeOrganization()
    {
        Harness h;
        const ApiError error = h.refresh();
        QVERIFY2(!error, qPrintable(error.toString()));
        QVERIFY(h.session->lastRefreshed().isValid());
        const QList<Cluster> clusters = h.model()->clusters();
        QCOMPARE(clusters.size(), h.server.clusterCount());
        QVERIFY(!clusters.isEmpty());
        int queues = 0;
        for (const Cluster& c : clusters) {
            // Every cluster's children arrived: counts known, no placeholder left.
            const QModelIndex group = h.model()->groupIndex(c.id, Kind::QueueGroup);
            QVERIFY2(group.data(M::CountRole).isValid(), qPrintable(c.name));
            QCOMPARE(h.model()->rowCount(group), group.data(M::CountRole).toInt());
            queues += group.data(M::CountRole).toInt();
            const QModelIndex tokens = h.model()->groupIndex(c.id, Kind::TokenGroup);
            QVERIFY(tokens.data(M::CountRole).isValid());
        }
        QVERIFY(queues > 0);
        // One list of clusters, then a queue list and a token list per cluster.
        QCOMPARE(h.server.requests().size(), 1 + 2 * clusters.size());
    }

    void aSecondRefreshOfTheSameDataEmitsNothing()
    {
        Harness h;
        QVERIFY(!h.refresh());
        ModelSpies spies(h.model());
        QSignalSpy changedIds(h.model(), &OrganizationTreeModel::changedIds);
        QVERIFY(!h.refresh());
        QCOMPARE(spies.total(), 0);
        QCOMPARE(changedIds.size(), 0);
    }

    // Each write merges its answer; a refresh afterwards then finds the model already equal to
    // the server, so the merged answers are the same values the list endpoints return.
    void writesRoundTrip()
    {
        Harness h;
        QVERIFY(!h.refresh());
        QSignalSpy loaded(h.session.get(), &OrganizationSession::accessTokenLoaded);
        h.session->fetchAccessToken();
        QVERIFY(loaded.wait(20000));
        QVERIFY(h.session->canWrite());

        Answer<Cluster> cluster;
        ClusterInput clusterInput;
        clusterInput.name = QStringLiteral("Kitedeck test");
        clusterInput.emoji = QStringLiteral(":test_tube:");
        h.session->createCluster(clusterInput, nullptr, cluster.callback());
        QVERIFY(cluster.wait());
        QVERIFY2(cluster.result->ok(), qPrintable(cluster.result->error().toString()));
        const QString cid = cluster.value().id;
        QCOMPARE(h.model()->indexForId(cid).data().toString(), QStringLiteral("Kitedeck test"));

        Answer<Queue> queue;
        QueueInput queueInput;
        queueInput.key = QStringLiteral("kitedeck-test");
        queueInput.description = QStringLiteral("Made by a test");
        h.session->createQueue(cid, queueInput, nullptr, queue.callback());
        QVERIFY(queue.wait());
        QVERIFY2(queue.result->ok(), qPrintable(queue.result->error().toString()));
        const QString qid = queue.value().id;

        Answer<Queue> paused;
        h.session->pauseQueue(cid, qid, QStringLiteral("maintenance"), nullptr, paused.callback());
        QVERIFY(paused.wait());
        QVERIFY2(paused.result->ok(), qPrintable(paused.result->error().toString()));
        QCOMPARE(h.model()->indexForId(qid).data(M::PausedRole).toBool(), true);
        QCOMPARE(h.model()->queue(qid).value_or(Queue {}).dispatchPausedNote,
            QStringLiteral("maintenance"));

        Answer<CreatedAgentToken> token;
        AgentTokenInput tokenInput;
        tokenInput.description = QStringLiteral("Kitedeck test agents");
        h.session->createToken(cid, tokenInput, nullptr, token.callback());
        QVERIFY(token.wait());
        QVERIFY2(token.result->ok(), qPrintable(token.result->error().toString()));
        const QString secret = token.value().value;
        QVERIFY(!secret.isEmpty());
        const QString tid = token.value().token.id;
        QVERIFY(h.model()->indexForId(tid).isValid());
        QVERIFY(!everything(*h.model()).contains(secret));

        Answer<AgentToken> edited;
        AgentTokenInput edit;
        edit.description = QStringLiteral("Kitedeck test agents (office)");
        edit.allowedIpAddresses = QStringLiteral("10.0.0.0/8");
        h.session->updateToken(cid, tid, edit, nullptr, edited.callback());
        QVERIFY(edited.wait());
        QVERIFY2(edited.result->ok(), qPrintable(edited.result->error().toString()));
        QCOMPARE(h.model()->token(tid).value_or(AgentToken {}).allowedIpAddresses,
            QStringLiteral("10.0.0.0/8"));

        // The first refresh after the access token is known also lists the agents (their counts
        // arrive); the one after it finds nothing new and reports nothing.
        QVERIFY(!h.refresh());
        {
            ModelSpies spies(h.model());
            QVERIFY(!h.refresh());
            QCOMPARE(spies.total(), 0);
        }

        Answer<Queue> resumed;
        h.session->resumeQueue(cid, qid, nullptr, resumed.callback());
        QVERIFY(resumed.wait());
        QVERIFY(resumed.result->ok());
        QCOMPARE(h.model()->indexForId(qid).data(M::PausedRole).toBool(), false);

        Answer<NoContent> tokenGone;
        h.session->deleteToken(cid, tid, nullptr, tokenGone.callback());
        QVERIFY(tokenGone.wait());
        QVERIFY(tokenGone.result->ok());
        QVERIFY(!h.model()->indexForId(tid).isValid());

        Answer<NoContent> queueGone;
        h.session->deleteQueue(cid, qid, nullptr, queueGone.callback());
        QVERIFY(queueGone.wait());
        QVERIFY(queueGone.result->ok());

        Answer<NoContent> clusterGone;
        h.session->deleteCluster(cid, nullptr, clusterGone.callback());
        QVERIFY(clusterGone.wait());
        QVERIFY(clusterGone.result->ok());
        QVERIFY(!h.model()->indexForId(cid).isValid());

        ModelSpies spies(h.model());
        QVERIFY(!h.refresh());
        QCOMPARE(spies.total(), 0);
    }

    void aReadOnlyTokenCannotWrite()
    {
        Harness h(true);
        QVERIFY(!h.refresh());
        QSignalSpy loaded(h.session.get(), &OrganizationSession::accessTokenLoaded);
        h.session->fetchAccessToken();
        QVERIFY(loaded.wait(20000));
        QVERIFY(!h.session->canWrite());

        ModelSpies spies(h.model());
        Answer<Cluster> cluster;
        ClusterInput input;
        input.name = QStringLiteral("Nope");
        h.session->createCluster(input, nullptr, cluster.callback());
        QVERIFY(cluster.wait());
        QCOMPARE(cluster.result->error().kind(), ApiError::Kind::Forbidden);
        QCOMPARE(spies.total(), 0);
    }

    void aFailingClusterShowsItsErrorInline()
    {
        Harness h;
        const QString message = QStringLiteral("Injected failure");
        const QByteArray body
            = QJsonDocument(QJsonObject { { QStringLiteral("message"), message } }).toJson();
        h.server.failPath(QStringLiteral("/clusters/[^/]+/tokens$"), 403, body, 1);
        const ApiError error = h.refresh();
        QCOMPARE(error.kind(), ApiError::Kind::Forbidden);
        int failed = 0;
        for (const Cluster& c : h.model()->clusters()) {
            if (h.model()->indexForId(c.id).data(M::ErrorRole).toString() == message)
                ++failed;
        }
        QCOMPARE(failed, 1);

        QVERIFY(!h.refresh()); // the fault was for one request only
        for (const Cluster& c : h.model()->clusters())
            QVERIFY(!h.model()->indexForId(c.id).data(M::ErrorRole).isValid());
    }
};

QTEST_GUILESS_MAIN(TestOrganizationSession)
#include "tst_organizationsession.moc"
