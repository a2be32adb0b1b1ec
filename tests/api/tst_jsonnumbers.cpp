// SPDX-License-Identifier: MIT
// JsonReader's numbers, built with the sanitizer that catches out-of-range float-to-integer
// conversions: in a normal build that undefined behaviour reads as a plausible wrong number.
#include "domain/json.h"
#include "jsonliteral.h"

#include <QJsonDocument>
#include <QTest>

#include <limits>

class TestJsonNumbers final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Converting a double at or beyond 2^63 to qint64 was undefined behaviour.
    void integerOutsideSixtyFourBitsIsATypeError_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("value");
        QTest::newRow("small") << QByteArray(JSON({"n":16})) << true << qint64(16);
        QTest::newRow("whole double") << QByteArray(JSON({"n":4.0})) << true << qint64(4);
        QTest::newRow("lowest") << QByteArray(JSON({"n":-9223372036854775808}))
            << true << std::numeric_limits<qint64>::min();
        QTest::newRow("2^53") << QByteArray(JSON({"n":9007199254740992}))
            << true << qint64(9007199254740992);
        // Read as a double, the highest qint64 rounds up to 2^63: refused, never wrapped.
        QTest::newRow("highest") << QByteArray(JSON({"n":9223372036854775807}))
            << false << qint64(0);
        QTest::newRow("2^63") << QByteArray(JSON({"n":9223372036854775808})) << false << qint64(0);
        QTest::newRow("1e19") << QByteArray(JSON({"n":1e19})) << false << qint64(0);
        QTest::newRow("-1e19") << QByteArray(JSON({"n":-1e19})) << false << qint64(0);
        QTest::newRow("1e300") << QByteArray(JSON({"n":1e300})) << false << qint64(0);
        QTest::newRow("-1e300") << QByteArray(JSON({"n":-1e300})) << false << qint64(0);
        QTest::newRow("fraction") << QByteArray(JSON({"n":4.5})) << false << qint64(0);
    }
    void integerOutsideSixtyFourBitsIsATypeError()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, ok);
        QFETCH(qint64, value);
        JsonReader reader(QJsonDocument::fromJson(json).object(), QStringLiteral("shape"));
        const std::optional<qint64> n = reader.integer(QLatin1StringView("n"));
        QCOMPARE(reader.ok(), ok);
        QCOMPARE(n.has_value(), ok);
        if (ok)
            QCOMPARE(*n, value);
        else
            QCOMPARE(reader.error(),
                QStringLiteral("shape.n: expected a whole number within 64 bits, got a number"));
    }
};

QTEST_GUILESS_MAIN(TestJsonNumbers)
#include "tst_jsonnumbers.moc"
