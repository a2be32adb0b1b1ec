// SPDX-License-Identifier: MIT
#include "emoji.h"

#include <QFontDatabase>
#include <QPainter>
#include <QPixmap>
#include <QPixmapCache>
#include <QStringList>

#include <algorithm>
#include <iterator>
#include <string_view>

namespace {

struct Entry {
    const char* shortcode;
    const char* utf8;
};

constexpr Entry table[] = {
#include "emoji_table.inc"
};

// Binary search is only correct on a sorted, duplicate-free table; checking it here turns a bad
// regeneration or a hand edit into a compile error instead of emoji that silently never match.
constexpr bool isStrictlySorted()
{
    for (std::size_t i = 1; i < std::size(table); ++i) {
        if (!(std::string_view(table[i - 1].shortcode) < std::string_view(table[i].shortcode)))
            return false;
    }
    return true;
}
static_assert(isStrictlySorted(), "emoji_table.inc must be sorted by shortcode in byte order");

constexpr std::size_t longestShortcode()
{
    std::size_t longest = 0;
    for (const Entry& entry : table)
        longest = std::max(longest, std::string_view(entry.shortcode).size());
    return longest;
}
// A constant, so the loop above never runs per lookup.
constexpr std::size_t maxShortcodeLength = longestShortcode();

// The characters emoji-datasource uses in shortcodes (the generator enforces this). A run of them
// between two colons is a shortcode token; anything else ("10:30 pm", "a : b") is plain text.
constexpr bool isShortcodeChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-'
        || u == u'+';
}

// Code-unit order, the order the generator sorts in. Hand-written rather than
// QLatin1String::compare, which would strlen every probed entry first.
int compare(const char* shortcode, QStringView name)
{
    for (const QChar c : name) {
        const auto s = static_cast<unsigned char>(*shortcode++);
        if (s == 0)
            return -1; // a prefix of name; checked apart so a U+0000 in name cannot match it
        if (s != c.unicode())
            return s < c.unicode() ? -1 : 1;
    }
    return *shortcode ? 1 : 0;
}

const Entry* find(QStringView name)
{
    if (name.isEmpty() || std::size_t(name.size()) > maxShortcodeLength)
        return nullptr;
    const Entry* end = std::end(table);
    const Entry* it = std::lower_bound(std::begin(table), end, name,
        [](const Entry& entry, QStringView key) { return compare(entry.shortcode, key) < 0; });
    if (it == end || compare(it->shortcode, name) != 0)
        return nullptr;
    return it;
}

// Decodes straight into the result instead of through QString::fromUtf8, which would allocate a
// temporary per emoji. The table is generated, so its UTF-8 is known to be well formed.
void appendUtf8(QString& out, const char* utf8)
{
    for (const char* p = utf8; *p;) {
        const auto lead = static_cast<unsigned char>(*p);
        const int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        char32_t codePoint = length == 1 ? lead : lead & (0x7F >> length);
        for (int i = 1; i < length; ++i)
            codePoint = (codePoint << 6) | (static_cast<unsigned char>(p[i]) & 0x3F);
        p += length;
        if (QChar::requiresSurrogates(codePoint)) {
            out.append(QChar(QChar::highSurrogate(codePoint)));
            out.append(QChar(QChar::lowSurrogate(codePoint)));
        } else {
            out.append(QChar(char16_t(codePoint)));
        }
    }
}

} // namespace

namespace Emoji {

QString render(const QString& text)
{
    qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return text;

    const QChar* chars = text.constData();
    const qsizetype size = text.size();
    QString result; // stays null, and unallocated, until the first replacement
    qsizetype copied = 0; // text before this index is already in result

    while (colon >= 0) {
        const qsizetype nameBegin = colon + 1;
        qsizetype nameEnd = nameBegin;
        while (nameEnd < size && isShortcodeChar(chars[nameEnd]))
            ++nameEnd;

        qsizetype tokenEnd = -1;
        if (nameEnd > nameBegin && nameEnd < size) {
            if (chars[nameEnd] == u':')
                tokenEnd = nameEnd + 1;
            else if (chars[nameEnd] == u'\\' && nameEnd + 1 < size && chars[nameEnd + 1] == u':')
                tokenEnd = nameEnd + 2;
        }
        if (tokenEnd < 0) {
            // Not a token, but the colon that ended the scan (as in "::rocket:") may open one.
            colon = text.indexOf(u':', nameEnd > nameBegin ? nameEnd : nameBegin);
            continue;
        }

        if (const Entry* entry = find(QStringView(chars + nameBegin, nameEnd - nameBegin))) {
            const qsizetype tokenBegin = colon > 0 && chars[colon - 1] == u'\\' ? colon - 1 : colon;
            if (result.isNull())
                result.reserve(size + 8);
            result.append(chars + copied, tokenBegin - copied);
            appendUtf8(result, entry->utf8);
            copied = tokenEnd;
        }
        // A token is consumed whether known or not, like a /:[a-z0-9_+-]+:/g match: the closing
        // colon of ":buildkite:" must not open a new code in ":buildkite:rocket:".
        colon = text.indexOf(u':', tokenEnd);
    }

    if (copied == 0)
        return text;
    result.append(chars + copied, size - copied);
    return result;
}

QFont font(const QFont& base)
{
    // Looked up once: the font database does not change while the app runs.
    static const QString colorFamily = [] {
        const QStringList families = QFontDatabase::families();
        for (const QString& family : families) {
            if (family.contains(QLatin1String("Color Emoji"), Qt::CaseInsensitive)
                || family == QLatin1String("Segoe UI Emoji")) // no tr: font family names
                return family;
        }
        return QString();
    }();
    if (colorFamily.isEmpty())
        return base;
    QFont out = base;
    QStringList families = base.families();
    if (families.isEmpty())
        families.append(base.family());
    families.prepend(colorFamily);
    out.setFamilies(families);
    return out;
}

void draw(QPainter* painter, const QRect& rect, const QString& emoji, const QFont& base,
    const QColor& color)
{
    if (emoji.isEmpty() || rect.isEmpty())
        return;
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    const QString key = QStringLiteral("kitedeck.emoji:%1:%2:%3x%4@%5:%6")
                            .arg(emoji, base.key())
                            .arg(rect.width())
                            .arg(rect.height())
                            .arg(dpr)
                            .arg(color.rgba(), 0, 16);
    QPixmap drawn;
    if (!QPixmapCache::find(key, &drawn)) {
        drawn = QPixmap(rect.size() * dpr);
        drawn.setDevicePixelRatio(dpr);
        drawn.fill(Qt::transparent);
        QPainter p(&drawn);
        p.setFont(font(base));
        p.setPen(color);
        p.drawText(QRect(QPoint(0, 0), rect.size()), Qt::AlignCenter | Qt::TextSingleLine, emoji);
        p.end();
        QPixmapCache::insert(key, drawn);
    }
    painter->drawPixmap(rect.topLeft(), drawn);
}

QString lookup(const QString& shortcodeWithoutColons)
{
    const Entry* entry = find(shortcodeWithoutColons);
    return entry ? QString::fromUtf8(entry->utf8) : QString();
}

} // namespace Emoji
