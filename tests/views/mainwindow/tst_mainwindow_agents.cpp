// SPDX-License-Identifier: MIT
// Agents in the main window, through its real widgets against the sandbox over loopback HTTP:
// the tree's counts as agents come and go, the queue pane's table, stopping (graceful, forced
// after a confirmation naming the job, and Buildkite's 400), pausing with a note and a timeout,
// how agents join an empty queue, and a token without read_agents.
#include "agentlistmodel.h"
#include "api/apiclient.h"
#include "dialogs/pauseagentdialog.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigationdelegate.h"
#include "mainwindow/navigationfilterproxy.h"
#include "mainwindowharness.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "panes/banner.h"
#include "panes/hintlabel.h"
#include "panes/queueagentssection.h"
#include "panes/tone.h"
#include "sandboxserver.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using Kind = OrganizationTreeModel::NodeKind;
using M = OrganizationTreeModel;

class TestMainWindowAgents final : public QObject {
    Q_OBJECT

    MainWindowHarness m_h;

    OrganizationTreeModel* model() const { return m_h.session->treeModel(); }
    QueueAgentsSection* section() const
    {
        return m_h.window->findChild<QueueAgentsSection*>(QStringLiteral("queueAgentsSection"));
    }
    template <class T>
    T* find(const char* name) const
    {
        return m_h.window->findChild<T*>(QLatin1String(name));
    }

    // The demo organisation in a shown main window; scopes: a token of its own, else the
    // read-write one.
    void open(const QStringList& scopes = {})
    {
        m_h.open({ .scopes = scopes, .waitForAgents = true });
        if (!QTest::currentTestFailed())
            m_h.testModel(section()->model());
    }

    Queue queue(const QString& clusterName, const QString& key) const
    {
        for (const Cluster& c : model()->clusters()) {
            if (c.name != clusterName)
                continue;
            for (const Queue& q : model()->queues(c.id)) {
                if (q.key == key)
                    return q;
            }
        }
        return {};
    }

    void selectOrganization() const
    {
        m_h.window->navigationTree()->setCurrentIndex(
            m_h.window->filterProxy()->mapFromSource(model()->organizationIndex()));
    }

    QModelIndex treeIndex(const QString& id) const
    {
        return m_h.window->filterProxy()->mapFromSource(model()->indexForId(id));
    }

    // The agents chip of a queue row, if any.
    std::optional<NavigationDelegate::Chip> agentChip(const QString& queueId) const
    {
        for (const auto& chip : NavigationDelegate::chips(treeIndex(queueId))) {
            if (chip.text.contains(QLatin1String("agent")))
                return chip;
        }
        return std::nullopt;
    }

    bool refreshAgents()
    {
        bool done = false, ok = false;
        m_h.session->refreshAgents([&](bool success, int) {
            done = true;
            ok = success;
        });
        return QTest::qWaitFor([&] { return done; }, 20000) && ok;
    }

    // Opens the queue's pane and waits for its table.
    bool showQueue(const Queue& q)
    {
        if (!m_h.window->selectId(q.id))
            return false;
        return QTest::qWaitFor(
            [&] { return section()->queueId() == q.id && section()->isLoaded(); }, 20000);
    }

    // The agent of the table, by id, as its row reads.
    QString cell(const QString& agentId, int column) const
    {
        QTreeView* table = section()->table();
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            const QModelIndex i = table->model()->index(row, column);
            if (i.data(AgentListModel::IdRole).toString() == agentId)
                return i.data().toString();
        }
        return {};
    }

    Agent tableAgent(std::function<bool(const Agent&)> predicate) const
    {
        for (const Agent& a : section()->model()->items()) {
            if (predicate(a))
                return a;
        }
        return {};
    }

    // Answers the next confirmation box with its confirm button; what it said goes to text.
    void confirmNext(QString* text, QString* info, bool confirm = true)
    {
        QTimer::singleShot(50, this, [=, this] {
            auto* box
                = m_h.window->findChild<QMessageBox*>(QStringLiteral("confirmDestructiveBox"));
            QVERIFY(box);
            *text = box->text();
            *info = box->informativeText();
            box->findChild<QPushButton*>(
                   confirm ? QStringLiteral("confirmButton") : QStringLiteral("cancelButton"))
                ->click();
        });
    }

