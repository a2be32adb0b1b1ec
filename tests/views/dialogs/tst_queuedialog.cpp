// SPDX-License-Identifier: MIT
#include "dialogs/queuedialog.h"
#include "dialogtesthelpers.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace DialogTest;

// QueueDialog: the queue key rules, self-hosted and hosted queues, instance shapes.
class TestQueueDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void queueKeyValidation_data();
    void queueKeyValidation();
    void queueCreateSelfHosted();
    void queueCreateHosted();
    void queueCreateNeverOffersRemovedShapes();
    void queueEditHostedOnlySizes();
    void queueEditRemovedShape();
    void queueEditSelfHosted();
    void queueSizesNamedAsBuildkiteDoes();
    void queueCreateLinuxWithImage();
    void queueResizeKeepsTheImage();
    void queueEditImage();
    void queueMacHasNoImage();
    void shapeLabelHidesWithItsFieldAndIsWhole();
};

void TestQueueDialog::queueKeyValidation_data()
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

void TestQueueDialog::queueKeyValidation()
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

void TestQueueDialog::queueCreateSelfHosted()
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

void TestQueueDialog::queueCreateHosted()
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

void TestQueueDialog::queueCreateNeverOffersRemovedShapes()
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

void TestQueueDialog::queueEditHostedOnlySizes()
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

void TestQueueDialog::queueEditRemovedShape()
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

void TestQueueDialog::queueEditSelfHosted()
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

void TestQueueDialog::queueSizesNamedAsBuildkiteDoes()
{
    QueueDialog dialog(hostedQueue(QStringLiteral("LINUX_AMD64_2X4")), cluster());
    auto* size = child<QComboBox>(&dialog, "sizeCombo");
    QCOMPARE(size->itemText(size->findData(QStringLiteral("LINUX_AMD64_2X4"))),
        QStringLiteral("Linux AMD64 · Small · 2 vCPU · 4 GB RAM · 47 GB disk"));
    QCOMPARE(size->itemText(size->findData(QStringLiteral("LINUX_AMD64_64X256"))),
        QStringLiteral("Linux AMD64 · 3XL · 64 vCPU · 256 GB RAM · 1056 GB disk"));
}

void TestQueueDialog::queueCreateLinuxWithImage()
{
    QueueDialog dialog(cluster(), {});
    dialog.open();
    typeInto(&dialog, "keyEdit", QStringLiteral("custom"));
    auto* image = child<QLineEdit>(&dialog, "agentImageEdit");
    QVERIFY(!image->isVisibleTo(&dialog)); // self-hosted: no image
    child<QRadioButton>(&dialog, "hostedRadio")->click();
    auto* type = child<QComboBox>(&dialog, "machineTypeCombo");
    type->setCurrentIndex(type->findData(QStringLiteral("linux")));
    QVERIFY(image->isVisibleTo(&dialog));
    typeInto(&dialog, "agentImageEdit", QStringLiteral("ghcr.io/acme/agent 1"));
    QVERIFY(!ok(&dialog)->isEnabled());
    QVERIFY(hintShown(&dialog, "agentImageHint"));
    typeInto(&dialog, "agentImageEdit", QStringLiteral(" ghcr.io/acme/agent:1 "));
    QVERIFY(ok(&dialog)->isEnabled());
    QVERIFY(!hintShown(&dialog, "agentImageHint"));
    auto* size = child<QComboBox>(&dialog, "sizeCombo");
    size->setCurrentIndex(size->findData(QStringLiteral("LINUX_AMD64_4X16")));
    QSignalSpy spy(&dialog, &QueueDialog::submitted);
    ok(&dialog)->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<QueueInput>().toJson(true),
        json(R"({"key": "custom", "hostedAgents": {"instanceShape": "LINUX_AMD64_4X16",
                 "agentImageRef": "ghcr.io/acme/agent:1"}})"));
}

// Buildkite reads the image from the same object as the shape: a resize that left the image out
// could lose it, so the image the queue has goes with every resize.
void TestQueueDialog::queueResizeKeepsTheImage()
{
    Queue q = hostedQueue(QStringLiteral("LINUX_AMD64_2X4"));
    q.agentImageRef = QStringLiteral("ghcr.io/acme/agent:2025-07");
    QueueDialog dialog(q, cluster());
    dialog.open();
    QCOMPARE(child<QLineEdit>(&dialog, "agentImageEdit")->text(), q.agentImageRef);
    QVERIFY(!ok(&dialog)->isEnabled());
    auto* size = child<QComboBox>(&dialog, "sizeCombo");
    size->setCurrentIndex(size->findData(QStringLiteral("LINUX_AMD64_8X32")));
    QVERIFY(ok(&dialog)->isEnabled());
    QCOMPARE(
        dialog.input().toJson(false), json(R"({"hostedAgents": {"instanceShape": "LINUX_AMD64_8X32",
                 "agentImageRef": "ghcr.io/acme/agent:2025-07"}})"));

    // Without an image of its own, a resize sends the shape alone.
    QueueDialog plain(hostedQueue(QStringLiteral("LINUX_AMD64_2X4")), cluster());
    auto* plainSize = child<QComboBox>(&plain, "sizeCombo");
    plainSize->setCurrentIndex(plainSize->findData(QStringLiteral("LINUX_AMD64_4X16")));
    QCOMPARE(plain.input().toJson(false),
        json(R"({"hostedAgents": {"instanceShape": "LINUX_AMD64_4X16"}})"));
}

