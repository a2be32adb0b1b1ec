// SPDX-License-Identifier: MIT
#include "modelslogging.h"

Q_LOGGING_CATEGORY(lcApi, "kitedeck.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "kitedeck.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccounts, "kitedeck.accounts", QtInfoMsg)
