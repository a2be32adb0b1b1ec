// SPDX-License-Identifier: MIT
#include "dialogs/tokenrevealdialog.h"
#include "widgettesthelpers.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTest>

using namespace std::chrono_literals;

namespace {

// Built at run time, as the API answer is: a literal would live in read-only memory.
QString secret()
{
    return QString::fromLatin1("bkct_") + QString::number(0x5eed1234, 16)
        + QString(40, QLatin1Char('x'));
}

AgentToken token()
{
    AgentToken t;
    t.id = QStringLiteral("t1");
    t.description = QStringLiteral("macOS fleet");
    return t;
}

Cluster cluster()
{
    Cluster c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("Mobile Apps");
    return c;
}

QMessageBox* confirmBox(QWidget* dialog)
{
    return dialog->findChild<QMessageBox*>(QStringLiteral("confirmCloseBox"));
}

} // namespace

using WidgetTest::child;

// TokenRevealDialog. Its delays (clearing the clipboard after 30 s, the "Copied" feedback) are
// moved on with its clock seam (TokenRevealDialog::advanceClock): no test waits for them.
class TestTokenRevealDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QGuiApplication::clipboard()->clear();
        QVERIFY(!TokenRevealDialog::pendingClipboardClear());
    }
    // No pending clear outlives its test.
    void cleanup() { TokenRevealDialog::advanceClock(std::chrono::hours(1)); }
    void showsValueOnce();
    void copyAndClear();
    void copyFeedbackEnds();
    void copyKeyAlsoClears();
    void notClearedWhenClipboardChanged();
    void clearingOutlivesDialog();
    void clearsOnTheRealClockToo();
    void doneAsksFirst();
    void escapeAndCloseAsk();
    void copyMakesRoomForTheStatus();
    void wipesValue();
    void valueShownInAFixedPitchFont();
    // PRIMARY exists on X11 (and Wayland) only: these run for real in tst_tokenrevealdialog_x11
    // (the same executable under Xvfb with the xcb platform) and are skipped offscreen.
    void selectingTheValueLeavesNothingInPrimary();
    void closingClearsTheValueFromPrimary();
    void primaryOfOtherTextIsLeftAlone();
};

void TestTokenRevealDialog::showsValueOnce()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.open();
    auto* field = child<QLineEdit>(&dialog, "tokenValueField");
    QCOMPARE(field->text(), secret());
    QVERIFY(field->isReadOnly());
    QVERIFY(child<QLabel>(&dialog, "warningLabel")
                ->text()
                .contains(QStringLiteral("This is the only time the token is shown")));
    QCOMPARE(dialog.clipboardClearDelay(), 30000ms);
    QVERIFY(!child<QPushButton>(&dialog, "copyButton")->accessibleName().isEmpty());
}

void TestTokenRevealDialog::copyAndClear()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.setClipboardClearDelay(300ms);
    dialog.open();
    auto* copy = child<QPushButton>(&dialog, "copyButton");
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), secret());
    QCOMPARE(
        QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
        QByteArrayLiteral("secret"));
    QCOMPARE(copy->text(), QStringLiteral("Copied"));
    QVERIFY(child<QLabel>(&dialog, "copyStatusLabel")->text().startsWith(QStringLiteral("Copied")));
    QVERIFY(dialog.wasCopied());
    const std::optional<std::chrono::milliseconds> left
        = TokenRevealDialog::pendingClipboardClear();
    QVERIFY(left);
    QVERIFY2(*left > 0ms && *left <= 300ms, qPrintable(QString::number(left->count())));
    TokenRevealDialog::advanceClock(300ms);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(!TokenRevealDialog::pendingClipboardClear());

    // The delay the app uses: 30 s, said as such, and not a moment earlier.
    TokenRevealDialog standard(secret(), token(), cluster());
    standard.copyToClipboard();
    QVERIFY(child<QLabel>(&standard, "copyStatusLabel")
                ->text()
                .contains(QStringLiteral("cleared in 30 seconds")));
    QVERIFY(TokenRevealDialog::pendingClipboardClear().value_or(0ms) > 29s);
    TokenRevealDialog::advanceClock(29s);
    QCOMPARE(QGuiApplication::clipboard()->text(), secret());
    const std::chrono::milliseconds last = TokenRevealDialog::pendingClipboardClear().value_or(0ms);
    QVERIFY2(last > 0ms && last <= 1s, qPrintable(QString::number(last.count())));
    TokenRevealDialog::advanceClock(1s);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

