// SPDX-License-Identifier: MIT
#include "searchquery.h"

#include <algorithm>
#include <string_view>

namespace {
bool isHexChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F') || u == '-';
}
} // namespace

bool SearchQuery::isHexId(QStringView id)
{
    return !id.isEmpty() && std::all_of(id.begin(), id.end(), isHexChar);
}

SearchQuery::SearchQuery(const QString& text)
    : m_text(text.simplified())
{
    static const struct {
        const char* word;
        State state;
    } stateWords[] = {
        { "is:paused", Paused },
        { "is:idle", Idle },
        { "is:expired", Expired },
        { "is:expiring", Expiring },
        { "is:hosted", Hosted },
    };
    const QString folded = m_text.toCaseFolded();
    for (const QString& word : folded.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        bool isState = false;
        for (const auto& s : stateWords) {
            if (word == QLatin1String(s.word)) {
                m_states |= s.state;
                isState = true;
            }
        }
        if (isState || m_words.size() >= maxWords)
            continue;
        bool duplicate = false;
        for (const Word& w : std::as_const(m_words))
            duplicate = duplicate || w.text == word;
        if (!duplicate)
            m_words.append({ word.toUtf8(), word, isHexId(word),
                isHexId(word) && word.size() >= minUuidPiece });
    }
    m_all = m_words.size() >= 64 ? ~quint64(0) : (quint64(1) << m_words.size()) - 1;
    for (qsizetype i = 0; i < m_words.size(); ++i)
        m_uuidPieces |= m_words.at(i).uuidPiece ? quint64(1) << i : 0;
}

quint64 SearchQuery::wordsIn(
    QByteArrayView searchKey, QStringView id, bool idFolded, bool idHex) const
{
    const std::string_view key(searchKey.data(), size_t(searchKey.size()));
    quint64 found = 0;
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        const Word& w = m_words.at(i);
        if (key.find(std::string_view(w.utf8.constData(), size_t(w.utf8.size())))
            != std::string_view::npos) {
            found |= quint64(1) << i;
            continue;
        }
        // A UUID holds no letter beyond f: most words need not look at it.
        if (idHex && !w.hex)
            continue;
        if (id.contains(w.text, idFolded ? Qt::CaseSensitive : Qt::CaseInsensitive))
            found |= quint64(1) << i;
    }
    return found;
}

quint64 SearchQuery::wordsIn(QByteArrayView searchKey, QByteArrayView uuid) const
{
    const std::string_view key(searchKey.data(), size_t(searchKey.size()));
    const std::string_view id(uuid.data(), size_t(uuid.size()));
    quint64 found = 0;
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        const Word& w = m_words.at(i);
        const std::string_view word(w.utf8.constData(), size_t(w.utf8.size()));
        if (key.find(word) != std::string_view::npos
            || (w.uuidPiece && id.find(word) != std::string_view::npos))
            found |= quint64(1) << i;
    }
    return found;
}

QList<SearchQuery::Range> SearchQuery::rangesIn(QStringView text) const
{
    if (m_words.isEmpty() || text.isEmpty())
        return {};
    // Folded one code unit at a time, so positions in it are positions in text. A word whose
    // folding changes its length ("ß" to "ss") is not found here; it still filters.
    QString folded(text.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i)
        folded[i] = text[i].toCaseFolded();
    QList<Range> found;
    for (const Word& w : m_words) {
        for (qsizetype at = folded.indexOf(w.text); at >= 0;
             at = folded.indexOf(w.text, at + w.text.size()))
            found.append({ at, w.text.size() });
    }
    std::sort(found.begin(), found.end(),
        [](const Range& a, const Range& b) { return a.start < b.start; });
    QList<Range> merged;
    for (const Range& r : std::as_const(found)) {
        if (!merged.isEmpty() && r.start <= merged.last().start + merged.last().length) {
            Range& last = merged.last();
            last.length = qMax(last.start + last.length, r.start + r.length) - last.start;
        } else {
            merged.append(r);
        }
    }
    return merged;
}
