// An onboarding as the store holds it: the document plus the row version that optimistic
// concurrency checks on save, and who changed it last.
#pragma once

#include "domain/onboarding.h"
#include "md5keychain.h"

#include <QDateTime>

namespace Peering {

struct StoredOnboarding
{
    qint64 id = 0; // the store's key; survives renames
    int version = 0; // bumped on every save; a save names the version it started from
    QString createdBy;
    QDateTime createdAt;
    QString updatedBy;
    QDateTime updatedAt;
    Onboarding onboarding;
    // After a save: where its MD5 keys went (the keychain, or dropped and why).
    Md5Keychain::Outcome secrets;
    QString renamedFrom; // after a save that renamed it: the name it had
};

} // namespace Peering
