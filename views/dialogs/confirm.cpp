// SPDX-License-Identifier: MIT
#include "confirm.h"

#include "emoji.h"
#include "typednameconfirmation.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace {
// The translation context of this file's words.
struct Confirm {
    Q_DECLARE_TR_FUNCTIONS(Confirm)
};
} // namespace

bool confirmDestructive(QWidget* parent, const QString& title, const QString& text,
    const QString& acceptLabel, const QString& informativeText)
{
    QMessageBox box(parent);
    box.setObjectName(QStringLiteral("confirmDestructiveBox"));
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(title);
    box.setText(text);
    box.setInformativeText(informativeText);
    box.setTextFormat(Qt::PlainText);
    box.setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    QPushButton* destroy = box.addButton(acceptLabel, QMessageBox::DestructiveRole);
    destroy->setObjectName(QStringLiteral("confirmButton"));
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == destroy;
}

namespace ConfirmText {

QString deleteClusterDetail(int queueCount, int tokenCount)
{
    const QString queues = Confirm::tr("%n queue(s)", nullptr, queueCount);
    const QString tokens = Confirm::tr("%n agent token(s)", nullptr, tokenCount);
    if (queueCount == 0 && tokenCount == 0)
        return Confirm::tr("The cluster has no queues or agent tokens. This cannot be undone.");
    return Confirm::tr("Its %1 and %2 are deleted with it. This cannot be undone.")
        .arg(queues, tokens);
}

QString deleteQueueDetail(const Queue& queue)
{
    return Confirm::tr(
        "Agents and pipeline steps that use the key “%1” will need another queue. This "
        "cannot be undone.")
        .arg(queue.key);
}

QString revokeTokenDetail(const AgentToken&)
{
    return Confirm::tr(
        "New agents can no longer start with this token. Agents already connected with it "
        "stay connected until they stop. This cannot be undone.");
}

QString stopAgentDetail(const Agent& agent, bool force)
{
    QString job;
    if (agent.job) {
        const QString build = agent.job->buildName();
        job = QStringLiteral("“%1”").arg(Emoji::render(agent.job->displayName()));
        if (!build.isEmpty())
            job += QStringLiteral(" (%1)").arg(build);
    }
    const QString after
        = Confirm::tr("Whatever started the agent decides whether a new one takes its "
                      "place.");
    if (force) {
        if (job.isEmpty())
            return Confirm::tr("It is not running a job and disconnects now. %1").arg(after);
        return Confirm::tr("Its running job %1 is cancelled, and the agent disconnects now. %2")
            .arg(job, after);
    }
    if (job.isEmpty())
        return Confirm::tr("It is not running a job and disconnects now. %1").arg(after);
    return Confirm::tr("It finishes its running job %1 first, then disconnects. %2")
        .arg(job, after);
}

} // namespace ConfirmText

bool confirmDeleteCluster(QWidget* parent, const Cluster& cluster, int queueCount, int tokenCount)
{
    const QString title = Confirm::tr("Delete Cluster");
    const QString question = Confirm::tr("Delete the cluster “%1”?").arg(cluster.name);
    const QString detail = ConfirmText::deleteClusterDetail(queueCount, tokenCount);
    if (queueCount == 0 && tokenCount == 0)
        return confirmDestructive(parent, title, question, Confirm::tr("Delete Cluster"), detail);
    TypedNameConfirmation box(
        title, question, detail, cluster.name, Confirm::tr("Delete Cluster"), parent);
    box.setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    return box.exec() == QDialog::Accepted && box.matches();
}

QString deleteQueueQuestion(const Queue& queue, const QString& clusterName)
{
    if (clusterName.isEmpty())
        return Confirm::tr("Delete the queue “%1”?").arg(queue.key);
    return Confirm::tr("Delete the queue “%1” in the cluster “%2”?").arg(queue.key, clusterName);
}

QString revokeTokenQuestion(const AgentToken& token, const QString& clusterName)
{
    const QString name = token.description.isEmpty() ? token.id : token.description;
    if (clusterName.isEmpty())
        return Confirm::tr("Revoke the agent token “%1”?").arg(name);
    return Confirm::tr("Revoke the agent token “%1” in the cluster “%2”?").arg(name, clusterName);
}

bool confirmDeleteQueue(QWidget* parent, const Queue& queue, const QString& clusterName)
{
    return confirmDestructive(parent, Confirm::tr("Delete Queue"),
        deleteQueueQuestion(queue, clusterName), Confirm::tr("Delete Queue"),
        ConfirmText::deleteQueueDetail(queue));
}

bool confirmRevokeAgentToken(QWidget* parent, const AgentToken& token, const QString& clusterName)
{
    return confirmDestructive(parent, Confirm::tr("Revoke Agent Token"),
        revokeTokenQuestion(token, clusterName), Confirm::tr("Revoke Token"),
        ConfirmText::revokeTokenDetail(token));
}

bool confirmStopAgent(QWidget* parent, const Agent& agent, bool force)
{
    const QString name = agent.name.isEmpty() ? agent.id : agent.name;
    return force ? confirmDestructive(parent, Confirm::tr("Force Stop Agent"),
               Confirm::tr("Force-stop the agent “%1”?").arg(name), Confirm::tr("Force Stop"),
               ConfirmText::stopAgentDetail(agent, true))
                 : confirmDestructive(parent, Confirm::tr("Stop Agent"),
                     Confirm::tr("Stop the agent “%1”?").arg(name), Confirm::tr("Stop Agent"),
                     ConfirmText::stopAgentDetail(agent, false));
}
