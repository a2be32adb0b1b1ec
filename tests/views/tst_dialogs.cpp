// SPDX-License-Identifier: MIT
#include "api/apierror.h"
#include "dialogs/agenttokendialog.h"
#include "dialogs/clusterdialog.h"
#include "dialogs/confirm.h"
#include "dialogs/ipallowlist.h"
#include "dialogs/pausequeuedialog.h"
#include "dialogs/queuedialog.h"
#include "domain/json.h"
#include "emoji.h"
#include "panes/colorswatch.h"
#include "panes/hintlabel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QTimer>

#include <algorithm>

namespace {

Cluster cluster()
{
    Cluster c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("Mobile Apps");
    c.description = QStringLiteral("iOS and Android");
    c.emoji = QStringLiteral(":iphone:");
    c.color = QStringLiteral("#ffe0f1");
    return c;
}

Queue queue(const QString& id, const QString& key)
{
    Queue q;
    q.id = id;
    q.clusterId = QStringLiteral("c1");
    q.key = key;
    q.description = QStringLiteral("Builds");
    q.retryAgentAffinity = QStringLiteral("prefer-warmest");
    return q;
}

Queue hostedQueue(const QString& shape)
{
    Queue q = queue(QStringLiteral("h1"), QStringLiteral("hosted"));
    q.hosted = true;
    q.instanceShape = InstanceShape::find(shape);
    return q;
}

AgentToken token()
{
    AgentToken t;
    t.id = QStringLiteral("t1");
    t.clusterId = QStringLiteral("c1");
    t.description = QStringLiteral("macOS fleet");
    t.allowedIpAddresses = QStringLiteral("192.0.2.0/24 198.51.100.7/32");
    t.expiresAt = QDateTime::currentDateTimeUtc().addDays(20);
    return t;
}

template <class T>
T* child(QWidget* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

QPushButton* ok(QWidget* dialog) { return child<QPushButton>(dialog, "okButton"); }

HintLabel* hint(QWidget* dialog, const char* name) { return child<HintLabel>(dialog, name); }

bool hintShown(QWidget* dialog, const char* name)
{
    return hint(dialog, name)->isVisibleTo(dialog) && !hint(dialog, name)->text().isEmpty();
}

void typeInto(QWidget* dialog, const char* name, const QString& text)
{
    auto* edit = child<QLineEdit>(dialog, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    // QTest types Latin-1 only; other text is inserted as an input method would.
    const bool ascii
        = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 128; });
    if (ascii)
        QTest::keyClicks(edit, text);
    else
        edit->insert(text);
}

QJsonObject json(const char* text) { return QJsonDocument::fromJson(QByteArray(text)).object(); }

// Answers the next modal box by clicking the button with this objectName.
void answerNextBox(const char* buttonName, QString* seenText = nullptr, QString* seenInfo = nullptr)
{
    QTimer::singleShot(0, qApp, [=] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            qFatal("no modal box");
        if (seenText)
            *seenText = box->text();
        if (seenInfo)
            *seenInfo = box->informativeText();
        if (box->objectName() != QLatin1String("confirmDestructiveBox"))
            qFatal("unexpected box");
        child<QPushButton>(box, buttonName)->click();
    });
}

} // namespace

class TestDialogs final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void clusterCreate();
    void clusterMissingName();
    void clusterBadColour();
    void clusterEmojiPreview();
    void clusterEditOnlyChanges();
    void clusterEditDefaultQueue();
    void clusterShowErrorKeepsInputs();
    void queueKeyValidation_data();
    void queueKeyValidation();
    void queueCreateSelfHosted();
    void queueCreateHosted();
    void queueCreateNeverOffersRemovedShapes();
    void queueEditHostedOnlySizes();
    void queueEditRemovedShape();
    void queueEditSelfHosted();
    void cidrParsing_data();
    void cidrParsing();
    void tokenCreate();
    void tokenBadCidr();
    void tokenTooManyCidrs();
    void tokenMissingDescription();
    void tokenExpiryTooSoon();
    void tokenExpiryRecheckedOnSubmit();
    void tokenEdit();
    void tokenShowErrorKeepsInputs();
    void pauseDialog();
    void confirmDestructiveAsks();
    void confirmTexts();
};

