// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// A tiny HTTP/1.1 server on loopback that answers from a script, for testing the client's
// transport policy exactly (retries, 429, redirects, dropped connections, resends, slow and
// oversized bodies). By default each connection serves one request and closes; a KeepAlive reply
// leaves the connection open for the client's next request, as real servers do.
class ScriptedServer final : public QTcpServer {
    Q_OBJECT
public:
    struct Reply {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        enum class Action {
            Respond, // answer and close the connection
            Drop, // promise more body than is sent, then hang up mid-body
            Hang, // read the request, never answer
            KeepAlive, // answer and keep the connection open for the next request
            CloseWithoutAnswer, // read the whole request, then close without sending a byte
            Drip, // the head at once, then the body one byte every dripIntervalMs
            Stream, // headers, then streamBytes of filler as fast as the client reads them
        } action = Action::Respond;
        int delayMs = 0; // wait this long before acting
        int dripIntervalMs = 0;
        qint64 streamBytes = 0;
        // Announced instead of the body's size when >= 0 (Stream: omitted when < 0, so the body
        // ends when the connection closes).
        qint64 declaredLength = -1;
    };
    struct Request {
        QByteArray verb;
        QByteArray target; // path and query
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
        int connection = 0; // 1 for the first connection accepted, 2 for the next, ...
        qint64 receivedAtMs = 0; // since the server started
    };

    explicit ScriptedServer(QObject* parent = nullptr);
    QUrl url(const QString& path = {}) const;

    // Replies are used in order; when the script runs out, `fallback` answers.
    void enqueue(const Reply& reply) { m_script.append(reply); }
    void setFallback(const Reply& reply) { m_fallback = reply; }
    static Reply json(
        int status, const QByteArray& body, QList<QPair<QByteArray, QByteArray>> headers = {});
    static Reply withAction(Reply reply, Reply::Action action)
    {
        reply.action = action;
        return reply;
    }

    const QList<Request>& requests() const { return m_requests; }
    int count(const QByteArray& verb) const;
    int connections() const { return m_connections; }
    // Filler bytes a Stream reply has handed to the kernel so far.
    qint64 bytesStreamed() const { return m_bytesStreamed; }

Q_SIGNALS:
    void requestReceived();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void answer(QTcpSocket* socket, const Reply& reply);
    void stream(QTcpSocket* socket, qint64 remaining);

    QList<Reply> m_script;
    Reply m_fallback;
    QList<Request> m_requests;
    int m_connections = 0;
    QElapsedTimer m_clock;
    qint64 m_bytesStreamed = 0;
};
