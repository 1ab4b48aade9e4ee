#include "exportdialog.h"

#include "document/safefile.h"
#include "export/exporter.h"
#include "pdfexporter.h"
#include "validation/onboardingvalidator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QMessageBox>
#include <QPushButton>

namespace Peering {

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_secrets(new QCheckBox(tr("Include MD5 &keys"), this))
    , m_pageSize(new QComboBox(this))
{
    setWindowTitle(tr("Export Onboarding"));
    m_format->setObjectName(QStringLiteral("exportFormatCombo"));
    for (const ExportFormat &f : Exporter::formats())
        m_format->addItem(f.description, f.id);
    m_secrets->setObjectName(QStringLiteral("exportSecretsCheck"));
    m_secrets->setToolTip(tr("MD5 keys are secrets: without this they are left out and the summary "
                             "only says that a key is set."));
    m_pageSize->setObjectName(QStringLiteral("exportPageSizeCombo"));
    m_pageSize->addItem(tr("A4"), QStringLiteral("a4"));
    m_pageSize->addItem(tr("Letter"), QStringLiteral("letter"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export..."));
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Paper:"), m_pageSize);
    form->addRow(QString(), m_secrets);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto update
        = [this] { m_pageSize->setEnabled(formatId().endsWith(QLatin1String("pdf"))); };
    connect(m_format, &QComboBox::currentIndexChanged, this, update);
    update();
}

QString ExportDialog::formatId() const
{
    return m_format->currentData().toString();
}

bool ExportDialog::includeSecrets() const
{
    return m_secrets->isChecked();
}

QString ExportDialog::pageSize() const
{
    return m_pageSize->currentData().toString();
}

QString ExportDialog::exportOnboarding(QWidget *parent,
                                       const Onboarding &onboarding,
                                       const QString &baseName)
{
    ExportDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return {};
    const auto format = Exporter::format(dialog.formatId());
    if (!format)
        return {};
    const QString file = QFileDialog::getSaveFileName(
        parent, tr("Export Onboarding"), baseName + u'.' + format->suffix,
        QStringLiteral("%1 (*.%2);;%3 (*)")
            .arg(format->description, format->suffix, tr("All files")));
    if (file.isEmpty())
        return {};
    ExportOptions options;
    options.includeSecrets = dialog.includeSecrets();
    options.pageSize = dialog.pageSize();
    const auto exporter = PdfExporter::create(format->id);
    const auto bytes = exporter->exportOnboarding(onboarding, options);
    if (!bytes) {
        QMessageBox::warning(parent, tr("Cannot export"), bytes.error());
        return {};
    }
    const Status written
        = SafeFile::write(file, *bytes, options.includeSecrets && onboarding.md5KeyCount() > 0);
    if (!written) {
        QMessageBox::warning(parent, tr("Cannot export"), written.error());
        return {};
    }
    return file;
}

} // namespace Peering
