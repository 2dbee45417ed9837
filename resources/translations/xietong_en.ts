<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClientController</name>
    <message numerus="yes">
        <source>The local data file was damaged and has been kept aside at %1. %n change(s) waiting to be sent were carried over. The rest will be downloaded again from the server at the next sync.</source>
        <translation>
            <numerusform>The local data file was damaged and has been kept aside at %1. %n change waiting to be sent was carried over. The rest will be downloaded again from the server at the next sync.</numerusform>
            <numerusform>The local data file was damaged and has been kept aside at %1. %n changes waiting to be sent were carried over. The rest will be downloaded again from the server at the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictBanner</name>
    <message numerus="yes">
        <source>%n more wait(s).</source>
        <translation>
            <numerusform>%n more waits.</numerusform>
            <numerusform>%n more wait.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message numerus="yes">
        <source>Showing the first %n people; type more to narrow the search.</source>
        <translation>
            <numerusform>Showing the first %n people; type more to narrow the search.</numerusform>
            <numerusform>Showing the first %n people; type more to narrow the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found</source>
        <translation>
            <numerusform>%n person found</numerusform>
            <numerusform>%n people found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoticePanel</name>
    <message numerus="yes">
        <source>%n colleague(s) have read it.</source>
        <translation>
            <numerusform>%n colleague has read it.</numerusform>
            <numerusform>%n colleagues have read it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PinGuard</name>
    <message numerus="yes">
        <source>%n tries left.</source>
        <translation>
            <numerusform>%n try left.</numerusform>
            <numerusform>%n tries left.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortalView</name>
    <message numerus="yes">
        <source>%n item(s) waiting</source>
        <translation>
            <numerusform>%n item waiting</numerusform>
            <numerusform>%n items waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message numerus="yes">
        <source>Waiting to send: %n</source>
        <translation>
            <numerusform>Waiting to send: %n</numerusform>
            <numerusform>Waiting to send: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This computer&apos;s clock is %n minute(s) off the server&apos;s.</source>
        <translation>
            <numerusform>This computer&apos;s clock is %n minute off the server&apos;s.</numerusform>
            <numerusform>This computer&apos;s clock is %n minutes off the server&apos;s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changes sent back (%n)</source>
        <translation>
            <numerusform>Changes sent back (%n)</numerusform>
            <numerusform>Changes sent back (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Receiving: %n row(s)</source>
        <translation>
            <numerusform>Receiving: %n row</numerusform>
            <numerusform>Receiving: %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodoView</name>
    <message numerus="yes">
        <source>%n item(s) waiting</source>
        <translation>
            <numerusform>%n item waiting</numerusform>
            <numerusform>%n items waiting</numerusform>
        </translation>
    </message>
</context>
</TS>
