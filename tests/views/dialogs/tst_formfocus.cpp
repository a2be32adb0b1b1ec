// SPDX-License-Identifier: MIT
#include "dialogs/agenttokendialog.h"
#include "dialogs/clusterdialog.h"
#include "dialogs/queuedialog.h"
#include "dialogs/tokenrevealdialog.h"
#include "dialogs/typednameconfirmation.h"
#include "dialogtesthelpers.h"
#include "palette.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QRadioButton>
#include <QTest>

#include <memory>

using namespace DialogTest;

// Every form dialog opens with the focus in its first field, and Tab walks the fields before the
// buttons: typing right after opening goes into the form, never onto Cancel.
class TestFormFocus final : public QObject {
    Q_OBJECT

    static void checkFirstField(FormDialog* dialog, const char* firstField)
    {
        std::unique_ptr<FormDialog> owner(dialog);
        dialog->open();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto* field = child<QWidget>(dialog, firstField);
        QTRY_COMPARE(dialog->focusWidget(), field);
        QVERIFY(field->hasFocus());
        // Typing lands in the field.
        if (auto* edit = qobject_cast<QLineEdit*>(field)) {
            edit->selectAll();
            QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("abc"));
            QVERIFY2(edit->text().endsWith(QStringLiteral("abc")), qPrintable(edit->text()));
        }
        // Cancel comes after the fields, not before them.
        auto* cancel = child<QWidget>(dialog, "cancelButton");
        QWidget* w = field;
        bool cancelAfterField = false;
        for (int i = 0; i < 50 && w; ++i) {
            w = w->nextInFocusChain();
            if (w == cancel) {
                cancelAfterField = true;
                break;
            }
            if (w == field)
                break;
        }
        QVERIFY(cancelAfterField);
        QVERIFY(field->previousInFocusChain() != cancel);
        dialog->reject();
    }

    // Saves the dialog in both palettes when KITEDECK_SCREENSHOT_DIR is set (for looking at them
    // under Xvfb); checks nothing.
    static void shoot(QWidget* dialog, const QString& name)
    {
        const QString dir = qEnvironmentVariable("KITEDECK_SCREENSHOT_DIR");
        QDir().mkpath(dir);
        for (const auto& [suffix, palette] :
            { std::pair { QStringLiteral("light"), Palette::light() },
                std::pair { QStringLiteral("dark"), Palette::dark() } }) {
            QApplication::setPalette(palette);
            QApplication::processEvents();
            QTest::qWait(50);
            dialog->grab().save(QStringLiteral("%1/%2-%3.png").arg(dir, name, suffix));
        }
        QApplication::setPalette(Palette::light());
    }

private Q_SLOTS:
    void screenshots()
    {
        if (qEnvironmentVariableIsEmpty("KITEDECK_SCREENSHOT_DIR"))
            QSKIP("KITEDECK_SCREENSHOT_DIR is not set");
        QApplication::setStyle(QStringLiteral("Fusion"));
        {
            ClusterDialog d;
            d.open();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            shoot(&d, QStringLiteral("new-cluster"));
        }
        {
            QueueDialog d(cluster(), {});
            d.open();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            shoot(&d, QStringLiteral("new-queue-selfhosted"));
            child<QRadioButton>(&d, "hostedRadio")->click();
            QTest::qWait(100);
            shoot(&d, QStringLiteral("new-queue-hosted"));
        }
        {
            AgentTokenDialog d(cluster());
            d.open();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            shoot(&d, QStringLiteral("new-token"));
        }
        {
            TokenRevealDialog d(QStringLiteral("bkct_0123456789abcdef0123456789abcdef01234567"),
                token(), cluster());
            d.open();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            shoot(&d, QStringLiteral("token-reveal"));
            d.copyToClipboard();
            QTest::qWait(100);
            shoot(&d, QStringLiteral("token-reveal-copied"));
            TokenRevealDialog::advanceClock(std::chrono::hours(1));
        }
        {
            TypedNameConfirmation d(QStringLiteral("Delete Cluster"),
                QStringLiteral("Delete the cluster “Mobile Apps”?"),
                QStringLiteral("Its 6 queues and 4 agent tokens are deleted with it. This cannot "
                               "be undone."),
                QStringLiteral("Mobile Apps"), QStringLiteral("Delete Cluster"));
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            shoot(&d, QStringLiteral("typed-name"));
        }
    }

    void newClusterStartsInName() { checkFirstField(new ClusterDialog, "nameEdit"); }
    void editClusterStartsInName()
    {
        checkFirstField(
            new ClusterDialog(cluster(), { queue(QStringLiteral("q1"), QStringLiteral("a")) }),
            "nameEdit");
    }
    void newQueueStartsInKey() { checkFirstField(new QueueDialog(cluster(), {}), "keyEdit"); }
    void editQueueStartsInDescription()
    {
        checkFirstField(
            new QueueDialog(queue(QStringLiteral("q1"), QStringLiteral("a")), cluster()),
            "descriptionEdit");
    }
    void newTokenStartsInDescription()
    {
        checkFirstField(new AgentTokenDialog(cluster()), "descriptionEdit");
    }
    void editTokenStartsInDescription()
    {
        checkFirstField(new AgentTokenDialog(token(), cluster()), "descriptionEdit");
    }
};

QTEST_MAIN(TestFormFocus)
#include "tst_formfocus.moc"
