// SPDX-License-Identifier: MIT
#include "navigationdelegate.h"

#include "changehighlighter.h"
#include "clustertitle.h"
#include "emoji.h"
#include "navigationfilterproxy.h"
#include "organizationtreemodel.h"
#include "panes/tone.h"
#include "rowtext.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>
#include <QTreeView>

#include <optional>

using Kind = OrganizationTreeModel::NodeKind;
using Expiry = OrganizationTreeModel::ExpiryState;

namespace {
constexpr int chipPadding = 6;
constexpr int chipSpacing = 4;
constexpr int markSlot = 10; // the cluster colour's
constexpr int slotGap = 6;
constexpr int starSize = 12;

// The filter the row is shown under, if any.
const NavigationFilterProxy* filterOf(const QModelIndex& index)
{
    const auto* proxy = qobject_cast<const NavigationFilterProxy*>(index.model());
    return proxy && proxy->isFiltering() ? proxy : nullptr;
}

// text from x, with the ranges on a highlight: the words of the filter where they show.
void drawMatched(QPainter* painter, const QRect& rect, const QString& text,
    const QList<SearchQuery::Range>& ranges, const QColor& matchBackground)
{
    const QFontMetrics fm(painter->font());
    for (const SearchQuery::Range& range : ranges) {
        if (range.start >= text.size())
            break;
        const int x = rect.left() + fm.horizontalAdvance(text.left(range.start));
        const int w = fm.horizontalAdvance(text.mid(range.start, range.length));
        const QRectF box(x - 1, rect.center().y() - fm.height() / 2.0, w + 2, fm.height());
        painter->setPen(Qt::NoPen);
        painter->setBrush(matchBackground);
        painter->drawRoundedRect(box, 3, 3);
    }
}

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

bool NavigationDelegate::watched(const QModelIndex& index) const
{
    if (!m_isWatched)
        return false;
    const auto kind = index.data(OrganizationTreeModel::KindRole).value<Kind>();
    return (kind == Kind::Queue || kind == Kind::Cluster)
        && m_isWatched(index.data(OrganizationTreeModel::IdRole).toString());
}

QString NavigationDelegate::title(const QModelIndex& index)
{
    const auto kind = index.data(OrganizationTreeModel::KindRole).value<Kind>();
    const QString text = index.data(Qt::DisplayRole).toString();
    if (kind == Kind::Cluster)
        return clusterTitle(index.data(OrganizationTreeModel::EmojiRole).toString(), text);
    return text;
}

NavigationDelegate::Layout NavigationDelegate::layout(
    const QStyleOptionViewItem& option, const QModelIndex& index)
{
    Layout out;
    const QRect r = option.rect.adjusted(4, 0, -4, 0);
    out.text = r;
    if (index.data(OrganizationTreeModel::KindRole).value<Kind>() != Kind::Cluster) {
        out.title = title(index);
        return out;
    }
    const QFontMetrics fm(option.font);
    const QColor color(index.data(OrganizationTreeModel::ColorRole).toString());
    if (color.isValid()) {
        const int side = qMax(4, qMin(r.height() - 10, markSlot));
        out.mark = QRect(r.left(), r.center().y() - side / 2 + 1, side, side);
    }
    // Wide enough for one colour emoji at this font size.
    const int emojiWidth = fm.height() + 2;
    out.emoji = QRect(r.left() + markSlot + slotGap, r.top(), emojiWidth, r.height());
    out.text.setLeft(out.emoji.right() + 1 + slotGap);
    const QString shortcode = index.data(OrganizationTreeModel::EmojiRole).toString().trimmed();
    const QString emoji = Emoji::render(shortcode);
    const QString name = clusterTitle(QString(), index.data(Qt::DisplayRole).toString(),
        index.data(OrganizationTreeModel::IdRole).toString());
    if (shortcode.isEmpty()) {
        out.title = name;
    } else if (emoji != shortcode && !emoji.contains(QLatin1Char(':'))) {
        out.emojiText = emoji;
        out.title = name;
    } else {
        // A code with no emoji (Buildkite's logos) stays text, as everywhere else.
        out.title = title(index);
    }
    return out;
}

QString NavigationDelegate::accessibleText(const QModelIndex& index, bool expanded)
{
    QStringList parts { title(index) };
    switch (index.data(OrganizationTreeModel::KindRole).value<Kind>()) {
    case Kind::Queue:
        if (index.data(OrganizationTreeModel::PausedRole).toBool())
            parts.append(tr("paused"));
        if (index.data(OrganizationTreeModel::IsDefaultQueueRole).toBool())
            parts.append(tr("default queue"));
        if (index.data(OrganizationTreeModel::HostedRole).toBool())
            parts.append(shapeText(index));
        if (const auto agents = agentsChip(index))
            parts.append(agents->text.split(QStringLiteral(" · ")).join(QStringLiteral(", ")));
        break;
    case Kind::Token:
        switch (index.data(OrganizationTreeModel::ExpiryStateRole).value<Expiry>()) {
        case Expiry::Expired:
            parts.append(tr("expired"));
            break;
        case Expiry::ExpiringSoon:
            parts.append(tr("expires soon"));
            break;
        case Expiry::Never:
            parts.append(tr("no expiry"));
            break;
        case Expiry::Valid:
            break;
        }
        break;
    case Kind::Cluster:
        if (expanded)
            break;
        if (const int paused = index.data(OrganizationTreeModel::PausedQueuesRole).toInt())
            parts.append(tr("%n paused queue(s)", nullptr, paused));
        if (const int expired = index.data(OrganizationTreeModel::ExpiredTokensRole).toInt())
            parts.append(tr("%n expired token(s)", nullptr, expired));
        break;
    default:
        break;
    }
    parts.removeAll(QString());
    return parts.join(QStringLiteral(", "));
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
            out.append({ tr("Never expires"), int(Tone::Neutral) });
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
    const Layout parts = layout(option, index);
    QRect r = parts.text;

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
        painter->setRenderHint(QPainter::Antialiasing);
        if (!parts.mark.isNull()) {
            const QColor color(index.data(OrganizationTreeModel::ColorRole).toString());
            // A solid dot, never an outline (a ring reads as a radio button, a square as a
            // checkbox). Buildkite's colours are mostly pastel: a pale colour is drawn deeper in
            // its own hue, on light and dark rows alike (on a dark row the pastels were all near
            // white and could not be told apart), and a dark one on a dark row lighter, so the
            // dot stays visible and keeps its hue.
            const QColor base = pal.color(selected ? QPalette::Highlight : QPalette::Base);
            QColor fill = color;
            const bool pale = color.lightnessF() > 0.8f;
            if (pale || qAbs(color.lightnessF() - base.lightnessF()) < 0.25) {
                const float shift = pale || base.lightnessF() > 0.5f ? -0.28f : 0.28f;
                fill = QColor::fromHslF(color.hslHueF() < 0 ? 0 : color.hslHueF(),
                    qMin(1.0f, color.hslSaturationF() + 0.15f),
                    qBound(0.0f, color.lightnessF() + shift, 1.0f));
            }
            painter->setPen(Qt::NoPen);
            painter->setBrush(fill);
            painter->drawEllipse(QRectF(parts.mark).adjusted(0.5, 0.5, -0.5, -0.5));
        }
        if (!parts.emojiText.isEmpty()) {
            Emoji::draw(painter, parts.emoji, parts.emojiText, option.font, textColor);
        }
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
    // A watched queue or cluster: a star before its chips.
    if (watched(index) && right - starSize >= r.left() + 60) {
        const QRect star(right - starSize, r.center().y() - starSize / 2, starSize, starSize);
        static const QIcon icon(QStringLiteral(":/icons/star.svg"));
        icon.paint(painter, star);
        right = star.left() - chipSpacing;
    }
    r.setRight(right - 4);

    const NavigationFilterProxy* filter = filterOf(index);
    const bool matched = filter && filter->matches(filter->mapToSource(index));
    // The rows the filter found read bolder than the rows shown around them (their clusters,
    // the rest of a matching cluster).
    if (matched)
        font.setWeight(QFont::DemiBold);
    painter->setFont(font);
    const QFontMetrics fm(font);
    const QString text = fm.elidedText(parts.title, Qt::ElideRight, r.width());
    // Where the filter's words show: on the highlight colour, the text over it unchanged, so
    // it reads as well as the rest of the row in either palette (and on a selected row).
    QString also; // a description or id that matched where the title did not
    if (filter) {
        QColor match = pal.color(selected ? QPalette::HighlightedText : QPalette::Highlight);
        match.setAlphaF(selected ? 0.3 : 0.35);
        const QList<SearchQuery::Range> ranges = filter->query().rangesIn(text);
        drawMatched(painter, r, text, ranges, match);
        if (matched) {
            if (ranges.isEmpty() && filter->query().wordCount() > 0) {
                const QString description
                    = index.data(OrganizationTreeModel::DescriptionRole).toString().simplified();
                also = !description.isEmpty() && parts.title != description
                        && !filter->query().rangesIn(description).isEmpty()
                    ? description
                    : id;
            }
        }
        if (!also.isEmpty()) {
            const int used
                = fm.horizontalAdvance(text) + fm.horizontalAdvance(QLatin1Char(' ')) * 2;
            QRect rest = r.adjusted(used, 0, 0, 0);
            if (rest.width() > fm.horizontalAdvance(QStringLiteral("ab…"))) {
                QFont plain = font;
                plain.setWeight(QFont::Normal);
                painter->setFont(plain);
                const QString shown
                    = QFontMetrics(plain).elidedText(also, Qt::ElideRight, rest.width());
                drawMatched(painter, rest, shown, filter->query().rangesIn(shown), match);
                painter->setPen(selected ? textColor : pal.color(QPalette::PlaceholderText));
                painter->drawText(rest, Qt::AlignVCenter | Qt::AlignLeft, shown);
                painter->setFont(font);
            }
        }
    }
    painter->setPen(textColor);
    painter->drawText(r, Qt::AlignVCenter | Qt::AlignLeft, text);
    painter->restore();
}

QSize NavigationDelegate::sizeHint(
    const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(qMax(size.height(), option.fontMetrics.height() + 10));
    return size;
}
