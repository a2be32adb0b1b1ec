// SPDX-License-Identifier: MIT
#include "signinformdialog.h"

#include "accounts/signinflow.h"
#include "accountsui.h"
#include "signinform.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

SignInFormDialog::SignInFormDialog(AccountManager* manager, QWidget* parent)
    : QDialog(parent)
    , m_form(new SignInForm(manager, this))
    , m_body(new QVBoxLayout(this))
    , m_buttonRow(new QHBoxLayout)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_submit(m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole))
    , m_cancel(m_buttons->button(QDialogButtonBox::Cancel))
{
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    // While a check runs the fields are disabled and focus falls through to Cancel; as an
    // auto-default button it would then take the Enter meant for the next step and close the
    // dialog. Enter always goes to the primary button, and does nothing while it is disabled.
    m_cancel->setAutoDefault(false);
    // The primary button checks, then saves; the dialog closes only once the flow is done, so
    // the button box's accepted() is not connected.
    connect(m_submit, &QPushButton::clicked, m_form, &SignInForm::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInFormDialog::reject);
    connect(m_form, &SignInForm::submitStateChanged, this, &SignInFormDialog::updateButtons);

    m_body->setSpacing(12);
    m_body->addWidget(m_form, 1);
    m_buttonRow->addStretch(1);
    m_buttonRow->addWidget(m_buttons);
    m_body->addLayout(m_buttonRow);
}

void SignInFormDialog::addAboveForm(QWidget* widget)
{
    m_body->insertWidget(m_body->indexOf(m_form), widget);
}

void SignInFormDialog::reject()
{
    if (!m_form->canCancel())
        return;
    QDialog::reject();
}

void SignInFormDialog::updateButtons()
{
    m_submit->setText(m_form->submitText());
    m_submit->setEnabled(m_form->canSubmit());
    m_cancel->setEnabled(m_form->canCancel());
    // After a successful check the fields were disabled and focus fell to Cancel: the next step
    // is Connect, so it takes the focus and Enter connects.
    if (m_form->flow()->step() == SignInFlow::Step::Checked) {
        m_submit->setDefault(true);
        m_submit->setFocus(Qt::OtherFocusReason);
    }
    // The summary or a message may have appeared: make room once laid out.
    QTimer::singleShot(0, this, [this] { AccountsUi::growToFit(this); });
}
