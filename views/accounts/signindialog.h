// SPDX-License-Identifier: MIT
#pragma once

#include "accounts/account.h"
#include "signinformdialog.h"

class AccountManager;

// "Connect to Buildkite": the sign-in form in a dialog, from the WelcomePage or the switcher's
// "Add account…". Accepted once the account is stored; AccountManager has then emitted
// signedIn and accountActivated, which is what the main window acts on.
class SignInDialog final : public SignInFormDialog {
    Q_OBJECT
public:
    explicit SignInDialog(AccountManager* manager, QWidget* parent = nullptr);

    // After acceptance: the new account.
    Account account() const { return m_account; }

Q_SIGNALS:
    void accountAdded(const Account& account);

private:
    Account m_account;
};
