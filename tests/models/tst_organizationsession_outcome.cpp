// SPDX-License-Identifier: MIT
#include "api/apiclient.h"
#include "modeltesthelpers.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

// OrganizationSession when a write's answer is lost (ApiError::Kind::OutcomeUnknown), against
// the sandbox's closeWithoutAnswer fault: handled, the write happened and its answer was lost;
// not handled, the write was dropped. Either way the session reads back what the write touched
// and reports what is there, and never sends the write twice.

namespace {

struct Harness {
    SandboxServer server;
    QNetworkAccessManager network;
    ApiClient client { &network };
    std::unique_ptr<OrganizationSession> session;
    std::unique_ptr<QAbstractItemModelTester> tester;

    Harness()
    {
        server.seedDemo();
        server.setRateLimit(1000); // a reload of the demo fits one window
        if (!server.listen())
            qFatal("sandbox: %s", qPrintable(server.errorString()));
        client.setBaseUrl(server.baseUrl());
        client.setToken(server.readWriteToken());
        session = std::make_unique<OrganizationSession>(&client, server.organization());
        tester = std::make_unique<QAbstractItemModelTester>(
            session->treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    OrganizationTreeModel* model() const { return session->treeModel(); }
    QString org() const { return QStringLiteral("/v2/organizations/") + server.organization(); }

    bool refresh()
    {
        QSignalSpy finished(session.get(), &OrganizationSession::refreshFinished);
        session->refresh();
        return finished.wait(20000) && !finished.at(0).at(0).value<ApiError>();
    }

    // A cluster of the demo organisation with at least one queue and one token.
    Cluster cluster() const
    {
        for (const Cluster& c : model()->clusters()) {
            if (!model()->queues(c.id).isEmpty() && !model()->tokens(c.id).isEmpty()
                && c.id != server.defaultClusterId())
                return c;
        }
        return {};
    }

    Queue queue(bool paused) const
    {
        for (const Queue& q : model()->queues(cluster().id)) {
            if (q.dispatchPaused == paused)
                return q;
        }
        return {};
    }
};

template <class T>
struct Answer {
    std::optional<Result<T>> result;
    int calls = 0;
    OrganizationSession::Callback<T> callback()
    {
        return [this](const Result<T>& r) {
            result = r;
            ++calls;
        };
    }
    bool wait()
    {
        return QTest::qWaitFor([this] { return result.has_value(); }, 20000);
    }
    ApiError error() const { return result->error(); }
};

bool activityShown(const QSignalSpy& spy, const QString& text)
{
    for (const QList<QVariant>& signal : spy) {
        if (signal.at(0).toString() == text)
            return true;
    }
    return false;
}

} // namespace

#define WAIT_OK(answer)                                                                            \
    do {                                                                                           \
        QVERIFY(answer.wait());                                                                    \
        QVERIFY2(answer.result->ok(), qPrintable(answer.error().toString()));                      \
        QCOMPARE(answer.calls, 1);                                                                 \
    } while (false)

#define WAIT_ERROR(answer, errorKind, text)                                                        \
    do {                                                                                           \
        QVERIFY(answer.wait());                                                                    \
        QVERIFY(!answer.result->ok());                                                             \
        QCOMPARE(answer.calls, 1);                                                                 \
        QCOMPARE(int(answer.error().kind()), int(errorKind));                                      \
        QVERIFY2(answer.error().message().contains(QLatin1String(text)),                           \
            qPrintable(answer.error().message()));                                                 \
    } while (false)

class TestOrganizationSessionOutcome final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
    }

    void clusterCreateAnswerLostButMade()
    {
        Harness h;
        QVERIFY(h.refresh());
        const int before = h.server.clusterCount();
        h.server.closeWithoutAnswer(QStringLiteral("/clusters$"), 1, "POST", true);
        QSignalSpy failed(h.session.get(), &OrganizationSession::operationFailed);
        Answer<Cluster> made;
        ClusterInput input;
        input.name = QStringLiteral("Lost answer");
        h.session->createCluster(input, nullptr, made.callback());
        WAIT_OK(made);
        QCOMPARE(made.result->value().name, QStringLiteral("Lost answer"));
        QVERIFY(h.model()->indexForId(made.result->value().id).isValid());
        QCOMPARE(h.server.clusterCount(), before + 1);
        // Sent once, never again: the second look was a GET of the list.
        QCOMPARE(h.server.receivedCount("POST", h.org() + QStringLiteral("/clusters")), 1);
        QCOMPARE(failed.size(), 0); // not reported as a failure that never was
        QVERIFY(!h.session->isBusy());
    }

