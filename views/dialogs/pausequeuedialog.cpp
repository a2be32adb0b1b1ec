// SPDX-License-Identifier: MIT
#include "pausequeuedialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>

PauseQueueDialog::PauseQueueDialog(const Queue& queue, QWidget* parent)
    : FormDialog(parent)
    , m_queue(queue)
    , m_note(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("pauseQueueDialog"));
    setWindowTitle(tr("Pause Dispatch"));
    okButton()->setText(tr("Pause"));
    okButton()->setAccessibleName(tr("Pause dispatch on %1").arg(queue.key));
    setBusyText(tr("Pausing dispatch…"));

    auto* intro = new QLabel(
        tr("Agents stop picking up new jobs from this queue until it is resumed. Jobs already "
           "running carry on."),
        this);
    intro->setWordWrap(true);
    form()->addRow(intro);

    auto* key = new QLabel(queue.key, this);
    key->setObjectName(QStringLiteral("keyLabel"));
    key->setTextFormat(Qt::PlainText);
    QFont bold = key->font();
    bold.setBold(true);
    key->setFont(bold);
    form()->addRow(tr("Queue:"), key);

    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setPlaceholderText(
        tr("Why is dispatch paused? Shown on the queue page and on affected builds."));
    m_note->setTabChangesFocus(true);
    m_note->setFixedHeight(QFontMetrics(m_note->font()).lineSpacing() * 4 + 12);
    form()->addRow(tr("&Note:"), m_note);
    m_note->setFocus();

    auto* submitShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(submitShortcut, &QShortcut::activated, okButton(), [this] {
        if (okButton()->isEnabled())
            okButton()->click();
    });
    okButton()->setToolTip(tr("Pause (Ctrl+Return)"));
    revalidate();
}

QString PauseQueueDialog::note() const { return m_note->toPlainText().trimmed(); }

void PauseQueueDialog::submit() { Q_EMIT submitted(note()); }
