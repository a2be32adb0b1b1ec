// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QNetworkReply>
#include <QString>

// The one error type of the API layer: what went wrong (kind), the HTTP status if there was one,
// and the server's own `message`, verbatim, so the UI can show Buildkite's words. message() is the
// raw text; toString() is the form safe to print (see displayText()).
//
// OutcomeUnknown, for callers of writes: a POST, PUT, PATCH or DELETE was sent and no answer came
// back (the server closed the connection, or the timeout or deadline ran out). The server may
// have made the change or not, so it is neither a success nor a failure: re-read what the write
// touched (list the collection again) and show what is there, rather than reporting a failure
// that may be false or sending the write again (a second POST mints a second token). The client
// never retries it, and prevents the transport from re-sending it on its own.
class ApiError final {
    Q_DECLARE_TR_FUNCTIONS(ApiError)

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
        OutcomeUnknown, // a write was sent and not answered: it may or may not have been applied
    };

    ApiError() = default;
    ApiError(Kind kind, QString message, int httpStatus = 0);

    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    // The server's message verbatim when it sent one; otherwise a description of the failure.
    QString message() const { return m_message; }
    bool isError() const { return m_kind != Kind::None; }
    // OutcomeUnknown only: an answer did arrive (a 2xx whose body could not be read), as opposed
    // to none at all (the connection closed, the time ran out). What the user is told next, once
    // the change has been read back, depends on it: "did not answer" would be false here.
    bool answerArrived() const { return m_answerArrived; }
    explicit operator bool() const { return isError(); }
    // Whether an idempotent request may be tried again after this error.
    bool isTransient() const;

    // A few words naming the kind: "authentication", "missing scope", "network", ...
    QString kindName() const;
    // One line for a status bar, stderr or an inline error: "Rate limit: You have exceeded ...".
    // The message goes through displayText(), so a server's text cannot drive a terminal.
    QString toString() const;

    // Text from a server made safe to show on one line: escape sequences (CSI, OSC, DCS, ...) and
    // every other C0/C1 control and bidirectional override removed, whitespace runs (newlines
    // included) collapsed to one space, trimmed, and at most maxLength characters (an ellipsis
    // marks a cut).
    static QString displayText(const QString& text, qsizetype maxLength = 300);
    // The error for a write that was sent and not answered. cause is what the transfer reported
    // (Network or Timeout), qtError the transport's own code, both to word the message.
    static ApiError outcomeUnknown(const ApiError& cause, QNetworkReply::NetworkError qtError);
    // The error for a write that Buildkite answered with a 2xx status (it made the change) whose
    // answer then could not be read: cut short, malformed or wrongly typed. What the change made
    // is unknown all the same, so it is OutcomeUnknown: the caller reads back what it touched.
    static ApiError unreadableAnswer(const ApiError& cause);

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
    bool m_answerArrived = false;
};

Q_DECLARE_METATYPE(ApiError)
