// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QtGlobal>

// Records every Qt message (qDebug, qCInfo, warnings...) as "category: message" lines while it
// lives, and still passes each one on to the handler installed before it, so the test log keeps
// them. Thread-safe: Qt's own threads log too. One capture at a time.
//
// Enable the levels to capture first, e.g. QLoggingCategory::setFilterRules("*.debug=true").
class MessageCapture final {
public:
    MessageCapture();
    ~MessageCapture();
    MessageCapture(const MessageCapture&) = delete;
    MessageCapture& operator=(const MessageCapture&) = delete;

    // Everything captured so far.
    QByteArray text() const;

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message);

    QtMessageHandler m_previous = nullptr;
};
