// Shape checks for strings that are not numbers: GUIDs (Azure subscription ids, connection
// identifiers, prefix keys), e-mail addresses, ISO dates.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Peering::TextChecks {

// 8-4-4-4-12 hexadecimal digits, either case, no braces.
bool isGuid(QStringView text);
// A practical RFC 5321 mailbox: local part of atext and dots, a domain of LDH labels with a
// dot and an alphabetic top-level label.
bool isEmail(QStringView text);
// The domain part of an e-mail address, lower case; empty when there is none.
QString emailDomain(QStringView text);
// True for widely used free-mail providers (gmail.com, outlook.com, ...).
bool isFreeMailDomain(QStringView domain);
// The first control character (C0 but tab and newline, DEL, C1) or bidi control (U+061C,
// U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) in a text; nullopt when there is none.
std::optional<char32_t> firstHiddenCharacter(QStringView text);
bool isHiddenCharacter(char32_t c);
// "U+202E (RIGHT-TO-LEFT OVERRIDE)", "U+0000 (NUL)", "U+001B (ESC)".
QString describeCharacter(char32_t c);
// "2026-11-21".
std::optional<QDate> parseIsoDate(QStringView text);
// "2026-11-21T10:00:00Z" or with an offset; a date-time without zone is read as UTC.
std::optional<QDateTime> parseIsoDateTime(QStringView text);

} // namespace Peering::TextChecks
