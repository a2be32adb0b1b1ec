// SPDX-License-Identifier: MIT
#pragma once

// Shared by the dialog tests: the values the dialogs edit, and FormDialog's parts by objectName.

#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/instanceshape.h"
#include "domain/queue.h"
#include "panes/hintlabel.h"
#include "widgettesthelpers.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>

namespace DialogTest {

using WidgetTest::child;
using WidgetTest::typeInto;

inline Cluster cluster()
{
    Cluster c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("Mobile Apps");
    c.description = QStringLiteral("iOS and Android");
    c.emoji = QStringLiteral(":iphone:");
    c.color = QStringLiteral("#ffe0f1");
    return c;
}

inline Queue queue(const QString& id, const QString& key)
{
    Queue q;
    q.id = id;
    q.clusterId = QStringLiteral("c1");
    q.key = key;
    q.description = QStringLiteral("Builds");
    q.retryAgentAffinity = QStringLiteral("prefer-warmest");
    return q;
}

inline Queue hostedQueue(const QString& shape)
{
    Queue q = queue(QStringLiteral("h1"), QStringLiteral("hosted"));
    q.hosted = true;
    q.instanceShape = InstanceShape::find(shape);
    return q;
}

inline AgentToken token()
{
    AgentToken t;
    t.id = QStringLiteral("t1");
    t.clusterId = QStringLiteral("c1");
    t.description = QStringLiteral("macOS fleet");
    t.allowedIpAddresses = QStringLiteral("192.0.2.0/24 198.51.100.7/32");
    t.expiresAt = QDateTime::currentDateTimeUtc().addDays(20);
    return t;
}

inline QPushButton* ok(QWidget* dialog) { return child<QPushButton>(dialog, "okButton"); }

inline HintLabel* hint(QWidget* dialog, const char* name) { return child<HintLabel>(dialog, name); }

inline bool hintShown(QWidget* dialog, const char* name)
{
    return hint(dialog, name)->isVisibleTo(dialog) && !hint(dialog, name)->text().isEmpty();
}

inline QJsonObject json(const char* text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// Answers the next confirmation (confirmDestructive's box) by clicking the button with this
// objectName.
inline void answerNextBox(
    const char* buttonName, QString* seenText = nullptr, QString* seenInfo = nullptr)
{
    WidgetTest::answerNextBox("confirmDestructiveBox", buttonName, seenText, seenInfo);
}

} // namespace DialogTest
