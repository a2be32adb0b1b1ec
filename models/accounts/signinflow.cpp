// SPDX-License-Identifier: MIT
#include "signinflow.h"

#include "accountmanager.h"
#include "api/apiclient.h"

#include <QRegularExpression>

SignInFlow::SignInFlow(AccountManager* manager, QObject* parent)
    : QObject(parent)
    , m_manager(manager)
{
}

SignInFlow::~SignInFlow() = default;

void SignInFlow::setExistingAccount(const Account& account) { m_existing = account; }

QString SignInFlow::organizationFromText(const QString& text)
{
    QString slug = text.trimmed();
    // People paste the address of their organisation's page.
    static const QRegularExpression pageUrl(
        QStringLiteral("^(?:https?://)?(?:www\\.)?buildkite\\.com/(?:organizations/)?([^/?#]+)"),
        QRegularExpression::CaseInsensitiveOption);
    if (const QRegularExpressionMatch m = pageUrl.match(slug); m.hasMatch())
        slug = m.captured(1);
    return slug.toLower();
}

bool SignInFlow::isValidOrganization(const QString& slug)
{
    static const QRegularExpression valid(QStringLiteral("^[a-z0-9][a-z0-9_-]*$"));
    return valid.match(slug).hasMatch();
}

QUrl SignInFlow::apiUrlFromText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Account::defaultApiUrl();
    const QString withScheme
        = trimmed.contains(QLatin1String("://")) ? trimmed : QStringLiteral("https://") + trimmed;
    return QUrl(withScheme, QUrl::StrictMode)
        .adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

void SignInFlow::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    Q_EMIT stepChanged(step);
}

void SignInFlow::setError(const QString& text, Field field)
{
    if (m_errorText == text && m_errorField == field)
        return;
    m_errorText = text;
    m_errorField = field;
    Q_EMIT errorChanged(text, field);
}

void SignInFlow::inputChanged()
{
    if (m_step == Step::Checking || m_step == Step::Saving || m_step == Step::Done)
        return;
    m_check = {};
    m_keychainMessage.clear();
    // The message was about the input as it was; once it changes, the message no longer holds.
    setError({}, Field::None);
    setStep(Step::Editing);
}

void SignInFlow::check(const Input& input)
{
    if (m_step == Step::Checking || m_step == Step::Saving || m_step == Step::Done)
        return;
    m_input = input;
    m_input.token = input.token.trimmed();
    m_check = {};
    m_keychainMessage.clear();
    m_pending.reset();

    if (m_existing) {
        m_input.organization = m_existing->organization;
        m_apiUrl = m_existing->apiUrl;
    } else {
        m_input.organization = organizationFromText(input.organization);
        if (m_input.organization.isEmpty()) {
            setError(tr("Enter the organisation slug, the part after buildkite.com/ in its "
                        "address."),
                Field::Organization);
            setStep(Step::Editing);
            return;
        }
        if (!isValidOrganization(m_input.organization)) {
            setError(tr("\"%1\" is not an organisation slug: use lower-case letters, digits and "
                        "dashes, as in buildkite.com/my-org.")
                         .arg(m_input.organization),
                Field::Organization);
            setStep(Step::Editing);
            return;
        }
        m_apiUrl = apiUrlFromText(input.apiUrl);
        if (const ApiError error = ApiClient::checkBaseUrl(m_apiUrl)) {
            setError(error.message(), Field::ApiUrl);
            setStep(Step::Editing);
            return;
        }
    }
    if (m_input.token.isEmpty()) {
        setError(tr("Paste an API access token. Create one under Personal Settings → API Access "
                    "Tokens on buildkite.com."),
            Field::Token);
        setStep(Step::Editing);
        return;
    }
    if (m_input.token.contains(QRegularExpression(QStringLiteral("\\s")))) {
        setError(tr("The token contains spaces or line breaks: paste it again, on its own."),
            Field::Token);
        setStep(Step::Editing);
        return;
    }

    setError({}, Field::None);
    setStep(Step::Checking);
    m_manager->checkToken(m_apiUrl, m_input.token, this, [this](const Result<AccessToken>& result) {
        if (!result) {
            const ApiError error = result.error();
            switch (error.kind()) {
            case ApiError::Kind::Unauthorized:
                // Buildkite's own text ("Authentication required...") does not say what to do.
                setError(tr("This token was not accepted (401): it is mistyped or incomplete, "
                            "was revoked, or has expired. Paste it again, or create a new one. "
                            "Buildkite said: %1")
                             .arg(error.message()),
                    Field::Token);
                break;
            case ApiError::Kind::Forbidden:
                setError(tr("Buildkite knows this token but refused it (403): it may not belong "
                            "to this organisation, or may not be allowed from this network (an "
                            "IP allowlist). Buildkite said: %1")
                             .arg(error.message()),
                    Field::Token);
                break;
            case ApiError::Kind::InsecureUrl:
                setError(error.message(), Field::ApiUrl);
                break;
            case ApiError::Kind::Network:
            case ApiError::Kind::Timeout:
            case ApiError::Kind::Tls:
                setError(
                    tr("Could not reach %1: %2").arg(m_apiUrl.toDisplayString(), error.toString()),
                    m_existing ? Field::None : Field::ApiUrl);
                break;
            default:
                setError(error.toString(), Field::None);
                break;
            }
            setStep(Step::Editing);
            return;
        }
        m_check = TokenCheck::of(result.value());
        setStep(Step::Checked);
    });
}

void SignInFlow::save()
{
    if (m_step != Step::Checked)
        return;
    store(false);
}

void SignInFlow::useSessionOnly()
{
    if (m_step != Step::KeychainUnavailable)
        return;
    store(true);
}

void SignInFlow::store(bool sessionOnly)
{
    setError({}, Field::None);
    setStep(Step::Saving);
    const auto persistence = sessionOnly ? AccountManager::Persistence::SessionOnly
                                         : AccountManager::Persistence::Saved;
    auto done
        = [this, sessionOnly](const SecretStore::Error& error) { onStored(error, sessionOnly); };
    if (m_existing) {
        m_manager->replaceToken(
            m_existing->id, m_input.token, m_check.token, persistence, this, done);
        return;
    }
    if (!m_pending)
        m_pending = Account::create(m_input.name, m_input.organization, m_apiUrl);
    m_manager->addAccount(*m_pending, m_input.token, m_check.token, persistence, this, done);
}

void SignInFlow::onStored(const SecretStore::Error& error, bool sessionOnly)
{
    if (!error) {
        const QString id = m_existing ? m_existing->id : m_pending->id;
        m_account = m_manager->store()->account(id);
        m_input.token.clear(); // the keychain (or the session store) has it now
        setStep(Step::Done);
        if (m_account)
            Q_EMIT finished(*m_account);
        return;
    }
    if (error.kind == SecretStore::ErrorKind::NoKeychain && !sessionOnly) {
        m_keychainMessage = SecretStore::describe(error);
        setStep(Step::KeychainUnavailable);
        return;
    }
    setError(SecretStore::describe(error), Field::None);
    setStep(Step::Checked);
}
