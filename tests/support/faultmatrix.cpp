// SPDX-License-Identifier: MIT
#include "faultmatrix.h"

#include "sandboxserver.h"

#include <QAbstractEventDispatcher>
#include <QEventLoop>
#include <QRegularExpression>
#include <QTimer>

namespace FaultMatrix {

QList<Fault> allFaults()
{
    return { Fault::Unauthorized, Fault::Forbidden, Fault::NotFound, Fault::Validation,
        Fault::RateLimitedOnce, Fault::RateLimitedNoReset, Fault::ServerError,
        Fault::BadGatewayHtml, Fault::Unavailable, Fault::Timeout, Fault::ResetMidBody,
        Fault::TruncatedJson, Fault::WrongTypes, Fault::Oversized };
}

QString name(Fault fault)
{
    switch (fault) {
    case Fault::Unauthorized:
        return QStringLiteral("401");
    case Fault::Forbidden:
        return QStringLiteral("403");
    case Fault::NotFound:
        return QStringLiteral("404");
    case Fault::Validation:
        return QStringLiteral("422");
    case Fault::RateLimitedOnce:
        return QStringLiteral("429 reset");
    case Fault::RateLimitedNoReset:
        return QStringLiteral("429 no reset");
    case Fault::ServerError:
        return QStringLiteral("500");
    case Fault::BadGatewayHtml:
        return QStringLiteral("502 HTML");
    case Fault::Unavailable:
        return QStringLiteral("503");
    case Fault::Timeout:
        return QStringLiteral("timeout");
    case Fault::ResetMidBody:
        return QStringLiteral("reset mid-body");
    case Fault::TruncatedJson:
        return QStringLiteral("truncated JSON");
    case Fault::WrongTypes:
        return QStringLiteral("wrong types");
    case Fault::Oversized:
        return QStringLiteral("oversized");
    }
    return {};
}

void inject(SandboxServer& server, Fault fault, const QString& pattern, const QByteArray& verb,
    const QString& scope)
{
    constexpr auto escaped = SandboxServer::ControlCharacters::JsonEscaped;
    switch (fault) {
    case Fault::Unauthorized:
        server.failWithMessage(pattern, 401, unauthorizedMessage().toUtf8(), -1, verb, escaped);
        return;
    case Fault::Forbidden:
        server.failWithMessage(pattern, 403, forbiddenMessage(scope).toUtf8(), -1, verb, escaped);
        return;
    case Fault::NotFound:
        server.failWithMessage(pattern, 404, notFoundMessage().toUtf8(), -1, verb, escaped);
        return;
    case Fault::Validation:
        server.failWithMessage(pattern, 422, validationMessage().toUtf8(), -1, verb, escaped);
        return;
    case Fault::RateLimitedOnce: {
        // Reset 0: the window has just turned, so the retry comes after the margin and jitter
        // alone and the matrix stays fast. Waiting out a longer reset is tst_apiclient's.
        SandboxServer::RateLimitAnswer answer;
        answer.reset = 0;
        answer.resetHeader = QByteArrayLiteral("0");
        server.rateLimitPath(pattern, answer, 1, verb);
        return;
    }
    case Fault::RateLimitedNoReset: {
        SandboxServer::RateLimitAnswer answer;
        answer.reset.reset();
        answer.resetHeader.reset();
        server.rateLimitPath(pattern, answer, -1, verb);
        return;
    }
    case Fault::ServerError:
        server.failPath(pattern, 500, {}, -1, verb);
        return;
    case Fault::BadGatewayHtml:
        server.html502(pattern, -1, verb);
        return;
    case Fault::Unavailable:
        server.failPath(pattern, 503, {}, -1, verb);
        return;
    case Fault::Timeout:
        server.dripResponse(pattern, 60000, -1, verb);
        return;
    case Fault::ResetMidBody:
        server.resetMidBody(pattern, -1, verb);
        return;
    case Fault::TruncatedJson:
        server.truncateJson(pattern, -1, verb);
        return;
    case Fault::WrongTypes:
        server.wrongTypes(pattern, -1, verb);
        return;
    case Fault::Oversized:
        server.oversizedBody(pattern, 2, -1, verb);
        return;
    }
}

QString unauthorizedMessage()
{
    return QStringLiteral("Authentication required. Please supply a valid API Access Token: "
                          "https://buildkite.com/docs/apis/rest-api#authentication");
}

QString forbiddenMessage(const QString& scope)
{
    return QStringLiteral("Your access token doesn't have the %1 scope").arg(scope);
}

QString notFoundMessage() { return QStringLiteral("Not Found"); }

QString validationMessage() { return QStringLiteral("Validation failed: Name can't be blank"); }

QString rateLimitMessage()
{
    return QStringLiteral(
        "You have exceeded your API rate limit. Please wait a few seconds before making more "
        "requests.");
}

ApiClient::Options fastOptions()
{
    ApiClient::Options o;
    o.transferTimeoutMs = 500;
    o.attemptDeadlineMs = 5000;
    o.maxRetries = 1;
    o.backoffBaseMs = 10;
    o.backoffMaxMs = 20;
    o.rateLimitMarginMs = 20;
    o.rateLimitJitterMs = 20;
    o.maxResponseBytes = 1024 * 1024;
    return o;
}

QString capText() { return QStringLiteral("1 MiB"); }

bool waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    // The dispatcher is about to wait: what was pending has been handled.
    const QMetaObject::Connection check = QObject::connect(
        QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, &loop, [&] {
            if (done())
                loop.quit();
        });
    deadline.start(timeoutMs);
    loop.exec();
    QObject::disconnect(check);
    return done();
}

bool matches(const QString& text, const QString& expected)
{
    QStringList parts = expected.split(QStringLiteral("%*"));
    for (QString& part : parts)
        part = QRegularExpression::escape(part);
    const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(parts.join(QStringLiteral(".*"))),
        QRegularExpression::DotMatchesEverythingOption);
    return pattern.match(text).hasMatch();
}

} // namespace FaultMatrix
