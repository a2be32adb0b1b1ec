// SPDX-License-Identifier: MIT
#pragma once

#include "api/apiclient.h"

#include <QStringList>

// `kitedeck export --org SLUG [--api-url URL] [--output FILE]` or `kitedeck export --account NAME
// [...]`: loads every cluster with its queues and tokens and writes them as JSON. The token
// comes from BUILDKITE_API_TOKEN, else from the named account's keychain entry. Runs without
// a display. Returns the exit code.
int runExportCommand(const QStringList& arguments);
// The same with the client's transport limits given (tests make the timeouts short);
// --rate-limit-wait still sets the longest wait for a rate-limit reset.
int runExportCommand(const QStringList& arguments, const ApiClient::Options& transport);
