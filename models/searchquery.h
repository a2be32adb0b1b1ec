// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

// What is typed into a filter box, ready to be matched against many rows quickly: text words,
// case-folded once here (rows keep a folded search key, see RowPacker::searchKey), and state
// words:
//   is:paused    queues whose dispatch is paused
//   is:idle      self-hosted queues whose agents are known and none is connected
//   is:expired   agent tokens past their expiry date
//   is:expiring  agent tokens expiring within TokenExpiry::soonDays
//   is:hosted    Buildkite-hosted queues
// Words are separated by spaces and all must hold: "is:paused deploy" is a paused queue with
// "deploy" in its key or description (or its cluster's name). An unknown is: word is text.
class SearchQuery final {
public:
    enum State : quint8 {
        Paused = 1,
        Idle = 2,
        Expired = 4,
        Expiring = 8,
        Hosted = 16,
    };
    static constexpr int maxWords = 64; // words beyond these are ignored

    SearchQuery() = default;
    explicit SearchQuery(const QString& text);

    QString text() const { return m_text; } // simplified
    bool isEmpty() const { return m_words.isEmpty() && m_states == 0; }
    quint8 states() const { return m_states; }
    bool hasStates() const { return m_states != 0; }
    bool wantsQueues() const { return m_states & (Paused | Idle | Hosted); }
    bool wantsTokens() const { return m_states & (Expired | Expiring); }
    qsizetype wordCount() const { return m_words.size(); }

    // One bit per text word found in the row: in its search key (folded UTF-8), or in its id.
    // idFolded: the id has no upper-case letters (so it is searched as it is); idHex: it holds
    // only hexadecimal digits and dashes (a UUID: a word with other letters cannot be in it).
    quint64 wordsIn(QByteArrayView searchKey, QStringView id, bool idFolded, bool idHex) const;
    // The same for a row whose id is a UUID, written out in lower case (or none: empty). Only
    // the words that are pieces of a UUID (uuidPieces()) are looked for in it, byte by byte.
    quint64 wordsIn(QByteArrayView searchKey, QByteArrayView uuid) const;
    quint64 allWords() const { return m_all; }
    // The words (bits as wordsIn() sets them) looked for in a UUID: hexadecimal digits and dashes,
    // at least minUuidPiece of them. A shorter piece is in many UUIDs by chance (one digit in
    // 86 % of them, four in one of 3,900: 15 rows of 58,000), so it would show rows for ids the
    // tree does not even show; six are in about one UUID in 1.7 million.
    quint64 uuidPieces() const { return m_uuidPieces; }
    static constexpr qsizetype minUuidPiece = 6;
    bool matchesText(QByteArrayView searchKey, QStringView id, bool idFolded, bool idHex) const
    {
        return wordsIn(searchKey, id, idFolded, idHex) == m_all;
    }

    static bool isHexId(QStringView id);

    // Where the text words occur in text as shown (case-insensitively), for drawing the matches:
    // sorted, overlapping and touching ranges merged.
    struct Range {
        qsizetype start;
        qsizetype length;
        bool operator==(const Range&) const = default;
    };
    QList<Range> rangesIn(QStringView text) const;

private:
    struct Word {
        QByteArray utf8; // folded
        QString text; // folded
        bool hex = false; // hexadecimal digits and dashes only
        bool uuidPiece = false; // looked for in a UUID: hex, and at least minUuidPiece long
    };
    QString m_text;
    QList<Word> m_words;
    quint64 m_all = 0;
    quint64 m_uuidPieces = 0; // asked for every row on every keystroke: known once
    quint8 m_states = 0;
};
