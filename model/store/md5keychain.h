// MD5 keys of BGP sessions, kept in the desktop keychain (Secret Service, KWallet, through
// QtKeychain like the team-store passwords) and never in the store or an export by default.
// One keychain entry per onboarding, "md5-keys/<onboarding name>", holds a JSON object of
// connection id -> key; entries of connections not in the document are left as they are, so
// two documents never take each other's keys. What was read or written is remembered for the
// life of the process, so an autosave that changes no key costs no keychain call.
#pragma once

#include "domain/onboarding.h"

#include <QCoreApplication>
#include <QString>

namespace Peering {

class Md5Keychain
{
    Q_DECLARE_TR_FUNCTIONS(Peering::Md5Keychain)
public:
    struct Outcome
    {
        int kept = 0; // keys now in the keychain
        int dropped = 0; // keys that could not be kept (cleared from the onboarding)
        QString reason; // why they could not: no keychain, no answer, no name
    };

    // The keychain entry of an onboarding.
    static QString entryName(const QString &onboardingName);
    // The id a connection's key is filed under: its own id, or its peering and place.
    static QString connectionKey(const PeeringResource &peering, qsizetype index);

    // Keeps every key of the onboarding in its entry (and removes the keys of its connections
    // that have none now). Sets md5InKeychain on the sessions whose key is kept; a key that
    // cannot be kept is cleared, and the outcome says how many and why.
    static Outcome keep(Onboarding &onboarding);
    // Fills in the keys the keychain has for sessions that have none, marking them kept.
    // Returns how many it filled; a keychain that does not answer fills none.
    static int fill(Onboarding &onboarding);
    // The onboarding was renamed or removed: its entry moves with it, or goes.
    static void rename(const QString &from, const QString &to);
    static void forget(const QString &onboardingName);

    // Whether a keychain answers here; the reason when not. Asked once per process.
    static bool available(QString *reason = nullptr);
    // Tests: forget what was remembered (the keychain itself is not touched).
    static void clearCache();
};

} // namespace Peering
