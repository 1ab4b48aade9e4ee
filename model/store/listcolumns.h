// The list columns the store keeps next to each document (stage, next stage, its expected date),
// so that `list` and the main window read them without parsing documents. How they are derived
// from a document is tracking logic, which the store does not know: the tracking layer hands the
// store a ListColumnsFunction when it opens it (TrackedStore::open).
#pragma once

#include "domain/onboarding.h"

#include <QDate>
#include <QString>

#include <functional>

namespace Peering {

struct ListColumns
{
    QString stage;
    QString nextStage; // empty when no milestone is planned
    QDate nextExpected; // invalid when no milestone is planned
};

using ListColumnsFunction = std::function<ListColumns(const Onboarding &)>;

} // namespace Peering
