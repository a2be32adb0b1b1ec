// SPDX-License-Identifier: MIT
#include "api/apierror.h"
#include "dialogs/agenttokendialog.h"
#include "dialogtesthelpers.h"
#include "domain/json.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

using namespace DialogTest;

// AgentTokenDialog: create and edit an agent token, its allowlist and expiry rules.
class TestAgentTokenDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tokenCreate();
    void tokenBadCidr();
    void tokenTooManyCidrs();
    void tokenMissingDescription();
    void tokenExpiryTooSoon();
    void tokenExpiryRecheckedOnSubmit();
    void tokenEdit();
    void tokenEditWithABareAddress();
    void tokenShowErrorKeepsInputs();
};

void TestAgentTokenDialog::tokenCreate()
{
    AgentTokenDialog dialog(cluster());
    dialog.open();
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(!child<QCheckBox>(&dialog, "expiryCheck")->isChecked());
    QVERIFY(!child<QDateTimeEdit>(&dialog, "expiryEdit")->isEnabled());
    typeInto(&dialog, "descriptionEdit", QStringLiteral("macOS fleet"));
    auto* list = child<QPlainTextEdit>(&dialog, "allowlistEdit");
    QTest::keyClicks(list, QStringLiteral("192.0.2.0/24"));
    QTest::keyClick(list, Qt::Key_Return);
    QTest::keyClicks(list, QStringLiteral("198.51.100.7/32"));
    QVERIFY(ok(&dialog)->isEnabled());
    QVERIFY(!dialog.findChild<HintLabel*>(QStringLiteral("allowlistWarning")));

    child<QCheckBox>(&dialog, "expiryCheck")->click();
    auto* expiry = child<QDateTimeEdit>(&dialog, "expiryEdit");
    QVERIFY(expiry->isEnabled());
    expiry->setDateTime(QDateTime::currentDateTime().addDays(2));
    QVERIFY(ok(&dialog)->isEnabled());
    const QDateTime chosen = expiry->dateTime().toUTC();

    QSignalSpy spy(&dialog, &AgentTokenDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    const AgentTokenInput in = spy.at(0).at(0).value<AgentTokenInput>();
    QJsonObject expected = json(R"({"description": "macOS fleet",
        "allowed_ip_addresses": "192.0.2.0/24 198.51.100.7/32"})");
    expected.insert(QStringLiteral("expires_at"), formatTimestamp(chosen));
    QCOMPARE(in.toJson(true), expected);

    // Without expiry or allowlist only the description goes.
    AgentTokenDialog plain(cluster());
    typeInto(&plain, "descriptionEdit", QStringLiteral("CI"));
    QCOMPARE(plain.input().toJson(true), json(R"({"description": "CI"})"));
}

void TestAgentTokenDialog::tokenBadCidr()
{
    AgentTokenDialog dialog(cluster());
    typeInto(&dialog, "descriptionEdit", QStringLiteral("fleet"));
    auto* list = child<QPlainTextEdit>(&dialog, "allowlistEdit");
    QTest::keyClicks(list, QStringLiteral("192.0.2.0/24 10.0.0.0/33"));
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(hintShown(&dialog, "allowlistHint"));
    QVERIFY(hint(&dialog, "allowlistHint")->text().contains(QStringLiteral("10.0.0.0/33")));
    QCOMPARE(hint(&dialog, "allowlistHint")->tone(), Tone::Danger);
    QTest::keyClick(list, Qt::Key_Backspace);
    QTest::keyClick(list, Qt::Key_Backspace);
    QTest::keyClicks(list, QStringLiteral("16"));
    QVERIFY(ok(&dialog)->isEnabled());
}

void TestAgentTokenDialog::tokenTooManyCidrs()
{
    AgentTokenDialog dialog(cluster());
    typeInto(&dialog, "descriptionEdit", QStringLiteral("fleet"));
    QStringList many;
    for (int i = 1; i <= 25; ++i)
        many.append(QStringLiteral("10.0.%1.0/24").arg(i));
    auto* list = child<QPlainTextEdit>(&dialog, "allowlistEdit");
    list->setPlainText(many.mid(0, 24).join(QLatin1Char('\n')));
    QVERIFY(ok(&dialog)->isEnabled());
    list->setPlainText(many.join(QLatin1Char('\n')));
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(hint(&dialog, "allowlistHint")->text().contains(QStringLiteral("24")));
    QVERIFY(hint(&dialog, "allowlistHint")->text().contains(QStringLiteral("25")));
}

