<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" sourcelanguage="en">
<context>
    <name>AccountManager</name>
    <message>
        <source>This account no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is stored for this account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountSwitcher</name>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this session only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign Out of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The built-in demo organisation, on this computer: nothing here reaches Buildkite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2, with the token in %3 for this run only: nothing is saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsUi</name>
    <message>
        <source>token expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token expired %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes Kitedeck noticed on the queues and clusters you watch during this session, newest first. Double-click one to show its queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing yet. Watch a queue or a cluster (right-click it in the tree, or Edit &gt; Watch Queue) and Kitedeck lists here when someone else pauses or resumes it, or its agents all disconnect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityLog</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue “%1” paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue “%1” resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue “%1” has no agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch paused in cluster “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch paused by %1 in cluster “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch resumed in cluster “%1”, not from Kitedeck.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its jobs wait until an agent connects.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentListModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hostname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS/arch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> for %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping: it finishes its current job, then disconnects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentTokenDetailPane</name>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit agent token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke agent token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GraphQL ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent token for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0.0.0.0/0 is in the allowlist: agents may connect from anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry can only be set when a token is created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentTokenDialog</name>
    <message>
        <source>New Agent Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Agent Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cannot be changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. macOS build fleet, Terraform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed &amp;IPs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the token so it can be found and revoked later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 address range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 address ranges (at most %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any address may use this token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents connected from addresses outside the new allowlist are disconnected when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The expiry must be at least 10 minutes from now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token stops working %1. This cannot be changed later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never expires. Expiry cannot be added later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One IPv4 address or CIDR per line, e.g. 192.0.2.0/24
Leave empty to allow any address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never expires (an expiry can only be set when a token is created)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentTokenListModel</name>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed IP addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiClient</name>
    <message>
        <source>The API URL is not a valid URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API URL must use https:// (plain http:// is allowed only for localhost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server took longer than %1 s to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The response is larger than the %1 limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection closed after %1 of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent malformed JSON (%1 at byte %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a JSON array from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s next-page links did not end after %1 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused to follow a next-page link to another origin (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <source>no error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insecure URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time; the change may or may not have been made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server closed the connection before answering; the change may or may not have been made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection failed before the server answered (%1); the change may or may not have been made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused a redirect to another origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite answered that it made the change, but its answer could not be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unauthorized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forbidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing at that address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unprocessable content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal server error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not implemented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gave no reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API token of “%1” %2. Create a new one in Buildkite and enter it from the account menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the token of “%1” from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of “%1”?

Its API token is deleted from the keychain and the account is forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set %1 to an API access token to use --api-url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--api-url needs --org SLUG, the organisation to show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>Paused queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues with no connected agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired agent tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent tokens expiring within %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent tokens without an IP allowlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue or token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents connected · paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never-expiring agent tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionTiles</name>
    <message>
        <source>Paused queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues with no agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens expiring within %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens without an IP allowlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show them in the list below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show them in the tree (filter “%1”) and in the list below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never-expiring tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <source>Nothing needs attention: no queue is paused or without agents, and no agent token has expired or expires within a week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkDispatchDialog</name>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note for all of them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause Dispatch on %1 Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume Dispatch on %1 Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents stop picking up new jobs from these %1 queues until they are resumed. Jobs already running carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents start picking up jobs from these %1 queues again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 of them was paused by someone else: check the note before resuming it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of them were paused by someone else: check their notes before resuming them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To be %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is dispatch paused? Shown on each queue&apos;s page and on affected builds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1 Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1 Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send no more requests; those on their way finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed and stayed as they were</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some answers never came: the organisation is being reloaded to show what happened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BulkQueueOperation</name>
    <message>
        <source>The organisation was closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusyRow</name>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClearButton</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClusterDetailPane</name>
    <message>
        <source>%1 (team)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cluster in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the cluster&apos;s page on buildkite.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New queue in this cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Agent Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New agent token for this cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds whose steps name no queue run on the cluster&apos;s default queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set as Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the selected queue as the default queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintainers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GraphQL ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unnamed cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (queue not loaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (current default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not listed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 self-hosted queue has no agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 self-hosted queues have no agents</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClusterDialog</name>
    <message>
        <source>New Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Cluster %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A default queue can be changed but not removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not loaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default &amp;queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Mobile Apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What runs here, who to ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emoji preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Emoji:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cluster needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcodes go between colons: :%1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown here; Buildkite may still show it (its own logo emoji).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the colour as # and six hex digits, e.g. #FFE0F1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColorSwatch</name>
    <message>
        <source>No colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message numerus="yes">
        <source>%n queue(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n agent token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The cluster has no queues or agent tokens. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its %1 and %2 are deleted with it. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents and pipeline steps that use the key “%1” will need another queue. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New agents can no longer start with this token. Agents already connected with it stay connected until they stop. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the cluster “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the queue “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke Agent Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the agent token “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whatever started the agent decides whether a new one takes its place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is not running a job and disconnects now. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its running job %1 is cancelled, and the agent disconnects now. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It finishes its running job %1 first, then disconnects. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force Stop Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force-stop the agent “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the agent “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the queue “%1” in the cluster “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the agent token “%1” in the cluster “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CopyableField</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Your API token doesn&apos;t have the write_clusters scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last checked with Buildkite: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the token write_clusters on buildkite.com (Personal Settings → API Access Tokens) and enter it again to make changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: your API token doesn&apos;t have the write_clusters scope, so changes are off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailStack</name>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cluster, queue or agent token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect an account to browse its clusters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load this part of the organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a queue to see its dispatch state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an agent token to see its expiry and IP allowlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n month(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupPane</name>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New queue in this cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Agent Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New agent token for this cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent tokens of %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstanceShape</name>
    <message>
        <source> (removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 vCPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB disk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IpAllowlist</name>
    <message>
        <source>At most %1 addresses are allowed; this list has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an IPv4 address or CIDR like 198.51.100.12 or 192.0.2.0/24.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListTable</name>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the table</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainStatusBar</name>
    <message>
        <source>Refresh failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the rest (%n request(s)) when your API rate limit allows</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A full refresh spends what this minute&apos;s rate-limit window has left, less a fifth kept for your other tools, then waits for the next window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh is off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn it on in the View menu; Refresh reloads everything now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking for clusters every %1 to stay within your API rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checking %n cluster(s) every %1 to stay within your API rate limit</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The clusters you are looking at (%n of them) every %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Agent tokens less often, and when you open them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 of your %2 requests a minute (%3 %), shared with your other tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API %1/%2 (low)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your requests left this minute: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation&apos;s: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The window resets in %n second(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Other tools using the same budget may be refused until then; Kitedeck waits for the reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo it (offered for %1 seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to watched queues you have not seen</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>What happened to the queues and clusters you watch</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Kitedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Kitedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check the API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Kitedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kitedeck %1&lt;/h3&gt;&lt;p&gt;Manage Buildkite clusters, queues and agent tokens.&lt;/p&gt;&lt;p&gt;Emoji data from emoji-datasource (MIT licence).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the cluster list and the clusters on screen now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing data from %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching “%1”: changes made elsewhere are noted in Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer watching “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindowActions</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload the organisation (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;Queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Agent &amp;Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause Dispatch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Kitedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a queue in the selected cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cluster first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an agent token for the selected cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause dispatch on the selected queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume dispatch on the selected queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Auto-refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the organisation current in the background, within a share of your API rate limit (Preferences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite can&apos;t be reached right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the selected agent token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected cluster or queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acti&amp;vity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened to the queues and clusters you watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a queue or a cluster to watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;watch Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop notifying about this cluster&apos;s queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify when any queue of this cluster is paused or resumed by someone else, or loses its last agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;watch Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop notifying about this queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify when this queue is paused or resumed by someone else, or loses its last agent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemorySecretStore</name>
    <message>
        <source>Entry not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagePane</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an organisation, cluster, queue or agent token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 error (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigationContextMenu</name>
    <message>
        <source>Open in Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Agent Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause All %1 Running Queues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume All %1 Paused Queues…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1 Running Queues Matching the Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1 Paused Queues Matching the Filter…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigationDelegate</name>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n paused queue(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expired token(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NavigationPanel</name>
    <message>
        <source>Filter clusters, queues and tokens (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, watched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationExport</name>
    <message>
        <source>The cluster list could not be split into objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clusters[%1].id: expected a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected an object, got %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganizationPane</name>
    <message>
        <source>Select a cluster, queue or agent token to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Agent Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clusters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of them name no queue</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Agents: not listed yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganizationSession</name>
    <message>
        <source>Refreshing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refreshing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the access token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating cluster “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating cluster “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting cluster “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating queue “%1” in %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating queue “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting queue “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing queue “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming queue “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloading queue “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating agent token “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating agent token “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting agent token “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kitedeck left the organisation “%1” before Buildkite answered, so the change may or may not have been made. Check when you open “%1” again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Reading it back failed too (%2): refresh to see whether it was made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite did not answer, but %1 now has a new token “%2”: this request created it, and its value was in the answer that was lost. Buildkite never shows a token&apos;s value again, so no agent can use it: revoke it and create another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent counts need the read_agents scope on your API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite does not show this token the agents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your API token doesn&apos;t have the write_agents scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the agents of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the agents of queue “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing agent “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming agent “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force-stopping agent “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping agent “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite answered, but its answer could not be read; checking whether the change was made…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite did not answer; checking whether the change was made…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite answered, but its answer could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and its list of clusters has no new “%2”: the cluster was not created. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the cluster “%2” as it reads now does not have the change: it was not saved. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the cluster “%2” is still listed: it was not deleted. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the queues of %2 have no new “%3”: the queue was not created. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the queue “%2” as it reads now does not have the change: it was not saved. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the queue “%2” is still listed: it was not deleted. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the queue “%2” is not paused: dispatch still runs. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the queue “%2” is still paused. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the tokens of %2 have no new “%3”: no token was created. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite answered, but its answer could not be read, and %1 now has a new token “%2”: this request created it, and its value was in that answer. Buildkite never shows a token&apos;s value again, so no agent can use it: revoke it and create another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the token “%2” as it reads now does not have the change: it was not saved. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and the token “%2” is still listed: it was not revoked. You can try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganizationTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default queue of the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed IP addresses: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 queue paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 queues paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 agent token expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 agent tokens expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents running: Buildkite starts them when jobs arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Parsing</name>
    <message>
        <source>Expected a JSON object for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a JSON array of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: expected an object, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token.token: the create response carries no token value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PauseAgentDialog</name>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing the agent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent finishes the job it is running, then takes no new jobs until it is resumed or the time below is up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the agent paused? Shown to whoever looks at it next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume after, in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumes by itself after %1, around %2 (at most a week).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PauseQueueDialog</name>
    <message>
        <source>Pause Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause dispatch on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing dispatch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents stop picking up new jobs from this queue until it is resumed. Jobs already running carry on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is dispatch paused? Shown on the queue page and on affected builds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Background refresh&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your API rate limit is shared with every other tool you run (bk, Terraform, scripts). Kitedeck checks the clusters you are looking at first and the others in turn, within this share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of your rate limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the clusters on screen at most every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the clusters on screen at most every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to %1 of your %2 requests a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your other tools may be refused while Kitedeck runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Notifications&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show desktop notifications for watched queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When someone else pauses or resumes a watched queue, or its last agent disconnects. The Activity list in the status bar records these changes either way.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Kitedeck switched away from “%1”; this form can no longer be sent. Open it again in “%1” to make the change there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueAgentsSection</name>
    <message>
        <source>Agents join this queue when they start with its tag. On a machine of yours, run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agent command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Agent Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New agent token for this cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents of this queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force Stop…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force-stop agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent needs an agent token of the %1 cluster: pass it with --token, or set BUILDKITE_AGENT_TOKEN in its environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the agents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing the agents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents running right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents connected: jobs on this queue wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite runs the agents of this hosted queue: they start when jobs arrive and stop when they are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an agent first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the agent finish its job and take no new ones for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let the agent take jobs again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the agent once its current job is done (it does not come back by itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the agent now, cancelling the job it runs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueDetailPane</name>
    <message>
        <source>Pause Dispatch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop agents from picking up new jobs from this queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let agents pick up jobs from this queue again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open queue in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the queue&apos;s page on buildkite.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite no longer offers this shape; choose a current size when editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry affinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GraphQL ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosted by Buildkite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-hosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents for this queue run on your own machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer a different agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retried job goes to another agent when one is free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer the warmest agent (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retried job goes to the agent that most recently ran it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch running: agents pick up new jobs from this queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite&apos;s default image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueDialog</name>
    <message>
        <source>macOS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linux</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. macos-arm64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Self-hosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents you run on your own machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosted by &amp;Buildkite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite runs the agents on the shape you choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A queue&apos;s key cannot be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosted by Buildkite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-hosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hosted queue can change its size, not its machine type or architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A self-hosted queue cannot become hosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What runs here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry agent affinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer the warmest agent (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retried job goes to the agent that most recently ran it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefer a different agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A retried job goes to another agent when one is free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry affinity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance &amp;shape:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>current shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A queue needs a key; agents use it to pick the queue (queue=&lt;key&gt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys are at most %1 characters; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys may only contain letters, digits, - and _ (not %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cluster already has a queue with the key “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite&apos;s image; or your own, e.g. ghcr.io/acme/agent:1.2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container image the hosted Linux agents run in. Leave empty for Buildkite&apos;s own image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent &amp;image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image reference has no spaces, e.g. ghcr.io/acme/agent:1.2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite takes the image together with the queue&apos;s shape, which is not known here: refresh and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueListModel</name>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry affinity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 connected, %2 busy, %3 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused · %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running · %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 busy)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueTable</name>
    <message>
        <source>Pause…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause dispatch on the selected running queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume dispatch on the selected paused queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in Tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy ID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReenterTokenDialog</name>
    <message>
        <source>Sign Out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Token for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kitedeck cannot use the token of “%1” (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a new API token for this account. Nothing else changes: what is open stays open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResumeConfirmation</name>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paused it %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paused it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They left no note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their note: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents start picking up jobs from this queue again as soon as it is resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume dispatch on “%1”, paused by someone else?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RowText</name>
    <message>
        <source>Paused by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Self-hosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checked %n s ago</source>
        <comment>seconds</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked %n min ago</source>
        <comment>minutes</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checked at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agents connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 connected: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>No token is stored for this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Connect to Buildkite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kitedeck checks the token with Buildkite and shows what it may do before saving it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>Enter the organisation slug, the part after buildkite.com/ in its address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an organisation slug: use lower-case letters, digits and dashes, as in buildkite.com/my-org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste an API access token. Create one under Personal Settings → API Access Tokens on buildkite.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token contains spaces or line breaks: paste it again, on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token was not accepted (401): it is mistyped or incomplete, was revoked, or has expired. Paste it again, or create a new one. Buildkite said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite knows this token but refused it (403): it may not belong to this organisation, or may not be allowed from this network (an IP allowlist). Buildkite said: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <source>Use for This Session Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my-org, as in buildkite.com/my-org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bkua_…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create one on buildkite.com under Personal Settings → API Access Tokens.
Give it read_clusters to browse, and write_clusters to make changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: the organisation slug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change only for a proxy or another API endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the token with %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the token in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.

Kitedeck keeps tokens only in the system keychain, never in a file. You can use this token for this session only: it stays in memory and is forgotten when Kitedeck quits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — soon: create a new token before then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenCheck</name>
    <message>
        <source>This token has neither read_clusters nor write_clusters: Kitedeck can show nothing with it. Add read_clusters to browse clusters, queues and agent tokens, and write_clusters to change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token lacks read_clusters: Kitedeck cannot show clusters, queues or agent tokens with it. Add read_clusters to browse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token lacks write_clusters: you can browse, but not create, change, pause or delete anything. Add write_clusters to make changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenRevealDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent Token Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New agent token for the cluster %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New agent token “%1” for the cluster %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the only time the token is shown. Copy it now and keep it somewhere safe, such as your secret manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent token value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents use it as their token: BUILDKITE_AGENT_TOKEN, or token= in buildkite-agent.cfg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. The clipboard is cleared in %1 seconds unless you copy something else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will not see this token again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have not copied it yet. Without it, no agent can use this token; you would have to create another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenTable</name>
    <message>
        <source>Agent tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 agent token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 agent tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 agent tokens</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Open Kitedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Kitedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kitedeck</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TypedNameConfirmation</name>
    <message>
        <source>To confirm, type the name “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name to confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Kitedeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage the clusters, queues and agent tokens of your Buildkite organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to Buildkite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to your organisation with an API access token. The token is kept in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explore the sandbox organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try Kitedeck on a demo organisation that runs on this computer. Nothing is sent to Buildkite.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WriteFlows</name>
    <message>
        <source>Could not set the default queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resume “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not revoke “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known whether the default queue was set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known whether “%1” was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known whether “%1” was resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the new token “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buildkite made it%1, but its value was lost with the answer and can never be shown again: no agent can use it. Revoking it keeps the cluster&apos;s token list to tokens someone holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known whether “%1” was revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resume “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not stop “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;re not a maintainer of this cluster%1, nor an organisation administrator, so Buildkite refused the change. An administrator can add you as a maintainer. Buildkite said: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You&apos;re not an organisation administrator, and only administrators can create clusters. Buildkite said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not pause “%1” again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resume “%1” again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known whether “%1” was changed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused “%1” in “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed “%1” in “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Paused %n queue(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resumed %n queue(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
