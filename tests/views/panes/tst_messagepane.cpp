// SPDX-License-Identifier: MIT
#include "api/apierror.h"
#include "panes/messagepane.h"
#include "panetesthelpers.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace PaneTest;

// MessagePane: messages, errors from the server and Retry.
class TestMessagePane final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void messagePane();
};

void TestMessagePane::messagePane()
{
    MessagePane pane;
    pane.showMessage(QStringLiteral("Select something"), QStringLiteral("Pick a queue"));
    QCOMPARE(text(&pane, "messageTitleLabel"), QStringLiteral("Select something"));
    QCOMPARE(text(&pane, "messageTextLabel"), QStringLiteral("Pick a queue"));
    QVERIFY(!child<QPushButton>(&pane, "retryButton")->isVisibleTo(&pane));

    const QString message
        = QStringLiteral("Your access token doesn't have the read_clusters scope");
    pane.showError(QStringLiteral("Could not load clusters"),
        ApiError(ApiError::Kind::Forbidden, message, 403));
    QCOMPARE(text(&pane, "messageTitleLabel"), QStringLiteral("Could not load clusters"));
    QCOMPARE(text(&pane, "messageTextLabel"), message);
    QVERIFY(text(&pane, "messageDetailLabel").contains(QStringLiteral("403")));
    auto* retry = child<QPushButton>(&pane, "retryButton");
    QVERIFY(retry->isVisibleTo(&pane));
    QSignalSpy spy(&pane, &MessagePane::retryRequested);
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);

    pane.showError(QStringLiteral("Gone"), QStringLiteral("No cluster found"), false);
    QVERIFY(!retry->isVisibleTo(&pane));
}

QTEST_MAIN(TestMessagePane)
#include "tst_messagepane.moc"
