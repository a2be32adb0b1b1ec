// SPDX-License-Identifier: MIT
#include "debouncer.h"

#include <QElapsedTimer>
#include <QTimer>

Debouncer::Debouncer(int delayMs, QObject* parent)
    : QObject(parent)
    , m_delay(delayMs)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &Debouncer::tick);
    auto monotonic = std::make_shared<QElapsedTimer>();
    monotonic->start();
    // Starts above zero so that the first submission is past any quiet period.
    m_clock = [monotonic] { return monotonic->elapsed() + 1; };
}

void Debouncer::setClock(Clock clock) { m_clock = std::move(clock); }

void Debouncer::setAutomaticTimer(bool on)
{
    m_automatic = on;
    if (!on)
        m_timer->stop();
}

qint64 Debouncer::now() const { return m_clock(); }

void Debouncer::submit(const QString& value)
{
    const qint64 at = now();
    if (!m_pending && at >= m_quietAt) {
        m_quietAt = at + m_delay;
        apply(value, at);
        return;
    }
    m_pending = true;
    m_value = value;
    m_dueAt = at + m_delay;
    m_quietAt = m_dueAt;
    if (m_automatic)
        m_timer->start(m_delay);
}

void Debouncer::applyNow(const QString& value)
{
    m_pending = false;
    m_value.clear();
    m_timer->stop();
    m_quietAt = 0;
    apply(value, now());
}

void Debouncer::flush()
{
    if (m_pending)
        apply(std::exchange(m_value, {}), now());
}

qint64 Debouncer::dueInMs() const { return m_pending ? qMax<qint64>(0, m_dueAt - now()) : -1; }

void Debouncer::tick()
{
    if (!m_pending)
        return;
    const qint64 at = now();
    if (at < m_dueAt) {
        if (m_automatic)
            m_timer->start(int(m_dueAt - at));
        return;
    }
    apply(std::exchange(m_value, {}), at);
}

void Debouncer::apply(const QString& value, qint64 at)
{
    if (m_pending) {
        m_pending = false;
        m_timer->stop();
        // What the user typed meanwhile has waited long enough: a new quiet period starts.
        m_quietAt = at + m_delay;
    }
    Q_EMIT triggered(value);
}
