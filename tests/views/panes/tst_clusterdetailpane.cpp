// SPDX-License-Identifier: MIT
#include "emoji.h"
#include "format.h"
#include "panes/clusterdetailpane.h"
#include "panes/colorswatch.h"
#include "panes/elidinglineedit.h"
#include "panetesthelpers.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace PaneTest;

// Receives what "Open in browser" would open, instead of a real browser.
class UrlCatcher final : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl& url) { urls.append(url); }
};

// ClusterDetailPane: every field of a cluster, its default queue, copy, open and write actions.
class TestClusterDetailPane final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void clusterShowsEveryField();
    void clusterWithoutDefaultQueue();
    void clusterSignals();
    void clusterSetDefaultQueue();
    void clusterRefreshKeepsPendingChoice();
    void clusterCopyId();
    void clusterOpenInBrowser();
    void clusterWriteDisabled();
    void longValuesElidedInTheMiddle();
    void maintainersLabelAtTheTop();
    void defaultQueueSaidOnce();
};

void TestClusterDetailPane::clusterShowsEveryField()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    Queue a = queue(QStringLiteral("q1"), QStringLiteral("linux"));
    Queue b = queue(QStringLiteral("q2"), QStringLiteral("macos"));
    b.dispatchPaused = true;
    c.defaultQueueId = QStringLiteral("q2");
    pane.setCluster(c, { a, b });

    QCOMPARE(text(&pane, "emojiLabel"), Emoji::render(QStringLiteral(":technologist:")));
    QVERIFY(text(&pane, "emojiLabel") != QStringLiteral(":technologist:"));
    QCOMPARE(text(&pane, "nameLabel"), QStringLiteral("Mobile Apps"));
    QCOMPARE(text(&pane, "descriptionLabel"), QStringLiteral("iOS and Android builds"));
    QCOMPARE(text(&pane, "colorLabel"), QStringLiteral("#FFE0F1"));
    QCOMPARE(child<ColorSwatch>(&pane, "colorSwatch")->color(), QColor(QStringLiteral("#FFE0F1")));
    QCOMPARE(text(&pane, "queuesLabel"), QStringLiteral("2 queues, 1 paused"));
    QCOMPARE(text(&pane, "defaultQueueLabel"), QStringLiteral("macos"));
    QCOMPARE(text(&pane, "maintainersLabel"),
        QStringLiteral("Alex Doe <alex@example.com>\nPlatform (team)"));
    QCOMPARE(text(&pane, "createdByLabel"), QStringLiteral("Sam Kim <sam@example.com>"));
    QVERIFY(text(&pane, "createdAtLabel").startsWith(Format::dateTime(c.createdAt)));
    QVERIFY(text(&pane, "createdAtLabel").contains(QStringLiteral("40 days ago")));
    QCOMPARE(text(&pane, "idValue"), c.id);
    QCOMPARE(text(&pane, "graphqlIdValue"), c.graphqlId);
    QCOMPARE(text(&pane, "webUrlValue"), c.webUrl);
    QCOMPARE(text(&pane, "apiUrlValue"), c.url);
    QVERIFY(child<QLineEdit>(&pane, "idValue")->isReadOnly());
}

void TestClusterDetailPane::clusterWithoutDefaultQueue()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    c.description.clear();
    c.maintainers.clear();
    c.color.clear();
    c.emoji = QStringLiteral(":buildkite:");
    pane.setCluster(c, { queue(QStringLiteral("q1"), QStringLiteral("linux")) });
    QCOMPARE(text(&pane, "defaultQueueLabel"), QStringLiteral("None"));
    QCOMPARE(text(&pane, "descriptionLabel"), QStringLiteral("No description"));
    QCOMPARE(text(&pane, "maintainersLabel"), QStringLiteral("None"));
    QCOMPARE(text(&pane, "colorLabel"), QStringLiteral("None"));
    QCOMPARE(text(&pane, "queuesLabel"), QStringLiteral("1 queue"));
    // Unknown shortcodes stay text.
    QCOMPARE(text(&pane, "emojiLabel"), QStringLiteral(":buildkite:"));
    // Nothing chosen yet: applying is not possible.
    QVERIFY(!child<QPushButton>(&pane, "applyDefaultQueueButton")->isEnabled());
}

