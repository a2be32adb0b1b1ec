// SPDX-License-Identifier: MIT
#include "api/apierror.h"
#include "dialogs/pausequeuedialog.h"
#include "dialogtesthelpers.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace DialogTest;

// PauseQueueDialog: the note, Ctrl+Return, and an error from the server.
class TestPauseQueueDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pauseDialog();
};

void TestPauseQueueDialog::pauseDialog()
{
    PauseQueueDialog dialog(queue(QStringLiteral("q1"), QStringLiteral("macos")));
    dialog.open();
    QCOMPARE(child<QLabel>(&dialog, "keyLabel")->text(), QStringLiteral("macos"));
    auto* note = child<QPlainTextEdit>(&dialog, "noteEdit");
    QCOMPARE(note->placeholderText(),
        QStringLiteral("Why is dispatch paused? Shown on the queue page and on affected builds."));
    QCOMPARE(ok(&dialog)->text(), QStringLiteral("Pause"));
    QVERIFY(ok(&dialog)->isEnabled()); // the note is optional
    QTest::keyClicks(note, QStringLiteral("Xcode image broken"));
    QTest::keyClick(note, Qt::Key_Return);
    QTest::keyClicks(note, QStringLiteral("see INC-42 "));
    QSignalSpy spy(&dialog, &PauseQueueDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Xcode image broken\nsee INC-42"));
    QVERIFY(dialog.isBusy());
    dialog.showError(ApiError(
        ApiError::Kind::Validation, QStringLiteral("Cluster queue is already paused"), 422));
    QCOMPARE(dialog.errorText(), QStringLiteral("Cluster queue is already paused"));
    QCOMPARE(note->toPlainText(), QStringLiteral("Xcode image broken\nsee INC-42 "));

    // Ctrl+Return pauses from the note field; Return alone makes a new line.
    PauseQueueDialog quick(queue(QStringLiteral("q2"), QStringLiteral("linux")));
    quick.open();
    QVERIFY(QTest::qWaitForWindowActive(&quick));
    auto* quickNote = child<QPlainTextEdit>(&quick, "noteEdit");
    quickNote->setFocus();
    QSignalSpy quickSpy(&quick, &PauseQueueDialog::submitted);
    QTest::keyClicks(quickNote, QStringLiteral("now"));
    QTest::keyClick(quickNote, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(quickSpy.count(), 1);
    QCOMPARE(quickSpy.at(0).at(0).toString(), QStringLiteral("now"));
}

QTEST_MAIN(TestPauseQueueDialog)
#include "tst_pausequeuedialog.moc"