    void clusterCreateDropped()
    {
        Harness h;
        QVERIFY(h.refresh());
        const int before = h.server.clusterCount();
        h.server.closeWithoutAnswer(QStringLiteral("/clusters$"), 1, "POST", false);
        Answer<Cluster> made;
        ClusterInput input;
        input.name = QStringLiteral("Never made");
        h.session->createCluster(input, nullptr, made.callback());
        WAIT_ERROR(made, ApiError::Kind::Network, "was not created");
        QVERIFY(made.error().message().contains(QLatin1String("try again")));
        QCOMPARE(h.server.clusterCount(), before);
        QCOMPARE(h.model()->clusters().size(), before);
        QCOMPARE(h.server.receivedCount("POST", h.org() + QStringLiteral("/clusters")), 1);
    }

    // A write answered 2xx whose answer could not be read (here past the size cap; the sandbox
    // never carries it out) was reported in the words of a lost answer: "Buildkite did not
    // answer", as a network failure that also marked the organisation unreachable.
    void clusterCreateAnsweredUnreadably()
    {
        Harness h;
        ApiClient::Options options = h.client.options();
        options.maxResponseBytes = 1024 * 1024;
        h.client.setOptions(options);
        QVERIFY(h.refresh());
        const int before = h.server.clusterCount();
        h.server.oversizedBody(QStringLiteral("/clusters$"), 2, 1, "POST");
        QSignalSpy activity(h.session.get(), &OrganizationSession::activity);
        Answer<Cluster> made;
        ClusterInput input;
        input.name = QStringLiteral("Never made");
        h.session->createCluster(input, nullptr, made.callback());
        WAIT_ERROR(made, ApiError::Kind::BadResponse, "answered, but its answer could not be read");
        QCOMPARE(made.error().message(),
            QStringLiteral("Buildkite answered, but its answer could not be read, and its list of "
                           "clusters has no new “Never made”: the cluster was not created. You "
                           "can try again."));
        QVERIFY(!made.error().message().contains(QLatin1String("did not answer")));
        QVERIFY(h.session->isReachable());
        QVERIFY(activityShown(activity,
            QStringLiteral("Buildkite answered, but its answer could not be read; checking "
                           "whether the change was made…")));
        QCOMPARE(h.server.clusterCount(), before);
        QCOMPARE(h.server.receivedCount("POST", h.org() + QStringLiteral("/clusters")), 1);
    }

    // The same write with no answer at all keeps the words of a lost answer.
    void clusterCreateNotAnsweredSaysSo()
    {
        Harness h;
        QVERIFY(h.refresh());
        h.server.closeWithoutAnswer(QStringLiteral("/clusters$"), 1, "POST", false);
        QSignalSpy activity(h.session.get(), &OrganizationSession::activity);
        Answer<Cluster> made;
        ClusterInput input;
        input.name = QStringLiteral("Never made");
        h.session->createCluster(input, nullptr, made.callback());
        WAIT_ERROR(made, ApiError::Kind::Network, "Buildkite did not answer, and its list of");
        QVERIFY(activityShown(activity,
            QStringLiteral("Buildkite did not answer; checking whether the change was made…")));
    }

    void clusterDelete()
    {
        Harness h;
        QVERIFY(h.refresh());
        const Cluster c = h.cluster();
        const QString path = h.org() + QStringLiteral("/clusters/") + c.id;
        h.server.closeWithoutAnswer(QStringLiteral("/clusters/[^/]+$"), 1, "DELETE", false);
        Answer<NoContent> kept;
        h.session->deleteCluster(c.id, nullptr, kept.callback());
        WAIT_ERROR(kept, ApiError::Kind::Network, "was not deleted");
        QVERIFY(h.model()->clusterForId(c.id));

        h.server.closeWithoutAnswer(QStringLiteral("/clusters/[^/]+$"), 1, "DELETE", true);
        Answer<NoContent> gone;
        h.session->deleteCluster(c.id, nullptr, gone.callback());
        WAIT_OK(gone);
        QVERIFY(!h.model()->clusterForId(c.id));
        QCOMPARE(h.server.receivedCount("DELETE", path), 2);
    }

