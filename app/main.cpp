#include "exportcommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLabel>
#include <QMainWindow>

#include <cstdio>
#include <cstring>

int main(int argc, char* argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Kitedeck"));
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
        if (std::strcmp(argv[i], "--has-account") == 0)
            return 1;
    }

    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Kitedeck"));
    window.setCentralWidget(new QLabel(QStringLiteral("Kitedeck"), &window));
    window.resize(1200, 760);
    window.show();
    return app.exec();
}
