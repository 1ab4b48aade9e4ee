// Start-up to the first painted window: peering-wizard --measure-startup against a bare QWizard
// with one page built here (--bare), each started 10 times as a fresh process on the offscreen
// platform. Both measure from main() to the first paint, in-process; the wall time of the whole
// process run is reported too. Reports medians and the ratio; never fails on speed.
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

class Probe : public QObject
{
public:
    Probe(QWidget *w, const QElapsedTimer &t)
        : QObject(w)
        , m_t(t)
    {
        w->installEventFilter(this);
    }
    bool eventFilter(QObject *o, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, this, [this] {
                std::printf("startup-ms %.3f\n", double(m_t.nsecsElapsed()) / 1e6);
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(o, e);
    }

private:
    QElapsedTimer m_t;
    bool m_done = false;
};

int runBare(int argc, char **argv, const QElapsedTimer &started)
{
    QApplication app(argc, argv);
    QWizard wizard;
    auto *page = new QWizardPage;
    page->setTitle(QStringLiteral("Bare page"));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(new QLabel(QStringLiteral("One page, nothing else.")));
    wizard.addPage(page);
    new Probe(&wizard, started);
    wizard.show();
    return app.exec();
}

struct Sample
{
    double inProcess; // main() to first paint
    double wall;      // the whole process run
    double ready;     // main() to the window's data being in (the store listed); = first paint when none
};

std::vector<Sample> measure(const QString &program, const QStringList &args, int runs)
{
    std::vector<Sample> out;
    for (int i = 0; i < runs; ++i) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        QElapsedTimer wall;
        wall.start();
        p.start(program, args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            std::fprintf(stderr, "bench_startup: %s did not finish\n", qPrintable(program));
            return {};
        }
        const double w = double(wall.nsecsElapsed()) / 1e6;
        const QByteArray output = p.readAllStandardOutput();
        const qsizetype at = output.indexOf("startup-ms ");
        if (at < 0) {
            std::fprintf(stderr, "bench_startup: no figure from %s: %s\n", qPrintable(program),
                         p.readAllStandardError().constData());
            return {};
        }
        const double paint = output.mid(at + 11).trimmed().split('\n').first().toDouble();
        const qsizetype readyAt = output.indexOf("ready-ms ");
        const double ready = readyAt < 0 ? paint : output.mid(readyAt + 9).trimmed().split('\n').first().toDouble();
        out.push_back({paint, w, ready});
    }
    return out;
}

double median(std::vector<Sample> s, double Sample::*field)
{
    std::sort(s.begin(), s.end(), [field](const Sample &a, const Sample &b) { return a.*field < b.*field; });
    return s.empty() ? 0 : s[s.size() / 2].*field;
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer started;
    started.start();
    if (argc > 1 && qstrcmp(argv[1], "--bare") == 0)
        return runBare(argc, argv, started);

    QCoreApplication app(argc, argv);
    const int runs = 10;
    const auto bare = measure(QCoreApplication::applicationFilePath(), {QStringLiteral("--bare")}, runs);
    // A store of its own in a temporary folder, made by the first run, so that the user's store is
    // never touched and every later run opens an existing store as a user's start would.
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("startup.sqlite"));
    measure(QStringLiteral(PEERING_WIZARD_BIN), {QStringLiteral("--measure-startup"), QStringLiteral("--store"), store}, 1);
    const auto wizard = measure(QStringLiteral(PEERING_WIZARD_BIN),
                                {QStringLiteral("--measure-startup"), QStringLiteral("--store"), store}, runs);
    if (bare.empty() || wizard.empty())
        return 1;
    const double b = median(bare, &Sample::inProcess), w = median(wizard, &Sample::inProcess);
    const double bw = median(bare, &Sample::wall), ww = median(wizard, &Sample::wall);
    const double wr = median(wizard, &Sample::ready);
    std::printf("bench_startup: bare QWizard, main() to first paint: median %.1f ms (%d runs, baseline); "
                "whole process %.1f ms\n", b, runs, bw);
    std::printf("bench_startup: peering-wizard, main() to first paint: median %.1f ms (%d runs); "
                "whole process %.1f ms\n", w, runs, ww);
    std::printf("bench_startup: peering-wizard, main() to the store opened and listed: median %.1f ms\n", wr);
    std::printf("bench_startup: ratio %.2f in-process, %.2f whole process (target: within 1.5x)\n",
                b > 0 ? w / b : 0.0, bw > 0 ? ww / bw : 0.0);
    return 0;
}
