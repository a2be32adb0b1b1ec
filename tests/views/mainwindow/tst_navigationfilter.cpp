// SPDX-License-Identifier: MIT
// The navigation tree's filter and marks, in the real main window against the sandbox's demo
// organisation: Escape clears the filter, the match count, the empty state and its Clear filter
// button (which brings back the user's expansion), the delegate's layout (no mark for a cluster
// without a colour, names aligned whether or not a cluster has an emoji) and what a screen
// reader is told of a paused queue and of a collapsed cluster.
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigationdelegate.h"
#include "mainwindow/navigationfilterproxy.h"
#include "mainwindow/navigationpanel.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxfixture.h"
#include "widgettesthelpers.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <memory>

using Kind = OrganizationTreeModel::NodeKind;

class TestNavigationFilter final : public QObject {
    Q_OBJECT

    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<OrganizationSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    OrganizationTreeModel* model() const { return m_session->treeModel(); }
    QTreeView* tree() const { return m_window->navigationTree(); }
    NavigationFilterProxy* proxy() const { return m_window->filterProxy(); }
    QLineEdit* filterEdit() const
    {
        return WidgetTest::child<QLineEdit>(m_window.get(), "filterEdit");
    }
    QModelIndex shown(const QString& id) const
    {
        return proxy()->mapFromSource(model()->indexForId(id));
    }
    void filterBy(const QString& text)
    {
        WidgetTest::typeInto(m_window.get(), "filterEdit", text);
        m_window->navigation()->flushFilter();
        QCOMPARE(proxy()->filterText(), text);
    }
    std::optional<Queue> pausedQueue() const
    {
        for (const Cluster& c : model()->clusters()) {
            for (const Queue& q : model()->queues(c.id)) {
                if (q.dispatchPaused)
                    return q;
            }
        }
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setStyle(QStringLiteral("Fusion")); }

    void init()
    {
        m_sandbox = std::make_unique<SandboxFixture>();
        QVERIFY2(m_sandbox->start(), qPrintable(m_sandbox->errorString()));
        m_session = std::make_unique<OrganizationSession>(
            &m_sandbox->client(), m_sandbox->organization());
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 800);
        QSignalSpy refreshed(m_session.get(), &OrganizationSession::refreshFinished);
        m_window->setSession(m_session.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_window->show();
        QVERIFY(refreshed.wait(20000));
    }
    void cleanup()
    {
        m_tester.reset();
        m_window.reset();
        m_session.reset();
        m_sandbox.reset();
    }

    void escapeClearsTheFilter()
    {
        filterBy(QStringLiteral("deploy"));
        QVERIFY(proxy()->isFiltering());
        QTest::keyClick(filterEdit(), Qt::Key_Escape);
        QCOMPARE(filterEdit()->text(), QString());
        QVERIFY(!proxy()->isFiltering());

        // In the tree too, while a filter is on.
        filterBy(QStringLiteral("deploy"));
        tree()->setFocus();
        QTest::keyClick(tree(), Qt::Key_Escape);
        QCOMPARE(filterEdit()->text(), QString());
        QVERIFY(!proxy()->isFiltering());
    }

    void matchCountSaysHowManyRowsMatch()
    {
        auto* count = WidgetTest::child<QLabel>(m_window.get(), "filterMatchCount");
        QVERIFY(!count->isVisible());
        int hosted = 0;
        for (const Cluster& c : model()->clusters()) {
            for (const Queue& q : model()->queues(c.id))
                hosted += q.hosted || q.instanceShape.isValid() ? 1 : 0;
        }
        QVERIFY(hosted > 1);
        filterBy(QStringLiteral("is:hosted"));
        QVERIFY(count->isVisible());
        QCOMPARE(count->text(), QStringLiteral("%1 matches").arg(hosted));

        // One match: the singular.
        const Queue queue = *pausedQueue();
        filterBy(queue.id);
        QCOMPARE(count->text(), QStringLiteral("1 match"));

        filterBy(QString());
        QVERIFY(!count->isVisible());
    }

