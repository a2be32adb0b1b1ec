// SPDX-License-Identifier: MIT
#include "api/apierror.h"
#include "dialogs/confirm.h"
#include "dialogs/pauseagentdialog.h"
#include "dialogtesthelpers.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using namespace DialogTest;

namespace {
Agent agent(bool busy)
{
    Agent a;
    a.id = QStringLiteral("a1");
    a.name = QStringLiteral("ci-linux-1");
    a.connectionState = QStringLiteral("connected");
    if (busy) {
        AgentJob job;
        job.id = QStringLiteral("j1");
        job.name = QStringLiteral(":rocket: Deploy to production");
        job.pipeline = QStringLiteral("web");
        job.buildNumber = 48208;
        a.job = job;
    }
    return a;
}
} // namespace

// PauseAgentDialog: the note, the timeout and its bounds, an error from the server; and the
// texts of the stop confirmations.
class TestPauseAgentDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void noteAndTimeout();
    void timeoutBounds();
    void stopTexts();
};

void TestPauseAgentDialog::noteAndTimeout()
{
    PauseAgentDialog dialog(agent(true));
    dialog.open();
    QCOMPARE(child<QLabel>(&dialog, "agentLabel")->text(), QStringLiteral("ci-linux-1"));
    QVERIFY(
        child<QLabel>(&dialog, "jobLabel")->text().contains(QLatin1String("Deploy to production")));
    QVERIFY(child<QLabel>(&dialog, "jobLabel")->text().contains(QLatin1String("web #48208")));
    QCOMPARE(ok(&dialog)->text(), QStringLiteral("Pause Agent"));
    QVERIFY(ok(&dialog)->isEnabled()); // the note is optional
    auto* timeout = child<QSpinBox>(&dialog, "timeoutSpin");
    QCOMPARE(timeout->value(), 60);
    QVERIFY(hint(&dialog, "timeoutHint")
                ->text()
                .startsWith(QLatin1String("Resumes by itself after 1 hour")));
    timeout->setValue(90);
    QVERIFY(hint(&dialog, "timeoutHint")->text().contains(QLatin1String("90 minutes")));
    timeout->setValue(2 * 24 * 60);
    QVERIFY(hint(&dialog, "timeoutHint")->text().contains(QLatin1String("2 days")));

    auto* note = child<QPlainTextEdit>(&dialog, "noteEdit");
    QTest::keyClicks(note, QStringLiteral("Disk nearly full "));
    QSignalSpy spy(&dialog, &PauseAgentDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Disk nearly full"));
    QCOMPARE(spy.at(0).at(1).toInt(), 2 * 24 * 60);
    QVERIFY(dialog.isBusy());
    dialog.showError(ApiError(
        ApiError::Kind::BadResponse, QStringLiteral("Can only pause connected agents"), 400));
    QCOMPARE(dialog.errorText(), QStringLiteral("Can only pause connected agents"));
    QCOMPARE(note->toPlainText(), QStringLiteral("Disk nearly full "));
    QCOMPARE(timeout->value(), 2 * 24 * 60);

    // An idle agent has no job row.
    PauseAgentDialog idle(agent(false));
    QVERIFY(!idle.findChild<QLabel*>(QStringLiteral("jobLabel")));
}

void TestPauseAgentDialog::timeoutBounds()
{
    PauseAgentDialog dialog(agent(false));
    auto* timeout = child<QSpinBox>(&dialog, "timeoutSpin");
    QCOMPARE(timeout->minimum(), 1);
    QCOMPARE(timeout->maximum(), 7 * 24 * 60);
    timeout->setValue(100000);
    QCOMPARE(timeout->value(), 7 * 24 * 60);
    QVERIFY(ok(&dialog)->isEnabled());
}

void TestPauseAgentDialog::stopTexts()
{
    const QString graceful = ConfirmText::stopAgentDetail(agent(true), false);
    QVERIFY2(graceful.contains(QLatin1String("finishes its running job")), qPrintable(graceful));
    const QString forced = ConfirmText::stopAgentDetail(agent(true), true);
    QVERIFY(forced.contains(QLatin1String("is cancelled")));
    QVERIFY(forced.contains(QLatin1String("Deploy to production")));
    QVERIFY(forced.contains(QLatin1String("(web #48208)")));
    QVERIFY(ConfirmText::stopAgentDetail(agent(false), true)
                .contains(QLatin1String("not running a job")));
}

QTEST_MAIN(TestPauseAgentDialog)
#include "tst_pauseagentdialog.moc"
