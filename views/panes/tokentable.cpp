// SPDX-License-Identifier: MIT
#include "tokentable.h"

#include "agenttokenlistmodel.h"
#include "tablecelldelegate.h"
#include "treelistfeed.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTreeView>

using M = AgentTokenListModel;

TokenTable::TokenTable(QWidget* parent)
    : ListTable(new M(parent), M::Cluster, { M::Id }, parent)
    , m_model(static_cast<M*>(proxy()->sourceModel()))
{
    m_model->setParent(this);
    view()->setAccessibleName(tr("Agent tokens"));
    feed()->setTokens(m_model);

    QHeaderView* header = view()->header();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(M::Description, 240);
    header->resizeSection(M::Cluster, 170);
    header->resizeSection(M::Expiry, 170);
    header->resizeSection(M::AllowedIps, 190);
    header->resizeSection(M::CreatedBy, 230);
    header->resizeSection(M::CreatedAt, 110);
    view()->sortByColumn(M::Expiry, Qt::AscendingOrder); // the next to expire first

    delegate()->setToneOf([](const QModelIndex& index) -> std::optional<Tone> {
        if (index.column() == M::Expiry) {
            switch (index.data(M::ExpiryStateRole).value<M::ExpiryState>()) {
            case M::ExpiryState::Expired:
                return Tone::Danger;
            case M::ExpiryState::ExpiringSoon:
                return Tone::Warning;
            default:
                return std::nullopt;
            }
        }
        if (index.column() == M::AllowedIps
            && index.data(M::AgentTokenRole).value<AgentToken>().allowedIpAddresses.isEmpty())
            return Tone::Info;
        return std::nullopt;
    });
}

QString TokenTable::countText(int shown, int total) const
{
    if (shown == total)
        return total == 1 ? tr("1 agent token") : tr("%1 agent tokens").arg(total);
    return tr("%1 of %2 agent tokens").arg(shown).arg(total);
}
