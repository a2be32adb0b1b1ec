// SPDX-License-Identifier: MIT
#pragma once

#include <QToolButton>
#include <QUrl>

class AccountStore;
class QActionGroup;
class QMenu;

// The account in use, for a tool bar: shows the current account (flagged when its token
// expires soon) and opens a menu with every account, "Add Account…" and "Sign Out".
// It only reports choices; the main window passes them to AccountManager.
class AccountSwitcher final : public QToolButton {
    Q_OBJECT
public:
    explicit AccountSwitcher(AccountStore* store, QWidget* parent = nullptr);

    QMenu* accountMenu() const { return m_menu; }
    // The window shows the built-in sandbox organisation, not an account's: the button says
    // "Sandbox" rather than naming an account (or "No Account") it is not showing.
    void setSandboxShown(bool shown);
    bool isSandboxShown() const { return m_shown == Shown::Sandbox; }
    // The window shows an organisation reached with a token from the environment for this run
    // only (`kitedeck --api-url URL --org SLUG`): the button names that organisation and says
    // where the token came from, since no saved account is in use. Cleared by
    // setSandboxShown(false), as on any account switch.
    void setEnvironmentShown(
        const QString& organization, const QUrl& apiUrl, const QString& tokenVariable);

public Q_SLOTS:
    // Re-reads the accounts; also done on every store change and before the menu opens, so
    // an expiry flag appears while the app runs.
    void refresh();

Q_SIGNALS:
    // Switch to this account: AccountManager::activate(id).
    void accountSelected(const QString& accountId);
    // Open SignInDialog.
    void addAccountRequested();
    // Sign out of the current account (confirm first): AccountManager::signOut(id).
    void signOutRequested(const QString& accountId);

private:
    AccountStore* m_store;
    QMenu* m_menu;
    QActionGroup* m_group;
    enum class Shown {
        Account, // the store's current account, or none
        Sandbox,
        Environment,
    };
    Shown m_shown = Shown::Account;
    QString m_environmentOrganization;
    QString m_environmentTip;
};
