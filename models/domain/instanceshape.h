// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// A Buildkite hosted agent instance shape (machine type, architecture, vCPU, memory, disk). The
// catalogue mirrors the reference tables and the sizes as Buildkite names them (api-notes.md);
// removed shapes are kept so an old queue that reports one still displays, but they are never
// offered for new or edited queues.
struct InstanceShape {
    QString name; // LINUX_AMD64_2X4
    QString machineType; // "linux" | "macos"
    QString architecture; // "amd64" | "arm64"
    int cpu = 0;
    int memoryGb = 0;
    QString size; // Buildkite's size name: Small, Medium, Large, Extra Large, ...
    bool removed = false;
    int diskGb = 0; // 0: not known (removed shapes, or one the catalogue does not list)

    bool isValid() const { return !name.isEmpty(); }
    bool isLinux() const { return machineType == QLatin1String("linux"); }

    enum class Disk {
        Omit,
        Include, // where the disk helps: choosing a size, the queue's own page
    };
    // The one way the app names a shape, wherever it shows one:
    // "Linux AMD64 · Small · 2 vCPU · 4 GB RAM", with Disk::Include "… · 47 GB disk" when the
    // disk is known; " (removed)" after a shape Buildkite no longer offers. What the response
    // leaves unknown is left out rather than shown as 0.
    QString displayName(Disk disk = Disk::Omit) const;
    // "Linux AMD64", "macOS ARM64".
    QString platformName() const;
    // Same machine type and architecture: the only change an update may make is the size.
    bool isResizableTo(const InstanceShape& other) const;
    bool operator==(const InstanceShape&) const = default;

    static const QList<InstanceShape>& catalogue();
    // Shapes a new or edited queue may use (not removed).
    static QList<InstanceShape> available();
    static InstanceShape find(const QString& name);
};
