// SPDX-License-Identifier: MIT
#pragma once

#include "detailpane.h"
#include "domain/cluster.h"
#include "domain/queue.h"

class Banner;
class CopyableField;
class QFormLayout;
class QLayout;
class QLabel;
class QPushButton;
class QueueAgentsSection;
class StatusBadge;

// One queue: its dispatch state first (what an admin looks for during an incident), then the
// hosted shape, retry affinity and identifiers.
//
// objectNames: keyLabel, clusterLabel, descriptionLabel, dispatchBanner, dispatchLabel,
// pauseButton, resumeButton, hostingLabel, machineTypeLabel, architectureLabel, cpuLabel,
// memoryLabel, diskLabel, shapeNameLabel (InstanceShape::displayName, the API name in its
// tooltip), removedShapeBadge, agentImageLabel (hosted Linux), affinityLabel, createdByLabel,
// createdAtLabel, id{Value,CopyButton}, graphqlId{Value,CopyButton}, webUrl{Value,CopyButton},
// apiUrl{Value,CopyButton}, editButton, deleteButton, openInBrowserButton; the agents section's
// (QueueAgentsSection, queueAgentsSection).
class QueueDetailPane final : public DetailPane {
    Q_OBJECT
public:
    explicit QueueDetailPane(QWidget* parent = nullptr);

    void setQueue(const Queue& queue, const Cluster& cluster);
    const Queue& queue() const { return m_queue; }
    const Cluster& cluster() const { return m_cluster; }
    // Its agents: counts, table, actions and how agents join (what the incident needs first).
    QueueAgentsSection* agents() const { return m_agents; }

    // "Paused by Sam Kim 3 hours ago — note", as the banner shows it.
    static QString pausedText(const Queue& queue, const QDateTime& now);

Q_SIGNALS:
    void pauseRequested(const Queue& queue);
    void resumeRequested(const Queue& queue);
    void editRequested(const Queue& queue);
    // The main window confirms (confirmDeleteQueue) before deleting.
    void deleteRequested(const Queue& queue);

protected:
    void refreshTimes() override;

private:
    void showDispatchState();

    Queue m_queue;
    Cluster m_cluster;

    QLabel* m_key;
    QLabel* m_clusterName;
    QLabel* m_description;
    Banner* m_dispatch;
    QPushButton* m_pause;
    QPushButton* m_resume;
    QFormLayout* m_hostingForm;
    QLabel* m_hosting;
    QLabel* m_machineType;
    QLabel* m_architecture;
    QLabel* m_cpu;
    QLabel* m_memory;
    QLabel* m_disk;
    QLabel* m_agentImage;
    QLayout* m_shapeRow;
    QLabel* m_shapeName;
    StatusBadge* m_removedShape;
    QLabel* m_affinity;
    QLabel* m_createdBy;
    QLabel* m_createdAt;
    CopyableField* m_id;
    CopyableField* m_graphqlId;
    CopyableField* m_webUrl;
    CopyableField* m_apiUrl;
    QPushButton* m_edit;
    QPushButton* m_delete;
    QPushButton* m_open;
    QueueAgentsSection* m_agents;
};
