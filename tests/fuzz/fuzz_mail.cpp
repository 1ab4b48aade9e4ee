// The mail importer's reading on any bytes taken as one dropped message (GMime parses it): no
// crash, and every message read is classified by the shipped rules and its session addresses
// extracted.
#include "fuzzcheck.h"

#include "mail/mailextractor.h"
#include "mail/mailreader.h"
#include "mail/mailrules.h"

using namespace Peering;
using PeeringFuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    if (size > 256 * 1024)
        return 0;
    static const MailRules rules = MailRules::defaults();
    const QByteArray raw = PeeringFuzz::bytes(data, size);
    // Bytes that begin "From " are an mbox: readData reads every message of it.
    MailReader::readData(
        raw, QStringLiteral("fuzz.eml"),
        [&](MailMessage &&message) {
            check(!message.messageId.isEmpty(), "a message read has an id");
            check(!message.date.isValid() || message.date.timeSpec() == Qt::UTC,
                  "a message's date is in UTC", message.dateProblem);
            (void)rules.classify(message);
            (void)MailExtractor::extract(message.text);
        },
        [&](MailRefusal &&refusal) {
            check(!refusal.reason.isEmpty(), "a refused message has a reason");
        });

    // The helpers GMime does not do for us, on the same bytes.
    (void)MailReader::decodeHeaderText(raw.left(4096));
    (void)MailReader::decodeBase64(raw);
    const QString text = QString::fromUtf8(raw);
    (void)MailReader::htmlToText(text);
    (void)MailExtractor::extract(text);
    return 0;
}
