// SPDX-License-Identifier: MIT
#pragma once

#include "domain/agent.h"
#include "formdialog.h"

class QPlainTextEdit;
class QSpinBox;

// Asks for a note and how long before pausing an agent: it finishes the job it runs, then takes
// no new one until it is resumed or the time is up. Ctrl+Return pauses from the note field.
//
// objectNames: agentLabel, jobLabel, noteEdit, timeoutSpin, timeoutHint, plus FormDialog's
// (okButton reads "Pause Agent").
class PauseAgentDialog final : public FormDialog {
    Q_OBJECT
public:
    static constexpr int defaultTimeoutMinutes = 60;
    static constexpr int maxTimeoutMinutes = 7 * 24 * 60; // Buildkite's limit: a week

    explicit PauseAgentDialog(const Agent& agent, QWidget* parent = nullptr);

    const Agent& agent() const { return m_agent; }
    QString note() const;
    int timeoutMinutes() const;

Q_SIGNALS:
    void submitted(const QString& note, int timeoutMinutes);

protected:
    bool validate() override;
    void submit() override;

private:
    Agent m_agent;
    QPlainTextEdit* m_note;
    QSpinBox* m_timeout;
    HintLabel* m_timeoutHint;
};
