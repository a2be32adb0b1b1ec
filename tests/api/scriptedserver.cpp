// SPDX-License-Identifier: MIT
#include "scriptedserver.h"

#include <QTcpSocket>

ScriptedServer::ScriptedServer(QObject* parent)
    : QTcpServer(parent)
{
    listen(QHostAddress::LocalHost, 0);
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
    auto buffer = std::make_shared<QByteArray>();
    connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
        buffer->append(socket->readAll());
        const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Request request;
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
        buffer->clear();
        m_requests.append(request);
        Q_EMIT requestReceived();

        const Reply reply = m_script.isEmpty() ? m_fallback : m_script.takeFirst();
        if (reply.action == Reply::Action::Hang)
            return;
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " Scripted\r\n";
        for (const auto& [name, value] : reply.headers)
            out += name + ": " + value + "\r\n";
        if (reply.action == Reply::Action::Drop) {
            // Promise more than is sent, then hang up mid-body.
            out += "Content-Length: " + QByteArray::number(reply.body.size() + 1000) + "\r\n\r\n"
                + reply.body;
            socket->write(out);
            socket->flush();
            socket->abort();
            socket->deleteLater();
            return;
        }
        out += "Content-Length: " + QByteArray::number(reply.body.size())
            + "\r\nConnection: close\r\n\r\n" + reply.body;
        socket->write(out);
        socket->disconnectFromHost();
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}
