// SPDX-License-Identifier: MIT
#pragma once

#include "api/result.h"
#include "domain/json.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>

// Shared by the request types: turn a response document into a typed value, or a BadResponse
// error that names the offending field.
namespace Parsing {

template <class T, class Fill>
Result<T> object(const QJsonDocument& doc, const QString& what, Fill&& fill)
{
    if (!doc.isObject())
        return ApiError(ApiError::Kind::BadResponse,
            QCoreApplication::translate("Parsing", "Expected a JSON object for %1").arg(what));
    JsonReader reader(doc.object(), what);
    T value = T::fromJson(reader);
    fill(value);
    if (!reader.ok())
        return ApiError(ApiError::Kind::BadResponse, reader.error());
    return value;
}

template <class T, class Fill>
Result<QList<T>> list(const QJsonDocument& doc, const QString& what, Fill&& fill)
{
    if (!doc.isArray())
        return ApiError(ApiError::Kind::BadResponse,
            QCoreApplication::translate("Parsing", "Expected a JSON array of %1").arg(what));
    const QJsonArray items = doc.array();
    QList<T> out;
    out.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString path = QStringLiteral("%1[%2]").arg(what).arg(i);
        if (!items.at(i).isObject())
            return ApiError(ApiError::Kind::BadResponse,
                QCoreApplication::translate("Parsing", "%1: expected an object, got %2")
                    .arg(path, jsonTypeName(items.at(i))));
        JsonReader reader(items.at(i).toObject(), path);
        T value = T::fromJson(reader);
        if (!reader.ok())
            return ApiError(ApiError::Kind::BadResponse, reader.error());
        fill(value);
        out.append(std::move(value));
    }
    return out;
}

inline auto nothing = [](auto&) {};

inline Result<NoContent> noContent(const QJsonDocument&) { return NoContent {}; }

} // namespace Parsing
