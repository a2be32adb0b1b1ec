// SPDX-License-Identifier: MIT
#include "linkheader.h"

#include <QHostAddress>

QHash<QString, QUrl> parseLinkHeader(const QByteArray& header)
{
    QHash<QString, QUrl> links;
    const QString text = QString::fromUtf8(header);
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1Char('<'), pos);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1Char('>'), open);
        if (close < 0)
            break;
        const QUrl url(text.mid(open + 1, close - open - 1));
        qsizetype end = text.indexOf(QLatin1Char('<'), close);
        if (end < 0)
            end = text.size();
        const QString params = text.mid(close + 1, end - close - 1);
        for (const QString& param : params.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
            const QString p = param.trimmed();
            if (!p.startsWith(QLatin1String("rel="), Qt::CaseInsensitive))
                continue;
            QString rels = p.mid(4).trimmed();
            rels.remove(QLatin1Char('"'));
            rels.remove(QLatin1Char(','));
            for (const QString& rel : rels.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                links.insert(rel.toLower(), url);
        }
        pos = close + 1;
    }
    return links;
}

bool isSameOrigin(const QUrl& a, const QUrl& b)
{
    auto defaultPort
        = [](const QUrl& u) { return u.scheme() == QLatin1String("https") ? 443 : 80; };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}
