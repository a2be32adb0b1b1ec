// SPDX-License-Identifier: MIT
// The navigation tree's presentation parts without a server: the filter proxy, the row chips
// and the auto-refresh pacing.
#include "domain/json.h"
#include "mainwindow/autorefreshpolicy.h"
#include "mainwindow/navigationdelegate.h"
#include "mainwindow/navigationfilterproxy.h"
#include "organizationtreemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

#define JSON(...) #__VA_ARGS__

using Kind = OrganizationTreeModel::NodeKind;

namespace {
template <class T>
T parse(const char* json, const QString& clusterId = {})
{
    JsonReader reader(QJsonDocument::fromJson(json).object(), QStringLiteral("x"));
    T value = T::fromJson(reader);
    if constexpr (!std::is_same_v<T, Cluster>)
        value.clusterId = clusterId;
    return value;
}

QStringList visibleIds(const QAbstractItemModel& model, const QModelIndex& parent = {})
{
    QStringList ids;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        const auto kind = i.data(OrganizationTreeModel::KindRole).value<Kind>();
        if (kind == Kind::Cluster || kind == Kind::Queue || kind == Kind::Token)
            ids.append(i.data(OrganizationTreeModel::IdRole).toString());
        ids += visibleIds(model, i);
    }
    return ids;
}
} // namespace

class TestNavigation final : public QObject {
    Q_OBJECT

    OrganizationTreeModel m_model;

private Q_SLOTS:
    void init()
    {
        m_model.setOrganization(QStringLiteral("acme"));
        m_model.setNow(QDateTime(QDate(2026, 11, 23), QTime(12, 0), QTimeZone::utc()));
        m_model.mergeClusters(
            { parse<Cluster>(JSON({"id":"c1","name":"Production","emoji":":rocket:"})),
                parse<Cluster>(JSON({"id":"c2","name":"Open Source","default_queue_id":"q3"})) });
        m_model.mergeClusterChildren(QStringLiteral("c1"),
            { parse<Queue>(JSON({"id":"q1","key":"macos-m4","dispatch_paused":true,"hosted":true,
                 "hosted_agents":{"instance_shape":{"name":"MACOS_ARM64_M4_6X28","machine_type":"macos","architecture":"arm64","cpu":6,"memory":28}}}),
                QStringLiteral("c1")),
                parse<Queue>(JSON({"id":"q2","key":"linux"}), QStringLiteral("c1")) },
                { parse<AgentToken>(
                    JSON({"id":"t1","description":"Old","expires_at":"2026-01-01T00:00:00Z"}),
                        QStringLiteral("c1")),
                    parse<AgentToken>(
                        JSON({"id":"t2","description":"Forever"}), QStringLiteral("c1")),
                        parse<AgentToken>(JSON({"id":"t3","description":"Soon","expires_at":"2026-11-25T00:00:00Z"}),
                            QStringLiteral("c1")) });
        m_model.mergeClusterChildren(QStringLiteral("c2"),
            { parse<Queue>(JSON({"id":"q3","key":"default","description":"Builds for macOS users"}),
                               QStringLiteral("c2")) },
                {});
    }

    void filterMatchesNameKeyDescriptionAndId()
    {
        NavigationFilterProxy proxy;
        QAbstractItemModelTester tester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&m_model);
        QCOMPARE(visibleIds(proxy).size(), 8);

        proxy.setFilterText(QStringLiteral("MACOS"));
        // The key match in c1 and the description match in c2, with their clusters.
        QCOMPARE(visibleIds(proxy),
            (QStringList { QStringLiteral("c1"), QStringLiteral("q1"), QStringLiteral("c2"),
                QStringLiteral("q3") }));

        proxy.setFilterText(QStringLiteral("t2"));
        QCOMPARE(visibleIds(proxy), (QStringList { QStringLiteral("c1"), QStringLiteral("t2") }));

        // A matching cluster shows everything under it.
        proxy.setFilterText(QStringLiteral("production"));
        QCOMPARE(visibleIds(proxy).size(), 6);

        proxy.setFilterText(QStringLiteral("linux forever")); // every word must match
        QVERIFY(visibleIds(proxy).isEmpty());
        QCOMPARE(proxy.rowCount(), 1); // the organisation stays

        proxy.setFilterText(QString());
        QCOMPARE(visibleIds(proxy).size(), 8);
    }

    void chipsSayWhatMatters()
    {
        auto texts = [this](const QString& id) {
            QStringList out;
            for (const auto& chip : NavigationDelegate::chips(m_model.indexForId(id)))
                out.append(chip.text);
            return out;
        };
        QCOMPARE(texts(QStringLiteral("q1")),
            (QStringList { QStringLiteral("Paused"), QStringLiteral("macOS arm64 6×28") }));
        QCOMPARE(texts(QStringLiteral("q2")), QStringList());
        QCOMPARE(texts(QStringLiteral("q3")), QStringList { QStringLiteral("Default") });
        QCOMPARE(texts(QStringLiteral("t1")), QStringList { QStringLiteral("Expired") });
        QCOMPARE(texts(QStringLiteral("t2")), QStringList { QStringLiteral("No expiry") });
        QCOMPARE(texts(QStringLiteral("t3")), QStringList { QStringLiteral("Expires soon") });
        QCOMPARE(NavigationDelegate::title(m_model.indexForId(QStringLiteral("c1"))),
            QStringLiteral("🚀 Production"));
    }

    void autoRefreshPacing()
    {
        AutoRefreshPolicy policy(60);
        policy.setRefreshCost(11);
        QVERIFY(policy.shouldRun());
        QCOMPARE(policy.intervalSeconds(), 60);

        RateLimitStatus status;
        status.user = { 40, 50, 30 };
        policy.setRateLimit(status);
        QCOMPARE(policy.intervalSeconds(), 60);
        status.user = { 20, 50, 30 };
        policy.setRateLimit(status);
        QCOMPARE(policy.intervalSeconds(), 120);
        status.user = { 12, 50, 30 };
        policy.setRateLimit(status);
        QCOMPARE(policy.intervalSeconds(), 240);
        QVERIFY(policy.isSlowedDown());
        status.user = { 5, 50, 200 }; // cannot pay for a refresh: wait for the window
        policy.setRateLimit(status);
        QCOMPARE(policy.intervalSeconds(), 205);

        policy.setMinimised(true);
        QVERIFY(!policy.shouldRun());
        policy.setMinimised(false);
        policy.setEnabled(false);
        QVERIFY(!policy.shouldRun());
    }
};

QTEST_MAIN(TestNavigation)
#include "tst_navigation.moc"
