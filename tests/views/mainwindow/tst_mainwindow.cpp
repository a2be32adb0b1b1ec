// SPDX-License-Identifier: MIT
// The main window driven through its real widgets against the sandbox over loopback HTTP.
#include "api/apiclient.h"
#include "api/requests/queuerequests.h"
#include "dialogs/agenttokendialog.h"
#include "dialogs/clusterdialog.h"
#include "dialogs/pausequeuedialog.h"
#include "dialogs/tokenrevealdialog.h"
#include "mainwindow/autorefresh.h"
#include "mainwindow/changehighlighter.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigationdelegate.h"
#include "mainwindow/navigationfilterproxy.h"
#include "mainwindowharness.h"
#include "modeltesthelpers.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "panes/banner.h"
#include "sandboxserver.h"

#include <QAction>
#include <QApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
#include <QTreeView>

using Kind = OrganizationTreeModel::NodeKind;

namespace {
const QByteArray R_422 = QByteArrayLiteral("{\"message\":\"Validation failed: Name is reserved\"}");
const QByteArray JSON_503
    = QByteArrayLiteral("{\"message\":\"Hosted settings could not be applied\"}");
} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT

    MainWindowHarness m_h;

    OrganizationTreeModel* model() const { return m_h.session->treeModel(); }

    // A running (or paused) self-hosted queue of the demo organisation.
    Queue findQueue(bool paused) const
    {
        for (const Cluster& c : model()->clusters()) {
            for (const Queue& q : model()->queues(c.id)) {
                if (q.dispatchPaused == paused)
                    return q;
            }
        }
        return {};
    }

    template <class T>
    T* waitForDialog()
    {
        T* found = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                found = m_h.window->findChild<T*>();
                return found && found->isVisible();
            },
            5000);
        return found;
    }

    // Accepts the next confirmation box (window-modal, run from the flow itself); what it asked
    // goes to `question`.
    void acceptNextConfirmation(QString* question = nullptr)
    {
        QTimer::singleShot(50, this, [this, question] {
            auto* box
                = m_h.window->findChild<QMessageBox*>(QStringLiteral("confirmDestructiveBox"));
            QVERIFY(box);
            if (question)
                *question = box->text();
            box->findChild<QPushButton*>(QStringLiteral("confirmButton"))->click();
        });
    }

    // Answers the next typed-name confirmation: Delete stays disabled until the exact name is
    // typed. `enabledOnWrongName` says whether it ever was.
    void acceptNextTypedName(const QString& name, bool* enabledOnWrongName)
    {
        QTimer::singleShot(50, this, [this, name, enabledOnWrongName] {
            auto* box = m_h.window->findChild<QDialog*>(QStringLiteral("confirmTypedNameBox"));
            QVERIFY(box);
            auto* edit = box->findChild<QLineEdit*>(QStringLiteral("confirmNameEdit"));
            auto* confirm = box->findChild<QPushButton*>(QStringLiteral("confirmButton"));
            *enabledOnWrongName = confirm->isEnabled();
            edit->setText(name.toUpper() + QLatin1Char(' '));
            *enabledOnWrongName = *enabledOnWrongName || confirm->isEnabled();
            edit->setText(name);
            confirm->click();
        });
    }

    QString paneText(const char* objectName) const
    {
        const auto* label = m_h.window->findChild<QLabel*>(QLatin1String(objectName));
        return label ? label->text() : QString();
    }

