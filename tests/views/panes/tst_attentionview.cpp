// SPDX-License-Identifier: MIT
#include "attentionmodel.h"
#include "clusterstatetestdata.h"
#include "panes/attentiontile.h"
#include "panes/attentionview.h"
#include "panes/tone.h"
#include "widgettesthelpers.h"

#include <QAbstractItemModelTester>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QVBoxLayout>

using namespace ClusterStateTest;
using WidgetTest::child;
using Section = AttentionModel::Section;

namespace {
// Agent counts for some queues, as the agents load will put them on the tree's rows.
class WithAgents final : public QIdentityProxyModel {
public:
    QHash<QString, int> connected;
    QVariant data(const QModelIndex& index, int role) const override
    {
        if (role == ModelRoles::AgentsConnected
            && index.data(ModelRoles::Kind).value<OrganizationTreeModel::NodeKind>()
                == OrganizationTreeModel::NodeKind::Queue) {
            const auto it = connected.constFind(index.data(ModelRoles::Id).toString());
            return it == connected.cend() ? QVariant() : QVariant(it.value());
        }
        return QIdentityProxyModel::data(index, role);
    }
    void set(const QString& id, int n)
    {
        connected.insert(id, n);
        Q_EMIT dataChanged(index(0, 0), index(0, 0)); // any change makes the model look again
    }
};
// The list as the organisation pane shows it, over load()'s organisation.
struct ShownList {
    OrganizationTreeModel tree;
    AttentionModel model;
    AttentionView view;
    QTreeView* list = nullptr;
    ShownList()
    {
        load(tree);
        model.setSource(&tree);
        view.setModel(&model);
        view.resize(900, 500);
        view.show();
        list = child<QTreeView>(&view, "attentionList");
    }
};
} // namespace

