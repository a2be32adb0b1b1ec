// SPDX-License-Identifier: MIT
#include "apirequest.h"

#include <QUrl>

QString ApiRequest::segment(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString ApiRequest::organizationPath(const QString& org, std::initializer_list<QString> segments)
{
    QString path = QStringLiteral("/v2/organizations/") + segment(org);
    for (const QString& s : segments)
        path += QLatin1Char('/') + segment(s);
    return path;
}
