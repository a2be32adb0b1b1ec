// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

class QJsonArray;
class QJsonObject;

// One HTTP response before it is put on the wire. The sandbox writes the bytes itself (not
// through QHttpServerResponder) so it can delay them, reorder nothing, and cut them short.
struct SandboxResponse {
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    static SandboxResponse json(int status, const QJsonObject& object);
    static SandboxResponse json(int status, const QJsonArray& array);
    // Buildkite's error shape: {"message": "..."}.
    static SandboxResponse message(int status, const QString& message);
    static SandboxResponse noContent();
    // A canned body from a test; JSON if it parses as JSON, otherwise HTML or plain text.
    static SandboxResponse raw(int status, const QByteArray& body);

    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(const QByteArray& name) const;
    void removeHeader(const QByteArray& name);

    // Status line and headers, ending with the blank line. contentLength < 0: the body's size.
    QByteArray head(bool closeConnection, qint64 contentLength = -1) const;
    QByteArray toBytes(bool closeConnection) const;

    static QByteArray reasonPhrase(int status);
};
