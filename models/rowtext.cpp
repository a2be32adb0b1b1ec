// SPDX-License-Identifier: MIT
#include "rowtext.h"

#include "agenttally.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"

#include <QCoreApplication>

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

namespace {
QString tr(const char* text) { return QCoreApplication::translate("RowText", text); }
QString counted(int n, const char* one, const char* many)
{
    return n == 1 ? tr(one) : tr(many).arg(n);
}
} // namespace

QString agentsBadge(const AgentCounts& c)
{
    if (c.connected == 0)
        return tr("No agents");
    QStringList parts { counted(c.connected, "1 agent", "%1 agents") };
    if (c.busy > 0)
        parts.append(tr("%1 busy").arg(c.busy));
    if (c.paused > 0)
        parts.append(tr("%1 paused").arg(c.paused));
    return parts.join(QStringLiteral(" · "));
}

QString agentsText(const AgentCounts& c)
{
    if (c.connected == 0)
        return tr("No agents connected");
    QStringList parts;
    if (c.busy > 0)
        parts.append(tr("%1 busy").arg(c.busy));
    if (c.paused > 0)
        parts.append(tr("%1 paused").arg(c.paused));
    if (c.stopping > 0)
        parts.append(tr("%1 stopping").arg(c.stopping));
    if (c.idle() > 0)
        parts.append(tr("%1 idle").arg(c.idle()));
    return tr("%1 connected: %2")
        .arg(counted(c.connected, "1 agent", "%1 agents"), parts.join(QStringLiteral(", ")));
}

} // namespace RowText
