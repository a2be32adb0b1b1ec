// SPDX-License-Identifier: MIT
#include "ipallowlist.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace IpAllowlist {

namespace {

// Decimal 0..255 without leading zeros: "010" is octal to some parsers and 10 to others, so it
// is refused rather than guessed.
bool octet(QStringView part)
{
    if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.front() == u'0'))
        return false;
    bool ok = false;
    const int value = part.toInt(&ok);
    return ok && value >= 0 && value <= 255;
}

bool isAddress(QStringView text)
{
    const auto parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    return std::all_of(parts.cbegin(), parts.cend(), [](QStringView p) {
        return std::all_of(p.cbegin(), p.cend(), [](QChar c) { return c.isDigit(); }) && octet(p);
    });
}
} // namespace

bool isIpv4Cidr(const QString& entry)
{
    const qsizetype slash = entry.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return false;
    const QStringView address = QStringView(entry).left(slash);
    const QStringView prefix = QStringView(entry).mid(slash + 1);
    if (prefix.isEmpty() || prefix.size() > 2 || (prefix.size() > 1 && prefix.front() == u'0'))
        return false;
    if (!std::all_of(prefix.cbegin(), prefix.cend(), [](QChar c) { return c.isDigit(); }))
        return false;
    const int bits = prefix.toInt();
    return bits >= 0 && bits <= 32 && isAddress(address);
}

bool isIpv4Address(const QString& entry) { return isAddress(entry); }

bool isEntry(const QString& entry) { return isIpv4Cidr(entry) || isAddress(entry); }

Parsed parse(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    Parsed out;
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    for (const QString& word : words) {
        if (!isEntry(word)) {
            out.error = QCoreApplication::translate("IpAllowlist",
                "“%1” is not an IPv4 address or CIDR like 198.51.100.12 or 192.0.2.0/24.")
                            .arg(word);
            return out;
        }
        if (!out.entries.contains(word))
            out.entries.append(word);
    }
    if (out.entries.size() > maximumEntries)
        out.error = QCoreApplication::translate(
            "IpAllowlist", "At most %1 addresses are allowed; this list has %2.")
                        .arg(maximumEntries)
                        .arg(out.entries.size());
    return out;
}

bool sameEntries(const QStringList& a, const QStringList& b)
{
    QStringList x = a;
    QStringList y = b;
    x.removeDuplicates();
    y.removeDuplicates();
    std::sort(x.begin(), x.end());
    std::sort(y.begin(), y.end());
    return x == y;
}

} // namespace IpAllowlist
