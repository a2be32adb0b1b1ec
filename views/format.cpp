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
    auto tr = [](const char* text, int n = -1) { return QCoreApplication::translate("Format", text, nullptr, n); };
    if (!when.isValid())
        return {};
    const qint64 seconds = now.secsTo(when);
    const qint64 magnitude = qAbs(seconds);
    if (magnitude < 60)
        return tr("just now");
    QString amount;
    if (magnitude < 3600)
        amount = tr("%n minute(s)", int(magnitude / 60));
    else if (magnitude < 86400)
        amount = tr("%n hour(s)", int(magnitude / 3600));
    else if (magnitude < 86400 * 60)
        amount = tr("%n day(s)", int(magnitude / 86400));
    else if (magnitude < 86400 * 730)
        amount = tr("%n month(s)", int(magnitude / (86400 * 30)));
    else
        amount = tr("%n year(s)", int(magnitude / (86400 * 365)));
    return seconds > 0 ? tr("in %1").arg(amount) : tr("%1 ago").arg(amount);
}

QString dateTimeWithRelative(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return dateTime(when);
    return QStringLiteral("%1 (%2)").arg(dateTime(when), relative(when, now));
}

}
