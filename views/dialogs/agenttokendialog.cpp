// SPDX-License-Identifier: MIT
#include "agenttokendialog.h"

#include "clustertitle.h"
#include "format.h"
#include "ipallowlist.h"
#include "panes/hintlabel.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeZone>
#include <QTimer>

AgentTokenDialog::AgentTokenDialog(const Cluster& cluster, QWidget* parent)
    : FormDialog(parent)
{
    setObjectName(QStringLiteral("agentTokenDialog"));
    setWindowTitle(tr("New Agent Token"));
    build(cluster);
    okButton()->setText(tr("Create Token"));
    setBusyText(tr("Creating the token…"));

    auto* expiryRow = new QHBoxLayout;
    m_expires = new QCheckBox(tr("E&xpires on"), this);
    m_expires->setObjectName(QStringLiteral("expiryCheck"));
    m_expiry = new QDateTimeEdit(this);
    m_expiry->setObjectName(QStringLiteral("expiryEdit"));
    m_expiry->setAccessibleName(tr("Expiry date and time"));
    m_expiry->setCalendarPopup(true);
    m_expiry->setTimeSpec(Qt::LocalTime);
    m_expiry->setDisplayFormat(QStringLiteral("d MMM yyyy HH:mm"));
    // A month ahead on the hour: a sensible default that is never within the 10-minute limit.
    QDateTime proposal = QDateTime::currentDateTime().addDays(30);
    proposal.setTime(QTime(proposal.time().hour(), 0));
    m_expiry->setDateTime(proposal);
    m_expiry->setEnabled(false);
    auto* zone = new QLabel(
        QTimeZone::systemTimeZone().displayName(QDateTime::currentDateTime(), QTimeZone::ShortName),
        this);
    zone->setToolTip(tr("Local time"));
    zone->setForegroundRole(QPalette::PlaceholderText);
    expiryRow->addWidget(m_expires);
    expiryRow->addWidget(m_expiry, 1);
    expiryRow->addWidget(zone);
    form()->addRow(tr("Expiry:"), expiryRow);
    m_expiryHint = addHint(QStringLiteral("expiryHint"));

    connect(m_expires, &QCheckBox::toggled, this, [this](bool on) {
        m_expiry->setEnabled(on);
        revalidate();
    });
    connect(m_expiry, &QDateTimeEdit::dateTimeChanged, this, [this] { revalidate(); });
    // Time passes while the dialog is open: an expiry that was 11 minutes ahead becomes too near.
    m_recheck = new QTimer(this);
    m_recheck->setInterval(15 * 1000);
    connect(m_recheck, &QTimer::timeout, this, [this] {
        if (!isBusy())
            revalidate();
    });
    m_recheck->start();
    revalidate();
}

AgentTokenDialog::AgentTokenDialog(const AgentToken& token, const Cluster& cluster, QWidget* parent)
    : FormDialog(parent)
    , m_edit(true)
    , m_original(token)
{
    setObjectName(QStringLiteral("agentTokenDialog"));
    setWindowTitle(tr("Edit Agent Token"));
    build(cluster);
    okButton()->setText(tr("Save"));
    setBusyText(tr("Saving the token…"));
    m_description->setText(token.description);
    m_allowlist->setPlainText(token.allowedIpList().join(QLatin1Char('\n')));

    m_allowlistWarning = addHint(QStringLiteral("allowlistWarning"));
    auto* expiry = new QLabel(this);
    expiry->setObjectName(QStringLiteral("expiryLabel"));
    expiry->setText(token.neverExpires()
            ? tr("Never expires (an expiry can only be set when a token is created)")
            : tr("%1 (cannot be changed)").arg(Format::dateTimeWithRelative(token.expiresAt)));
    expiry->setWordWrap(true);
    form()->addRow(tr("Expiry:"), expiry);
    revalidate();
}

