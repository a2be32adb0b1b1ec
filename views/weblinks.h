// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

// Opening Buildkite pages in the browser from anywhere in the views (the panes, the tree's
// context menu): only http(s) URLs with a host, never anything the API could smuggle in as
// another scheme.
namespace WebLinks {
bool isWebUrl(const QString& url);
bool open(const QString& url);
} // namespace WebLinks
