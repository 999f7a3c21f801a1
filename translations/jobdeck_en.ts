<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>JobDeck::HttpClient</name>
    <message numerus="yes">
        <source>The connection was lost while reading the answer (%n bytes received)</source>
        <translation>
            <numerusform>The connection was lost while reading the answer (%n byte received)</numerusform>
            <numerusform>The connection was lost while reading the answer (%n bytes received)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“%1” (HTTP %2, %n bytes)</source>
        <translation>
            <numerusform>“%1” (HTTP %2, %n byte)</numerusform>
            <numerusform>“%1” (HTTP %2, %n bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The answer stopped arriving within the request&apos;s time (%n bytes received)</source>
        <translation>
            <numerusform>The answer stopped arriving within the request&apos;s time (%n byte received)</numerusform>
            <numerusform>The answer stopped arriving within the request&apos;s time (%n bytes received)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDeck::JobCommands</name>
    <message numerus="yes">
        <source>&amp;Kill %n Jobs</source>
        <translation>
            <numerusform>&amp;Kill %n Job</numerusform>
            <numerusform>&amp;Kill %n Jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copy %n Job Ids</source>
        <translation>
            <numerusform>Copy %n Job Id</numerusform>
            <numerusform>Copy %n Job Ids</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stop these %n jobs? Their work so far may be lost.</source>
        <translation>
            <numerusform>Stop this job? Its work so far may be lost.</numerusform>
            <numerusform>Stop these %n jobs? Their work so far may be lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDeck::JobListPanel</name>
    <message numerus="yes">
        <source>%n job(s) in this state; click to stop showing only them</source>
        <translation>
            <numerusform>%n job in this state; click to stop showing only it</numerusform>
            <numerusform>%n jobs in this state; click to stop showing only them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) in this state; click to show only them</source>
        <translation>
            <numerusform>%n job in this state; click to show only it</numerusform>
            <numerusform>%n jobs in this state; click to show only them</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n Connection(s)</source>
        <translation>
            <numerusform>%n Connection</numerusform>
            <numerusform>%n Connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n job(s))</source>
        <comment>a connection and its number of jobs</comment>
        <translation>
            <numerusform>%1 (%n job)</numerusform>
            <numerusform>%1 (%n jobs)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) hidden by the filter.</source>
        <translation>
            <numerusform>%n job hidden by the filter.</numerusform>
            <numerusform>%n jobs hidden by the filter.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDeck::JobNotifier</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDeck::KylinBackend</name>
    <message numerus="yes">
        <source>Job %1 has no step %2 (it has %n steps)</source>
        <translation>
            <numerusform>Job %1 has no step %2 (it has %n step)</numerusform>
            <numerusform>Job %1 has no step %2 (it has %n steps)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDeck::LineagePanel</name>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n table</numerusform>
            <numerusform>%n tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n data flow(s)</source>
        <translation>
            <numerusform>%n data flow</numerusform>
            <numerusform>%n data flows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1.%2: %n source(s)</source>
        <translation>
            <numerusform>%1.%2: %n source</numerusform>
            <numerusform>%1.%2: %n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n target</numerusform>
            <numerusform>%n targets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDeck::SchemaBrowser</name>
    <message numerus="yes">
        <source>%Ln database(s)</source>
        <translation>
            <numerusform>%Ln database</numerusform>
            <numerusform>%Ln databases</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln table(s)</source>
        <translation>
            <numerusform>%Ln table</numerusform>
            <numerusform>%Ln tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln column(s)</source>
        <translation>
            <numerusform>%Ln column</numerusform>
            <numerusform>%Ln columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobDeck::SchemaModel</name>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n table</numerusform>
            <numerusform>%n tables</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n model</numerusform>
            <numerusform>%n models</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cube(s)</source>
        <translation>
            <numerusform>%n cube</numerusform>
            <numerusform>%n cubes</numerusform>
        </translation>
    </message>
</context>
</TS>
