// peering_store_import_loop FILE FIRST: imports generated onboardings FIRST, FIRST+1, ... into the
// SQLite store FILE until it is killed. tst_store_kill kills it with SIGKILL at random moments and
// then checks that the store is whole. Prints "importing N" before and "imported N" after each
// import, flushed, so the test can tell where a kill landed.
#include "tracking/trackedstore.h"
#include "store/onboardingstore.h"
#include "storesamples.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Peering;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: peering_store_import_loop FILE FIRST\n");
        return 2;
    }
    StoreOptions options;
    options.userName = QStringLiteral("kill-test");
    auto opened = TrackedStore::open(StoreLocation::sqliteFile(args.at(1)), options);
    if (!opened) {
        std::fprintf(stdout, "error %s\n", qPrintable(opened.error().message()));
        return 2;
    }
    std::unique_ptr<OnboardingStore> store = std::move(opened.value());
    std::fprintf(stdout, "opened\n");
    std::fflush(stdout);
    for (int i = args.at(2).toInt();; ++i) {
        const Onboarding o = TestSupport::makeStoreOnboarding(i, 8, 20, 10);
        std::fprintf(stdout, "importing %d\n", i);
        std::fflush(stdout);
        // Alternate the two write paths: a single create and a batch import.
        bool ok = true;
        QString error;
        if (i % 2 == 0) {
            auto r = store->create(o);
            ok = r.ok();
            error = ok ? QString() : r.error().message();
        } else {
            auto r = store->importDocuments({o});
            ok = r.ok() && r->at(0).action == ImportOutcome::Action::Created;
            error = !r.ok() ? r.error().message() : (ok ? QString() : r->at(0).error->message());
        }
        if (!ok) {
            std::fprintf(stdout, "error %s\n", qPrintable(error));
            return 3;
        }
        std::fprintf(stdout, "imported %d\n", i);
        std::fflush(stdout);
    }
}
