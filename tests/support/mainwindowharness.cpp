// SPDX-License-Identifier: MIT
#include "mainwindowharness.h"

#include "api/apiclient.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/mainwindowactions.h"
#include "mainwindow/navigationfilterproxy.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

MainWindowHarness::MainWindowHarness() = default;

MainWindowHarness::~MainWindowHarness() { close(); }

namespace {
// A load of the demo organisation takes about a second; under the sanitizers, on a busy machine,
// it took over 20 s. The waits end as soon as the load does, so a long one costs nothing.
constexpr int loadWait = 90000;
} // namespace

void MainWindowHarness::open(const Options& options)
{
    close();
    server = new SandboxServer;
    server->seedDemo();
    server->setRateLimit(1000);
    QVERIFY(server->listen());
    nam = new QNetworkAccessManager;
    client = new ApiClient(nam);
    QVERIFY(!client->setBaseUrl(server->baseUrl()));
    client->setToken(
        options.scopes.isEmpty() ? server->readWriteToken() : server->addApiToken(options.scopes));
    session = new OrganizationSession(client, server->organization());
    testModel(session->treeModel());
    window = new MainWindow;
    window->resize(options.size);
    QSignalSpy refreshed(session, &OrganizationSession::refreshFinished);
    window->setSession(session);
    if (options.testFilterProxy)
        testModel(window->filterProxy());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(refreshed.wait(loadWait));
    QVERIFY(!refreshed.constFirst().constFirst().value<ApiError>());
    QTRY_VERIFY(session->accessToken().has_value());
    if (options.waitForAgents)
        QTRY_VERIFY_WITH_TIMEOUT(!session->isRefreshingAgents(), loadWait);
}

void MainWindowHarness::close()
{
    // The window first: it holds the session's models in its views.
    delete window;
    window = nullptr;
    m_testers.clear();
    delete session;
    session = nullptr;
    delete client;
    client = nullptr;
    delete nam;
    nam = nullptr;
    delete server;
    server = nullptr;
}

void MainWindowHarness::testModel(QAbstractItemModel* model)
{
    m_testers.push_back(std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::QtTest));
}

void MainWindowHarness::refresh()
{
    QSignalSpy refreshed(session, &OrganizationSession::refreshFinished);
    window->actions()->refresh()->trigger();
    QVERIFY(refreshed.wait(loadWait));
}

OrganizationTreeModel* MainWindowHarness::model() const { return session->treeModel(); }

QModelIndex MainWindowHarness::firstShownOfKind(
    OrganizationTreeModel::NodeKind kind, const QModelIndex& parent) const
{
    QAbstractItemModel* shown = window->navigationTree()->model();
    if (shown->canFetchMore(parent))
        shown->fetchMore(parent);
    for (int row = 0; row < shown->rowCount(parent); ++row) {
        const QModelIndex index = shown->index(row, 0, parent);
        if (index.data(OrganizationTreeModel::KindRole).value<OrganizationTreeModel::NodeKind>()
            == kind)
            return index;
        if (const QModelIndex found = firstShownOfKind(kind, index); found.isValid())
            return found;
    }
    return {};
}

QString MainWindowHarness::describe(const QWidget* widget)
{
    if (!widget)
        return QStringLiteral("(nothing)");
    QStringList path;
    for (const QObject* o = widget; o; o = o->parent()) {
        path.prepend(o->objectName().isEmpty() ? QLatin1String(o->metaObject()->className())
                                               : o->objectName());
        if (path.size() == 4)
            break;
    }
    return path.join(QLatin1Char('/'));
}
