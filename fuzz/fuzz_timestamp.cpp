// SPDX-License-Identifier: MIT
// Timestamps under libFuzzer: parseTimestamp and formatTimestamp, which every reader uses for its
// *_at fields. Buildkite writes an instant two ways, "2026-05-21T12:00:00.000Z" and
// "2025-07-16 06:07:42 UTC"; both are UTC whatever the machine's zone, so both must read as that
// instant in any local time zone, including across a daylight-saving gap (a failed timestamp
// fails the whole object, and with it the list it came in).
//
// The first byte picks a local zone, DST gaps included. With 0 the rest is free text (no crash,
// and a valid result writes and reads back the same); otherwise the next bytes are a date and a
// time, written both ways, each of which must read back as exactly that instant.
#include "domain/json.h"

#include <QTimeZone>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace {

void check(bool condition, const char* what, const QString& text)
{
    if (!condition) {
        fprintf(stderr, "fuzz check failed: %s: \"%s\" (TZ=%s)\n", what, qPrintable(text),
            qgetenv("TZ").constData());
        abort();
    }
}

// Zones with gaps at 02:00 (Berlin), at midnight (Sao Paulo until 2019, Santiago), of 30
// minutes (Lord Howe), of a whole day (Apia, 2011), and none (UTC).
const char* const zones[] = { "UTC", "Europe/Berlin", "America/Sao_Paulo", "America/Santiago",
    "Australia/Lord_Howe", "Pacific/Apia", "America/St_Johns", "Asia/Tehran" };

void useZone(uint8_t pick)
{
    static int current = -1;
    const int zone = pick % int(sizeof zones / sizeof *zones);
    if (zone == current)
        return;
    current = zone;
    qputenv("TZ", zones[zone]);
    tzset();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    useZone(data[0] >> 4);
    if ((data[0] & 0x0f) == 0) {
        const QString text
            = QString::fromUtf8(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));
        const QDateTime when = parseTimestamp(text);
        if (when.isValid() && when.date().year() >= 1 && when.date().year() <= 9999) {
            check(when.timeSpec() == Qt::UTC || when.timeZone() == QTimeZone::utc(),
                "a timestamp not in UTC", text);
            check(parseTimestamp(formatTimestamp(when)) == when, "does not write and read back",
                text);
        }
        return 0;
    }
    if (size < 9)
        return 0;
    // 1970 to 2225: the years an API timestamp has.
    const int year = 1970 + data[1];
    const int month = 1 + data[2] % 12;
    const int day = 1 + data[3] % 31;
    const int hour = data[4] % 24;
    const int minute = data[5] % 60;
    const int second = data[6] % 60;
    const int ms = (data[7] << 8 | data[8]) % 1000;
    const QDate date(year, month, day);
    if (!date.isValid())
        return 0;
    const QDateTime instant
        = QDateTime(date, QTime(hour, minute, second, ms), QTimeZone::utc()).toUTC();
    const QString iso = instant.toString(Qt::ISODateWithMs);
    check(iso.endsWith(QLatin1Char('Z')), "the ISO form without its Z", iso);
    check(parseTimestamp(iso) == instant, "the ISO form reads as another instant", iso);
    const QDateTime whole(date, QTime(hour, minute, second), QTimeZone::utc());
    const QString words
        = whole.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
    check(parseTimestamp(words) == whole, "the \" UTC\" form reads as another instant", words);
    check(parseTimestamp(formatTimestamp(instant)) == instant, "does not write and read back", iso);
    return 0;
}
