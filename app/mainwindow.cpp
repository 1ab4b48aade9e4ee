#include "mainwindow.h"

#include "document/onboardingdocument.h"
#include "findingsmodel.h"
#include "onboardingwizard.h"
#include "validation/onboardingvalidator.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace Peering {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_findings(new FindingsModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    m_summary = new QLabel(tr("Open an onboarding document (File > Open) to check it against every "
                              "rule Microsoft applies before Review + create."),
                           central);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("findingsTable"));
    m_table->setAccessibleName(tr("Findings"));
    m_table->setModel(m_findings);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FindingsModel::MessageColumn,
                                                      QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    setCentralWidget(central);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *create = file->addAction(tr("&New Onboarding..."), this, &MainWindow::newOnboarding);
    create->setShortcut(QKeySequence::New);
    create->setObjectName(QStringLiteral("newOnboardingAction"));
    QAction *open = file->addAction(tr("&Open Document..."), this, &MainWindow::chooseDocument);
    open->setShortcut(QKeySequence::Open);
    QAction *edit = file->addAction(tr("&Edit in Wizard..."), this, &MainWindow::editDocument);
    edit->setShortcut(QKeySequence(tr("Ctrl+E")));
    edit->setObjectName(QStringLiteral("editDocumentAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About"), this, &MainWindow::showAbout);

    statusBar()->showMessage(tr("Ready"));
    resize(1100, 700);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
}

bool MainWindow::openDocument(const QString &fileName)
{
    const Result<Onboarding> r = OnboardingDocument::readFile(fileName);
    if (!r) {
        QMessageBox::warning(this, tr("Cannot open document"), r.error());
        return false;
    }
    const Findings findings = OnboardingValidator::validate(*r);
    m_findings->setFindings(findings);
    const int errors = countSeverity(findings, Severity::Error);
    const int warnings = countSeverity(findings, Severity::Warning);
    const QString name = r->name.isEmpty() ? fileName : r->name;
    m_summary->setText(
        errors == 0
            ? tr("<b>%1</b>: no errors, %n warning(s). Ready for Review + create.", nullptr, warnings)
                  .arg(name.toHtmlEscaped())
            : tr("<b>%1</b>: %2, %3. Fix the errors before Review + create.")
                  .arg(name.toHtmlEscaped(), tr("%n error(s)", nullptr, errors),
                       tr("%n warning(s)", nullptr, warnings)));
    setWindowFilePath(fileName);
    m_fileName = fileName;
    m_document = *r;
    statusBar()->showMessage(tr("Checked %1").arg(fileName));
    return true;
}

void MainWindow::newOnboarding()
{
    openWizard(OnboardingWizard::newOnboarding(), QString());
}

void MainWindow::editDocument()
{
    if (!m_document) {
        chooseDocument();
        if (!m_document)
            return;
    }
    openWizard(*m_document, m_fileName);
}

void MainWindow::openWizard(const Onboarding &onboarding, const QString &fileName)
{
    auto *wizard = new OnboardingWizard(this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->setDraft(onboarding);
    wizard->resize(1000, 720);
    connect(wizard, &OnboardingWizard::created, this, [this, fileName](const Onboarding &result) {
        QString target = fileName;
        if (target.isEmpty())
            target = QFileDialog::getSaveFileName(this, tr("Save Onboarding Document"),
                                                  result.name + QStringLiteral(".json"),
                                                  tr("Onboarding documents (*.json)"));
        if (target.isEmpty())
            return;
        const Status saved = OnboardingDocument::writeFile(result, target);
        if (!saved) {
            QMessageBox::critical(this, tr("Cannot save"), saved.error());
            return;
        }
        openDocument(target);
    });
    wizard->show();
}

void MainWindow::chooseDocument()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open Onboarding Document"), QString(),
        tr("Onboarding documents (*.json);;All files (*)"));
    if (!file.isEmpty())
        openDocument(file);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Peering Onboarding Wizard"),
                       tr("<p><b>Peering Onboarding Wizard</b> %1</p><p>Onboard an internet "
                          "exchange's route-server service to Microsoft Peering Service "
                          "(AS8075), with every check Microsoft makes done up front.</p>")
                           .arg(QStringLiteral(PEERING_VERSION)));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

} // namespace Peering
