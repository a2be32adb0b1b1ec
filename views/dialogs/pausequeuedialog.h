// SPDX-License-Identifier: MIT
#pragma once

#include "domain/queue.h"
#include "formdialog.h"

class QPlainTextEdit;

// Asks for the optional note before pausing dispatch on a queue. Ctrl+Return pauses from the
// note field, since Return there starts a new line.
//
// objectNames: keyLabel, noteEdit, plus FormDialog's (okButton reads "Pause").
class PauseQueueDialog final : public FormDialog {
    Q_OBJECT
public:
    explicit PauseQueueDialog(const Queue& queue, QWidget* parent = nullptr);

    const Queue& queue() const { return m_queue; }
    QString note() const;

Q_SIGNALS:
    void submitted(const QString& note);

protected:
    bool validate() override { return true; }
    void submit() override;

private:
    Queue m_queue;
    QPlainTextEdit* m_note;
};
