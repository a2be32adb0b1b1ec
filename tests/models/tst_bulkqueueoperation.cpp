// SPDX-License-Identifier: MIT
#include "bulkqueueoperation.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

// BulkQueueOperation against the sandbox: many queues paused or resumed a few at a time, each
// outcome kept, failures left as they were.

using State = BulkQueueOperation::State;
using Action = BulkQueueOperation::Action;

class TestBulkQueueOperation final : public QObject {
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<OrganizationSession> m_session;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    OrganizationTreeModel* model() const { return m_session->treeModel(); }

    QList<Queue> queuesWhere(bool paused, int n) const
    {
        QList<Queue> out;
        for (const Cluster& c : model()->clusters()) {
            for (const Queue& q : model()->queues(c.id)) {
                if (q.dispatchPaused == paused && out.size() < n)
                    out.append(q);
            }
        }
        return out;
    }

private Q_SLOTS:
    void init()
    {
        m_sandbox = std::make_unique<SandboxFixture>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_session = std::make_unique<OrganizationSession>(
            &m_sandbox->client(), m_sandbox->organization());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy refreshed(m_session.get(), &OrganizationSession::refreshFinished);
        m_session->refresh();
        QVERIFY(refreshed.wait(20000));
    }
    void cleanup()
    {
        m_tester.reset();
        m_session.reset();
        m_sandbox.reset();
    }

    void pausesFourAtATimeAndKeepsEachOutcome()
    {
        const QList<Queue> queues = queuesWhere(false, 9);
        QCOMPARE(queues.size(), 9);
        const Queue locked = queues.at(5);
        m_sandbox->server().failWithMessage(
            QStringLiteral("/queues/%1/pause_dispatch").arg(locked.id), 422,
            "Queue can't be paused while a migration is running", -1, "POST");

        BulkQueueOperation op(m_session.get(), Action::Pause, queues, QStringLiteral("INC-9"));
        int inFlight = 0;
        int most = 0;
        connect(&op, &BulkQueueOperation::itemChanged, this, [&](int) {
            inFlight = op.count(State::Sending);
            most = qMax(most, inFlight);
        });
        QSignalSpy finished(&op, &BulkQueueOperation::finished);
        op.start();
        QVERIFY(op.isRunning());
        QCOMPARE(op.count(State::Sending), BulkQueueOperation::defaultConcurrency);
        QVERIFY(finished.wait(20000));
        QCOMPARE(most, BulkQueueOperation::defaultConcurrency);
        QCOMPARE(op.count(State::Done), 8);
        QCOMPARE(op.count(State::Failed), 1);
        const BulkQueueOperation::Item& failed = op.items().at(op.indexOf(locked.id));
        QCOMPARE(failed.state, State::Failed);
        QCOMPARE(failed.error.message(),
            QStringLiteral("Queue can't be paused while a migration is running"));

        // The tree: every success paused with the note, the failure as it was.
        for (const Queue& q : queues) {
            const auto now = model()->queue(q.id);
            QVERIFY(now);
            if (q.id == locked.id) {
                QVERIFY(!now->dispatchPaused);
            } else {
                QVERIFY(now->dispatchPaused);
                QCOMPARE(now->dispatchPausedNote, QStringLiteral("INC-9"));
            }
        }
    }

    void resumesAndStops()
    {
        // Three paused first, with the same operation.
        BulkQueueOperation pause(m_session.get(), Action::Pause, queuesWhere(false, 3));
        QSignalSpy paused3(&pause, &BulkQueueOperation::finished);
        pause.start();
        QVERIFY(paused3.wait(20000));
        QCOMPARE(pause.count(State::Done), 3);
        QList<Queue> paused;
        for (const auto& item : pause.items())
            paused.append(*model()->queue(item.queue.id));
        BulkQueueOperation op(m_session.get(), Action::Resume, paused);
        op.setConcurrency(1);
        QSignalSpy finished(&op, &BulkQueueOperation::finished);
        op.start();
        QCOMPARE(op.count(State::Sending), 1);
        op.stop(); // the one in flight finishes; the rest are never sent
        QCOMPARE(op.count(State::Skipped), 2);
        QVERIFY(finished.wait(20000));
        QCOMPARE(op.count(State::Done), 1);
        QVERIFY(!model()->queue(paused.at(0).id)->dispatchPaused);
        QVERIFY(model()->queue(paused.at(1).id)->dispatchPaused);
        QTest::qWait(50);
        QCOMPARE(m_sandbox->requestCount(
                     QStringLiteral("/v2/organizations/%1/clusters/%2/queues/%3/resume_dispatch")
                         .arg(m_sandbox->organization(), paused.at(1).clusterId, paused.at(1).id)),
            0);

        // Nothing to do is done at once.
        BulkQueueOperation empty(m_session.get(), Action::Pause, {});
        QSignalSpy emptyFinished(&empty, &BulkQueueOperation::finished);
        empty.start();
        QCOMPARE(emptyFinished.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBulkQueueOperation)
#include "tst_bulkqueueoperation.moc"
