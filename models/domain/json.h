// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

// Reads typed fields out of one JSON object. Missing and null fields read as empty; a field of
// the wrong type records an error that names it ("queues[3].dispatch_paused: expected a boolean,
// got a string"), so a bad response is reported precisely instead of half-parsed silently.
class JsonReader final {
public:
    JsonReader(const QJsonObject& object, QString path);

    const QJsonObject& object() const { return m_object; }
    QString path() const { return m_path; }

    QString string(QLatin1StringView key);
    std::optional<QString> optionalString(QLatin1StringView key);
    bool boolean(QLatin1StringView key, bool fallback = false);
    std::optional<qint64> integer(QLatin1StringView key);
    std::optional<double> number(QLatin1StringView key);
    QDateTime timestamp(QLatin1StringView key);
    std::optional<QJsonObject> object(QLatin1StringView key);
    QJsonArray array(QLatin1StringView key);
    QStringList stringList(QLatin1StringView key);

    // A reader for a nested object; its errors flow back into this one.
    JsonReader child(const QJsonObject& object, const QString& subPath) const;
    void adopt(const JsonReader& child);

    void fail(QLatin1StringView key, const QString& expected, const QJsonValue& got);
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

private:
    QString fieldPath(QLatin1StringView key) const;

    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

// Buildkite writes timestamps both as ISO 8601 ("2026-05-21T12:00:00.000Z") and as
// "2025-07-16 06:07:42 UTC". Returns an invalid QDateTime for anything else.
QDateTime parseTimestamp(const QString& text);
// ISO 8601 in UTC with milliseconds, the form the API writes.
QString formatTimestamp(const QDateTime& when);
QString jsonTypeName(const QJsonValue& value);
