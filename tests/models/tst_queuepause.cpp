// SPDX-License-Identifier: MIT
#include "domain/queuepause.h"
#include "modeltesthelpers.h"

#include <QTest>

// QueuePause: whose pause it is, for the resume confirmation.

using namespace TestData;

class TestQueuePause final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ownPauseOnlyWhenBothEmailsMatch()
    {
        Queue q = queue(QStringLiteral("q"), QStringLiteral("c"), QStringLiteral("k"),
            { { QStringLiteral("dispatch_paused"), true },
                { QStringLiteral("dispatch_paused_by"),
                    QJsonObject { { QStringLiteral("name"), QStringLiteral("Sam Kim") },
                        { QStringLiteral("email"), QStringLiteral("Sam@Example.com") } } } });
        AccessToken me;
        me.userName = QStringLiteral("Sam Kim");
        me.userEmail = QStringLiteral("sam@example.com");
        AccessToken other = me;
        other.userEmail = QStringLiteral("priya@example.com");

        QVERIFY(QueuePause::isOwnPause(q, me));
        QVERIFY(!QueuePause::resumeNeedsConfirmation(q, me));
        QVERIFY(!QueuePause::isOwnPause(q, other));
        QVERIFY(QueuePause::resumeNeedsConfirmation(q, other));
        // The token owner not known yet: ask.
        QVERIFY(QueuePause::resumeNeedsConfirmation(q, std::nullopt));
        // A name alone proves nothing: names repeat.
        AccessToken nameOnly = me;
        nameOnly.userEmail.clear();
        QVERIFY(QueuePause::resumeNeedsConfirmation(q, nameOnly));
        // Nobody named as the pauser: ask.
        Queue anonymous = q;
        anonymous.dispatchPausedBy.reset();
        QVERIFY(QueuePause::resumeNeedsConfirmation(anonymous, me));
        // A running queue is not resumed at all.
        Queue running = q;
        running.dispatchPaused = false;
        QVERIFY(!QueuePause::resumeNeedsConfirmation(running, other));
    }
};

QTEST_GUILESS_MAIN(TestQueuePause)
#include "tst_queuepause.moc"
