// SPDX-License-Identifier: MIT
#include "messagepane.h"

#include "api/apierror.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

MessagePane::MessagePane(QWidget* parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry"), this))
{
    setObjectName(QStringLiteral("messagePane"));
    m_icon->setObjectName(QStringLiteral("messageIcon"));
    m_icon->setAlignment(Qt::AlignCenter);
    m_title->setObjectName(QStringLiteral("messageTitleLabel"));
    m_text->setObjectName(QStringLiteral("messageTextLabel"));
    m_detail->setObjectName(QStringLiteral("messageDetailLabel"));
    for (QLabel* label : { m_title, m_text, m_detail }) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_detail->setForegroundRole(QPalette::PlaceholderText);

    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleName(tr("Retry"));
    m_retry->setIcon(QIcon(QStringLiteral(":/icons/refresh.svg")));
    const QString refreshKey
        = QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText);
    m_retry->setToolTip(
        refreshKey.isEmpty() ? tr("Try again") : tr("Try again (%1)").arg(refreshKey));
    connect(m_retry, &QPushButton::clicked, this, &MessagePane::retryRequested);
    auto* refresh = new QShortcut(QKeySequence::Refresh, this);
    refresh->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QShortcut::activated, this, [this] {
        if (m_retry->isVisible())
            m_retry->click();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(10);
    layout->addStretch(1);
    layout->addWidget(m_icon);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addWidget(m_detail);
    layout->addWidget(m_retry, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    showMessage(
        tr("Nothing selected"), tr("Select an organisation, cluster, queue or agent token."));
}

void MessagePane::showMessage(const QString& title, const QString& text)
{
    m_icon->clear();
    m_icon->hide();
    m_title->setText(title);
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    m_detail->clear();
    m_detail->hide();
    m_retry->hide();
}

void MessagePane::showError(const QString& title, const ApiError& error, bool retryable)
{
    QString kind = error.kindName();
    if (!kind.isEmpty())
        kind[0] = kind[0].toUpper();
    showError(title, error.message().isEmpty() ? error.toString() : error.message(), retryable);
    QString detail;
    if (error.httpStatus() > 0)
        detail = tr("%1 error (HTTP %2)").arg(kind).arg(error.httpStatus());
    else if (!kind.isEmpty())
        detail = tr("%1 error").arg(kind);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
}

void MessagePane::showError(const QString& title, const QString& message, bool retryable)
{
    const int side = fontMetrics().height() * 3;
    m_icon->setPixmap(QIcon(QStringLiteral(":/icons/error.svg")).pixmap(side, side));
    m_icon->setVisible(!m_icon->pixmap().isNull());
    m_title->setText(title);
    m_text->setText(message);
    m_text->setVisible(!message.isEmpty());
    m_detail->clear();
    m_detail->hide();
    m_retry->setVisible(retryable);
}

QString MessagePane::title() const { return m_title->text(); }

QString MessagePane::text() const { return m_text->text(); }
