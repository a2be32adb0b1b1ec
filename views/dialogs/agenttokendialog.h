// SPDX-License-Identifier: MIT
#pragma once

#include "api/requests/tokenrequests.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "formdialog.h"

#include <functional>

class HintLabel;
class QCheckBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;

// Create or edit a cluster agent token: description, IP allowlist and (create only) expiry.
//
// objectNames: descriptionEdit, descriptionHint, allowlistEdit, allowlistHint,
// allowlistWarning (edit only: agents outside a changed allowlist are disconnected),
// expiryCheck, expiryEdit, expiryHint (create only), expiryLabel (edit only), plus FormDialog's.
class AgentTokenDialog final : public FormDialog {
    Q_OBJECT
public:
    // Create mode.
    explicit AgentTokenDialog(const Cluster& cluster, QWidget* parent = nullptr);
    // Edit mode.
    AgentTokenDialog(const AgentToken& token, const Cluster& cluster, QWidget* parent = nullptr);

    bool isEditMode() const { return m_edit; }
    AgentTokenInput input() const;

    // Buildkite refuses expiries closer than this.
    static constexpr qint64 minimumLeadSeconds = 10 * 60;

    // The clock the expiry is checked against (tests); the system clock by default.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

Q_SIGNALS:
    void submitted(const AgentTokenInput& input);

protected:
    bool validate() override;
    void submit() override;

private:
    void build(const Cluster& cluster);
    QDateTime chosenExpiry() const;

    bool m_edit = false;
    AgentToken m_original;
    QLineEdit* m_description = nullptr;
    HintLabel* m_descriptionHint = nullptr;
    QPlainTextEdit* m_allowlist = nullptr;
    HintLabel* m_allowlistHint = nullptr;
    HintLabel* m_allowlistWarning = nullptr;
    QCheckBox* m_expires = nullptr;
    QDateTimeEdit* m_expiry = nullptr;
    HintLabel* m_expiryHint = nullptr;
    QTimer* m_recheck = nullptr;
    std::function<QDateTime()> m_now;
};