void TestClusterDetailPane::clusterSignals()
{
    ClusterDetailPane pane;
    const Cluster c = cluster();
    pane.setCluster(c, {});
    QSignalSpy edit(&pane, &ClusterDetailPane::editRequested);
    QSignalSpy del(&pane, &ClusterDetailPane::deleteRequested);
    QSignalSpy newQueue(&pane, &ClusterDetailPane::newQueueRequested);
    QSignalSpy newToken(&pane, &ClusterDetailPane::newAgentTokenRequested);
    QTest::mouseClick(child<QPushButton>(&pane, "editButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&pane, "deleteButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&pane, "newQueueButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&pane, "newAgentTokenButton"), Qt::LeftButton);
    QCOMPARE(edit.count(), 1);
    QCOMPARE(edit.at(0).at(0).value<Cluster>(), c);
    QCOMPARE(del.count(), 1);
    QCOMPARE(del.at(0).at(0).value<Cluster>().id, c.id);
    QCOMPARE(newQueue.count(), 1);
    QCOMPARE(newToken.count(), 1);
    // No queues: nothing to choose as default.
    QVERIFY(!child<QComboBox>(&pane, "defaultQueueCombo")->isEnabled());
}

void TestClusterDetailPane::clusterSetDefaultQueue()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    c.defaultQueueId = QStringLiteral("q1");
    pane.setCluster(c,
        { queue(QStringLiteral("q2"), QStringLiteral("macos")),
            queue(QStringLiteral("q1"), QStringLiteral("linux")) });
    auto* combo = child<QComboBox>(&pane, "defaultQueueCombo");
    auto* apply = child<QPushButton>(&pane, "applyDefaultQueueButton");
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("q1"));
    QVERIFY(!apply->isEnabled()); // already the default

    QSignalSpy spy(&pane, &ClusterDetailPane::setDefaultQueueRequested);
    combo->setCurrentIndex(combo->findData(QStringLiteral("q2")));
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), c.id);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("q2"));
}

void TestClusterDetailPane::clusterRefreshKeepsPendingChoice()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    c.defaultQueueId = QStringLiteral("q1");
    const QList<Queue> queues = { queue(QStringLiteral("q1"), QStringLiteral("linux")),
        queue(QStringLiteral("q2"), QStringLiteral("macos")) };
    pane.setCluster(c, queues);
    auto* combo = child<QComboBox>(&pane, "defaultQueueCombo");
    combo->setCurrentIndex(combo->findData(QStringLiteral("q2")));
    pane.setCluster(c, queues); // a background refresh
    QCOMPARE(combo->currentData().toString(), QStringLiteral("q2"));
    Cluster other = c;
    other.id = QStringLiteral("another");
    pane.setCluster(other, queues);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("q1"));
}

void TestClusterDetailPane::clusterCopyId()
{
    ClusterDetailPane pane;
    pane.setCluster(cluster(), {});
    auto* copy = child<QToolButton>(&pane, "idCopyButton");
    QVERIFY(!copy->accessibleName().isEmpty());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), cluster().id);
    QCOMPARE(copy->text(), QStringLiteral("Copied"));
    QTest::mouseClick(child<QToolButton>(&pane, "graphqlIdCopyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), cluster().graphqlId);
}

void TestClusterDetailPane::clusterOpenInBrowser()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    ClusterDetailPane pane;
    pane.setCluster(cluster(), {});
    QTest::mouseClick(child<QPushButton>(&pane, "openInBrowserButton"), Qt::LeftButton);
    QCOMPARE(catcher.urls, QList<QUrl> { QUrl(cluster().webUrl) });

    // Anything but a web URL is not opened.
    Cluster odd = cluster();
    odd.webUrl = QStringLiteral("file:///etc/passwd");
    pane.setCluster(odd, {});
    QVERIFY(!child<QPushButton>(&pane, "openInBrowserButton")->isEnabled());
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

void TestClusterDetailPane::clusterWriteDisabled()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    pane.setCluster(c,
        { queue(QStringLiteral("q1"), QStringLiteral("linux")),
            queue(QStringLiteral("q2"), QStringLiteral("macos")) });
    auto* combo = child<QComboBox>(&pane, "defaultQueueCombo");
    combo->setCurrentIndex(combo->findData(QStringLiteral("q2")));
    const QString editTip = child<QPushButton>(&pane, "editButton")->toolTip();

    pane.setWriteAllowed(false, {});
    for (const char* name : { "editButton", "deleteButton", "applyDefaultQueueButton",
             "newQueueButton", "newAgentTokenButton" }) {
        auto* button = child<QPushButton>(&pane, name);
        QVERIFY2(!button->isEnabled(), name);
        QCOMPARE(button->toolTip(), noWriteScope);
    }
    QVERIFY(!combo->isEnabled());
    QVERIFY(child<QPushButton>(&pane, "openInBrowserButton")->isEnabled());
    QVERIFY(child<QToolButton>(&pane, "idCopyButton")->isEnabled());

    QSignalSpy edit(&pane, &ClusterDetailPane::editRequested);
    QTest::mouseClick(child<QPushButton>(&pane, "editButton"), Qt::LeftButton);
    QCOMPARE(edit.count(), 0);

    pane.setWriteAllowed(false, QStringLiteral("Read-only account"));
    QCOMPARE(
        child<QPushButton>(&pane, "deleteButton")->toolTip(), QStringLiteral("Read-only account"));

    pane.setWriteAllowed(true, {});
    QVERIFY(child<QPushButton>(&pane, "editButton")->isEnabled());
    QCOMPARE(child<QPushButton>(&pane, "editButton")->toolTip(), editTip);
    QVERIFY(child<QPushButton>(&pane, "applyDefaultQueueButton")->isEnabled());

    // Busy: a write in flight keeps the buttons off.
    pane.setBusy(true);
    QVERIFY(!child<QPushButton>(&pane, "deleteButton")->isEnabled());
    pane.setBusy(false);
    QVERIFY(child<QPushButton>(&pane, "deleteButton")->isEnabled());
}

