// The command-line front end: the same binary as the GUI, run with a command
// (validate, export, ...). Every command reads and writes through the model layer.
#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace Peering {

class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(Peering::CommandLine)
public:
    enum Exit { Ok = 0, Findings = 1, BadInput = 2 };

    // True when the arguments ask for a command (or --help / --version) rather than the GUI.
    static bool wantsCommand(const QStringList &arguments);
    // True when the command draws with Qt Gui (PDF exports) and so needs a QGuiApplication.
    static bool needsGui(const QStringList &arguments);

    // arguments include the program name, as QCoreApplication::arguments() gives them.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

    // Global usage text (the list of commands).
    static QString usage();
};

} // namespace Peering
