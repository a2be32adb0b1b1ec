#pragma once

#include <QStringList>

// `kitedeck export --org SLUG [--api-url URL] [--output FILE]`: loads every cluster with its
// queues and tokens and writes them as JSON. Runs without a display. Returns the exit code.
int runExportCommand(const QStringList& arguments);
