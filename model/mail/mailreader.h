// Reads e-mail with GMime 3: a single message file (.eml), an mbox (detected by its content, a
// first line "From "), or a Maildir folder (cur/ and new/, tmp/ ignored). Messages are handed
// over one at a time; an mbox is streamed from the file, never read whole into memory, so the
// memory needed is that of one message's headers and text.
//
// Around GMime 3.2.13 (Debian 12): subjects are decoded one encoded word at a time (several
// base64 words decode wrongly as a whole), base64 bodies are decoded here (GMime stops at an
// "=" padding in the middle), text of an unknown or missing charset is checked as UTF-8 and
// otherwise decoded as 8-bit, and only text parts of a bounded size are read.
#pragma once

#include "mailmessage.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

namespace Peering {

struct MailRefusal
{
    QString file;
    int index = 0;
    QString reason;
};

class MailReader
{
    Q_DECLARE_TR_FUNCTIONS(Peering::MailReader)
public:
    using Visit = std::function<void(MailMessage &&)>;
    using Refuse = std::function<void(MailRefusal &&)>;

    // The largest text part read as a mail's text; larger ones are left out (said in
    // MailMessage::textProblem).
    static constexpr qint64 MaxTextBytes = 1 << 20;
    // Maildir folders with more files than this are refused (say which folder).
    static constexpr int MaxFolderFiles = 200000;

    // Every message of a path. Returns false, with the reason in *error, when the path itself
    // cannot be read (missing, unreadable); a message that cannot be read is refused and the
    // others are still read.
    static bool read(const QString &path, const Visit &visit, const Refuse &refuse,
                     QString *error);
    // The message files of a Maildir folder: cur/ then new/, each by name (tmp/ holds messages
    // being delivered and is left alone). Nothing, with the reason in *error, for a folder that
    // is no Maildir or holds more than MaxFolderFiles.
    static std::optional<QStringList> maildirFiles(const QString &path, QString *error);
    // One message from memory (a message dropped from a mail client); the file is for messages.
    static bool readData(const QByteArray &raw, const QString &file, const Visit &visit,
                         const Refuse &refuse);

    // Exposed for tests: RFC 2047 header text decoded one encoded word at a time.
    static QString decodeHeaderText(const QByteArray &raw);
    // Base64 that tolerates "=" padding in the middle (concatenated encoded chunks).
    static QByteArray decodeBase64(const QByteArray &encoded);
    // HTML reduced to plain text: tags dropped, blocks on their own lines, entities decoded;
    // nothing is loaded.
    static QString htmlToText(const QString &html);
};

} // namespace Peering
