// SPDX-License-Identifier: MIT
#include "accountswitcher.h"

#include "accounts/accountstore.h"
#include "accountsui.h"

#include <QActionGroup>
#include <QMenu>

AccountSwitcher::AccountSwitcher(AccountStore* store, QWidget* parent)
    : QToolButton(parent)
    , m_store(store)
    , m_menu(new QMenu(this))
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("accountSwitcher"));
    setAccessibleName(tr("Account"));
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_menu->setObjectName(QStringLiteral("accountMenu"));
    setMenu(m_menu);
    m_group->setExclusive(true);

    connect(m_store, &AccountStore::accountsChanged, this, &AccountSwitcher::refresh);
    connect(m_store, &AccountStore::currentChanged, this, &AccountSwitcher::refresh);
    connect(m_menu, &QMenu::aboutToShow, this, &AccountSwitcher::refresh);
    refresh();
}

void AccountSwitcher::setSandboxShown(bool shown)
{
    m_shown = shown ? Shown::Sandbox : Shown::Account;
    refresh();
}

void AccountSwitcher::setEnvironmentShown(
    const QString& organization, const QUrl& apiUrl, const QString& tokenVariable)
{
    m_shown = Shown::Environment;
    m_environmentOrganization = organization;
    m_environmentTip = tr("%1 on %2, with the token in %3 for this run only: nothing is saved")
                           .arg(organization, apiUrl.toDisplayString(), tokenVariable);
    refresh();
}

void AccountSwitcher::refresh()
{
    // Rebuilding while the menu is open would pull actions from under the pointer; aboutToShow
    // comes before it is visible.
    if (m_menu->isVisible())
        return;
    m_menu->clear();
    const QList<QAction*> old = m_group->actions();
    for (QAction* action : old)
        delete action;

    const QString currentId = m_store->currentId();
    m_menu->addSection(tr("Accounts"));
    QString currentFlag;
    Tone currentTone = Tone::Neutral;
    for (const Account& account : m_store->accounts()) {
        QString text = account.name;
        if (account.name != account.organization)
            text += QStringLiteral(" — %1").arg(account.organization);
        QStringList notes;
        const QString flag = AccountsUi::expiryFlag(account.tokenExpiresAt);
        const Tone tone = AccountsUi::expiryTone(TokenCheck::expiryOf(account.tokenExpiresAt));
        if (!flag.isEmpty())
            notes.append(flag);
        if (m_store->isSessionOnly(account.id))
            notes.append(tr("this session only"));
        if (!notes.isEmpty())
            text += QStringLiteral(" (%1)").arg(notes.join(QStringLiteral(", ")));

        // Menus treat & as a mnemonic marker; names may contain one.
        QAction* action
            = m_menu->addAction(QString(text).replace(QLatin1Char('&'), QStringLiteral("&&")));
        action->setObjectName(QStringLiteral("account:%1").arg(account.id));
        action->setData(account.id);
        action->setCheckable(true);
        action->setChecked(account.id == currentId);
        action->setToolTip(account.apiUrl.toDisplayString());
        // The app's warning and error icons, as in the panes: an expired token is worse than
        // one about to expire.
        action->setIcon(AccountsUi::flagIcon(tone));
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, id = account.id] {
            if (id != m_store->currentId())
                Q_EMIT accountSelected(id);
        });
        if (account.id == currentId) {
            currentFlag = flag;
            currentTone = tone;
        }
    }
    m_menu->addSeparator();
    QAction* add = m_menu->addAction(QIcon(QStringLiteral(":/icons/add.svg")), tr("Add Account…"));
    add->setObjectName(QStringLiteral("addAccountAction"));
    connect(add, &QAction::triggered, this, &AccountSwitcher::addAccountRequested);

    const std::optional<Account> current = m_store->current();
    QAction* signOut = m_menu->addAction(current
            ? tr("Sign Out of %1…")
                  .arg(QString(current->name).replace(QLatin1Char('&'), QStringLiteral("&&")))
            : tr("Sign Out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    signOut->setIcon(QIcon(QStringLiteral(":/icons/sign-out.svg")));
    signOut->setEnabled(current.has_value());
    connect(signOut, &QAction::triggered, this, [this] {
        if (const std::optional<Account> account = m_store->current())
            Q_EMIT signOutRequested(account->id);
    });

    if (m_shown == Shown::Environment) {
        setText(QString(m_environmentOrganization).replace(QLatin1Char('&'), QStringLiteral("&&")));
        setToolTip(m_environmentTip);
        setIcon(QIcon(QStringLiteral(":/icons/account.svg")));
    } else if (m_shown == Shown::Sandbox) {
        setText(tr("Sandbox"));
        setToolTip(tr("The built-in demo organisation, on this computer: nothing here reaches "
                      "Buildkite"));
        setIcon(QIcon(QStringLiteral(":/icons/account.svg")));
    } else if (current) {
        setText(QString(current->name).replace(QLatin1Char('&'), QStringLiteral("&&")));
        QString tip = tr("%1 on %2").arg(current->organization, current->apiUrl.toDisplayString());
        if (!currentFlag.isEmpty())
            tip += QLatin1Char('\n') + tr("The API %1.").arg(currentFlag);
        setToolTip(tip);
        const QIcon flag = AccountsUi::flagIcon(currentTone);
        setIcon(flag.isNull() ? QIcon(QStringLiteral(":/icons/account.svg")) : flag);
    } else {
        setText(tr("No Account"));
        setToolTip(QString());
        setIcon(QIcon(QStringLiteral(":/icons/account.svg")));
    }
}
