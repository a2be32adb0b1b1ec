// SPDX-License-Identifier: MIT
#include "api/apierror.h"
#include "dialogs/clusterdialog.h"
#include "dialogtesthelpers.h"
#include "emoji.h"
#include "panes/colorswatch.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace DialogTest;

// ClusterDialog: create and edit a cluster, its validation, and how it keeps the input on an error.
class TestClusterDialog final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void clusterCreate();
    void clusterMissingName();
    void clusterBadColour();
    void clusterEmojiPreview();
    void clusterEditOnlyChanges();
    void clusterEditDefaultQueue();
    void clusterShowErrorKeepsInputs();
};

void TestClusterDialog::clusterCreate()
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

void TestClusterDialog::clusterMissingName()
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

void TestClusterDialog::clusterBadColour()
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

void TestClusterDialog::clusterEmojiPreview()
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

void TestClusterDialog::clusterEditOnlyChanges()
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

void TestClusterDialog::clusterEditDefaultQueue()
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

void TestClusterDialog::clusterShowErrorKeepsInputs()
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

QTEST_MAIN(TestClusterDialog)
#include "tst_clusterdialog.moc"
