// SPDX-License-Identifier: MIT
#include "compactid.h"

#include <algorithm>
#include <array>

namespace {
constexpr qsizetype uuidLength = CompactId::packedLength;
constexpr std::array<qsizetype, 4> dashes { 8, 13, 18, 23 };

bool isDash(qsizetype i) { return std::find(dashes.cbegin(), dashes.cend(), i) != dashes.cend(); }
} // namespace

CompactId::CompactId()
{
    // One shared empty text: an empty id is not the packed all-zero UUID.
    static const QExplicitlySharedDataPointer<const Text> empty(new Text);
    m_text = empty;
}

CompactId::CompactId(const QString& id)
{
    if (parse(id, &m_high, &m_low))
        return;
    auto* text = new Text;
    text->value = id;
    m_text.reset(text);
}

bool CompactId::parse(QStringView text, quint64* high, quint64* low)
{
    if (text.size() != uuidLength)
        return false;
    quint64 halves[2] = { 0, 0 };
    int digit = 0;
    for (qsizetype i = 0; i < uuidLength; ++i) {
        const char16_t c = text.at(i).unicode();
        if (isDash(i)) {
            if (c != u'-')
                return false;
            continue;
        }
        quint64 nibble = 0;
        if (c >= u'0' && c <= u'9')
            nibble = c - u'0';
        else if (c >= u'a' && c <= u'f')
            nibble = c - u'a' + 10;
        else
            return false; // upper case too: it would not come back as it was sent
        quint64& half = halves[digit < 16 ? 0 : 1];
        half = (half << 4) | nibble;
        ++digit;
    }
    *high = halves[0];
    *low = halves[1];
    return true;
}

void CompactId::writePacked(char* out) const
{
    if (m_text)
        return;
    static constexpr char hex[] = "0123456789abcdef";
    int digit = 0;
    for (qsizetype i = 0; i < uuidLength; ++i) {
        if (isDash(i)) {
            out[i] = '-';
            continue;
        }
        const quint64 half = digit < 16 ? m_high : m_low;
        const int shift = 4 * (15 - digit % 16);
        out[i] = hex[(half >> shift) & 0xf];
        ++digit;
    }
}

QString CompactId::toString() const
{
    if (m_text)
        return m_text->value;
    char ascii[uuidLength];
    writePacked(ascii);
    return QString::fromLatin1(ascii, uuidLength);
}

bool CompactId::isEmpty() const { return m_text && m_text->value.isEmpty(); }

bool operator==(const CompactId& a, const CompactId& b)
{
    if (!a.m_text && !b.m_text)
        return a.m_high == b.m_high && a.m_low == b.m_low;
    if (!a.m_text || !b.m_text)
        return false; // a text never has a packed twin
    return a.m_text == b.m_text || a.m_text->value == b.m_text->value;
}

bool operator<(const CompactId& a, const CompactId& b)
{
    if (!a.m_text && !b.m_text)
        return a.m_high != b.m_high ? a.m_high < b.m_high : a.m_low < b.m_low;
    return a.toString() < b.toString();
}

size_t qHash(const CompactId& id, size_t seed) noexcept
{
    if (!id.m_text)
        return qHashMulti(seed, id.m_high, id.m_low);
    return qHash(id.m_text->value, seed);
}
