// SPDX-License-Identifier: MIT
#pragma once

#include "panes/tone.h"

#include <QWidget>

class Banner;
class QCommandLinkButton;

// What a first start shows, before any account exists: connect an organisation, or look
// around the sandbox organisation first. The main window acts on the two signals.
class WelcomePage final : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

    // A message under the two choices (objectNames messageBanner, messageLabel), e.g. why the
    // sandbox could not start: failures reach the page the user is looking at, not only the log.
    // An empty text hides it.
    void showMessage(const QString& text, Tone tone = Tone::Danger);
    QString message() const;

Q_SIGNALS:
    // Open the sign-in form (SignInDialog).
    void connectRequested();
    // Start the local sandbox and browse its demo organisation.
    void exploreSandboxRequested();

private:
    QCommandLinkButton* m_connect;
    QCommandLinkButton* m_sandbox;
    Banner* m_message;
};
