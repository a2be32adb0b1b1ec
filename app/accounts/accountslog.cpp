#include "accountslog.h"

Q_LOGGING_CATEGORY(lcAccounts, "kitedeck.accounts", QtInfoMsg)
