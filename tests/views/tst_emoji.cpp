// SPDX-License-Identifier: MIT
#include "emoji.h"

#include <QImage>
#include <QPainter>
#include <QPixmapCache>
#include <QTest>

class TestEmoji final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lookup_data();
    void lookup();
    void render_data();
    void render();
    void renderSharesUnchangedText();
    void renderThousandRows();
    void draw_data();
    void draw();
    void drawKeepsEachColourAndSizeApart();
};

void TestEmoji::lookup_data()
{
    QTest::addColumn<QString>("shortcode");
    QTest::addColumn<QString>("expected");

    // Expected values spelled as code points, independent of the generated table.
    QTest::newRow("zwj sequence") << QStringLiteral("technologist")
                                  << QStringLiteral("\U0001F9D1\u200D\U0001F4BB");
    QTest::newRow("rocket") << QStringLiteral("rocket") << QStringLiteral("\U0001F680");
    QTest::newRow("first in table") << QStringLiteral("+1") << QStringLiteral("\U0001F44D");
    QTest::newRow("alias") << QStringLiteral("thumbsup") << QStringLiteral("\U0001F44D");
    QTest::newRow("last in table") << QStringLiteral("zzz") << QStringLiteral("\U0001F4A4");
    QTest::newRow("keycap") << QStringLiteral("hash") << QStringLiteral("#\uFE0F\u20E3");
    QTest::newRow("flag") << QStringLiteral("flag-gb") << QStringLiteral("\U0001F1EC\U0001F1E7");
    QTest::newRow("buildkite logo") << QStringLiteral("buildkite") << QString();
    QTest::newRow("docker logo") << QStringLiteral("docker") << QString();
    QTest::newRow("with colons") << QStringLiteral(":rocket:") << QString();
    QTest::newRow("upper case") << QStringLiteral("Rocket") << QString();
    QTest::newRow("prefix of a code") << QStringLiteral("rocke") << QString();
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("embedded nul") << QStringLiteral("zzz") + QChar(0) << QString();
}

void TestEmoji::lookup()
{
    QFETCH(QString, shortcode);
    QFETCH(QString, expected);

    const QString actual = Emoji::lookup(shortcode);
    QCOMPARE(actual, expected);
    QCOMPARE(actual.isNull(), expected.isNull());
}

void TestEmoji::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    const QString technologist = QStringLiteral("\U0001F9D1\u200D\U0001F4BB");
    const QString rocket = QStringLiteral("\U0001F680");
    const QString thumbsUp = QStringLiteral("\U0001F44D");

    QTest::newRow("known") << QStringLiteral(":technologist:") << technologist;
    QTest::newRow("plus in name") << QStringLiteral(":+1:") << thumbsUp;
    QTest::newRow("text around") << QStringLiteral("Deploys :rocket: fast")
                                 << QStringLiteral("Deploys ") + rocket + QStringLiteral(" fast");
    QTest::newRow("several") << QStringLiteral(":rocket: and :+1:")
                             << rocket + QStringLiteral(" and ") + thumbsUp;
    QTest::newRow("adjacent") << QStringLiteral(":rocket::technologist:") << rocket + technologist;
    QTest::newRow("unknown") << QStringLiteral(":buildkite:") << QStringLiteral(":buildkite:");
    QTest::newRow("unknown pair") << QStringLiteral(":buildkite::docker:")
                                  << QStringLiteral(":buildkite::docker:");
    QTest::newRow("unknown then known")
        << QStringLiteral(":docker::rocket:") << QStringLiteral(":docker:") + rocket;
    QTest::newRow("unknown then known, spaced")
        << QStringLiteral(":buildkite: :rocket:") << QStringLiteral(":buildkite: ") + rocket;
    // An unknown code's closing colon does not open another one.
    QTest::newRow("shared colon") << QStringLiteral(":buildkite:rocket:")
                                  << QStringLiteral(":buildkite:rocket:");
    QTest::newRow("escaped") << QStringLiteral("\\:technologist\\:") << technologist;
    QTest::newRow("escaped in text") << QStringLiteral("Team \\:rocket\\: ships")
                                     << QStringLiteral("Team ") + rocket + QStringLiteral(" ships");
    QTest::newRow("escaped unknown")
        << QStringLiteral("\\:buildkite\\:") << QStringLiteral("\\:buildkite\\:");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("no colons") << QStringLiteral("Linux agents") << QStringLiteral("Linux agents");
    QTest::newRow("lone colon") << QStringLiteral(":") << QStringLiteral(":");
    QTest::newRow("double colon") << QStringLiteral("::") << QStringLiteral("::");
    QTest::newRow("triple colon") << QStringLiteral(":::") << QStringLiteral(":::");
    QTest::newRow("time") << QStringLiteral("10:30 build") << QStringLiteral("10:30 build");
    QTest::newRow("spaced colons") << QStringLiteral("a : b : c") << QStringLiteral("a : b : c");
    QTest::newRow("colon then code") << QStringLiteral("::rocket:") << QStringLiteral(":") + rocket;
    QTest::newRow("time then code")
        << QStringLiteral("at 10: :rocket:") << QStringLiteral("at 10: ") + rocket;
    QTest::newRow("unclosed") << QStringLiteral(":rocket") << QStringLiteral(":rocket");
    QTest::newRow("space inside") << QStringLiteral(":rocket ship:")
                                  << QStringLiteral(":rocket ship:");
    QTest::newRow("upper case") << QStringLiteral(":Rocket:") << QStringLiteral(":Rocket:");
    QTest::newRow("lone backslash")
        << QStringLiteral("\\:rocket\\") << QStringLiteral("\\:rocket\\");
}

