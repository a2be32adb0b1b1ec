// SPDX-License-Identifier: MIT
#include "listtable.h"

#include "clearbutton.h"
#include "modelroles.h"
#include "tablecelldelegate.h"
#include "treelistfeed.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace {
// Every word of the filter must appear in one of the row's texts (any column, the search text).
class RowFilter final : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setWords(const QString& text)
    {
        m_words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (m_words.isEmpty())
            return true;
        QString haystack;
        const QAbstractItemModel* source = sourceModel();
        for (int column = 0; column < source->columnCount(parent); ++column) {
            const QModelIndex index = source->index(row, column, parent);
            haystack += index.data().toString() + QLatin1Char(' ');
            if (column == 0)
                haystack += index.data(ModelRoles::SearchText).toString() + QLatin1Char(' ');
        }
        for (const QString& word : m_words) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
        return true;
    }

private:
    QStringList m_words;
};
} // namespace

ListTable::ListTable(
    QAbstractItemModel* model, int clusterColumn, const QList<int>& hiddenColumns, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_clusterColumn(clusterColumn)
    , m_controls(new QHBoxLayout)
    , m_filter(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_view(new QTreeView(this))
    , m_proxy(new RowFilter(this))
    , m_delegate(new TableCellDelegate(this))
    , m_feed(new TreeListFeed(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_controls->setSpacing(6);
    m_filter->setObjectName(QStringLiteral("tableFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter"));
    ClearButton::enable(m_filter);
    m_filter->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_filter->setAccessibleName(tr("Filter the table"));
    m_filter->setMaximumWidth(260);
    m_count->setObjectName(QStringLiteral("tableCountLabel"));
    m_count->setForegroundRole(QPalette::PlaceholderText);
    m_controls->addWidget(m_filter, 1);
    m_controls->addWidget(m_count);
    m_controls->addStretch(1);
    layout->addLayout(m_controls);

    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(ModelRoles::Sort);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);
    m_proxy->setDynamicSortFilter(true);

    m_view->setObjectName(QStringLiteral("tableView"));
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->setItemDelegate(m_delegate);
    m_view->setModel(m_proxy);
    m_view->setMinimumHeight(160);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionsMovable(true);
    m_view->header()->setContextMenuPolicy(Qt::CustomContextMenu);
    for (int column : hiddenColumns)
        m_view->setColumnHidden(column, true);
    m_delegate->setClusterColumns({ clusterColumn });
    layout->addWidget(m_view, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        static_cast<RowFilter*>(m_proxy)->setWords(text);
        updateCount();
    });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex& index) {
        const QString id = index.data(ModelRoles::Id).toString();
        if (!id.isEmpty())
            Q_EMIT selectRequested(id);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ListTable::selectionChanged);
    connect(
        m_view->header(), &QWidget::customContextMenuRequested, this, &ListTable::showHeaderMenu);
    for (auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &ListTable::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ListTable::updateCount);
}

void ListTable::setTree(OrganizationTreeModel* tree) { m_feed->setTree(tree); }

void ListTable::setCluster(const QString& clusterId)
{
    m_feed->setCluster(clusterId);
    m_view->setColumnHidden(m_clusterColumn, !clusterId.isEmpty());
}

QString ListTable::cluster() const { return m_feed->cluster(); }

void ListTable::sync() { m_feed->sync(); }

QStringList ListTable::selectedIds() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex& index : std::as_const(rows))
        ids.append(index.data(ModelRoles::Id).toString());
    return ids;
}

void ListTable::selectIds(const QStringList& ids)
{
    QItemSelection selection;
    QModelIndex first;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (ids.contains(index.data(ModelRoles::Id).toString())) {
            selection.select(index, index);
            if (!first.isValid())
                first = index;
        }
    }
    auto* model = m_view->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        model->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(first);
    }
}

void ListTable::updateCount()
{
    m_count->setText(countText(m_proxy->rowCount(), m_model->rowCount()));
}

void ListTable::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_feed->setActive(true);
    updateCount();
}

void ListTable::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_feed->setActive(false);
}

void ListTable::showHeaderMenu(const QPoint& pos)
{
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("tableColumnsMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < m_model->columnCount(); ++column) {
        if (column == m_clusterColumn && !m_feed->cluster().isEmpty())
            continue;
        QAction* action = menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!m_view->isColumnHidden(column));
        action->setEnabled(column != 0); // the name stays
        connect(action, &QAction::toggled, this,
            [this, column](bool on) { m_view->setColumnHidden(column, !on); });
    }
    menu->popup(m_view->header()->mapToGlobal(pos));
}
