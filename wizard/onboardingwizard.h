// The onboarding wizard: edits one draft Onboarding through its pages, validates it on every
// change (validation is pure and takes well under a millisecond), and hands the finished value
// out through created(). It never stores anything itself: the caller saves drafts and results.
#pragma once

#include "domain/onboarding.h"
#include "peeringdb/peeringdbchoices.h"
#include "peeringdb/peeringdblookup.h"
#include "validation/finding.h"
#include "validation/validationcontext.h"

#include <QPointer>
#include <QWizard>

#include <functional>

namespace Peering {

class OnboardingWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId {
        RequirementsPageId,
        PeerAsnPageId,
        BasicsPageId,
        ConfigurationPageId,
        ConnectionsPageId,
        PrefixesPageId,
        ReviewPageId
    };
    Q_ENUM(PageId)

    explicit OnboardingWizard(QWidget *parent = nullptr);
    ~OnboardingWizard() override;

    // A new onboarding with one empty peering and the portal's fixed values.
    static Onboarding newOnboarding();

    const Onboarding &draft() const { return m_draft; }
    void setDraft(const Onboarding &onboarding);
    // Pages change the draft through edit(); it revalidates and tells everyone.
    template<typename Fn>
    void edit(Fn fn)
    {
        fn(m_draft);
        draftEdited();
    }

    // Edits the selected peering.
    template<typename Fn>
    void editPeering(Fn fn)
    {
        fn(m_draft.peerings[m_currentPeering]);
        draftEdited();
    }

    int currentPeering() const { return m_currentPeering; }
    void setCurrentPeering(int index);
    PeeringResource &peering() { return m_draft.peerings[m_currentPeering]; }
    const PeeringResource &peering() const { return m_draft.peerings.at(m_currentPeering); }
    void addPeering();
    void duplicatePeering();
    void removePeering();

    // Called on Create with the finished onboarding; returning false keeps the wizard open (the
    // store refused it, e.g. a conflict the user chose to resolve). Without a handler, Create
    // just closes the wizard after created().
    using CommitHandler = std::function<bool(const Onboarding &)>;
    void setCommitHandler(CommitHandler handler) { m_commit = std::move(handler); }

    const Findings &findings() const { return m_findings; }
    void setValidationContext(const ValidationContext &context);
    // The PeeringDB cache's choices for the metro and facility pickers and the peer name;
    // without them (no cache) the fields are typed by hand.
    void setPeeringDbChoices(const PeeringDbChoices &choices);
    const PeeringDbChoices &peeringDbChoices() const { return m_peeringDb; }
    // The live net?asn= lookup for an ASN the cache does not know (not owned; none: the cache
    // alone answers).
    void setPeeringDbLookup(PeeringDbLookup *lookup) { m_lookup = lookup; }
    PeeringDbLookup *peeringDbLookup() const { return m_lookup; }

    // Editing an onboarding that is in the store: the last button saves instead of creating,
    // Review lists what will change against this stored version, and the fields Azure cannot
    // change on a created peering are read-only.
    void setStoredOriginal(const Onboarding &stored);
    bool isEditingStored() const { return m_editingStored; }
    const Onboarding &storedOriginal() const { return m_original; }
    // The draft's peering at index exists in Azure already (it is in the stored version and a
    // connection of it is past None): its subscription, resource group and name are fixed.
    bool isPeeringCreated(int index) const;
    // The peer ASN is fixed once any peering of the onboarding is created.
    bool isPeerAsnFixed() const;

    // The page that owns a finding's field path (for grouping and "go to field").
    static PageId pageForPath(const QString &path);
    // Shows the page and focuses the widget bound to the path (selecting its peering first).
    // Works from any page, also when the wizard was opened at Review; false (and nothing
    // focused) when a page before the field's has errors that block Next.
    bool goToField(const QString &path);
    // Opens at Review + create with every page visited, so Back and "go to field" reach every
    // page (Check Document File).
    void openAtReview();

Q_SIGNALS:
    void draftChanged();
    void findingsChanged();
    void currentPeeringChanged(int index);
    void created(const Peering::Onboarding &onboarding);

protected:
    void done(int result) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void draftEdited();
    void revalidate();

    Onboarding m_draft;
    Findings m_findings;
    ValidationContext m_context;
    PeeringDbChoices m_peeringDb;
    QPointer<PeeringDbLookup> m_lookup;
    CommitHandler m_commit;
    Onboarding m_original;
    bool m_editingStored = false;
    int m_currentPeering = 0;
    bool m_navigating = false;
};

} // namespace Peering
