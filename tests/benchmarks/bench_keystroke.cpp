// A keystroke in the wizard on a large onboarding (64 connections over 8 peerings, 2,000 prefixes,
// 1,000 customer ASNs), as the main window runs it against a real SQLite store: a character typed
// into the peer name on the Peer ASN page, to the repaint, with the events it causes (validation,
// the pages' updates, the autosave when it is due). The same at 4x and 16x the document. The
// baseline, in the same run: a keystroke into a bare QLineEdit. Reports median and p95 of 60
// keystrokes and the draft's autosave (its own figure); never fails on speed (goal: median under
// 4 ms and p95 under 8 ms at 1x, linear in the document's size).
#include "mainwindow.h"
#include "onboardingwizard.h"
#include "samplegenerator.h"

#include "store/onboardingstore.h"
#include "tracking/trackedstore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Peering;

namespace {

struct Figures
{
    double median = 0, p95 = 0;
};

Figures figures(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)]};
}

void exposed(QWidget &w)
{
    w.show();
    for (int i = 0; i < 200 && !(w.windowHandle() && w.windowHandle()->isExposed()); ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QCoreApplication::processEvents();
}

// Keystrokes into an edit, each to its repaint, a short pause between them as a person types.
Figures type(QLineEdit *edit, QWidget *window, int count)
{
    std::vector<double> times;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer t;
        t.start();
        QTest::keyClick(edit, char('a' + i % 26));
        QCoreApplication::processEvents();
        window->repaint();
        times.push_back(double(t.nsecsElapsed()) / 1e6);
        QTest::qWait(5);
    }
    return figures(times);
}

} // namespace

int main(int argc, char **argv)
{
    // The offscreen platform's note on every window is not a figure.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &text) {
        if (!text.contains(QLatin1String("propagateSizeHints")))
            std::fprintf(stderr, "%s%s\n", type >= QtCriticalMsg ? "error: " : "", qPrintable(text));
    });
    QStandardPaths::setTestModeEnabled(true);
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // each figure as it is measured
    QApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    constexpr int Keystrokes = 60;

    QWidget bare;
    auto *bareEdit = new QLineEdit(&bare);
    bare.resize(1100, 720);
    exposed(bare);
    bareEdit->setFocus();
    const Figures baseline = type(bareEdit, &bare, Keystrokes);

    std::printf("bench_keystroke: a keystroke into the peer name, to the repaint, %d keystrokes; "
                "bare QLineEdit median %.3f ms, p95 %.3f ms\n",
                Keystrokes, baseline.median, baseline.p95);
    QList<int> scales {1, 4, 16};
    if (qEnvironmentVariableIsSet("PEERING_BENCH_SCALES")) {
        scales.clear();
        for (const QString &v : qEnvironmentVariable("PEERING_BENCH_SCALES").split(u','))
            scales.append(v.toInt());
    }
    for (const int scale : scales) {
        const QString path = dir.filePath(QStringLiteral("store-%1.sqlite").arg(scale));
        Onboarding large = TestSupport::makeLargeOnboarding(64 * scale, 2000 * scale, 1000 * scale);
        large.name = QStringLiteral("Large-IX to Microsoft");
        {
            StoreOptions o;
            o.userName = QStringLiteral("bench");
            auto store = TrackedStore::open(StoreLocation::sqliteFile(path), o);
            if (!store || !(*store)->create(large)) {
                std::fprintf(stderr, "bench_keystroke: cannot make the store\n");
                return 1;
            }
        }
        MainWindow window(path);
        window.resize(1100, 720);
        exposed(window);
        OnboardingWizard *wizard = window.editOnboarding(large.name);
        if (!wizard) {
            std::fprintf(stderr, "bench_keystroke: the wizard did not open\n");
            return 1;
        }
        wizard->resize(1100, 720);
        exposed(*wizard);
        // Through the pages to Peer ASN, as a person goes.
        const bool detail = qEnvironmentVariableIsSet("PEERING_BENCH_DETAIL");
        auto step = [&](bool forward) {
            QElapsedTimer t;
            t.start();
            const int from = wizard->currentId();
            forward ? wizard->next() : wizard->back();
            QCoreApplication::processEvents();
            if (detail)
                std::fprintf(stderr, "bench_keystroke:   page %d -> %d: %.1f ms\n", from,
                             wizard->currentId(), double(t.nsecsElapsed()) / 1e6);
        };
        // To Connections and back (the Prefixes and Review pages are not needed to show the
        // cost of hidden pages, and take seconds to fill at 16x).
        for (int i = 0; i < 4; ++i)
            step(true);
        for (int i = 0; i < 6 && wizard->currentId() != OnboardingWizard::PeerAsnPageId; ++i)
            step(false);
        auto *edit = wizard->findChild<QLineEdit *>(QStringLiteral("peerNameEdit"));
        if (!edit || wizard->currentId() != OnboardingWizard::PeerAsnPageId) {
            std::fprintf(stderr, "bench_keystroke: no peer name field\n");
            return 1;
        }
        edit->setFocus();
        edit->end(false);
        const Figures f = type(edit, wizard, Keystrokes);
        std::printf("bench_keystroke: %2dx (%d connections, %d prefixes, %d customer ASNs): median "
                    "%.3f ms, p95 %.3f ms; ratio to the bare QLineEdit %.1f (median)%s\n",
                    scale, 64 * scale, 2000 * scale, 1000 * scale, f.median, f.p95,
                    f.median / baseline.median,
                    scale == 1 ? " (goal: median < 4 ms, p95 < 8 ms)" : "");
    }
    return 0;
}
