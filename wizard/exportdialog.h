// "Export...": the format (every one of Exporter::formats()), MD5 keys in or out, the paper size,
// then the file. Shared by the Review page and the main window so both offer the same list.
#pragma once

#include "domain/onboarding.h"

#include <QDialog>

class QCheckBox;
class QComboBox;

namespace Peering {

class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ExportDialog(QWidget *parent = nullptr);

    QString formatId() const;
    bool includeSecrets() const;
    QString pageSize() const;

    // Asks for format and file and writes the export. Returns the file written, or an empty
    // string when the user cancelled or writing failed (after saying why).
    static QString
    exportOnboarding(QWidget *parent, const Onboarding &onboarding, const QString &baseName);

private:
    QComboBox *m_format;
    QCheckBox *m_secrets;
    QComboBox *m_pageSize;
};

} // namespace Peering
