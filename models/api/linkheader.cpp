// SPDX-License-Identifier: MIT
#include "linkheader.h"

#include <QHostAddress>
#include <QRegularExpression>

#include <optional>
#include <utility>

namespace {
// RFC 8288 read from left to right, so that a quoted parameter value may hold ";", ",", "<" or
// "rel=" without being taken for the structure (the old split on "<" and ";" read
// `title="<x>"` as a link of its own; found by fuzz/fuzz_linkheader.cpp).
class LinkReader {
public:
    explicit LinkReader(const QString& text)
        : m_text(text)
    {
    }

    QHash<QString, QUrl> links()
    {
        QHash<QString, QUrl> out;
        while (true) {
            skip(u", \t");
            if (atEnd())
                break;
            if (peek() != u'<') {
                skipPast(u',');
                continue;
            }
            const qsizetype close = m_text.indexOf(QLatin1Char('>'), m_pos);
            if (close < 0)
                break;
            const QUrl url(m_text.mid(m_pos + 1, close - m_pos - 1).trimmed());
            m_pos = close + 1;
            std::optional<QString> rel;
            while (true) {
                skip(u" \t");
                if (atEnd() || peek() == u',')
                    break;
                if (peek() != u';') {
                    skipPast(u';', false); // junk after the URL: on to the next parameter
                    continue;
                }
                ++m_pos;
                const auto [name, value] = parameter();
                // "rel" more than once: the first counts (RFC 8288, 3.3).
                if (!rel && name.compare(QLatin1String("rel"), Qt::CaseInsensitive) == 0)
                    rel = value;
            }
            if (!rel)
                continue;
            for (const QString& r :
                rel->split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts))
                out.insert(r.toLower(), url);
        }
        return out;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return m_text.at(m_pos); }

    void skip(QStringView chars)
    {
        while (!atEnd() && chars.contains(peek()))
            ++m_pos;
    }

    // On to just after the next `stop` outside quotes (or to it, when `consume` is false), or to
    // the end; a "," always stops (it starts the next link).
    void skipPast(char16_t stop, bool consume = true)
    {
        bool quoted = false;
        while (!atEnd()) {
            const QChar c = peek();
            if (quoted) {
                if (c == u'\\')
                    ++m_pos;
                else if (c == u'"')
                    quoted = false;
            } else if (c == u'"') {
                quoted = true;
            } else if (c == stop || c == u',') {
                if (consume && c == stop)
                    ++m_pos;
                return;
            }
            ++m_pos;
        }
    }

    // name [= token | = "quoted string"], after its ";".
    std::pair<QString, QString> parameter()
    {
        skip(u" \t");
        const qsizetype start = m_pos;
        while (!atEnd() && !QStringView(u"=;, \t").contains(peek()))
            ++m_pos;
        const QString name = m_text.mid(start, m_pos - start);
        skip(u" \t");
        QString value;
        if (!atEnd() && peek() == u'=') {
            ++m_pos;
            skip(u" \t");
            if (!atEnd() && peek() == u'"') {
                ++m_pos;
                while (!atEnd() && peek() != u'"') {
                    if (peek() == u'\\' && m_pos + 1 < m_text.size())
                        ++m_pos;
                    value += peek();
                    ++m_pos;
                }
                if (!atEnd())
                    ++m_pos; // the closing quote
            } else {
                const qsizetype from = m_pos;
                while (!atEnd() && !QStringView(u";, \t").contains(peek()))
                    ++m_pos;
                value = m_text.mid(from, m_pos - from);
            }
        }
        return { name, value };
    }

    const QString& m_text;
    qsizetype m_pos = 0;
};
} // namespace

QHash<QString, QUrl> parseLinkHeader(const QByteArray& header)
{
    const QString text = QString::fromUtf8(header);
    return LinkReader(text).links();
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
