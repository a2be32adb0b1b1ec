// SPDX-License-Identifier: MIT
#include "appcontroller.h"

#include "accounts/accountmanager.h"
#include "accounts/accountstore.h"
#include "accounts/accountswitcher.h"
#include "accounts/reentertokendialog.h"
#include "accounts/signindialog.h"
#include "accounts/welcomepage.h"
#include "api/apiclient.h"
#include "applogging.h"
#include "dialogs/confirm.h"
#include "mainwindow/detailstack.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigationfilterproxy.h"
#include "mainwindow/navigationpanel.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "panes/organizationpane.h"
#include "sandboxserver.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

AppController::AppController(SecretStore* keychain, QObject* parent)
    : QObject(parent)
    , m_nam(std::make_unique<QNetworkAccessManager>())
    , m_client(new ApiClient(m_nam.get(), this))
    , m_store(new AccountStore(this))
    , m_keychain(keychain)
    , m_accounts(new AccountManager(m_store, m_keychain, m_nam.get(), this))
    , m_window(std::make_unique<MainWindow>())
{
    auto* switcher = new AccountSwitcher(m_store, m_window.get());
    m_switcher = switcher;
    switcher->setObjectName(QStringLiteral("accountSwitcher"));
    m_window->setAccountWidget(switcher);
    connect(switcher, &AccountSwitcher::accountSelected, m_accounts, &AccountManager::activate);
    connect(switcher, &AccountSwitcher::addAccountRequested, this, &AppController::openSignIn);
    connect(switcher, &AccountSwitcher::signOutRequested, this, &AppController::confirmSignOut);

    connect(m_client, &ApiClient::unauthorized, this, [this](const ApiError& error) {
        if (!m_activeAccountId.isEmpty())
            m_accounts->reportUnauthorized(error);
    });
    connect(m_accounts, &AccountManager::accountActivated, this,
        [this](const Account& account, const QString& token) {
            m_activeAccountId = account.id;
            m_switcher->setSandboxShown(false);
            showOrganization(account.apiUrl, token, account.organization);
        });
    connect(m_accounts, &AccountManager::tokenReplaced, this,
        [this](const Account&, const QString& token) {
            m_client->setToken(token);
            if (m_session) {
                m_session->fetchAccessToken();
                m_session->refresh();
            }
        });
    connect(m_accounts, &AccountManager::tokenNeeded, this, &AppController::askForToken);
    connect(m_accounts, &AccountManager::reauthenticationNeeded, this, &AppController::askForToken);
    connect(m_accounts, &AccountManager::tokenExpiringSoon, this, [this](const Account& account) {
        const QString when = account.tokenExpiresAt.isValid()
                && account.tokenExpiresAt <= QDateTime::currentDateTimeUtc()
            ? tr("has expired")
            : tr("expires %1")
                  .arg(account.tokenExpiresAt.toLocalTime().toString(
                      QStringLiteral("d MMM yyyy, HH:mm")));
        m_window->showNotice(tr("The API token of “%1” %2. Create a new one in Buildkite and enter "
                                "it from the account menu.")
                                 .arg(account.name, when));
    });
    connect(m_accounts, &AccountManager::signedOut, this, [this](const Account& account) {
        if (account.id != m_activeAccountId)
            return;
        m_activeAccountId.clear();
        if (!m_store->currentId().isEmpty())
            m_accounts->activate(m_store->currentId());
        else
            showWelcome();
    });
    connect(m_accounts, &AccountManager::signOutFailed, this,
        [this](const Account& account, const QString& message) {
            m_window->showNotice(tr("Could not delete the token of “%1” from the keychain: %2")
                                     .arg(account.name, message));
        });
}

AppController::~AppController()
{
    // The window goes first: it watches the session.
    m_window.reset();
    delete m_session;
}

bool AppController::start(bool sandbox)
{
    m_window->show();
    if (sandbox)
        return openSandbox();
    if (!m_accounts->restore())
        showWelcome();
    return true;
}

