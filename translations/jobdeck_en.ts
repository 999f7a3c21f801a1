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
    <name>JobDeck::SchemaModel</name>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation>
            <numerusform>%n table</numerusform>
            <numerusform>%n tables</numerusform>
        </translation>
    </message>
</context>
</TS>
