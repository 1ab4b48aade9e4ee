// Checks of the onboarding as a whole: its name (the store's key), the requirements checklist,
// and the values the scripts pass on.
#pragma once

#include <QCoreApplication>

namespace Peering {

class ValidationRun;

class DocumentRules
{
    Q_DECLARE_TR_FUNCTIONS(Peering::DocumentRules)
public:
    static void check(ValidationRun &run);
    // The checklist against the document: a requirement ticked met while its rule has a
    // finding, and the requirements still open. Runs after every other rule.
    static void checkChecklist(ValidationRun &run);
    // The free-text fields the az script passes as option values (the others have formats that
    // exclude "@"): a value starting with "@" is read by az as a file to load.
    static void checkScriptValues(ValidationRun &run);
    // Names and other identifying text with a control character (NUL, ESC, ...) or a bidi
    // control (U+202E and its kin): shown differently from what they are, or not found by name.
    static void checkHiddenCharacters(ValidationRun &run);
};

} // namespace Peering
