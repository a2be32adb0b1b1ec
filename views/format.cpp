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
    auto tr = [](const char* text) { return QCoreApplication::translate("Format", text); };
    auto count = [](qint64 n, const char* one, const char* many) {
        return n == 1 ? QCoreApplication::translate("Format", one)
                      : QCoreApplication::translate("Format", many).arg(n);
    };
    if (!when.isValid())
        return {};
    const qint64 seconds = now.secsTo(when);
    const qint64 magnitude = qAbs(seconds);
    if (magnitude < 60)
        return tr("just now");
    QString amount;
    if (magnitude < 3600)
        amount = count(magnitude / 60, "1 minute", "%1 minutes");
    else if (magnitude < 86400)
        amount = count(magnitude / 3600, "1 hour", "%1 hours");
    else if (magnitude < 86400 * 60)
        amount = count(magnitude / 86400, "1 day", "%1 days");
    else if (magnitude < 86400 * 730)
        amount = count(magnitude / (86400 * 30), "1 month", "%1 months");
    else
        amount = count(magnitude / (86400 * 365), "1 year", "%1 years");
    return seconds > 0 ? tr("in %1").arg(amount) : tr("%1 ago").arg(amount);
}

QString dateTimeWithRelative(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return dateTime(when);
    return QStringLiteral("%1 (%2)").arg(dateTime(when), relative(when, now));
}

} // namespace Format
