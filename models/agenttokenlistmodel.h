// SPDX-License-Identifier: MIT
#pragma once

#include "domain/agenttoken.h"
#include "domain/tokenexpiry.h"
#include "idlistmodel.h"

// Agent tokens as a table (one cluster's, or every cluster's), in the order given to setItems.
// Never holds a token value: AgentToken has none.
class AgentTokenListModel final : public IdListModel<AgentToken> {
    Q_OBJECT
public:
    enum Column {
        Description,
        Cluster,
        Expiry,
        AllowedIps,
        CreatedBy,
        CreatedAt,
        Id,
        ColumnCount
    };
    Q_ENUM(Column)
    enum Role {
        IdRole = ModelRoles::Id,
        ClusterIdRole = ModelRoles::ClusterId,
        SortRole = ModelRoles::Sort,
        SearchTextRole = ModelRoles::SearchText,
        AgentTokenRole = ModelRoles::AgentTokenValue,
        EmojiRole = ModelRoles::Emoji, // the cluster's
        ExpiryRole = ModelRoles::Expiry,
        ExpiryStateRole = ModelRoles::ExpiryState,
        DescriptionRole = ModelRoles::Description,
    };
    Q_ENUM(Role)
    using ExpiryState = TokenExpiry::State;

    explicit AgentTokenListModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The clock expiry states are computed against. An invalid time (the default) follows the
    // system clock, sampled at construction, at every setItems/upsert and by updateExpiry();
    // a valid one fixes it (tests, screenshots). Rows whose state changes are reported.
    void setNow(const QDateTime& now);
    QDateTime now() const { return m_now; }
    // Re-samples the system clock (a view calls it from a timer) and reports tokens that
    // expired or entered the expiring-soon window since.
    void updateExpiry();

    void setItems(const QList<AgentToken>& items);
    void setRange(qsizetype first, qsizetype count, const QList<AgentToken>& items);
    void upsert(const AgentToken& item);

protected:
    QVariant itemData(const AgentToken& token, int column, int role) const override;
    QList<int> itemRoles() const override;

private:
    void moveClock(const QDateTime& now);

    QDateTime m_fixedNow;
    QDateTime m_now;
};
