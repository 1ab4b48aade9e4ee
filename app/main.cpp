// peering-wizard: with a command it runs the command line, otherwise it opens the window.
#include "commandline.h"
#include "terminaloutput.h"
#include "firstpaintprobe.h"
#include "focusringstyle.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <QTextStream>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

bool haveDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// The user's language where there is a translation, English (for plural forms) otherwise; Qt's
// own strings likewise.
void installTranslators(QCoreApplication &app)
{
    auto *ours = new QTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("peering-wizard"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))
        || ours->load(QStringLiteral(":/i18n/peering-wizard_en")))
        app.installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("peering-wizard"));
    QCoreApplication::setApplicationName(QStringLiteral("peering-wizard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PEERING_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer started;
    started.start();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    if (Peering::CommandLine::wantsCommand(arguments)) {
        // PDF exports draw with Qt Gui: a QGuiApplication, offscreen when there is no display.
        const bool gui = Peering::CommandLine::needsGui(arguments);
        if (gui && !haveDisplay())
            qputenv("QT_QPA_PLATFORM", "offscreen");
        std::unique_ptr<QCoreApplication> app(gui ? new QGuiApplication(argc, argv)
                                                  : new QCoreApplication(argc, argv));
        setIdentity();
        installTranslators(*app);
        // On a terminal, control and bidi characters from documents are shown escaped.
        Peering::TerminalOutput outDevice(stdout);
        Peering::TerminalOutput errDevice(stderr);
        QTextStream out(&outDevice);
        QTextStream err(&errDevice);
        const int status = Peering::CommandLine::run(QCoreApplication::arguments(), out, err);
        out.flush();
        err.flush();
        return status;
    }

    if (!haveDisplay()) {
        std::fputs("peering-wizard: no display to open the window on (DISPLAY is not set); use the "
                   "command line instead, e.g. peering-wizard validate FILE (see peering-wizard "
                   "--help)\n",
                   stderr);
        return 2;
    }

    QApplication app(argc, argv);
    Peering::FocusRingStyle::installIfNeeded();
    setIdentity();
    installTranslators(app);
    QApplication::setApplicationDisplayName(QObject::tr("Peering Onboarding Wizard"));
    const QStringList args = QCoreApplication::arguments();
    QString storeUrl;
    for (qsizetype i = 1; i + 1 < args.size(); ++i)
        if (args[i] == QLatin1String("--store"))
            storeUrl = args[i + 1];
    Peering::MainWindow window(storeUrl, nullptr, Peering::MainWindow::StoreOpening::AfterFirstPaint);
    QString screenshot;
    bool measuring = false;
    QStringList documents;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--screenshot") && i + 1 < args.size()) {
            screenshot = args[++i];
        } else if (args[i] == QLatin1String("--store")) {
            ++i;
        } else if (args[i] == QLatin1String("--measure-startup")) {
            auto *probe = new Peering::FirstPaintProbe(&window, started);
            QObject::connect(&window, &Peering::MainWindow::storeReady, probe,
                             &Peering::FirstPaintProbe::ready);
            measuring = true;
        } else if (!args[i].startsWith(u'-')) {
            documents.append(args[i]);
        }
    }
    window.show();
    if (!measuring && screenshot.isEmpty()) {
        // After the window is up: documents named on the command line, then last session's drafts.
        QObject::connect(&window, &Peering::MainWindow::storeReady, &window, [&window, documents] {
            for (const QString &d : documents)
                window.checkDocumentFile(d);
            window.offerDrafts();
        }, Qt::SingleShotConnection);
    }
    if (!screenshot.isEmpty()) {
        // For documentation and bug reports: save the painted window as PNG and quit.
        QTimer::singleShot(300, &window, [&window, screenshot] {
            if (!window.grab().save(screenshot))
                std::fprintf(stderr, "peering-wizard: cannot write %s\n", qPrintable(screenshot));
            QCoreApplication::quit();
        });
    }
    return app.exec();
}
