// SPDX-License-Identifier: MIT
// Emoji::render over a thousand navigation rows, as the delegate calls it while painting.
// A Qt Test benchmark, run by hand: build/bin/bench_emoji (add -callgrind or -tickcounter for
// other measurers, -iterations N for a fixed count). Its correctness is tested by tst_emoji.
#include "emoji.h"

#include <QStringList>
#include <QTest>

class BenchEmoji final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void renderThousandRows();
};

void BenchEmoji::renderThousandRows()
{
    QStringList rows;
    for (int i = 0; i < 1000; ++i)
        rows.append(QStringLiteral(":technologist: Cluster %1 :buildkite: :rocket:").arg(i));

    qsizetype total = 0;
    QBENCHMARK
    {
        for (const QString& row : std::as_const(rows))
            total += Emoji::render(row).size();
    }
    QVERIFY(total > 0);
}

QTEST_GUILESS_MAIN(BenchEmoji)
#include "bench_emoji.moc"
