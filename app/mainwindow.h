// The main window: open an onboarding document and see what Microsoft's checks will say.
#pragma once

#include <QMainWindow>

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
    void showAbout();

    FindingsModel *m_findings = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
};

} // namespace Peering
