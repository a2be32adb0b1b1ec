// SPDX-License-Identifier: MIT
#include "json.h"

#include <QTimeZone>

#include <cmath>

JsonReader::JsonReader(const QJsonObject& object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{
}

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString JsonReader::fieldPath(QLatin1StringView key) const
{
    return m_path.isEmpty() ? QString(key) : m_path + QLatin1Char('.') + key;
}

void JsonReader::fail(QLatin1StringView key, const QString& expected, const QJsonValue& got)
{
    if (!m_error.isEmpty())
        return; // the first error is the one worth reading
    m_error = QStringLiteral("%1: expected %2, got %3")
                  .arg(fieldPath(key), expected, jsonTypeName(got));
}

QString JsonReader::string(QLatin1StringView key)
{
    return optionalString(key).value_or(QString());
}

std::optional<QString> JsonReader::optionalString(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        fail(key, QStringLiteral("a string"), v);
        return std::nullopt;
    }
    return v.toString();
}

bool JsonReader::boolean(QLatin1StringView key, bool fallback)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return fallback;
    if (!v.isBool()) {
        fail(key, QStringLiteral("a boolean"), v);
        return fallback;
    }
    return v.toBool();
}

std::optional<double> JsonReader::number(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isDouble()) {
        fail(key, QStringLiteral("a number"), v);
        return std::nullopt;
    }
    return v.toDouble();
}

std::optional<qint64> JsonReader::integer(QLatin1StringView key)
{
    const auto n = number(key);
    if (!n)
        return std::nullopt;
    // Converting a double outside qint64's range is undefined behaviour, so the range is checked
    // first: -2^63 is the lowest qint64, 2^63 the first double above the highest.
    constexpr double limit = 9223372036854775808.0;
    if (!(*n >= -limit && *n < limit) || *n != std::trunc(*n)) {
        fail(key, QStringLiteral("a whole number within 64 bits"), m_object.value(key));
        return std::nullopt;
    }
    return qint64(*n);
}

QDateTime JsonReader::timestamp(QLatin1StringView key)
{
    const auto text = optionalString(key);
    if (!text)
        return {};
    const QDateTime when = parseTimestamp(*text);
    if (!when.isValid() && m_error.isEmpty())
        m_error = QStringLiteral("%1: expected a timestamp, got \"%2\"")
                      .arg(fieldPath(key), text->left(40));
    return when;
}

std::optional<QJsonObject> JsonReader::object(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isObject()) {
        fail(key, QStringLiteral("an object"), v);
        return std::nullopt;
    }
    return v.toObject();
}

QJsonArray JsonReader::array(QLatin1StringView key)
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isArray()) {
        fail(key, QStringLiteral("an array"), v);
        return {};
    }
    return v.toArray();
}

QStringList JsonReader::stringList(QLatin1StringView key)
{
    QStringList out;
    const QJsonArray items = array(key);
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items.at(i).isString()) {
            if (m_error.isEmpty())
                m_error = QStringLiteral("%1[%2]: expected a string, got %3")
                              .arg(fieldPath(key))
                              .arg(i)
                              .arg(jsonTypeName(items.at(i)));
            continue;
        }
        out.append(items.at(i).toString());
    }
    return out;
}

JsonReader JsonReader::child(const QJsonObject& object, const QString& subPath) const
{
    return JsonReader(object, m_path.isEmpty() ? subPath : m_path + QLatin1Char('.') + subPath);
}

void JsonReader::adopt(const JsonReader& child)
{
    if (m_error.isEmpty())
        m_error = child.m_error;
}

QDateTime parseTimestamp(const QString& text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    QDateTime when = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(t, Qt::ISODate);
    if (!when.isValid() && t.endsWith(QLatin1String(" UTC"))) {
        // Date and time apart, then put in UTC: read as one, they would be a local time first,
        // and a local time in a daylight-saving gap ("2025-03-30 02:30:00" in Berlin) does not
        // exist, which made a valid UTC timestamp fail (found by fuzz/fuzz_timestamp.cpp).
        const QString body = t.chopped(4);
        const QDate date = QDate::fromString(body.left(10), QStringLiteral("yyyy-MM-dd"));
        const QTime time = QTime::fromString(body.mid(11), QStringLiteral("HH:mm:ss"));
        if (body.size() == 19 && body.at(10) == QLatin1Char(' ') && date.isValid()
            && time.isValid())
            when = QDateTime(date, time, QTimeZone::utc());
    }
    return when.isValid() ? when.toUTC() : QDateTime();
}

QString formatTimestamp(const QDateTime& when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}
