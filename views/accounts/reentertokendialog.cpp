// SPDX-License-Identifier: MIT
#include "reentertokendialog.h"

#include "accounts/accountmanager.h"
#include "accountsui.h"
#include "signinform.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

ReenterTokenDialog::ReenterTokenDialog(
    AccountManager* manager, const Account& account, const QString& reason, QWidget* parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_account(account)
    , m_form(new SignInForm(manager, this))
    , m_reason(new QLabel(this))
{
    setObjectName(QStringLiteral("reenterTokenDialog"));
    setWindowTitle(tr("New Token for %1").arg(account.name));
    m_form->setExistingAccount(account);

    auto* heading = new QLabel(
        tr("Kitedeck cannot use the token of “%1” (%2).").arg(account.name, account.organization),
        this);
    heading->setObjectName(QStringLiteral("headingLabel"));
    heading->setWordWrap(true);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);

    m_reason->setText(reason);
    m_reason->setObjectName(QStringLiteral("reasonLabel"));
    AccountsUi::styleMessageLabel(m_reason, AccountsUi::errorColor(palette()));
    m_reason->setVisible(!reason.isEmpty());

    auto* explanation = new QLabel(tr("Enter a new API token for this account. Nothing else "
                                      "changes: what is open stays open."),
        this);
    explanation->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    // Apart from the others, on the left: it ends the account rather than answering the question.
    auto* signOut = new QPushButton(tr("Sign Out…"), this);
    signOut->setObjectName(QStringLiteral("signOutButton"));
    signOut->setAutoDefault(false);
    m_submit = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);
    connect(m_submit, &QPushButton::clicked, m_form, &SignInForm::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(signOut, &QPushButton::clicked, this, [this] {
        Q_EMIT signOutRequested(m_account.id);
        reject();
    });
    connect(m_form, &SignInForm::submitStateChanged, this, &ReenterTokenDialog::updateButtons);
    connect(m_form, &SignInForm::finished, this, [this](const Account& updated) {
        m_account = updated;
        accept();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_reason);
    layout->addWidget(explanation);
    layout->addWidget(m_form, 1);
    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(signOut);
    buttonRow->addStretch(1);
    buttonRow->addWidget(buttons);
    layout->addLayout(buttonRow);
    setMinimumWidth(480);
    updateButtons();
    m_form->setFocus();
}

void ReenterTokenDialog::updateButtons()
{
    m_submit->setText(m_form->submitText());
    m_submit->setEnabled(m_form->canSubmit());
    // The summary or the keychain message may have appeared: make room once laid out.
    QTimer::singleShot(0, this, [this] { AccountsUi::growToFit(this); });
}

void ReenterTokenDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        AccountsUi::styleMessageLabel(m_reason, AccountsUi::errorColor(palette()));
}

void ReenterTokenDialog::done(int result)
{
    // Let the next 401 ask again, whether or not a token was entered this time.
    m_manager->reauthenticationFinished();
    QDialog::done(result);
}
