// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

// The agent token IP allowlist as typed: IPv4 CIDRs (a.b.c.d/n) and bare IPv4 addresses (a.b.c.d,
// one address, as Buildkite's own examples mix them) separated by spaces, commas or new lines; the
// API takes them as one space-separated string, at most 24 of them. Entries are kept as written:
// a token's stored list reads back the way Buildkite holds it.
namespace IpAllowlist {

constexpr int maximumEntries = 24;

struct Parsed {
    QStringList entries; // in order, duplicates dropped
    QString error; // names the first bad entry; empty when valid
    bool isValid() const { return error.isEmpty(); }
    // The API's form: "192.0.2.0/24 198.51.100.7/32".
    QString joined() const { return entries.join(QLatin1Char(' ')); }
};

bool isIpv4Cidr(const QString& entry);
bool isIpv4Address(const QString& entry);
// A CIDR or a bare address.
bool isEntry(const QString& entry);
Parsed parse(const QString& text);
// Whether two allowlists allow the same set of networks (order and spacing ignored).
bool sameEntries(const QStringList& a, const QStringList& b);

} // namespace IpAllowlist
