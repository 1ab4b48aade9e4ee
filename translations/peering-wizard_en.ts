<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>Peering::CommandLine</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform><numerusform>%n notes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n MD5 key(s) left out; add --include-secrets to export them</source>
        <translation>
            <numerusform>%n MD5 key left out; add --include-secrets to export them</numerusform><numerusform>%n MD5 keys left out; add --include-secrets to export them</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform><numerusform>%n days late</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) early</source>
        <translation>
            <numerusform>%n day early</numerusform><numerusform>%n days early</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>OVERDUE by %n day(s)</source>
        <translation>
            <numerusform>OVERDUE by %n day</numerusform><numerusform>OVERDUE by %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) read</source>
        <translation>
            <numerusform>%n message read</numerusform><numerusform>%n messages read</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n classified</source>
        <translation>
            <numerusform>%n classified</numerusform><numerusform>%n classified</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unclassified</source>
        <translation>
            <numerusform>%n unclassified</numerusform><numerusform>%n unclassified</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refused</numerusform><numerusform>%n refused</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new mail(s) in the log</source>
        <translation>
            <numerusform>%1: %n new mail in the log</numerusform><numerusform>%1: %n new mails in the log</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n imported before</source>
        <translation>
            <numerusform>%n imported before</numerusform><numerusform>%n imported before</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n mail(s) without a valid date are in the log unclassified (a milestone needs the time it was reached); mark their stages with peering-wizard mark</source>
        <translation>
            <numerusform>%n mail without a valid date are in the log unclassified (a milestone needs the time it was reached); mark their stages with peering-wizard mark</numerusform><numerusform>%n mails without a valid date are in the log unclassified (a milestone needs the time it was reached); mark their stages with peering-wizard mark</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n MD5 key(s) moved to the desktop keychain (the store holds none)</source>
        <translation>
            <numerusform>%n MD5 key moved to the desktop keychain (the store holds none)</numerusform><numerusform>%n MD5 keys moved to the desktop keychain (the store holds none)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n MD5 key(s) not kept: %1; add --include-secrets to keep them in the store instead</source>
        <translation>
            <numerusform>%n MD5 key not kept: %1; add --include-secrets to keep them in the store instead</numerusform><numerusform>%n MD5 keys not kept: %1; add --include-secrets to keep them in the store instead</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) (whole)</source>
        <translation>
            <numerusform>%n row (whole)</numerusform><numerusform>%n rows (whole)</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::ConnectionsPage</name>
    <message numerus="yes">
        <source>%n connection(s), %1 BGP sessions: you give one peer IP and one Microsoft IP per connection and Microsoft builds a two-link mesh from each, so the portal shows fewer connections than sessions.</source>
        <translation>
            <numerusform>%n connection, %1 BGP sessions: you give one peer IP and one Microsoft IP per connection and Microsoft builds a two-link mesh from each, so the portal shows fewer connections than sessions.</numerusform><numerusform>%n connections, %1 BGP sessions: you give one peer IP and one Microsoft IP per connection and Microsoft builds a two-link mesh from each, so the portal shows fewer connections than sessions.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::DocumentRules</name>
    <message numerus="yes">
        <source>"%1" is ticked met, but rule %2 has %n finding(s) in the document (%3); fix the finding, or set the requirement back to open</source>
        <translation>
            <numerusform>"%1" is ticked met, but rule %2 has %n finding in the document (%3); fix the finding, or set the requirement back to open</numerusform><numerusform>"%1" is ticked met, but rule %2 has %n findings in the document (%3); fix the finding, or set the requirement back to open</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n requirement(s) of the checklist still open: %1; mark each met, or waived with a note, on the Requirements page before Review + create</source>
        <translation>
            <numerusform>%n requirement of the checklist still open: %1; mark each met, or waived with a note, on the Requirements page before Review + create</numerusform><numerusform>%n requirements of the checklist still open: %1; mark each met, or waived with a note, on the Requirements page before Review + create</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::FlowchartView</name>
    <message numerus="yes">
        <source>⚠ OVERDUE by %n day(s)</source>
        <translation>
            <numerusform>⚠ OVERDUE by %n day</numerusform><numerusform>⚠ OVERDUE by %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform><numerusform>%n days left</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n connection(s)</source>
        <translation>
            <numerusform>%1 of %n connection</numerusform><numerusform>%1 of %n connections</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::MailImport</name>
    <message numerus="yes">
        <source>%n new mail(s) imported</source>
        <translation>
            <numerusform>%n new mail imported</numerusform><numerusform>%n new mails imported</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n imported before</source>
        <translation>
            <numerusform>, %n imported before</numerusform><numerusform>, %n imported before</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>; %n without a valid date kept unclassified</source>
        <translation>
            <numerusform>; %n without a valid date kept unclassified</numerusform><numerusform>; %n without a valid date kept unclassified</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>; %n refused (%1: %2)</source>
        <translation>
            <numerusform>; %n refused (%1: %2)</numerusform><numerusform>; %n refused (%1: %2)</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::MainWindow</name>
    <message numerus="yes">
        <source>%n onboarding(s)</source>
        <translation>
            <numerusform>%n onboarding</numerusform><numerusform>%n onboardings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) imported</source>
        <translation>
            <numerusform>%n document imported</numerusform><numerusform>%n documents imported</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished onboarding(s) from an earlier session:</source>
        <translation>
            <numerusform>%n unfinished onboarding from an earlier session:</numerusform><numerusform>%n unfinished onboardings from an earlier session:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>; %n refused (%1)</source>
        <translation>
            <numerusform>; %n refused (%1)</numerusform><numerusform>; %n refused (%1)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>; %n mail(s) name no single onboarding: select the onboarding and import them again</source>
        <translation>
            <numerusform>; %n mail name no single onboarding: select the onboarding and import them again</numerusform><numerusform>; %n mails name no single onboarding: select the onboarding and import them again</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>"%1" is saved, but %n MD5 key(s) of its BGP sessions could not be kept: %2.</source>
        <translation>
            <numerusform>"%1" is saved, but %n MD5 key of its BGP sessions could not be kept: %2.</numerusform><numerusform>"%1" is saved, but %n MD5 keys of its BGP sessions could not be kept: %2.</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::OnboardingListModel</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform><numerusform>%n days overdue</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left</source>
        <translation>
            <numerusform>%n day left</numerusform><numerusform>%n days left</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::OnboardingTracker</name>
    <message numerus="yes">
        <source>%n customer ASN(s) registered with a prefix key</source>
        <translation>
            <numerusform>%n customer ASN registered with a prefix key</numerusform><numerusform>%n customer ASNs registered with a prefix key</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>All %n connection(s): %1</source>
        <translation>
            <numerusform>All %n connection: %1</numerusform><numerusform>All %n connections: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n connection(s): %2</source>
        <translation>
            <numerusform>%1 of %n connection: %2</numerusform><numerusform>%1 of %n connections: %2</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::PeeringSelector</name>
    <message numerus="yes">
        <source>Remove %1 and its %n connection(s)?</source>
        <translation>
            <numerusform>Remove %1 and its %n connection?</numerusform><numerusform>Remove %1 and its %n connections?</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::RequirementsPage</name>
    <message numerus="yes">
        <source>document: %n finding(s)</source>
        <translation>
            <numerusform>document: %n finding</numerusform><numerusform>document: %n findings</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::ReviewPage</name>
    <message numerus="yes">
        <source>&lt;b&gt;Validation passed&lt;/b&gt; with %n warning(s). Confirm below, then Create.</source>
        <translation>
            <numerusform>&lt;b&gt;Validation passed&lt;/b&gt; with %n warning. Confirm below, then Create.</numerusform><numerusform>&lt;b&gt;Validation passed&lt;/b&gt; with %n warnings. Confirm below, then Create.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>... and %n more change(s)</source>
        <translation>
            <numerusform>... and %n more change</numerusform><numerusform>... and %n more changes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Validation passed&lt;/b&gt; with %n warning(s). Confirm below, then Save.</source>
        <translation>
            <numerusform>&lt;b&gt;Validation passed&lt;/b&gt; with %n warning. Confirm below, then Save.</numerusform><numerusform>&lt;b&gt;Validation passed&lt;/b&gt; with %n warnings. Confirm below, then Save.</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::ReviewReport</name>
    <message numerus="yes">
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n warning.</numerusform><numerusform>%n warnings.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Passes validation with %n warning(s).</source>
        <translation>
            <numerusform>Passes validation with %n warning.</numerusform><numerusform>Passes validation with %n warnings.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>This export CONTAINS %n MD5 key(s): handle it as a secret.</source>
        <translation>
            <numerusform>This export CONTAINS %n MD5 key: handle it as a secret.</numerusform><numerusform>This export CONTAINS %n MD5 keys: handle it as a secret.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>MD5 keys are left out of this export (%n set).</source>
        <translation>
            <numerusform>MD5 keys are left out of this export (%n set).</numerusform><numerusform>MD5 keys are left out of this export (%n set).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n advertised prefix(es).</source>
        <translation>
            <numerusform>%n advertised prefix.</numerusform><numerusform>%n advertised prefixes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>DOES NOT PASS VALIDATION: %n error(s) must be fixed before Review + create.</source>
        <translation>
            <numerusform>DOES NOT PASS VALIDATION: %n error must be fixed before Review + create.</numerusform><numerusform>DOES NOT PASS VALIDATION: %n errors must be fixed before Review + create.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform><numerusform>%n days late</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) early</source>
        <translation>
            <numerusform>%n day early</numerusform><numerusform>%n days early</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>OVERDUE by %n day(s)</source>
        <translation>
            <numerusform>OVERDUE by %n day</numerusform><numerusform>OVERDUE by %n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(and %n more)</numerusform><numerusform>(and %n more)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>NOT MET: %n finding(s) of %1 (see Findings)</source>
        <translation>
            <numerusform>NOT MET: %n finding of %1 (see Findings)</numerusform><numerusform>NOT MET: %n findings of %1 (see Findings)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n of the checklist (listed under Requirements)</source>
        <translation>
            <numerusform>%n of the checklist (listed under Requirements)</numerusform><numerusform>%n of the checklist (listed under Requirements)</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::SqlSession</name>
    <message numerus="yes">
        <source>the server did not answer within %n second(s) (PEERING_PG_TIMEOUT); it may be stopped or overloaded: check it, then try again</source>
        <translation>
            <numerusform>the server did not answer within %n second (PEERING_PG_TIMEOUT); it may be stopped or overloaded: check it, then try again</numerusform><numerusform>the server did not answer within %n seconds (PEERING_PG_TIMEOUT); it may be stopped or overloaded: check it, then try again</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::TimelineView</name>
    <message numerus="yes">
        <source>%n d late</source>
        <translation>
            <numerusform>%n d late</numerusform><numerusform>%n d late</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n d early</source>
        <translation>
            <numerusform>%n d early</numerusform><numerusform>%n d early</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::TrackerWindow</name>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform><numerusform>%n days late</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) early</source>
        <translation>
            <numerusform>%n day early</numerusform><numerusform>%n days early</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n day(s))</source>
        <translation>
            <numerusform>%1 (%n day)</numerusform><numerusform>%1 (%n days)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Replanned from %1: %n stage(s) moved; reached stages keep their dates.</source>
        <translation>
            <numerusform>Replanned from %1: %n stage moved; reached stages keep their dates.</numerusform><numerusform>Replanned from %1: %n stages moved; reached stages keep their dates.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;&lt;b&gt;%1 of %n connection(s)&lt;/b&gt; reached this stage:&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;&lt;b&gt;%1 of %n connection&lt;/b&gt; reached this stage:&lt;/p&gt;</numerusform><numerusform>&lt;p&gt;&lt;b&gt;%1 of %n connections&lt;/b&gt; reached this stage:&lt;/p&gt;</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::ValidationRun</name>
    <message numerus="yes">
        <source>%n more finding(s) of this rule, from this field on, are not listed; correct those listed and validate again</source>
        <translation>
            <numerusform>%n more finding of this rule, from this field on, are not listed; correct those listed and validate again</numerusform><numerusform>%n more findings of this rule, from this field on, are not listed; correct those listed and validate again</numerusform></translation>
    </message>
</context>
</TS>