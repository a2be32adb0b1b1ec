// SPDX-License-Identifier: MIT
#include "sandboxlistener.h"

#include <QHttpServerRequest>
#include <QTcpSocket>

SandboxListener::SandboxListener(Handler handler, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{
}

bool SandboxListener::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    m_handler(request, socket);
    return true;
}

void SandboxListener::missingHandler(const QHttpServerRequest&, QTcpSocket* socket)
{
    // Unreachable: handleRequest() takes everything. Close rather than leave a client hanging.
    socket->disconnectFromHost();
}
