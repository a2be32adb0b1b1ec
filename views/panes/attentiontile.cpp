// SPDX-License-Identifier: MIT
#include "attentiontile.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyleOptionFocusRect>

namespace {
constexpr int accentWidth = 4;
} // namespace

AttentionTile::AttentionTile(
    const QString& countName, const QString& caption, Tone tone, QWidget* parent)
    : QAbstractButton(parent)
    , m_tone(tone)
    , m_number(new QLabel(this))
    , m_caption(new QLabel(caption, this))
{
    setObjectName(countName + QStringLiteral("Tile"));
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_Hover);
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Minimum);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    m_number->setObjectName(countName);
    m_number->setTextFormat(Qt::PlainText);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    m_number->setFont(big);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::PlainText);
    for (QLabel* label : { m_number, m_caption }) {
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        // Inside a button a label would take ButtonText; these sit on the window's colours.
        label->setForegroundRole(QPalette::WindowText);
    }
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(accentWidth + 10, 6, 10, 6);
    layout->setSpacing(10);
    layout->addWidget(m_number, 0, Qt::AlignVCenter);
    layout->addWidget(m_caption, 1, Qt::AlignVCenter);
    setCount(0);
}

QString AttentionTile::caption() const { return m_caption->text(); }

void AttentionTile::setCount(int count)
{
    m_count = count;
    m_number->setText(QString::number(count));
    setAccessibleName(QStringLiteral("%1: %2").arg(m_caption->text()).arg(count));
    applyColours();
    update();
}

void AttentionTile::applyColours()
{
    QPalette numberPalette = m_number->palette();
    const QColor colour = m_count > 0 && m_tone != Tone::Neutral
        ? Tones::text(m_tone, palette())
        : (m_count > 0 ? palette().color(QPalette::WindowText)
                       : palette().color(QPalette::PlaceholderText));
    numberPalette.setColor(QPalette::WindowText, colour);
    m_number->setPalette(numberPalette);
    QPalette captionPalette = m_caption->palette();
    captionPalette.setColor(QPalette::WindowText,
        m_count > 0 ? palette().color(QPalette::WindowText)
                    : palette().color(QPalette::PlaceholderText));
    m_caption->setPalette(captionPalette);
}

void AttentionTile::changeEvent(QEvent* event)
{
    QAbstractButton::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
}

QSize AttentionTile::sizeHint() const
{
    const QSize content = layout()->sizeHint();
    return { qMax(content.width(), 150), qMax(content.height(), 48) };
}

int AttentionTile::heightForWidth(int width) const
{
    return qMax(layout()->totalHeightForWidth(width), 48);
}

QSize AttentionTile::minimumSizeHint() const
{
    return { 110, qMax(layout()->minimumSize().height(), 48) };
}

void AttentionTile::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette& pal = palette();
    const QColor window = pal.color(QPalette::Window);
    const QColor text = pal.color(QPalette::WindowText);
    const bool hot = underMouse() || isDown();
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(QPen(
        Tones::mix(window, text, hasFocus() ? 0.0 : (hot ? 0.35 : 0.2)), hasFocus() ? 1.5 : 1.0));
    if (hasFocus())
        p.setPen(QPen(pal.color(QPalette::Highlight), 2));
    p.setBrush(Tones::mix(window, text, isDown() ? 0.10 : (hot ? 0.07 : 0.035)));
    p.drawRoundedRect(r, 6, 6);
    if (m_count > 0 && m_tone != Tone::Neutral) {
        const QRectF bar(r.left() + 3, r.top() + 6, accentWidth, r.height() - 12);
        p.setPen(Qt::NoPen);
        p.setBrush(Tones::filled(m_tone, pal).background);
        p.drawRoundedRect(bar, 2, 2);
    }
}
