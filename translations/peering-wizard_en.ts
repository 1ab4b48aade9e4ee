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
</context>
<context>
    <name>Peering::ConnectionsPage</name>
    <message numerus="yes">
        <source>%n connection(s), %1 BGP sessions: you give one peer IP and one Microsoft IP per connection and Microsoft builds a two-link mesh from each, so the portal shows fewer connections than sessions.</source>
        <translation>
            <numerusform>%n connection, %1 BGP sessions: you give one peer IP and one Microsoft IP per connection and Microsoft builds a two-link mesh from each, so the portal shows fewer connections than sessions.</numerusform><numerusform>%n connections, %1 BGP sessions: you give one peer IP and one Microsoft IP per connection and Microsoft builds a two-link mesh from each, so the portal shows fewer connections than sessions.</numerusform></translation>
    </message>
</context>
<context>
    <name>Peering::MainWindow</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: no errors, %n warning(s). Ready for Review + create.</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: no errors, %n warning. Ready for Review + create.</numerusform><numerusform>&lt;b&gt;%1&lt;/b&gt;: no errors, %n warnings. Ready for Review + create.</numerusform></translation>
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
        <source>%n advertised prefix(es)</source>
        <translation>
            <numerusform>%n advertised prefix</numerusform><numerusform>%n advertised prefixes</numerusform></translation>
    </message>
</context>
</TS>