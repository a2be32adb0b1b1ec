// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// The logging categories of kitedeck_models, defined once in modelslogging.cpp. None of them
// ever logs a token, an Authorization header or a query string.

// "kitedeck.api": one line per request (verb, path, status, milliseconds) and the retries.
Q_DECLARE_LOGGING_CATEGORY(lcApi)
// "kitedeck.models": loads, merges and writes of an organisation.
Q_DECLARE_LOGGING_CATEGORY(lcModels)
// "kitedeck.accounts": sign-in, switching and sign-out, by account id and organisation slug.
Q_DECLARE_LOGGING_CATEGORY(lcAccounts)
