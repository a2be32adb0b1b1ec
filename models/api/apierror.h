// SPDX-License-Identifier: MIT
#pragma once

#include <QMetaType>
#include <QNetworkReply>
#include <QString>

// The one error type of the API layer: what went wrong (kind), the HTTP status if there was one,
// and the server's own `message`, verbatim, so the UI can show Buildkite's words.
class ApiError final {
public:
    enum class Kind {
        None,
        Network, // no connection, connection refused or dropped, DNS
        Timeout, // the transfer timeout fired
        Tls, // certificate or handshake failure
        Unauthorized, // 401
        Forbidden, // 403: missing scope or not an admin/maintainer
        NotFound, // 404
        Validation, // 422
        RateLimited, // 429, after the bounded wait ran out
        Server, // 5xx
        BadResponse, // unparsable or wrongly typed JSON, unexpected status, foreign Link
        InsecureUrl, // refused before sending: not https and not loopback
    };

    ApiError() = default;
    ApiError(Kind kind, QString message, int httpStatus = 0);

    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    // The server's message verbatim when it sent one; otherwise a description of the failure.
    QString message() const { return m_message; }
    bool isError() const { return m_kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    // Whether an idempotent request may be tried again after this error.
    bool isTransient() const;

    // A few words naming the kind: "authentication", "missing scope", "network", ...
    QString kindName() const;
    // One line for a status bar, stderr or an inline error: "Rate limit: You have exceeded ..."
    QString toString() const;

    // The one mapping from a finished transfer to an error (None on 2xx).
    static ApiError fromTransfer(QNetworkReply::NetworkError error, const QString& qtErrorString,
        int httpStatus, const QByteArray& body);
    // The `message` field of a JSON error body, or a trimmed text body, or empty.
    static QString serverMessage(const QByteArray& body);

    bool operator==(const ApiError&) const = default;

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_message;
};

Q_DECLARE_METATYPE(ApiError)
