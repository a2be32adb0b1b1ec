// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

class QJsonObject;

// Buildkite hosted agent instance shapes, as listed in api-notes.md. Removed shapes stay in the
// catalogue so old queues can still report them; creating or resizing to one is a 422.
struct SandboxInstanceShape {
    QString name;
    QString machineType; // "linux" or "macos"
    QString architecture; // "amd64" or "arm64"
    int cpu = 0;
    int memory = 0; // GB
    bool removed = false;
    QString size; // Buildkite's name for it: "Small", "Medium", ... "3XL"
    int diskGb = 0; // 0: not published (the removed shapes)

    // The response's "instance_shape" object (the documented five fields only).
    QJsonObject toJson() const;

    static const QList<SandboxInstanceShape>& catalogue();
    static const SandboxInstanceShape* find(const QString& name);
};
