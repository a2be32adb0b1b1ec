// SPDX-License-Identifier: MIT
#include "domain/json.h"

#include <QTest>
#include <QTimeZone>

class TestJson final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime noon(QDate(2026, 5, 21), QTime(12, 0), QTimeZone::utc());
        QTest::newRow("iso-ms") << QStringLiteral("2026-05-21T12:00:00.000Z") << noon;
        QTest::newRow("iso") << QStringLiteral("2026-05-21T12:00:00Z") << noon;
        QTest::newRow("offset") << QStringLiteral("2026-05-21T14:00:00+02:00") << noon;
        QTest::newRow("utc-words") << QStringLiteral("2026-05-21 12:00:00 UTC") << noon;
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
    }
    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        QCOMPARE(parseTimestamp(text), expected);
    }

    void wrongTypeNamesTheField()
    {
        JsonReader r(QJsonObject { { QStringLiteral("name"), 3 } }, QStringLiteral("cluster"));
        QCOMPARE(r.string(QLatin1StringView("name")), QString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), QStringLiteral("cluster.name: expected a string, got a number"));
    }

    void missingAndNullAreEmpty()
    {
        JsonReader r(
            QJsonObject { { QStringLiteral("a"), QJsonValue::Null } }, QStringLiteral("x"));
        QCOMPARE(r.string(QLatin1StringView("a")), QString());
        QCOMPARE(r.boolean(QLatin1StringView("b"), true), true);
        QVERIFY(!r.timestamp(QLatin1StringView("c")).isValid());
        QVERIFY(r.ok());
    }
};

QTEST_GUILESS_MAIN(TestJson)
#include "tst_json.moc"
