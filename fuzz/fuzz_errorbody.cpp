// SPDX-License-Identifier: MIT
// ApiError under libFuzzer: the one mapping from a finished transfer (status, Qt error, body) to
// an error, the server message taken from a body, and displayText(), which makes a server's text
// safe to print. The first bytes choose the status, the Qt error and a length limit; the rest is
// the body. The checks are displayText()'s promises: one line, no control characters, no
// bidirectional overrides, within the limit.
#include "api/apierror.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void check(bool condition, const char* what, const QString& text)
{
    if (!condition) {
        fprintf(stderr, "fuzz check failed: %s: \"%s\"\n", what, qPrintable(text));
        abort();
    }
}

bool isBidiControl(char16_t c)
{
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e
        || c == 0x200f || c == 0x061c;
}

bool hasLoneSurrogate(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && (i + 1 == text.size() || !text.at(i + 1).isLowSurrogate()))
            return true;
        if (c.isLowSurrogate() && (i == 0 || !text.at(i - 1).isHighSurrogate()))
            return true;
    }
    return false;
}

// What displayText() promises of what it returns; `from` is what it was given.
void checkDisplayable(const QString& text, qsizetype maxLength, const QString& from)
{
    // A cut never splits a character in two.
    check(hasLoneSurrogate(from) || !hasLoneSurrogate(text), "a character split", text);
    check(text.size() <= qMax<qsizetype>(maxLength, 0), "longer than its limit", text);
    check(text == text.trimmed(), "space at an end", text);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        check(u >= 0x20 && !(u >= 0x7f && u <= 0x9f), "a control character", text);
        check(!isBidiControl(u), "a bidirectional control", text);
        check(u == 0x20 || !c.isSpace(), "a line break or tab", text);
    }
    check(!text.contains(QLatin1String("  ")), "two spaces in a row", text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 3)
        return 0;
    // 0 (no HTTP status: a transport failure), or 100 to 599.
    const int status = data[0] == 0 ? 0 : 100 + (data[0] * 2 + (data[1] & 1)) % 500;
    const auto qtError = QNetworkReply::NetworkError(data[1] >> 1);
    const qsizetype maxLength = data[2];
    const QByteArray body
        = QByteArray(reinterpret_cast<const char*>(data + 3), qsizetype(size - 3));

    const QString message = ApiError::serverMessage(body);
    // QString::fromUtf8 never makes a lone surrogate, so one in a message read from text (not a
    // JSON escape) was made by cutting the text short.
    if (!QJsonDocument::fromJson(body).isObject())
        check(!hasLoneSurrogate(message), "serverMessage() split a character", message);
    const ApiError error
        = ApiError::fromTransfer(qtError, QString::fromUtf8(body.left(64)), status, body);
    if (status >= 200 && status < 300 && qtError == QNetworkReply::NoError)
        check(!error.isError(), "a 2xx without a transport error is an error", error.message());
    else
        check(error.isError(), "a failure mapped to no error", message);

    const QString line = error.toString();
    for (const QChar c : line)
        check(c.unicode() >= 0x20 && c != QChar(0x2028) && c != QChar(0x2029),
            "toString() is not one printable line", line);
    (void)error.kindName();
    (void)error.isTransient();
    const ApiError unknown = ApiError::outcomeUnknown(error, qtError);
    check(unknown.kind() == ApiError::Kind::OutcomeUnknown, "outcomeUnknown() of another kind",
        unknown.message());

    checkDisplayable(ApiError::displayText(message, maxLength), maxLength, message);
    const QString text = QString::fromUtf8(body);
    checkDisplayable(ApiError::displayText(text, maxLength), maxLength, text);
    // The body as UTF-16 code units too: lone surrogates, every control, every override.
    const QString raw(reinterpret_cast<const QChar*>(body.constData()), body.size() / 2);
    checkDisplayable(ApiError::displayText(raw, maxLength), maxLength, raw);
    return 0;
}
