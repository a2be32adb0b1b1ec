// SPDX-License-Identifier: MIT
#include "changehighlighter.h"

#include <QAbstractItemView>
#include <QTimer>

ChangeHighlighter::ChangeHighlighter(QAbstractItemView* view, int durationMs)
    : QObject(view)
    , m_view(view)
    , m_timer(new QTimer(this))
    , m_durationMs(durationMs)
{
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &ChangeHighlighter::tick);
}

void ChangeHighlighter::mark(const QStringList& ids)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString& id : ids)
        m_marked.insert(id, now);
    if (!m_marked.isEmpty())
        m_timer->start();
    if (m_view)
        m_view->viewport()->update();
}

qreal ChangeHighlighter::strength(const QString& id) const
{
    const auto it = m_marked.constFind(id);
    if (it == m_marked.cend())
        return 0;
    const qint64 age = it->msecsTo(QDateTime::currentDateTimeUtc());
    return age >= m_durationMs ? 0 : 1.0 - qreal(age) / m_durationMs;
}

void ChangeHighlighter::tick()
{
    for (auto it = m_marked.begin(); it != m_marked.end();) {
        if (strength(it.key()) <= 0)
            it = m_marked.erase(it);
        else
            ++it;
    }
    if (m_marked.isEmpty())
        m_timer->stop();
    if (m_view)
        m_view->viewport()->update();
}