void TestTokenRevealDialog::copyFeedbackEnds()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.open();
    auto* copy = child<QPushButton>(&dialog, "copyButton");
    QCOMPARE(copy->text(), QStringLiteral("&Copy"));
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(copy->text(), QStringLiteral("Copied"));
    QCOMPARE(TokenRevealDialog::copyFeedbackDuration, 2s);
    TokenRevealDialog::advanceClock(1s);
    QCOMPARE(copy->text(), QStringLiteral("Copied"));
    TokenRevealDialog::advanceClock(1s);
    QCOMPARE(copy->text(), QStringLiteral("&Copy"));
    // The clipboard keeps the token for the rest of the 30 s.
    QCOMPARE(QGuiApplication::clipboard()->text(), secret());
}

void TestTokenRevealDialog::copyKeyAlsoClears()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.setClipboardClearDelay(300ms);
    auto* field = child<QLineEdit>(&dialog, "tokenValueField");
    QTest::keyClick(field, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), secret());
    QVERIFY(dialog.wasCopied());
    QVERIFY(TokenRevealDialog::pendingClipboardClear());
    TokenRevealDialog::advanceClock(300ms);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

void TestTokenRevealDialog::notClearedWhenClipboardChanged()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.setClipboardClearDelay(200ms);
    dialog.copyToClipboard();
    QCOMPARE(QGuiApplication::clipboard()->text(), secret());
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    TokenRevealDialog::advanceClock(600ms);
    QVERIFY(!TokenRevealDialog::pendingClipboardClear()); // it ran, and left the text alone
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("something else"));
}

void TestTokenRevealDialog::clearingOutlivesDialog()
{
    auto* dialog = new TokenRevealDialog(secret(), token(), cluster());
    dialog->setClipboardClearDelay(300ms);
    dialog->copyToClipboard();
    delete dialog; // closed right after copying, to go and paste
    QCOMPARE(QGuiApplication::clipboard()->text(), secret());
    QVERIFY(TokenRevealDialog::pendingClipboardClear());
    TokenRevealDialog::advanceClock(300ms);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
}

// Without the seam: the timers really fire (a delay short enough not to slow the suite).
void TestTokenRevealDialog::clearsOnTheRealClockToo()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.setClipboardClearDelay(20ms);
    dialog.copyToClipboard();
    QCOMPARE(QGuiApplication::clipboard()->text(), secret());
    QTRY_VERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(!TokenRevealDialog::pendingClipboardClear());
}

void TestTokenRevealDialog::doneAsksFirst()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.open();
    QTest::mouseClick(child<QPushButton>(&dialog, "doneButton"), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QPointer<QMessageBox> box = confirmBox(&dialog);
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->text(), QStringLiteral("You will not see this token again."));
    QVERIFY(box->informativeText().contains(QStringLiteral("not copied")));

    // Going back keeps the dialog and its value.
    child<QPushButton>(box, "goBackButton")->click();
    QTRY_VERIFY(!box);
    QVERIFY(dialog.isVisible());
    QCOMPARE(child<QLineEdit>(&dialog, "tokenValueField")->text(), secret());

    // After Copy, Done closes without a second question.
    dialog.copyToClipboard();
    child<QPushButton>(&dialog, "doneButton")->click();
    QVERIFY(!confirmBox(&dialog));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    // Escape after a copy closes too.
    TokenRevealDialog other(secret(), token(), cluster());
    other.open();
    other.copyToClipboard();
    QTest::keyClick(&other, Qt::Key_Escape);
    QVERIFY(!confirmBox(&other));
    QVERIFY(!other.isVisible());
}

void TestTokenRevealDialog::copyMakesRoomForTheStatus()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* warning = child<QLabel>(&dialog, "warningLabel");
    auto* usage = child<QLabel>(&dialog, "usageLabel");
    QTest::mouseClick(child<QPushButton>(&dialog, "copyButton"), Qt::LeftButton);
    auto* status = child<QLabel>(&dialog, "copyStatusLabel");
    QVERIFY(status->isVisible());
    // Each wrapped label gets at least the height its text needs at its width: nothing is cut.
    auto fits
        = [](QLabel* label) { return label->height() >= label->heightForWidth(label->width()); };
    QTRY_VERIFY2(fits(warning), qPrintable(QString::number(warning->height())));
    QTRY_VERIFY(fits(usage));
    QTRY_VERIFY(fits(status));
    QVERIFY(dialog.layout()->totalHeightForWidth(dialog.width()) <= dialog.height());
}

void TestTokenRevealDialog::escapeAndCloseAsk()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.open();
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(dialog.isVisible());
    QPointer<QMessageBox> box = confirmBox(&dialog);
    QVERIFY(box);
    // Escape in the question goes back, never closes by accident.
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY(!box);
    QVERIFY(dialog.isVisible());

    dialog.close(); // the window's close button
    QVERIFY(dialog.isVisible());
    box = confirmBox(&dialog);
    QVERIFY(box);
    // Asking again while the question is open does not stack a second one.
    dialog.reject();
    QCOMPARE(dialog.findChildren<QMessageBox*>().size(), 1);
    child<QPushButton>(box, "confirmCloseButton")->click();
    QVERIFY(!dialog.isVisible());
}