// A URL longer than its field: both ends shown with an ellipsis between, the whole value in the
// tooltip, the Copy button and the context menu, and in the field once it has the focus.
void TestClusterDetailPane::longValuesElidedInTheMiddle()
{
    ClusterDetailPane pane;
    Cluster c = cluster();
    c.webUrl = QStringLiteral("https://buildkite.com/organizations/a-rather-long-organisation-name/"
                              "clusters/0f0e3c58-7a42-4d1b-9a55-2b7d3c1e9f00/queues");
    pane.setCluster(c, {});
    pane.resize(520, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto* field = child<ElidingLineEdit>(&pane, "webUrlValue");
    QTRY_VERIFY(field->isElided());
    const QString shown = field->shownText();
    QVERIFY2(shown.contains(QChar(0x2026)), qPrintable(shown));
    // Cut in the middle: a real start and a real end of the value on either side.
    const qsizetype cut = shown.indexOf(QChar(0x2026));
    const QString head = shown.left(cut);
    const QString tail = shown.mid(cut + 1);
    QVERIFY2(head.size() >= 8 && tail.size() >= 6, qPrintable(shown));
    QVERIFY(c.webUrl.startsWith(head));
    QVERIFY(c.webUrl.endsWith(tail));
    QVERIFY(field->fontMetrics().horizontalAdvance(shown) <= field->width());
    QCOMPARE(field->text(), c.webUrl);
    QCOMPARE(field->toolTip(), c.webUrl);
    // A short id fits and is shown whole.
    QVERIFY(!child<ElidingLineEdit>(&pane, "idValue")->isElided());

    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(child<QToolButton>(&pane, "webUrlCopyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), c.webUrl);

    // The context menu copies the whole value too.
    QGuiApplication::clipboard()->clear();
    Q_EMIT field->customContextMenuRequested(QPoint(4, 4));
    auto* menu = child<QMenu>(&pane, "webUrlMenu");
    auto* copy = menu->findChild<QAction*>(QStringLiteral("copyValueAction"));
    QVERIFY(copy && copy->isEnabled());
    QCOMPARE(menu->actions().constFirst(), copy);
    copy->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), c.webUrl);
    menu->close();

    // Focused, the field shows everything to select.
    field->setFocus();
    QTRY_VERIFY(field->hasFocus());
    QVERIFY(!field->isElided());
}

// A two-line value's label sits at the top of its row, level with the first line.
void TestClusterDetailPane::maintainersLabelAtTheTop()
{
    ClusterDetailPane pane;
    pane.setCluster(cluster(), {});
    pane.resize(700, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto* value = child<QLabel>(&pane, "maintainersLabel");
    QTRY_VERIFY(value->height() > value->fontMetrics().height() * 3 / 2);
    QLabel* label = nullptr;
    for (QFormLayout* form : pane.findChildren<QFormLayout*>()) {
        if (QWidget* w = form->labelForField(value))
            label = qobject_cast<QLabel*>(w);
    }
    QVERIFY(label);
    const int labelTop = label->mapTo(&pane, QPoint(0, 0)).y();
    const int valueTop = value->mapTo(&pane, QPoint(0, 0)).y();
    QVERIFY2(qAbs(labelTop - valueTop) <= 2,
        qPrintable(QStringLiteral("label %1, value %2").arg(labelTop).arg(valueTop)));
    QVERIFY(label->height() < value->height());
    // Its word at the top as well, whatever height the row gives it.
    QVERIFY(label->alignment().testFlag(Qt::AlignTop));
}

// The default queue appears once: as the choice when it can be changed, else as text.
void TestClusterDetailPane::defaultQueueSaidOnce()
{
    ClusterDetailPane pane;
    pane.resize(700, 900);
    pane.show();
    Cluster c = cluster();
    c.defaultQueueId = QStringLiteral("q2");
    const Queue a = queue(QStringLiteral("q1"), QStringLiteral("linux"));
    const Queue b = queue(QStringLiteral("q2"), QStringLiteral("macos"));
    pane.setCluster(c, { a, b });
    auto* label = child<QLabel>(&pane, "defaultQueueLabel");
    auto* combo = child<QComboBox>(&pane, "defaultQueueCombo");
    const auto shown = [&](QWidget* w) { return w->isVisibleTo(&pane); };
    QVERIFY(shown(combo) && !shown(label));
    QVERIFY(combo->currentText().startsWith(QLatin1String("macos")));

    pane.setWriteAllowed(false);
    QVERIFY(!shown(combo) && shown(label));
    QCOMPARE(label->text(), QStringLiteral("macos"));

    pane.setWriteAllowed(true);
    QVERIFY(shown(combo) && !shown(label));
    // No queue to choose: the text says so.
    pane.setCluster(c, {});
    QVERIFY(!shown(combo) && shown(label));
}

QTEST_MAIN(TestClusterDetailPane)
#include "tst_clusterdetailpane.moc"
