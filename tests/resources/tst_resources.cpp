// SPDX-License-Identifier: MIT
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QPixmap>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTest>

// The resources live in a static library: these tests fail if its object library stops being
// linked transitively (nothing under :/) or if QtSvg cannot draw a file.
class TestResources final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void icons_data();
    void icons();
};

void TestResources::init()
{
    // QtSvg reports unsupported elements as warnings and draws what it can; treat them as bugs.
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
}

void TestResources::icons_data()
{
    QTest::addColumn<QString>("path");

    const char* names[] = { "refresh", "add", "edit", "delete", "pause", "resume", "copy",
        "open-external", "search", "cluster", "queue", "token", "hosted", "warning", "error",
        "account", "sign-out", "settings" };
    for (const char* name : names)
        QTest::newRow(name) << QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name));
    QTest::newRow("app icon") << QStringLiteral(":/app-icon/kitedeck.svg");
}

void TestResources::icons()
{
    QFETCH(QString, path);

    QVERIFY2(QFile::exists(path), qPrintable(path));
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());

    const QIcon icon(path);
    QVERIFY(!icon.isNull());
    const QPixmap pixmap = icon.pixmap(64);
    QVERIFY(!pixmap.isNull());
    QCOMPARE(pixmap.size(), QSize(64, 64));

    // Something was drawn: a broken file would give a fully transparent pixmap.
    const QImage image = pixmap.toImage().convertToFormat(QImage::Format_ARGB32);
    int opaque = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            opaque += qAlpha(image.pixel(x, y)) > 128;
    }
    QVERIFY2(opaque > 64, qPrintable(QStringLiteral("%1 opaque pixels").arg(opaque)));
}

QTEST_MAIN(TestResources)
#include "tst_resources.moc"
