// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

// One HTTP request as the sandbox sees it, copied out of QHttpServerRequest so it can outlive
// the socket's parser state (responses may be delayed).
struct SandboxRequest {
    QByteArray verb;
    QString path; // decoded
    QString rawQuery;
    QUrlQuery query;
    QByteArray authorization;
    QByteArray body;
    bool closeConnection = false;
};
