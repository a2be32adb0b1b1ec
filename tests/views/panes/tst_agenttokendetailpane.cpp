// SPDX-License-Identifier: MIT
#include "format.h"
#include "panes/agenttokendetailpane.h"
#include "panes/statusbadge.h"
#include "panetesthelpers.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace PaneTest;

// AgentTokenDetailPane: expiry badges, the allowlist, edit and revoke.
class TestAgentTokenDetailPane final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokenNeverExpires();
    void tokenExpired();
    void tokenExpiringSoon();
    void tokenExpiresLater();
    void tokenAllowlist();
    void tokenSignalsAndWrite();
};

void TestAgentTokenDetailPane::tokenNeverExpires()
{
    AgentTokenDetailPane pane;
    pane.setToken(token({}), cluster());
    QCOMPARE(text(&pane, "descriptionLabel"), QStringLiteral("macOS fleet"));
    QCOMPARE(text(&pane, "expiresLabel"), QStringLiteral("Never expires"));
    auto* badge = child<StatusBadge>(&pane, "expiryBadge");
    QVERIFY(badge->isVisibleTo(&pane));
    QCOMPARE(badge->text(), QStringLiteral("Never expires"));
    QCOMPARE(badge->tone(), Tone::Neutral);
    QCOMPARE(text(&pane, "allowlistLabel"), QStringLiteral("Any address"));
    QCOMPARE(text(&pane, "idValue"), token({}).id);
    QCOMPARE(text(&pane, "graphqlIdValue"), token({}).graphqlId);
    QCOMPARE(text(&pane, "createdByLabel"), QStringLiteral("Sam Kim <sam@example.com>"));
    QVERIFY(text(&pane, "clusterLabel").contains(QStringLiteral("Mobile Apps")));
}

void TestAgentTokenDetailPane::tokenExpired()
{
    AgentTokenDetailPane pane;
    const QDateTime when = QDateTime::currentDateTimeUtc().addDays(-2);
    pane.setToken(token(when), cluster());
    auto* badge = child<StatusBadge>(&pane, "expiryBadge");
    QCOMPARE(badge->text(), QStringLiteral("Expired"));
    QCOMPARE(badge->tone(), Tone::Danger);
    QVERIFY(text(&pane, "expiresLabel").startsWith(Format::dateTime(when)));
    QVERIFY(text(&pane, "expiresLabel").contains(QStringLiteral("2 days ago")));
    // Still revocable.
    QVERIFY(child<QPushButton>(&pane, "revokeButton")->isEnabled());
}

void TestAgentTokenDetailPane::tokenExpiringSoon()
{
    AgentTokenDetailPane pane;
    pane.setToken(token(QDateTime::currentDateTimeUtc().addSecs(3 * 86400 + 3600)), cluster());
    auto* badge = child<StatusBadge>(&pane, "expiryBadge");
    QCOMPARE(badge->text(), QStringLiteral("Expires in 3 days"));
    QCOMPARE(badge->tone(), Tone::Warning);
    QVERIFY(badge->isVisibleTo(&pane));

    pane.setToken(token(QDateTime::currentDateTimeUtc().addSecs(5 * 3600 + 60)), cluster());
    QCOMPARE(badge->text(), QStringLiteral("Expires in 5 hours"));
}

void TestAgentTokenDetailPane::tokenExpiresLater()
{
    AgentTokenDetailPane pane;
    const QDateTime when = QDateTime::currentDateTimeUtc().addDays(30);
    pane.setToken(token(when), cluster());
    QVERIFY(!child<StatusBadge>(&pane, "expiryBadge")->isVisibleTo(&pane));
    QVERIFY(text(&pane, "expiresLabel").startsWith(Format::dateTime(when)));
    // The day after the seven-day line is not flagged; the day before is.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(AgentTokenDetailPane::expiryStatus(token(now.addDays(8)), now).badge.isEmpty());
    QCOMPARE(AgentTokenDetailPane::expiryStatus(token(now.addDays(6)), now).tone, Tone::Warning);
}

void TestAgentTokenDetailPane::tokenAllowlist()
{
    AgentTokenDetailPane pane;
    pane.setToken(token({}, QStringLiteral("192.0.2.0/24 198.51.100.7/32")), cluster());
    QCOMPARE(text(&pane, "allowlistLabel"), QStringLiteral("192.0.2.0/24\n198.51.100.7/32"));
    pane.setToken(token({}, QStringLiteral("0.0.0.0/0")), cluster());
    QCOMPARE(text(&pane, "allowlistLabel"), QStringLiteral("Any address"));
}

void TestAgentTokenDetailPane::tokenSignalsAndWrite()
{
    AgentTokenDetailPane pane;
    const AgentToken t = token({});
    pane.setToken(t, cluster());
    QSignalSpy edit(&pane, &AgentTokenDetailPane::editRequested);
    QSignalSpy revoke(&pane, &AgentTokenDetailPane::revokeRequested);
    QTest::mouseClick(child<QPushButton>(&pane, "editButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&pane, "revokeButton"), Qt::LeftButton);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit.at(0).at(0).value<AgentToken>(), t);
    QCOMPARE(revoke.count(), 1);
    QCOMPARE(revoke.at(0).at(0).value<AgentToken>().id, t.id);

    pane.setWriteAllowed(false, {});
    for (const char* name : { "editButton", "revokeButton" }) {
        QVERIFY2(!child<QPushButton>(&pane, name)->isEnabled(), name);
        QCOMPARE(child<QPushButton>(&pane, name)->toolTip(), noWriteScope);
    }
    QCOMPARE(pane.writeDeniedReason(), noWriteScope);
}

QTEST_MAIN(TestAgentTokenDetailPane)
#include "tst_agenttokendetailpane.moc"
