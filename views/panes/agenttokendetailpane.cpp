// SPDX-License-Identifier: MIT
#include "agenttokendetailpane.h"

#include "clustertitle.h"
#include "copyablefield.h"
#include "domain/tokenexpiry.h"
#include "format.h"
#include "statusbadge.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

AgentTokenDetailPane::AgentTokenDetailPane(QWidget* parent)
    : DetailPane(parent)
{
    setObjectName(QStringLiteral("agentTokenDetailPane"));
    QWidget* host = contentLayout()->parentWidget();

    auto* titleRow = new QHBoxLayout;
    titleRow->setSpacing(10);
    m_description = makeValueLabel(QStringLiteral("descriptionLabel"), host);
    m_description->setFont(scaledFont(m_description->font(), 1.6, true));
    m_expiryBadge = new StatusBadge(host);
    m_expiryBadge->setObjectName(QStringLiteral("expiryBadge"));
    titleRow->addWidget(m_description, 1);
    titleRow->addWidget(m_expiryBadge, 0, Qt::AlignTop);
    contentLayout()->addLayout(titleRow);
    m_clusterName = makeValueLabel(QStringLiteral("clusterLabel"), host);
    setMuted(m_clusterName, true);
    contentLayout()->addWidget(m_clusterName);
    contentLayout()->addWidget(freshnessLabel());

    QHBoxLayout* actions = addActionRow();
    m_edit = makeButton(QStringLiteral("editButton"), tr("Edit…"), tr("Edit agent token"),
        QStringLiteral(":/icons/edit.svg"));
    m_revoke = makeButton(QStringLiteral("revokeButton"), tr("Revoke…"), tr("Revoke agent token"),
        QStringLiteral(":/icons/delete.svg"));
    actions->addWidget(m_edit);
    actions->addWidget(m_revoke);
    actions->addStretch(1);

    QFormLayout* access = addSection(tr("Access"));
    m_expires = makeValueLabel(QStringLiteral("expiresLabel"), host);
    access->addRow(tr("Expiry"), m_expires);
    m_allowlist = makeValueLabel(QStringLiteral("allowlistLabel"), host);
    m_allowlist->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    access->addRow(tr("Allowed IP addresses"), m_allowlist);

    QFormLayout* about = addSection(tr("Details"));
    m_createdBy = makeValueLabel(QStringLiteral("createdByLabel"), host);
    about->addRow(tr("Created by"), m_createdBy);
    m_createdAt = makeValueLabel(QStringLiteral("createdAtLabel"), host);
    about->addRow(tr("Created"), m_createdAt);
    m_id = new CopyableField(QStringLiteral("id"), tr("token ID"), host);
    m_id->setMonospace(true);
    about->addRow(tr("ID"), m_id);
    m_graphqlId = new CopyableField(QStringLiteral("graphqlId"), tr("GraphQL ID"), host);
    m_graphqlId->setMonospace(true);
    about->addRow(tr("GraphQL ID"), m_graphqlId);
    m_apiUrl = new CopyableField(QStringLiteral("apiUrl"), tr("REST API URL"), host);
    about->addRow(tr("API URL"), m_apiUrl);
    contentLayout()->addStretch(1);
    alignSections();

    registerWriteControl(m_edit);
    registerWriteControl(m_revoke);
    bindDeleteKey(m_revoke);
    connect(m_edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_token); });
    connect(m_revoke, &QPushButton::clicked, this, [this] { Q_EMIT revokeRequested(m_token); });
}

AgentTokenDetailPane::ExpiryStatus AgentTokenDetailPane::expiryStatus(
    const AgentToken& token, const QDateTime& now)
{
    switch (TokenExpiry::classify(token.expiresAt, now)) {
    case TokenExpiry::State::Never:
        return { tr("Never expires"), Tone::Neutral };
    case TokenExpiry::State::Expired:
        return { tr("Expired"), Tone::Danger };
    case TokenExpiry::State::ExpiringSoon:
        return { tr("Expires %1").arg(Format::relative(token.expiresAt, now)), Tone::Warning };
    case TokenExpiry::State::Valid:
        break;
    }
    return {};
}

void AgentTokenDetailPane::setToken(const AgentToken& token, const Cluster& cluster)
{
    m_token = token;
    m_cluster = cluster;

    m_description->setText(token.description.isEmpty() ? tr("Untitled token") : token.description);
    m_clusterName->setText(tr("Agent token for %1").arg(clusterTitle(cluster)));

    const QStringList ips = token.allowedIpList();
    const bool any = ips.isEmpty() || ips.contains(QLatin1String("0.0.0.0/0"));
    m_allowlist->setText(any ? tr("Any address") : ips.join(QLatin1Char('\n')));
    m_allowlist->setToolTip(any && !ips.isEmpty()
            ? tr("0.0.0.0/0 is in the allowlist: agents may connect from anywhere")
            : QString());
    setMuted(m_allowlist, any);
    m_allowlist->setFont(any ? font() : QFontDatabase::systemFont(QFontDatabase::FixedFont));

    const QString by = token.createdBy.displayName();
    m_createdBy->setText(by.isEmpty() ? tr("Unknown") : by);
    setMuted(m_createdBy, by.isEmpty());
    m_id->setText(token.id);
    m_graphqlId->setText(token.graphqlId);
    m_apiUrl->setText(token.url);
    refreshTimes();
    updateWriteControls();
}

void AgentTokenDetailPane::refreshTimes()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_createdAt->setText(Format::dateTimeWithRelative(m_token.createdAt, now));
    if (m_token.neverExpires()) {
        m_expires->setText(tr("Never expires"));
        m_expires->setToolTip(tr("Expiry can only be set when a token is created"));
    } else {
        m_expires->setText(Format::dateTimeWithRelative(m_token.expiresAt, now));
        m_expires->setToolTip(m_token.expiresAt.toUTC().toString(Qt::ISODate));
    }
    const ExpiryStatus status = expiryStatus(m_token, now);
    m_expiryBadge->setStatus(status.badge, status.tone);
}
