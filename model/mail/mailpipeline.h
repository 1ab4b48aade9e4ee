// Reading and classifying on two threads: GMime reads the mail on the calling thread while a
// second thread classifies each message (rules, addresses) and hands it on, in the order read,
// so that the two cores of a desk machine share a large mailbox. At most Capacity messages wait
// between the two, so the memory stays that of a few messages whatever the mailbox's size.
#pragma once

#include "mailimport.h"

#include <functional>
#include <variant>

namespace Peering {

class MailPipeline
{
public:
    static constexpr int Capacity = 32;
    using Item = std::variant<ImportedMail, MailRefusal>;

    // Every message (classified) and refusal of the paths, in the order read, to each (called on
    // the second thread, one item at a time; it returns before run does). False, with the reason
    // in *error, when a path cannot be read at all: the items before it have been handed on.
    static bool run(const MailImport &importer, const QStringList &paths,
                    const std::function<void(Item &&)> &each, QString *error);
};

} // namespace Peering
