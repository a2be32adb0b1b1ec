// SPDX-License-Identifier: MIT
// The main window's parts without a server: the filter proxy, the row chips, the navigation
// panel's selection and the actions' enablement.
#include "api/apiclient.h"
#include "domain/json.h"
#include "mainwindow/changehighlighter.h"
#include "mainwindow/mainwindowactions.h"
#include "mainwindow/navigationdelegate.h"
#include "mainwindow/navigationfilterproxy.h"
#include "mainwindow/navigationpanel.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QJsonDocument>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QTreeView>

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

    // Ids as Buildkite sends them (lower-case UUIDs) are held packed in the tree, and the
    // filter finds a piece of one (six characters or more) without a copy of its text; other
    // ids are held as text.
    void filterFindsPartsOfUuidIds()
    {
        OrganizationTreeModel model;
        model.setOrganization(QStringLiteral("acme"));
        const QString cluster = QStringLiteral("0b0e3c4a-5d6e-4f70-8a9b-0c1d2e3f4a5b");
        const QString beef = QStringLiteral("9f8e7d6c-5b4a-4392-8170-deadbeef0001");
        const QString cafe = QStringLiteral("1a2b3c4d-5e6f-4708-9a1b-2c3dcafe0002");
        Cluster c = parse<Cluster>(JSON({"name":"Production"}));
        c.id = cluster;
        Queue q1 = parse<Queue>(JSON({"key":"linux"}), cluster);
        q1.id = beef;
        Queue q2 = parse<Queue>(JSON({"key":"windows"}), cluster);
        q2.id = cafe;
        const QString bead = QStringLiteral("2b3c4d5e-6f70-4819-aa2b-3c4dbead0003");
        Queue q3 = parse<Queue>(JSON({"key":"cafe"}), cluster);
        q3.id = bead;
        model.mergeClusters({ c });
        model.mergeClusterChildren(cluster, { q1, q2, q3 }, {});
        QCOMPARE(model.indexForId(beef).data(OrganizationTreeModel::IdRole).toString(), beef);

        NavigationFilterProxy proxy;
        proxy.setSourceModel(&model);
        QCOMPARE(visibleIds(proxy), (QStringList { cluster, bead, beef, cafe }));
        proxy.setFilterText(QStringLiteral("deadbeef"));
        QCOMPARE(visibleIds(proxy), (QStringList { cluster, beef }));
        proxy.setFilterText(QStringLiteral("2C3DCAFE")); // case-insensitive
        QCOMPARE(visibleIds(proxy), (QStringList { cluster, cafe }));
        proxy.setFilterText(QStringLiteral("4708-9a1b windows")); // across a dash, and a key word
        QCOMPARE(visibleIds(proxy), (QStringList { cluster, cafe }));
        proxy.setFilterText(QStringLiteral("4708 linux"));
        QVERIFY(visibleIds(proxy).isEmpty());
        // A word of hexadecimal digits is looked for in a UUID only from six characters on:
        // shorter, it is in most ids by chance. "cafe" is q3's key and in q2's id.
        proxy.setFilterText(QStringLiteral("cafe"));
        QCOMPARE(visibleIds(proxy), (QStringList { cluster, bead }));
        proxy.setFilterText(QStringLiteral("0001"));
        QVERIFY(visibleIds(proxy).isEmpty());
        proxy.setFilterText(QStringLiteral("ef0001"));
        QCOMPARE(visibleIds(proxy), (QStringList { cluster, beef }));
        // One word in the key, the other in the id.
        proxy.setFilterText(QStringLiteral("cafe bead0003"));
        QCOMPARE(visibleIds(proxy), (QStringList { cluster, bead }));
        proxy.setFilterText(QStringLiteral("windows 3dcafe"));
        QCOMPARE(visibleIds(proxy), (QStringList { cluster, cafe }));
        proxy.setFilterText(QStringLiteral("windows bead0003"));
        QVERIFY(visibleIds(proxy).isEmpty());
        // The whole id, and one that differs in its last digit.
        proxy.setFilterText(beef);
        QCOMPARE(visibleIds(proxy), (QStringList { cluster, beef }));
        proxy.setFilterText(QStringLiteral("9f8e7d6c-5b4a-4392-8170-deadbeef0002"));
        QVERIFY(visibleIds(proxy).isEmpty());
    }

    // The filter's table (one row per tree row) stays while the box is empty, so that the next
    // first keystroke is fast, until the tree changes: then it is stale anyway, and let go.
    void tableIsLetGoWhenStaleAndUnused()
    {
        NavigationFilterProxy proxy;
        proxy.setSourceModel(&m_model);
        proxy.setFilterText(QStringLiteral("linux"));
        QCOMPARE(visibleIds(proxy), (QStringList { QStringLiteral("c1"), QStringLiteral("q2") }));
        const qsizetype gathered = proxy.tableSize();
        QVERIFY(gathered >= 8); // clusters, groups, queues and tokens
        proxy.setFilterText(QString());
        QCOMPARE(proxy.tableSize(), gathered);

        // A change while filtering keeps the table (it is gathered again for the refilter).
        proxy.setFilterText(QStringLiteral("linux"));
        Queue renamed = parse<Queue>(JSON({"id":"q3","key":"linux-arm"}), QStringLiteral("c2"));
        m_model.mergeClusterChildren(QStringLiteral("c2"), { renamed }, {});
        QVERIFY(proxy.tableSize() > 0);

        proxy.setFilterText(QString());
        Queue back
            = parse<Queue>(JSON({"id":"q3","key":"default","description":"Builds for macOS users"}),
                QStringLiteral("c2"));
        m_model.mergeClusterChildren(QStringLiteral("c2"), { back }, {});
        QCOMPARE(proxy.tableSize(), 0);
        proxy.prepare();
        QCOMPARE(proxy.tableSize(), gathered);
        proxy.setFilterText(QStringLiteral("linux"));
        QCOMPARE(visibleIds(proxy), (QStringList { QStringLiteral("c1"), QStringLiteral("q2") }));
    }

    // While the filter box has the focus, the table is gathered again once the tree has been
    // quiet for the refilter delay: the first keystroke after a load or refresh (or a new
    // organisation) then does not gather 58,000 rows. Without the focus it is let go, as above.
    void tableIsGatheredAgainWhileTypingIsExpected()
    {
        NavigationFilterProxy proxy;
        proxy.setRefilterDelay(20);
        proxy.setSourceModel(&m_model);
        QCOMPARE(proxy.tableSize(), 0);
        proxy.setTypingExpected(true);
        const qsizetype gathered = proxy.tableSize();
        QVERIFY(gathered >= 8);

        Queue added = parse<Queue>(JSON({"id":"q9","key":"windows"}), QStringLiteral("c2"));
        m_model.upsertQueue(added);
        QCOMPARE(proxy.tableSize(), 0); // stale: let go at once
        QTRY_COMPARE(proxy.tableSize(), gathered + 1);

        // A new source is gathered too.
        OrganizationTreeModel other;
        proxy.setSourceModel(&other);
        proxy.setSourceModel(&m_model);
        QCOMPARE(proxy.tableSize(), 0);
        QTRY_COMPARE(proxy.tableSize(), gathered + 1);

        // The box lost the focus: nothing is gathered until it is asked for.
        proxy.setTypingExpected(false);
        QVERIFY(m_model.removeQueue(QStringLiteral("c2"), QStringLiteral("q9")));
        QCOMPARE(proxy.tableSize(), 0);
        QTest::qWait(100); // five times the delay
        QCOMPARE(proxy.tableSize(), 0);
        proxy.setFilterText(QStringLiteral("windows"));
        QCOMPARE(visibleIds(proxy), QStringList());
        QCOMPARE(proxy.tableSize(), gathered);
    }

    void matchRangesAreWhereTheWordsShow()
    {
        using Range = SearchQuery::Range;
        const SearchQuery query(QStringLiteral("mac OS is:paused"));
        // Case-insensitive, every occurrence, touching and overlapping ranges merged.
        QCOMPARE(query.rangesIn(u"macOS builds for Mac"), (QList<Range> { { 0, 5 }, { 17, 3 } }));
        QCOMPARE(query.rangesIn(u"linux"), QList<Range>());
        // State words draw nothing.
        QCOMPARE(SearchQuery(QStringLiteral("is:paused")).rangesIn(u"is:paused"), QList<Range>());
        // The delegate draws them on the title as shown: an emoji before the name shifts them.
        QCOMPARE(SearchQuery(QStringLiteral("prod"))
                     .rangesIn(NavigationDelegate::title(m_model.indexForId(QStringLiteral("c1")))),
            (QList<Range> { { 3, 4 } }));
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
            (QStringList { QStringLiteral("Paused"),
                QStringLiteral("macOS ARM64 · Medium · 6 vCPU · 28 GB RAM") }));
        QCOMPARE(texts(QStringLiteral("q2")), QStringList());
        QCOMPARE(texts(QStringLiteral("q3")), QStringList { QStringLiteral("Default") });
        QCOMPARE(texts(QStringLiteral("t1")), QStringList { QStringLiteral("Expired") });
        QCOMPARE(texts(QStringLiteral("t2")), QStringList { QStringLiteral("Never expires") });
        QCOMPARE(texts(QStringLiteral("t3")), QStringList { QStringLiteral("Expires soon") });
        QCOMPARE(NavigationDelegate::title(m_model.indexForId(QStringLiteral("c1"))),
            QStringLiteral("🚀 Production"));
    }

    void panelSaysWhatIsSelected()
    {
        NavigationPanel panel;
        QAbstractItemModelTester tester(
            panel.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(panel.selection().kind, NavigationSelection::Kind::Nothing);
        QVERIFY(!panel.selectId(QStringLiteral("q1")));

        QSignalSpy current(&panel, &NavigationPanel::currentChanged);
        panel.setModel(&m_model);
        QCOMPARE(panel.selection().kind, NavigationSelection::Kind::Organization);
        QVERIFY(!panel.selection().cluster);
        QVERIFY(current.size() >= 1);

        QVERIFY(panel.selectId(QStringLiteral("q1")));
        NavigationSelection s = panel.selection();
        QCOMPARE(s.kind, NavigationSelection::Kind::Queue);
        QCOMPARE(s.queue->id, QStringLiteral("q1"));
        QCOMPARE(s.cluster->id, QStringLiteral("c1"));
        QVERIFY(!s.token);
        QVERIFY(s.isObject());
        QCOMPARE(panel.selectedId(), QStringLiteral("q1"));

        QVERIFY(panel.selectId(QStringLiteral("t3")));
        QCOMPARE(panel.selection().token->description, QStringLiteral("Soon"));
        QVERIFY(panel.selectId(OrganizationTreeModel::queueGroupId(QStringLiteral("c2"))));
        s = panel.selection();
        QCOMPARE(s.kind, NavigationSelection::Kind::Other);
        QCOMPARE(s.cluster->name, QStringLiteral("Open Source"));
        QVERIFY(!s.isObject());

        // Changes are tinted only once asked to (not during the first load).
        m_model.upsertQueue(parse<Queue>(
            JSON({"id":"q2","key":"linux","description":"new"}), QStringLiteral("c1")));
        QVERIFY(!panel.highlighter()->isHighlighted(QStringLiteral("q2")));
        panel.setHighlightChanges(true);
        m_model.upsertQueue(parse<Queue>(
            JSON({"id":"q2","key":"linux","description":"newer"}), QStringLiteral("c1")));
        QVERIFY(panel.highlighter()->isHighlighted(QStringLiteral("q2")));

        // A new model starts unfiltered, at the organisation, without highlights.
        panel.findChild<QLineEdit*>(QStringLiteral("filterEdit"))->setText(QStringLiteral("x"));
        panel.setModel(&m_model);
        QVERIFY(panel.findChild<QLineEdit*>(QStringLiteral("filterEdit"))->text().isEmpty());
        QCOMPARE(panel.selection().kind, NavigationSelection::Kind::Organization);
        panel.setModel(nullptr);
        QCOMPARE(panel.selection().kind, NavigationSelection::Kind::Nothing);
    }

    void actionsFollowTheSelection()
    {
        QWidget window;
        MainWindowActions actions(&window);
        auto enabled = [&actions] {
            QStringList names;
            for (QAction* a : { actions.refresh(), actions.newCluster(), actions.newQueue(),
                     actions.newToken(), actions.pause(), actions.resume(), actions.remove() }) {
                if (a->isEnabled())
                    names.append(a->objectName());
            }
            return names;
        };
        actions.update(nullptr, {});
        QCOMPARE(enabled(), QStringList());

        QNetworkAccessManager nam;
        ApiClient client(&nam);
        OrganizationSession session(&client, QStringLiteral("acme"));
        // The access token is not known yet: writes are offered, the server has the last word.
        QCOMPARE(MainWindowActions::writeDeniedReason(&session), QString());
        actions.update(&session, {});
        QCOMPARE(enabled(),
            (QStringList { QStringLiteral("refreshAction"), QStringLiteral("newClusterAction") }));
        QCOMPARE(actions.newQueue()->toolTip(), QStringLiteral("Select a cluster first"));

        NavigationSelection selection;
        selection.kind = NavigationSelection::Kind::Queue;
        selection.cluster = m_model.clusterForId(QStringLiteral("c1"));
        selection.queue = m_model.queue(QStringLiteral("q1")); // paused
        actions.update(&session, selection);
        QCOMPARE(enabled(),
            (QStringList { QStringLiteral("refreshAction"), QStringLiteral("newClusterAction"),
                QStringLiteral("newQueueAction"), QStringLiteral("newTokenAction"),
                QStringLiteral("resumeAction"), QStringLiteral("deleteAction") }));
        selection.queue = m_model.queue(QStringLiteral("q2"));
        actions.update(&session, selection);
        QVERIFY(actions.pause()->isEnabled());
        QVERIFY(!actions.resume()->isEnabled());
    }
};

QTEST_MAIN(TestNavigation)
#include "tst_navigation.moc"
