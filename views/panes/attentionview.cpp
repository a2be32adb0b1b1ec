// SPDX-License-Identifier: MIT
#include "attentionview.h"

#include "attentiontile.h"
#include "clustertitle.h"
#include "domain/tokenexpiry.h"
#include "format.h"
#include "tone.h"

#include <QApplication>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QResizeEvent>
#include <QScopedValueRollback>
#include <QStyledItemDelegate>
#include <QTreeView>
#include <QVBoxLayout>

using Section = AttentionModel::Section;

namespace {

constexpr int minimumTileWidth = 140;

Tone toneOf(Section section)
{
    switch (section) {
    case Section::PausedQueues:
    case Section::IdleQueues:
    case Section::ExpiringTokens:
        return Tone::Warning;
    case Section::ExpiredTokens:
        return Tone::Danger;
    case Section::NeverExpiringTokens:
    case Section::UnrestrictedTokens:
        return Tone::Info;
    }
    return Tone::Neutral;
}

// The audit sections: worth knowing, not what an incident is about.
bool isAudit(Section section)
{
    return section == Section::NeverExpiringTokens || section == Section::UnrestrictedTokens;
}

// Section rows bold with their count in a chip of the section's tone; item rows with the
// cluster's emoji and "3 hours ago".
class AttentionDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QString displayText(const QVariant& value, const QLocale& locale) const override
    {
        if (value.typeId() == QMetaType::QDateTime)
            return Format::relative(value.toDateTime().toUTC());
        return QStyledItemDelegate::displayText(value, locale);
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
        const QModelIndex& index) const override
    {
        if (index.parent().isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString title = opt.text;
        opt.text.clear();
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        painter->save();
        QFont bold = option.font;
        bold.setBold(true);
        const QFontMetrics fm(bold);
        const bool selected = option.state & QStyle::State_Selected;
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
        painter->setFont(bold);
        painter->setPen(
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QString elided = fm.elidedText(title, Qt::ElideRight, textRect.width() - 60);
        painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, elided);

        const auto section = index.data(AttentionModel::SectionRole).value<Section>();
        const QString count = index.data(AttentionModel::CountRole).toString();
        QFont chipFont = option.font;
        chipFont.setPointSizeF(chipFont.pointSizeF() * 0.85);
        chipFont.setBold(true);
        const QFontMetrics cm(chipFont);
        const int width = cm.horizontalAdvance(count) + 14;
        const QRect chip(textRect.left() + fm.horizontalAdvance(elided) + 8,
            textRect.center().y() - cm.height() / 2 - 2, width, cm.height() + 4);
        const ToneColors colors = Tones::filled(toneOf(section), option.palette);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(colors.border);
        painter->setBrush(colors.background);
        painter->drawRoundedRect(
            QRectF(chip).adjusted(0.5, 0.5, -0.5, -0.5), chip.height() / 2.0, chip.height() / 2.0);
        painter->setPen(colors.foreground);
        painter->setFont(chipFont);
        painter->drawText(chip, Qt::AlignCenter, count);
        painter->restore();
    }

    // One height for every row (the view's rows are uniform: see AttentionView): a line of
    // text with room for the section's count chip.
    static int rowHeight(const QFontMetrics& metrics) { return metrics.height() + 12; }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(rowHeight(option.fontMetrics));
        return size;
    }

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.parent().isValid() && index.column() == AttentionModel::Cluster)
            option->text
                = clusterTitle(index.data(AttentionModel::EmojiRole).toString(), option->text);
    }
};

} // namespace

// ---- tiles

AttentionTiles::AttentionTiles(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout(this))
{
    setObjectName(QStringLiteral("attentionTiles"));
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(8);
    struct Spec {
        const char* name;
        QString caption;
    };
    const Spec specs[] = {
        { "pausedQueuesCount", tr("Paused queues") },
        { "idleQueuesCount", tr("Queues with no agents") },
        { "expiredCount", tr("Expired tokens") },
        { "expiringSoonCount", tr("Tokens expiring within %1 days").arg(TokenExpiry::soonDays) },
        { "neverExpiringCount", tr("Never-expiring tokens") },
        { "unrestrictedCount", tr("Tokens without an IP allowlist") },
    };
    for (int s = 0; s < AttentionModel::sectionCount; ++s) {
        const auto section = Section(s);
        auto* tile = new AttentionTile(
            QLatin1String(specs[s].name), specs[s].caption, toneOf(section), this);
        const QString words = filterWords(section);
        tile->setToolTip(words.isEmpty()
                ? tr("Show them in the list below")
                : tr("Show them in the tree (filter “%1”) and in the list below").arg(words));
        connect(tile, &QAbstractButton::clicked, this,
            [this, section] { Q_EMIT tileClicked(section); });
        m_tiles.append(tile);
    }
    arrange(3);
    updateCounts();
}

QString AttentionTiles::filterWords(Section section)
{
    switch (section) {
    case Section::PausedQueues:
        return QStringLiteral("is:paused");
    case Section::IdleQueues:
        return QStringLiteral("is:idle");
    case Section::ExpiredTokens:
        return QStringLiteral("is:expired");
    case Section::ExpiringTokens:
        return QStringLiteral("is:expiring");
    case Section::NeverExpiringTokens:
    case Section::UnrestrictedTokens:
        return {};
    }
    return {};
}

AttentionTile* AttentionTiles::tile(Section section) const { return m_tiles.at(int(section)); }

void AttentionTiles::setModel(AttentionModel* model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    if (model)
        connect(model, &AttentionModel::countsChanged, this, &AttentionTiles::updateCounts);
    updateCounts();
}

