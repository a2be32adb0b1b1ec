// SPDX-License-Identifier: MIT
#include "applogging.h"

Q_LOGGING_CATEGORY(lcApp, "kitedeck.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "kitedeck.keychain", QtInfoMsg)
