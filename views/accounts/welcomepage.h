// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCommandLinkButton;

// What a first start shows, before any account exists: connect an organisation, or look
// around the sandbox organisation first. The main window acts on the two signals.
class WelcomePage final : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);

Q_SIGNALS:
    // Open the sign-in form (SignInDialog).
    void connectRequested();
    // Start the local sandbox and browse its demo organisation.
    void exploreSandboxRequested();

private:
    QCommandLinkButton* m_connect;
    QCommandLinkButton* m_sandbox;
};
