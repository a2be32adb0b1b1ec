// SPDX-License-Identifier: MIT
#include "navigationpanel.h"

#include "changehighlighter.h"
#include "clearbutton.h"
#include "debouncer.h"
#include "navigationdelegate.h"
#include "navigationfilterproxy.h"
#include "organizationtreemodel.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedLayout>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using Kind = OrganizationTreeModel::NodeKind;

NavigationPanel::NavigationPanel(QWidget* parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_matchCount(new QLabel(this))
    , m_tree(new QTreeView(this))
    , m_empty(new QFrame(this))
    , m_treeOrEmpty(new QStackedLayout)
    , m_proxy(new NavigationFilterProxy(this))
    , m_highlighter(new ChangeHighlighter(m_tree))
    , m_expiryClock(new QTimer(this))
    , m_debouncer(new Debouncer(filterDelay, this))
{
    setObjectName(QStringLiteral("navigationPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 0, 6);
    layout->setSpacing(6);

    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(
        tr("Filter clusters, queues and tokens (%1)")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    ClearButton::enable(m_filter);
    m_filter->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_filter->setAccessibleName(tr("Filter"));
    m_filter->installEventFilter(this);
    auto* filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->setSpacing(6);
    filterRow->addWidget(m_filter, 1);
    m_matchCount->setObjectName(QStringLiteral("filterMatchCount"));
    m_matchCount->setForegroundRole(QPalette::PlaceholderText);
    m_matchCount->hide();
    filterRow->addWidget(m_matchCount);
    layout->addLayout(filterRow);

    m_tree->setObjectName(QStringLiteral("navigationTree"));
    m_tree->setAccessibleName(tr("Organisation"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setItemDelegate(new NavigationDelegate(m_highlighter, m_tree));
    m_tree->setModel(m_proxy);
    m_tree->installEventFilter(this);
    m_proxy->setAccessibleText([this](const QModelIndex& index) {
        QString text = NavigationDelegate::accessibleText(index, m_tree->isExpanded(index));
        if (m_isWatched && m_isWatched(index.data(OrganizationTreeModel::IdRole).toString()))
            text = tr("%1, watched").arg(text);
        return text;
    });

    // Nothing matches: said where the rows would be, with the way back.
    m_empty->setObjectName(QStringLiteral("filterEmptyState"));
    // Framed as the tree is, so the panel keeps its shape while it stands in for it.
    m_empty->setFrameShape(m_tree->frameShape());
    m_empty->setFrameShadow(m_tree->frameShadow());
    m_empty->setAutoFillBackground(true);
    m_empty->setBackgroundRole(QPalette::Base);
    auto* emptyLayout = new QVBoxLayout(m_empty);
    emptyLayout->setContentsMargins(12, 24, 12, 12);
    auto* emptyText = new QLabel(tr("Nothing matches the filter."), m_empty);
    emptyText->setObjectName(QStringLiteral("filterEmptyText"));
    emptyText->setAlignment(Qt::AlignHCenter);
    emptyText->setWordWrap(true);
    emptyText->setForegroundRole(QPalette::PlaceholderText);
    auto* clearButton = new QPushButton(tr("Clear filter"), m_empty);
    clearButton->setObjectName(QStringLiteral("clearFilterButton"));
    connect(clearButton, &QPushButton::clicked, this, &NavigationPanel::clearFilter);
    emptyLayout->addWidget(emptyText);
    emptyLayout->addWidget(clearButton, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);
    m_treeOrEmpty->addWidget(m_tree);
    m_treeOrEmpty->addWidget(m_empty);
    layout->addLayout(m_treeOrEmpty, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        // Clearing the box shows everything again at once, and the next keystroke is a first
        // one again.
        if (text.trimmed().isEmpty())
            m_debouncer->applyNow(text);
        else
            m_debouncer->submit(text);
    });
    connect(m_filter, &QLineEdit::returnPressed, m_debouncer, &Debouncer::flush);
    connect(m_debouncer, &Debouncer::triggered, this, &NavigationPanel::applyFilter);
    connect(m_proxy, &NavigationFilterProxy::refiltered, this, [this] {
        expandMatches();
        showFilterOutcome();
    });
    connect(m_tree, &QTreeView::expanded, this,
        [this](const QModelIndex& index) { noteExpanded(index, true); });
    connect(m_tree, &QTreeView::collapsed, this,
        [this](const QModelIndex& index) { noteExpanded(index, false); });
    // The proxy keeps its selection model whatever source it shows.
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &NavigationPanel::currentChanged);

    // Tokens expire on their own, between refreshes too.
    m_expiryClock->setInterval(15000);
    connect(m_expiryClock, &QTimer::timeout, this, [this] {
        if (m_model)
            m_model->updateExpiry();
    });
    m_expiryClock->start();
}

void NavigationPanel::setModel(OrganizationTreeModel* model)
{
    disconnect(m_changedIds);
    m_model = model;
    m_highlightChanges = false;
    m_filter->clear();
    m_userExpanded.clear();
    m_proxy->setSourceModel(model);
    showFilterOutcome();
    if (!model)
        return;
    m_changedIds
        = connect(model, &OrganizationTreeModel::changedIds, this, [this](const QStringList& ids) {
              if (m_highlightChanges)
                  m_highlighter->mark(ids);
          });
    m_tree->expand(m_proxy->index(0, 0));
    m_tree->setCurrentIndex(m_proxy->index(0, 0));
}

QModelIndex NavigationPanel::currentIndex() const
{
    return m_proxy->mapToSource(m_tree->currentIndex());
}

NavigationSelection NavigationPanel::selection() const
{
    NavigationSelection selection;
    const QModelIndex index = currentIndex();
    if (!index.isValid() || !m_model)
        return selection;
    selection.cluster
        = m_model->clusterForId(index.data(OrganizationTreeModel::ClusterIdRole).toString());
    switch (index.data(OrganizationTreeModel::KindRole).value<Kind>()) {
    case Kind::Organization:
        selection.kind = NavigationSelection::Kind::Organization;
        break;
    case Kind::Cluster:
        selection.kind = NavigationSelection::Kind::Cluster;
        selection.cluster = index.data(OrganizationTreeModel::ClusterRole).value<Cluster>();
        break;
    case Kind::Queue:
        selection.kind = NavigationSelection::Kind::Queue;
        selection.queue = index.data(OrganizationTreeModel::QueueRole).value<Queue>();
        break;
    case Kind::Token:
        selection.kind = NavigationSelection::Kind::Token;
        selection.token = index.data(OrganizationTreeModel::AgentTokenRole).value<AgentToken>();
        break;
    default:
        selection.kind = NavigationSelection::Kind::Other;
        break;
    }
    return selection;
}

QString NavigationPanel::selectedId() const
{
    return m_tree->currentIndex().data(OrganizationTreeModel::IdRole).toString();
}

bool NavigationPanel::selectId(const QString& id)
{
    if (!m_model)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexForId(id));
    if (!index.isValid())
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

void NavigationPanel::setIsWatched(std::function<bool(const QString& id)> isWatched)
{
    m_isWatched = isWatched;
    if (auto* delegate = qobject_cast<NavigationDelegate*>(m_tree->itemDelegate()))
        delegate->setIsWatched(std::move(isWatched));
    m_tree->viewport()->update();
}

void NavigationPanel::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

bool NavigationPanel::isFilterPending() const { return m_debouncer->isPending(); }

void NavigationPanel::flushFilter() { m_debouncer->flush(); }

void NavigationPanel::applyFilter(const QString& text)
{
    if (SearchQuery(text).text() == m_proxy->filterText())
        return;
    const bool wasFiltering = m_proxy->isFiltering();
    m_expanding = true;
    // Collapsed first: the layout change then has no expanded rows of the old filter to carry
    // over, and the view lays out once, with the new expansion. Without a signal per row
    // collapsed: the user's expansion is kept apart (m_userExpanded).
    {
        const QSignalBlocker quiet(m_tree);
        m_tree->collapseAll();
    }
    m_proxy->setFilterText(text);
    if (m_proxy->isFiltering())
        expandMatches();
    else if (wasFiltering)
        restoreExpansion();
    m_expanding = false;
    showFilterOutcome();
}

void NavigationPanel::showFilterOutcome()
{
    const bool filtering = m_proxy->isFiltering();
    const int matches = m_proxy->matchCount();
    m_matchCount->setVisible(filtering);
    if (filtering)
        m_matchCount->setText(tr("%n match(es)", nullptr, matches));
    const bool empty = filtering && matches == 0;
    const bool treeHadFocus = m_tree->hasFocus();
    m_treeOrEmpty->setCurrentWidget(empty ? m_empty : static_cast<QWidget*>(m_tree));
    // The tree going away must not leave the keyboard nowhere: typing goes on in the box.
    if (empty && treeHadFocus)
        m_filter->setFocus(Qt::OtherFocusReason);
}

void NavigationPanel::clearFilter()
{
    m_filter->clear(); // applied at once: an empty box is never debounced
    // The button that asked goes away with the empty state; the box is where typing goes next.
    m_filter->setFocus(Qt::OtherFocusReason);
}

bool NavigationPanel::eventFilter(QObject* watched, QEvent* event)
{
    // About to type: the search keys of 58,000 rows are gathered now, and again after the tree
    // changes while the box keeps the focus, rather than on the first keystroke, the one that
    // is never debounced.
    if (watched == m_filter && event->type() == QEvent::FocusIn)
        m_proxy->setTypingExpected(true);
    if (watched == m_filter && event->type() == QEvent::FocusOut)
        m_proxy->setTypingExpected(false);
    if (event->type() == QEvent::KeyPress && (watched == m_filter || watched == m_tree)) {
        const auto* key = static_cast<QKeyEvent*>(event);
        // Escape takes the filter away, from the box or from the filtered tree; with no
        // filter it goes on to whatever else handles it.
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier
            && (!m_filter->text().isEmpty() || m_proxy->isFiltering())) {
            m_filter->clear();
            m_debouncer->applyNow(QString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void NavigationPanel::expandMatches()
{
    const bool was = std::exchange(m_expanding, true);
    // While a layout is pending (after the filter's layout change) expand() only records the
    // row, so thousands of them cost one layout.
    for (const QModelIndex& source : m_proxy->expansion()) {
        const QModelIndex index = m_proxy->mapFromSource(source);
        if (index.isValid())
            m_tree->expand(index);
    }
    m_expanding = was;
}

void NavigationPanel::restoreExpansion()
{
    if (!m_model)
        return;
    for (const QString& id : std::as_const(m_userExpanded)) {
        const QModelIndex source = id == m_model->organization() ? m_model->organizationIndex()
                                                                 : m_model->indexForId(id);
        const QModelIndex index = m_proxy->mapFromSource(source);
        if (index.isValid())
            m_tree->expand(index);
    }
    // The row selected while filtering stays in sight; its path is the user's now.
    const QModelIndex current = m_tree->currentIndex();
    for (QModelIndex up = current.parent(); up.isValid(); up = up.parent()) {
        m_tree->expand(up);
        m_userExpanded.insert(up.data(OrganizationTreeModel::IdRole).toString());
    }
    if (current.isValid())
        m_tree->scrollTo(current);
}

void NavigationPanel::noteExpanded(const QModelIndex& index, bool expanded)
{
    if (m_expanding || m_proxy->isFiltering())
        return;
    const QString id = index.data(OrganizationTreeModel::IdRole).toString();
    if (expanded)
        m_userExpanded.insert(id);
    else
        m_userExpanded.remove(id);
}

void NavigationPanel::setFilterText(const QString& text)
{
    m_filter->setText(text);
    m_debouncer->flush(); // asked for, not typed: at once
}
