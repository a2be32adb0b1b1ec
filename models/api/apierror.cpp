// SPDX-License-Identifier: MIT
#include "apierror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

ApiError::ApiError(Kind kind, QString message, int httpStatus)
    : m_kind(kind)
    , m_httpStatus(httpStatus)
    , m_message(std::move(message))
{
}

bool ApiError::isTransient() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Server:
    case Kind::RateLimited:
        return true;
    default:
        return false;
    }
}

QString ApiError::kindName() const
{
    switch (m_kind) {
    case Kind::None:
        return tr("no error");
    case Kind::Network:
        return tr("network");
    case Kind::Timeout:
        return tr("timeout");
    case Kind::Tls:
        return tr("TLS");
    case Kind::Unauthorized:
        return tr("authentication");
    case Kind::Forbidden:
        return m_message.contains(QLatin1String("scope")) ? tr("missing scope") : tr("permission");
    case Kind::NotFound:
        return tr("not found");
    case Kind::Validation:
        return tr("validation");
    case Kind::RateLimited:
        return tr("rate limit");
    case Kind::Server:
        return tr("server");
    case Kind::BadResponse:
        return tr("bad response");
    case Kind::InsecureUrl:
        return tr("insecure URL");
    case Kind::OutcomeUnknown:
        return tr("outcome unknown");
    }
    return {};
}

QString ApiError::toString() const
{
    if (!isError())
        return {};
    QString kind = kindName();
    kind[0] = kind[0].toUpper();
    // The message may be a server's: never let it carry escapes or line breaks to a terminal.
    const QString message = displayText(m_message);
    QString text = message.isEmpty() ? kind : QStringLiteral("%1: %2").arg(kind, message);
    if (m_httpStatus > 0)
        text += QStringLiteral(" (HTTP %1)").arg(m_httpStatus);
    return text;
}

namespace {
// Bidirectional embeddings, overrides, isolates and marks: they reorder what is shown after them.
bool isBidiControl(char16_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e
        || c == 0x200f || c == 0x061c;
}

bool isControl(char16_t c) { return c < 0x20 || (c >= 0x7f && c <= 0x9f); }

// Escape sequences are removed whole: dropping only the ESC would leave "]0;title" or "[31m".
class EscapeSkipper {
public:
    explicit EscapeSkipper(const QString& text)
        : m_text(text)
    {
    }

    // At i is ESC or a C1 introducer: the index just after the sequence it starts.
    qsizetype skip(qsizetype i) const
    {
        const char16_t c = m_text.at(i).unicode();
        if (c == 0x1b) {
            if (i + 1 >= m_text.size())
                return i + 1;
            const char16_t next = m_text.at(i + 1).unicode();
            if (next == u'[')
                return skipControlSequence(i + 2);
            if (startsString(next))
                return skipString(i + 2);
            // ESC, intermediates (0x20-0x2f), one final character: "ESC ( B", "ESC 7", ...
            qsizetype j = i + 1;
            while (j < m_text.size() && m_text.at(j).unicode() >= 0x20
                && m_text.at(j).unicode() <= 0x2f)
                ++j;
            if (j < m_text.size() && m_text.at(j).unicode() >= 0x30
                && m_text.at(j).unicode() <= 0x7e)
                ++j;
            return j;
        }
        if (c == 0x9b)
            return skipControlSequence(i + 1);
        if (c == 0x90 || c == 0x98 || c == 0x9d || c == 0x9e || c == 0x9f)
            return skipString(i + 1);
        return i + 1;
    }

private:
    // OSC, DCS, SOS, PM and APC carry a string up to BEL or the string terminator.
    static bool startsString(char16_t c)
    {
        return c == u']' || c == u'P' || c == u'X' || c == u'^' || c == u'_';
    }

    // CSI: parameters and intermediates (0x20-0x3f), then one final character (0x40-0x7e).
    qsizetype skipControlSequence(qsizetype j) const
    {
        while (
            j < m_text.size() && m_text.at(j).unicode() >= 0x20 && m_text.at(j).unicode() <= 0x3f)
            ++j;
        if (j < m_text.size() && m_text.at(j).unicode() >= 0x40 && m_text.at(j).unicode() <= 0x7e)
            ++j;
        return j;
    }

    qsizetype skipString(qsizetype j) const
    {
        while (j < m_text.size()) {
            const char16_t c = m_text.at(j).unicode();
            if (c == 0x07 || c == 0x9c)
                return j + 1;
            if (c == 0x1b)
                return j + 1 < m_text.size() && m_text.at(j + 1) == u'\\' ? j + 2 : j + 1;
            ++j;
        }
        return j;
    }

    const QString& m_text;
};
} // namespace