void TestDialogs::clusterCreate()
{
    ClusterDialog dialog;
    dialog.open();
    QVERIFY(!dialog.isEditMode());
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(!hintShown(&dialog, "nameHint")); // not shouted before typing
    QVERIFY(!dialog.findChild<QComboBox*>(QStringLiteral("defaultQueueCombo")));

    typeInto(&dialog, "nameEdit", QStringLiteral("  Mobile Apps "));
    typeInto(&dialog, "emojiEdit", QStringLiteral(":technologist:"));
    typeInto(&dialog, "colorEdit", QStringLiteral("#ffe0f1"));
    QVERIFY(ok(&dialog)->isEnabled());

    QSignalSpy spy(&dialog, &ClusterDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<ClusterInput>().toJson(),
        json(R"({"name": "Mobile Apps", "emoji": ":technologist:", "color": "#FFE0F1"})"));
    // Busy until the owner answers; a second click does nothing.
    QVERIFY(dialog.isBusy());
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(!child<QPushButton>(&dialog, "cancelButton")->isEnabled());
    QVERIFY(!child<QLineEdit>(&dialog, "nameEdit")->isEnabled());
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    // Escape while busy does not close it: the answer needs the dialog.
    dialog.reject();
    QVERIFY(dialog.isVisible());

    dialog.setBusy(true);
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestDialogs::clusterMissingName()
{
    ClusterDialog dialog;
    dialog.open();
    typeInto(&dialog, "nameEdit", QStringLiteral("x"));
    QVERIFY(ok(&dialog)->isEnabled());
    typeInto(&dialog, "nameEdit", QStringLiteral("   "));
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(hintShown(&dialog, "nameHint"));
    QCOMPARE(hint(&dialog, "nameHint")->text(), QStringLiteral("A cluster needs a name."));
    QSignalSpy spy(&dialog, &ClusterDialog::submitted);
    QTest::keyClick(child<QLineEdit>(&dialog, "nameEdit"), Qt::Key_Return);
    QCOMPARE(spy.count(), 0);
    QVERIFY(dialog.isVisible());
}

void TestDialogs::clusterBadColour()
{
    ClusterDialog dialog;
    dialog.open();
    typeInto(&dialog, "nameEdit", QStringLiteral("Cluster"));
    typeInto(&dialog, "colorEdit", QStringLiteral("#12345"));
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(hintShown(&dialog, "colorHint"));
    QVERIFY(!child<ColorSwatch>(&dialog, "colorSwatch")->color().isValid());
    typeInto(&dialog, "colorEdit", QStringLiteral("#12345G"));
    QVERIFY(!ok(&dialog)->isEnabled());
    typeInto(&dialog, "colorEdit", QStringLiteral("#123456"));
    QVERIFY(ok(&dialog)->isEnabled());
    QVERIFY(!hintShown(&dialog, "colorHint"));
    QCOMPARE(child<ColorSwatch>(&dialog, "colorSwatch")->color(), QColor(0x12, 0x34, 0x56));
}

void TestDialogs::clusterEmojiPreview()
{
    ClusterDialog dialog;
    typeInto(&dialog, "emojiEdit", QStringLiteral(":rocket:"));
    QCOMPARE(
        child<QLabel>(&dialog, "emojiPreview")->text(), Emoji::render(QStringLiteral(":rocket:")));
    QCOMPARE(child<QLabel>(&dialog, "emojiPreview")->text(), QStringLiteral("\U0001F680"));
    typeInto(&dialog, "emojiEdit", QStringLiteral("rocket"));
    QVERIFY(hintShown(&dialog, "emojiHint"));
    QVERIFY(hint(&dialog, "emojiHint")->text().contains(QStringLiteral(":rocket:")));
    typeInto(&dialog, "emojiEdit", QStringLiteral(":buildkite:"));
    QVERIFY(child<QLabel>(&dialog, "emojiPreview")->text().isEmpty());
    QVERIFY(hintShown(&dialog, "emojiHint"));
}

void TestDialogs::clusterEditOnlyChanges()
{
    ClusterDialog dialog(cluster(), {});
    dialog.open();
    QVERIFY(dialog.isEditMode());
    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Mobile Apps"));
    // Unchanged (the colour differs only in case): nothing to submit.
    QVERIFY(!ok(&dialog)->isEnabled());

    typeInto(&dialog, "descriptionEdit", QStringLiteral("Phones"));
    QVERIFY(ok(&dialog)->isEnabled());
    QSignalSpy spy(&dialog, &ClusterDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<ClusterInput>().toJson(), json(R"({"description": "Phones"})"));

    ClusterDialog clear(cluster(), {});
    typeInto(&clear, "descriptionEdit", QString());
    typeInto(&clear, "colorEdit", QStringLiteral("#000000"));
    QCOMPARE(clear.input().toJson(), json(R"({"description": "", "color": "#000000"})"));
}

void TestDialogs::clusterEditDefaultQueue()
{
    Cluster c = cluster();
    const QList<Queue> queues = { queue(QStringLiteral("q2"), QStringLiteral("macos")),
        queue(QStringLiteral("q1"), QStringLiteral("linux")) };
    {
        ClusterDialog dialog(c, queues);
        auto* combo = child<QComboBox>(&dialog, "defaultQueueCombo");
        QCOMPARE(combo->count(), 3);
        QCOMPARE(combo->itemText(0), QStringLiteral("None"));
        QCOMPARE(combo->itemText(1), QStringLiteral("linux"));
        QCOMPARE(combo->currentIndex(), 0);
        combo->setCurrentIndex(combo->findData(QStringLiteral("q2")));
        QVERIFY(ok(&dialog)->isEnabled());
        QCOMPARE(dialog.input().toJson(), json(R"({"default_queue_id": "q2"})"));
    }
    c.defaultQueueId = QStringLiteral("q1");
    ClusterDialog dialog(c, queues);
    auto* combo = child<QComboBox>(&dialog, "defaultQueueCombo");
    QCOMPARE(combo->currentData().toString(), QStringLiteral("q1"));
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    QVERIFY(!model->item(0)->isEnabled()); // a default can be changed, not removed
    QVERIFY(!ok(&dialog)->isEnabled());
}

void TestDialogs::clusterShowErrorKeepsInputs()
{
    ClusterDialog dialog;
    dialog.open();
    typeInto(&dialog, "nameEdit", QStringLiteral("Mobile"));
    typeInto(&dialog, "descriptionEdit", QStringLiteral("Phones"));
    typeInto(&dialog, "colorEdit", QStringLiteral("#ABCDEF"));
    QSignalSpy spy(&dialog, &ClusterDialog::submitted);
    ok(&dialog)->click();
    dialog.setBusy(true);
    const QString message = QStringLiteral("Validation failed: Name has already been taken");
    dialog.showError(ApiError(ApiError::Kind::Validation, message, 422));

    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.isBusy());
    QCOMPARE(child<QLabel>(&dialog, "errorLabel")->text(), message);
    QVERIFY(child<QLabel>(&dialog, "errorLabel")->isVisibleTo(&dialog));
    QCOMPARE(dialog.errorText(), message);
    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->text(), QStringLiteral("Mobile"));
    QCOMPARE(child<QLineEdit>(&dialog, "descriptionEdit")->text(), QStringLiteral("Phones"));
    QCOMPARE(child<QLineEdit>(&dialog, "colorEdit")->text(), QStringLiteral("#ABCDEF"));
    QVERIFY(child<QLineEdit>(&dialog, "nameEdit")->isEnabled());
    QVERIFY(ok(&dialog)->isEnabled());
    QVERIFY(child<QPushButton>(&dialog, "cancelButton")->isEnabled());

    // A retry submits the same input again and hides the old error.
    typeInto(&dialog, "nameEdit", QStringLiteral("Mobile 2"));
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<ClusterInput>().name,
        std::optional<QString>(QStringLiteral("Mobile 2")));
    QVERIFY(dialog.errorText().isEmpty());

    // No message from the server (a network failure): the description of the failure shows.
    dialog.showError(ApiError(ApiError::Kind::Network, QString()));
    QVERIFY(!dialog.errorText().isEmpty());
}

void TestDialogs::queueKeyValidation_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("hintContains");
    QTest::newRow("ok") << QStringLiteral("linux_small-2") << true << QString();
    QTest::newRow("space") << QStringLiteral("linux small") << false << QStringLiteral("spaces");
    QTest::newRow("dot") << QStringLiteral("linux.small") << false << QStringLiteral("“.”");
    QTest::newRow("accent") << QStringLiteral("café") << false << QStringLiteral("“é”");
    QTest::newRow("duplicate") << QStringLiteral("macos") << false << QStringLiteral("already");
    QTest::newRow("100 chars") << QString(100, QLatin1Char('a')) << true << QString();
    QTest::newRow("101 chars") << QString(101, QLatin1Char('a')) << false
                               << QStringLiteral("at most 100");
}

void TestDialogs::queueKeyValidation()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    QFETCH(QString, hintContains);
    QueueDialog dialog(cluster(), { QStringLiteral("macos"), QStringLiteral("linux") });
    dialog.open();
    QVERIFY(!ok(&dialog)->isEnabled());
    typeInto(&dialog, "keyEdit", key);
    QCOMPARE(ok(&dialog)->isEnabled(), valid);
    QCOMPARE(hintShown(&dialog, "keyHint"), !valid);
    if (!valid)
        QVERIFY2(hint(&dialog, "keyHint")->text().contains(hintContains),
            qPrintable(hint(&dialog, "keyHint")->text()));
    // Clearing a typed key explains that one is needed.
    typeInto(&dialog, "keyEdit", QString());
    QVERIFY(hintShown(&dialog, "keyHint"));
    QVERIFY(!ok(&dialog)->isEnabled());
}

