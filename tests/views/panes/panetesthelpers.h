// SPDX-License-Identifier: MIT
#pragma once

// Shared by the pane tests: a fully filled cluster, queue and agent token as the API returns
// them, and a field's text by objectName.

#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"
#include "domain/user.h"
#include "widgettesthelpers.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>

namespace PaneTest {

using WidgetTest::child;

inline const QString noWriteScope
    = QStringLiteral("Your API token doesn't have the write_clusters scope");

inline User user(const QString& name, const QString& email)
{
    User u;
    u.id = QStringLiteral("u-") + name;
    u.name = name;
    u.email = email;
    return u;
}

inline Cluster cluster()
{
    Cluster c;
    c.id = QStringLiteral("42f44f0a-d9b6-4787-8d16-5c6fbd45319a");
    c.graphqlId
        = QStringLiteral("Q2x1c3Rlci0tLTQyZjQ0ZjBhLWQ5YjYtNDc4Ny04ZDE2LTVjNmZiZDQ1MzE5YQ==");
    c.name = QStringLiteral("Mobile Apps");
    c.description = QStringLiteral("iOS and Android builds");
    c.emoji = QStringLiteral(":technologist:");
    c.color = QStringLiteral("#FFE0F1");
    c.url = QStringLiteral("https://api.buildkite.com/v2/organizations/acme/clusters/42f4");
    c.webUrl = QStringLiteral("https://buildkite.com/organizations/acme/clusters/42f4");
    c.createdAt = QDateTime::currentDateTimeUtc().addDays(-40);
    c.createdBy = user(QStringLiteral("Sam Kim"), QStringLiteral("sam@example.com"));
    Maintainer m;
    m.kind = Maintainer::Kind::User;
    m.name = QStringLiteral("Alex Doe");
    m.email = QStringLiteral("alex@example.com");
    Maintainer t;
    t.kind = Maintainer::Kind::Team;
    t.name = QStringLiteral("Platform");
    t.slug = QStringLiteral("platform");
    c.maintainers = { m, t };
    return c;
}

inline Queue queue(const QString& id, const QString& key)
{
    Queue q;
    q.id = id;
    q.clusterId = cluster().id;
    q.graphqlId = QStringLiteral("Q2x1c3RlclF1ZXVlLS0t") + id;
    q.key = key;
    q.description = QStringLiteral("Queue ") + key;
    q.url = QStringLiteral("https://api.buildkite.com/v2/organizations/acme/clusters/42f4/queues/")
        + id;
    q.webUrl
        = QStringLiteral("https://buildkite.com/organizations/acme/clusters/42f4/queues/") + id;
    q.createdAt = QDateTime::currentDateTimeUtc().addDays(-3);
    q.createdBy = user(QStringLiteral("Sam Kim"), QStringLiteral("sam@example.com"));
    q.retryAgentAffinity = QStringLiteral("prefer-warmest");
    return q;
}

inline AgentToken token(const QDateTime& expiresAt, const QString& allowlist = {})
{
    AgentToken t;
    t.id = QStringLiteral("b6001416-0e1e-41c6-9dbe-3d96766f451a");
    t.clusterId = cluster().id;
    t.graphqlId = QStringLiteral("Q2x1c3RlclRva2VuLS0t");
    t.description = QStringLiteral("macOS fleet");
    t.url = QStringLiteral(
        "https://api.buildkite.com/v2/organizations/acme/clusters/42f4/tokens/b600");
    t.createdAt = QDateTime::currentDateTimeUtc().addDays(-10);
    t.createdBy = user(QStringLiteral("Sam Kim"), QStringLiteral("sam@example.com"));
    t.allowedIpAddresses = allowlist;
    t.expiresAt = expiresAt;
    return t;
}

// A label's text, or a read-only field's.
inline QString text(QWidget* parent, const char* name)
{
    if (auto* label = parent->findChild<QLabel*>(QLatin1String(name)))
        return label->text();
    return child<QLineEdit>(parent, name)->text();
}

} // namespace PaneTest
