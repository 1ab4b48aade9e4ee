#include "mailsettingsdialog.h"

#include "screenfit.h"

#include "mail/mailrules.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Peering {

MailSettingsDialog::MailSettingsDialog(const QStringList &onboardings, QWidget *parent)
    : QDialog(parent)
    , m_onboardings(onboardings)
    , m_folders(new QTableWidget(0, 2, this))
    , m_rules(new QPlainTextEdit(this))
    , m_rulesProblem(new QLabel(this))
{
    setObjectName(QStringLiteral("mailSettingsDialog"));
    setWindowTitle(tr("Mail Settings"));
    auto *tabs = new QTabWidget(this);

    auto *folderPage = new QWidget(this);
    auto *fl = new QVBoxLayout(folderPage);
    auto *intro = new QLabel(tr("Maildir folders (with cur/ and new/, as mbsync, offlineimap or "
                                "fetchmail write them) whose new mail is imported as it arrives. "
                                "A folder for all onboardings gives each mail to the onboarding "
                                "whose peering name or peer ASN it names."),
                             this);
    intro->setWordWrap(true);
    fl->addWidget(intro);
    m_folders->setObjectName(QStringLiteral("watchedFoldersTable"));
    m_folders->setAccessibleName(tr("Watched folders"));
    m_folders->setHorizontalHeaderLabels({tr("Folder"), tr("Onboarding")});
    m_folders->horizontalHeader()->setStretchLastSection(true);
    m_folders->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_folders->verticalHeader()->hide();
    fl->addWidget(m_folders, 1);
    auto *row = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add Folder..."), this);
    add->setObjectName(QStringLiteral("addWatchedFolderButton"));
    auto *remove = new QPushButton(tr("&Remove"), this);
    remove->setObjectName(QStringLiteral("removeWatchedFolderButton"));
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch(1);
    fl->addLayout(row);
    tabs->addTab(folderPage, tr("&Watched Folders"));
    connect(add, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Watch a Maildir Folder"));
        if (dir.isEmpty())
            return;
        bool ok = false;
        const QString all = tr("All onboardings");
        const QString choice = QInputDialog::getItem(this, tr("Watch a Maildir Folder"),
                                                     tr("The mail in %1 is about:").arg(dir),
                                                     QStringList {all} + m_onboardings, 0, false, &ok);
        if (ok)
            addFolder(dir, choice == all ? QString() : choice);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_folders->currentRow() >= 0)
            m_folders->removeRow(m_folders->currentRow());
    });

    auto *rulesPage = new QWidget(this);
    auto *rl = new QVBoxLayout(rulesPage);
    auto *rulesIntro = new QLabel(tr("Rules in order; the first that matches gives the mail's "
                                     "stage. \"from\", \"subject\" and \"body\" are regular "
                                     "expressions (case-insensitive, anywhere); every one a rule "
                                     "gives must match. A mail no rule matches stays unclassified."),
                                  this);
    rulesIntro->setWordWrap(true);
    rl->addWidget(rulesIntro);
    m_rules->setObjectName(QStringLiteral("mailRulesEdit"));
    m_rules->setAccessibleName(tr("Mail classification rules (JSON)"));
    m_rules->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_rules->setFont(mono);
    const QString stored = QSettings().value(QLatin1String(MailRules::SettingsKey)).toString();
    m_rules->setPlainText(stored.trimmed().isEmpty()
                              ? MailRules::defaults().toText()
                              : stored);
    rl->addWidget(m_rules, 1);
    m_rulesProblem->setObjectName(QStringLiteral("mailRulesProblem"));
    m_rulesProblem->setWordWrap(true);
    m_rulesProblem->setStyleSheet(QStringLiteral("QLabel { color: #b71c1c; font-weight: bold; }"));
    m_rulesProblem->hide();
    rl->addWidget(m_rulesProblem);
    auto *restore = new QPushButton(tr("Restore &Defaults"), this);
    restore->setObjectName(QStringLiteral("restoreMailRulesButton"));
    auto *rr = new QHBoxLayout;
    rr->addWidget(restore);
    rr->addStretch(1);
    rl->addLayout(rr);
    connect(restore, &QPushButton::clicked, this, [this] {
        m_rules->setPlainText(MailRules::defaults().toText());
        m_rulesProblem->hide();
    });
    tabs->addTab(rulesPage, tr("&Classification Rules"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    fillFolders(MailWatcher::configured());
    ScreenFit::resize(this, QSize(760, 560));
}

void MailSettingsDialog::fillFolders(const QList<MailWatcher::Folder> &folders)
{
    m_folders->setRowCount(0);
    for (const MailWatcher::Folder &f : folders)
        addFolder(f.path, f.onboarding);
}

void MailSettingsDialog::addFolder(const QString &path, const QString &onboarding)
{
    const int row = m_folders->rowCount();
    m_folders->insertRow(row);
    auto *folder = new QTableWidgetItem(path);
    folder->setFlags(folder->flags() & ~Qt::ItemIsEditable);
    m_folders->setItem(row, 0, folder);
    auto *combo = new QComboBox(m_folders);
    combo->setAccessibleName(tr("Onboarding of %1").arg(path));
    combo->addItem(tr("All onboardings"), QString());
    for (const QString &name : m_onboardings)
        combo->addItem(name, name);
    if (!onboarding.isEmpty() && combo->findData(onboarding) < 0)
        combo->addItem(tr("%1 (not in this store)").arg(onboarding), onboarding);
    combo->setCurrentIndex(std::max(0, combo->findData(onboarding)));
    m_folders->setCellWidget(row, 1, combo);
    m_folders->resizeColumnToContents(0);
}

QList<MailWatcher::Folder> MailSettingsDialog::folders() const
{
    QList<MailWatcher::Folder> out;
    for (int r = 0; r < m_folders->rowCount(); ++r) {
        auto *combo = qobject_cast<QComboBox *>(m_folders->cellWidget(r, 1));
        out.append({m_folders->item(r, 0)->text(), combo ? combo->currentData().toString() : QString()});
    }
    return out;
}

bool MailSettingsDialog::save()
{
    const QString text = m_rules->toPlainText();
    const Result<MailRules> rules = MailRules::parse(text.toUtf8());
    if (!rules) {
        m_rulesProblem->setText(tr("The rules were not kept: %1").arg(rules.error()));
        m_rulesProblem->show();
        return false;
    }
    // The shipped rules are no setting: they follow the program's updates.
    const bool shipped = QJsonDocument(rules->toJson()) == QJsonDocument(MailRules::defaults().toJson());
    if (shipped)
        QSettings().remove(QLatin1String(MailRules::SettingsKey));
    else
        QSettings().setValue(QLatin1String(MailRules::SettingsKey), text);
    MailWatcher::setConfigured(folders());
    return true;
}

} // namespace Peering
