// SPDX-License-Identifier: MIT
#include "signindialog.h"

#include "accountsui.h"
#include "signinform.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

SignInDialog::SignInDialog(AccountManager* manager, QWidget* parent)
    : QDialog(parent)
    , m_form(new SignInForm(manager, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_submit(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Connect to Buildkite"));

    auto* intro = new QLabel(
        tr("Kitedeck checks the token with Buildkite and shows what it may do before saving it."),
        this);
    intro->setWordWrap(true);

    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);
    // The primary button checks, then saves; the dialog closes only once the flow is done.
    connect(m_submit, &QPushButton::clicked, m_form, &SignInForm::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &SignInForm::submitStateChanged, this, &SignInDialog::updateButtons);
    connect(m_form, &SignInForm::finished, this, [this](const Account& account) {
        m_account = account;
        Q_EMIT accountAdded(account);
        accept();
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_form, 1);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    updateButtons();
    m_form->setFocus();
}

void SignInDialog::updateButtons()
{
    m_submit->setText(m_form->submitText());
    m_submit->setEnabled(m_form->canSubmit());
    // The summary or the keychain message may have appeared: make room once laid out.
    QTimer::singleShot(0, this, [this] { AccountsUi::growToFit(this); });
}
