// SPDX-License-Identifier: MIT
#include "sandboxinstanceshape.h"

#include <QHash>
#include <QJsonObject>

namespace {
struct LinuxSize {
    int cpu;
    int memory;
    const char* size;
    int diskGb;
};

SandboxInstanceShape linuxShape(const char* arch, const LinuxSize& s)
{
    const QString a = QLatin1String(arch);
    return { QStringLiteral("LINUX_%1_%2X%3").arg(a.toUpper()).arg(s.cpu).arg(s.memory),
        QStringLiteral("linux"), a, s.cpu, s.memory, false, QLatin1String(s.size), s.diskGb };
}

SandboxInstanceShape macShape(
    const char* name, int cpu, int memory, bool removed, const char* size = "", int diskGb = 0)
{
    return { QLatin1String(name), QStringLiteral("macos"), QStringLiteral("arm64"), cpu, memory,
        removed, QLatin1String(size), diskGb };
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
        const LinuxSize sizes[] = {
            { 2, 4, "Small", 47 },
            { 4, 16, "Medium", 95 },
            { 8, 32, "Large", 158 },
            { 16, 64, "Extra Large", 284 },
            { 32, 128, "Extra Extra Large", 544 },
            { 64, 256, "3XL", 1056 },
        };
        for (const char* arch : { "amd64", "arm64" }) {
            for (const LinuxSize& size : sizes)
                all.append(linuxShape(arch, size));
        }
        all.append(macShape("MACOS_ARM64_M4_6X28", 6, 28, false, "Medium", 182));
        all.append(macShape("MACOS_ARM64_M4_12X56", 12, 56, false, "Large", 294));
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
    // Every queue in a list is looked up: a hash, not a walk through the catalogue.
    static const QHash<QString, qsizetype> index = [] {
        QHash<QString, qsizetype> out;
        for (qsizetype i = 0; i < catalogue().size(); ++i)
            out.insert(catalogue().at(i).name, i);
        return out;
    }();
    const auto found = index.constFind(name);
    return found == index.constEnd() ? nullptr : &catalogue().at(*found);
}
