// A client-side limit on each PostgreSQL statement. A server that is frozen (stopped, swapped
// out, behind a dead link that still acknowledges) never answers, and libpq would wait for ever:
// while a statement runs, a watchdog thread holds its deadline, and at the deadline shuts the
// connection's socket down, so that the statement returns with an error the store reports as
// "did not answer within N s". The session then reconnects on its next statement.
#pragma once

#include <memory>

namespace Peering {

class StatementWatchdog
{
public:
    // PEERING_PG_TIMEOUT in seconds (1 to 86400), 60 by default.
    static int timeoutSeconds();

    // Watches socket fd from construction to destruction; fd < 0 watches nothing.
    class Guard
    {
    public:
        explicit Guard(int fd);
        ~Guard();
        Guard(const Guard &) = delete;
        Guard &operator=(const Guard &) = delete;
        // The deadline passed and the socket was shut down.
        bool fired() const;

        struct Entry; // the watch thread's record of one guard

    private:
        std::shared_ptr<Entry> m_entry;
    };
};

} // namespace Peering
