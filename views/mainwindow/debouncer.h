// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QTimer;

// Coalesces a burst of values (keystrokes in a filter box) into few applications, without
// delaying the first: a value submitted after a quiet period is applied at once (the leading
// edge, so typing always gets feedback immediately); one submitted within delay() of the
// previous submission waits, and the latest value is applied delay() after the last one.
//
// Tests give it a clock and call tick() instead of waiting for its timer.
class Debouncer final : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic

    explicit Debouncer(int delayMs, QObject* parent = nullptr);

    void setDelay(int milliseconds) { m_delay = milliseconds; }
    int delay() const { return m_delay; }
    void setClock(Clock clock);
    // Off: nothing happens by itself; tests call tick().
    void setAutomaticTimer(bool on);

    void submit(const QString& value);
    // Applies value now, dropping anything waiting, and ends the quiet period: the next
    // submission is a leading edge again (clearing a filter box).
    void applyNow(const QString& value);
    // Applies a waiting value now (Enter in the box).
    void flush();
    bool isPending() const { return m_pending; }
    // Milliseconds until a waiting value is due; -1 when none waits.
    qint64 dueInMs() const;

    // Applies a waiting value that is due. The timer calls it; so can a test.
    void tick();

Q_SIGNALS:
    void triggered(const QString& value);

private:
    qint64 now() const;
    void apply(const QString& value, qint64 at);

    int m_delay;
    Clock m_clock;
    QTimer* m_timer;
    bool m_automatic = true;
    bool m_pending = false;
    QString m_value;
    qint64 m_dueAt = 0;
    qint64 m_quietAt = 0; // submissions from then on are leading edges
};
