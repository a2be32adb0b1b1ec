// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QEvent;

class QLineEdit;
class QPushButton;

// A confirmation for what takes a lot with it (a cluster that still has queues or tokens): the
// user types the object's name before the destructive button is enabled, so a reflexive click
// cannot delete it. The match is exact (case and spaces count): what was typed is compared as
// it is. Cancel is the default and Escape cancels, as in every destructive confirmation.
//
// objectNames: confirmTypedNameBox (the dialog), confirmNameEdit, confirmButton, cancelButton,
// confirmQuestion, confirmDetail, confirmPrompt.
class TypedNameConfirmation final : public QDialog {
    Q_OBJECT
public:
    TypedNameConfirmation(const QString& title, const QString& question, const QString& detail,
        const QString& name, const QString& acceptLabel, QWidget* parent = nullptr);

    QString expectedName() const { return m_name; }
    bool matches() const;

protected:
    // Return in the name field does nothing: it would otherwise press Cancel (the default) and
    // throw away what was just typed, or, were Delete the default, delete on a reflex.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QString m_name;
    QLineEdit* m_edit;
    QPushButton* m_confirm;
    QPushButton* m_cancel;
};
