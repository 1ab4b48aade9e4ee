// peering-wizard: with a command it runs the command line, otherwise it opens the window.
#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("peering-wizard"));
    QCoreApplication::setApplicationName(QStringLiteral("peering-wizard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PEERING_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    if (Peering::CommandLine::wantsCommand(arguments)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QTextStream out(stdout);
        QTextStream err(stderr);
        return Peering::CommandLine::run(QCoreApplication::arguments(), out, err);
    }

    if (!haveDisplay()) {
        std::fputs("peering-wizard: no display to open the window on (DISPLAY is not set); use the "
                   "command line instead, e.g. peering-wizard validate FILE (see peering-wizard "
                   "--help)\n",
                   stderr);
        return 2;
    }

    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QObject::tr("Peering Onboarding Wizard"));
    Peering::MainWindow window;
    for (const QString &a : QCoreApplication::arguments().mid(1))
        if (!a.startsWith(u'-'))
            window.openDocument(a);
    window.show();
    return app.exec();
}