void TestAgentTokenDialog::tokenMissingDescription()
{
    AgentTokenDialog dialog(cluster());
    typeInto(&dialog, "descriptionEdit", QStringLiteral("x"));
    QVERIFY(ok(&dialog)->isEnabled());
    typeInto(&dialog, "descriptionEdit", QString());
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(hintShown(&dialog, "descriptionHint"));
}

void TestAgentTokenDialog::tokenExpiryTooSoon()
{
    AgentTokenDialog dialog(cluster());
    typeInto(&dialog, "descriptionEdit", QStringLiteral("short-lived"));
    child<QCheckBox>(&dialog, "expiryCheck")->click();
    auto* expiry = child<QDateTimeEdit>(&dialog, "expiryEdit");
    expiry->setDateTime(QDateTime::currentDateTime().addSecs(5 * 60));
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(hint(&dialog, "expiryHint")->text().contains(QStringLiteral("10 minutes")));
    QCOMPARE(hint(&dialog, "expiryHint")->tone(), Tone::Danger);
    expiry->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
    QVERIFY(!ok(&dialog)->isEnabled());
    expiry->setDateTime(QDateTime::currentDateTime().addSecs(20 * 60));
    QVERIFY(ok(&dialog)->isEnabled());
    // Turning expiry off makes the token never expire; no expires_at is sent.
    child<QCheckBox>(&dialog, "expiryCheck")->click();
    QVERIFY(ok(&dialog)->isEnabled());
    QVERIFY(!dialog.input().toJson(true).contains(QStringLiteral("expires_at")));
}

void TestAgentTokenDialog::tokenExpiryRecheckedOnSubmit()
{
    AgentTokenDialog dialog(cluster());
    QDateTime now = QDateTime::currentDateTimeUtc();
    dialog.setClock([&now] { return now; });
    dialog.open();
    typeInto(&dialog, "descriptionEdit", QStringLiteral("edge"));
    child<QCheckBox>(&dialog, "expiryCheck")->click();
    auto* expiry = child<QDateTimeEdit>(&dialog, "expiryEdit");
    const QDateTime target = now.toLocalTime().addSecs(10 * 60 + 2);
    expiry->setDateTime(target);
    if (expiry->dateTime() != target)
        QSKIP("the date-time edit rounds away seconds here");
    QVERIFY(ok(&dialog)->isEnabled());
    now = now.addSecs(3); // now less than 10 minutes ahead, though nothing was typed
    QSignalSpy spy(&dialog, &AgentTokenDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 0);
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(hint(&dialog, "expiryHint")->text().contains(QStringLiteral("10 minutes")));
}

