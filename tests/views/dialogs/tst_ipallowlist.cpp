// SPDX-License-Identifier: MIT
#include "dialogs/ipallowlist.h"

#include <QTest>

// IpAllowlist: parsing an agent token's allowed IP addresses.
class TestIpAllowlist final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cidrParsing_data();
    void cidrParsing();
};

void TestIpAllowlist::cidrParsing_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("joined");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("empty") << QString() << QString() << QString();
    QTest::newRow("lines and commas")
        << QStringLiteral("192.0.2.0/24\n 198.51.100.7/32, 10.0.0.0/8")
        << QStringLiteral("192.0.2.0/24 198.51.100.7/32 10.0.0.0/8") << QString();
    QTest::newRow("any") << QStringLiteral("0.0.0.0/0") << QStringLiteral("0.0.0.0/0") << QString();
    QTest::newRow("duplicate dropped")
        << QStringLiteral("10.0.0.0/8 10.0.0.0/8") << QStringLiteral("10.0.0.0/8") << QString();
    QTest::newRow("prefix 33") << QStringLiteral("10.0.0.0/33") << QString()
                               << QStringLiteral("“10.0.0.0/33”");
    QTest::newRow("octet 256") << QStringLiteral("10.0.0.256/32") << QString()
                               << QStringLiteral("“10.0.0.256/32”");
    QTest::newRow("bare address") << QStringLiteral("10.1.2.3") << QString()
                                  << QStringLiteral("10.1.2.3/32");
    QTest::newRow("three octets") << QStringLiteral("10.0.0/8") << QString()
                                  << QStringLiteral("“10.0.0/8”");
    QTest::newRow("leading zero") << QStringLiteral("10.0.0.010/32") << QString()
                                  << QStringLiteral("“10.0.0.010/32”");
    QTest::newRow("ipv6") << QStringLiteral("2001:db8::/32") << QString()
                          << QStringLiteral("“2001:db8::/32”");
    QTest::newRow("second bad") << QStringLiteral("10.0.0.0/8 nope") << QString()
                                << QStringLiteral("“nope”");
}

void TestIpAllowlist::cidrParsing()
{
    QFETCH(QString, text);
    QFETCH(QString, joined);
    QFETCH(QString, errorContains);
    const IpAllowlist::Parsed parsed = IpAllowlist::parse(text);
    if (errorContains.isEmpty()) {
        QVERIFY2(parsed.isValid(), qPrintable(parsed.error));
        QCOMPARE(parsed.joined(), joined);
    } else {
        QVERIFY(!parsed.isValid());
        QVERIFY2(parsed.error.contains(errorContains), qPrintable(parsed.error));
    }
}

QTEST_GUILESS_MAIN(TestIpAllowlist)
#include "tst_ipallowlist.moc"