QString ApiError::displayText(const QString& text, qsizetype maxLength)
{
    if (maxLength <= 0)
        return {};
    QString out;
    out.reserve(qMin(text.size(), maxLength + 1));
    const EscapeSkipper escapes(text);
    bool space = false;
    qsizetype i = 0;
    // One character past the limit is enough to know the text has to be cut.
    while (i < text.size() && out.size() <= maxLength) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u == 0x1b || u == 0x9b || u == 0x90 || u == 0x98 || u == 0x9d || u == 0x9e
            || u == 0x9f) {
            i = escapes.skip(i);
            continue;
        }
        ++i;
        if (c.isSpace()) { // tabs, newlines, NEL, line and paragraph separators, ...
            space = !out.isEmpty();
            continue;
        }
        if (isControl(u) || isBidiControl(u))
            continue;
        if (space)
            out += QLatin1Char(' ');
        space = false;
        out += c;
    }
    if (out.size() > maxLength) {
        qsizetype keep = maxLength - 1;
        if (keep > 0 && out.at(keep - 1).isHighSurrogate())
            --keep; // never split a character in two
        out.truncate(keep);
        out += QChar(0x2026);
    }
    return out;
}

namespace {
// The name of an HTTP status ("Bad gateway" for 502), for an answer that carries no message of
// its own; "The server gave no reason" for a status without a common name.
QString statusText(int status)
{
    switch (status) {
    case 400:
        return ApiError::tr("Bad request");
    case 401:
        return ApiError::tr("Unauthorized");
    case 403:
        return ApiError::tr("Forbidden");
    case 404:
        return ApiError::tr("Nothing at that address"); // the kind already says "Not found"
    case 408:
        return ApiError::tr("Request timeout");
    case 409:
        return ApiError::tr("Conflict");
    case 422:
        return ApiError::tr("Unprocessable content");
    case 429:
        return ApiError::tr("Too many requests");
    case 500:
        return ApiError::tr("Internal server error");
    case 501:
        return ApiError::tr("Not implemented");
    case 502:
        return ApiError::tr("Bad gateway");
    case 503:
        return ApiError::tr("Service unavailable");
    case 504:
        return ApiError::tr("Gateway timeout");
    default:
        break;
    }
    return ApiError::tr("The server gave no reason");
}
} // namespace

ApiError ApiError::outcomeUnknown(const ApiError& cause, QNetworkReply::NetworkError qtError)
{
    if (cause.kind() == Kind::Timeout)
        return { Kind::OutcomeUnknown,
            tr("The server did not answer in time; the change may or may not have been made") };
    if (qtError == QNetworkReply::RemoteHostClosedError
        || qtError == QNetworkReply::ContentReSendError)
        return { Kind::OutcomeUnknown,
            tr("The server closed the connection before answering; the change may or may not "
               "have been made") };
    return { Kind::OutcomeUnknown,
        tr("The connection failed before the server answered (%1); the change may or may not "
           "have been made")
            .arg(cause.message()) };
}

ApiError ApiError::unreadableAnswer(const ApiError& cause)
{
    ApiError error(Kind::OutcomeUnknown,
        tr("Buildkite answered that it made the change, but its answer could not be read (%1)")
            .arg(cause.message()),
        cause.httpStatus());
    error.m_answerArrived = true;
    return error;
}

QString ApiError::serverMessage(const QByteArray& body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonValue message = doc.object().value(QLatin1StringView("message"));
        if (message.isString())
            return message.toString();
        return {};
    }
    // Proxies and load balancers answer with HTML or plain text: keep a short, readable part.
    QString text = QString::fromUtf8(body).simplified();
    if (text.startsWith(QLatin1Char('<')))
        return {};
    // 200 characters, never half of one: a cut through a surrogate pair left a lone surrogate
    // (found by fuzz/fuzz_errorbody.cpp).
    qsizetype keep = qMin<qsizetype>(text.size(), 200);
    if (keep < text.size() && keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    text.truncate(keep);
    return text;
}

ApiError ApiError::fromTransfer(QNetworkReply::NetworkError error, const QString& qtErrorString,
    int status, const QByteArray& body)
{
    if (status >= 200 && status < 300 && error == QNetworkReply::NoError)
        return {};
    if (status > 0) {
        QString message = serverMessage(body);
        // No words of the server's own (an HTML error page, an empty body): the status's name,
        // since toString() adds the number itself ("Server: Bad gateway (HTTP 502)").
        if (message.isEmpty())
            message = statusText(status);
        if (status == 401)
            return { Kind::Unauthorized, message, status };
        if (status == 403)
            return { Kind::Forbidden, message, status };
        if (status == 404)
            return { Kind::NotFound, message, status };
        if (status == 422)
            return { Kind::Validation, message, status };
        if (status == 429)
            return { Kind::RateLimited, message, status };
        if (status >= 500)
            return { Kind::Server, message, status };
        if (status >= 300 && status < 400)
            return { Kind::BadResponse, tr("Refused a redirect to another origin"), status };
        if (status >= 400)
            return { Kind::BadResponse, message, status };
        // A 2xx with a transport error: the connection dropped mid-response.
    }
    switch (error) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        // A transfer timeout surfaces as OperationCanceledError in Qt 6.
        return { Kind::Timeout, tr("The request timed out") };
    case QNetworkReply::SslHandshakeFailedError:
        return { Kind::Tls, qtErrorString };
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::TooManyRedirectsError:
        return { Kind::BadResponse, tr("Refused a redirect to another origin") };
    default:
        break;
    }
    return { Kind::Network, qtErrorString.isEmpty() ? tr("Network error") : qtErrorString };
}