// AttentionTiles and AttentionView: the counts, their tones, and where clicks lead.
class TestAttentionView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tilesCountAndColourWhatNeedsAHuman()
    {
        OrganizationTreeModel tree;
        load(tree);
        WithAgents agents;
        agents.setSourceModel(&tree);
        AttentionModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(&agents);
        AttentionTiles tiles;
        tiles.setModel(&model);
        tiles.resize(1000, 200);
        tiles.show();

        QCOMPARE(child<QLabel>(&tiles, "pausedQueuesCount")->text(), QStringLiteral("2"));
        QCOMPARE(child<QLabel>(&tiles, "expiredCount")->text(), QStringLiteral("1"));
        QCOMPARE(child<QLabel>(&tiles, "expiringSoonCount")->text(), QStringLiteral("1"));
        QCOMPARE(child<QLabel>(&tiles, "neverExpiringCount")->text(), QStringLiteral("1"));
        QCOMPARE(child<QLabel>(&tiles, "unrestrictedCount")->text(), QStringLiteral("1"));
        // A count above zero takes its tone; the number says it in colour.
        auto* expired = child<QLabel>(&tiles, "expiredCount");
        QCOMPARE(expired->palette().color(expired->foregroundRole()),
            Tones::text(Tone::Danger, tiles.palette()));
        QVERIFY(child<AttentionTile>(&tiles, "pausedQueuesCountTile")
                    ->accessibleName()
                    .contains(QStringLiteral("Paused queues: 2")));

        // No agent counts yet: no idle tile, rather than a false zero.
        auto* idle = child<AttentionTile>(&tiles, "idleQueuesCountTile");
        QVERIFY(idle->isHidden());
        agents.set(QStringLiteral("q2"), 0);
        agents.set(QStringLiteral("q3"), 0); // hosted: not a problem
        QTRY_VERIFY(!idle->isHidden());
        QCOMPARE(child<QLabel>(&tiles, "idleQueuesCount")->text(), QStringLiteral("1"));

        QSignalSpy clicked(&tiles, &AttentionTiles::tileClicked);
        QTest::mouseClick(child<AttentionTile>(&tiles, "expiredCountTile"), Qt::LeftButton);
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.at(0).at(0).value<Section>(), Section::ExpiredTokens);
        QCOMPARE(AttentionTiles::filterWords(Section::ExpiredTokens), QStringLiteral("is:expired"));
        QCOMPARE(AttentionTiles::filterWords(Section::IdleQueues), QStringLiteral("is:idle"));
        // Keyboard: Space on a focused tile.
        auto* paused = child<AttentionTile>(&tiles, "pausedQueuesCountTile");
        paused->setFocus();
        QTest::keyClick(paused, Qt::Key_Space);
        QCOMPARE(clicked.size(), 2);
        QCOMPARE(clicked.at(1).at(0).value<Section>(), Section::PausedQueues);

        // Wide: one row; narrow: as few rows as fit.
        auto* last = child<AttentionTile>(&tiles, "unrestrictedCountTile");
        tiles.resize(1100, 200);
        QTRY_COMPARE(paused->y(), last->y());
        tiles.resize(400, 300);
        QTRY_VERIFY(paused->y() < last->y());
    }

    void narrowTilesGrowToShowTheirWholeCaption()
    {
        // Three tiles a row in a narrow pane (800-pixel window): a caption that wraps onto a
        // third line makes its tile taller rather than being cut at the top and bottom.
        QWidget host;
        auto* tiles = new AttentionTiles(&host);
        auto* layout = new QVBoxLayout(&host);
        layout->addWidget(tiles);
        layout->addStretch(1);
        host.resize(3 * 150, 400);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        bool wrapped = false;
        for (auto* tile : tiles->findChildren<AttentionTile*>()) {
            const QList<QLabel*> labels = tile->findChildren<QLabel*>();
            QCOMPARE(labels.size(), 2);
            QLabel* caption = labels.at(1);
            QCOMPARE(caption->text(), tile->caption());
            const int needed = caption->heightForWidth(caption->width());
            wrapped = wrapped || needed > 2 * caption->fontMetrics().lineSpacing();
            QVERIFY2(caption->height() >= needed,
                qPrintable(QStringLiteral("%1: %2 < %3")
                               .arg(tile->caption())
                               .arg(caption->height())
                               .arg(needed)));
        }
        // The width above is narrow enough that some caption needs three lines.
        QVERIFY(wrapped);
    }

    // Long sections stay closed (their titles, with counts, all show at once); short ones and
    // the paused queues open; the user's own opening or closing is kept as counts change.
    void longSectionsStayClosedUntilTheUserOpensThem()
    {
        ShownList shown;
        OrganizationTreeModel& tree = shown.tree;
        AttentionModel& model = shown.model;
        AttentionView& view = shown.view;
        QTreeView* list = shown.list;
        const QModelIndex never = model.sectionIndex(Section::NeverExpiringTokens);
        const QModelIndex expired = model.sectionIndex(Section::ExpiredTokens);
        QCOMPARE(model.count(Section::NeverExpiringTokens), 1); // t3
        QVERIFY(list->isExpanded(never));

        // Grown past the limit, a section the user left alone closes.
        auto addForever = [&](int first, int count) {
            for (int i = first; i < first + count; ++i)
                QVERIFY(tree.upsertToken(token(QStringLiteral("f%1").arg(i), QStringLiteral("c2"),
                    QStringLiteral("Forever %1").arg(i))));
        };
        addForever(0, AttentionView::openRowLimit);
        QTRY_COMPARE(model.count(Section::NeverExpiringTokens), AttentionView::openRowLimit + 1);
        QVERIFY(!list->isExpanded(never));
        QVERIFY(list->isExpanded(expired)); // one row: open
        QVERIFY(list->isExpanded(model.sectionIndex(Section::PausedQueues)));
        // Closed, its rows are not laid out: the section after it is right below its title.
        QCOMPARE(list->indexBelow(never).parent(), QModelIndex());

        // Opened by the user, it stays open as it grows; closed by them, it stays closed.
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(never).center());
        QVERIFY(list->isExpanded(never));
        addForever(100, 5);
        QTRY_COMPARE(model.count(Section::NeverExpiringTokens), AttentionView::openRowLimit + 6);
        QVERIFY(list->isExpanded(never));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(expired).center());
        QVERIFY(!list->isExpanded(expired));
        tree.upsertToken(token(QStringLiteral("t9"), QStringLiteral("c1"),
            QStringLiteral("Also old"), QDateTime::currentDateTimeUtc().addDays(-1)));
        QTRY_COMPARE(model.count(Section::ExpiredTokens), 2);
        QVERIFY(!list->isExpanded(expired));

        // A tile (revealSection) opens a long section the user had not touched.
        const QModelIndex unrestricted = model.sectionIndex(Section::UnrestrictedTokens);
        QVERIFY(model.count(Section::UnrestrictedTokens) > AttentionView::openRowLimit);
        QVERIFY(!list->isExpanded(unrestricted));
        view.revealSection(Section::UnrestrictedTokens);
        QVERIFY(list->isExpanded(unrestricted));
        addForever(200, 1);
        QTRY_COMPARE(model.count(Section::NeverExpiringTokens), AttentionView::openRowLimit + 7);
        QVERIFY(list->isExpanded(unrestricted));
    }

    void listLeadsToTheTree()
    {
        ShownList shown;
        AttentionModel& model = shown.model;
        AttentionView& view = shown.view;
        QTreeView* list = shown.list;
        QVERIFY(child<QLabel>(&view, "attentionEmptyLabel")->isHidden());
        // Paused queues first, most recent pause on top; empty sections hidden.
        const QModelIndex pausedSection = model.sectionIndex(Section::PausedQueues);
        QVERIFY(!list->isRowHidden(int(Section::PausedQueues), {}));
        QVERIFY(list->isRowHidden(int(Section::IdleQueues), {}));
        QVERIFY(list->isExpanded(pausedSection));
        const QModelIndex release = model.index(0, AttentionModel::Name, pausedSection);
        QCOMPARE(release.data().toString(), QStringLiteral("release"));

        QSignalSpy select(&view, &AttentionView::selectRequested);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(release).center());
        QCOMPARE(select.size(), 1);
        QCOMPARE(select.at(0).at(0).toString(), QStringLiteral("q5"));
        // Enter on a row does the same.
        list->setFocus();
        list->setCurrentIndex(model.index(1, AttentionModel::Name, pausedSection));
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(select.size(), 2);
        QCOMPARE(select.at(1).at(0).toString(), QStringLiteral("q1"));
        // A click on a section opens or closes it; it selects nothing in the tree.
        QTest::mouseClick(
            list->viewport(), Qt::LeftButton, {}, list->visualRect(pausedSection).center());
        QVERIFY(!list->isExpanded(pausedSection));
        QCOMPARE(select.size(), 2);
        view.revealSection(Section::PausedQueues);
        QVERIFY(list->isExpanded(pausedSection));

        // Nothing urgent left: the list says so.
        OrganizationTreeModel calm;
        calm.setOrganization(QStringLiteral("calm"));
        calm.mergeSnapshot({ QStringLiteral("calm"), {} });
        model.setSource(&calm);
        QTRY_VERIFY(!child<QLabel>(&view, "attentionEmptyLabel")->isHidden());
    }
};

QTEST_MAIN(TestAttentionView)
#include "tst_attentionview.moc"
