// SPDX-License-Identifier: MIT
#include "signindialog.h"

#include "signinform.h"

#include <QLabel>

SignInDialog::SignInDialog(AccountManager* manager, QWidget* parent)
    : SignInFormDialog(manager, parent)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Connect to Buildkite"));

    auto* intro = new QLabel(
        tr("Kitedeck checks the token with Buildkite and shows what it may do before saving it."),
        this);
    intro->setObjectName(QStringLiteral("introLabel"));
    intro->setWordWrap(true);
    addAboveForm(intro);

    connect(form(), &SignInForm::finished, this, [this](const Account& account) {
        m_account = account;
        Q_EMIT accountAdded(account);
        accept();
    });

    setMinimumWidth(560);
    updateButtons();
    form()->setFocus();
}
