// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class ApiError;
class Banner;
class HintLabel;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

// The shared behaviour of Kitedeck's edit dialogs, which never block the app while a request
// runs. They are opened with open(); OK (objectName okButton) stays disabled until the form is
// valid, and each problem is explained under its field as the user types. OK emits the
// subclass's submitted(...) signal and the dialog stays open and busy (inputs and buttons
// disabled, progress shown) until the owner either calls accept() on success or showError() on
// failure, which shows Buildkite's message in the dialog (objectName errorLabel) and gives every
// typed value back to the user.
//
// The dialog turns busy by itself on OK, so a double click cannot submit twice (a second token
// create would mint a second token); calling setBusy(true) again from the owner is harmless.
//
// When what the dialog writes to is gone (the organisation was closed by an account switch), the
// owner calls abandon(): the dialog leaves the busy state, says why, keeps OK disabled for good
// (its input belongs to the organisation that was left) and closes on Cancel.
//
// objectNames: okButton, cancelButton, errorBanner, errorLabel, busyIndicator, busyLabel.
class FormDialog : public QDialog {
    Q_OBJECT
public:
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void showError(const ApiError& error);
    void clearError();
    QString errorText() const;
    // Whether OK would submit right now (valid, not busy, not abandoned).
    bool canSubmit() const;
    // The write can no longer be sent. An error already shown (the lost write's) stays; otherwise
    // `reason` is shown.
    void abandon(const QString& reason);
    bool isAbandoned() const { return m_abandoned; }

public Q_SLOTS:
    void accept() override;
    // Ignored while busy: the request is already on its way and its answer needs this dialog.
    void reject() override;

protected:
    explicit FormDialog(QWidget* parent = nullptr);

    // The base builds its buttons before the subclass adds the fields: on first show the fields
    // come first in the Tab order and the first one takes the focus, so typing starts there.
    void showEvent(QShowEvent* event) override;

    QFormLayout* form() const { return m_form; }
    QVBoxLayout* body() const { return m_body; }
    QPushButton* okButton() const { return m_ok; }
    void setBusyText(const QString& text);
    // A hint row under the last form row.
    HintLabel* addHint(const QString& objectName);
    HintLabel* insertHint(int row, const QString& objectName);

    // Re-checks the form (call on every edit); OK follows the answer.
    void revalidate();
    // Updates the hints and says whether the form may be submitted.
    virtual bool validate() = 0;
    // Emits the subclass's submitted(...) signal; called only when validate() passed.
    virtual void submit() = 0;

private:
    void onOk();
    // The form's editable widgets in row order (the field of each row, or the focusable widgets
    // inside a compound field).
    QList<QWidget*> fieldsInOrder() const;

    QVBoxLayout* m_body;
    QWidget* m_formHost;
    QFormLayout* m_form;
    Banner* m_error;
    QWidget* m_busyRow;
    QProgressBar* m_busyIndicator;
    QLabel* m_busyLabel;
    QDialogButtonBox* m_buttons;
    QPushButton* m_ok;
    QPushButton* m_cancel;
    bool m_busy = false;
    bool m_valid = false;
    bool m_abandoned = false;
    bool m_shownOnce = false;
};
