// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

// How the views write dates and durations, in one place.
namespace Format {
// "23 Nov 2026, 14:05" in local time; "—" for an invalid date.
QString dateTime(const QDateTime& when);
// "3 hours ago", "in 5 days", "just now".
QString relative(const QDateTime& when, const QDateTime& now = QDateTime::currentDateTimeUtc());
// "23 Nov 2026, 14:05 (3 hours ago)".
QString dateTimeWithRelative(
    const QDateTime& when, const QDateTime& now = QDateTime::currentDateTimeUtc());
} // namespace Format
