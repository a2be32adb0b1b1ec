// SPDX-License-Identifier: MIT
#include "sandboxinstanceshape.h"

#include <QJsonObject>

namespace {
SandboxInstanceShape linuxShape(const char* arch, int cpu, int memory)
{
    const QString a = QLatin1String(arch);
    return { QStringLiteral("LINUX_%1_%2X%3").arg(a.toUpper()).arg(cpu).arg(memory),
        QStringLiteral("linux"), a, cpu, memory, false };
}

SandboxInstanceShape macShape(const char* name, int cpu, int memory, bool removed)
{
    return { QLatin1String(name), QStringLiteral("macos"), QStringLiteral("arm64"), cpu, memory,
        removed };
}
} // namespace

QJsonObject SandboxInstanceShape::toJson() const
{
    return {
        { QStringLiteral("machine_type"), machineType },
        { QStringLiteral("architecture"), architecture },
        { QStringLiteral("cpu"), cpu },
        { QStringLiteral("memory"), memory },
        { QStringLiteral("name"), name },
    };
}

const QList<SandboxInstanceShape>& SandboxInstanceShape::catalogue()
{
    static const QList<SandboxInstanceShape> shapes = [] {
        QList<SandboxInstanceShape> all;
        const std::pair<int, int> sizes[]
            = { { 2, 4 }, { 4, 16 }, { 8, 32 }, { 16, 64 }, { 32, 128 }, { 64, 256 } };
        for (const char* arch : { "amd64", "arm64" }) {
            for (const auto& [cpu, memory] : sizes)
                all.append(linuxShape(arch, cpu, memory));
        }
        all.append(macShape("MACOS_ARM64_M4_6X28", 6, 28, false));
        all.append(macShape("MACOS_ARM64_M4_12X56", 12, 56, false));
        // Removed on 2025-07-01.
        all.append(macShape("MACOS_M2_4X7", 4, 7, true));
        all.append(macShape("MACOS_M2_6X14", 6, 14, true));
        all.append(macShape("MACOS_M2_12X28", 12, 28, true));
        all.append(macShape("MACOS_M4_12X56", 12, 56, true));
        return all;
    }();
    return shapes;
}

const SandboxInstanceShape* SandboxInstanceShape::find(const QString& name)
{
    for (const SandboxInstanceShape& shape : catalogue()) {
        if (shape.name == name)
            return &shape;
    }
    return nullptr;
}