void AttentionTiles::updateCounts()
{
    for (int s = 0; s < AttentionModel::sectionCount; ++s)
        m_tiles.at(s)->setCount(m_model ? m_model->count(Section(s)) : 0);
    // Nothing is known of idle queues until the agents load: no tile rather than a false 0.
    m_tiles.at(int(Section::IdleQueues))->setVisible(m_model && m_model->agentCountsKnown());
    arrange(m_fit);
}

void AttentionTiles::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    arrange(qMax(1, event->size().width() / minimumTileWidth));
}

void AttentionTiles::arrange(int fit)
{
    // As few rows as fit, each as full as the others: five tiles are 5, 3 + 2 or 2 + 2 + 1.
    QList<AttentionTile*> shown;
    for (AttentionTile* tile : std::as_const(m_tiles)) {
        if (!tile->isHidden())
            shown.append(tile);
    }
    const int count = qMax(1, int(shown.size()));
    const int rows = (count + fit - 1) / fit;
    const int columns = (count + rows - 1) / rows;
    for (AttentionTile* tile : std::as_const(m_tiles))
        m_grid->removeWidget(tile);
    for (int c = 0; c < AttentionModel::sectionCount; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
    for (qsizetype i = 0; i < shown.size(); ++i)
        m_grid->addWidget(shown.at(i), int(i) / columns, int(i) % columns);
    m_fit = fit;
}

// ---- list

AttentionView::AttentionView(QWidget* parent)
    : QWidget(parent)
    , m_list(new QTreeView(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("attentionView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_empty->setObjectName(QStringLiteral("attentionEmptyLabel"));
    m_empty->setText(tr("Nothing needs attention: no queue is paused or without agents, and no "
                        "agent token has expired or expires within a week."));
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_empty);

    m_list->setObjectName(QStringLiteral("attentionList"));
    m_list->setAccessibleName(tr("Needs attention"));
    m_list->setItemDelegate(new AttentionDelegate(m_list));
    // Uniform rows: where a row is, is arithmetic. With rows of their own heights, every change
    // to a row far from the top measured each row above it (its texts, its time formatted) after
    // each relayout: at 1,000 clusters that doubled the first load.
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setExpandsOnDoubleClick(false);
    m_list->setMinimumHeight(160);
    m_list->header()->setStretchLastSection(false);
    layout->addWidget(m_list, 1);

    auto go = [this](const QModelIndex& index) {
        if (!index.parent().isValid()) {
            m_list->setExpanded(
                index.siblingAtColumn(0), !m_list->isExpanded(index.siblingAtColumn(0)));
            return;
        }
        const QString id = index.data(AttentionModel::IdRole).toString();
        if (!id.isEmpty())
            Q_EMIT selectRequested(id);
    };
    connect(m_list, &QAbstractItemView::clicked, this, go);
    auto chosen = [this](const QModelIndex& index) {
        if (!m_arranging && !index.parent().isValid())
            m_chosen.insert(index.row());
    };
    connect(m_list, &QTreeView::expanded, this, chosen);
    connect(m_list, &QTreeView::collapsed, this, chosen);
    // Enter (or a double click) on a queue or token; sections open with the tree's own keys.
    connect(m_list, &QAbstractItemView::activated, this, [go](const QModelIndex& index) {
        if (index.parent().isValid())
            go(index);
    });
}

void AttentionView::setModel(AttentionModel* model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_list->setModel(model);
    m_chosen.clear();
    if (model) {
        connect(model, &AttentionModel::countsChanged, this, &AttentionView::updateSections);
        connect(model, &QAbstractItemModel::modelReset, this, &AttentionView::updateSections);
        QHeaderView* header = m_list->header();
        header->setSectionResizeMode(AttentionModel::Name, QHeaderView::Interactive);
        header->setSectionResizeMode(AttentionModel::Cluster, QHeaderView::Interactive);
        header->setSectionResizeMode(AttentionModel::Details, QHeaderView::Stretch);
        header->setSectionResizeMode(AttentionModel::When, QHeaderView::Interactive);
        // Queue keys and cluster names are short; the details (who paused it, and why) are
        // what an incident needs, so they get what the pane has left.
        header->resizeSection(AttentionModel::Name, 180);
        header->resizeSection(AttentionModel::Cluster, 160);
        header->resizeSection(AttentionModel::When, 110);
    }
    updateSections();
}

void AttentionView::updateSections()
{
    bool urgent = false;
    for (int s = 0; s < AttentionModel::sectionCount; ++s) {
        const auto section = Section(s);
        const int count = m_model ? m_model->count(section) : 0;
        m_list->setRowHidden(s, {}, count == 0);
        if (count == 0)
            continue;
        urgent = urgent || !isAudit(section);
        m_list->setFirstColumnSpanned(s, {}, true);
        if (!m_chosen.contains(s)) {
            const QModelIndex index = m_model->sectionIndex(section);
            const bool open = section == Section::PausedQueues || count <= openRowLimit;
            if (m_list->isExpanded(index) != open) {
                const QScopedValueRollback arranging(m_arranging, true);
                m_list->setExpanded(index, open);
            }
        }
    }
    m_empty->setVisible(!urgent);
}

void AttentionView::revealSection(Section section)
{
    if (!m_model)
        return;
    const QModelIndex index = m_model->sectionIndex(section);
    m_chosen.insert(index.row());
    m_list->setExpanded(index, true);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index, QAbstractItemView::PositionAtTop);
}
