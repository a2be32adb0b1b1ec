// SPDX-License-Identifier: MIT
#include "sandboxsocketwriter.h"

#include <QTcpSocket>

namespace {
// Time for a client to read a partial answer before the hang-up: a client that sees the
// connection die before any byte of a response may resend the request by itself.
constexpr int hangUpDelayMs = 50;
// A stream is topped up while less than this is waiting in the socket's buffer, so an
// oversized body never sits in memory whole.
constexpr qint64 streamWatermark = 256 * 1024;
constexpr qint64 streamChunk = 64 * 1024;

QByteArray filler(qint64 size)
{
    static const QByteArray pattern = QByteArrayLiteral(
        "{\"id\":\"00000000-0000-4000-8000-000000000000\",\"name\":\"padding\"},");
    QByteArray out;
    out.reserve(size);
    while (out.size() < size)
        out += pattern.left(size - out.size());
    return out;
}
} // namespace

SandboxSocketWriter::SandboxSocketWriter(QTcpSocket* socket, Finished finished, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_finished(std::move(finished))
{
    m_dripTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_dripTimer, &QTimer::timeout, this, &SandboxSocketWriter::dripOne);
}

SandboxSocketWriter::~SandboxSocketWriter() { abandon(); }

void SandboxSocketWriter::deliver(quint64 sequence, SandboxOutgoing outgoing)
{
    m_ready.insert(sequence, std::move(outgoing));
    pump();
}

void SandboxSocketWriter::abandon()
{
    m_dripTimer.stop();
    disconnect(m_streamConnection);
    m_closed = true;
    if (m_active) {
        const SandboxOutgoing done = *m_active;
        m_active.reset();
        m_finished(done);
    }
    while (!m_ready.isEmpty())
        m_finished(m_ready.take(m_ready.firstKey()));
}

bool SandboxSocketWriter::socketUsable() const
{
    return !m_closed && m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void SandboxSocketWriter::pump()
{
    while (!m_active && !m_ready.isEmpty() && m_ready.firstKey() == m_nextToWrite) {
        SandboxOutgoing next = m_ready.take(m_nextToWrite);
        ++m_nextToWrite;
        if (!socketUsable()) {
            m_finished(next);
            continue;
        }
        switch (next.delivery) {
        case SandboxOutgoing::Delivery::Whole:
            m_socket->write(next.bytes);
            if (next.closeAfter)
                closeConnection(false);
            m_finished(next);
            break;
        case SandboxOutgoing::Delivery::CutShort:
            m_socket->write(next.bytes);
            closeConnection(true);
            m_finished(next);
            break;
        case SandboxOutgoing::Delivery::Silent:
            // Answers already written still leave (disconnectFromHost flushes them first).
            closeConnection(false);
            m_finished(next);
            break;
        case SandboxOutgoing::Delivery::Drip:
            m_active = std::move(next);
            startDrip();
            break;
        case SandboxOutgoing::Delivery::Stream:
            m_active = std::move(next);
            m_socket->write(m_active->bytes);
            m_streamLeft = m_active->streamBytes;
            m_streamConnection
                = connect(m_socket, &QTcpSocket::bytesWritten, this, [this] { feedStream(); });
            feedStream();
            break;
        }
    }
}

void SandboxSocketWriter::startDrip()
{
    m_offset = 0;
    m_dripTimer.start(qMax(0, m_active->dripIntervalMs));
    dripOne();
}

void SandboxSocketWriter::dripOne()
{
    if (!m_active)
        return;
    if (!socketUsable()) {
        endActive();
        return;
    }
    if (m_offset < m_active->bytes.size()) {
        m_socket->write(m_active->bytes.constData() + m_offset, 1);
        m_socket->flush();
        ++m_offset;
    }
    if (m_offset >= m_active->bytes.size()) {
        if (m_active->closeAfter)
            closeConnection(false);
        endActive();
    }
}

void SandboxSocketWriter::feedStream()
{
    if (!m_active)
        return;
    if (!socketUsable()) {
        endActive();
        return;
    }
    while (m_streamLeft > 0 && m_socket->bytesToWrite() < streamWatermark) {
        const qint64 size = qMin(streamChunk, m_streamLeft);
        m_socket->write(filler(size));
        m_streamLeft -= size;
    }
    if (m_streamLeft == 0) {
        if (m_active->closeAfter)
            closeConnection(false);
        endActive();
    }
}

void SandboxSocketWriter::endActive()
{
    m_dripTimer.stop();
    disconnect(m_streamConnection);
    const SandboxOutgoing done = *m_active;
    m_active.reset();
    m_finished(done);
    pump();
}

void SandboxSocketWriter::closeConnection(bool afterDelay)
{
    m_closed = true;
    if (!m_socket)
        return;
    m_socket->flush();
    if (!afterDelay) {
        m_socket->disconnectFromHost(); // flushes what was written, then closes
        return;
    }
    // Note for clients: QNetworkAccessManager 6.4 reports a cut answer either as
    // RemoteHostClosedError or, racing its own EOF handling, as a finished reply whose body is
    // shorter than its Content-Length.
    QPointer<QTcpSocket> socket = m_socket;
    QTimer::singleShot(hangUpDelayMs, socket, [socket] {
        if (socket)
            socket->disconnectFromHost();
    });
}
