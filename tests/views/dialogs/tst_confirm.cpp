// SPDX-License-Identifier: MIT
#include "dialogs/confirm.h"
#include "dialogtesthelpers.h"

#include <QTest>
#include <QWidget>

using namespace DialogTest;

// The confirmations before anything that cannot be undone.
class TestConfirm final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void confirmDestructiveAsks();
    void confirmTexts();
};

void TestConfirm::confirmDestructiveAsks()
{
    QWidget parent;
    QString text;
    QString info;
    answerNextBox("confirmButton", &text, &info);
    Cluster c = cluster();
    QVERIFY(confirmDeleteCluster(&parent, c, 3, 1));
    QCOMPARE(text, QStringLiteral("Delete the cluster “Mobile Apps”?"));
    QVERIFY(info.contains(QStringLiteral("3 queues")));
    QVERIFY(info.contains(QStringLiteral("1 agent token")));

    answerNextBox("cancelButton");
    QVERIFY(!confirmRevokeAgentToken(&parent, token()));

    answerNextBox("confirmButton", &text);
    QVERIFY(confirmDestructive(
        &parent, QStringLiteral("T"), QStringLiteral("Sure?"), QStringLiteral("Do It")));
    QCOMPARE(text, QStringLiteral("Sure?"));
}

void TestConfirm::confirmTexts()
{
    QVERIFY(ConfirmText::deleteClusterDetail(1, 2).contains(
        QStringLiteral("1 queue and 2 agent tokens")));
    QVERIFY(ConfirmText::revokeTokenDetail(token()).contains(QStringLiteral("stay connected")));
    QVERIFY(ConfirmText::deleteQueueDetail(queue(QStringLiteral("q"), QStringLiteral("macos")))
                .contains(QStringLiteral("macos")));
}

QTEST_MAIN(TestConfirm)
#include "tst_confirm.moc"