private Q_SLOTS:
    void init() { m_h.open({ .testFilterProxy = true }); }
    void cleanup() { m_h.close(); }

    void pauseWithANoteThenResume()
    {
        const Queue queue = findQueue(false);
        QVERIFY(!queue.id.isEmpty());
        QVERIFY(m_h.window->selectId(queue.id));
        auto* pause = m_h.window->findChild<QPushButton*>(QStringLiteral("pauseButton"));
        auto* resume = m_h.window->findChild<QPushButton*>(QStringLiteral("resumeButton"));
        QVERIFY(pause && resume);
        QVERIFY(pause->isVisible());
        QVERIFY(!resume->isVisible());
        pause->click();

        // The dialog deletes itself once the pause is made: held by a guard, not read after.
        const QPointer<PauseQueueDialog> dialog = waitForDialog<PauseQueueDialog>();
        QVERIFY(dialog);
        auto* note = dialog->findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"));
        QVERIFY(note);
        note->setPlainText(QStringLiteral("Investigating INC-42"));
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();

        QTRY_VERIFY_WITH_TIMEOUT(model()->queue(queue.id)->dispatchPaused, 10000);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(
            model()->queue(queue.id)->dispatchPausedNote, QStringLiteral("Investigating INC-42"));
        // The banner says who, and why; the button flips; the tree row has its badge.
        QTRY_VERIFY(paneText("dispatchLabel").contains(QLatin1String("Investigating INC-42")));
        QVERIFY(paneText("dispatchLabel").contains(m_h.session->accessToken()->userName));
        QVERIFY(resume->isVisible());
        QVERIFY(!pause->isVisible());
        QCOMPARE(m_h.window->selectedId(), queue.id);
        const auto chips = NavigationDelegate::chips(m_h.window->navigationTree()->currentIndex());
        QVERIFY(std::any_of(chips.begin(), chips.end(),
            [](const auto& c) { return c.text == QLatin1String("Paused"); }));
        // The server agrees.
        QVERIFY(m_h.server->requests().constLast().path.endsWith(QLatin1String("/pause_dispatch")));

        resume->click();
        QTRY_VERIFY_WITH_TIMEOUT(!model()->queue(queue.id)->dispatchPaused, 10000);
        QTRY_VERIFY(pause->isVisible());
        const auto after = NavigationDelegate::chips(m_h.window->navigationTree()->currentIndex());
        QVERIFY(std::none_of(after.begin(), after.end(),
            [](const auto& c) { return c.text == QLatin1String("Paused"); }));
    }

    void createdTokenValueIsShownOnceAndHeldNowhereElse()
    {
        const Cluster cluster = model()->clusters().constFirst();
        QVERIFY(m_h.window->selectId(cluster.id));
        QAction* newToken = m_h.window->findChild<QAction*>(QStringLiteral("newTokenAction"));
        QVERIFY(newToken->isEnabled());
        newToken->trigger();
        auto* dialog = waitForDialog<AgentTokenDialog>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit*>(QStringLiteral("descriptionEdit"))
            ->setText(QStringLiteral("GUI test agents"));
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();

        auto* reveal = waitForDialog<TokenRevealDialog>();
        QVERIFY(reveal);
        const QString value
            = reveal->findChild<QLineEdit*>(QStringLiteral("tokenValueField"))->text();
        QVERIFY(value.size() >= 20);

        // The new token is in the tree, selected, and no role of any row holds the value.
        QTRY_VERIFY(m_h.window->navigationTree()
                        ->currentIndex()
                        .data(OrganizationTreeModel::KindRole)
                        .value<Kind>()
            == Kind::Token);
        QList<QModelIndex> pending { QModelIndex() };
        int rows = 0;
        while (!pending.isEmpty()) {
            const QModelIndex parent = pending.takeLast();
            for (int r = 0; r < model()->rowCount(parent); ++r) {
                const QModelIndex i = model()->index(r, 0, parent);
                ++rows;
                for (int role = 0; role <= ModelRoles::IsDefaultQueue; ++role) {
                    const QVariant v = model()->data(i, role);
                    QString text = v.toString();
                    if (v.canConvert<AgentToken>())
                        text += TestData::tokenText(v.value<AgentToken>());
                    QVERIFY2(!text.contains(value),
                        qPrintable(QStringLiteral("row %1 role %2").arg(r).arg(role)));
                }
                pending.append(i);
            }
        }
        QVERIFY(rows > 100);
        // Closing asks first.
        QTimer::singleShot(50, this, [reveal] {
            auto* box = reveal->findChild<QMessageBox*>(QStringLiteral("confirmCloseBox"));
            QVERIFY(box);
            box->findChild<QPushButton*>(QStringLiteral("confirmCloseButton"))->click();
        });
        reveal->findChild<QPushButton*>(QStringLiteral("doneButton"))->click();
        QTRY_VERIFY(!m_h.window->findChild<TokenRevealDialog*>());
    }

    void validationErrorKeepsTheDialogOpenWithTheMessage()
    {
        m_h.server->failPath(QStringLiteral("/clusters$"), 422, R_422, 1, "POST");
        m_h.window->findChild<QAction*>(QStringLiteral("newClusterAction"))->trigger();
        auto* dialog = waitForDialog<ClusterDialog>();
        QVERIFY(dialog);
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit"));
        name->setText(QStringLiteral("Reserved name"));
        dialog->findChild<QLineEdit*>(QStringLiteral("descriptionEdit"))
            ->setText(QStringLiteral("Keep me"));
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            dialog->errorText().contains(QLatin1String("Validation failed: Name is reserved")),
            10000);
        QVERIFY(dialog->isVisible());
        QCOMPARE(name->text(), QStringLiteral("Reserved name"));
        QCOMPARE(dialog->findChild<QLineEdit*>(QStringLiteral("descriptionEdit"))->text(),
            QStringLiteral("Keep me"));
        // Fixed on the second try: the same dialog submits and closes.
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_h.window->findChild<ClusterDialog*>(), 10000);
        const auto clusters = model()->clusters();
        QVERIFY(std::any_of(clusters.begin(), clusters.end(),
            [](const Cluster& c) { return c.name == QLatin1String("Reserved name"); }));
    }

    void deleteFlows()
    {
        const Queue queue = findQueue(false);
        QVERIFY(m_h.window->selectId(queue.id));
        QString question;
        acceptNextConfirmation(&question);
        m_h.window->deleteSelected();
        QTRY_VERIFY_WITH_TIMEOUT(!model()->queue(queue.id).has_value(), 10000);
        // Which cluster: every cluster may have a queue of that key.
        const QString clusterName = model()->clusterForId(queue.clusterId)->name;
        QCOMPARE(question,
            QStringLiteral("Delete the queue “%1” in the cluster “%2”?")
                .arg(queue.key, clusterName));
        QCOMPARE(m_h.window->selectedId(), queue.clusterId); // the selection moves to its cluster

        const AgentToken token = model()->tokens(queue.clusterId).value(0);
        QVERIFY(!token.id.isEmpty());
        QVERIFY(m_h.window->selectId(token.id));
        acceptNextConfirmation();
        m_h.window->deleteSelected();
        QTRY_VERIFY_WITH_TIMEOUT(!model()->token(token.id).has_value(), 10000);

        // A cluster with queues or tokens asks for its name.
        const Cluster cluster = model()->clusters().constLast();
        QVERIFY(!model()->queues(cluster.id).isEmpty() || !model()->tokens(cluster.id).isEmpty());
        QVERIFY(m_h.window->selectId(cluster.id));
        bool enabledOnWrongName = true;
        acceptNextTypedName(cluster.name, &enabledOnWrongName);
        m_h.window->deleteSelected();
        QVERIFY(!enabledOnWrongName);
        QTRY_VERIFY_WITH_TIMEOUT(!model()->clusterForId(cluster.id).has_value(), 10000);
        QVERIFY(m_h.server->requests().constLast().verb == "DELETE");
        QVERIFY(m_h.window->operationError().isEmpty());
    }

    void deleteCanBeCancelled()
    {
        const Queue queue = findQueue(false);
        QVERIFY(m_h.window->selectId(queue.id));
        QTimer::singleShot(50, this, [this] {
            auto* box
                = m_h.window->findChild<QMessageBox*>(QStringLiteral("confirmDestructiveBox"));
            QVERIFY(box);
            box->findChild<QPushButton*>(QStringLiteral("cancelButton"))->click();
        });
        m_h.server->clearRequests();
        m_h.window->deleteSelected();
        QTest::qWait(200);
        QVERIFY(model()->queue(queue.id).has_value());
        // Nothing was written (the queue pane may still be listing its agents).
        for (const auto& request : m_h.server->requests())
            QCOMPARE(request.verb, QByteArray("GET"));
    }

    void failedWriteShowsBuildkitesMessage()
    {
        const Queue queue = findQueue(true);
        QVERIFY(m_h.window->selectId(queue.id));
        m_h.server->failPath(QStringLiteral("/resume_dispatch$"), 503, JSON_503, 1);
        // The demo's paused queue is someone else's pause: resuming it asks first.
        QTimer::singleShot(0, this, [] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box && box->objectName() == QLatin1String("confirmResumeBox"));
            box->findChild<QPushButton*>(QStringLiteral("confirmButton"))->click();
        });
        m_h.window->findChild<QPushButton*>(QStringLiteral("resumeButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_h.window->operationError().contains(
                                     QLatin1String("Hosted settings could not be applied")),
            10000);
        QVERIFY(model()->queue(queue.id)->dispatchPaused); // nothing lost
    }

    void filterKeepsParentsOfMatches()
    {
        auto* filter = m_h.window->findChild<QLineEdit*>(QStringLiteral("filterEdit"));
        QTest::keyClicks(filter, QStringLiteral("hosted-linux"));
        NavigationFilterProxy* proxy = m_h.window->filterProxy();
        // The first keystroke filtered at once; the rest when typing paused.
        QTRY_COMPARE(proxy->filterText(), QStringLiteral("hosted-linux"));
        int matches = 0;
        QList<QModelIndex> pending { QModelIndex() };
        while (!pending.isEmpty()) {
            const QModelIndex parent = pending.takeLast();
            for (int r = 0; r < proxy->rowCount(parent); ++r) {
                const QModelIndex i = proxy->index(r, 0, parent);
                const auto kind = i.data(OrganizationTreeModel::KindRole).value<Kind>();
                if (kind == Kind::Queue) {
                    QVERIFY(i.data(OrganizationTreeModel::SearchTextRole)
                                .toString()
                                .contains(QLatin1String("hosted-linux")));
                    ++matches;
                    // Its cluster is visible as its grandparent.
                    QCOMPARE(
                        i.parent().parent().data(OrganizationTreeModel::KindRole).value<Kind>(),
                        Kind::Cluster);
                }
                QVERIFY(kind != Kind::Token);
                pending.append(i);
            }
        }
        QVERIFY(matches >= 1);
        QVERIFY(proxy->rowCount(proxy->index(0, 0)) < int(model()->clusters().size()));
        filter->clear();
        QCOMPARE(proxy->rowCount(proxy->index(0, 0)), int(model()->clusters().size()));
    }

    void refreshAfterAnOutsideChangeKeepsTheSelection()
    {
        const Queue queue = findQueue(false);
        QVERIFY(m_h.window->selectId(queue.id));
        auto* tree = m_h.window->navigationTree();
        const QModelIndex before = tree->currentIndex();
        const bool clusterExpanded = tree->isExpanded(before.parent().parent());

        // Another client changes the queue on the same sandbox.
        QNetworkAccessManager otherNam;
        ApiClient other(&otherNam);
        QVERIFY(!other.setBaseUrl(m_h.server->baseUrl()));
        other.setToken(m_h.server->readWriteToken());
        bool done = false;
        other.call(PauseQueue { m_h.server->organization(), queue.clusterId, queue.id,
                       QStringLiteral("Paused from the CLI") },
            this, [&](const Result<Queue>& r) { done = r.ok(); });
        QTRY_VERIFY(done);
        QVERIFY(!model()->queue(queue.id)->dispatchPaused); // not seen yet

        QSignalSpy refreshed(m_h.session, &OrganizationSession::refreshFinished);
        m_h.window->findChild<QAction*>(QStringLiteral("refreshAction"))->trigger();
        QVERIFY(refreshed.wait(20000));
        QVERIFY(model()->queue(queue.id)->dispatchPaused);
        QCOMPARE(m_h.window->selectedId(), queue.id);
        QCOMPARE(tree->currentIndex(), before); // the same row, not a reset
        QCOMPARE(tree->isExpanded(before.parent().parent()), clusterExpanded);
        QVERIFY(m_h.window->highlighter()->isHighlighted(queue.id));
        QTRY_VERIFY(paneText("dispatchLabel").contains(QLatin1String("Paused from the CLI")));
    }

    void organizationPaneAndStatusBarFollowTheSession()
    {
        // The organisation row shows the model's summary, and follows it without a refresh (the
        // attention tiles a moment later: their list merges once per turn of the event loop).
        m_h.window->navigationTree()->setCurrentIndex(m_h.window->filterProxy()->index(0, 0));
        auto* stack = m_h.window->findChild<QStackedWidget*>(QStringLiteral("detailStack"));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("organizationPane"));
        const OrganizationSummary summary = model()->summary();
        QCOMPARE(summary.clusters, int(model()->clusters().size()));
        QCOMPARE(paneText("clustersCount"), QString::number(summary.clusters));
        QCOMPARE(paneText("queuesCount"), QString::number(summary.queues));
        QTRY_COMPARE(paneText("pausedQueuesCount"), QString::number(summary.pausedQueues));
        QCOMPARE(paneText("tokensCount"), QString::number(summary.tokens));
        QTRY_COMPARE(paneText("neverExpiringCount"), QString::number(summary.neverExpiringTokens));
        QTRY_COMPARE(paneText("expiringSoonCount"), QString::number(summary.expiringSoonTokens));
        QTRY_COMPARE(paneText("expiredCount"), QString::number(summary.expiredTokens));

        const Queue queue = findQueue(false);
        bool done = false;
        m_h.session->pauseQueue(queue.clusterId, queue.id, QStringLiteral("counted"), nullptr,
            [&done](const Result<Queue>&) { done = true; });
        QTRY_VERIFY(done);
        QTRY_COMPARE(paneText("pausedQueuesCount"), QString::number(summary.pausedQueues + 1));

        // The status bar: when the data was loaded and what the rate limit leaves.
        QVERIFY(paneText("statusRefreshed").startsWith(QLatin1String("Updated")));
        QVERIFY(paneText("statusRateLimit").startsWith(QLatin1String("API ")));
        QCOMPARE(m_h.window->autoRefresh()->isEnabled(),
            m_h.window->findChild<QAction*>(QStringLiteral("autoRefreshAction"))->isChecked());
    }

    void readOnlyTokenDisablesWritesWithTheReason()
    {
        m_h.client->setToken(m_h.server->readOnlyToken());
        QSignalSpy loaded(m_h.session, &OrganizationSession::accessTokenLoaded);
        m_h.session->fetchAccessToken();
        QVERIFY(loaded.wait(10000));
        QVERIFY(m_h.window->selectId(findQueue(false).id));
        auto* pause = m_h.window->findChild<QPushButton*>(QStringLiteral("pauseButton"));
        QTRY_VERIFY(!pause->isEnabled());
        QVERIFY(pause->toolTip().contains(QLatin1String("write_clusters")));
        QAction* newCluster = m_h.window->findChild<QAction*>(QStringLiteral("newClusterAction"));
        QVERIFY(!newCluster->isEnabled());
        QVERIFY(newCluster->toolTip().contains(QLatin1String("write_clusters")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
