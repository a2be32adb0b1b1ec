// SPDX-License-Identifier: MIT
#include "agenttokenlistmodel.h"
#include "modeltesthelpers.h"

#include <QAbstractItemModelTester>
#include <QTimeZone>

using M = AgentTokenListModel;
using namespace TestData;

// Every test that touches a model runs it under the tester for the whole test.
#define TESTED_MODEL(model)                                                                        \
    AgentTokenListModel model;                                                                     \
    QAbstractItemModelTester model##Tester(                                                        \
        &model, QAbstractItemModelTester::FailureReportingMode::QtTest)

namespace {

const QString c1 = QStringLiteral("c1");
const QDateTime t0(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());

QList<AgentToken> tokens()
{
    return { token(QStringLiteral("never"), c1, QStringLiteral("Forever"), {},
                 { { QStringLiteral("allowed_ip_addresses"),
                       QStringLiteral("10.0.0.0/8  192.168.1.0/24") },
                     { QStringLiteral("created_by"),
                         QJsonObject { { QStringLiteral("name"), QStringLiteral("Sam Kim") },
                             { QStringLiteral("email"), QStringLiteral("sam@example.com") } } } }),
        token(QStringLiteral("valid"), c1, QStringLiteral("Month"), t0.addDays(30)),
        token(QStringLiteral("soon"), c1, QStringLiteral("Days"), t0.addDays(2)),
        token(QStringLiteral("expired"), c1, QStringLiteral("Gone"), t0.addDays(-1)) };
}

QList<int> roles(std::initializer_list<int> list) { return sortedRoles(QList<int>(list)); }

M::ExpiryState stateOf(const M& model, const char* id)
{
    return model.indexForId(QString::fromLatin1(id))
        .data(M::ExpiryStateRole)
        .value<M::ExpiryState>();
}

} // namespace

class TestAgentTokenListModel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void columnsAndRoles()
    {
        TESTED_MODEL(model);
        model.setNow(t0);
        model.setItems(tokens());
        QCOMPARE(model.columnCount(), int(M::ColumnCount));
        QCOMPARE(model.headerData(M::AllowedIps, Qt::Horizontal).toString(),
            QStringLiteral("Allowed IP addresses"));
        auto cell = [&model](const char* id, int column, int role = Qt::DisplayRole) {
            return model.indexForId(QString::fromLatin1(id), column).data(role);
        };
        QCOMPARE(cell("never", M::Description).toString(), QStringLiteral("Forever"));
        QCOMPARE(cell("never", M::Expiry).toString(), QStringLiteral("Never expires"));
        QCOMPARE(
            cell("never", M::AllowedIps).toString(), QStringLiteral("10.0.0.0/8 192.168.1.0/24"));
        QCOMPARE(cell("never", M::AllowedIps, Qt::ToolTipRole).toString(),
            QStringLiteral("10.0.0.0/8\n192.168.1.0/24"));
        QCOMPARE(
            cell("never", M::CreatedBy).toString(), QStringLiteral("Sam Kim <sam@example.com>"));
        QCOMPARE(cell("valid", M::AllowedIps).toString(), QStringLiteral("Any"));
        QCOMPARE(cell("valid", M::Id).toString(), QStringLiteral("valid"));
        QCOMPARE(cell("valid", M::Expiry, M::ExpiryRole).toDateTime(), t0.addDays(30));
        QVERIFY(cell("expired", M::Expiry).toString().startsWith(QStringLiteral("Expired ")));
        QCOMPARE(
            cell("soon", M::Expiry, Qt::ToolTipRole).toString(), QStringLiteral("Expires soon"));
        // Tokens that never expire sort after every date.
        QVERIFY(cell("never", M::Expiry, M::SortRole).toLongLong()
            > cell("valid", M::Expiry, M::SortRole).toLongLong());
        QVERIFY(cell("valid", M::Expiry, M::SortRole).toLongLong()
            > cell("soon", M::Expiry, M::SortRole).toLongLong());
        QCOMPARE(cell("soon", M::Id, M::AgentTokenRole).value<AgentToken>().description,
            QStringLiteral("Days"));

        QCOMPARE(stateOf(model, "never"), M::ExpiryState::Never);
        QCOMPARE(stateOf(model, "valid"), M::ExpiryState::Valid);
        QCOMPARE(stateOf(model, "soon"), M::ExpiryState::ExpiringSoon);
        QCOMPARE(stateOf(model, "expired"), M::ExpiryState::Expired);
    }

    void theClockChangesOnlyTokensThatCrossABoundary()
    {
        TESTED_MODEL(model);
        model.setNow(t0);
        model.setItems(tokens());
        ModelSpies spies(&model);
        model.setNow(t0.addSecs(3600));
        QCOMPARE(spies.total(), 0);

        model.setNow(t0.addDays(3));
        QCOMPARE(stateOf(model, "soon"), M::ExpiryState::Expired);
        const int row = model.rowForId(QStringLiteral("soon"));
        QCOMPARE(spies.rolesFor(model.index(row, M::Expiry)),
            roles({ Qt::DisplayRole, Qt::ToolTipRole, M::ExpiryStateRole }));
        QCOMPARE(spies.rolesFor(model.index(row, M::Description)), roles({ M::ExpiryStateRole }));
        QCOMPARE(spies.rolesFor(model.index(row, M::Id)), roles({ M::ExpiryStateRole }));
        for (const char* other : { "never", "valid", "expired" })
            QCOMPARE(spies.changesOf(model.indexForId(QString::fromLatin1(other), M::Expiry)), 0);
        QCOMPARE(model.now(), t0.addDays(3));

        // A fixed clock is not moved by merges or updateExpiry().
        model.updateExpiry();
        model.setItems(tokens());
        QCOMPARE(model.now(), t0.addDays(3));
    }

    void anEditedTokenReportsItsCells()
    {
        TESTED_MODEL(model);
        model.setNow(t0);
        model.setItems(tokens());
        ModelSpies spies(&model);
        AgentToken edited = tokens().at(1);
        edited.allowedIpAddresses = QStringLiteral("10.1.0.0/16");
        model.upsert(edited);
        const int row = model.rowForId(QStringLiteral("valid"));
        QCOMPARE(spies.rolesFor(model.index(row, M::AllowedIps)),
            roles({ Qt::DisplayRole, Qt::ToolTipRole, M::SortRole, M::AgentTokenRole }));
        QCOMPARE(spies.rolesFor(model.index(row, M::Description)), roles({ M::AgentTokenRole }));
        QCOMPARE(spies.changed.size(), 3);

        spies.clear();
        model.upsert(edited);
        model.setItems(model.items());
        QCOMPARE(spies.total(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAgentTokenListModel)
#include "tst_agenttokenlistmodel.moc"
