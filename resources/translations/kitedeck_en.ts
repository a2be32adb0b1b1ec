<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Confirm</name>
    <message numerus="yes">
        <source>%n queue(s)</source>
        <translation>
            <numerusform>%n queue</numerusform>
            <numerusform>%n queues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent token(s)</source>
        <translation>
            <numerusform>%n agent token</numerusform>
            <numerusform>%n agent tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainStatusBar</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the rest (%n request(s)) when your API rate limit allows</source>
        <translation>
            <numerusform>Loading the rest (%n request) when your API rate limit allows</numerusform>
            <numerusform>Loading the rest (%n requests) when your API rate limit allows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking %n cluster(s) every %1 to stay within your API rate limit</source>
        <translation>
            <numerusform>Checking %n cluster every %1 to stay within your API rate limit</numerusform>
            <numerusform>Checking %n clusters every %1 to stay within your API rate limit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The clusters you are looking at (%n of them) every %1.</source>
        <translation>
            <numerusform>The clusters you are looking at (%n of them) every %1.</numerusform>
            <numerusform>The clusters you are looking at (%n of them) every %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The window resets in %n second(s).</source>
        <translation>
            <numerusform>The window resets in %n second.</numerusform>
            <numerusform>The window resets in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to watched queues you have not seen</source>
        <translation>
            <numerusform>%n change to watched queues you have not seen</numerusform>
            <numerusform>%n changes to watched queues you have not seen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NavigationDelegate</name>
    <message numerus="yes">
        <source>%n paused queue(s)</source>
        <translation>
            <numerusform>%n paused queue</numerusform>
            <numerusform>%n paused queues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired token(s)</source>
        <translation>
            <numerusform>%n expired token</numerusform>
            <numerusform>%n expired tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationPane</name>
    <message numerus="yes">
        <source>%n of them name no queue</source>
        <translation>
            <numerusform>%n of them name no queue</numerusform>
            <numerusform>%n of them name no queue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RowText</name>
    <message numerus="yes">
        <source>Checked %n s ago</source>
        <comment>seconds</comment>
        <translation>
            <numerusform>Checked %n s ago</numerusform>
            <numerusform>Checked %n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked %n min ago</source>
        <comment>minutes</comment>
        <translation>
            <numerusform>Checked %n min ago</numerusform>
            <numerusform>Checked %n min ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WriteFlows</name>
    <message numerus="yes">
        <source>Paused %n queue(s).</source>
        <translation>
            <numerusform>Paused %n queue.</numerusform>
            <numerusform>Paused %n queues.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resumed %n queue(s).</source>
        <translation>
            <numerusform>Resumed %n queue.</numerusform>
            <numerusform>Resumed %n queues.</numerusform>
        </translation>
    </message>
</context>
</TS>
