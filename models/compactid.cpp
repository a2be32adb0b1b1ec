// SPDX-License-Identifier: MIT
#include "compactid.h"

#include <algorithm>
#include <array>

namespace {
constexpr qsizetype uuidLength = CompactId::packedLength;
// Where the 32 digits sit in the text (the other four places hold dashes): a filter writes an
// id out for every row on a keystroke, and every lookup by id parses one.
constexpr std::array<quint8, 32> digitAt { 0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17,
    19, 20, 21, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35 };
constexpr std::array<quint8, 4> dashAt { 8, 13, 18, 23 };

int nibble(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    return -1; // upper case too: it would not come back as it was sent
}
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
    const QChar* data = text.data();
    for (const quint8 at : dashAt) {
        if (data[at] != u'-')
            return false;
    }
    quint64 halves[2] = { 0, 0 };
    for (int d = 0; d < 32; ++d) {
        const int value = nibble(data[digitAt[size_t(d)]].unicode());
        if (value < 0)
            return false;
        halves[d / 16] = (halves[d / 16] << 4) | quint64(value);
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
    for (int d = 0; d < 16; ++d) {
        const int shift = 60 - 4 * d;
        out[digitAt[size_t(d)]] = hex[(m_high >> shift) & 0xf];
        out[digitAt[size_t(d + 16)]] = hex[(m_low >> shift) & 0xf];
    }
    for (const quint8 at : dashAt)
        out[at] = '-';
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
