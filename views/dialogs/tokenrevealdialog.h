// SPDX-License-Identifier: MIT
#pragma once

#include "domain/agenttoken.h"
#include "domain/cluster.h"

#include <QDialog>
#include <QPointer>

#include <chrono>
#include <optional>

class HintLabel;
class QLabel;
class QLineEdit;
class QMessageBox;
class QPushButton;
class TokenRevealTimer;

// Shows a newly created agent token's value, the one time Buildkite hands it out.
//
// The value lives only in this dialog (and in the clipboard if the user copies it): it is never
// logged or stored, and the destructor overwrites its characters in memory. A copied value is
// cleared from the clipboard after a delay (30 s) unless the clipboard has changed since; the
// clearing outlives the dialog, because users close it and then paste. Closing by Done, the
// window's close button or Escape before the value was copied first asks "You will not see this
// token again"; after a copy it just closes.
//
// On X11 (and Wayland) selecting text puts it in the PRIMARY selection, which nothing ever clears
// and any application can read: a drag over the value or Ctrl+A in it would leave the token
// there after the dialog is gone. The dialog takes it straight back out: when the selection the
// app owns becomes (part of) the value, it is cleared at once, before the event loop could serve
// it to anyone; and closing clears whatever of the value is still there.
//
// Both delays (the clipboard clear, the "Copied" feedback) run on the dialog's clock: the steady
// clock plus whatever advanceClock() has let pass. That is the seam that spares tests the wait.
//
// objectNames: tokenValueField, copyButton, doneButton, warningLabel, copyStatusLabel,
// confirmCloseBox (the confirmation, a child QMessageBox opened window-modal) with its buttons
// confirmCloseButton and goBackButton.
class TokenRevealDialog final : public QDialog {
    Q_OBJECT
public:
    // Takes the value by value: move it in so this dialog holds the only copy.
    TokenRevealDialog(
        QString value, const AgentToken& token, const Cluster& cluster, QWidget* parent = nullptr);
    ~TokenRevealDialog() override;

    static constexpr std::chrono::milliseconds defaultClipboardClearDelay { 30000 };
    // How long the Copy button says "Copied".
    static constexpr std::chrono::milliseconds copyFeedbackDuration { 2000 };
    void setClipboardClearDelay(std::chrono::milliseconds delay) { m_clearDelay = delay; }
    std::chrono::milliseconds clipboardClearDelay() const { return m_clearDelay; }
    bool wasCopied() const { return m_copied; }

    // The clock seam. advanceClock lets `elapsed` pass at once for the app-wide clipboard clear
    // and for every dialog's "Copied" feedback: what falls due runs inside the call, the rest
    // goes on with the time that is left. pendingClipboardClear is the time left before the
    // clipboard is cleared; nullopt when no clear is pending.
    static void advanceClock(std::chrono::milliseconds elapsed);
    static std::optional<std::chrono::milliseconds> pendingClipboardClear();

public Q_SLOTS:
    void copyToClipboard();
    // Every way of closing ends here; it asks first and closes once confirmed.
    void done(int result) override;

Q_SIGNALS:
    void copied();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void askToClose(int result);
    // Clears the PRIMARY selection if this app owns it and it holds any of the value.
    void clearSelectionOfValue();
    void resetCopyButton();
    void wipe();

    QString m_value;
    QLineEdit* m_field;
    QPushButton* m_copy;
    QPushButton* m_done;
    HintLabel* m_copyStatus;
    TokenRevealTimer* m_copyFeedback;
    QPointer<QMessageBox> m_confirm;
    std::chrono::milliseconds m_clearDelay = defaultClipboardClearDelay;
    bool m_copied = false;
    bool m_confirmed = false;
};
