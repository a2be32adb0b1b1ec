// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QUrl>

// A tiny HTTP/1.1 server on loopback that answers from a script, for testing the client's
// transport policy exactly (retries, 429, redirects, dropped connections). Each connection
// serves one request and closes.
class ScriptedServer final : public QTcpServer {
    Q_OBJECT
public:
    struct Reply {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        enum class Action {
            Respond,
            Drop,
            Hang
        } action = Action::Respond;
    };
    struct Request {
        QByteArray verb;
        QByteArray target; // path and query
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    explicit ScriptedServer(QObject* parent = nullptr);
    QUrl url(const QString& path = {}) const;

    // Replies are used in order; when the script runs out, `fallback` answers.
    void enqueue(const Reply& reply) { m_script.append(reply); }
    void setFallback(const Reply& reply) { m_fallback = reply; }
    static Reply json(
        int status, const QByteArray& body, QList<QPair<QByteArray, QByteArray>> headers = {});

    const QList<Request>& requests() const { return m_requests; }

Q_SIGNALS:
    void requestReceived();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    QList<Reply> m_script;
    Reply m_fallback { 404, {}, R"({"message":"No route"})" };
    QList<Request> m_requests;
};
