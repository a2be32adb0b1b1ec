// SPDX-License-Identifier: MIT
#include "pauseagentdialog.h"

#include "emoji.h"
#include "format.h"
#include "panes/hintlabel.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>

namespace {
QString duration(int minutes)
{
    if (minutes % (24 * 60) == 0)
        return minutes == 24 * 60 ? PauseAgentDialog::tr("1 day")
                                  : PauseAgentDialog::tr("%1 days").arg(minutes / (24 * 60));
    if (minutes % 60 == 0)
        return minutes == 60 ? PauseAgentDialog::tr("1 hour")
                             : PauseAgentDialog::tr("%1 hours").arg(minutes / 60);
    return minutes == 1 ? PauseAgentDialog::tr("1 minute")
                        : PauseAgentDialog::tr("%1 minutes").arg(minutes);
}
} // namespace

PauseAgentDialog::PauseAgentDialog(const Agent& agent, QWidget* parent)
    : FormDialog(parent)
    , m_agent(agent)
    , m_note(new QPlainTextEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_timeoutHint(nullptr)
{
    setObjectName(QStringLiteral("pauseAgentDialog"));
    setWindowTitle(tr("Pause Agent"));
    const QString name = agent.name.isEmpty() ? agent.id : agent.name;
    okButton()->setText(tr("Pause Agent"));
    okButton()->setAccessibleName(tr("Pause agent %1").arg(name));
    setBusyText(tr("Pausing the agent…"));

    auto* intro = new QLabel(tr("The agent finishes the job it is running, then takes no new jobs "
                                "until it is resumed or the time below is up."),
        this);
    intro->setWordWrap(true);
    form()->addRow(intro);

    auto* agentLabel = new QLabel(name, this);
    agentLabel->setObjectName(QStringLiteral("agentLabel"));
    agentLabel->setTextFormat(Qt::PlainText);
    QFont bold = agentLabel->font();
    bold.setBold(true);
    agentLabel->setFont(bold);
    form()->addRow(tr("Agent:"), agentLabel);
    if (agent.job) {
        const QString build = agent.job->buildName();
        auto* job = new QLabel(Emoji::render(agent.job->displayName())
                + (build.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(build)),
            this);
        job->setObjectName(QStringLiteral("jobLabel"));
        job->setTextFormat(Qt::PlainText);
        job->setWordWrap(true);
        form()->addRow(tr("Running:"), job);
    }

    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(tr("Why is the agent paused? Shown to whoever looks at it next."));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(QFontMetrics(m_note->font()).lineSpacing() * 3 + 12);
    form()->addRow(tr("&Note:"), m_note);

    m_timeout->setObjectName(QStringLiteral("timeoutSpin"));
    m_timeout->setAccessibleName(tr("Resume after, in minutes"));
    m_timeout->setRange(1, maxTimeoutMinutes);
    m_timeout->setValue(defaultTimeoutMinutes);
    m_timeout->setSuffix(tr(" min"));
    m_timeout->setAccelerated(true);
    form()->addRow(tr("&Resume after:"), m_timeout);
    m_timeoutHint = addHint(QStringLiteral("timeoutHint"));
    m_note->setFocus();

    connect(m_timeout, &QSpinBox::valueChanged, this, [this] { revalidate(); });
    auto* submitShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(submitShortcut, &QShortcut::activated, okButton(), [this] {
        if (okButton()->isEnabled())
            okButton()->click();
    });
    okButton()->setToolTip(tr("Pause (Ctrl+Return)"));
    revalidate();
}

QString PauseAgentDialog::note() const { return m_note->toPlainText().trimmed(); }

int PauseAgentDialog::timeoutMinutes() const { return m_timeout->value(); }

bool PauseAgentDialog::validate()
{
    const int minutes = m_timeout->value();
    const QDateTime until = QDateTime::currentDateTimeUtc().addSecs(qint64(minutes) * 60);
    m_timeoutHint->showHint(tr("Resumes by itself after %1, around %2 (at most a week).")
                                .arg(duration(minutes), Format::dateTime(until)),
        Tone::Neutral);
    return minutes >= 1 && minutes <= maxTimeoutMinutes;
}

void PauseAgentDialog::submit() { Q_EMIT submitted(note(), timeoutMinutes()); }