bool AppController::startOnApi(const QUrl& apiUrl, const QString& organization, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    const QString token = qEnvironmentVariable(qPrintable(tokenVariable())).trimmed();
    if (token.isEmpty())
        return fail(tr("set %1 to an API access token to use --api-url").arg(tokenVariable()));
    if (organization.trimmed().isEmpty())
        return fail(tr("--api-url needs --org SLUG, the organisation to show"));
    if (const ApiError refused = ApiClient::checkBaseUrl(apiUrl))
        return fail(refused.message());
    m_window->show();
    m_activeAccountId.clear();
    m_switcher->setEnvironmentShown(organization.trimmed(), apiUrl, tokenVariable());
    showOrganization(apiUrl, token, organization.trimmed());
    return true;
}

void AppController::showWelcome()
{
    if (!m_welcome) {
        auto* page = new WelcomePage(m_window.get());
        page->setObjectName(QStringLiteral("welcomePage"));
        connect(page, &WelcomePage::connectRequested, this, &AppController::openSignIn);
        connect(page, &WelcomePage::exploreSandboxRequested, this, [this] { openSandbox(); });
        m_welcome = page;
    }
    m_window->showWelcome(m_welcome);
    delete m_session;
    if (!m_screenshotPath.isEmpty())
        QTimer::singleShot(300, this, [this] { saveScreenshot(); });
}

