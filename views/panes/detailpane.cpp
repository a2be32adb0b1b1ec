// SPDX-License-Identifier: MIT
#include "detailpane.h"

#include "banner.h"
#include "rowtext.h"

#include <QAbstractButton>
#include <QDesktopServices>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

DetailPane::DetailPane(QWidget* parent)
    : QWidget(parent)
    , m_content(nullptr)
    , m_readOnly(new Banner(this))
    , m_clock(new QTimer(this))
    , m_freshness(new QLabel(this))
    , m_freshnessClock(new QTimer(this))
    , m_writeDeniedReason(defaultWriteDeniedReason())
{
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("paneScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Not a Tab stop of its own: it drew no focus, so the first Tab after the tree went nowhere
    // visible. Tabbing to a control inside scrolls it into view instead.
    scroll->setFocusPolicy(Qt::NoFocus);

    auto* inner = new QWidget(scroll);
    inner->setObjectName(QStringLiteral("paneContent"));
    m_content = new QVBoxLayout(inner);
    m_content->setContentsMargins(18, 16, 18, 16);
    m_content->setSpacing(12);
    scroll->setWidget(inner);

    m_readOnly->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnly->label()->setObjectName(QStringLiteral("readOnlyLabel"));
    m_readOnly->setTone(Tone::Info);
    m_readOnly->setText(readOnlyNotice());
    m_readOnly->setAccessibleName(readOnlyNotice());
    // Short on the pane (it stays on screen); how to fix it on demand.
    m_readOnly->label()->setToolTip(
        tr("Give the token write_clusters on buildkite.com (Personal Settings → API Access "
           "Tokens) and enter it again to make changes."));
    m_readOnly->hide();

    // Above the scroll area: it stays in view however far the pane is scrolled.
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    outer->addWidget(m_readOnly);
    outer->addWidget(scroll);

    m_clock->setInterval(60 * 1000);
    connect(m_clock, &QTimer::timeout, this, [this] { refreshTimes(); });

    m_freshness->setObjectName(QStringLiteral("freshnessLabel"));
    m_freshness->setTextFormat(Qt::PlainText);
    setMuted(m_freshness, true);
    m_freshness->hide();
    // Seconds count in the first minute ("Checked 40 s ago").
    m_freshnessClock->setInterval(5000);
    connect(m_freshnessClock, &QTimer::timeout, this, &DetailPane::updateFreshness);
}

void DetailPane::setCheckedAt(const QDateTime& when)
{
    m_checkedAt = when;
    updateFreshness();
}

void DetailPane::updateFreshness()
{
    m_freshness->setText(RowText::checkedText(m_checkedAt, QDateTime::currentDateTimeUtc()));
    m_freshness->setToolTip(m_checkedAt.isValid()
            ? tr("Last checked with Buildkite: %1")
                  .arg(QLocale().toString(m_checkedAt.toLocalTime(), QLocale::LongFormat))
            : QString());
    // Shown once a pane has placed it in its layout.
    m_freshness->setVisible(m_freshness->parentWidget() != this);
}

QString DetailPane::defaultWriteDeniedReason()
{
    return tr("Your API token doesn't have the write_clusters scope");
}

void DetailPane::setWriteAllowed(bool allowed, const QString& reasonIfNot)
{
    m_writeAllowed = allowed;
    m_writeDeniedReason = reasonIfNot.isEmpty() ? defaultWriteDeniedReason() : reasonIfNot;
    m_readOnly->setVisible(!allowed && m_writeDeniedReason == defaultWriteDeniedReason());
    updateWriteControls();
    Q_EMIT writeAllowedChanged(allowed);
}

QString DetailPane::readOnlyNotice()
{
    return tr("Read-only: your API token doesn't have the write_clusters scope, so changes are "
              "off.");
}

bool DetailPane::isReadOnlyNoticeShown() const { return !m_readOnly->isHidden(); }

void DetailPane::setBusy(bool busy)
{
    m_busy = busy;
    updateWriteControls();
}

QFormLayout* DetailPane::addSection(const QString& heading)
{
    auto* title = new QLabel(heading, m_content->parentWidget());
    title->setFont(scaledFont(title->font(), 1.0, true));
    title->setAccessibleName(heading);
    m_content->addSpacing(4);
    m_content->addWidget(title);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(6);
    m_content->addLayout(form);
    m_forms.append(form);
    return form;
}

void DetailPane::alignSections()
{
    QList<QWidget*> labels;
    int widest = 0;
    for (QFormLayout* form : std::as_const(m_forms)) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole);
            if (item && item->widget()) {
                labels.append(item->widget());
                widest = qMax(widest, item->widget()->sizeHint().width());
            }
        }
    }
    for (QWidget* label : std::as_const(labels)) {
        label->setMinimumWidth(widest);
        // The text at the top of its row too, not only the widget: a label given the height of
        // a two-line value (Maintainers) otherwise centred its word between the value's lines.
        if (auto* text = qobject_cast<QLabel*>(label))
            text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    }
}

QHBoxLayout* DetailPane::addActionRow()
{
    auto* row = new QHBoxLayout;
    row->setSpacing(6);
    m_content->addLayout(row);
    return row;
}

QPushButton* DetailPane::makeButton(const QString& objectName, const QString& text,
    const QString& accessibleName, const QString& iconPath)
{
    auto* button = new QPushButton(text, m_content->parentWidget());
    button->setObjectName(objectName);
    button->setAccessibleName(accessibleName);
    button->setAutoDefault(false);
    if (!iconPath.isEmpty())
        button->setIcon(QIcon(iconPath));
    return button;
}

void DetailPane::registerWriteControl(QWidget* control, std::function<bool()> ready)
{
    m_writeControls.append({ control, std::move(ready), control->toolTip() });
    updateWriteControls();
}

void DetailPane::updateWriteControls()
{
    for (const WriteControl& c : std::as_const(m_writeControls)) {
        const bool ready = !c.ready || c.ready();
        c.widget->setEnabled(m_writeAllowed && !m_busy && ready);
        c.widget->setToolTip(m_writeAllowed ? c.toolTip : m_writeDeniedReason);
    }
}

void DetailPane::bindDeleteKey(QAbstractButton* button)
{
    auto* shortcut = new QShortcut(QKeySequence::Delete, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, button, [button] {
        if (button->isEnabled() && button->isVisible())
            button->click();
    });
}

bool DetailPane::isWebUrl(const QString& url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    return parsed.isValid() && !parsed.host().isEmpty()
        && (parsed.scheme() == QLatin1String("https") || parsed.scheme() == QLatin1String("http"));
}

bool DetailPane::openWebUrl(const QString& url)
{
    if (!isWebUrl(url))
        return false;
    return QDesktopServices::openUrl(QUrl(url, QUrl::StrictMode));
}

QLabel* DetailPane::makeValueLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

void DetailPane::setMuted(QLabel* label, bool muted)
{
    label->setForegroundRole(muted ? QPalette::PlaceholderText : QPalette::WindowText);
}

QFont DetailPane::scaledFont(const QFont& base, qreal factor, bool bold)
{
    QFont f = base;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * factor);
    else
        f.setPixelSize(int(f.pixelSize() * factor));
    f.setBold(bold);
    return f;
}

void DetailPane::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refreshTimes();
    updateFreshness();
    m_clock->start();
    m_freshnessClock->start();
}

void DetailPane::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_clock->stop();
    m_freshnessClock->stop();
}
