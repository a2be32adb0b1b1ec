// SPDX-License-Identifier: MIT
#pragma once

// An organisation for the attention list and table tests: paused queues by different people,
// a hosted queue, expired, expiring, never-expiring and unrestricted tokens, as the tree holds it.

#include "modeltesthelpers.h"
#include "organizationsnapshot.h"
#include "organizationtreemodel.h"

#include <QTimeZone>

namespace ClusterStateTest {

using namespace TestData;

inline QDateTime t0() { return QDateTime::currentDateTimeUtc().addSecs(-60); }

inline Queue pausedBy(Queue q, const QString& name, const QDateTime& at, const QString& note)
{
    q = paused(q, note);
    q.dispatchPausedAt = at;
    User u;
    u.name = name;
    u.email = name.section(QLatin1Char(' '), 0, 0).toLower() + QStringLiteral("@example.com");
    q.dispatchPausedBy = u;
    return q;
}

inline OrganizationSnapshot snapshot(const QList<Queue>& extra = {})
{
    const QString c1 = QStringLiteral("c1");
    const QString c2 = QStringLiteral("c2");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject allowlist { { QStringLiteral("allowed_ip_addresses"),
        QStringLiteral("10.0.0.0/8") } };
    QList<Queue> build { pausedBy(queue(QStringLiteral("q1"), c1, QStringLiteral("default")),
                             QStringLiteral("Priya Raman"), now.addSecs(-7200),
                             QStringLiteral("INC-42 replication lag")),
        queue(QStringLiteral("q2"), c1, QStringLiteral("arm")),
        queue(QStringLiteral("q3"), c1, QStringLiteral("macos"),
            { { QStringLiteral("hosted"), true } }) };
    for (const Queue& q : extra)
        build.append(q);
    OrganizationSnapshot s { QStringLiteral("acme"), {} };
    s.clusters.append({ cluster(c1, QStringLiteral("Build")), build,
        { token(QStringLiteral("t1"), c1, QStringLiteral("Old CI"), now.addDays(-3), allowlist),
            token(QStringLiteral("t2"), c1, QStringLiteral("Soon"), now.addDays(2), allowlist) },
        {} });
    s.clusters.append({ cluster(c2, QStringLiteral("Deploy")),
        { queue(QStringLiteral("q4"), c2, QStringLiteral("deploy")),
            pausedBy(queue(QStringLiteral("q5"), c2, QStringLiteral("release")),
                QStringLiteral("Sam Kim"), now.addSecs(-600), QStringLiteral("Release freeze")) },
        { token(QStringLiteral("t3"), c2, QStringLiteral("Forever")) }, {} });
    return s;
}

inline void load(OrganizationTreeModel& tree, const QList<Queue>& extra = {})
{
    tree.setOrganization(QStringLiteral("acme"));
    tree.mergeSnapshot(snapshot(extra));
}

} // namespace ClusterStateTest
