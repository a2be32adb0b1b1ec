// SPDX-License-Identifier: MIT
#include "welcomepage.h"

#include "panes/banner.h"

#include <QCommandLinkButton>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
    , m_connect(new QCommandLinkButton(this))
    , m_sandbox(new QCommandLinkButton(this))
    , m_message(new Banner(this))
{
    setObjectName(QStringLiteral("welcomePage"));

    auto* title = new QLabel(tr("Welcome to Kitedeck"), this);
    title->setObjectName(QStringLiteral("welcomeTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto* subtitle = new QLabel(
        tr("Manage the clusters, queues and agent tokens of your Buildkite organisation."), this);
    subtitle->setObjectName(QStringLiteral("welcomeSubtitle"));
    subtitle->setWordWrap(true);

    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setText(tr("Connect to Buildkite"));
    m_connect->setDescription(tr("Sign in to your organisation with an API access token. "
                                 "The token is kept in the system keychain."));
    m_connect->setDefault(true);
    // The app's flat icons, not the command link's green arrow (the style's own, out of place).
    m_connect->setIcon(QIcon(QStringLiteral(":/icons/account.svg")));

    m_sandbox->setObjectName(QStringLiteral("sandboxButton"));
    m_sandbox->setText(tr("Explore the sandbox organisation"));
    m_sandbox->setDescription(tr("Try Kitedeck on a demo organisation that runs on this computer. "
                                 "Nothing is sent to Buildkite."));
    m_sandbox->setIcon(QIcon(QStringLiteral(":/icons/cluster.svg")));

    m_message->setObjectName(QStringLiteral("messageBanner"));
    m_message->label()->setObjectName(QStringLiteral("messageLabel"));
    m_message->setVisible(false);

    connect(m_connect, &QCommandLinkButton::clicked, this, &WelcomePage::connectRequested);
    connect(m_sandbox, &QCommandLinkButton::clicked, this, &WelcomePage::exploreSandboxRequested);

    // A narrow centred column: long lines on a wide window are hard to read.
    auto* column = new QWidget(this);
    column->setMaximumWidth(560);
    auto* columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(12);
    columnLayout->addWidget(title);
    columnLayout->addWidget(subtitle);
    columnLayout->addSpacing(12);
    columnLayout->addWidget(m_connect);
    columnLayout->addWidget(m_sandbox);
    columnLayout->addWidget(m_message);

    // Centred by stretches, not by alignment: an aligned widget gets only its size hint's
    // width, and the command link buttons then cut their descriptions short.
    column->setMinimumWidth(420);
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 24);
    outer->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
    setFocusProxy(m_connect);
}

void WelcomePage::showMessage(const QString& text, Tone tone)
{
    m_message->setTone(tone);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString WelcomePage::message() const
{
    return m_message->isVisibleTo(this) ? m_message->text() : QString();
}
