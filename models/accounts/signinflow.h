// SPDX-License-Identifier: MIT
#pragma once

#include "account.h"
#include "secretstore.h"
#include "tokencheck.h"

#include <QObject>

#include <optional>

class AccountManager;

// One attempt at connecting an account, behind the sign-in form and the re-enter-token
// dialog: check the token first (GET /v2/access-token), show what it allows, then save it.
// Holds the typed token only until it is saved or the flow is destroyed.
//
//   Editing --check()--> Checking --> Checked --save()--> Saving --> Done
//      ^                    |            |                  |
//      +---- error ---------+            |                  +--> KeychainUnavailable
//      +---- inputChanged() -------------+                         --useSessionOnly()--> Done
class SignInFlow final : public QObject {
    Q_OBJECT
public:
    enum class Step {
        Editing,
        Checking,
        Checked, // tokenCheck() describes the token; save() may follow
        Saving,
        KeychainUnavailable, // keychainMessage() says why; useSessionOnly() may follow
        Done,
    };
    Q_ENUM(Step)

    // Which input an error is about, so the form can point at it.
    enum class Field {
        None,
        Organization,
        Token,
        ApiUrl,
    };
    Q_ENUM(Field)

    struct Input {
        QString name; // optional; the organisation slug when empty
        QString organization; // a slug, or a buildkite.com URL containing it
        QString token;
        QString apiUrl; // optional; https://api.buildkite.com when empty
    };

    explicit SignInFlow(AccountManager* manager, QObject* parent = nullptr);
    ~SignInFlow() override;

    // Re-entering the token of this existing account: its organisation and API URL are kept
    // and only Input::token is read.
    void setExistingAccount(const Account& account);
    std::optional<Account> existingAccount() const { return m_existing; }

    Step step() const { return m_step; }
    TokenCheck tokenCheck() const { return m_check; }
    QString errorText() const { return m_errorText; }
    Field errorField() const { return m_errorField; }
    QString keychainMessage() const { return m_keychainMessage; }
    // After Done: the account as stored.
    std::optional<Account> account() const { return m_account; }

    void check(const Input& input);
    void save();
    void useSessionOnly();
    // The user edited something: the earlier check no longer applies.
    void inputChanged();

    // "acme" from "acme", " Acme ", "https://buildkite.com/acme" or "buildkite.com/acme/x".
    static QString organizationFromText(const QString& text);
    static bool isValidOrganization(const QString& slug);
    // The API URL typed by the user ("" is the default; a missing scheme means https).
    static QUrl apiUrlFromText(const QString& text);

Q_SIGNALS:
    void stepChanged(SignInFlow::Step step);
    // Also emitted with an empty text when an error is cleared.
    void errorChanged(const QString& text, SignInFlow::Field field);
    void finished(const Account& account);

private:
    void setStep(Step step);
    void setError(const QString& text, Field field);
    void store(bool sessionOnly);
    void onStored(const SecretStore::Error& error, bool sessionOnly);

    AccountManager* m_manager;
    std::optional<Account> m_existing;
    Step m_step = Step::Editing;
    Input m_input;
    QUrl m_apiUrl;
    TokenCheck m_check;
    QString m_errorText;
    Field m_errorField = Field::None;
    QString m_keychainMessage;
    std::optional<Account> m_pending; // the new account being saved; keeps its id on retry
    std::optional<Account> m_account;
};