void TestDialogs::queueCreateSelfHosted()
{
    QueueDialog dialog(cluster(), { QStringLiteral("macos") });
    dialog.open();
    QVERIFY(child<QRadioButton>(&dialog, "selfHostedRadio")->isChecked());
    QVERIFY(!child<QComboBox>(&dialog, "sizeCombo")->isVisibleTo(&dialog));
    typeInto(&dialog, "keyEdit", QStringLiteral("linux-small"));
    typeInto(&dialog, "descriptionEdit", QStringLiteral("Small Linux agents"));
    QSignalSpy spy(&dialog, &QueueDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<QueueInput>().toJson(true),
        json(R"({"key": "linux-small", "description": "Small Linux agents"})"));
}

void TestDialogs::queueCreateHosted()
{
    QueueDialog dialog(cluster(), {});
    dialog.open();
    typeInto(&dialog, "keyEdit", QStringLiteral("arm"));
    child<QRadioButton>(&dialog, "hostedRadio")->click();
    QVERIFY(child<QComboBox>(&dialog, "sizeCombo")->isVisibleTo(&dialog));
    auto* type = child<QComboBox>(&dialog, "machineTypeCombo");
    auto* arch = child<QComboBox>(&dialog, "architectureCombo");
    auto* size = child<QComboBox>(&dialog, "sizeCombo");
    QCOMPARE(type->count(), 2);
    type->setCurrentIndex(type->findData(QStringLiteral("linux")));
    arch->setCurrentIndex(arch->findData(QStringLiteral("arm64")));
    size->setCurrentIndex(size->findData(QStringLiteral("LINUX_ARM64_4X16")));
    auto* affinity = child<QComboBox>(&dialog, "affinityCombo");
    affinity->setCurrentIndex(affinity->findData(QStringLiteral("prefer-different")));
    QVERIFY(ok(&dialog)->isEnabled());
    QSignalSpy spy(&dialog, &QueueDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<QueueInput>().toJson(true),
        json(R"({"key": "arm", "retry_agent_affinity": "prefer-different",
                 "hostedAgents": {"instanceShape": "LINUX_ARM64_4X16"}})"));

    // macOS offers only arm64.
    type->setCurrentIndex(type->findData(QStringLiteral("macos")));
    QCOMPARE(arch->count(), 1);
    QCOMPARE(arch->currentData().toString(), QStringLiteral("arm64"));
}