void TestAgentTokenDialog::tokenEdit()
{
    const AgentToken t = token();
    AgentTokenDialog dialog(t, cluster());
    dialog.open();
    QVERIFY(dialog.isEditMode());
    QVERIFY(!dialog.findChild<QDateTimeEdit*>(QStringLiteral("expiryEdit")));
    QVERIFY(child<QLabel>(&dialog, "expiryLabel")
                ->text()
                .contains(QStringLiteral("cannot be changed")));
    auto* list = child<QPlainTextEdit>(&dialog, "allowlistEdit");
    QCOMPARE(list->toPlainText(), QStringLiteral("192.0.2.0/24\n198.51.100.7/32"));
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(!hintShown(&dialog, "allowlistWarning"));

    // Reordering is no change.
    list->setPlainText(QStringLiteral("198.51.100.7/32 192.0.2.0/24"));
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(!hintShown(&dialog, "allowlistWarning"));

    list->setPlainText(QStringLiteral("192.0.2.0/24"));
    QVERIFY(ok(&dialog)->isEnabled());
    QVERIFY(hintShown(&dialog, "allowlistWarning"));
    QVERIFY(hint(&dialog, "allowlistWarning")->text().contains(QStringLiteral("disconnected")));
    QSignalSpy spy(&dialog, &AgentTokenDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<AgentTokenInput>().toJson(false),
        json(R"({"description": "macOS fleet", "allowed_ip_addresses": "192.0.2.0/24"})"));

    // Clearing the allowlist sends an empty string; a description change alone sends only that.
    AgentTokenDialog clear(t, cluster());
    child<QPlainTextEdit>(&clear, "allowlistEdit")->clear();
    QCOMPARE(clear.input().toJson(false),
        json(R"({"description": "macOS fleet", "allowed_ip_addresses": ""})"));
    AgentTokenDialog rename(t, cluster());
    typeInto(&rename, "descriptionEdit", QStringLiteral("Mac fleet"));
    QVERIFY(ok(&rename)->isEnabled());
    QCOMPARE(rename.input().toJson(false), json(R"({"description": "Mac fleet"})"));
    // The expiry is never sent on update, even though the token has one.
    QVERIFY(!rename.input().toJson(false).contains(QStringLiteral("expires_at")));
}

// A stored allowlist with a bare address (Buildkite takes them) used to make the whole dialog
// invalid, so not even the description could be edited.
void TestAgentTokenDialog::tokenEditWithABareAddress()
{
    AgentToken t = token();
    t.allowedIpAddresses = QStringLiteral("198.51.100.12 192.0.2.0/24");
    AgentTokenDialog dialog(t, cluster());
    dialog.open();
    QCOMPARE(child<QPlainTextEdit>(&dialog, "allowlistEdit")->toPlainText(),
        QStringLiteral("198.51.100.12\n192.0.2.0/24"));
    QVERIFY(!hintShown(&dialog, "allowlistWarning"));
    QVERIFY(hint(&dialog, "allowlistHint")->tone() != Tone::Danger);
    typeInto(&dialog, "descriptionEdit", QStringLiteral("Office fleet"));
    QVERIFY(ok(&dialog)->isEnabled());
    QCOMPARE(dialog.input().toJson(false), json(R"({"description": "Office fleet"})"));

    // And one can be typed in.
    AgentTokenDialog create(cluster());
    typeInto(&create, "descriptionEdit", QStringLiteral("fleet"));
    child<QPlainTextEdit>(&create, "allowlistEdit")->setPlainText(QStringLiteral("203.0.113.9"));
    QVERIFY(ok(&create)->isEnabled());
    QCOMPARE(create.input().toJson(true),
        json(R"({"description": "fleet", "allowed_ip_addresses": "203.0.113.9"})"));
}

void TestAgentTokenDialog::tokenShowErrorKeepsInputs()
{
    AgentTokenDialog dialog(cluster());
    dialog.open();
    typeInto(&dialog, "descriptionEdit", QStringLiteral("fleet"));
    child<QPlainTextEdit>(&dialog, "allowlistEdit")->setPlainText(QStringLiteral("192.0.2.0/24"));
    ok(&dialog)->click();
    QVERIFY(dialog.isBusy());
    QVERIFY(!child<QPlainTextEdit>(&dialog, "allowlistEdit")->isEnabled());
    const QString message
        = QStringLiteral("Your access token doesn't have the write_clusters scope");
    dialog.showError(ApiError(ApiError::Kind::Forbidden, message, 403));
    QCOMPARE(child<QLabel>(&dialog, "errorLabel")->text(), message);
    QCOMPARE(child<QLineEdit>(&dialog, "descriptionEdit")->text(), QStringLiteral("fleet"));
    QCOMPARE(child<QPlainTextEdit>(&dialog, "allowlistEdit")->toPlainText(),
        QStringLiteral("192.0.2.0/24"));
    QVERIFY(child<QPlainTextEdit>(&dialog, "allowlistEdit")->isEnabled());
    QVERIFY(ok(&dialog)->isEnabled());
}

QTEST_MAIN(TestAgentTokenDialog)
#include "tst_agenttokendialog.moc"
