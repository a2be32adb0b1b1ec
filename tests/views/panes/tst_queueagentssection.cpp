// SPDX-License-Identifier: MIT
#include "agentlistmodel.h"
#include "domain/json.h"
#include "panes/hintlabel.h"
#include "panes/queueagentssection.h"
#include "panes/queuedetailpane.h"
#include "panes/tone.h"
#include "panetesthelpers.h"

#include <QAbstractItemModelTester>
#include <QFrame>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace PaneTest;

namespace {
Agent agent(const QString& id, const QString& state, bool busy = false, bool paused = false)
{
    QJsonObject json { { QStringLiteral("id"), id }, { QStringLiteral("name"), id },
        { QStringLiteral("hostname"), id + QStringLiteral(".internal") },
        { QStringLiteral("version"), QStringLiteral("3.97.0") },
        { QStringLiteral("os_id"), QStringLiteral("linux") },
        { QStringLiteral("arch"), QStringLiteral("arm64") },
        { QStringLiteral("connection_state"), state }, { QStringLiteral("paused"), paused },
        { QStringLiteral("connected_at"), QStringLiteral("2025-07-16T06:07:46.000Z") } };
    if (busy)
        json.insert(QStringLiteral("job"),
            QJsonObject { { QStringLiteral("id"), QStringLiteral("j-") + id },
                { QStringLiteral("name"), QStringLiteral(":rocket: Deploy") } });
    JsonReader reader(json, QStringLiteral("agent"));
    return Agent::fromJson(reader);
}

QueueAgentsSection* sectionOf(QueueDetailPane& pane)
{
    return child<QueueAgentsSection>(&pane, "queueAgentsSection");
}
} // namespace