void TestDialogs::queueCreateNeverOffersRemovedShapes()
{
    QueueDialog dialog(cluster(), {});
    child<QRadioButton>(&dialog, "hostedRadio")->click();
    auto* type = child<QComboBox>(&dialog, "machineTypeCombo");
    auto* arch = child<QComboBox>(&dialog, "architectureCombo");
    auto* size = child<QComboBox>(&dialog, "sizeCombo");
    QStringList offered;
    for (int t = 0; t < type->count(); ++t) {
        type->setCurrentIndex(t);
        for (int a = 0; a < arch->count(); ++a) {
            arch->setCurrentIndex(a);
            for (int s = 0; s < size->count(); ++s)
                offered.append(size->itemData(s).toString());
        }
    }
    QStringList available;
    for (const InstanceShape& s : InstanceShape::available())
        available.append(s.name);
    offered.sort();
    available.sort();
    QCOMPARE(offered, available);
    QVERIFY(!offered.contains(QStringLiteral("MACOS_M2_4X7")));
    QVERIFY(!offered.contains(QStringLiteral("MACOS_M4_12X56")));
}

void TestDialogs::queueEditHostedOnlySizes()
{
    QueueDialog dialog(hostedQueue(QStringLiteral("LINUX_AMD64_2X4")), cluster());
    dialog.open();
    QVERIFY(!dialog.findChild<QLineEdit*>(QStringLiteral("keyEdit")));
    QCOMPARE(child<QLabel>(&dialog, "keyLabel")->text(), QStringLiteral("hosted"));
    QVERIFY(!dialog.findChild<QRadioButton*>(QStringLiteral("selfHostedRadio")));
    QVERIFY(!dialog.findChild<QRadioButton*>(QStringLiteral("hostedRadio")));
    auto* type = child<QComboBox>(&dialog, "machineTypeCombo");
    auto* arch = child<QComboBox>(&dialog, "architectureCombo");
    auto* size = child<QComboBox>(&dialog, "sizeCombo");
    QCOMPARE(type->count(), 1);
    QCOMPARE(arch->count(), 1);
    QVERIFY(!type->isEnabled());
    QVERIFY(!arch->isEnabled());
    QCOMPARE(size->currentData().toString(), QStringLiteral("LINUX_AMD64_2X4"));
    QCOMPARE(size->count(), 6);
    for (int i = 0; i < size->count(); ++i) {
        const InstanceShape s = InstanceShape::find(size->itemData(i).toString());
        QCOMPARE(s.machineType, QStringLiteral("linux"));
        QCOMPARE(s.architecture, QStringLiteral("amd64"));
        QVERIFY(!s.removed);
    }
    QVERIFY(!ok(&dialog)->isEnabled()); // nothing changed yet
    size->setCurrentIndex(size->findData(QStringLiteral("LINUX_AMD64_8X32")));
    QSignalSpy spy(&dialog, &QueueDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<QueueInput>().toJson(false),
        json(R"({"hostedAgents": {"instanceShape": "LINUX_AMD64_8X32"}})"));
}

