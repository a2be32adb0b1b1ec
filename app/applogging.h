// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// The logging categories of kitedeck_app, defined once in applogging.cpp.

// "kitedeck.app": start-up, the sandbox, screenshots.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
// "kitedeck.keychain": the OS keychain behind KeychainSecretStore (account ids, never secrets).
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
