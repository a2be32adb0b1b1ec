// SPDX-License-Identifier: MIT
#pragma once

#include "organizationtreemodel.h"

#include <QModelIndex>
#include <QSize>
#include <QStringList>

#include <memory>

class ApiClient;
class MainWindow;
class OrganizationSession;
class QAbstractItemModel;
class QAbstractItemModelTester;
class QNetworkAccessManager;
class SandboxServer;

// The whole window on the demo organisation, over loopback, as the GUI tests drive it: a
// seeded SandboxServer with an enterprise rate limit (a reload of the demo fits one window, so
// no test waits for a reset), an ApiClient with one of its tokens, an OrganizationSession, and a
// shown MainWindow after its first load. The tree model (and optionally the filter proxy) run
// under QAbstractItemModelTester for the whole test.
//
//     MainWindowHarness m_h;
//     void init() { m_h.open(); }          // QVERIFY inside: a failure ends the test function
//     void cleanup() { m_h.close(); }
//     m_h.window->selectId(...);
class MainWindowHarness final {
public:
    struct Options {
        QSize size { 1400, 900 };
        // A token with these scopes; empty: the sandbox's read-write token.
        QStringList scopes;
        bool testFilterProxy = false;
        // Also wait until the agents are counted (the first load lists them after the rest).
        bool waitForAgents = false;
    };

    MainWindowHarness();
    ~MainWindowHarness();
    MainWindowHarness(const MainWindowHarness&) = delete;
    MainWindowHarness& operator=(const MainWindowHarness&) = delete;

    // Builds and shows the window and waits for its first load to end without an error and for
    // the token's scopes to be known. Fails the running test (QVERIFY) otherwise.
    void open(const Options& options);
    void open() { open(Options {}); }
    // Deletes everything open() made, window first. Safe to call twice.
    void close();

    // Runs a model under QAbstractItemModelTester until close().
    void testModel(QAbstractItemModel* model);

    // Refresh as the user does (the Refresh action) and wait for it to end.
    void refresh();

    OrganizationTreeModel* model() const;
    // The first row of this kind in the window's tree as shown (through its filter proxy),
    // fetching what it walks through; invalid when there is none.
    QModelIndex firstShownOfKind(
        OrganizationTreeModel::NodeKind kind, const QModelIndex& parent = {}) const;
    // A widget as a failure message names it: its last four objectNames (or class names).
    static QString describe(const QWidget* widget);

    SandboxServer* server = nullptr;
    QNetworkAccessManager* nam = nullptr;
    ApiClient* client = nullptr;
    OrganizationSession* session = nullptr;
    MainWindow* window = nullptr;

private:
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_testers;
};
