#include "mailpipeline.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace Peering {

bool MailPipeline::run(const MailImport &importer, const QStringList &paths,
                       const std::function<void(Item &&)> &each, QString *error)
{
    using Read = std::variant<MailMessage, MailRefusal>;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Read> queue;
    bool done = false;

    std::thread worker([&] {
        for (;;) {
            std::optional<Read> next;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return done || !queue.empty(); });
                if (queue.empty())
                    return; // done, and nothing left
                next = std::move(queue.front());
                queue.pop_front();
            }
            changed.notify_all(); // room for the reader
            if (auto *m = std::get_if<MailMessage>(&*next))
                each(importer.classify(std::move(*m)));
            else
                each(std::get<MailRefusal>(std::move(*next)));
        }
    });
    const auto push = [&](Read &&item) {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return queue.size() < size_t(Capacity); });
        queue.push_back(std::move(item));
        lock.unlock();
        changed.notify_all();
    };
    bool ok = true;
    for (const QString &path : paths) {
        if (!MailReader::read(
                path, [&](MailMessage &&m) { push(std::move(m)); },
                [&](MailRefusal &&r) { push(std::move(r)); }, error)) {
            ok = false;
            break;
        }
    }
    {
        std::lock_guard lock(mutex);
        done = true;
    }
    changed.notify_all();
    worker.join();
    return ok;
}

} // namespace Peering