void TestDialogs::queueEditRemovedShape()
{
    QueueDialog dialog(hostedQueue(QStringLiteral("MACOS_M2_4X7")), cluster());
    auto* size = child<QComboBox>(&dialog, "sizeCombo");
    QCOMPARE(size->currentIndex(), 0);
    QVERIFY(size->itemData(0).toString().isEmpty()); // "Keep …", sends nothing
    QStringList offered;
    for (int i = 1; i < size->count(); ++i)
        offered.append(size->itemData(i).toString());
    QCOMPARE(offered,
        (QStringList {
            QStringLiteral("MACOS_ARM64_M4_6X28"), QStringLiteral("MACOS_ARM64_M4_12X56") }));
    QVERIFY(!ok(&dialog)->isEnabled());
    typeInto(&dialog, "descriptionEdit", QStringLiteral("Old Macs"));
    QCOMPARE(dialog.input().toJson(false), json(R"({"description": "Old Macs"})"));
}

void TestDialogs::queueEditSelfHosted()
{
    Queue q = queue(QStringLiteral("q1"), QStringLiteral("linux"));
    q.retryAgentAffinity = QStringLiteral("prefer-different");
    QueueDialog dialog(q, cluster());
    QVERIFY(!dialog.findChild<QRadioButton*>(QStringLiteral("hostedRadio")));
    QVERIFY(!dialog.findChild<QComboBox*>(QStringLiteral("sizeCombo")));
    QCOMPARE(child<QLabel>(&dialog, "hostingLabel")->text(), QStringLiteral("Self-hosted"));
    auto* affinity = child<QComboBox>(&dialog, "affinityCombo");
    QCOMPARE(affinity->currentData().toString(), QStringLiteral("prefer-different"));
    affinity->setCurrentIndex(affinity->findData(QStringLiteral("prefer-warmest")));
    QSignalSpy spy(&dialog, &QueueDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    const QueueInput in = spy.at(0).at(0).value<QueueInput>();
    QCOMPARE(in.toJson(false), json(R"({"retry_agent_affinity": "prefer-warmest"})"));
}

void TestDialogs::cidrParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("joined");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("empty") << QString() << QString() << QString();
    QTest::newRow("lines and commas")
        << QStringLiteral("192.0.2.0/24\n 198.51.100.7/32, 10.0.0.0/8")
        << QStringLiteral("192.0.2.0/24 198.51.100.7/32 10.0.0.0/8") << QString();
    QTest::newRow("any") << QStringLiteral("0.0.0.0/0") << QStringLiteral("0.0.0.0/0") << QString();
    QTest::newRow("duplicate dropped")
        << QStringLiteral("10.0.0.0/8 10.0.0.0/8") << QStringLiteral("10.0.0.0/8") << QString();
    QTest::newRow("prefix 33") << QStringLiteral("10.0.0.0/33") << QString()
                               << QStringLiteral("“10.0.0.0/33”");
    QTest::newRow("octet 256") << QStringLiteral("10.0.0.256/32") << QString()
                               << QStringLiteral("“10.0.0.256/32”");
    QTest::newRow("bare address") << QStringLiteral("10.1.2.3") << QString()
                                  << QStringLiteral("10.1.2.3/32");
    QTest::newRow("three octets") << QStringLiteral("10.0.0/8") << QString()
                                  << QStringLiteral("“10.0.0/8”");
    QTest::newRow("leading zero") << QStringLiteral("10.0.0.010/32") << QString()
                                  << QStringLiteral("“10.0.0.010/32”");
    QTest::newRow("ipv6") << QStringLiteral("2001:db8::/32") << QString()
                          << QStringLiteral("“2001:db8::/32”");
    QTest::newRow("second bad") << QStringLiteral("10.0.0.0/8 nope") << QString()
                                << QStringLiteral("“nope”");
}

