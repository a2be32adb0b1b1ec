// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class OrganizationSession;

// Whether the session keeps the organisation current in the background: when the user wants it
// (View > Auto-refresh, remembered by the main window) and the window is not minimised. How
// often, and at what cost, is the session's RefreshScheduler's to decide: this only switches it.
// A reload (F5, the first load) finishes whatever this says.
class AutoRefresh final : public QObject {
    Q_OBJECT
public:
    explicit AutoRefresh(QObject* parent = nullptr);

    // The session switched (not owned; null: none).
    void setSession(OrganizationSession* session);
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    void setMinimised(bool minimised);
    bool isMinimised() const { return m_minimised; }
    // Whether the background checks run now.
    bool isRunning() const;

Q_SIGNALS:
    void runningChanged(bool running);

private:
    void apply();

    QPointer<OrganizationSession> m_session;
    bool m_enabled = true;
    bool m_minimised = false;
    bool m_running = false;
};
