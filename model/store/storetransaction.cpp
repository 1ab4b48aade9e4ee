#include "storetransaction.h"

namespace Peering {

StoreTransaction::StoreTransaction(SqlSession &session, const QString &doing)
    : m_session(session)
    , m_doing(doing)
    , m_begun(session.beginWrite(doing))
    , m_open(m_begun.ok())
{
}

StoreTransaction::~StoreTransaction()
{
    rollback();
}

StoreStatus StoreTransaction::commit()
{
    if (!m_open)
        return m_begun.ok() ? StoreStatus(StoreDone{}) : m_begun;
    m_open = false;
    return m_session.commit(m_doing); // rolls back itself when COMMIT fails
}

void StoreTransaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    m_session.rollback();
}

} // namespace Peering
