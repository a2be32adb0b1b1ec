// SPDX-License-Identifier: MIT
// The status bar's words: what the refresh plan allows, and the rate-limit line, which turns a
// warning colour only when the budget is actually low.
#include "mainwindow/mainstatusbar.h"
#include "mainwindow/statuslabel.h"
#include "refreshscheduler.h"

#include <QTest>

namespace {
QStringList clusterIds(int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i)
        ids.append(QStringLiteral("c%1").arg(i));
    return ids;
}

RateLimitStatus status(int userRemaining, int reset, const QDateTime& observedAt)
{
    RateLimitStatus s;
    s.user = { userRemaining, 50, reset };
    s.organization = { 180, 200, reset };
    s.observedAt = observedAt;
    return s;
}
} // namespace

class TestMainStatusBar final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void thePlanInPlainWords()
    {
        RefreshScheduler scheduler;
        scheduler.setClusters(clusterIds(33));
        const int round = scheduler.roundSeconds();
        QVERIFY(round > 120 && round < 7200);
        const MainStatusBar::Line line = MainStatusBar::planLine(scheduler, true);
        QCOMPARE(line.text,
            QStringLiteral("Checking 33 clusters every %1 minutes to stay within your API rate "
                           "limit")
                .arg(int(std::ceil(round / 60.0))));
        QVERIFY(!line.warning);
        QVERIFY2(line.toolTip.contains(QLatin1String("12.5 of your 50 requests a minute (25 %)")),
            qPrintable(line.toolTip));

        // One cluster: the singular, and a round of the hot period.
        RefreshScheduler one;
        one.setClusters(clusterIds(1));
        QCOMPARE(MainStatusBar::planLine(one, true).text,
            QStringLiteral("Checking 1 cluster every 60 seconds to stay within your API rate "
                           "limit"));
        QCOMPARE(MainStatusBar::planLine(one, false).text, QStringLiteral("Auto-refresh is off"));

        // A larger limit (enterprise) says so by itself.
        scheduler.setRateLimit(1000, 1000, 60);
        QCOMPARE(MainStatusBar::planLine(scheduler, true).text,
            QStringLiteral("Checking 33 clusters every 60 seconds to stay within your API rate "
                           "limit"));
    }

    void durationsRoundUp()
    {
        QCOMPARE(MainStatusBar::duration(1), QStringLiteral("1 second"));
        QCOMPARE(MainStatusBar::duration(90), QStringLiteral("90 seconds"));
        QCOMPARE(MainStatusBar::duration(121), QStringLiteral("3 minutes"));
        QCOMPARE(MainStatusBar::duration(3600), QStringLiteral("60 minutes"));
        QCOMPARE(MainStatusBar::duration(4 * 3600 + 1), QStringLiteral("5 hours"));
    }

    void aReloadWaitingForTheWindowSaysWhy()
    {
        RefreshScheduler scheduler;
        scheduler.setAutomaticTimer(false);
        qint64 now = 0;
        scheduler.setClock([&now] { return now; });
        scheduler.setClusters(clusterIds(33));
        scheduler.setRateLimit(50, 10, 40); // what a reload leaves: the reserve
        scheduler.start();
        scheduler.reloadAll();
        QVERIFY(scheduler.isWaitingForWindow());
        const MainStatusBar::Line line = MainStatusBar::planLine(scheduler, true);
        QCOMPARE(line.text,
            QStringLiteral("Loading the rest (67 requests) when your API rate limit allows"));
    }

    void theRateLimitLineIsAWarningOnlyWhenLow()
    {
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        // Right after a load: the reload leaves a fifth; that is not low.
        MainStatusBar::Line line = MainStatusBar::rateLimitLine(status(10, 30, t0), t0);
        QCOMPARE(line.text, QStringLiteral("API 10/50"));
        QVERIFY(!line.warning);
        QVERIFY(line.toolTip.contains(QLatin1String("resets in 30 seconds")));
        // Spent to the bone by something else: low, and it says what that means.
        line = MainStatusBar::rateLimitLine(status(0, 30, t0), t0.addSecs(5));
        QCOMPARE(line.text, QStringLiteral("API 0/50 (low)"));
        QVERIFY(line.warning);
        QVERIFY(line.toolTip.contains(QLatin1String("resets in 25 seconds")));
        QVERIFY(line.toolTip.contains(QLatin1String("Kitedeck waits")));
        // Once the window has reset, the old numbers are not shown as current.
        line = MainStatusBar::rateLimitLine(status(0, 30, t0), t0.addSecs(31));
        QCOMPARE(line.text, QStringLiteral("API 50/50"));
        QVERIFY(!line.warning);
        // The organisation's window can be the low one.
        RateLimitStatus org = status(40, 30, t0);
        org.organization.remaining = 3;
        line = MainStatusBar::rateLimitLine(org, t0);
        QVERIFY(line.warning);
        QCOMPARE(line.text, QStringLiteral("API 40/50 (low)"));
        // No headers yet: nothing.
        QVERIFY(MainStatusBar::rateLimitLine({}, t0).text.isEmpty());
    }

    void longWordsGiveWayInANarrowWindow()
    {
        // At 800 pixels the plan and the activity must not hold the window wider: they end in
        // an ellipsis and keep their whole text.
        MainStatusBar bar;
        auto* plan = bar.findChild<StatusLabel*>(QStringLiteral("statusPlan"));
        auto* activity = bar.findChild<StatusLabel*>(QStringLiteral("statusActivity"));
        QVERIFY(plan && activity);
        const QString planText = QStringLiteral(
            "Loading the rest (2,010 requests) when your API rate limit allows; checking 1,000 "
            "clusters every 3.6 hours to stay within your API rate limit");
        const QString activityText
            = QStringLiteral("Refreshing a-very-long-organisation-name-for-this-test…");
        plan->setText(planText);
        plan->show();
        activity->setText(activityText);
        const int natural = plan->sizeHint().width() + activity->sizeHint().width();
        QVERIFY(natural > 700);
        QVERIFY2(bar.minimumSizeHint().width() < 400,
            qPrintable(QString::number(bar.minimumSizeHint().width())));
        bar.resize(400, bar.sizeHint().height());
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QVERIFY(plan->width() < plan->sizeHint().width());
        QVERIFY(plan->shownText().endsWith(QChar(0x2026)));
        QCOMPARE(plan->text(), planText);
        QCOMPARE(activity->text(), activityText);
    }
};

QTEST_MAIN(TestMainStatusBar)
#include "tst_mainstatusbar.moc"
