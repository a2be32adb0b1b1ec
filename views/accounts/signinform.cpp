// SPDX-License-Identifier: MIT
#include "signinform.h"

#include "accounts/accountmanager.h"
#include "accountsui.h"
#include "format.h"
#include "panes/banner.h"
#include "panes/busyrow.h"
#include "panes/hintlabel.h"

#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
QLabel* valueLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// Help under a field, neutral like the dialogs' hints. Not word-wrapped: QFormLayout reserves
// the height of a wrapped label at a narrower width than it gets, leaving a gap under it; the
// texts carry their own line breaks instead.
HintLabel* fieldHint(const QString& objectName, const QString& text, QWidget* parent)
{
    auto* hint = new HintLabel(parent);
    hint->setObjectName(objectName);
    hint->setWordWrap(false);
    hint->showHint(text, Tone::Neutral);
    return hint;
}

// A Banner whose label tests and screen readers find by name.
Banner* messageBanner(
    const QString& objectName, const QString& labelObjectName, Tone tone, QWidget* parent)
{
    auto* banner = new Banner(parent);
    banner->setObjectName(objectName);
    banner->label()->setObjectName(labelObjectName);
    banner->setTone(tone);
    banner->setVisible(false);
    return banner;
}
} // namespace

SignInForm::SignInForm(AccountManager* manager, QWidget* parent)
    : QWidget(parent)
    , m_flow(new SignInFlow(manager, this))
    , m_fields(new QFormLayout)
    , m_organization(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_revealToken(new QToolButton(this))
    , m_tokenHint(nullptr)
    , m_name(new QLineEdit(this))
    , m_apiUrl(new QLineEdit(this))
    , m_apiUrlHint(nullptr)
    , m_error(messageBanner(
          QStringLiteral("errorBanner"), QStringLiteral("errorLabel"), Tone::Danger, this))
    , m_busy(new BusyRow(this))
    , m_summary(new QFrame(this))
    , m_description(valueLabel(m_summary, QStringLiteral("tokenDescription")))
    , m_owner(valueLabel(m_summary, QStringLiteral("tokenOwner")))
    , m_scopes(valueLabel(m_summary, QStringLiteral("tokenScopes")))
    , m_expiry(new HintLabel(m_summary))
    , m_missing(messageBanner(QStringLiteral("missingScopesBanner"),
          QStringLiteral("missingScopesLabel"), Tone::Warning, this))
    , m_keychainBox(new QFrame(this))
    , m_keychainMessage(messageBanner(QStringLiteral("keychainBanner"),
          QStringLiteral("keychainMessage"), Tone::Warning, m_keychainBox))
    , m_sessionOnly(new QPushButton(tr("Use for This Session Only"), m_keychainBox))
{
    setObjectName(QStringLiteral("signInForm"));

    m_organization->setObjectName(QStringLiteral("organizationEdit"));
    m_organization->setPlaceholderText(tr("my-org, as in buildkite.com/my-org"));
    m_organization->setAccessibleName(tr("Organisation slug"));

    m_token->setObjectName(QStringLiteral("tokenEdit"));
    m_token->setEchoMode(QLineEdit::Password);
    // Keep the token away from input-method history and prediction.
    m_token->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText
        | Qt::ImhNoAutoUppercase | Qt::ImhHiddenText);
    m_token->setPlaceholderText(tr("bkua_…"));
    m_token->setAccessibleName(tr("API access token"));
    m_revealToken->setObjectName(QStringLiteral("revealTokenButton"));
    m_revealToken->setText(tr("Show"));
    m_revealToken->setCheckable(true);
    m_revealToken->setToolTip(tr("Show or hide the token"));
    connect(m_revealToken, &QToolButton::toggled, this, [this](bool shown) {
        m_token->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_revealToken->setText(shown ? tr("Hide") : tr("Show"));
    });
    auto* tokenRow = new QHBoxLayout;
    tokenRow->setContentsMargins(0, 0, 0, 0);
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_revealToken);

    m_tokenHint = fieldHint(QStringLiteral("tokenHint"),
        tr("Create one on buildkite.com under Personal Settings → API Access Tokens.\n"
           "Give it read_clusters to browse, and write_clusters to make changes."),
        this);

    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("Optional: the organisation slug"));
    m_name->setAccessibleName(tr("Account name"));

    m_apiUrl->setObjectName(QStringLiteral("apiUrlEdit"));
    m_apiUrl->setPlaceholderText(Account::defaultApiUrl().toString());
    m_apiUrl->setAccessibleName(tr("API URL"));
    m_apiUrl->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_apiUrlHint = fieldHint(
        QStringLiteral("apiUrlHint"), tr("Change only for a proxy or another API endpoint."), this);

    m_fields->setContentsMargins(0, 0, 0, 0);
    // Hints and messages are labels: they must take the field column's whole width too.
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fields->addRow(tr("&Organisation:"), m_organization);
    // A row holding a layout gets no buddy by itself, and the mnemonic would show as "&".
    auto* tokenLabel = new QLabel(tr("API &token:"), this);
    tokenLabel->setBuddy(m_token);
    m_fields->addRow(tokenLabel, tokenRow);
    m_fields->addRow(QString(), m_tokenHint);
    m_fields->addRow(tr("Account &name:"), m_name);
    m_fields->addRow(tr("API &URL:"), m_apiUrl);
    m_fields->addRow(QString(), m_apiUrlHint);

    m_busy->setObjectName(QStringLiteral("busyRow"));

    // What the check found.
    m_summary->setObjectName(QStringLiteral("tokenSummary"));
    m_summary->setFrameShape(QFrame::StyledPanel);
    auto* summaryTitle = new QLabel(tr("Token checked"), m_summary);
    QFont bold = summaryTitle->font();
    bold.setBold(true);
    summaryTitle->setFont(bold);
    auto* summaryForm = new QFormLayout;
    summaryForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    summaryForm->addRow(tr("Description:"), m_description);
    summaryForm->addRow(tr("Owner:"), m_owner);
    summaryForm->addRow(tr("Scopes:"), m_scopes);
    summaryForm->addRow(tr("Expiry:"), m_expiry);
    // Tinted by TokenCheck::Expiry (showSummary); selectable like the other values.
    m_expiry->setObjectName(QStringLiteral("tokenExpiry"));
    m_expiry->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* summaryLayout = new QVBoxLayout(m_summary);
    summaryLayout->addWidget(summaryTitle);
    summaryLayout->addLayout(summaryForm);
    m_summary->setVisible(false);

    // No keychain: say so, and offer to keep the token in memory for now right under the
    // explanation. Below it rather than beside it, as a Banner's trailing button would be: the
    // explanation is long and would be squeezed into a narrow column.
    m_keychainBox->setObjectName(QStringLiteral("keychainBox"));
    m_keychainMessage->setVisible(true); // the box around it shows and hides the two together
    m_sessionOnly->setObjectName(QStringLiteral("sessionOnlyButton"));
    connect(m_sessionOnly, &QPushButton::clicked, m_flow, &SignInFlow::useSessionOnly);
    auto* keychainLayout = new QVBoxLayout(m_keychainBox);
    keychainLayout->setContentsMargins(0, 0, 0, 0);
    keychainLayout->addWidget(m_keychainMessage);
    keychainLayout->addWidget(m_sessionOnly, 0, Qt::AlignLeft);
    m_keychainBox->setVisible(false);

    // The error under the fields it is about; what the check found, and what it means, below;
    // the busy row last, just above the dialog's buttons, as in every FormDialog.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_fields);
    layout->addWidget(m_error);
    layout->addWidget(m_summary);
    layout->addWidget(m_missing);
    layout->addWidget(m_keychainBox);
    layout->addStretch(1);
    layout->addWidget(m_busy);

    for (QLineEdit* edit : { m_organization, m_token, m_name, m_apiUrl })
        connect(edit, &QLineEdit::textEdited, this, &SignInForm::onEdited);
    connect(m_flow, &SignInFlow::stepChanged, this, &SignInForm::onStepChanged);
    connect(m_flow, &SignInFlow::errorChanged, this, &SignInForm::onErrorChanged);
    connect(m_flow, &SignInFlow::finished, this, &SignInForm::finished);

    setFocusProxy(m_organization);
}

