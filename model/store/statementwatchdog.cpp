#include "statementwatchdog.h"

#include <QByteArray>

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>

namespace Peering {

using Clock = std::chrono::steady_clock;

struct StatementWatchdog::Guard::Entry
{
    int fd;
    Clock::time_point deadline;
    std::atomic_bool fired {false};
};

namespace {

// One thread for the process, started on first use; it sleeps until the earliest deadline.
class Watcher
{
public:
    static Watcher &instance()
    {
        static Watcher *watcher = new Watcher; // never destroyed: the thread outlives main()
        return *watcher;
    }

    using Entry = StatementWatchdog::Guard::Entry;

    void add(const std::shared_ptr<Entry> &entry)
    {
        std::lock_guard lock(m_mutex);
        m_entries.push_back(entry);
        m_changed.notify_one();
    }

    void remove(const std::shared_ptr<Entry> &entry)
    {
        std::lock_guard lock(m_mutex);
        m_entries.remove(entry);
    }

private:
    Watcher()
    {
        std::thread([this] { run(); }).detach();
    }

    void run()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            if (m_entries.empty()) {
                m_changed.wait(lock);
                continue;
            }
            Clock::time_point earliest = Clock::time_point::max();
            const Clock::time_point now = Clock::now();
            for (auto it = m_entries.begin(); it != m_entries.end();) {
                if ((*it)->deadline <= now) {
                    // Under the lock: a guard that has gone has been removed, so its socket
                    // (perhaps reused by now) is never touched.
                    (*it)->fired = true;
                    ::shutdown((*it)->fd, SHUT_RDWR);
                    it = m_entries.erase(it);
                } else {
                    earliest = std::min(earliest, (*it)->deadline);
                    ++it;
                }
            }
            if (earliest != Clock::time_point::max())
                m_changed.wait_until(lock, earliest);
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::list<std::shared_ptr<Entry>> m_entries;
};

} // namespace

int StatementWatchdog::timeoutSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("PEERING_PG_TIMEOUT", &ok);
    return ok && seconds >= 1 && seconds <= 86400 ? seconds : 60;
}

StatementWatchdog::Guard::Guard(int fd)
{
    if (fd < 0)
        return;
    m_entry = std::make_shared<Entry>();
    m_entry->fd = fd;
    m_entry->deadline = Clock::now() + std::chrono::seconds(timeoutSeconds());
    Watcher::instance().add(m_entry);
}

StatementWatchdog::Guard::~Guard()
{
    if (m_entry)
        Watcher::instance().remove(m_entry);
}

bool StatementWatchdog::Guard::fired() const
{
    return m_entry && m_entry->fired;
}

} // namespace Peering
