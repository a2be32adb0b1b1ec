// SPDX-License-Identifier: MIT
#include "rowtext.h"

#include "agenttally.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace RowText {
QString searchText(const Cluster& c)
{
    return QStringList { c.name, c.description, c.id }.join(QLatin1Char(' '));
}

QString searchText(const Queue& q)
{
    return QStringList { q.key, q.description, q.id }.join(QLatin1Char(' '));
}

QString searchText(const AgentToken& t)
{
    return QStringList { t.description, t.id }.join(QLatin1Char(' '));
}

QString pauseText(const Queue& q)
{
    if (!q.dispatchPaused)
        return {};
    QString text = q.dispatchPausedBy && !q.dispatchPausedBy->isEmpty()
        ? QCoreApplication::translate("RowText", "Paused by %1")
              .arg(q.dispatchPausedBy->displayName())
        : QCoreApplication::translate("RowText", "Paused");
    if (!q.dispatchPausedNote.isEmpty())
        text += QStringLiteral(": ") + q.dispatchPausedNote;
    return text;
}

QString hostingText(const Queue& q)
{
    if (!q.hosted)
        return QCoreApplication::translate("RowText", "Self-hosted");
    return q.instanceShape.isValid() ? q.instanceShape.displayName()
                                     : QCoreApplication::translate("RowText", "Hosted");
}

QString expiryText(TokenExpiry::State state)
{
    switch (state) {
    case TokenExpiry::State::Never:
        return {};
    case TokenExpiry::State::Valid:
        return QCoreApplication::translate("RowText", "Valid");
    case TokenExpiry::State::ExpiringSoon:
        return QCoreApplication::translate("RowText", "Expires soon");
    case TokenExpiry::State::Expired:
        return QCoreApplication::translate("RowText", "Expired");
    }
    return {};
}

QString checkedText(const QDateTime& checkedAt, const QDateTime& now)
{
    if (!checkedAt.isValid())
        return QCoreApplication::translate("RowText", "Not checked yet");
    const qint64 seconds = std::max<qint64>(0, checkedAt.secsTo(now));
    if (seconds < 10)
        return QCoreApplication::translate("RowText", "Checked just now");
    const int secondsAgo = static_cast<int>(seconds);
    if (seconds < 60)
        return QCoreApplication::translate("RowText", "Checked %n s ago", "seconds", secondsAgo);
    const int minutesAgo = secondsAgo / 60;
    if (seconds < 3600)
        return QCoreApplication::translate("RowText", "Checked %n min ago", "minutes", minutesAgo);
    const QDateTime local = checkedAt.toLocalTime();
    const QString when = local.date() == now.toLocalTime().date()
        ? QLocale().toString(local.time(), QLocale::ShortFormat)
        : QLocale().toString(local, QLocale::ShortFormat);
    return QCoreApplication::translate("RowText", "Checked at %1").arg(when);
}

namespace {
QString agentCount(int n)
{
    // Spelled out rather than "%n agent(s)": the models layer is used without the views' plural
    // catalogue (the export, the tests), where "(s)" would show.
    return n == 1 ? QCoreApplication::translate("RowText", "1 agent")
                  : QCoreApplication::translate("RowText", "%1 agents").arg(n);
}
} // namespace

QString agentsBadge(const AgentCounts& c)
{
    if (c.connected == 0)
        return QCoreApplication::translate("RowText", "No agents");
    QStringList parts { agentCount(c.connected) };
    if (c.busy > 0)
        parts.append(QCoreApplication::translate("RowText", "%1 busy").arg(c.busy));
    if (c.paused > 0)
        parts.append(QCoreApplication::translate("RowText", "%1 paused").arg(c.paused));
    return parts.join(QStringLiteral(" · "));
}

QString agentsText(const AgentCounts& c)
{
    if (c.connected == 0)
        return QCoreApplication::translate("RowText", "No agents connected");
    QStringList parts;
    if (c.busy > 0)
        parts.append(QCoreApplication::translate("RowText", "%1 busy").arg(c.busy));
    if (c.paused > 0)
        parts.append(QCoreApplication::translate("RowText", "%1 paused").arg(c.paused));
    if (c.stopping > 0)
        parts.append(QCoreApplication::translate("RowText", "%1 stopping").arg(c.stopping));
    if (c.idle() > 0)
        parts.append(QCoreApplication::translate("RowText", "%1 idle").arg(c.idle()));
    return QCoreApplication::translate("RowText", "%1 connected: %2")
        .arg(agentCount(c.connected), parts.join(QStringLiteral(", ")));
}

} // namespace RowText
