// SPDX-License-Identifier: MIT
#pragma once

#include "api/apiclient.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class SandboxServer;

// What the fault-matrix tests share (tests/models/tst_faultmatrix: the session's endpoints,
// tests/app/tst_faultmatrix_export: `kitedeck export`): the faults, how each is put into the
// sandbox, the Buildkite messages the 4xx faults carry, and client options that make the
// timeouts and retries fast enough to run every cell.
namespace FaultMatrix {

enum class Fault {
    Unauthorized, // 401 with Buildkite's JSON message
    Forbidden, // 403, the missing-scope message of the endpoint's scope
    NotFound, // 404 {"message":"Not Found"}
    Validation, // 422 with a validation message
    RateLimitedOnce, // one 429 with reset 0 in its body and headers, then the real answer
    RateLimitedNoReset, // 429 on every attempt, with no reset in body or headers
    ServerError, // 500 {"message":"Internal Server Error"}
    BadGatewayHtml, // 502 with a proxy's HTML page
    Unavailable, // 503 {"message":"Service Unavailable"}
    Timeout, // carried out, then its answer leaves one byte a minute (past the silence timeout)
    ResetMidBody, // carried out, then the headers and half of the body, then the connection closes
    TruncatedJson, // carried out; its JSON cut in half with a matching Content-Length
    WrongTypes, // carried out; every field of its JSON of the wrong type
    Oversized, // 200 whose Content-Length is past the client's cap; never carried out
};

QList<Fault> allFaults();
// A short name, for row names and the README table ("401", "429 once (reset 0)", ...).
QString name(Fault fault);

// Puts the fault on every request with this verb (empty: any) whose decoded path matches
// pattern. scope names the scope a 403 says is missing.
void inject(SandboxServer& server, Fault fault, const QString& pattern, const QByteArray& verb,
    const QString& scope);

// The messages the 4xx faults carry, as Buildkite words them.
QString unauthorizedMessage();
QString forbiddenMessage(const QString& scope);
QString notFoundMessage();
QString validationMessage();
QString rateLimitMessage(); // the 429 without a reset

// The client's limits, made small: a silence timeout of 0.5 s, one retry 10 ms later, a 429
// margin and jitter of 20 ms, and a 1 MiB body cap (the oversized fault sends 2 MiB).
ApiClient::Options fastOptions();
// The cap above, as the size error words it.
QString capText();

// Runs the event loop until done() holds, for at most timeoutMs; done() once more at the end.
// QTest::qWaitFor sleeps 10 ms between passes of the event loop, and with the sandbox answering
// in this same thread every step of every request (accept, read, answer, read the answer) waited
// out one such sleep: most of the matrix's run time. This blocks in the event dispatcher instead
// and checks done() each time the events at hand have been handled.
bool waitUntil(const std::function<bool()>& done, int timeoutMs);

// Whether text matches expected, where "%*" in expected stands for any run of characters.
bool matches(const QString& text, const QString& expected);

} // namespace FaultMatrix
