// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

// One response on its way to the socket, and how it is to be put on the wire.
struct SandboxOutgoing {
    enum class Delivery {
        Whole, // all of bytes at once
        CutShort, // bytes (headers and part of a body), then the connection is closed
        Silent, // not a single byte: the connection is closed instead
        Drip, // bytes one at a time, dripIntervalMs apart
        Stream, // bytes, then streamBytes of filler as fast as the client reads
    };

    QByteArray verb;
    QString path;
    int status = 0;
    qint64 receivedMs = 0;
    Delivery delivery = Delivery::Whole;
    QByteArray bytes;
    qint64 streamBytes = 0;
    int dripIntervalMs = 0;
    bool closeAfter = false; // the client asked for "Connection: close"
};
