// SPDX-License-Identifier: MIT
#pragma once

#include "listtable.h"

class AgentTokenListModel;

// Agent tokens as a table (one cluster's or the organisation's): description, cluster, expiry
// (in the danger or warning tone when expired or close), IP allowlist, creator and age.
//
// objectNames: those of ListTable.
class TokenTable final : public ListTable {
    Q_OBJECT
public:
    explicit TokenTable(QWidget* parent = nullptr);

    AgentTokenListModel* model() const { return m_model; }

protected:
    QString countText(int shown, int total) const override;

private:
    AgentTokenListModel* m_model;
};