    void emptyStateClearsBackToTheUsersExpansion()
    {
        // The user's expansion: the organisation and two clusters.
        const QList<Cluster> clusters = model()->clusters();
        QVERIFY(clusters.size() >= 3);
        tree()->collapseAll();
        tree()->expand(proxy()->index(0, 0));
        tree()->expand(shown(clusters.at(0).id));
        tree()->expand(shown(clusters.at(2).id));

        auto* empty = WidgetTest::child<QWidget>(m_window.get(), "filterEmptyState");
        QVERIFY(!empty->isVisible());
        filterBy(QStringLiteral("no-such-thing-anywhere"));
        QCOMPARE(proxy()->matchCount(), 0);
        QVERIFY(empty->isVisible());
        QVERIFY(!tree()->isVisible());

        QTest::mouseClick(
            WidgetTest::child<QPushButton>(m_window.get(), "clearFilterButton"), Qt::LeftButton);
        QVERIFY(!proxy()->isFiltering());
        QCOMPARE(filterEdit()->text(), QString());
        QVERIFY(!empty->isVisible());
        QVERIFY(tree()->isVisible());
        QVERIFY(filterEdit()->hasFocus());
        QVERIFY(tree()->isExpanded(shown(clusters.at(0).id)));
        QVERIFY(!tree()->isExpanded(shown(clusters.at(1).id)));
        QVERIFY(tree()->isExpanded(shown(clusters.at(2).id)));
    }

    void clusterRowsLineUpAndColourlessOnesHaveNoMark()
    {
        auto* delegate = qobject_cast<NavigationDelegate*>(tree()->itemDelegate());
        QVERIFY(delegate);
        bool sawColour = false, sawNoColour = false, sawEmoji = false, sawNoEmoji = false;
        int textLeft = -1;
        for (const Cluster& c : model()->clusters()) {
            const QModelIndex index = shown(c.id);
            QStyleOptionViewItem option;
            option.initFrom(tree());
            option.rect = QRect(20, 0, 400, 28);
            option.font = tree()->font();
            const NavigationDelegate::Layout layout = NavigationDelegate::layout(option, index);
            const bool hasColour = QColor(c.color).isValid();
            QCOMPARE(layout.mark.isNull(), !hasColour);
            sawColour = sawColour || hasColour;
            sawNoColour = sawNoColour || !hasColour;
            sawEmoji = sawEmoji || !layout.emojiText.isEmpty();
            sawNoEmoji = sawNoEmoji || layout.emojiText.isEmpty();
            // The emoji slot is kept either way, so the names start at one x.
            QVERIFY(!layout.emoji.isNull());
            if (textLeft < 0)
                textLeft = layout.text.left();
            QCOMPARE(layout.text.left(), textLeft);
            QVERIFY(layout.text.left() > layout.emoji.right());
            if (!hasColour)
                continue;
            QVERIFY(layout.mark.right() < layout.emoji.left());
            QCOMPARE(layout.title, c.name);
        }
        // The demo has clusters of each kind, so nothing passes by looking at one only.
        QVERIFY(sawColour && sawNoColour && sawEmoji && sawNoEmoji);
    }

    void screenReaderHearsTheBadges()
    {
        const Queue queue = *pausedQueue();
        tree()->expand(shown(queue.clusterId));
        const QModelIndex queueGroup = shown(OrganizationTreeModel::queueGroupId(queue.clusterId));
        tree()->expand(queueGroup);
        const QModelIndex row = shown(queue.id);
        QVERIFY(row.isValid());
        const QString text = row.data(Qt::AccessibleTextRole).toString();
        QVERIFY2(text.startsWith(queue.key + QStringLiteral(", paused")), qPrintable(text));

        // Through the accessibility interface, as a screen reader asks the tree.
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(tree());
        QVERIFY(iface && iface->tableInterface());
        QAccessibleTableInterface* table = iface->tableInterface();
        tree()->scrollTo(row); // lays the rows out, as showing them would
        const auto heard = [&] {
            for (int r = 0; r < table->rowCount(); ++r) {
                QAccessibleInterface* cell = table->cellAt(r, 0);
                if (cell && cell->text(QAccessible::Name) == text)
                    return true;
            }
            return false;
        };
        QVERIFY2(heard(), qPrintable(text));

        // Collapsed, the cluster says what its hidden rows would.
        const QModelIndex cluster = shown(queue.clusterId);
        tree()->collapse(cluster);
        const int paused = model()
                               ->indexForId(queue.clusterId)
                               .data(OrganizationTreeModel::PausedQueuesRole)
                               .toInt();
        QVERIFY(paused > 0);
        const QString clusterText = cluster.data(Qt::AccessibleTextRole).toString();
        QVERIFY2(clusterText.contains(paused == 1 ? QStringLiteral("1 paused queue")
                                                  : QStringLiteral("%1 paused queues").arg(paused)),
            qPrintable(clusterText));
        tree()->expand(cluster);
        QVERIFY(
            !cluster.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("paused")));
    }
};

QTEST_MAIN(TestNavigationFilter)
#include "tst_navigationfilter.moc"
