// Rules on the PeerAsn association: the peer's public ASN, its approval, and its contacts.
#pragma once

#include <QCoreApplication>

namespace Peering {

class ValidationRun;

class PeerAsnRules
{
    Q_DECLARE_TR_FUNCTIONS(Peering::PeerAsnRules)
public:
    static void check(ValidationRun &run);

private:
    static void checkAsn(ValidationRun &run);
    static void checkApproval(ValidationRun &run);
    static void checkContacts(ValidationRun &run);
};

} // namespace Peering
