// SPDX-License-Identifier: MIT
#include "dialogs/ipallowlist.h"

#include <QTest>

// IpAllowlist: parsing an agent token's allowed IP addresses.
class TestIpAllowlist final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cidrParsing_data();
    void cidrParsing();
    void entryKinds();
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
    // Buildkite's docs mix bare addresses and CIDRs; a bare one is that one address.
    QTest::newRow("bare address") << QStringLiteral("198.51.100.12")
                                  << QStringLiteral("198.51.100.12") << QString();
    QTest::newRow("bare and cidr mixed")
        << QStringLiteral("192.0.2.0/24, 198.51.100.12\n203.0.113.7")
        << QStringLiteral("192.0.2.0/24 198.51.100.12 203.0.113.7") << QString();
    QTest::newRow("bare octet 256")
        << QStringLiteral("10.1.2.256") << QString() << QStringLiteral("“10.1.2.256”");
    QTest::newRow("bare leading zero")
        << QStringLiteral("10.1.2.03") << QString() << QStringLiteral("“10.1.2.03”");
    QTest::newRow("empty prefix") << QStringLiteral("10.1.2.3/") << QString()
                                  << QStringLiteral("“10.1.2.3/”");
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

void TestIpAllowlist::entryKinds()
{
    QVERIFY(IpAllowlist::isEntry(QStringLiteral("198.51.100.12")));
    QVERIFY(IpAllowlist::isEntry(QStringLiteral("198.51.100.0/24")));
    QVERIFY(IpAllowlist::isIpv4Address(QStringLiteral("198.51.100.12")));
    QVERIFY(!IpAllowlist::isIpv4Cidr(QStringLiteral("198.51.100.12")));
    QVERIFY(!IpAllowlist::isIpv4Address(QStringLiteral("198.51.100.0/24")));
    QVERIFY(!IpAllowlist::isEntry(QStringLiteral("198.51.100")));
    QVERIFY(!IpAllowlist::isEntry(QStringLiteral("host.example")));
}

QTEST_GUILESS_MAIN(TestIpAllowlist)
#include "tst_ipallowlist.moc"
