// SPDX-License-Identifier: MIT
#pragma once

#include "detailpane.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "tone.h"

class CopyableField;
class QLabel;
class QPushButton;
class StatusBadge;

// One agent token: expiry (flagged when expired or close), IP allowlist, identifiers. The token
// value itself is never here: Buildkite shows it only once, at creation (TokenRevealDialog).
//
// objectNames: descriptionLabel, clusterLabel, expiryBadge, expiresLabel, allowlistLabel,
// createdByLabel, createdAtLabel, id{Value,CopyButton}, graphqlId{Value,CopyButton},
// apiUrl{Value,CopyButton}, editButton, revokeButton.
class AgentTokenDetailPane final : public DetailPane {
    Q_OBJECT
public:
    explicit AgentTokenDetailPane(QWidget* parent = nullptr);

    void setToken(const AgentToken& token, const Cluster& cluster);
    const AgentToken& token() const { return m_token; }
    const Cluster& cluster() const { return m_cluster; }

    struct ExpiryStatus {
        QString badge; // empty: nothing to flag
        Tone tone = Tone::Neutral;
    };
    // "Expired", "Expires in 3 days" (TokenExpiry's soon), "Never expires", or nothing.
    static ExpiryStatus expiryStatus(const AgentToken& token, const QDateTime& now);

Q_SIGNALS:
    void editRequested(const AgentToken& token);
    // The main window confirms (confirmRevokeAgentToken) before revoking.
    void revokeRequested(const AgentToken& token);

protected:
    void refreshTimes() override;

private:
    AgentToken m_token;
    Cluster m_cluster;

    QLabel* m_description;
    QLabel* m_clusterName;
    StatusBadge* m_expiryBadge;
    QLabel* m_expires;
    QLabel* m_allowlist;
    QLabel* m_createdBy;
    QLabel* m_createdAt;
    CopyableField* m_id;
    CopyableField* m_graphqlId;
    CopyableField* m_apiUrl;
    QPushButton* m_edit;
    QPushButton* m_revoke;
};
