// Settings > Mail...: the Maildir folders watched for milestone mail (each for one onboarding or
// for all), and the classification rules (a rules file's JSON, checked before it is kept;
// Restore Defaults puts back the shipped rules).
#pragma once

#include "mailwatcher.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace Peering {

class MailSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // onboardings: the names a folder can be watched for.
    MailSettingsDialog(const QStringList &onboardings, QWidget *parent = nullptr);

    QList<MailWatcher::Folder> folders() const;
    // Adds a folder without the file dialog (tests).
    void addFolder(const QString &path, const QString &onboarding);
    QPlainTextEdit *rulesEdit() const { return m_rules; }
    // Checks the rules and keeps both settings; false (with the reason shown) when the rules do
    // not parse.
    bool save();

private:
    void fillFolders(const QList<MailWatcher::Folder> &folders);

    QStringList m_onboardings;
    QTableWidget *m_folders;
    QPlainTextEdit *m_rules;
    QLabel *m_rulesProblem;
};

} // namespace Peering
