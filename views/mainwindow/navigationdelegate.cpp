// SPDX-License-Identifier: MIT
#include "navigationdelegate.h"

#include "changehighlighter.h"
#include "clustertitle.h"
#include "emoji.h"
#include "organizationtreemodel.h"
#include "panes/tone.h"
#include "rowtext.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QTreeView>

#include <optional>

using Kind = OrganizationTreeModel::NodeKind;
using Expiry = OrganizationTreeModel::ExpiryState;

namespace {
constexpr int chipPadding = 6;
constexpr int chipSpacing = 4;

QString shapeText(const QModelIndex& index)
{
    const auto queue = index.data(OrganizationTreeModel::QueueRole).value<Queue>();
    if (queue.instanceShape.name.isEmpty())
        return index.data(OrganizationTreeModel::InstanceShapeRole).toString();
    return queue.instanceShape.displayName();
}

// "3 agents · 1 busy"; a self-hosted queue with none is flagged (its jobs wait for a person), a
// hosted one with none shows nothing (Buildkite starts agents when jobs come). Unknown: nothing.
std::optional<NavigationDelegate::Chip> agentsChip(const QModelIndex& index)
{
    const QVariant connected = index.data(OrganizationTreeModel::AgentsConnectedRole);
    if (!connected.isValid())
        return std::nullopt;
    AgentCounts counts;
    counts.connected = connected.toInt();
    counts.busy = index.data(OrganizationTreeModel::AgentsBusyRole).toInt();
    counts.paused = index.data(OrganizationTreeModel::AgentsPausedRole).toInt();
    if (counts.connected == 0) {
        if (index.data(OrganizationTreeModel::HostedRole).toBool()
            || !index.data(OrganizationTreeModel::InstanceShapeRole).toString().isEmpty())
            return std::nullopt;
        return NavigationDelegate::Chip { RowText::agentsBadge(counts), int(Tone::Danger) };
    }
    // Connected but none running or ready: every one paused (or stopping).
    const bool noneWorking = counts.busy == 0 && counts.idle() <= 0;
    return NavigationDelegate::Chip { RowText::agentsBadge(counts),
        int(noneWorking ? Tone::Warning : Tone::Neutral) };
}
} // namespace

