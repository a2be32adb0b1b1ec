#include "accountstore.h"
#include "appcontroller.h"
#include "exportcommand.h"
#include "mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QPalette>
#include <QStyle>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {
// Light and dark schemes on the Fusion style, for platforms whose theme doesn't follow the
// desktop's dark mode, and for screenshots of both.
void applyPalette(QApplication& app, const QString& scheme)
{
    if (scheme != QLatin1String("dark") && scheme != QLatin1String("light"))
        return;
    QApplication::setStyle(QStringLiteral("Fusion"));
    if (scheme == QLatin1String("light")) {
        app.setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe7, 0xea);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9c, 0xa3));
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    p.setColor(QPalette::Mid, QColor(0x45, 0x47, 0x4d));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Light, QColor(0x50, 0x52, 0x58));
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7c, 0x83));
    app.setPalette(p);
}
} // namespace

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
    parser.addOptions({ sandbox, exitWhenShown, screenshot, palette });
    parser.process(app);
    applyPalette(app, parser.value(palette));

    AppController controller;
    if (parser.isSet(exitWhenShown)) {
        QObject::connect(controller.mainWindow(), &MainWindow::shown, &app, [] {
            std::printf("kitedeck: main window shown\n");
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    if (parser.isSet(screenshot))
        controller.saveScreenshotWhenLoaded(parser.value(screenshot));
    if (!controller.start(parser.isSet(sandbox)))
        return 1;
    return app.exec();
}
