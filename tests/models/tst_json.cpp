// SPDX-License-Identifier: MIT
#include "domain/json.h"

#include <QTest>
#include <QTimeZone>

#include <ctime>

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

    // Found by fuzz/fuzz_timestamp.cpp (seed fuzz/seeds/timestamp/regression-dst-gap.bin): the
    // " UTC" form was read as a local time first, and a local time in a daylight-saving gap does
    // not exist, so a valid timestamp failed (and with it the object, and the list it was in).
    void utcTimestampsInADaylightSavingGap_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("Berlin 02:30")
            << QByteArray("Europe/Berlin") << QStringLiteral("2025-03-30 02:30:00 UTC")
            << QDateTime(QDate(2025, 3, 30), QTime(2, 30), QTimeZone::utc());
        QTest::newRow("fuzzer's 2092")
            << QByteArray("Europe/Berlin") << QStringLiteral("2092-03-30 02:02:02 UTC")
            << QDateTime(QDate(2092, 3, 30), QTime(2, 2, 2), QTimeZone::utc());
        QTest::newRow("Sao Paulo midnight")
            << QByteArray("America/Sao_Paulo") << QStringLiteral("2018-11-04 00:15:00 UTC")
            << QDateTime(QDate(2018, 11, 4), QTime(0, 15), QTimeZone::utc());
        QTest::newRow("Apia's missing day")
            << QByteArray("Pacific/Apia") << QStringLiteral("2011-12-30 12:00:00 UTC")
            << QDateTime(QDate(2011, 12, 30), QTime(12, 0), QTimeZone::utc());
        QTest::newRow("ISO in the gap")
            << QByteArray("Europe/Berlin") << QStringLiteral("2025-03-30T02:30:00.000Z")
            << QDateTime(QDate(2025, 3, 30), QTime(2, 30), QTimeZone::utc());
        QTest::newRow("no seconds")
            << QByteArray("UTC") << QStringLiteral("2025-03-30 02:30 UTC") << QDateTime();
    }
    void utcTimestampsInADaylightSavingGap()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QByteArray before = qgetenv("TZ");
        qputenv("TZ", zone);
        tzset();
        const QDateTime when = parseTimestamp(text);
        qputenv("TZ", before);
        tzset();
        QCOMPARE(when, expected);
        if (expected.isValid())
            QCOMPARE(formatTimestamp(when),
                expected.toString(Qt::ISODateWithMs)
                    .replace(QLatin1String("+00:00"), QLatin1String("Z")));
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
