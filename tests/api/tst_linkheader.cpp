// SPDX-License-Identifier: MIT
#include "api/linkheader.h"

#include <QTest>

// parseLinkHeader: RFC 8288 Link headers, as Buildkite sends them and as anyone else might.
class TestLinkHeader final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void links_data();
    void links();
};

void TestLinkHeader::links_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("last");
    const QString page2 = QStringLiteral("https://api.buildkite.com/v2/o/clusters?page=2");
    const QString page5 = QStringLiteral("https://api.buildkite.com/v2/o/clusters?page=5");
    QTest::newRow("buildkite") << QByteArray(
        "<https://api.buildkite.com/v2/o/clusters?page=2>; rel=\"next\", "
        "<https://api.buildkite.com/v2/o/clusters?page=5>; rel=\"last\"")
                               << page2 << page5;
    QTest::newRow("unquoted, upper case, spaced")
        << QByteArray(" < https://api.buildkite.com/v2/o/clusters?page=2 > ;REL = NEXT ,"
                      "<https://api.buildkite.com/v2/o/clusters?page=5>;rel=last")
        << page2 << page5;
    QTest::newRow("two rels") << QByteArray("<https://api.buildkite.com/v2/o/clusters?page=5>; "
                                            "rel=\"next last\"")
                              << page5 << page5;
    QTest::newRow("none") << QByteArray() << QString() << QString();
    QTest::newRow("no rel") << QByteArray("<https://api.buildkite.com/v2/o/clusters?page=2>")
                            << QString() << QString();
    // Found by fuzz/fuzz_linkheader.cpp (seed fuzz/seeds/linkheader/regression-quoted.bin):
    // quoted values holding the header's own punctuation were read as structure.
    QTest::newRow("< in a title") << QByteArray(
        "<https://api.buildkite.com/v2/o/clusters?page=2>; title=\"<L>,\"; "
        "rel=\"next\", <https://api.buildkite.com/v2/o/clusters?page=5>; rel=\"last\"")
                                  << page2 << page5;
    QTest::newRow("rel= in a title") << QByteArray(
        "<https://api.buildkite.com/v2/o/clusters?page=2>; title=\"x; rel=last\"; "
        "rel=\"next\"") << page2 << QString();
    QTest::newRow("escaped quote") << QByteArray(
        "<https://api.buildkite.com/v2/o/clusters?page=2>; title=\"a\\\"; rel=x\"; "
        "rel=next") << page2 << QString();
    QTest::newRow("the first rel counts")
        << QByteArray("<https://api.buildkite.com/v2/o/clusters?page=2>; rel=next; rel=last")
        << page2 << QString();
    QTest::newRow("junk between links")
        << QByteArray("junk, <https://api.buildkite.com/v2/o/clusters?page=2> junk; rel=next")
        << page2 << QString();
}

void TestLinkHeader::links()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, next);
    QFETCH(QString, last);
    const QHash<QString, QUrl> links = parseLinkHeader(header);
    QCOMPARE(links.value(QStringLiteral("next")).toString(), next);
    QCOMPARE(links.value(QStringLiteral("last")).toString(), last);
}

QTEST_GUILESS_MAIN(TestLinkHeader)
#include "tst_linkheader.moc"
