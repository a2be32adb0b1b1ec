// SPDX-License-Identifier: MIT
// The Link header under libFuzzer: parseLinkHeader, and the origin checks every link passes
// before it is followed with the token (isSameOrigin, isLoopbackHost).
//
// With the first byte even, the rest is a header as a server might send it: no crash, rels
// lowercase and non-empty, same-origin symmetric. With it odd, the rest describes links (URL,
// rels, other parameters with quoted values), written as RFC 8288 says; parsing that header must
// give exactly those links. A parameter's quoted value may hold anything but a quote or a
// backslash, ";", ",", "<" and "rel=" included.
#include "api/linkheader.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>

namespace {

void check(bool condition, const char* what, const QByteArray& header)
{
    if (!condition) {
        fprintf(stderr, "fuzz check failed: %s: %s\n", what, header.constData());
        abort();
    }
}

void anyHeader(const QByteArray& header)
{
    static const QUrl base(QStringLiteral("https://api.buildkite.com"));
    const QHash<QString, QUrl> links = parseLinkHeader(header);
    for (auto it = links.cbegin(); it != links.cend(); ++it) {
        check(!it.key().isEmpty() && it.key() == it.key().toLower(), "a rel not lowercase", header);
        const QUrl& url = it.value();
        check(isSameOrigin(url, base) == isSameOrigin(base, url), "same origin not symmetric",
            header);
        (void)isLoopbackHost(url.host());
    }
}

std::string pick(FuzzedDataProvider& in, const char* const* choices, size_t count)
{
    return choices[in.ConsumeIntegralInRange<size_t>(0, count - 1)];
}

// Printable ASCII without the characters a quoted-string escapes.
std::string quotable(FuzzedDataProvider& in)
{
    std::string text = in.ConsumeRandomLengthString(24);
    for (char& c : text) {
        if (c < 0x20 || c > 0x7e || c == '"' || c == '\\')
            c = '.';
    }
    return text;
}

void describedLinks(FuzzedDataProvider& in)
{
    static const char* const rels[] = { "next", "prev", "first", "last", "next last", "NEXT" };
    static const char* const names[] = { "title", "type", "anchor", "hreflang", "media" };
    QHash<QString, QUrl> expected;
    QByteArray header;
    const int count = in.ConsumeIntegralInRange(1, 4);
    for (int i = 0; i < count; ++i) {
        const QByteArray url = "https://api.buildkite.com/v2/organizations/acme/clusters?page="
            + QByteArray::number(in.ConsumeIntegralInRange(1, 99)) + "&per_page=100";
        const std::string rel = pick(in, rels, std::size(rels));
        QByteArray link = '<' + url + '>';
        const int params = in.ConsumeIntegralInRange(0, 3);
        const int relAt = in.ConsumeIntegralInRange(0, params);
        for (int p = 0; p <= params; ++p) {
            if (p == relAt)
                link += "; rel=\"" + QByteArray::fromStdString(rel) + '"';
            else
                link += "; " + QByteArray::fromStdString(pick(in, names, std::size(names))) + "=\""
                    + QByteArray::fromStdString(quotable(in)) + '"';
        }
        header += (i > 0 ? ", " : "") + link;
        for (const QByteArray& r : QByteArray::fromStdString(rel).split(' '))
            expected.insert(QString::fromLatin1(r).toLower(), QUrl(QString::fromLatin1(url)));
    }
    check(parseLinkHeader(header) == expected, "not the links it describes", header);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    if (data[0] % 2 == 0) {
        anyHeader(QByteArray(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1)));
        return 0;
    }
    FuzzedDataProvider in(data + 1, size - 1);
    describedLinks(in);
    return 0;
}
