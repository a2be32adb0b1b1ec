// SPDX-License-Identifier: MIT
#include "accounts/accountstore.h"
#include "appcontroller.h"
#include "exportcommand.h"
#include "keychainsecretstore.h"
#include "kitedeckversion.h"
#include "mainwindow/mainwindow.h"
#include "palette.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <cstring>

int main(int argc, char* argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Kitedeck"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("kitedeck.dev"));
    QCoreApplication::setApplicationName(QStringLiteral("Kitedeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KITEDECK_VERSION));

    // Commands that need no display run on a QCoreApplication.
    if (argc > 1 && std::strcmp(argv[1], "export") == 0) {
        QCoreApplication app(argc, argv);
        return runExportCommand(app.arguments());
    }
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0) {
            std::printf("kitedeck %s\n", KITEDECK_VERSION);
            return 0;
        }
        // Exit status 0 when at least one account is configured (used by scripts/run.sh).
        // Session-only accounts never reach the settings, so this sees saved ones only.
        if (std::strcmp(argv[i], "--has-account") == 0)
            return AccountStore().hasSavedAccounts() ? 0 : 1;
    }

    QApplication app(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("dev.kitedeck.Kitedeck"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Manage Buildkite clusters, queues and agent tokens.\n"
                       "Also: kitedeck export --help"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
        QStringLiteral("Open the built-in demo organisation (a local Buildkite API on loopback)."));
    const QCommandLineOption exitWhenShown(QStringLiteral("exit-when-shown"),
        QStringLiteral("Quit as soon as the main window is shown (for package checks)."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral(
            "Save a picture of the main window once the organisation has loaded, then quit."),
        QStringLiteral("file.png"));
    const QCommandLineOption palette(QStringLiteral("palette"),
        QStringLiteral("Colour scheme: system (default), light or dark."), QStringLiteral("scheme"),
        QStringLiteral("system"));
    const QCommandLineOption apiUrl(QStringLiteral("api-url"),
        QStringLiteral("Open an organisation of this API (https://, or http:// on loopback) with "
                       "the token in BUILDKITE_API_TOKEN, for this run only: nothing is saved. "
                       "Needs --org."),
        QStringLiteral("url"));
    const QCommandLineOption org(QStringLiteral("org"),
        QStringLiteral("The organisation's slug, with --api-url."), QStringLiteral("slug"));
    const QCommandLineOption select(QStringLiteral("select"),
        QStringLiteral("With --screenshot: what to show (organization[:queues|:tokens], "
                       "cluster:NAME, queues:NAME, tokens:NAME, queue:KEY, filter:TEXT)."),
        QStringLiteral("what"));
    parser.addOptions({ sandbox, exitWhenShown, screenshot, palette, apiUrl, org, select });
    parser.process(app);
    bool schemeOk = false;
    const Palette::Scheme scheme = Palette::schemeFromName(parser.value(palette), &schemeOk);
    if (!schemeOk) {
        std::fprintf(stderr, "kitedeck: --palette takes system, light or dark\n");
        return 2;
    }
    Palette::apply(app, scheme);

    KeychainSecretStore keychain;
    AppController controller(&keychain);
    if (parser.isSet(exitWhenShown)) {
        QObject::connect(controller.mainWindow(), &MainWindow::shown, &app, [] {
            std::printf("kitedeck: main window shown\n");
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    if (parser.isSet(screenshot))
        controller.saveScreenshotWhenLoaded(parser.value(screenshot));
    if (parser.isSet(select))
        controller.setScreenshotSelection(parser.value(select));
    if (parser.isSet(apiUrl) || parser.isSet(org)) {
        QString error;
        if (parser.isSet(sandbox))
            error = QStringLiteral("--api-url and --sandbox exclude each other");
        else if (!parser.isSet(apiUrl))
            error = QStringLiteral("--org needs --api-url URL");
        else
            controller.startOnApi(QUrl(parser.value(apiUrl)), parser.value(org), &error);
        if (!error.isEmpty()) {
            std::fprintf(stderr, "kitedeck: %s\n", qPrintable(error));
            return 2;
        }
    } else if (!controller.start(parser.isSet(sandbox))) {
        return 1;
    }
    return app.exec();
}