    void clusterUpdate()
    {
        Harness h;
        QVERIFY(h.refresh());
        const Cluster c = h.cluster();
        ClusterInput input;
        input.description = QStringLiteral("Changed while the answer was lost");
        h.server.closeWithoutAnswer(QStringLiteral("/clusters/[^/]+$"), 1, "PATCH", false);
        Answer<Cluster> unchanged;
        h.session->updateCluster(c.id, input, nullptr, unchanged.callback());
        WAIT_ERROR(unchanged, ApiError::Kind::Network, "was not saved");
        QCOMPARE(h.model()->clusterForId(c.id)->description, c.description);

        h.server.closeWithoutAnswer(QStringLiteral("/clusters/[^/]+$"), 1, "PATCH", true);
        Answer<Cluster> changed;
        h.session->updateCluster(c.id, input, nullptr, changed.callback());
        WAIT_OK(changed);
        QCOMPARE(changed.result->value().description, *input.description);
        QCOMPARE(h.model()->clusterForId(c.id)->description, *input.description);
    }

    void queueCreate()
    {
        Harness h;
        QVERIFY(h.refresh());
        const Cluster c = h.cluster();
        const int queues = int(h.model()->queues(c.id).size());
        QueueInput input;
        input.key = QStringLiteral("lost-answer");
        h.server.closeWithoutAnswer(QStringLiteral("/queues$"), 1, "POST", false);
        Answer<Queue> dropped;
        h.session->createQueue(c.id, input, nullptr, dropped.callback());
        WAIT_ERROR(dropped, ApiError::Kind::Network, "was not created");
        QCOMPARE(h.model()->queues(c.id).size(), queues);

        h.server.closeWithoutAnswer(QStringLiteral("/queues$"), 1, "POST", true);
        Answer<Queue> made;
        h.session->createQueue(c.id, input, nullptr, made.callback());
        WAIT_OK(made);
        QCOMPARE(made.result->value().key, input.key);
        QCOMPARE(made.result->value().clusterId, c.id);
        QCOMPARE(h.model()->queues(c.id).size(), queues + 1);
    }

    void queueUpdateDeletePauseResume()
    {
        Harness h;
        QVERIFY(h.refresh());
        const Queue running = h.queue(false);
        QVERIFY(!running.id.isEmpty());
        const QString queuePath = QStringLiteral("/queues/%1").arg(running.id);

        // Pause, dropped: still running; then made: paused.
        h.server.closeWithoutAnswer(
            queuePath + QStringLiteral("/pause_dispatch$"), 1, "POST", false);
        Answer<Queue> notPaused;
        h.session->pauseQueue(
            running.clusterId, running.id, QStringLiteral("INC-7"), nullptr, notPaused.callback());
        WAIT_ERROR(notPaused, ApiError::Kind::Network, "is not paused");
        QVERIFY(!h.model()->queue(running.id)->dispatchPaused);
        h.server.closeWithoutAnswer(
            queuePath + QStringLiteral("/pause_dispatch$"), 1, "POST", true);
        Answer<Queue> paused;
        h.session->pauseQueue(
            running.clusterId, running.id, QStringLiteral("INC-7"), nullptr, paused.callback());
        WAIT_OK(paused);
        QVERIFY(h.model()->queue(running.id)->dispatchPaused);
        QCOMPARE(h.model()->queue(running.id)->dispatchPausedNote, QStringLiteral("INC-7"));

        // Resume, the same both ways.
        h.server.closeWithoutAnswer(
            queuePath + QStringLiteral("/resume_dispatch$"), 1, "POST", false);
        Answer<Queue> stillPaused;
        h.session->resumeQueue(running.clusterId, running.id, nullptr, stillPaused.callback());
        WAIT_ERROR(stillPaused, ApiError::Kind::Network, "is still paused");
        h.server.closeWithoutAnswer(
            queuePath + QStringLiteral("/resume_dispatch$"), 1, "POST", true);
        Answer<Queue> resumed;
        h.session->resumeQueue(running.clusterId, running.id, nullptr, resumed.callback());
        WAIT_OK(resumed);
        QVERIFY(!h.model()->queue(running.id)->dispatchPaused);

        // Update.
        QueueInput edit;
        edit.description = QStringLiteral("Edited, answer lost");
        h.server.closeWithoutAnswer(queuePath + QLatin1Char('$'), 1, "PATCH", false);
        Answer<Queue> unsaved;
        h.session->updateQueue(running.clusterId, running.id, edit, nullptr, unsaved.callback());
        WAIT_ERROR(unsaved, ApiError::Kind::Network, "was not saved");
        h.server.closeWithoutAnswer(queuePath + QLatin1Char('$'), 1, "PATCH", true);
        Answer<Queue> saved;
        h.session->updateQueue(running.clusterId, running.id, edit, nullptr, saved.callback());
        WAIT_OK(saved);
        QCOMPARE(h.model()->queue(running.id)->description, *edit.description);

        // Delete.
        h.server.closeWithoutAnswer(queuePath + QLatin1Char('$'), 1, "DELETE", false);
        Answer<NoContent> kept;
        h.session->deleteQueue(running.clusterId, running.id, nullptr, kept.callback());
        WAIT_ERROR(kept, ApiError::Kind::Network, "was not deleted");
        QVERIFY(h.model()->queue(running.id));
        h.server.closeWithoutAnswer(queuePath + QLatin1Char('$'), 1, "DELETE", true);
        Answer<NoContent> deleted;
        h.session->deleteQueue(running.clusterId, running.id, nullptr, deleted.callback());
        WAIT_OK(deleted);
        QVERIFY(!h.model()->queue(running.id));
    }

