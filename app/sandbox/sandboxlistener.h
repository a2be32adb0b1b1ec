// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractHttpServer>

#include <functional>

// Hands every parsed request, with its socket, to one callback. The callback writes the
// response bytes itself, possibly later, so nothing here ever waits.
class SandboxListener final : public QAbstractHttpServer {
public:
    using Handler = std::function<void(const QHttpServerRequest&, QTcpSocket*)>;

    explicit SandboxListener(Handler handler, QObject* parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    Handler m_handler;
};
