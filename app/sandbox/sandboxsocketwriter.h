// SPDX-License-Identifier: MIT
#pragma once

#include "sandboxoutgoing.h"

#include <QMap>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpSocket;

// Writes one connection's responses in request order, even when they become ready out of
// order (latency), and carries out the delivery modes the faults ask for. Every response
// handed in is reported to the callback exactly once: written, cut short, or lost with the
// connection.
class SandboxSocketWriter final : public QObject {
public:
    using Finished = std::function<void(const SandboxOutgoing&)>;

    SandboxSocketWriter(QTcpSocket* socket, Finished finished, QObject* parent = nullptr);
    ~SandboxSocketWriter() override;

    quint64 nextSequence() { return m_nextSequence++; }
    void deliver(quint64 sequence, SandboxOutgoing outgoing);
    // The socket is going away: report whatever is still waiting.
    void abandon();

private:
    void pump();
    bool socketUsable() const;
    void startDrip();
    void dripOne();
    void feedStream();
    void endActive();
    void closeConnection(bool afterDelay);

    QPointer<QTcpSocket> m_socket;
    Finished m_finished;
    quint64 m_nextSequence = 0;
    quint64 m_nextToWrite = 0;
    QMap<quint64, SandboxOutgoing> m_ready;
    std::optional<SandboxOutgoing> m_active; // a drip or a stream in progress
    qint64 m_offset = 0;
    qint64 m_streamLeft = 0;
    QTimer m_dripTimer;
    QMetaObject::Connection m_streamConnection;
    bool m_closed = false;
};
