// SPDX-License-Identifier: MIT
#pragma once

#include <QExplicitlySharedDataPointer>
#include <QHashFunctions>
#include <QSharedData>
#include <QString>
#include <QStringView>

// An API id, held without a heap block when it is a lower-case UUID: every id Buildkite sends
// for a cluster, queue or token is one ("01890e5c-...-ad1f"). As a QString such an id costs
// 24 bytes plus a 104-byte block; at 55,000 rows that was 5.7 MB of the navigation tree. Any
// other text (the tree's group ids, made-up ids in tests, an upper-case UUID) is kept as the
// QString it came in, so toString() always gives back exactly the text that was given.
//
// A text maps to exactly one form, so two ids are equal exactly when their texts are, and
// ordering matches the texts' (a UUID's bytes compare as its hexadecimal digits do).
class CompactId final {
public:
    CompactId();
    explicit CompactId(const QString& id);

    QString toString() const;
    bool isEmpty() const;
    // Whether the id is held as 16 bytes; it then reads as packedLength ASCII characters.
    bool isPacked() const { return !m_text; }
    static constexpr qsizetype packedLength = 36;
    // Packed: writes the packedLength characters to out (a filter reads them without making a
    // QString). Not packed: does nothing.
    void writePacked(char* out) const;
    // Not packed: the text, shared with every copy of this id; packed: nullptr.
    const QString* text() const { return m_text ? &m_text->value : nullptr; }

    friend bool operator==(const CompactId& a, const CompactId& b);
    friend bool operator!=(const CompactId& a, const CompactId& b) { return !(a == b); }
    friend bool operator<(const CompactId& a, const CompactId& b);
    friend size_t qHash(const CompactId& id, size_t seed) noexcept;

private:
    struct Text : QSharedData {
        QString value;
    };
    static bool parse(QStringView text, quint64* high, quint64* low);

    // Packed: the 32 hexadecimal digits, most significant first, and no text.
    quint64 m_high = 0;
    quint64 m_low = 0;
    QExplicitlySharedDataPointer<const Text> m_text;
};
