// The main window: open an onboarding document and see what Microsoft's checks will say.
#pragma once

#include "domain/onboarding.h"

#include <QMainWindow>

#include <optional>

class QLabel;
class QTableView;

namespace Peering {

class FindingsModel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Reads and validates a document; shows a clear message when it cannot be read.
    bool openDocument(const QString &fileName);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void chooseDocument();
    void newOnboarding();
    void editDocument();
    void openWizard(const Onboarding &onboarding, const QString &fileName);
    void showAbout();

    FindingsModel *m_findings = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QString m_fileName;
    std::optional<Onboarding> m_document;
};

} // namespace Peering