void TestEmoji::render()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QCOMPARE(Emoji::render(text), expected);
}

// A delegate calls render for every painted row; text without a known code must come back as the
// same shared string, costing no allocation.
void TestEmoji::renderSharesUnchangedText()
{
    const QString plain = QStringLiteral("Linux agents in eu-west-1");
    QCOMPARE(Emoji::render(plain).constData(), plain.constData());
    const QString logos = QStringLiteral(":buildkite: :docker: 10:30");
    QCOMPARE(Emoji::render(logos).constData(), logos.constData());
}

// What a delegate paints for a large organisation, each row checked. How fast it is, is measured
// by bench/bench_emoji (benchmarks are not tests).
void TestEmoji::renderThousandRows()
{
    const QString technologist = QStringLiteral("\U0001F9D1\u200D\U0001F4BB");
    const QString rocket = QStringLiteral("\U0001F680");
    qsizetype total = 0;
    for (int i = 0; i < 1000; ++i) {
        const QString row = QStringLiteral(":technologist: Cluster %1 :buildkite: :rocket:").arg(i);
        const QString rendered = Emoji::render(row);
        QCOMPARE(rendered,
            QStringLiteral("%1 Cluster %2 :buildkite: %3").arg(technologist).arg(i).arg(rocket));
        total += rendered.size();
    }
    QVERIFY(total > 0);
}

namespace {
QImage blank(qreal dpr)
{
    QImage image(QSize(48, 32) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    return image;
}

QImage drawnText(
    const QString& text, const QRect& slot, const QFont& base, const QColor& color, qreal dpr)
{
    QImage image = blank(dpr);
    QPainter p(&image);
    p.setFont(Emoji::font(base));
    p.setPen(color);
    p.drawText(slot, Qt::AlignCenter | Qt::TextSingleLine, text);
    p.end();
    return image;
}

QImage drawnEmoji(
    const QString& text, const QRect& slot, const QFont& base, const QColor& color, qreal dpr)
{
    QImage image = blank(dpr);
    QPainter p(&image);
    Emoji::draw(&p, slot, text, base, color);
    p.end();
    return image;
}
} // namespace

void TestEmoji::draw_data()
{
    QTest::addColumn<QString>("emoji");
    QTest::addColumn<qreal>("dpr");
    QTest::addColumn<QColor>("color");
    QTest::newRow("rocket") << QStringLiteral("\U0001F680") << 1.0 << QColor(Qt::black);
    QTest::newRow("rocket, high dpi") << QStringLiteral("\U0001F680") << 2.0 << QColor(Qt::black);
    // A text font has the cloud too: the colour emoji font is asked first.
    QTest::newRow("cloud, light text")
        << QStringLiteral("\u2601\uFE0F") << 1.0 << QColor(Qt::white);
    QTest::newRow("zwj sequence") << QStringLiteral("\U0001F9D1\u200D\U0001F4BB") << 1.0
                                  << QColor(Qt::black);
}

// The navigation tree draws a cluster's emoji from what it drew before (laying out a colour
// emoji decodes its glyph every time): it must look exactly as drawing the text would, at any
// pixel ratio, the first time and the next.
void TestEmoji::draw()
{
    QFETCH(QString, emoji);
    QFETCH(qreal, dpr);
    QFETCH(QColor, color);
    QPixmapCache::clear();
    const QRect slot(6, 4, 22, 20);
    QFont base;
    base.setPointSize(10);

    const QImage direct = drawnText(emoji, slot, base, color, dpr);
    QVERIFY2(direct != blank(dpr), "nothing drawn: no font for the emoji");
    const QImage first = drawnEmoji(emoji, slot, base, color, dpr);
    QCOMPARE(first, direct);
    QCOMPARE(drawnEmoji(emoji, slot, base, color, dpr), direct);

    // Nothing outside the slot is touched.
    QImage outside = first;
    {
        QPainter p(&outside);
        p.setCompositionMode(QPainter::CompositionMode_Clear);
        p.fillRect(slot, Qt::transparent);
    }
    QCOMPARE(outside, blank(dpr));
}

// What is kept is told apart by everything that changes the drawing: a text drawn in another
// colour or slot is not the one drawn before.
void TestEmoji::drawKeepsEachColourAndSizeApart()
{
    QPixmapCache::clear();
    QFont base;
    base.setPointSize(10);
    const QString letter = QStringLiteral("A"); // monochrome: drawn in the pen's colour
    const QRect slot(6, 4, 22, 20);
    const QImage black = drawnEmoji(letter, slot, base, Qt::black, 1.0);
    QCOMPARE(black, drawnText(letter, slot, base, Qt::black, 1.0));
    const QImage white = drawnEmoji(letter, slot, base, Qt::white, 1.0);
    QCOMPARE(white, drawnText(letter, slot, base, Qt::white, 1.0));
    QVERIFY(white != black);
    const QRect wider = slot.adjusted(0, 0, 10, 0);
    QCOMPARE(drawnEmoji(letter, wider, base, Qt::black, 1.0),
        drawnText(letter, wider, base, Qt::black, 1.0));
    QFont larger = base;
    larger.setPointSize(16);
    QCOMPARE(drawnEmoji(letter, slot, larger, Qt::black, 1.0),
        drawnText(letter, slot, larger, Qt::black, 1.0));
}

QTEST_MAIN(TestEmoji)
#include "tst_emoji.moc"
