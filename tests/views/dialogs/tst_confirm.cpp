// SPDX-License-Identifier: MIT
#include "dialogs/confirm.h"
#include "dialogs/typednameconfirmation.h"
#include "dialogtesthelpers.h"

#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QTimer>
#include <QWidget>

using namespace DialogTest;

// The confirmations before anything that cannot be undone.
class TestConfirm final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void confirmDestructiveAsks();
    void confirmTexts();
    void questionsNameTheCluster();
    void emptyClusterNeedsNoTypedName();
    void typedNameEnablesOnlyOnTheExactName();
    void nonEmptyClusterAsksForItsName();
};

void TestConfirm::confirmDestructiveAsks()
{
    QWidget parent;
    QString text;
    QString info;
    answerNextBox("confirmButton", &text, &info);
    Cluster c = cluster();
    QVERIFY(confirmDeleteQueue(
        &parent, queue(QStringLiteral("q1"), QStringLiteral("default")), c.name));
    QCOMPARE(text, QStringLiteral("Delete the queue “default” in the cluster “Mobile Apps”?"));

    answerNextBox("cancelButton", &text);
    QVERIFY(!confirmRevokeAgentToken(&parent, token(), c.name));
    QCOMPARE(
        text, QStringLiteral("Revoke the agent token “macOS fleet” in the cluster “Mobile Apps”?"));

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

void TestConfirm::questionsNameTheCluster()
{
    const Queue q = queue(QStringLiteral("q1"), QStringLiteral("linux-large"));
    QCOMPARE(deleteQueueQuestion(q, QStringLiteral("Mobile")),
        QStringLiteral("Delete the queue “linux-large” in the cluster “Mobile”?"));
    // A cluster the tree no longer knows: the question still makes sense.
    QCOMPARE(deleteQueueQuestion(q, QString()), QStringLiteral("Delete the queue “linux-large”?"));
    QVERIFY(
        revokeTokenQuestion(token(), QStringLiteral("Mobile")).contains(QStringLiteral("Mobile")));
}

void TestConfirm::emptyClusterNeedsNoTypedName()
{
    QWidget parent;
    QString text;
    QString info;
    answerNextBox("confirmButton", &text, &info);
    QVERIFY(confirmDeleteCluster(&parent, cluster(), 0, 0));
    QCOMPARE(text, QStringLiteral("Delete the cluster “Mobile Apps”?"));
    QVERIFY(info.contains(QStringLiteral("no queues")));
}

void TestConfirm::typedNameEnablesOnlyOnTheExactName()
{
    TypedNameConfirmation box(QStringLiteral("Delete Cluster"), QStringLiteral("Delete?"),
        QStringLiteral("Detail"), QStringLiteral("Mobile Apps"), QStringLiteral("Delete Cluster"));
    box.show();
    QVERIFY(QTest::qWaitForWindowExposed(&box));
    auto* edit = child<QLineEdit>(&box, "confirmNameEdit");
    auto* confirm = child<QPushButton>(&box, "confirmButton");
    auto* cancel = child<QPushButton>(&box, "cancelButton");
    QTRY_COMPARE(box.focusWidget(), edit);
    QVERIFY(cancel->isDefault());
    QVERIFY(!confirm->isEnabled());
    for (const QString& wrong : { QStringLiteral("Mobile"), QStringLiteral("mobile apps"),
             QStringLiteral("Mobile Apps "), QStringLiteral(" Mobile Apps") }) {
        edit->setText(wrong);
        QVERIFY2(!confirm->isEnabled(), qPrintable(wrong));
    }
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("Mobile Apps"));
    QVERIFY(confirm->isEnabled());
    // Return in the field neither deletes nor cancels.
    QTest::keyClick(edit, Qt::Key_Return);
    QVERIFY(box.isVisible());
    QTest::keyClick(edit, Qt::Key_Backspace);
    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("s"));
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(box.result(), int(QDialog::Accepted));
}

void TestConfirm::nonEmptyClusterAsksForItsName()
{
    QWidget parent;
    bool enabledBefore = true;
    QString question;
    QString detail;
    QTimer::singleShot(0, qApp, [&] {
        auto* box = qobject_cast<TypedNameConfirmation*>(QApplication::activeModalWidget());
        QVERIFY(box);
        question = child<QLabel>(box, "confirmQuestion")->text();
        detail = child<QLabel>(box, "confirmDetail")->text();
        auto* confirm = child<QPushButton>(box, "confirmButton");
        enabledBefore = confirm->isEnabled();
        child<QLineEdit>(box, "confirmNameEdit")->setText(QStringLiteral("Mobile Apps"));
        confirm->click();
    });
    QVERIFY(confirmDeleteCluster(&parent, cluster(), 6, 4));
    QVERIFY(!enabledBefore);
    QCOMPARE(question, QStringLiteral("Delete the cluster “Mobile Apps”?"));
    QVERIFY(detail.contains(QStringLiteral("6 queues and 4 agent tokens")));

    // Escape cancels.
    QTimer::singleShot(0, qApp, [&] {
        QWidget* box = QApplication::activeModalWidget();
        QVERIFY(box);
        QTest::keyClick(box, Qt::Key_Escape);
    });
    QVERIFY(!confirmDeleteCluster(&parent, cluster(), 1, 0));
}

QTEST_MAIN(TestConfirm)
#include "tst_confirm.moc"
