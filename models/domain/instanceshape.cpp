// SPDX-License-Identifier: MIT
#include "instanceshape.h"

#include <QCoreApplication>

namespace {
InstanceShape shape(const char* name, const char* type, const char* arch, int cpu, int mem,
    const char* size, bool removed = false)
{
    return InstanceShape { QLatin1String(name), QLatin1String(type), QLatin1String(arch), cpu, mem,
        QLatin1String(size), removed };
}
} // namespace

const QList<InstanceShape>& InstanceShape::catalogue()
{
    // From the reference page's tables and api-notes.md (32X128/64X256 are listed there too).
    static const QList<InstanceShape> all = {
        shape("LINUX_AMD64_2X4", "linux", "amd64", 2, 4, "Small"),
        shape("LINUX_AMD64_4X16", "linux", "amd64", 4, 16, "Medium"),
        shape("LINUX_AMD64_8X32", "linux", "amd64", 8, 32, "Large"),
        shape("LINUX_AMD64_16X64", "linux", "amd64", 16, 64, "Extra Large"),
        shape("LINUX_AMD64_32X128", "linux", "amd64", 32, 128, "2X Large"),
        shape("LINUX_AMD64_64X256", "linux", "amd64", 64, 256, "4X Large"),
        shape("LINUX_ARM64_2X4", "linux", "arm64", 2, 4, "Small"),
        shape("LINUX_ARM64_4X16", "linux", "arm64", 4, 16, "Medium"),
        shape("LINUX_ARM64_8X32", "linux", "arm64", 8, 32, "Large"),
        shape("LINUX_ARM64_16X64", "linux", "arm64", 16, 64, "Extra Large"),
        shape("LINUX_ARM64_32X128", "linux", "arm64", 32, 128, "2X Large"),
        shape("LINUX_ARM64_64X256", "linux", "arm64", 64, 256, "4X Large"),
        shape("MACOS_ARM64_M4_6X28", "macos", "arm64", 6, 28, "Medium"),
        shape("MACOS_ARM64_M4_12X56", "macos", "arm64", 12, 56, "Large"),
        shape("MACOS_M2_4X7", "macos", "arm64", 4, 7, "Small", true),
        shape("MACOS_M2_6X14", "macos", "arm64", 6, 14, "Medium", true),
        shape("MACOS_M2_12X28", "macos", "arm64", 12, 28, "Large", true),
        shape("MACOS_M4_12X56", "macos", "arm64", 12, 56, "Large", true),
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

QString InstanceShape::displayName() const
{
    const QString type
        = machineType == QLatin1String("macos") ? QStringLiteral("macOS") : QStringLiteral("Linux");
    QString text = QStringLiteral("%1 %2 · %3 · %4 vCPU · %5 GB")
                       .arg(type, architecture.toUpper(), size)
                       .arg(cpu)
                       .arg(memoryGb);
    if (removed)
        text += QCoreApplication::translate("InstanceShape", " (removed)");
    return text;
}