// The queue pane's agents section on its own: what it asks for, what it shows for each state of
// knowledge, the table's selection across refreshes, and which actions apply.
class TestQueueAgentsSection final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void asksOncePerQueue()
    {
        QueueDetailPane pane;
        QueueAgentsSection* s = sectionOf(pane);
        QAbstractItemModelTester tester(
            s->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy wanted(s, &QueueAgentsSection::agentsWanted);
        const Queue q = queue(QStringLiteral("q1"), QStringLiteral("deploy"));
        pane.setQueue(q, cluster());
        QCOMPARE(wanted.size(), 1);
        QCOMPARE(wanted.at(0).at(0).toString(), QStringLiteral("q1"));
        QCOMPARE(text(&pane, "agentsStatusLabel"), QStringLiteral("Listing the agents…"));
        pane.setQueue(q, cluster()); // its row changed: nothing new to ask
        QCOMPARE(wanted.size(), 1);
        s->setAgents(
            QStringLiteral("other"), { agent(QStringLiteral("x"), QStringLiteral("connected")) });
        QCOMPARE(s->model()->rowCount(), 0);
        QVERIFY(!s->isLoaded());
        s->setAgents(
            QStringLiteral("q1"), { agent(QStringLiteral("a"), QStringLiteral("connected")) });
        QCOMPARE(s->model()->rowCount(), 1);
        pane.setQueue(queue(QStringLiteral("q2"), QStringLiteral("build")), cluster());
        QCOMPARE(wanted.size(), 2);
        QCOMPARE(s->model()->rowCount(), 0); // another queue starts empty
    }

    void statusJoinHelpAndHosted()
    {
        QueueDetailPane pane;
        pane.resize(900, 900);
        pane.show();
        QueueAgentsSection* s = sectionOf(pane);
        const Queue q = queue(QStringLiteral("q1"), QStringLiteral("gpu-large"));
        pane.setQueue(q, cluster());
        s->setAgents(q.id, {});
        QCOMPARE(text(&pane, "agentsStatusLabel"),
            QStringLiteral("No agents connected: jobs on this queue wait"));
        QCOMPARE(child<HintLabel>(&pane, "agentsStatusLabel")->tone(), Tone::Danger);
        QVERIFY(child<QFrame>(&pane, "joinHelp")->isVisible());
        QCOMPARE(text(&pane, "joinCommandValue"),
            QStringLiteral("buildkite-agent start --tags \"queue=gpu-large\""));
        QVERIFY(!s->table()->isVisible());
        QSignalSpy newToken(s, &QueueAgentsSection::newAgentTokenRequested);
        child<QPushButton>(&pane, "joinNewTokenButton")->click();
        QCOMPARE(newToken.size(), 1);
        // Without write_clusters the button says why.
        pane.setWriteAllowed(false, noWriteScope);
        QVERIFY(!child<QPushButton>(&pane, "joinNewTokenButton")->isEnabled());

        s->setAgents(q.id,
            { agent(QStringLiteral("a"), QStringLiteral("connected"), true),
                agent(QStringLiteral("b"), QStringLiteral("connected"), false, true) });
        QCOMPARE(text(&pane, "agentsStatusLabel"),
            QStringLiteral("2 agents connected: 1 busy, 1 paused"));
        QVERIFY(!child<QFrame>(&pane, "joinHelp")->isVisible());
        QVERIFY(s->table()->isVisible());

        Queue hosted = queue(QStringLiteral("h1"), QStringLiteral("linux-small"));
        hosted.hosted = true;
        pane.setQueue(hosted, cluster());
        s->setAgents(hosted.id, {});
        QCOMPARE(text(&pane, "agentsStatusLabel"), QStringLiteral("No agents running right now"));
        QCOMPARE(child<HintLabel>(&pane, "agentsStatusLabel")->tone(), Tone::Neutral);
        QVERIFY(child<HintLabel>(&pane, "hostedAgentsLabel")->isVisible());
        QVERIFY(!child<QFrame>(&pane, "joinHelp")->isVisible());

        s->setUnavailable(
            QStringLiteral("Agent counts need the read_agents scope on your API token"));
        QCOMPARE(text(&pane, "agentsStatusLabel"),
            QStringLiteral("Agent counts need the read_agents scope on your API token"));
        QCOMPARE(child<HintLabel>(&pane, "agentsStatusLabel")->tone(), Tone::Warning);
        QVERIFY(!s->table()->isVisible());
        QSignalSpy wanted(s, &QueueAgentsSection::agentsWanted);
        pane.setQueue(q, cluster());
        QCOMPARE(wanted.size(), 0); // nothing to ask for without the scope
        s->setUnavailable({});
        QCOMPARE(wanted.size(), 1);
    }

    void selectionActionsAndErrors()
    {
        QueueDetailPane pane;
        pane.resize(900, 900);
        pane.show();
        QueueAgentsSection* s = sectionOf(pane);
        const Queue q = queue(QStringLiteral("q1"), QStringLiteral("deploy"));
        pane.setQueue(q, cluster());
        const QList<Agent> agents { agent(
                                        QStringLiteral("busy"), QStringLiteral("connected"), true),
            agent(QStringLiteral("idle"), QStringLiteral("connected")),
            agent(QStringLiteral("paused"), QStringLiteral("connected"), false, true) };
        s->setAgents(q.id, agents);
        auto* pause = child<QPushButton>(&pane, "pauseAgentButton");
        auto* resume = child<QPushButton>(&pane, "resumeAgentButton");
        auto* stop = child<QPushButton>(&pane, "stopAgentButton");
        auto* force = child<QPushButton>(&pane, "forceStopAgentButton");
        QVERIFY(!pause->isEnabled() && !stop->isEnabled());
        QCOMPARE(stop->toolTip(), QStringLiteral("Select an agent first"));

        QVERIFY(s->selectAgent(QStringLiteral("idle")));
        QVERIFY(
            pause->isEnabled() && !resume->isEnabled() && stop->isEnabled() && force->isEnabled());
        QSignalSpy stopped(s, &QueueAgentsSection::stopRequested);
        force->click();
        QCOMPARE(stopped.size(), 1);
        QCOMPARE(stopped.at(0).at(0).value<Agent>().id, QStringLiteral("idle"));
        QCOMPARE(stopped.at(0).at(1).toBool(), true);

        // The idle agent takes a job and another leaves: the selection stays on it.
        s->table()->sortByColumn(AgentListModel::State, Qt::AscendingOrder);
        s->setAgents(q.id,
            { agents.at(0), agent(QStringLiteral("idle"), QStringLiteral("connected"), true) });
        QCOMPARE(s->selectedAgent()->id, QStringLiteral("idle"));
        QVERIFY(s->selectedAgent()->isBusy());

        QVERIFY(s->selectAgent(QStringLiteral("busy")));
        s->setAgents(q.id, { agent(QStringLiteral("busy"), QStringLiteral("stopping"), true) });
        QVERIFY(!stop->isEnabled());
        QVERIFY(force->isEnabled());
        QVERIFY(!pause->isEnabled());

        s->setActionBusy(true);
        QVERIFY(!force->isEnabled());
        s->setActionBusy(false);
        s->setWriteDenied(QStringLiteral("Your API token doesn't have the write_agents scope"));
        QVERIFY(!force->isEnabled());
        QCOMPARE(
            force->toolTip(), QStringLiteral("Your API token doesn't have the write_agents scope"));

        s->showActionError(QStringLiteral("Could not stop “busy”: Can only stop connected agents"));
        QVERIFY(child<QWidget>(&pane, "agentsErrorBanner")->isVisible());
        QCOMPARE(s->errorText(),
            QStringLiteral("Could not stop “busy”: Can only stop connected agents"));
        child<QPushButton>(&pane, "dismissAgentsErrorButton")->click();
        QVERIFY(s->errorText().isEmpty());
        s->showLoadError(q.id, QStringLiteral("Internal Server Error"));
        QCOMPARE(
            s->errorText(), QStringLiteral("Could not list the agents: Internal Server Error"));
        QCOMPARE(s->model()->rowCount(), 1); // what was known stays
    }

    void tableCells()
    {
        QueueDetailPane pane;
        QueueAgentsSection* s = sectionOf(pane);
        const Queue q = queue(QStringLiteral("q1"), QStringLiteral("deploy"));
        pane.setQueue(q, cluster());
        s->setAgents(q.id, { agent(QStringLiteral("a"), QStringLiteral("connected"), true) });
        QAbstractItemModel* m = s->table()->model();
        QCOMPARE(m->index(0, AgentListModel::Name).data().toString(), QStringLiteral("a"));
        QCOMPARE(
            m->index(0, AgentListModel::Hostname).data().toString(), QStringLiteral("a.internal"));
        QCOMPARE(m->index(0, AgentListModel::Version).data().toString(), QStringLiteral("3.97.0"));
        QCOMPARE(
            m->index(0, AgentListModel::Platform).data().toString(), QStringLiteral("linux/arm64"));
        QCOMPARE(m->index(0, AgentListModel::State).data().toString(), QStringLiteral("Busy"));
        QCOMPARE(m->index(0, AgentListModel::Job).data().toString(), QStringLiteral("🚀 Deploy"));
        QVERIFY(m->index(0, AgentListModel::ConnectedSince)
                    .data()
                    .toString()
                    .contains(QLatin1String("ago")));
        QVERIFY(m->index(0, AgentListModel::State).data(Qt::ForegroundRole).isValid());
        QCOMPARE(m->headerData(AgentListModel::Job, Qt::Horizontal).toString(),
            QStringLiteral("Current job"));
    }
};

QTEST_MAIN(TestQueueAgentsSection)
#include "tst_queueagentssection.moc"
