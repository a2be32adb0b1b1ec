// SPDX-License-Identifier: MIT
#include "agenttokenlistmodel.h"
#include "clusterstatetestdata.h"
#include "panes/queuetable.h"
#include "panes/tokentable.h"
#include "queuelistmodel.h"
#include "widgettesthelpers.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

using namespace ClusterStateTest;
using WidgetTest::child;
using M = QueueListModel;

namespace {
QStringList keys(QTreeView* view)
{
    QStringList out;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        out.append(view->model()->index(row, M::Key).data().toString());
    return out;
}
} // namespace

// QueueTable and TokenTable against a tree: sorting, the selection across a refresh, Enter and
// double click, and the bulk buttons.
class TestQueueTable final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sortsAndKeepsTheSelectionAcrossARefresh()
    {
        OrganizationTreeModel tree;
        load(tree);
        QueueTable table;
        QAbstractItemModelTester tester(
            table.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        table.setTree(&tree);
        table.resize(1100, 400);
        table.show();
        QTreeView* view = child<QTreeView>(&table, "tableView");
        QTRY_COMPARE(view->model()->rowCount(), 5);
        QVERIFY(!view->isColumnHidden(M::Cluster)); // the organisation's table
        QCOMPARE(child<QLabel>(&table, "tableCountLabel")->text(), QStringLiteral("5 queues"));
        // Paused first by default.
        QCOMPARE(view->model()->index(0, M::State).data().toString(), QStringLiteral("Paused"));
        QCOMPARE(view->model()->index(1, M::State).data().toString(), QStringLiteral("Paused"));

        // Sort by key, descending, with a click on the header twice.
        QHeaderView* header = view->header();
        const int x = header->sectionViewportPosition(M::Key) + 10;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        QCOMPARE(header->sortIndicatorSection(), int(M::Key));
        const Qt::SortOrder first = header->sortIndicatorOrder();
        if (first != Qt::DescendingOrder)
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, 5));
        QCOMPARE(keys(view),
            (QStringList { QStringLiteral("release"), QStringLiteral("macos"),
                QStringLiteral("deploy"), QStringLiteral("default"), QStringLiteral("arm") }));

        table.selectIds({ QStringLiteral("q2"), QStringLiteral("q4") });
        QCOMPARE(table.selectedIds(), (QStringList { QStringLiteral("q4"), QStringLiteral("q2") }));

        // A refresh: "arm" is paused elsewhere, a new queue "zz" appears, "macos" is gone.
        ModelSpies spies(table.model());
        Queue arm = pausedBy(
            queue(QStringLiteral("q2"), QStringLiteral("c1"), QStringLiteral("arm")),
            QStringLiteral("Alex Doe"), QDateTime::currentDateTimeUtc(), QStringLiteral("disk"));
        OrganizationSnapshot next
            = snapshot({ queue(QStringLiteral("q9"), QStringLiteral("c1"), QStringLiteral("zz")) });
        next.clusters[0].queues[1] = arm;
        next.clusters[0].queues.removeAt(2);
        tree.mergeSnapshot(next);
        QTRY_COMPARE(keys(view),
            (QStringList { QStringLiteral("zz"), QStringLiteral("release"),
                QStringLiteral("deploy"), QStringLiteral("default"), QStringLiteral("arm") }));
        QCOMPARE(header->sortIndicatorSection(), int(M::Key));
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(table.selectedIds(), (QStringList { QStringLiteral("q4"), QStringLiteral("q2") }));
        QCOMPARE(table.selectedQueues().at(1).dispatchPaused, true); // the value is today's

        // The filter box narrows the rows; the count says so.
        WidgetTest::typeInto(&table, "tableFilterEdit", QStringLiteral("deploy"));
        QCOMPARE(keys(view), (QStringList { QStringLiteral("release"), QStringLiteral("deploy") }));
        QCOMPARE(child<QLabel>(&table, "tableCountLabel")->text(), QStringLiteral("2 of 5 queues"));
    }

    void enterAndDoubleClickGoToTheTree()
    {
        OrganizationTreeModel tree;
        load(tree);
        QueueTable table;
        table.setTree(&tree);
        table.setCluster(QStringLiteral("c2"));
        table.resize(900, 300);
        table.show();
        QTreeView* view = child<QTreeView>(&table, "tableView");
        QTRY_COMPARE(view->model()->rowCount(), 2);
        QVERIFY(view->isColumnHidden(M::Cluster)); // one cluster: said once, above
        QSignalSpy select(&table, &ListTable::selectRequested);
        view->setFocus();
        view->setCurrentIndex(view->model()->index(1, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(select.size(), 1);
        const QString id = select.at(0).at(0).toString();
        QCOMPARE(id, view->model()->index(1, 0).data(ModelRoles::Id).toString());
        const QRect row = view->visualRect(view->model()->index(0, M::Key));
        // A double click is a press and release, then the double click itself.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, row.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(select.size(), 2);
        QCOMPARE(select.at(1).at(0).toString(),
            view->model()->index(0, 0).data(ModelRoles::Id).toString());
    }

    void bulkButtonsActOnWhatTheyChange()
    {
        OrganizationTreeModel tree;
        load(tree);
        QueueTable table;
        table.setTree(&tree);
        table.show();
        QTRY_COMPARE(table.model()->rowCount(), 5);
        auto* pause = child<QPushButton>(&table, "pauseSelectedButton");
        auto* resume = child<QPushButton>(&table, "resumeSelectedButton");
        QVERIFY(!pause->isEnabled());
        QVERIFY(!resume->isEnabled());
        table.selectIds({ QStringLiteral("q1"), QStringLiteral("q2"), QStringLiteral("q4"),
            QStringLiteral("q5") });
        QCOMPARE(pause->text(), QStringLiteral("Pause 2…"));
        QCOMPARE(resume->text(), QStringLiteral("Resume 2…"));
        QSignalSpy pauses(&table, &QueueTable::pauseRequested);
        QSignalSpy resumes(&table, &QueueTable::resumeRequested);
        pause->click();
        resume->click();
        QCOMPARE(pauses.size(), 1);
        QStringList ids;
        for (const Queue& q : pauses.at(0).at(0).value<QList<Queue>>())
            ids.append(q.id);
        ids.sort();
        QCOMPARE(ids, (QStringList { QStringLiteral("q2"), QStringLiteral("q4") }));
        QCOMPARE(resumes.at(0).at(0).value<QList<Queue>>().size(), 2);

        // A failed write marks its row until the next answer.
        table.model()->setWriteError(
            QStringLiteral("q2"), QStringLiteral("pause"), QStringLiteral("Queue is locked"));
        const QModelIndex state = table.model()->indexForId(QStringLiteral("q2"), M::State);
        QCOMPARE(state.data().toString(), QStringLiteral("Running · pause failed"));
        table.setWriteDenied(QStringLiteral("No write_clusters"));
        QVERIFY(!pause->isEnabled());
        QCOMPARE(pause->toolTip(), QStringLiteral("No write_clusters"));
    }

    void tokenTableFlagsExpiry()
    {
        OrganizationTreeModel tree;
        load(tree);
        TokenTable table;
        table.setTree(&tree);
        table.show();
        QTreeView* view = child<QTreeView>(&table, "tableView");
        QTRY_COMPARE(view->model()->rowCount(), 3);
        // The next to expire first: the expired one, then the one expiring in two days.
        QCOMPARE(view->model()->index(0, AgentTokenListModel::Description).data().toString(),
            QStringLiteral("Old CI"));
        QCOMPARE(view->model()->index(2, AgentTokenListModel::Description).data().toString(),
            QStringLiteral("Forever"));
        QCOMPARE(view->model()->index(2, AgentTokenListModel::AllowedIps).data().toString(),
            QStringLiteral("Any"));
        QCOMPARE(view->model()->index(2, AgentTokenListModel::Cluster).data().toString(),
            QStringLiteral("Deploy"));
        QCOMPARE(
            child<QLabel>(&table, "tableCountLabel")->text(), QStringLiteral("3 agent tokens"));
    }
};

QTEST_MAIN(TestQueueTable)
#include "tst_queuetable.moc"
