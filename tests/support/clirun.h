// Runs the built peering-wizard binary as a user would from a shell, for the command-line tests.
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

namespace Peering::TestSupport {

struct CliRun
{
    int exitCode = -1; // -1: crashed or did not finish (a guard against hangs, not a speed test)
    QByteArray out;
    QByteArray err;
};

// input, when not null, is written to standard input; env defaults to this process's environment.
CliRun runCli(const QString &program, const QStringList &args, const QByteArray &input = {},
              const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

} // namespace Peering::TestSupport
