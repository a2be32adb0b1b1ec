// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QUrl>

// Parses an RFC 8288 Link header into rel -> URL, e.g.
// `<https://api.buildkite.com/v2/...?page=2>; rel="next", <...?page=5>; rel="last"`.
QHash<QString, QUrl> parseLinkHeader(const QByteArray& header);
// Scheme, host and port all equal (default ports filled in).
bool isSameOrigin(const QUrl& a, const QUrl& b);
// localhost, 127.0.0.0/8 or ::1.
bool isLoopbackHost(const QString& host);
