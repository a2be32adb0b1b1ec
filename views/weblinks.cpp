// SPDX-License-Identifier: MIT
#include "weblinks.h"

#include <QDesktopServices>
#include <QUrl>

namespace WebLinks {

bool isWebUrl(const QString& url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    return parsed.isValid() && !parsed.host().isEmpty()
        && (parsed.scheme() == QLatin1String("https") || parsed.scheme() == QLatin1String("http"));
}

bool open(const QString& url)
{
    if (!isWebUrl(url))
        return false;
    return QDesktopServices::openUrl(QUrl(url, QUrl::StrictMode));
}

} // namespace WebLinks
