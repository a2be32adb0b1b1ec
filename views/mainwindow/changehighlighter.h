// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

class QAbstractItemView;
class QTimer;

// Remembers which ids changed in the last refresh, so the delegate can tint their rows and fade
// the tint out over a few seconds.
class ChangeHighlighter final : public QObject {
    Q_OBJECT
public:
    explicit ChangeHighlighter(QAbstractItemView* view, int durationMs = 3000);

    void mark(const QStringList& ids);
    // 0..1: how strongly the row for this id is highlighted now.
    qreal strength(const QString& id) const;
    bool isHighlighted(const QString& id) const { return strength(id) > 0; }
    int durationMs() const { return m_durationMs; }

private:
    void tick();

    QPointer<QAbstractItemView> m_view;
    QHash<QString, QDateTime> m_marked;
    QTimer* m_timer;
    int m_durationMs;
};
