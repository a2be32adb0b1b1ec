// SPDX-License-Identifier: MIT
#include "format.h"

#include <QCoreApplication>
#include <QLocale>

namespace Format {

QString dateTime(const QDateTime& when)
{
    if (!when.isValid())
        return QStringLiteral("—");
    return QLocale().toString(when.toLocalTime(), QStringLiteral("d MMM yyyy, HH:mm"));
}

QString relative(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return {};
    const qint64 seconds = now.secsTo(when);
    const qint64 magnitude = qAbs(seconds);
    if (magnitude < 60)
        return QCoreApplication::translate("Format", "just now");
    // Whole units, largest first. (The counts are plain ints before they reach translate():
    // lupdate 6.4 hangs on a cast inside the call.)
    const int minutes = int(magnitude / 60);
    const int hours = int(magnitude / 3600);
    const int days = int(magnitude / 86400);
    const int months = int(magnitude / (86400 * 30));
    const int years = int(magnitude / (86400 * 365));
    QString amount;
    if (magnitude < 3600)
        amount = QCoreApplication::translate("Format", "%n minute(s)", nullptr, minutes);
    else if (magnitude < 86400)
        amount = QCoreApplication::translate("Format", "%n hour(s)", nullptr, hours);
    else if (magnitude < 86400 * 60)
        amount = QCoreApplication::translate("Format", "%n day(s)", nullptr, days);
    else if (magnitude < 86400 * 730)
        amount = QCoreApplication::translate("Format", "%n month(s)", nullptr, months);
    else
        amount = QCoreApplication::translate("Format", "%n year(s)", nullptr, years);
    return seconds > 0 ? QCoreApplication::translate("Format", "in %1").arg(amount)
                       : QCoreApplication::translate("Format", "%1 ago").arg(amount);
}

QString dateTimeWithRelative(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return dateTime(when);
    return QStringLiteral("%1 (%2)").arg(dateTime(when), relative(when, now));
}

} // namespace Format
