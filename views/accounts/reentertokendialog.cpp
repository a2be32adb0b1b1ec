// SPDX-License-Identifier: MIT
#include "reentertokendialog.h"

#include "accounts/accountmanager.h"
#include "panes/banner.h"
#include "signinform.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

ReenterTokenDialog::ReenterTokenDialog(
    AccountManager* manager, const Account& account, const QString& reason, QWidget* parent)
    : SignInFormDialog(manager, parent)
    , m_manager(manager)
    , m_account(account)
    , m_reason(new Banner(this))
    , m_signOut(new QPushButton(tr("Sign Out…"), this))
{
    setObjectName(QStringLiteral("reenterTokenDialog"));
    setWindowTitle(tr("New Token for %1").arg(account.name));
    form()->setExistingAccount(account);

    auto* heading = new QLabel(
        tr("Kitedeck cannot use the token of “%1” (%2).").arg(account.name, account.organization),
        this);
    heading->setObjectName(QStringLiteral("headingLabel"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);

    // Why the dialog came up, as a warning: the red error banner stays for what goes wrong with
    // the new token, so the two never read as the same failure.
    m_reason->setObjectName(QStringLiteral("reasonBanner"));
    m_reason->label()->setObjectName(QStringLiteral("reasonLabel"));
    m_reason->setTone(Tone::Warning);
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());

    auto* explanation = new QLabel(tr("Enter a new API token for this account. Nothing else "
                                      "changes: what is open stays open."),
        this);
    explanation->setObjectName(QStringLiteral("explanationLabel"));
    explanation->setWordWrap(true);

    addAboveForm(heading);
    addAboveForm(m_reason);
    addAboveForm(explanation);

    // Apart from the others, on the left: it ends the account rather than answering the question.
    m_signOut->setObjectName(QStringLiteral("signOutButton"));
    m_signOut->setAutoDefault(false);
    buttonRow()->insertWidget(0, m_signOut);
    connect(m_signOut, &QPushButton::clicked, this, [this] {
        Q_EMIT signOutRequested(m_account.id);
        reject();
    });
    connect(form(), &SignInForm::finished, this, [this](const Account& updated) {
        m_account = updated;
        accept();
    });

    setMinimumWidth(480);
    updateButtons();
    form()->setFocus();
}

void ReenterTokenDialog::updateButtons()
{
    SignInFormDialog::updateButtons();
    // Signing out while the new token is being written would race the write.
    m_signOut->setEnabled(form()->canCancel());
}

void ReenterTokenDialog::done(int result)
{
    // Let the next 401 ask again, whether or not a token was entered this time.
    m_manager->reauthenticationFinished();
    QDialog::done(result);
}
