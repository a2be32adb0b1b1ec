// SPDX-License-Identifier: MIT
#include "clustertitle.h"
#include "domain/cluster.h"

#include <QTest>

class TestClusterTitle final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void title_data()
    {
        QTest::addColumn<QString>("emoji");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected");

        const QString id = QStringLiteral("0190c2a5-cluster");
        // Expected emoji spelled as code points, independent of the generated table.
        QTest::newRow("name only")
            << QString() << QStringLiteral("Linux fleet") << id << QStringLiteral("Linux fleet");
        QTest::newRow("emoji and name")
            << QStringLiteral(":rocket:") << QStringLiteral("Linux fleet") << id
            << QStringLiteral("\U0001F680 Linux fleet");
        QTest::newRow("padded emoji and name")
            << QStringLiteral("  :rocket: ") << QStringLiteral(" Linux fleet ") << id
            << QStringLiteral("\U0001F680 Linux fleet");
        QTest::newRow("zwj sequence")
            << QStringLiteral(":technologist:") << QStringLiteral("Mobile Apps") << id
            << QStringLiteral("\U0001F9D1\u200D\U0001F4BB Mobile Apps");
        QTest::newRow("emoji typed as such")
            << QStringLiteral("\U0001F680") << QStringLiteral("Linux") << id
            << QStringLiteral("\U0001F680 Linux");
        QTest::newRow("no name: the id") << QString() << QString() << id << id;
        QTest::newRow("blank name: the id") << QString() << QStringLiteral("   ") << id << id;
        QTest::newRow("emoji, no name")
            << QStringLiteral(":rocket:") << QString() << id << QStringLiteral("\U0001F680 ") + id;
        // Buildkite's own logo emoji are not in the table and stay readable as text.
        QTest::newRow("logo shortcode") << QStringLiteral(":buildkite:") << QStringLiteral("CI")
                                        << id << QStringLiteral(":buildkite: CI");
        QTest::newRow("blank emoji")
            << QStringLiteral("  ") << QStringLiteral("CI") << id << QStringLiteral("CI");
        QTest::newRow("nothing at all") << QString() << QString() << QString() << QString();
        QTest::newRow("emoji alone")
            << QStringLiteral(":rocket:") << QString() << QString() << QStringLiteral("\U0001F680");
    }

    void title()
    {
        QFETCH(QString, emoji);
        QFETCH(QString, name);
        QFETCH(QString, id);
        QFETCH(QString, expected);
        QCOMPARE(clusterTitle(emoji, name, id), expected);

        Cluster cluster;
        cluster.id = id;
        cluster.name = name;
        cluster.emoji = emoji;
        QCOMPARE(clusterTitle(cluster), expected);
    }
};

QTEST_GUILESS_MAIN(TestClusterTitle)
#include "tst_clustertitle.moc"
