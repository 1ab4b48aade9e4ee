// Reading and writing the native document format "peering-onboarding/1" from bytes and files,
// with bounded input size and one clear error for anything unreadable.
#pragma once

#include "domain/onboarding.h"
#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace Peering {

class OnboardingDocument
{
    Q_DECLARE_TR_FUNCTIONS(Peering::OnboardingDocument)
public:
    static constexpr const char *Format = Onboarding::DocumentFormat;
    // Far above any real onboarding (a 64-connection, 2,000-prefix document is about 1 MiB).
    static constexpr qint64 MaxBytes = 16ll * 1024 * 1024;

    static Result<Onboarding> parse(const QByteArray &bytes);
    static Result<Onboarding> readFile(const QString &fileName);
    // Standard input ("-").
    static Result<Onboarding> readStandardInput();
    // How long a read waits for data that does not come (a FIFO or pipe that no program writes
    // to) before it gives up with an error: 30 s, or PEERING_INPUT_TIMEOUT seconds.
    static int inputTimeoutMs();

    static QByteArray serialize(const Onboarding &onboarding, bool includeSecrets = true);
    // Writes atomically (SafeFile): the old file stays whole if anything fails.
    static Status writeFile(const Onboarding &onboarding, const QString &fileName,
                            bool includeSecrets = true);
};

} // namespace Peering