void TestQueueDialog::queueEditImage()
{
    Queue q = hostedQueue(QStringLiteral("LINUX_ARM64_4X16"));
    q.agentImageRef = QStringLiteral("ghcr.io/acme/agent:1");
    QueueDialog dialog(q, cluster());
    // A new image alone goes with the current shape.
    typeInto(&dialog, "agentImageEdit", QStringLiteral("ghcr.io/acme/agent:2"));
    QVERIFY(ok(&dialog)->isEnabled());
    QCOMPARE(
        dialog.input().toJson(false), json(R"({"hostedAgents": {"instanceShape": "LINUX_ARM64_4X16",
                 "agentImageRef": "ghcr.io/acme/agent:2"}})"));
    // Cleared: null, back to Buildkite's image.
    typeInto(&dialog, "agentImageEdit", QString());
    QCOMPARE(dialog.input().toJson(false),
        json(R"({"hostedAgents": {"instanceShape": "LINUX_ARM64_4X16", "agentImageRef": null}})"));
    // Back to what it was: nothing to send.
    typeInto(&dialog, "agentImageEdit", QStringLiteral("ghcr.io/acme/agent:1"));
    QVERIFY(!ok(&dialog)->isEnabled());
}

void TestQueueDialog::queueMacHasNoImage()
{
    QueueDialog edit(hostedQueue(QStringLiteral("MACOS_ARM64_M4_6X28")), cluster());
    QVERIFY(!edit.findChild<QLineEdit*>(QStringLiteral("agentImageEdit")));
    auto* size = child<QComboBox>(&edit, "sizeCombo");
    size->setCurrentIndex(size->findData(QStringLiteral("MACOS_ARM64_M4_12X56")));
    QCOMPARE(edit.input().toJson(false),
        json(R"({"hostedAgents": {"instanceShape": "MACOS_ARM64_M4_12X56"}})"));

    // Typed for Linux, then switched to macOS: the image is not sent (macOS refuses it).
    QueueDialog create(cluster(), {});
    create.open();
    typeInto(&create, "keyEdit", QStringLiteral("mac"));
    child<QRadioButton>(&create, "hostedRadio")->click();
    auto* type = child<QComboBox>(&create, "machineTypeCombo");
    type->setCurrentIndex(type->findData(QStringLiteral("linux")));
    typeInto(&create, "agentImageEdit", QStringLiteral("ghcr.io/acme/agent:1"));
    type->setCurrentIndex(type->findData(QStringLiteral("macos")));
    QVERIFY(!child<QLineEdit>(&create, "agentImageEdit")->isVisibleTo(&create));
    QVERIFY(ok(&create)->isEnabled());
    QVERIFY(!create.input()
                 .toJson(true)
                 .value(QStringLiteral("hostedAgents"))
                 .toObject()
                 .contains(QStringLiteral("agentImageRef")));
}

// Self-hosted: no "Instance shape:" label without its field. Hosted: the label whole, not cut
// to "Instance shap".
void TestQueueDialog::shapeLabelHidesWithItsFieldAndIsWhole()
{
    QueueDialog dialog(cluster(), {});
    dialog.open();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* label = child<QLabel>(&dialog, "shapeLabel");
    auto* imageLabel = child<QLabel>(&dialog, "imageLabel");
    QVERIFY(!label->isVisible());
    QVERIFY(!imageLabel->isVisible());
    child<QRadioButton>(&dialog, "hostedRadio")->click();
    QTRY_VERIFY(label->isVisible());
    QTRY_VERIFY2(label->width() >= label->sizeHint().width(),
        qPrintable(QStringLiteral("%1 < %2").arg(label->width()).arg(label->sizeHint().width())));
    auto* type = child<QComboBox>(&dialog, "machineTypeCombo");
    type->setCurrentIndex(type->findData(QStringLiteral("linux")));
    QTRY_VERIFY(imageLabel->isVisible());
    QTRY_VERIFY(imageLabel->width() >= imageLabel->sizeHint().width());
    // Every row's field gets at least its minimum width: nothing is squeezed.
    for (auto* combo : dialog.findChildren<QComboBox*>()) {
        if (combo->isVisible())
            QVERIFY(combo->width() >= combo->minimumSizeHint().width());
    }
    child<QRadioButton>(&dialog, "selfHostedRadio")->click();
    QTRY_VERIFY(!label->isVisible());
    QVERIFY(!imageLabel->isVisible());
}

QTEST_MAIN(TestQueueDialog)
#include "tst_queuedialog.moc"
