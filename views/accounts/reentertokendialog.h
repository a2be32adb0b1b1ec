// SPDX-License-Identifier: MIT
#pragma once

#include "accounts/account.h"
#include "signinformdialog.h"

class AccountManager;
class Banner;
class QPushButton;

// Asks for a new token for one account: after a 401 during the session
// (AccountManager::reauthenticationNeeded) or when its keychain entry is missing
// (AccountManager::tokenNeeded). Only the token changes; the account, its organisation and
// everything loaded stay. The new token is checked, then saved, and AccountManager emits
// tokenReplaced (or accountActivated if the account was not active yet).
class ReenterTokenDialog final : public SignInFormDialog {
    Q_OBJECT
public:
    // reason: the server's message or the keychain's, shown as is.
    ReenterTokenDialog(AccountManager* manager, const Account& account, const QString& reason,
        QWidget* parent = nullptr);

    Account account() const { return m_account; }

Q_SIGNALS:
    // The user chose to sign out of this account instead.
    void signOutRequested(const QString& accountId);

public Q_SLOTS:
    void done(int result) override;

protected:
    void updateButtons() override;

private:
    AccountManager* m_manager;
    Account m_account;
    Banner* m_reason;
    QPushButton* m_signOut;
};
