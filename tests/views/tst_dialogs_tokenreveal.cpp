// SPDX-License-Identifier: MIT
#include "dialogs/tokenrevealdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
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

template <class T>
T* child(QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

QMessageBox* confirmBox(QWidget* dialog)
{
    return dialog->findChild<QMessageBox*>(QStringLiteral("confirmCloseBox"));
}

} // namespace

class TestTokenReveal final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QGuiApplication::clipboard()->clear(); }
    void showsValueOnce();
    void copyAndClear();
    void copyKeyAlsoClears();
    void notClearedWhenClipboardChanged();
    void clearingOutlivesDialog();
    void doneAsksFirst();
    void escapeAndCloseAsk();
    void wipesValue();
};

void TestTokenReveal::showsValueOnce()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.open();
    auto* field = child<QLineEdit>(&dialog, "tokenValueField");
    QCOMPARE(field->text(), secret());
    QVERIFY(field->isReadOnly());
    QVERIFY(QFontInfo(field->font()).fixedPitch());
    QVERIFY(child<QLabel>(&dialog, "warningLabel")
                ->text()
                .contains(QStringLiteral("This is the only time the token is shown")));
    QCOMPARE(dialog.clipboardClearDelay(), 30000ms);
    QVERIFY(!child<QPushButton>(&dialog, "copyButton")->accessibleName().isEmpty());
}

void TestTokenReveal::copyAndClear()
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
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 3000);
}

void TestTokenReveal::copyKeyAlsoClears()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.setClipboardClearDelay(300ms);
    auto* field = child<QLineEdit>(&dialog, "tokenValueField");
    QTest::keyClick(field, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), secret());
    QVERIFY(dialog.wasCopied());
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 3000);
}

void TestTokenReveal::notClearedWhenClipboardChanged()
{
    TokenRevealDialog dialog(secret(), token(), cluster());
    dialog.setClipboardClearDelay(200ms);
    dialog.copyToClipboard();
    QCOMPARE(QGuiApplication::clipboard()->text(), secret());
    QGuiApplication::clipboard()->setText(QStringLiteral("something else"));
    QTest::qWait(600);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("something else"));
}

void TestTokenReveal::clearingOutlivesDialog()
{
    auto* dialog = new TokenRevealDialog(secret(), token(), cluster());
    dialog->setClipboardClearDelay(300ms);
    dialog->copyToClipboard();
    delete dialog; // closed right after copying, to go and paste
    QCOMPARE(QGuiApplication::clipboard()->text(), secret());
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), 3000);
}

void TestTokenReveal::doneAsksFirst()
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

    dialog.copyToClipboard();
    child<QPushButton>(&dialog, "doneButton")->click();
    box = confirmBox(&dialog);
    QVERIFY(box);
    QVERIFY(!box->informativeText().contains(QStringLiteral("not copied")));
    child<QPushButton>(box, "confirmCloseButton")->click();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestTokenReveal::escapeAndCloseAsk()
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

void TestTokenReveal::wipesValue()
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

QTEST_MAIN(TestTokenReveal)
#include "tst_dialogs_tokenreveal.moc"
