// What happened to one document of an import: stored (created or replaced) or refused, and why.
#pragma once

#include "storeerror.h"

#include <optional>

namespace Peering {

struct ImportOutcome
{
    enum class Action { Created, Replaced, Refused };

    QString name;
    Action action = Action::Refused;
    int version = 0; // the stored version when created or replaced
    std::optional<StoreError> error; // when refused
    int secretsLeftOut = 0; // MD5 keys kept neither in the store nor in the keychain
    int secretsKept = 0; // MD5 keys moved to the desktop keychain
    QString secretsReason; // why keys were left out: the keychain's answer
};

} // namespace Peering
