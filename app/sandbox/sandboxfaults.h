// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QUrl>

#include <optional>

struct SandboxRequest;

// One injected fault: what goes wrong, for which requests, how many more times.
struct SandboxFault {
    enum class Kind {
        Fail, // status and canned body, the API never sees the request
        CutShort, // handled, then headers and half the body, then the connection closes
        Malform, // 200 with a fixed truncated JSON array, the API never sees the request
        Redirect, // 302 to target
        CloseSilently, // the whole request is read, then the connection closes unanswered
        Drip, // handled; the answer leaves one byte every intervalMs
        Oversized, // 200 with a JSON array start and megabytes of filler
        TruncateJson, // handled; the answer's JSON cut in half (Content-Length agrees)
        WrongTypes, // handled; the answer's JSON with every field of the wrong type
        RateLimited, // a 429 with the chosen numbers
    };

    Kind kind = Kind::Fail;
    QRegularExpression pattern;
    QByteArray verb; // empty: any
    int remaining = -1; // -1: always
    int status = 500;
    QByteArray body;
    QUrl target;
    bool handled = true; // CloseSilently: whether the API carried the request out first
    int intervalMs = 0;
    qint64 megabytes = 0;
    // RateLimited
    QString scope;
    int limit = 0;
    int current = 0;
    std::optional<qint64> reset;
    std::optional<QByteArray> resetHeader;
    std::optional<QByteArray> retryAfter;
};

// The faults in force, oldest first. Each request takes the first that matches its verb and
// path (an unanchored QRegularExpression on the decoded path), which counts down.
class SandboxFaults final {
public:
    // False (with a warning) when the pattern is invalid or times is 0.
    bool add(SandboxFault fault);
    std::optional<SandboxFault> take(const SandboxRequest& request);
    void clear() { m_faults.clear(); }
    bool isEmpty() const { return m_faults.isEmpty(); }

private:
    QList<SandboxFault> m_faults;
};
