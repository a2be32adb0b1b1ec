// SPDX-License-Identifier: MIT
#include "sandboxlogging.h"

// Info by default: one line per request is debug, so tests and the benchmark stay quiet.
Q_LOGGING_CATEGORY(lcSandbox, "kitedeck.sandbox", QtInfoMsg)
