#pragma once

#include <QLoggingCategory>

// "kitedeck.accounts": sign-in, switching and sign-out. Logs account ids and organisation
// slugs, never a token.
Q_DECLARE_LOGGING_CATEGORY(lcAccounts)