void AppController::openSignIn()
{
    auto* dialog = new SignInDialog(m_accounts, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void AppController::askForToken(const Account& account, const QString& reason)
{
    auto* dialog = new ReenterTokenDialog(m_accounts, account, reason, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ReenterTokenDialog::signOutRequested, this, &AppController::confirmSignOut);
    dialog->open();
}

void AppController::confirmSignOut(const QString& accountId)
{
    const auto account = m_store->account(accountId);
    if (!account)
        return;
    if (!confirmDestructive(m_window.get(), tr("Sign Out"),
            tr("Sign out of “%1”?\n\nIts API token is deleted from the keychain and the account is "
               "forgotten.")
                .arg(account->name),
            tr("Sign Out")))
        return;
    m_accounts->signOut(accountId);
}

bool AppController::openSandbox()
{
    if (!m_sandbox) {
        m_sandbox = std::make_unique<SandboxServer>();
        m_sandbox->seedDemo();
        if (!m_sandbox->listen()) {
            qCWarning(lcApp) << "the sandbox could not start:" << m_sandbox->errorString();
            m_sandbox.reset();
            return false;
        }
        qCInfo(lcApp).noquote() << "sandbox organisation" << m_sandbox->organization() << "at"
                                << m_sandbox->baseUrl().toString();
    }
    m_activeAccountId.clear();
    m_switcher->setSandboxShown(true);
    showOrganization(m_sandbox->baseUrl(), m_sandbox->readWriteToken(), m_sandbox->organization());
    return true;
}

void AppController::showOrganization(
    const QUrl& apiUrl, const QString& token, const QString& organization)
{
    m_window->setSession(nullptr);
    delete m_session;
    if (const ApiError error = m_client->setBaseUrl(apiUrl)) {
        qCWarning(lcApp).noquote() << error.toString();
        return;
    }
    m_client->setToken(token);
    m_session = new OrganizationSession(m_client, organization, this);
    connect(
        m_session, &OrganizationSession::accessTokenLoaded, this, [this](const AccessToken& token) {
            if (!m_activeAccountId.isEmpty())
                m_accounts->updateTokenInfo(m_activeAccountId, token);
        });
    // Watches are the account's; without one (the sandbox, --api-url) the organisation's.
    m_window->setWatchAccount(m_activeAccountId);
    m_window->setSession(m_session);
    if (!m_screenshotPath.isEmpty()) {
        // Once every cluster's queues are in: a first load that does not fit one rate-limit
        // window (the demo's does not) fills the tokens in after the reset, a minute later.
        auto* poll = new QTimer(m_session);
        poll->setInterval(200);
        connect(poll, &QTimer::timeout, this, [this, poll] {
            OrganizationTreeModel* model = m_session->treeModel();
            bool loaded = !m_session->isRefreshing() && m_session->lastRefreshed().isValid();
            if (!loaded && model->summary().clusters > 0) {
                loaded = true;
                for (const Cluster& cluster : model->clusters())
                    loaded = loaded && model->queuesCheckedAt(cluster.id).isValid();
            }
            // The agents too, where the token may read them: the panes show their counts.
            if (!m_session->accessToken() || (m_session->canReadAgents() && !model->agentsKnown()))
                loaded = false;
            if (!loaded)
                return;
            poll->stop();
            poll->deleteLater();
            if (!m_screenshotSelection.isEmpty()) {
                if (!selectForScreenshot(m_screenshotSelection))
                    qCWarning(lcApp).noquote() << "nothing to select for" << m_screenshotSelection;
                QTimer::singleShot(300, this, [this] { saveScreenshot(); });
                return;
            }
            // The paused queue with its note is the most telling view of the demo.
            for (const Cluster& cluster : model->clusters()) {
                for (const Queue& queue : model->queues(cluster.id)) {
                    if (queue.dispatchPaused && !queue.dispatchPausedNote.isEmpty()) {
                        m_window->selectId(queue.id);
                        m_window->navigationTree()->expand(m_window->filterProxy()->mapFromSource(
                            model->indexForId(OrganizationTreeModel::tokenGroupId(cluster.id))));
                        break;
                    }
                }
                if (!m_window->selectedId().isEmpty()
                    && m_window->selectedId() != model->organization())
                    break;
            }
            QTimer::singleShot(300, this, [this] { saveScreenshot(); });
        });
        poll->start();
    }
}

void AppController::saveScreenshot()
{
    const bool saved = m_window->grab().save(m_screenshotPath);
    qCInfo(lcApp).noquote() << (saved ? "saved" : "could not save") << m_screenshotPath;
    QCoreApplication::exit(saved ? 0 : 1);
}

void AppController::saveScreenshotWhenLoaded(const QString& path) { m_screenshotPath = path; }

bool AppController::selectForScreenshot(const QString& what)
{
    OrganizationTreeModel* model = m_session->treeModel();
    const QString kind = what.section(QLatin1Char(':'), 0, 0);
    const QString name = what.section(QLatin1Char(':'), 1);
    auto clusterNamed = [model, &name]() -> std::optional<Cluster> {
        for (const Cluster& c : model->clusters()) {
            if (c.name.compare(name, Qt::CaseInsensitive) == 0)
                return c;
        }
        return std::nullopt;
    };
    if (kind == QLatin1String("organization") || kind == QLatin1String("filter")) {
        m_window->navigationTree()->setCurrentIndex(m_window->filterProxy()->index(0, 0));
        auto* tabs = m_window->details()->organizationPane()->tabs();
        if (name == QLatin1String("queues"))
            tabs->setCurrentIndex(1);
        else if (name == QLatin1String("tokens"))
            tabs->setCurrentIndex(2);
        if (kind == QLatin1String("filter"))
            m_window->navigation()->setFilterText(name);
        return true;
    }
    if (kind == QLatin1String("queue")) {
        for (const Cluster& c : model->clusters()) {
            for (const Queue& q : model->queues(c.id)) {
                if (q.key == name)
                    return m_window->selectId(q.id);
            }
        }
        return false;
    }
    const auto cluster = clusterNamed();
    if (!cluster)
        return false;
    if (kind == QLatin1String("cluster"))
        return m_window->selectId(cluster->id);
    if (kind == QLatin1String("queues"))
        return m_window->selectId(OrganizationTreeModel::queueGroupId(cluster->id));
    if (kind == QLatin1String("tokens"))
        return m_window->selectId(OrganizationTreeModel::tokenGroupId(cluster->id));
    return false;
}