    // The one write whose success cannot be reported: the token is there, its value is not.
    void tokenCreateAnswerLostIsAValueLostForGood()
    {
        Harness h;
        QVERIFY(h.refresh());
        const Cluster c = h.cluster();
        const QList<AgentToken> before = h.model()->tokens(c.id);
        AgentTokenInput input;
        input.description = QStringLiteral("Lost value");
        h.server.closeWithoutAnswer(QStringLiteral("/tokens$"), 1, "POST", true);
        QSignalSpy failed(h.session.get(), &OrganizationSession::operationFailed);
        Answer<CreatedAgentToken> made;
        h.session->createToken(c.id, input, nullptr, made.callback());
        WAIT_ERROR(made, ApiError::Kind::OutcomeUnknown, "Lost value");
        QVERIFY(made.error().message().contains(QLatin1String("never shows")));
        QVERIFY(made.error().message().contains(QLatin1String("revoke")));
        // The token is listed in the model, as Buildkite lists it, without any value.
        const QList<AgentToken> after = h.model()->tokens(c.id);
        QCOMPARE(after.size(), before.size() + 1);
        QVERIFY(std::any_of(after.cbegin(), after.cend(),
            [](const AgentToken& t) { return t.description == QLatin1String("Lost value"); }));
        QCOMPARE(h.server.receivedCount(
                     "POST", h.org() + QStringLiteral("/clusters/%1/tokens").arg(c.id)),
            1);
        QCOMPARE(failed.size(), 1);
    }

    void tokenCreateDropped()
    {
        Harness h;
        QVERIFY(h.refresh());
        const Cluster c = h.cluster();
        const qsizetype before = h.model()->tokens(c.id).size();
        AgentTokenInput input;
        input.description = QStringLiteral("Dropped");
        h.server.closeWithoutAnswer(QStringLiteral("/tokens$"), 1, "POST", false);
        Answer<CreatedAgentToken> made;
        h.session->createToken(c.id, input, nullptr, made.callback());
        WAIT_ERROR(made, ApiError::Kind::Network, "no token was created");
        QCOMPARE(h.model()->tokens(c.id).size(), before);
    }

