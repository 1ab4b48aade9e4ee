// An unfinished wizard, saved on every change so that it can be offered again on the next start.
// Drafts belong to the user who made them (a team store holds everyone's).
#pragma once

#include "domain/onboarding.h"
#include "md5keychain.h"

#include <QDateTime>

namespace Peering {

struct StoredDraft
{
    QString id; // chosen by the caller (e.g. a UUID per wizard session)
    QString owner; // the user name
    int baseVersion = 0; // the stored onboarding's version the draft started from; 0 for a new one
    QDateTime updatedAt;
    Onboarding onboarding;
    Md5Keychain::Outcome secrets; // after a save: where its MD5 keys went
};

} // namespace Peering