void TestTokenRevealDialog::wipesValue()
{
    QString value = secret();
    const QString observer = value; // shares the buffer, as the API result's copy would
    const qsizetype length = value.size();
    auto* dialog = new TokenRevealDialog(std::move(value), token(), cluster());
    QCOMPARE(observer, secret());
    delete dialog;
    QCOMPARE(observer.size(), length);
    QCOMPARE(observer, QString(length, QChar(0)));
}

// The intent is that the value is shown in a fixed-pitch font (an l, a 1 and an I look apart and
// line up). QFontInfo::fixedPitch() is not that: with fonts-noto-mono installed, "monospace"
// resolves to Noto Sans Mono, which fontconfig does not flag as fixed pitch, so it says false for a
// monospaced font. What is checked instead is what the eye sees: every character of a token's
// alphabet advances by the same width, in the font the field actually uses.
void TestTokenRevealDialog::valueShownInAFixedPitchFont()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    auto* field = child<QLineEdit>(&dialog, "tokenValueField");
    QCOMPARE(field->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
    const QFontMetricsF metrics(field->font());
    const qreal width = metrics.horizontalAdvance(QLatin1Char('m'));
    QVERIFY(width > 0);
    const QString alphabet = QStringLiteral("iIl1|.0OWm_MABCwxyz");
    for (const QChar c : alphabet)
        QVERIFY2(qFuzzyCompare(metrics.horizontalAdvance(c), width),
            qPrintable(QStringLiteral("“%1” advances %2, “m” %3 (%4)")
                           .arg(c)
                           .arg(metrics.horizontalAdvance(c))
                           .arg(width)
                           .arg(QFontInfo(field->font()).family())));
}

namespace {
QString primary() { return QGuiApplication::clipboard()->text(QClipboard::Selection); }

} // namespace

// A macro: QSKIP returns from the function it is written in.
#define SKIP_WITHOUT_PRIMARY()                                                                     \
    if (!QGuiApplication::clipboard()->supportsSelection())                                        \
    QSKIP("no PRIMARY selection on this platform (tst_tokenrevealdialog_x11 runs this)")

void TestTokenRevealDialog::selectingTheValueLeavesNothingInPrimary()
{
    SKIP_WITHOUT_PRIMARY();
    QGuiApplication::clipboard()->clear(QClipboard::Selection);
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* field = child<QLineEdit>(&dialog, "tokenValueField");

    // Ctrl+A: all of it selected, none of it in PRIMARY.
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    QVERIFY(field->hasSelectedText());
    QVERIFY2(primary().isEmpty(), qPrintable(primary()));

    // A drag over part of it.
    field->deselect();
    const int y = field->height() / 2;
    QTest::mousePress(field, Qt::LeftButton, {}, QPoint(4, y));
    QTest::mouseMove(field, QPoint(field->width() / 2, y));
    QTest::mouseRelease(field, Qt::LeftButton, {}, QPoint(field->width() / 2, y));
    QVERIFY(field->hasSelectedText());
    QVERIFY2(primary().isEmpty(), qPrintable(primary()));
    // Copy still works, through the clipboard and its timed clear.
    dialog.copyToClipboard();
    QCOMPARE(QGuiApplication::clipboard()->text(QClipboard::Clipboard), secret());
    QVERIFY(primary().isEmpty());
}

void TestTokenRevealDialog::closingClearsTheValueFromPrimary()
{
    SKIP_WITHOUT_PRIMARY();
    auto* dialog = new TokenRevealDialog(secret(), token(), cluster());
    dialog->show();
    {
        // Put there behind the dialog's back (its watch blocked): closing still clears it.
        const QSignalBlocker blind(QGuiApplication::clipboard());
        QGuiApplication::clipboard()->setText(secret().mid(5, 12), QClipboard::Selection);
    }
    QCOMPARE(primary(), secret().mid(5, 12));
    delete dialog;
    QVERIFY2(primary().isEmpty(), qPrintable(primary()));
}

void TestTokenRevealDialog::primaryOfOtherTextIsLeftAlone()
{
    SKIP_WITHOUT_PRIMARY();
    TokenRevealDialog dialog(secret(), token(), cluster());
    QGuiApplication::clipboard()->setText(QStringLiteral("not the token"), QClipboard::Selection);
    QCOMPARE(primary(), QStringLiteral("not the token"));
    dialog.copyToClipboard();
    QCOMPARE(primary(), QStringLiteral("not the token"));
    QGuiApplication::clipboard()->clear(QClipboard::Selection);
}

QTEST_MAIN(TestTokenRevealDialog)
#include "tst_tokenrevealdialog.moc"