NavigationDelegate::NavigationDelegate(ChangeHighlighter* highlighter, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_highlighter(highlighter)
{
}

QString NavigationDelegate::title(const QModelIndex& index)
{
    const auto kind = index.data(OrganizationTreeModel::KindRole).value<Kind>();
    const QString text = index.data(Qt::DisplayRole).toString();
    if (kind == Kind::Cluster)
        return clusterTitle(index.data(OrganizationTreeModel::EmojiRole).toString(), text);
    return text;
}

QList<NavigationDelegate::Chip> NavigationDelegate::chips(const QModelIndex& index)
{
    QList<Chip> out;
    switch (index.data(OrganizationTreeModel::KindRole).value<Kind>()) {
    case Kind::Queue:
        // First, so a narrow tree drops it before the dispatch state; the tooltip keeps it.
        if (const auto agents = agentsChip(index))
            out.append(*agents);
        if (index.data(OrganizationTreeModel::PausedRole).toBool())
            out.append({ tr("Paused"), int(Tone::Warning) });
        if (index.data(OrganizationTreeModel::IsDefaultQueueRole).toBool())
            out.append({ tr("Default"), int(Tone::Info) });
        if (index.data(OrganizationTreeModel::HostedRole).toBool())
            out.append({ shapeText(index), int(Tone::Neutral) });
        break;
    case Kind::Token:
        switch (
            const auto state = index.data(OrganizationTreeModel::ExpiryStateRole).value<Expiry>()) {
        case Expiry::Expired:
            out.append({ RowText::expiryText(state), int(Tone::Danger) });
            break;
        case Expiry::ExpiringSoon:
            out.append({ RowText::expiryText(state), int(Tone::Warning) });
            break;
        case Expiry::Never:
            out.append({ tr("No expiry"), int(Tone::Neutral) });
            break;
        case Expiry::Valid:
            break;
        }
        break;
    default:
        break;
    }
    return out;
}

QList<NavigationDelegate::Chip> NavigationDelegate::chips(const QModelIndex& index, bool expanded)
{
    QList<Chip> out = chips(index);
    if (expanded || index.data(OrganizationTreeModel::KindRole).value<Kind>() != Kind::Cluster)
        return out;
    if (const int paused = index.data(OrganizationTreeModel::PausedQueuesRole).toInt())
        out.append({ tr("%1 paused").arg(paused), int(Tone::Warning) });
    if (const int expired = index.data(OrganizationTreeModel::ExpiredTokensRole).toInt())
        out.append({ tr("%1 expired").arg(expired), int(Tone::Danger) });
    return out;
}

void NavigationDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = title(index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();

    // Background and selection from the style, so it matches the platform.
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    const QString id = index.data(OrganizationTreeModel::IdRole).toString();
    if (m_highlighter) {
        if (const qreal s = m_highlighter->strength(id); s > 0) {
            QColor tint = option.palette.color(QPalette::Highlight);
            tint.setAlphaF(0.35 * s);
            painter->fillRect(option.rect, tint);
        }
    }

    const auto kind = index.data(OrganizationTreeModel::KindRole).value<Kind>();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette& pal = option.palette;
    QColor textColor = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QFont font = option.font;
    QRect r = option.rect.adjusted(4, 0, -4, 0);

    switch (kind) {
    case Kind::Organization:
        font.setBold(true);
        break;
    case Kind::QueueGroup:
    case Kind::TokenGroup:
    case Kind::Loading:
        if (!selected)
            textColor = pal.color(QPalette::PlaceholderText);
        font.setItalic(kind == Kind::Loading);
        break;
    case Kind::Error:
        if (!selected)
            textColor = Tones::text(Tone::Danger, pal);
        break;
    case Kind::Cluster: {
        const QColor swatch(index.data(OrganizationTreeModel::ColorRole).toString());
        const int side = qMin(r.height() - 10, 12);
        const QRect box(r.left(), r.center().y() - side / 2, side, side);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Tones::mix(pal.color(QPalette::Text), pal.color(QPalette::Base), 0.6));
        painter->setBrush(swatch.isValid() ? swatch : Qt::transparent);
        painter->drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        r.setLeft(box.right() + 7);
        if (!index.data(OrganizationTreeModel::ErrorRole).toString().isEmpty() && !selected)
            textColor = Tones::text(Tone::Danger, pal);
        break;
    }
    default:
        break;
    }

    // Chips from the right.
    const auto* view = qobject_cast<const QTreeView*>(widget);
    const QList<Chip> list = chips(index, !view || view->isExpanded(index));
    QFont chipFont = option.font;
    chipFont.setPointSizeF(chipFont.pointSizeF() * 0.85);
    const QFontMetrics chipMetrics(chipFont);
    // A long chip (a shape's full name) is cut to what room there is, rather than pushing the
    // others out: its start says the most.
    QStringList texts;
    int total = 0;
    qsizetype widest = -1;
    for (qsizetype i = 0; i < list.size(); ++i) {
        texts.append(list.at(i).text);
        const int width = chipMetrics.horizontalAdvance(texts.last()) + 2 * chipPadding;
        total += width + (i > 0 ? chipSpacing : 0);
        if (widest < 0 || width > chipMetrics.horizontalAdvance(texts.at(widest)) + 2 * chipPadding)
            widest = i;
    }
    const int room = r.width() - 60; // keep room for the title
    if (widest >= 0 && total > room) {
        const int width = chipMetrics.horizontalAdvance(texts.at(widest)) + 2 * chipPadding;
        const int cut = width - (total - room) - 2 * chipPadding;
        if (cut >= chipMetrics.horizontalAdvance(QStringLiteral("Linux…")))
            texts[widest] = chipMetrics.elidedText(texts.at(widest), Qt::ElideRight, cut);
    }
    int right = r.right();
    painter->setRenderHint(QPainter::Antialiasing);
    for (qsizetype i = list.size() - 1; i >= 0; --i) {
        const Chip& chip = list.at(i);
        const QString& chipText = texts.at(i);
        const int width = chipMetrics.horizontalAdvance(chipText) + 2 * chipPadding;
        if (right - width < r.left() + 60)
            break; // keep room for the title
        const QRect box(right - width, r.center().y() - chipMetrics.height() / 2 - 2, width,
            chipMetrics.height() + 4);
        const ToneColors colors = Tones::filled(Tone(chip.tone), pal);
        painter->setPen(colors.border);
        painter->setBrush(colors.background);
        painter->drawRoundedRect(
            QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), box.height() / 2.0, box.height() / 2.0);
        painter->setPen(colors.foreground);
        painter->setFont(chipFont);
        painter->drawText(box, Qt::AlignCenter, chipText);
        right = box.left() - chipSpacing;
    }
    r.setRight(right - 4);

    painter->setFont(font);
    painter->setPen(textColor);
    const QFontMetrics fm(font);
    painter->drawText(
        r, Qt::AlignVCenter | Qt::AlignLeft, fm.elidedText(text, Qt::ElideRight, r.width()));
    painter->restore();
}

QSize NavigationDelegate::sizeHint(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 10));
    return size;
}