    void tokenUpdateAndDelete()
    {
        Harness h;
        QVERIFY(h.refresh());
        const AgentToken token = h.model()->tokens(h.cluster().id).constFirst();
        const QString tokenPath = QStringLiteral("/tokens/%1$").arg(token.id);
        AgentTokenInput edit;
        edit.description = QStringLiteral("Renamed, answer lost");
        edit.allowedIpAddresses = QStringLiteral("198.51.100.12 192.0.2.0/24");
        h.server.closeWithoutAnswer(tokenPath, 1, "PATCH", false);
        Answer<AgentToken> unsaved;
        h.session->updateToken(token.clusterId, token.id, edit, nullptr, unsaved.callback());
        WAIT_ERROR(unsaved, ApiError::Kind::Network, "was not saved");
        h.server.closeWithoutAnswer(tokenPath, 1, "PATCH", true);
        Answer<AgentToken> saved;
        h.session->updateToken(token.clusterId, token.id, edit, nullptr, saved.callback());
        WAIT_OK(saved);
        QCOMPARE(h.model()->token(token.id)->description, edit.description);

        h.server.closeWithoutAnswer(tokenPath, 1, "DELETE", false);
        Answer<NoContent> kept;
        h.session->deleteToken(token.clusterId, token.id, nullptr, kept.callback());
        WAIT_ERROR(kept, ApiError::Kind::Network, "was not revoked");
        h.server.closeWithoutAnswer(tokenPath, 1, "DELETE", true);
        Answer<NoContent> revoked;
        h.session->deleteToken(token.clusterId, token.id, nullptr, revoked.callback());
        WAIT_OK(revoked);
        QVERIFY(!h.model()->token(token.id));
    }

    // Reading back fails too: still unknown, and said so.
    void checkFailsToo()
    {
        Harness h;
        QVERIFY(h.refresh());
        const int before = h.server.clusterCount();
        h.server.closeWithoutAnswer(QStringLiteral("/clusters$"), 1, "POST", true);
        h.server.failPath(QStringLiteral("/clusters$"), 503, {}, -1, "GET");
        Answer<Cluster> made;
        ClusterInput input;
        input.name = QStringLiteral("Unknowable");
        h.session->createCluster(input, nullptr, made.callback());
        WAIT_ERROR(made, ApiError::Kind::OutcomeUnknown, "Reading it back failed too");
        QVERIFY(made.error().message().contains(QLatin1String("refresh")));
        QCOMPARE(h.server.clusterCount(), before + 1);
        QVERIFY(!h.session->isBusy());
    }

    // A 404 while reading back: the object is gone, which is what is reported.
    void goneWhileReadingBack()
    {
        Harness h;
        QVERIFY(h.refresh());
        const Queue q = h.queue(false);
        h.server.closeWithoutAnswer(
            QStringLiteral("/queues/%1/pause_dispatch$").arg(q.id), 1, "POST", false);
        h.server.failPath(QStringLiteral("/queues/%1$").arg(q.id), 404,
            QByteArrayLiteral("{\"message\":\"No queue found\"}"), 1, "GET");
        Answer<Queue> paused;
        h.session->pauseQueue(q.clusterId, q.id, {}, nullptr, paused.callback());
        WAIT_ERROR(paused, ApiError::Kind::NotFound, "No queue found");
        QVERIFY(!h.model()->queue(q.id));
    }

    // The organisation is left (account switch) while a write is in flight: its caller hears
    // at once that the outcome is unknown, instead of never.
    void sessionDestroyedMidWrite()
    {
        Harness h;
        QVERIFY(h.refresh());
        h.server.setLatency(2000);
        QObject context;
        Answer<Cluster> made;
        ClusterInput input;
        input.name = QStringLiteral("In flight");
        h.session->createCluster(input, &context, made.callback());
        Answer<NoContent> deleted;
        const Cluster c = h.cluster();
        h.session->deleteCluster(c.id, nullptr, deleted.callback());
        QTRY_VERIFY(h.server.openRequests() == 2);
        QVERIFY(!made.result);
        h.tester.reset();
        h.session.reset();
        QVERIFY(made.result && deleted.result);
        QCOMPARE(made.calls, 1);
        QCOMPARE(int(made.error().kind()), int(ApiError::Kind::OutcomeUnknown));
        QVERIFY2(made.error().message().contains(h.server.organization()),
            qPrintable(made.error().message()));
        QCOMPARE(int(deleted.error().kind()), int(ApiError::Kind::OutcomeUnknown));
        // The answers arriving later go nowhere.
        QTRY_COMPARE_WITH_TIMEOUT(h.server.openRequests(), 0, 10000);
        QTRY_COMPARE(h.client.activeCalls(), 0);
        QCOMPARE(made.calls, 1);
        QCOMPARE(deleted.calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestOrganizationSessionOutcome)
#include "tst_organizationsession_outcome.moc"
