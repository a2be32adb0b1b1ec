// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QList>

// Each distinct value held once and known by a 32-bit number, 0 being the empty value. A row
// that keeps numbers instead of values costs 4 bytes per field however long its text, and two
// rows' numbers are equal exactly when their values are. The table only grows; a holder that
// needs to forget values builds a new table from the numbers it still uses (forget()).
template <class T>
class InternTable final {
public:
    using Number = quint32;

    InternTable() { clear(); }
    void clear()
    {
        m_values = { T() };
        m_numbers.clear();
    }

    // The value's number, given one if it is new.
    Number number(const T& value)
    {
        if (value.isEmpty())
            return 0;
        const auto found = m_numbers.constFind(value);
        if (found != m_numbers.cend())
            return found.value();
        const auto next = Number(m_values.size());
        m_values.append(value);
        m_numbers.insert(value, next);
        return next;
    }
    const T& value(Number number) const { return m_values.at(number); }
    // Distinct values, the empty one included.
    qsizetype size() const { return m_values.size(); }

private:
    QList<T> m_values;
    QHash<T, Number> m_numbers;
};