private Q_SLOTS:
    void cleanup() { m_h.close(); }

    void countsFollowAgentsConnectingAndDisconnecting()
    {
        open();
        const Queue sbom = queue(QStringLiteral("Security"), QStringLiteral("sbom"));
        const Queue scanners = queue(QStringLiteral("Security"), QStringLiteral("scanners"));
        const Queue hostedArm = queue(QStringLiteral("Production"), QStringLiteral("hosted-arm"));
        QVERIFY(!sbom.id.isEmpty() && !scanners.id.isEmpty() && !hostedArm.id.isEmpty());

        // Listed with the first load: a self-hosted queue with none is flagged, a hosted one not.
        QTRY_VERIFY(agentChip(sbom.id).has_value());
        QCOMPARE(agentChip(sbom.id)->text, QStringLiteral("No agents"));
        QCOMPARE(agentChip(sbom.id)->tone, int(Tone::Danger));
        QVERIFY(!agentChip(hostedArm.id));
        QCOMPARE(agentChip(scanners.id)->text, QStringLiteral("3 agents · 1 busy · 1 paused"));
        QCOMPARE(agentChip(scanners.id)->tone, int(Tone::Neutral));

        const QString a = m_h.server->connectAgent(sbom.id);
        const QString b = m_h.server->connectAgent(sbom.id);
        QVERIFY(!m_h.server->assignJob(a).isEmpty());
        QVERIFY(refreshAgents());
        QCOMPARE(agentChip(sbom.id)->text, QStringLiteral("2 agents · 1 busy"));
        QCOMPARE(agentChip(sbom.id)->tone, int(Tone::Neutral));
        QVERIFY(treeIndex(sbom.id)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("2 agents connected: 1 busy, 1 idle")));

        // The cluster pane totals them; the organisation pane too.
        const Cluster security = *model()->clusterForId(sbom.clusterId);
        QVERIFY(m_h.window->selectId(security.id));
        QTRY_COMPARE(find<QLabel>("agentsLabel")->text(),
            QStringLiteral("5 agents connected: 2 busy, 1 paused, 2 idle"));
        selectOrganization();
        // One line under the name: "52 agents · 28 busy · 3 paused".
        QTRY_VERIFY2(find<QLabel>("agentsCount")
                         ->text()
                         .startsWith(QStringLiteral("%1 agents · %2 busy")
                                         .arg(m_h.server->agentCount())
                                         .arg(m_h.server->busyAgentCount())),
            qPrintable(find<QLabel>("agentsCount")->text()));

        QVERIFY(m_h.server->disconnectAgent(a));
        QVERIFY(m_h.server->disconnectAgent(b));
        QVERIFY(refreshAgents());
        QCOMPARE(agentChip(sbom.id)->text, QStringLiteral("No agents"));
        QTRY_VERIFY2(find<QLabel>("agentsCount")
                         ->text()
                         .startsWith(QStringLiteral("%1 agents").arg(m_h.server->agentCount())),
            qPrintable(find<QLabel>("agentsCount")->text()));
        QVERIFY(m_h.window->operationError().isEmpty());
    }

    void theQueuePaneListsItsAgents()
    {
        open();
        const Queue q = queue(QStringLiteral("Production"), QStringLiteral("default"));
        QVERIFY(showQueue(q));
        QTreeView* table = section()->table();
        QVERIFY(table->isVisible());
        QCOMPARE(table->model()->rowCount(), m_h.server->agentCount(q.id));
        QCOMPARE(find<QLabel>("agentsStatusLabel")->text(),
            QStringLiteral("6 agents connected: 4 busy, 1 paused, 1 idle"));
        QVERIFY(!find<QFrame>("joinHelp")->isVisible());

        const QStringList ids = m_h.server->agentIds(q.id);
        const Agent busy = tableAgent([](const Agent& a) { return a.isBusy(); });
        QCOMPARE(cell(busy.id, AgentListModel::Name), busy.name);
        QCOMPARE(cell(busy.id, AgentListModel::Hostname), busy.name + QStringLiteral(".internal"));
        QCOMPARE(cell(busy.id, AgentListModel::Version), QStringLiteral("3.97.0"));
        QCOMPARE(cell(busy.id, AgentListModel::Platform), QStringLiteral("linux/amd64"));
        QCOMPARE(cell(busy.id, AgentListModel::State), QStringLiteral("Busy"));
        QVERIFY(!cell(busy.id, AgentListModel::Job).isEmpty());
        QVERIFY(cell(busy.id, AgentListModel::ConnectedSince).contains(QLatin1String("ago")));
        const Agent paused = tableAgent([](const Agent& a) { return a.paused; });
        QCOMPARE(cell(paused.id, AgentListModel::State), QStringLiteral("Paused"));
        QVERIFY(cell(paused.id, AgentListModel::Job).isEmpty());

        // Sortable; the selection survives a refresh that changes rows around it.
        table->sortByColumn(AgentListModel::State, Qt::AscendingOrder);
        QCOMPARE(table->model()->index(0, AgentListModel::State).data().toString(),
            QStringLiteral("Busy"));
        QVERIFY(section()->selectAgent(paused.id));
        QSignalSpy reset(section()->model(), &QAbstractItemModel::modelReset);
        const QString joined = m_h.server->connectAgent(q.id);
        QVERIFY(refreshAgents());
        QTRY_COMPARE(table->model()->rowCount(), ids.size() + 1);
        QCOMPARE(section()->selectedAgent()->id, paused.id);
        QCOMPARE(reset.size(), 0);
        QVERIFY(!cell(joined, AgentListModel::Name).isEmpty());
        QCOMPARE(agentChip(q.id)->text, QStringLiteral("7 agents · 4 busy · 1 paused"));
    }

    void stopGracefullyThenForcedThenTooLate()
    {
        open();
        const Queue q = queue(QStringLiteral("Production"), QStringLiteral("default"));
        QVERIFY(showQueue(q));
        const Agent busy = tableAgent([](const Agent& a) {
            return a.isBusy() && a.job->name.contains(QLatin1String("Unit"));
        });
        QVERIFY(!busy.id.isEmpty());
        QVERIFY(section()->selectAgent(busy.id));
        auto* stop = find<QPushButton>("stopAgentButton");
        auto* force = find<QPushButton>("forceStopAgentButton");
        QVERIFY(stop->isEnabled() && force->isEnabled());

        // Graceful: asks, then the agent finishes its job first.
        QString text, info;
        confirmNext(&text, &info);
        stop->click();
        QCOMPARE(text, QStringLiteral("Stop the agent “%1”?").arg(busy.name));
        QVERIFY2(info.contains(QLatin1String("finishes its running job")), qPrintable(info));
        QTRY_COMPARE_WITH_TIMEOUT(
            cell(busy.id, AgentListModel::State), QStringLiteral("Busy"), 10000);
        QTRY_COMPARE(m_h.server->agentConnectionState(busy.id), QStringLiteral("stopping"));
        QTRY_VERIFY(section()->selectedAgent() && section()->selectedAgent()->isStopping());
        QVERIFY(!stop->isEnabled()); // already stopping
        QVERIFY(force->isEnabled()); // may still be forced

        // Cancelled: nothing is sent.
        // (The refresh may read meanwhile: only writes count.)
        const auto writes = [this] {
            int n = 0;
            for (const auto& r : m_h.server->requests())
                n += r.verb != QByteArray("GET");
            return n;
        };
        const int sent = writes();
        confirmNext(&text, &info, false);
        force->click();
        QTest::qWait(100);
        QCOMPARE(writes(), sent);

        // Forced: the box names the job it cancels.
        confirmNext(&text, &info);
        force->click();
        QCOMPARE(text, QStringLiteral("Force-stop the agent “%1”?").arg(busy.name));
        QVERIFY2(info.contains(busy.job->name), qPrintable(info));
        QVERIFY2(info.contains(busy.job->buildName()), qPrintable(info));
        QVERIFY(info.contains(QLatin1String("is cancelled")));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_h.server->agentConnectionState(busy.id), QStringLiteral("stopped"), 10000);
        QTRY_VERIFY(cell(busy.id, AgentListModel::Name).isEmpty()); // gone from the table
        QTRY_COMPARE(model()->indexForId(q.id).data(M::AgentsConnectedRole).toInt(),
            m_h.server->agentCount(q.id));

        // An agent that left after the table was listed: Buildkite's 400, where the user looks.
        const Agent idle
            = tableAgent([](const Agent& a) { return a.state() == Agent::State::Idle; });
        QVERIFY(!idle.id.isEmpty());
        QVERIFY(section()->selectAgent(idle.id));
        QVERIFY(m_h.server->disconnectAgent(idle.id));
        confirmNext(&text, &info);
        stop->click();
        QVERIFY(info.contains(QLatin1String("not running a job")));
        QTRY_COMPARE_WITH_TIMEOUT(section()->errorText(),
            QStringLiteral("Could not stop “%1”: Can only stop connected agents").arg(idle.name),
            10000);
        QVERIFY(find<Banner>("agentsErrorBanner")->isVisible());
        QTRY_VERIFY(cell(idle.id, AgentListModel::Name).isEmpty()); // listed again
        find<QPushButton>("dismissAgentsErrorButton")->click();
        QVERIFY(section()->errorText().isEmpty());
    }

    void pauseWithANoteAndATimeoutThenResume()
    {
        open();
        const Queue q = queue(QStringLiteral("Open Source"), QStringLiteral("default"));
        QVERIFY(showQueue(q));
        const Agent idle
            = tableAgent([](const Agent& a) { return a.state() == Agent::State::Idle; });
        QVERIFY(!idle.id.isEmpty());
        QVERIFY(section()->selectAgent(idle.id));
        auto* pause = find<QPushButton>("pauseAgentButton");
        auto* resume = find<QPushButton>("resumeAgentButton");
        QVERIFY(pause->isEnabled());
        QVERIFY(!resume->isEnabled());
        const int pausedBefore = m_h.server->pausedAgentCount(q.id);
        pause->click();

        PauseAgentDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = m_h.window->findChild<PauseAgentDialog*>()) && dialog->isVisible());
        QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("agentLabel"))->text(), idle.name);
        auto* spin = dialog->findChild<QSpinBox*>(QStringLiteral("timeoutSpin"));
        QCOMPARE(spin->value(), PauseAgentDialog::defaultTimeoutMinutes);
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"))
            ->setPlainText(QStringLiteral("Disk nearly full"));
        spin->setValue(45);
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!m_h.window->findChild<PauseAgentDialog*>(), 10000);

        QCOMPARE(m_h.server->pausedAgentCount(q.id), pausedBefore + 1);
        const auto body = m_h.server->requests();
        const auto put = std::find_if(
            body.crbegin(), body.crend(), [](const SandboxServer::RecordedRequest& r) {
                return r.path.endsWith(QLatin1String("/pause"));
            });
        QVERIFY(put != body.crend());
        QCOMPARE(put->verb, QByteArray("PUT"));
        QCOMPARE(QJsonDocument::fromJson(put->body).object(),
            QJsonObject({ { QStringLiteral("note"), QStringLiteral("Disk nearly full") },
                { QStringLiteral("timeout_in_minutes"), 45 } }));
        QTRY_COMPARE(cell(idle.id, AgentListModel::State), QStringLiteral("Paused"));
        QVERIFY(section()->table()->model()->index(0, 0).isValid());
        QTRY_VERIFY(resume->isEnabled());
        QVERIFY(!pause->isEnabled());
        QTRY_COMPARE(model()->indexForId(q.id).data(M::AgentsPausedRole).toInt(), pausedBefore + 1);

        resume->click();
        QTRY_COMPARE_WITH_TIMEOUT(
            cell(idle.id, AgentListModel::State), QStringLiteral("Idle"), 10000);
        QCOMPARE(m_h.server->pausedAgentCount(q.id), pausedBefore);
        QVERIFY(section()->errorText().isEmpty());
    }

    void anEmptyQueueSaysHowAgentsJoin()
    {
        open();
        const Queue sbom = queue(QStringLiteral("Security"), QStringLiteral("sbom"));
        QVERIFY(showQueue(sbom));
        QVERIFY(find<QFrame>("joinHelp")->isVisible());
        QVERIFY(!section()->table()->isVisible());
        const QString command = QStringLiteral("buildkite-agent start --tags \"queue=sbom\"");
        QCOMPARE(find<QLineEdit>("joinCommandValue")->text(), command);
        find<QToolButton>("joinCommandCopyButton")->click();
        QCOMPARE(QApplication::clipboard()->text(), command);
        QVERIFY(
            find<QLabel>("joinTokenHint")->text().contains(QLatin1String("BUILDKITE_AGENT_TOKEN")));
        QVERIFY(find<QLabel>("joinTokenHint")->text().contains(QLatin1String("--token")));
        QVERIFY(find<QLabel>("joinTokenHint")->text().contains(QLatin1String("Security")));
        QVERIFY(find<QPushButton>("joinNewTokenButton")->isEnabled());
        QCOMPARE(find<HintLabel>("agentsStatusLabel")->tone(), Tone::Danger);

        // An agent joins: the help gives way to the table.
        m_h.server->connectAgent(sbom.id);
        QVERIFY(refreshAgents());
        QTRY_VERIFY(section()->table()->isVisible());
        QVERIFY(!find<QFrame>("joinHelp")->isVisible());

        // A hosted queue: Buildkite runs the agents.
        const Queue hosted = queue(QStringLiteral("Production"), QStringLiteral("hosted-arm"));
        QVERIFY(showQueue(hosted));
        QVERIFY(find<QLabel>("hostedAgentsLabel")->isVisible());
        QVERIFY(
            find<QLabel>("hostedAgentsLabel")->text().contains(QLatin1String("Buildkite runs")));
        QVERIFY(!find<QFrame>("joinHelp")->isVisible());
        QCOMPARE(find<HintLabel>("agentsStatusLabel")->tone(), Tone::Neutral);
    }

    void withoutReadAgentsTheAppSaysSoAndWorks()
    {
        open({ QStringLiteral("read_clusters"), QStringLiteral("write_clusters") });
        const QString reason
            = QStringLiteral("Agent counts need the read_agents scope on your API token");
        // Said once, where the user looks, with no error bar; the counts are unknown, not 0.
        selectOrganization();
        QTRY_COMPARE(find<QLabel>("agentsNoticeLabel")->text(), reason);
        QVERIFY(find<QLabel>("agentsNoticeLabel")->isVisible());
        QVERIFY(!find<QLabel>("agentsCount")->isVisible()); // the notice instead of numbers
        QVERIFY(!find<QWidget>("idleQueuesCountTile")->isVisible()); // no "0 without agents"
        QVERIFY(m_h.window->operationError().isEmpty());
        const Queue q = queue(QStringLiteral("Production"), QStringLiteral("default"));
        QVERIFY(!model()->indexForId(q.id).data(M::AgentsConnectedRole).isValid());
        QVERIFY(!agentChip(q.id));
        // Not one agents request was sent: the access token said so first.
        int agentRequests = 0;
        for (const auto& r : m_h.server->requests())
            agentRequests += r.path.contains(QLatin1String("/agents"));
        QCOMPARE(agentRequests, 0);

        QVERIFY(m_h.window->selectId(q.id));
        QTRY_COMPARE(find<QLabel>("agentsStatusLabel")->text(), reason);
        QVERIFY(!section()->table()->isVisible());
        QVERIFY(!find<QFrame>("joinHelp")->isVisible());
        const Cluster production = *model()->clusterForId(q.clusterId);
        QVERIFY(m_h.window->selectId(production.id));
        QTRY_COMPARE(find<QLabel>("agentsLabel")->text(), reason);

        // Everything else works: a refresh, and pausing dispatch.
        QSignalSpy refreshed(m_h.session, &OrganizationSession::refreshFinished);
        m_h.window->refresh();
        QVERIFY(refreshed.wait(20000));
        QVERIFY(!refreshed.constFirst().constFirst().value<ApiError>());
        QVERIFY(m_h.window->selectId(q.id));
        auto* pause = find<QPushButton>("pauseButton");
        QVERIFY(pause->isVisible() && pause->isEnabled());
        QTRY_VERIFY(m_h.window->operationError().isEmpty());
        agentRequests = 0;
        for (const auto& r : m_h.server->requests())
            agentRequests += r.path.contains(QLatin1String("/agents"));
        QCOMPARE(agentRequests, 0);
    }

    void withoutWriteAgentsTheActionsSayWhy()
    {
        open();
        m_h.client->setToken(m_h.server->addApiToken({ QStringLiteral("read_clusters"),
            QStringLiteral("write_clusters"), QStringLiteral("read_agents") }));
        QSignalSpy loaded(m_h.session, &OrganizationSession::accessTokenLoaded);
        m_h.session->fetchAccessToken();
        QVERIFY(loaded.wait(20000));
        const Queue q = queue(QStringLiteral("Production"), QStringLiteral("default"));
        QVERIFY(showQueue(q));
        QVERIFY(section()->selectAgent(m_h.server->agentIds(q.id).constFirst()));
        for (const char* name : { "pauseAgentButton", "resumeAgentButton", "stopAgentButton",
                 "forceStopAgentButton" }) {
            auto* button = find<QPushButton>(name);
            QVERIFY2(!button->isEnabled(), name);
            QCOMPARE(button->toolTip(),
                QStringLiteral("Your API token doesn't have the write_agents scope"));
        }
        QVERIFY(section()->table()->isVisible()); // reading still works
    }
};

QTEST_MAIN(TestMainWindowAgents)
#include "tst_mainwindow_agents.moc"
