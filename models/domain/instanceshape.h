// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

// A Buildkite hosted agent instance shape (machine type, architecture, vCPU, memory). The
// catalogue mirrors the reference tables; removed shapes are kept so an old queue that reports
// one still displays, but they are never offered for new or edited queues.
struct InstanceShape {
    QString name; // LINUX_AMD64_2X4
    QString machineType; // "linux" | "macos"
    QString architecture; // "amd64" | "arm64"
    int cpu = 0;
    int memoryGb = 0;
    QString size; // Small, Medium, Large, ...
    bool removed = false;

    bool isValid() const { return !name.isEmpty(); }
    // "Linux AMD64 · Small · 2 vCPU · 4 GB"
    QString displayName() const;
    // Same machine type and architecture: the only change an update may make is the size.
    bool isResizableTo(const InstanceShape& other) const;
    bool operator==(const InstanceShape&) const = default;

    static const QList<InstanceShape>& catalogue();
    // Shapes a new or edited queue may use (not removed).
    static QList<InstanceShape> available();
    static InstanceShape find(const QString& name);
};
