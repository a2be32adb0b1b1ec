// SPDX-License-Identifier: MIT
#include "scriptedserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

ScriptedServer::ScriptedServer(QObject* parent)
    : QTcpServer(parent)
    , m_fallback { 404, {}, QByteArrayLiteral("{\"message\":\"No route\"}") }
{
    m_clock.start();
    listen(QHostAddress::LocalHost, 0);
}

int ScriptedServer::count(const QByteArray& verb) const
{
    int n = 0;
    for (const Request& r : m_requests)
        n += r.verb == verb ? 1 : 0;
    return n;
}

QUrl ScriptedServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path));
}

ScriptedServer::Reply ScriptedServer::json(
    int status, const QByteArray& body, QList<QPair<QByteArray, QByteArray>> headers)
{
    headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/json; charset=utf-8")));
    return { status, headers, body };
}

void ScriptedServer::incomingConnection(qintptr socketDescriptor)
{
    auto* socket = new QTcpSocket(this);
    socket->setSocketDescriptor(socketDescriptor);
    const int connection = ++m_connections;
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer, connection] {
        buffer->append(socket->readAll());
        // A keep-alive connection carries one request after another.
        for (;;) {
            const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            Request request;
            request.connection = connection;
            request.receivedAtMs = m_clock.elapsed();
            const QList<QByteArray> lines = buffer->left(headerEnd).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.verb = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                        lines.at(i).mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer->size() < headerEnd + 4 + length)
                return; // wait for the rest of the body
            request.body = buffer->mid(headerEnd + 4, length);
            buffer->remove(0, headerEnd + 4 + length);
            m_requests.append(request);
            Q_EMIT requestReceived();
            const Reply reply = m_script.isEmpty() ? m_fallback : m_script.takeFirst();
            if (reply.delayMs > 0) {
                QTimer::singleShot(reply.delayMs, socket, [this, socket, reply] {
                    if (socket->state() == QAbstractSocket::ConnectedState)
                        answer(socket, reply);
                });
                return;
            }
            answer(socket, reply);
            if (socket->state() != QAbstractSocket::ConnectedState)
                return;
        }
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

void ScriptedServer::answer(QTcpSocket* socket, const Reply& reply)
{
    using Action = Reply::Action;
    if (reply.action == Action::Hang)
        return;
    if (reply.action == Action::CloseWithoutAnswer) {
        // The request was read in full: the server may well have acted on it.
        socket->disconnectFromHost();
        return;
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Scripted\r\n";
    for (const auto& [name, value] : reply.headers)
        out += name + ": " + value + "\r\n";
    if (reply.action == Action::Drop) {
        // Promise more than is sent, then hang up mid-body.
        out += "Content-Length: " + QByteArray::number(reply.body.size() + 1000) + "\r\n\r\n"
            + reply.body;
        socket->write(out);
        socket->flush();
        socket->abort();
        socket->deleteLater();
        return;
    }
    if (reply.action == Action::Stream) {
        if (reply.declaredLength >= 0)
            out += "Content-Length: " + QByteArray::number(reply.declaredLength) + "\r\n";
        out += "Connection: close\r\n\r\n";
        socket->write(out);
        stream(socket, reply.streamBytes);
        return;
    }
    const qint64 length = reply.declaredLength >= 0 ? reply.declaredLength : reply.body.size();
    out += "Content-Length: " + QByteArray::number(length) + "\r\n";
    if (reply.action == Action::KeepAlive) {
        socket->write(out + "Connection: keep-alive\r\n\r\n" + reply.body);
        return;
    }
    out += "Connection: close\r\n\r\n" + reply.body;
    if (reply.action == Action::Drip) {
        // The head at once, then the body one byte at a time: never silent for longer than the
        // interval, however long it takes in all.
        socket->write(out.left(out.size() - reply.body.size()));
        auto* timer = new QTimer(socket);
        auto sent = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [socket, timer, body = reply.body, sent] {
            if (*sent >= body.size()) {
                timer->stop();
                socket->disconnectFromHost();
                return;
            }
            socket->write(body.mid((*sent)++, 1));
        });
        timer->start(reply.dripIntervalMs);
        return;
    }
    socket->write(out);
    socket->disconnectFromHost();
}

void ScriptedServer::stream(QTcpSocket* socket, qint64 remaining)
{
    // Keep only a little in flight, so the bytes counted are the bytes the client took.
    static constexpr qint64 chunk = 64 * 1024;
    QPointer<QTcpSocket> guard(socket);
    auto left = std::make_shared<qint64>(remaining);
    auto refill = [this, guard, left] {
        if (!guard || guard->state() != QAbstractSocket::ConnectedState)
            return;
        while (*left > 0 && guard->bytesToWrite() < chunk) {
            const qint64 n = qMin(chunk, *left);
            guard->write(QByteArray(n, 'x'));
            *left -= n;
            m_bytesStreamed += n;
        }
        if (*left == 0 && guard->bytesToWrite() == 0)
            guard->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::bytesWritten, this, refill);
    refill();
}