SignInForm::~SignInForm() = default;

void SignInForm::setExistingAccount(const Account& account)
{
    m_flow->setExistingAccount(account);
    // Only the token changes: the organisation, name and URL stay the account's.
    for (QWidget* field : { static_cast<QWidget*>(m_organization), static_cast<QWidget*>(m_name),
             static_cast<QWidget*>(m_apiUrl) })
        m_fields->setRowVisible(field, false);
    m_fields->setRowVisible(m_apiUrlHint, false);
    m_organization->setText(account.organization);
    setFocusProxy(m_token);
    Q_EMIT submitStateChanged();
}

SignInFlow::Input SignInForm::input() const
{
    return { m_name->text(), m_organization->text(), m_token->text(), m_apiUrl->text() };
}

void SignInForm::submit()
{
    if (m_flow->step() == SignInFlow::Step::Checked)
        m_flow->save();
    else if (m_flow->step() == SignInFlow::Step::Editing)
        m_flow->check(input());
}

QString SignInForm::submitText() const
{
    switch (m_flow->step()) {
    case SignInFlow::Step::Editing:
    case SignInFlow::Step::Checking:
        return tr("Check Token");
    case SignInFlow::Step::Checked:
    case SignInFlow::Step::Saving:
    case SignInFlow::Step::KeychainUnavailable:
    case SignInFlow::Step::Done:
        break;
    }
    return m_flow->existingAccount() ? tr("Save Token") : tr("Connect");
}

