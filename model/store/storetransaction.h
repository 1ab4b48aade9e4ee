// One write transaction of the store: begun when made, rolled back when it goes out of scope
// unless commit() succeeded, so no early return can leave a transaction open or half applied.
#pragma once

#include "sqlsession.h"

namespace Peering {

class StoreTransaction
{
public:
    // Begins a write transaction (the session's beginWrite); begun() says whether it did.
    StoreTransaction(SqlSession &session, const QString &doing);
    ~StoreTransaction();
    StoreTransaction(const StoreTransaction &) = delete;
    StoreTransaction &operator=(const StoreTransaction &) = delete;

    const StoreStatus &begun() const { return m_begun; }
    // Commits; on failure the session has rolled back, and so nothing is left open either.
    StoreStatus commit();
    // Ends the transaction now, writing nothing (also what the destructor does).
    void rollback();

private:
    SqlSession &m_session;
    QString m_doing;
    StoreStatus m_begun;
    bool m_open = false;
};

} // namespace Peering