void TestDialogs::cidrParsing()
{
    QFETCH(QString, text);
    QFETCH(QString, joined);
    QFETCH(QString, errorContains);
    const IpAllowlist::Parsed parsed = IpAllowlist::parse(text);
    if (errorContains.isEmpty()) {
        QVERIFY2(parsed.isValid(), qPrintable(parsed.error));
        QCOMPARE(parsed.joined(), joined);
    } else {
        QVERIFY(!parsed.isValid());
        QVERIFY2(parsed.error.contains(errorContains), qPrintable(parsed.error));
    }
}

void TestDialogs::tokenCreate()
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

void TestDialogs::tokenBadCidr()
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

void TestDialogs::tokenTooManyCidrs()
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

void TestDialogs::tokenMissingDescription()
{
    AgentTokenDialog dialog(cluster());
    typeInto(&dialog, "descriptionEdit", QStringLiteral("x"));
    QVERIFY(ok(&dialog)->isEnabled());
    typeInto(&dialog, "descriptionEdit", QString());
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(hintShown(&dialog, "descriptionHint"));
}

void TestDialogs::tokenExpiryTooSoon()
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

void TestDialogs::tokenExpiryRecheckedOnSubmit()
{
    AgentTokenDialog dialog(cluster());
    dialog.open();
    typeInto(&dialog, "descriptionEdit", QStringLiteral("edge"));
    child<QCheckBox>(&dialog, "expiryCheck")->click();
    auto* expiry = child<QDateTimeEdit>(&dialog, "expiryEdit");
    const QDateTime target = QDateTime::currentDateTime().addSecs(10 * 60 + 2);
    expiry->setDateTime(target);
    if (expiry->dateTime() != target)
        QSKIP("the date-time edit rounds away seconds here");
    QVERIFY(ok(&dialog)->isEnabled());
    QTest::qWait(3000); // now less than 10 minutes ahead, though nothing was typed
    QSignalSpy spy(&dialog, &AgentTokenDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 0);
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(hint(&dialog, "expiryHint")->text().contains(QStringLiteral("10 minutes")));
}

void TestDialogs::tokenEdit()
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

void TestDialogs::tokenShowErrorKeepsInputs()
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

void TestDialogs::pauseDialog()
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

void TestDialogs::confirmDestructiveAsks()
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

void TestDialogs::confirmTexts()
{
    QVERIFY(ConfirmText::deleteClusterDetail(1, 2).contains(
        QStringLiteral("1 queue and 2 agent tokens")));
    QVERIFY(ConfirmText::revokeTokenDetail(token()).contains(QStringLiteral("stay connected")));
    QVERIFY(ConfirmText::deleteQueueDetail(queue(QStringLiteral("q"), QStringLiteral("macos")))
                .contains(QStringLiteral("macos")));
}

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
