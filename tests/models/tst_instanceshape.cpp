// SPDX-License-Identifier: MIT
#include "domain/instanceshape.h"

#include <QTest>

// InstanceShape: the catalogue as Buildkite names its sizes, and the one display format.
class TestInstanceShape final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void buildkiteSizeNamesAndDisks_data();
    void buildkiteSizeNamesAndDisks();
    void oneDisplayFormat();
    void unknownAndRemovedShapes();
};

void TestInstanceShape::buildkiteSizeNamesAndDisks_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("size");
    QTest::addColumn<int>("cpu");
    QTest::addColumn<int>("memory");
    QTest::addColumn<int>("disk");
    // api-notes.md: 2X4 Small, 4X16 Medium, 8X32 Large, 16X64 Extra Large, 32X128 Extra Extra
    // Large, 64X256 3XL; Linux disks 47/95/158/284/544/1056 GB; macOS M4 6X28 182, 12X56 294.
    const struct {
        const char* suffix;
        const char* size;
        int cpu, memory, disk;
    } linuxShapes[] = {
        { "2X4", "Small", 2, 4, 47 },
        { "4X16", "Medium", 4, 16, 95 },
        { "8X32", "Large", 8, 32, 158 },
        { "16X64", "Extra Large", 16, 64, 284 },
        { "32X128", "Extra Extra Large", 32, 128, 544 },
        { "64X256", "3XL", 64, 256, 1056 },
    };
    for (const char* arch : { "AMD64", "ARM64" }) {
        for (const auto& l : linuxShapes) {
            const QString name
                = QStringLiteral("LINUX_%1_%2").arg(QLatin1String(arch), QLatin1String(l.suffix));
            QTest::newRow(qPrintable(name))
                << name << QString::fromLatin1(l.size) << l.cpu << l.memory << l.disk;
        }
    }
    QTest::newRow("MACOS_ARM64_M4_6X28")
        << QStringLiteral("MACOS_ARM64_M4_6X28") << QStringLiteral("Medium") << 6 << 28 << 182;
    QTest::newRow("MACOS_ARM64_M4_12X56")
        << QStringLiteral("MACOS_ARM64_M4_12X56") << QStringLiteral("Large") << 12 << 56 << 294;
}

void TestInstanceShape::buildkiteSizeNamesAndDisks()
{
    QFETCH(QString, name);
    QFETCH(QString, size);
    QFETCH(int, cpu);
    QFETCH(int, memory);
    QFETCH(int, disk);
    const InstanceShape s = InstanceShape::find(name);
    QVERIFY(s.isValid());
    QVERIFY(!s.removed);
    QCOMPARE(s.size, size);
    QCOMPARE(s.cpu, cpu);
    QCOMPARE(s.memoryGb, memory);
    QCOMPARE(s.diskGb, disk);
    QVERIFY(InstanceShape::available().contains(s));
}

void TestInstanceShape::oneDisplayFormat()
{
    const InstanceShape small = InstanceShape::find(QStringLiteral("LINUX_AMD64_2X4"));
    QCOMPARE(small.displayName(), QStringLiteral("Linux AMD64 · Small · 2 vCPU · 4 GB RAM"));
    QCOMPARE(small.displayName(InstanceShape::Disk::Include),
        QStringLiteral("Linux AMD64 · Small · 2 vCPU · 4 GB RAM · 47 GB disk"));
    QCOMPARE(InstanceShape::find(QStringLiteral("LINUX_ARM64_64X256")).displayName(),
        QStringLiteral("Linux ARM64 · 3XL · 64 vCPU · 256 GB RAM"));
    QCOMPARE(InstanceShape::find(QStringLiteral("LINUX_ARM64_32X128")).displayName(),
        QStringLiteral("Linux ARM64 · Extra Extra Large · 32 vCPU · 128 GB RAM"));
    QCOMPARE(InstanceShape::find(QStringLiteral("MACOS_ARM64_M4_6X28"))
                 .displayName(InstanceShape::Disk::Include),
        QStringLiteral("macOS ARM64 · Medium · 6 vCPU · 28 GB RAM · 182 GB disk"));
    QCOMPARE(small.platformName(), QStringLiteral("Linux AMD64"));
    QVERIFY(small.isLinux());
    QVERIFY(!InstanceShape::find(QStringLiteral("MACOS_ARM64_M4_6X28")).isLinux());
}

void TestInstanceShape::unknownAndRemovedShapes()
{
    // Removed: still shown (an old queue may report one), marked, never offered, disk unknown.
    const InstanceShape m2 = InstanceShape::find(QStringLiteral("MACOS_M2_4X7"));
    QVERIFY(m2.removed);
    QCOMPARE(m2.displayName(InstanceShape::Disk::Include),
        QStringLiteral("macOS ARM64 · Small · 4 vCPU · 7 GB RAM (removed)"));
    QVERIFY(!InstanceShape::available().contains(m2));

    // A shape newer than the catalogue, as a response reports it: what is known, and the name
    // when little is.
    InstanceShape future;
    future.name = QStringLiteral("LINUX_RISCV64_2X4");
    QCOMPARE(future.displayName(), QStringLiteral("LINUX_RISCV64_2X4"));
    future.machineType = QStringLiteral("linux");
    QCOMPARE(future.displayName(), QStringLiteral("Linux · LINUX_RISCV64_2X4"));
    future.architecture = QStringLiteral("riscv64");
    future.cpu = 2;
    future.memoryGb = 4;
    QCOMPARE(future.displayName(InstanceShape::Disk::Include),
        QStringLiteral("Linux RISCV64 · 2 vCPU · 4 GB RAM"));
}

QTEST_GUILESS_MAIN(TestInstanceShape)
#include "tst_instanceshape.moc"