bool SignInForm::canSubmit() const
{
    return m_flow->step() == SignInFlow::Step::Editing
        || m_flow->step() == SignInFlow::Step::Checked;
}

bool SignInForm::isBusy() const
{
    return m_flow->step() == SignInFlow::Step::Checking
        || m_flow->step() == SignInFlow::Step::Saving;
}

bool SignInForm::canCancel() const { return m_flow->step() != SignInFlow::Step::Saving; }

void SignInForm::onEdited() { m_flow->inputChanged(); }

void SignInForm::onStepChanged(SignInFlow::Step step)
{
    const bool busy = step == SignInFlow::Step::Checking || step == SignInFlow::Step::Saving;
    for (QWidget* w : { static_cast<QWidget*>(m_organization), static_cast<QWidget*>(m_token),
             static_cast<QWidget*>(m_name), static_cast<QWidget*>(m_apiUrl) })
        w->setEnabled(!busy && step != SignInFlow::Step::Done);

    if (step == SignInFlow::Step::Editing && !m_flow->errorText().isEmpty())
        focusField(m_flow->errorField());

    m_busy->setVisible(busy);
    if (step == SignInFlow::Step::Checking)
        m_busy->setText(tr("Checking the token with %1…")
                            .arg(m_flow->existingAccount()
                                    ? m_flow->existingAccount()->apiUrl.host()
                                    : SignInFlow::apiUrlFromText(m_apiUrl->text()).host()));
    else if (step == SignInFlow::Step::Saving)
        m_busy->setText(tr("Saving the token in the keychain…"));

    const bool checked = step == SignInFlow::Step::Checked || step == SignInFlow::Step::Saving
        || step == SignInFlow::Step::KeychainUnavailable || step == SignInFlow::Step::Done;
    if (checked)
        showSummary(m_flow->tokenCheck());
    m_summary->setVisible(checked);
    m_missing->setVisible(checked && !m_flow->tokenCheck().isComplete());

    m_keychainBox->setVisible(step == SignInFlow::Step::KeychainUnavailable);
    if (step == SignInFlow::Step::KeychainUnavailable) {
        m_keychainMessage->setText(
            tr("%1.\n\nKitedeck keeps tokens only in the system keychain, never in a file. You can "
               "use this token for this session only: it stays in memory and is forgotten when "
               "Kitedeck quits.")
                .arg(m_flow->keychainMessage()));
        m_sessionOnly->setFocus();
    }

    Q_EMIT submitStateChanged();
}

void SignInForm::onErrorChanged(const QString& text, SignInFlow::Field field)
{
    m_error->setText(text);
    m_error->setAccessibleName(text.isEmpty() ? QString() : tr("Error: %1").arg(text));
    m_error->setVisible(!text.isEmpty());
    if (!text.isEmpty())
        focusField(field);
}

void SignInForm::focusField(SignInFlow::Field field)
{
    // Point at the input the error is about; what was typed stays there.
    QLineEdit* target = nullptr;
    switch (field) {
    case SignInFlow::Field::Organization:
        target = m_organization;
        break;
    case SignInFlow::Field::Token:
        target = m_token;
        break;
    case SignInFlow::Field::ApiUrl:
        target = m_apiUrl;
        break;
    case SignInFlow::Field::None:
        break;
    }
    // While checking the fields are disabled; onStepChanged comes back here once they are not.
    if (target && target->isVisible() && target->isEnabled()) {
        target->setFocus();
        target->selectAll();
    }
}

void SignInForm::showSummary(const TokenCheck& check)
{
    const AccessToken& token = check.token;
    m_description->setText(
        token.description.isEmpty() ? tr("(no description)") : token.description);
    const QString owner = check.ownerText();
    m_owner->setText(owner.isEmpty() ? tr("(unknown)") : owner);
    m_scopes->setText(
        token.scopes.isEmpty() ? tr("(none)") : token.scopes.join(QStringLiteral(", ")));

    QString expiry;
    switch (check.expiry) {
    case TokenCheck::Expiry::Never:
        expiry = tr("Never expires");
        break;
    case TokenCheck::Expiry::Later:
        expiry = Format::dateTimeWithRelative(token.expiresAt);
        break;
    case TokenCheck::Expiry::Soon:
        expiry = tr("%1 — soon: create a new token before then")
                     .arg(Format::dateTimeWithRelative(token.expiresAt));
        break;
    case TokenCheck::Expiry::Expired:
        expiry = tr("%1 — expired").arg(Format::dateTimeWithRelative(token.expiresAt));
        break;
    }
    const Tone expiryTone = AccountsUi::expiryTone(check.expiry);
    m_expiry->showHint(expiry, expiryTone);
    m_expiry->setProperty("flagged", expiryTone != Tone::Neutral);

    // Without read_clusters nothing at all works: that is an error, not a warning.
    m_missing->setText(check.missingScopesText());
    m_missing->setTone(check.canRead() ? Tone::Warning : Tone::Danger);
}
