// SPDX-License-Identifier: MIT
#pragma once

#include "accounts/account.h"
#include "accounts/signinflow.h"

#include <QWidget>

class AccountManager;
class Banner;
class BusyRow;
class HintLabel;
class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

// The fields of a sign-in and what the token check found, driven by a SignInFlow: organisation,
// API token, optional account name and API URL; then the token's description, owner, scopes,
// expiry and what its missing scopes stop; errors inline next to the input, which is kept.
// With an existing account (re-entering its token) only the token field is shown.
//
// It speaks the dialogs' language: the error in a Danger Banner (errorBanner, errorLabel) with
// Buildkite's message, the BusyRow (busyIndicator, busyLabel) while a check or save runs, field
// help in HintLabels, warnings about the token in Banners toned by how much they stop.
//
// It has no buttons of its own: the dialog around it calls submit() from its primary button
// and shows submitText(); the "this session only" choice appears inside the form, where the
// keychain problem is explained.
class SignInForm final : public QWidget {
    Q_OBJECT
public:
    explicit SignInForm(AccountManager* manager, QWidget* parent = nullptr);
    ~SignInForm() override;

    void setExistingAccount(const Account& account);
    SignInFlow* flow() const { return m_flow; }

    // Check the token, or save it once checked.
    void submit();
    // "Check token", "Connect" or "Save token", for the primary button.
    QString submitText() const;
    bool canSubmit() const;
    bool isBusy() const;
    // False while the token is being saved: the keychain write cannot be called back, so closing
    // the dialog then would still sign in, behind the user's back. A check only reads and may
    // be abandoned at any time (an unreachable API URL takes a while to time out).
    bool canCancel() const;

Q_SIGNALS:
    // submitText(), canSubmit(), isBusy() or canCancel() changed.
    void submitStateChanged();
    // The account is stored (or, for an existing account, has its new token).
    void finished(const Account& account);

private:
    void onStepChanged(SignInFlow::Step step);
    void onErrorChanged(const QString& text, SignInFlow::Field field);
    void onEdited();
    void focusField(SignInFlow::Field field);
    void showSummary(const TokenCheck& check);
    SignInFlow::Input input() const;

    SignInFlow* m_flow;
    QFormLayout* m_fields;
    QLineEdit* m_organization;
    QLineEdit* m_token;
    QToolButton* m_revealToken;
    HintLabel* m_tokenHint;
    QLineEdit* m_name;
    QLineEdit* m_apiUrl;
    HintLabel* m_apiUrlHint;
    Banner* m_error;
    BusyRow* m_busy;
    QFrame* m_summary;
    QLabel* m_description;
    QLabel* m_owner;
    QLabel* m_scopes;
    HintLabel* m_expiry;
    Banner* m_missing;
    QFrame* m_keychainBox;
    Banner* m_keychainMessage;
    QPushButton* m_sessionOnly;
};
