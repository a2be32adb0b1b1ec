// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class AccountManager;
class QDialogButtonBox;
class QHBoxLayout;
class QPushButton;
class QVBoxLayout;
class SignInForm;

// The frame around a SignInForm shared by SignInDialog and ReenterTokenDialog: the primary
// button (objectName submitButton) that checks the token and then saves it, and Cancel
// (cancelButton).
//
// Not a FormDialog, though it keeps FormDialog's promises: the error inline with Buildkite's
// message, every typed value kept for the retry, no second submit while a request runs, no
// Cancel while a write is in flight. FormDialog is made for one submit that its owner answers
// with accept() or showError(ApiError). Signing in is a flow of its own (SignInFlow) that the
// dialog drives itself: check, show what the token allows, save; with a third outcome (no
// keychain: offer this session only), errors that name the field they are about, and keychain
// errors that are not ApiErrors. Its form is also one widget shared by two dialogs, not rows in
// the dialog's own layout. So it reuses FormDialog's parts instead: the error Banner (errorBanner,
// errorLabel), the BusyRow (busyIndicator, busyLabel) and HintLabels, all inside SignInForm.
class SignInFormDialog : public QDialog {
    Q_OBJECT
public:
    SignInForm* form() const { return m_form; }

public Q_SLOTS:
    // Ignored while the token is being saved (SignInForm::canCancel): the write finishes
    // whatever happens to the dialog, and its answer needs the dialog.
    void reject() override;

protected:
    SignInFormDialog(AccountManager* manager, QWidget* parent);

    // Puts a widget (a heading, an explanation) above the form.
    void addAboveForm(QWidget* widget);
    // The row holding the button box; insert at 0 to put a button apart on the left.
    QHBoxLayout* buttonRow() const { return m_buttonRow; }
    QPushButton* submitButton() const { return m_submit; }
    // Follows the form's step: the submit text, what may be clicked now. Extended by
    // subclasses with buttons of their own.
    virtual void updateButtons();

private:
    SignInForm* m_form;
    QVBoxLayout* m_body;
    QHBoxLayout* m_buttonRow;
    QDialogButtonBox* m_buttons;
    QPushButton* m_submit;
    QPushButton* m_cancel;
};
