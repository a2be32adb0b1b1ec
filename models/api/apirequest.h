// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QUrlQuery>

#include <optional>

// What a request type hands the client: verb, path (segments already percent-encoded), query and
// JSON body. Request types build these; only ApiClient turns them into network traffic.
struct ApiRequest {
    QByteArray verb = "GET";
    QString path;
    QUrlQuery query;
    std::optional<QJsonObject> body;
    // A list endpoint: the client asks per_page=100 and follows Link rel="next" to the end,
    // handing back one JSON array of every page's items.
    bool paged = false;

    bool isIdempotent() const { return verb == "GET"; }
    // Percent-encodes one path segment (an org slug or an id from the server).
    static QString segment(const QString& value);
    // "/v2/organizations/<org>" + the given segments, each encoded.
    static QString organizationPath(
        const QString& org, std::initializer_list<QString> segments = {});
};

Q_DECLARE_METATYPE(ApiRequest)