void AgentTokenDialog::build(const Cluster& cluster)
{
    auto* clusterLabel = new QLabel(this);
    clusterLabel->setObjectName(QStringLiteral("clusterLabel"));
    clusterLabel->setTextFormat(Qt::PlainText);
    clusterLabel->setWordWrap(true);
    clusterLabel->setText(clusterTitle(cluster));
    form()->addRow(tr("Cluster:"), clusterLabel);

    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setPlaceholderText(tr("e.g. macOS build fleet, Terraform"));
    m_description->setAccessibleName(tr("Description"));
    form()->addRow(tr("&Description:"), m_description);
    m_descriptionHint = addHint(QStringLiteral("descriptionHint"));

    m_allowlist = new QPlainTextEdit(this);
    m_allowlist->setObjectName(QStringLiteral("allowlistEdit"));
    m_allowlist->setAccessibleName(tr("Allowed IP addresses"));
    m_allowlist->setPlaceholderText(tr(
        "One IPv4 address or CIDR per line, e.g. 192.0.2.0/24\nLeave empty to allow any address"));
    m_allowlist->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_allowlist->setTabChangesFocus(true);
    m_allowlist->setFixedHeight(QFontMetrics(m_allowlist->font()).lineSpacing() * 5 + 12);
    form()->addRow(tr("Allowed &IPs:"), m_allowlist);
    m_allowlistHint = addHint(QStringLiteral("allowlistHint"));

    connect(m_description, &QLineEdit::textChanged, this, [this] { revalidate(); });
    connect(m_allowlist, &QPlainTextEdit::textChanged, this, [this] { revalidate(); });
}

QDateTime AgentTokenDialog::chosenExpiry() const
{
    if (!m_expires || !m_expires->isChecked())
        return {};
    return m_expiry->dateTime().toUTC();
}

bool AgentTokenDialog::validate()
{
    bool ok = true;
    if (m_description->text().trimmed().isEmpty()) {
        m_descriptionHint->showHint(m_description->isModified() || m_edit
                ? tr("Describe the token so it can be found and revoked later.")
                : QString());
        ok = false;
    } else {
        m_descriptionHint->showHint({});
    }

    const IpAllowlist::Parsed ips = IpAllowlist::parse(m_allowlist->toPlainText());
    if (!ips.isValid()) {
        m_allowlistHint->showHint(ips.error);
        ok = false;
    } else if (!ips.entries.isEmpty()) {
        m_allowlistHint->showHint(ips.entries.size() == 1 ? tr("1 address range")
                                                          : tr("%1 address ranges (at most %2)")
                                                                .arg(ips.entries.size())
                                                                .arg(IpAllowlist::maximumEntries),
            Tone::Neutral);
    } else {
        m_allowlistHint->showHint(tr("Any address may use this token."), Tone::Neutral);
    }

    if (m_allowlistWarning) {
        const bool changed
            = ips.isValid() && !IpAllowlist::sameEntries(ips.entries, m_original.allowedIpList());
        m_allowlistWarning->showHint(changed
                ? tr("Agents connected from addresses outside the new allowlist are disconnected "
                     "when you save.")
                : QString(),
            Tone::Warning);
    }

    if (m_expires && m_expires->isChecked()) {
        const QDateTime now = m_now ? m_now() : QDateTime::currentDateTimeUtc();
        const QDateTime earliest = now.addSecs(minimumLeadSeconds);
        if (chosenExpiry() < earliest) {
            m_expiryHint->showHint(tr("The expiry must be at least 10 minutes from now."));
            ok = false;
        } else {
            m_expiryHint->showHint(tr("The token stops working %1. This cannot be changed later.")
                                       .arg(Format::relative(chosenExpiry())),
                Tone::Neutral);
        }
    } else if (m_expiryHint) {
        m_expiryHint->showHint(tr("Never expires. Expiry cannot be added later."), Tone::Neutral);
    }

    if (ok && m_edit) {
        const AgentTokenInput in = input();
        ok = in.description != m_original.description.trimmed() || in.allowedIpAddresses;
    }
    return ok;
}

AgentTokenInput AgentTokenDialog::input() const
{
    AgentTokenInput in;
    in.description = m_description->text().trimmed();
    const IpAllowlist::Parsed ips = IpAllowlist::parse(m_allowlist->toPlainText());
    if (!m_edit) {
        if (!ips.entries.isEmpty())
            in.allowedIpAddresses = ips.joined();
        in.expiresAt = chosenExpiry();
    } else if (!IpAllowlist::sameEntries(ips.entries, m_original.allowedIpList())) {
        // An empty string clears the allowlist.
        in.allowedIpAddresses = ips.joined();
    }
    return in;
}

void AgentTokenDialog::submit() { Q_EMIT submitted(input()); }
