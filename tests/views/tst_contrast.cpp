// SPDX-License-Identifier: MIT
// WCAG 2 contrast of what the app paints, computed from the palettes it ships (light and dark):
// the chips and banners (Tones::filled), the coloured words on the window and in tables
// (Tones::text), and the palette's own text pairs. AA asks 4.5:1 for normal text.
#include "palette.h"
#include "panes/tone.h"

#include <QApplication>
#include <QTest>

#include <cmath>

namespace {
// Relative luminance of an sRGB colour (WCAG 2.x definition).
double luminance(const QColor& colour)
{
    const auto channel
        = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF());
}

// A translucent colour (Qt's default placeholder text is half-transparent) as it shows on `under`.
QColor over(const QColor& colour, const QColor& under)
{
    const double a = colour.alphaF();
    return QColor::fromRgbF(float(colour.redF() * a + under.redF() * (1 - a)),
        float(colour.greenF() * a + under.greenF() * (1 - a)),
        float(colour.blueF() * a + under.blueF() * (1 - a)));
}

double contrast(const QColor& foreground, const QColor& background)
{
    const double la = luminance(over(foreground, background)), lb = luminance(background);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

constexpr double aa = 4.5;

const char* toneName(Tone tone)
{
    switch (tone) {
    case Tone::Neutral:
        return "neutral";
    case Tone::Info:
        return "info";
    case Tone::Success:
        return "success";
    case Tone::Warning:
        return "warning";
    case Tone::Danger:
        return "danger";
    }
    return "?";
}

const Tone allTones[] = { Tone::Neutral, Tone::Info, Tone::Success, Tone::Warning, Tone::Danger };
} // namespace

class TestContrast final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formula()
    {
        // The formula's own fixed points: black on white is 21:1, a colour on itself 1:1, and
        // WCAG's published example (#777 on white is just under 4.5).
        QCOMPARE(qRound(contrast(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(contrast(QColor(0x12, 0x34, 0x56), QColor(0x12, 0x34, 0x56)), 1.0);
        // Half-transparent black on white shows as mid grey, not as black.
        QVERIFY(contrast(QColor(0, 0, 0, 128), Qt::white) < 5.0);
        const double grey = contrast(QColor(0x77, 0x77, 0x77), Qt::white);
        QVERIFY(grey > 4.4 && grey < 4.5);
    }

    void chipsBannersAndWords_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark");
    }

    void chipsBannersAndWords()
    {
        QFETCH(QString, scheme);
        const QPalette pal = scheme == QLatin1String("dark") ? Palette::dark() : Palette::light();
        QStringList failures;
        const auto check = [&](const QString& what, const QColor& fg, const QColor& bg) {
            const double ratio = contrast(fg, bg);
            qInfo("%s %-40s %5.2f:1", qPrintable(scheme), qPrintable(what), ratio);
            if (ratio < aa)
                failures << QStringLiteral("%1 %2:1").arg(what).arg(ratio, 0, 'f', 2);
        };
        for (Tone tone : allTones) {
            const ToneColors chip = Tones::filled(tone, pal);
            check(QStringLiteral("%1 chip/banner").arg(QLatin1String(toneName(tone))),
                chip.foreground, chip.background);
            const QColor word = Tones::text(tone, pal);
            for (const auto& [role, roleName] :
                { std::pair { QPalette::Window, "window" }, std::pair { QPalette::Base, "base" },
                    std::pair { QPalette::AlternateBase, "alternate rows" } }) {
                check(QStringLiteral("%1 words on %2")
                          .arg(QLatin1String(toneName(tone)), QLatin1String(roleName)),
                    word, pal.color(role));
            }
        }
        const std::tuple<QPalette::ColorRole, QPalette::ColorRole, const char*> pairs[] = {
            { QPalette::WindowText, QPalette::Window, "window text" },
            { QPalette::Text, QPalette::Base, "text on base" },
            { QPalette::Text, QPalette::AlternateBase, "text on alternate rows" },
            { QPalette::ButtonText, QPalette::Button, "button text" },
            { QPalette::HighlightedText, QPalette::Highlight, "selected text" },
            { QPalette::ToolTipText, QPalette::ToolTipBase, "tooltip" },
            { QPalette::Link, QPalette::Base, "link" },
            { QPalette::PlaceholderText, QPalette::Window, "secondary text on window" },
            { QPalette::PlaceholderText, QPalette::Base, "secondary text on base" },
        };
        for (const auto& [fg, bg, what] : pairs)
            check(QLatin1String(what), pal.color(QPalette::Active, fg),
                pal.color(QPalette::Active, bg));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1String("; "))));
    }
};

QTEST_MAIN(TestContrast)
#include "tst_contrast.moc"
