// SPDX-License-Identifier: MIT
#include "messagecapture.h"

#include <QMutex>
#include <QString>

namespace {
QMutex mutex;
QByteArray captured;
QtMessageHandler previousHandler = nullptr;
bool active = false;
} // namespace

MessageCapture::MessageCapture()
{
    {
        QMutexLocker lock(&mutex);
        if (active)
            qFatal("MessageCapture: only one capture at a time");
        active = true;
        captured.clear();
    }
    m_previous = qInstallMessageHandler(&MessageCapture::handle);
    QMutexLocker lock(&mutex);
    previousHandler = m_previous;
}

MessageCapture::~MessageCapture()
{
    qInstallMessageHandler(m_previous);
    QMutexLocker lock(&mutex);
    previousHandler = nullptr;
    active = false;
}

QByteArray MessageCapture::text() const
{
    QMutexLocker lock(&mutex);
    return captured;
}

void MessageCapture::handle(
    QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    QtMessageHandler next = nullptr;
    {
        QMutexLocker lock(&mutex);
        captured += QByteArray(context.category ? context.category : "default") + ": "
            + message.toUtf8() + '\n';
        next = previousHandler;
    }
    if (next)
        next(type, context, message);
}
