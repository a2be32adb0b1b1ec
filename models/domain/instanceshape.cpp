// SPDX-License-Identifier: MIT
#include "instanceshape.h"

#include <QCoreApplication>

namespace {
InstanceShape shape(const char* name, const char* type, const char* arch, int cpu, int mem,
    const char* size, int diskGb, bool removed = false)
{
    return InstanceShape { QLatin1String(name), QLatin1String(type), QLatin1String(arch), cpu, mem,
        QLatin1String(size), removed, diskGb };
}

} // namespace

const QList<InstanceShape>& InstanceShape::catalogue()
{
    // The reference tables, with the size names and disks Buildkite gives them (api-notes.md,
    // "Details checked against the official clients and the newest docs"). The removed macOS
    // shapes' disks were never published: left unknown rather than guessed.
    static const QList<InstanceShape> all = {
        shape("LINUX_AMD64_2X4", "linux", "amd64", 2, 4, "Small", 47),
        shape("LINUX_AMD64_4X16", "linux", "amd64", 4, 16, "Medium", 95),
        shape("LINUX_AMD64_8X32", "linux", "amd64", 8, 32, "Large", 158),
        shape("LINUX_AMD64_16X64", "linux", "amd64", 16, 64, "Extra Large", 284),
        shape("LINUX_AMD64_32X128", "linux", "amd64", 32, 128, "Extra Extra Large", 544),
        shape("LINUX_AMD64_64X256", "linux", "amd64", 64, 256, "3XL", 1056),
        shape("LINUX_ARM64_2X4", "linux", "arm64", 2, 4, "Small", 47),
        shape("LINUX_ARM64_4X16", "linux", "arm64", 4, 16, "Medium", 95),
        shape("LINUX_ARM64_8X32", "linux", "arm64", 8, 32, "Large", 158),
        shape("LINUX_ARM64_16X64", "linux", "arm64", 16, 64, "Extra Large", 284),
        shape("LINUX_ARM64_32X128", "linux", "arm64", 32, 128, "Extra Extra Large", 544),
        shape("LINUX_ARM64_64X256", "linux", "arm64", 64, 256, "3XL", 1056),
        shape("MACOS_ARM64_M4_6X28", "macos", "arm64", 6, 28, "Medium", 182),
        shape("MACOS_ARM64_M4_12X56", "macos", "arm64", 12, 56, "Large", 294),
        shape("MACOS_M2_4X7", "macos", "arm64", 4, 7, "Small", 0, true),
        shape("MACOS_M2_6X14", "macos", "arm64", 6, 14, "Medium", 0, true),
        shape("MACOS_M2_12X28", "macos", "arm64", 12, 28, "Large", 0, true),
        shape("MACOS_M4_12X56", "macos", "arm64", 12, 56, "Large", 0, true),
    };
    return all;
}

QList<InstanceShape> InstanceShape::available()
{
    QList<InstanceShape> out;
    for (const InstanceShape& s : catalogue()) {
        if (!s.removed)
            out.append(s);
    }
    return out;
}

InstanceShape InstanceShape::find(const QString& name)
{
    for (const InstanceShape& s : catalogue()) {
        if (s.name == name)
            return s;
    }
    return {};
}

bool InstanceShape::isResizableTo(const InstanceShape& other) const
{
    return machineType == other.machineType && architecture == other.architecture;
}

QString InstanceShape::platformName() const
{
    QString type = machineType == QLatin1String("macos") ? QStringLiteral("macOS")
        : machineType == QLatin1String("linux")          ? QStringLiteral("Linux")
                                                         : machineType;
    if (!architecture.isEmpty())
        type += (type.isEmpty() ? QString() : QStringLiteral(" ")) + architecture.toUpper();
    return type;
}

QString InstanceShape::displayName(Disk disk) const
{
    QStringList parts;
    const QString platform = platformName();
    if (!platform.isEmpty())
        parts.append(platform);
    if (!size.isEmpty())
        parts.append(size);
    if (cpu > 0)
        parts.append(QCoreApplication::translate("InstanceShape", "%1 vCPU").arg(cpu));
    if (memoryGb > 0)
        parts.append(QCoreApplication::translate("InstanceShape", "%1 GB RAM").arg(memoryGb));
    if (disk == Disk::Include && diskGb > 0)
        parts.append(QCoreApplication::translate("InstanceShape", "%1 GB disk").arg(diskGb));
    // Little known beyond the name (a shape newer than this catalogue): the name says the most.
    if (parts.size() <= 1 && !name.isEmpty())
        parts.append(name);
    QString text = parts.join(QStringLiteral(" · "));
    if (removed)
        text += QCoreApplication::translate("InstanceShape", " (removed)");
    return text;
}
