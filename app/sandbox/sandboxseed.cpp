// SPDX-License-Identifier: MIT
#include "sandboxseed.h"

#include "sandboxstate.h"

#include <QUuid>

namespace {
const QUuid idNamespace(QStringLiteral("{6c1f7d4e-0b8a-4f55-9a51-6b0c3e2a9d10}"));

QString userId(const char* handle)
{
    return SandboxSeed::stableId(QStringLiteral("user/") + QLatin1String(handle));
}

QString teamId(const char* slug)
{
    return SandboxSeed::stableId(QStringLiteral("team/") + QLatin1String(slug));
}

QDateTime at(const char* iso) { return SandboxState::parseTime(QLatin1String(iso)); }

std::optional<QString> text(const char* value)
{
    return value ? std::optional<QString>(QString::fromUtf8(value)) : std::nullopt;
}

// Builds one cluster in place; ids derive from the cluster's slug and each child's key.
class ClusterBuilder {
public:
    ClusterBuilder(SandboxState& state, const QString& slug, const QString& name,
        const char* description, const char* emoji, const char* color, const QDateTime& createdAt,
        const QString& createdBy)
        : m_state(state)
        , m_slug(slug)
    {
        SandboxCluster c;
        c.id = SandboxSeed::stableId(QStringLiteral("cluster/") + slug);
        c.name = name;
        c.description = text(description);
        c.emoji = text(emoji);
        c.color = text(color);
        c.createdAt = createdAt;
        c.createdBy = createdBy;
        state.clusters().append(c);
        m_index = state.clusters().size() - 1;
    }

    SandboxCluster& cluster() { return m_state.clusters()[m_index]; }

    ClusterBuilder& maintainer(const QString& actorId, bool isTeam)
    {
        cluster().maintainers.append(
            { SandboxSeed::stableId(QStringLiteral("maintainer/%1/%2").arg(m_slug, actorId)),
                actorId, isTeam });
        return *this;
    }

    SandboxQueue& queue(const QString& key, const char* description, const char* shape,
        const QDateTime& createdAt, const QString& createdBy, bool isDefault = false)
    {
        SandboxQueue q;
        q.id = SandboxSeed::stableId(QStringLiteral("queue/%1/%2").arg(m_slug, key));
        q.key = key;
        q.description = text(description);
        q.instanceShape = shape ? QLatin1String(shape) : QString();
        q.createdAt = createdAt;
        q.createdBy = createdBy;
        cluster().queues.append(q);
        if (isDefault)
            cluster().defaultQueueId = q.id;
        return cluster().queues.last();
    }

    SandboxAgentToken& token(const QString& description, const QDateTime& createdAt,
        const QString& createdBy, const QString& allowedIps = {}, const QDateTime& expiresAt = {})
    {
        SandboxAgentToken t;
        t.id = SandboxSeed::stableId(
            QStringLiteral("token/%1/%2").arg(m_slug).arg(cluster().tokens.size()));
        t.description = description;
        t.createdAt = createdAt;
        t.createdBy = createdBy;
        t.allowedIpAddresses = allowedIps;
        t.expiresAt = expiresAt;
        t.value = SandboxState::randomSecret(40);
        cluster().tokens.append(t);
        return cluster().tokens.last();
    }

private:
    SandboxState& m_state;
    QString m_slug;
    qsizetype m_index = 0;
};

QString cidrBlocks(int count, int secondOctet)
{
    QStringList blocks;
    for (int i = 0; i < count; ++i)
        blocks.append(QStringLiteral("10.%1.%2.0/22").arg(secondOctet).arg(i * 4));
    return blocks.join(QLatin1Char(' '));
}
} // namespace

QString SandboxSeed::stableId(const QString& name)
{
    return QUuid::createUuidV5(idNamespace, name).toString(QUuid::WithoutBraces);
}

SandboxSeed::People SandboxSeed::people(SandboxState& state)
{
    const struct {
        const char* handle;
        const char* name;
        const char* email;
        const char* created;
    } users[] = {
        { "sam", "Sam Kim", "sam.kim@example.com", "2019-03-11T08:24:10.512Z" },
        { "riley", "Riley Chen", "riley.chen@example.com", "2020-06-02T15:40:00.000Z" },
        { "priya", "Priya Raman", "priya.raman@example.com", "2019-04-23T10:02:45.118Z" },
        { "jonas", "Jonas Becker", "jonas.becker@example.com", "2020-01-15T07:31:09.004Z" },
        { "aiko", "Aiko Tanaka", "aiko.tanaka@example.com", "2021-08-30T23:12:54.771Z" },
        { "mateo", "Mateo García", "mateo.garcia@example.com", "2021-11-04T12:00:01.250Z" },
        { "olufemi", "Olufemi Adeyemi", "olufemi.adeyemi@example.com", "2022-02-17T09:45:33.602Z" },
        { "hannah", "Hannah Novak", "hannah.novak@example.com", "2022-05-09T14:20:18.940Z" },
        { "siobhan", "Siobhán O'Connell-Ramírez de la Fuente",
            "siobhan.oconnell-ramirez@example.com", "2023-01-26T16:55:42.333Z" },
    };
    for (const auto& u : users)
        state.addUser(
            userId(u.handle), QString::fromUtf8(u.name), QLatin1String(u.email), at(u.created));

    const struct {
        const char* slug;
        const char* name;
    } teams[] = {
        { "platform", "Platform" },
        { "mobile", "Mobile" },
        { "security", "Security" },
        { "release-engineering", "Release Engineering" },
        { "open-source-stewards", "Open Source Stewards" },
    };
    for (const auto& t : teams)
        state.addTeam(teamId(t.slug), QLatin1String(t.name), QLatin1String(t.slug));
    return { userId("sam"), userId("riley") };
}

void SandboxSeed::demo(SandboxState& state)
{
    state.clearClusters();
    const QDateTime now = SandboxState::now();
    const QString sam = userId("sam"), priya = userId("priya"), jonas = userId("jonas"),
                  aiko = userId("aiko"), mateo = userId("mateo"), olufemi = userId("olufemi"),
                  hannah = userId("hannah"), siobhan = userId("siobhan");

    {
        ClusterBuilder b(state, QStringLiteral("production"), QStringLiteral("Production"),
            "Customer-facing services: release builds, canaries and production deploys",
            ":rocket:", "#E0F2FE", at("2023-02-14T09:12:31.402Z"), priya);
        b.maintainer(teamId("platform"), true).maintainer(priya, false);
        b.queue(QStringLiteral("default"),
            "General purpose Linux agents (EC2 autoscaling, c6i.2xlarge)", nullptr,
            at("2023-02-14T09:13:02.118Z"), priya, true);
        SandboxQueue& deploy = b.queue(QStringLiteral("deploy"),
            "Deploy agents holding production credentials. Never run untrusted code here.", nullptr,
            at("2023-02-14T09:20:47.630Z"), priya);
        deploy.retryAgentAffinity = QStringLiteral("prefer-different");
        b.queue(QStringLiteral("hosted-linux"),
            "Buildkite hosted Linux (amd64) for unit and lint steps", "LINUX_AMD64_4X16",
            at("2024-10-01T11:05:00.000Z"), sam);
        b.queue(QStringLiteral("hosted-arm"), "Hosted arm64 agents for multi-arch container images",
            "LINUX_ARM64_8X32", at("2024-10-01T11:07:12.455Z"), sam);
        SandboxQueue& paused = b.queue(QStringLiteral("db-migrations"),
            "Runs schema migrations against the primary database, one job at a time", nullptr,
            at("2023-06-20T08:00:00.000Z"), jonas);
        paused.paused = true;
        paused.pausedBy = priya;
        paused.pausedAt = at("2025-06-02T14:05:11.204Z");
        paused.pausedNote = QStringLiteral(
            "Paused while we investigate replication lag on the primary (INC-2417)");
        b.token(QStringLiteral("Production autoscaling group (us-east-1)"),
            at("2023-02-14T09:30:00.000Z"), priya, QStringLiteral("10.20.0.0/16 10.21.0.0/16"));
        b.token(QStringLiteral("Deploy bastion"), at("2023-03-01T10:00:00.000Z"), priya,
            QStringLiteral("203.0.113.10/32"));
        b.token(QStringLiteral("Legacy Jenkins bridge"), at("2024-08-01T09:00:00.000Z"), jonas, {},
            at("2025-01-31T00:00:00.000Z"));
    }
    {
        ClusterBuilder b(state, QStringLiteral("open-source"), QStringLiteral("Open Source"),
            "A place for safely running our open source builds", ":technologist:", "#FFE0F1",
            at("2023-05-03T04:17:55.867Z"), sam);
        b.maintainer(teamId("open-source-stewards"), true);
        b.queue(QStringLiteral("default"),
            "Hosted Linux for pull requests, including those from forks", "LINUX_AMD64_2X4",
            at("2023-05-03T04:18:10.020Z"), sam, true);
        b.queue(QStringLiteral("arm64"), "Hosted arm64 for release binaries", "LINUX_ARM64_2X4",
            at("2024-02-11T17:44:03.981Z"), sam);
        b.queue(QStringLiteral("windows"), "Windows Server 2022 agents (self-hosted, on-premises)",
            nullptr, at("2023-07-19T13:30:27.555Z"), hannah);
        b.token(QStringLiteral("Community runners"), at("2023-05-03T04:30:00.000Z"), sam);
        b.token(QStringLiteral("Hackathon contributors (temporary)"), now.addDays(-4), sam, {},
            now.addDays(3)); // expires within the week
    }
    {
        ClusterBuilder b(state, QStringLiteral("security"), QStringLiteral("Security"),
            "Isolated agents for secret scanning, SAST and dependency audits. No outbound "
            "internet.",
            ":shield:", "#FEE2E2", at("2023-09-19T07:48:12.300Z"), olufemi);
        b.maintainer(teamId("security"), true).maintainer(olufemi, false);
        b.queue(QStringLiteral("scanners"), "Secret scanning and SAST", nullptr,
            at("2023-09-19T07:50:00.000Z"), olufemi, true);
        b.queue(QStringLiteral("sbom"), "Generates an SBOM for every release artefact", nullptr,
            at("2024-04-02T10:11:12.131Z"), olufemi);
        b.token(QStringLiteral("Scanner fleet (VPC only)"), at("2023-09-19T08:00:00.000Z"), olufemi,
            cidrBlocks(12, 40));
        b.token(QStringLiteral("Incident response workstation"), now.addDays(-10), olufemi,
            QStringLiteral("198.51.100.77/32"), now.addDays(45));
    }
    {
        ClusterBuilder b(state, QStringLiteral("packages"), QStringLiteral("Packages"),
            "Builds, signs and publishes Debian, RPM and Homebrew packages", ":package:", "#FEF3C7",
            at("2024-01-08T12:30:45.000Z"), jonas);
        b.maintainer(teamId("release-engineering"), true);
        b.queue(QStringLiteral("packaging-amd64"), "Package builds (amd64)", "LINUX_AMD64_8X32",
            at("2024-01-08T12:31:00.000Z"), jonas, true);
        b.queue(QStringLiteral("packaging-arm64"), "Package builds (arm64)", "LINUX_ARM64_8X32",
            at("2024-01-08T12:32:00.000Z"), jonas);
        b.queue(QStringLiteral("signing"), "HSM-backed signing host: one agent, one job at a time",
            nullptr, at("2024-01-09T09:00:00.000Z"), jonas);
        b.token(QStringLiteral("Signing host"), at("2024-01-09T09:05:00.000Z"), jonas,
            QStringLiteral("198.51.100.24/32"));
    }
    {
        ClusterBuilder b(state, QStringLiteral("apple"), QStringLiteral("Apple platforms"),
            "macOS and iOS builds on Buildkite hosted Macs", ":apple:", "#E0E7FF",
            at("2024-03-12T18:02:27.845Z"), aiko);
        b.maintainer(teamId("mobile"), true).maintainer(aiko, false);
        b.queue(QStringLiteral("macos"), "Hosted Mac (M4, medium) for iOS unit tests",
            "MACOS_ARM64_M4_6X28", at("2025-07-02T08:00:00.000Z"), aiko, true);
        b.queue(QStringLiteral("macos-large"), "Large Macs for UI tests and archive builds",
            "MACOS_ARM64_M4_12X56", at("2025-07-02T08:03:00.000Z"), aiko);
        b.queue(QStringLiteral("xcode-legacy"),
            "Still on a removed M2 shape: resize to MACOS_ARM64_M4_6X28 before it stops taking "
            "jobs",
            "MACOS_M2_6X14", at("2024-03-12T18:10:00.000Z"), aiko);
        b.token(QStringLiteral("Mac developer machines"), at("2024-03-12T18:20:00.000Z"), aiko);
    }
    {
        ClusterBuilder b(state, QStringLiteral("data-platform"),
            QStringLiteral("Data platform: long-running integration environments, nightly "
                           "warehouse rebuilds and backfills"),
            "Everything the data platform team runs outside the product clusters: the nightly "
            "rebuild of the "
            "analytics warehouse from raw event logs, ad-hoc backfills that can take most of a "
            "day, and the "
            "integration environments that spin up a full copy of the pipeline (Kafka, Spark, the "
            "warehouse and "
            "the BI layer) for every pull request that touches the schema.",
            ":penguin:", "#DBEAFE", at("2024-05-21T06:30:00.000Z"), mateo);
        b.maintainer(mateo, false).maintainer(hannah, false).maintainer(siobhan, false);
        b.queue(QStringLiteral("default"), "Self-hosted agents on the shared Kubernetes cluster",
            nullptr, at("2024-05-21T06:31:00.000Z"), mateo, true);
        b.queue(QStringLiteral("integration-environment-provisioning-and-teardown-for-the-nightly-"
                               "warehouse-rebuild"),
            "Provisions and tears down a full integration environment per pull request",
            "LINUX_AMD64_16X64", at("2024-05-22T10:00:00.000Z"), siobhan);
        b.queue(QStringLiteral("backfill_large"), "Day-long backfills", "LINUX_AMD64_64X256",
            at("2024-06-01T00:00:00.000Z"), mateo);
        b.queue(QStringLiteral("spark-arm"), "Spark executors on arm64", "LINUX_ARM64_32X128",
            at("2024-06-03T09:30:00.000Z"), hannah);
        b.token(QStringLiteral(
                    "Agents on the shared data-platform Kubernetes cluster (eu-west-1, node pool "
                    "'integration-large', autoscaled between 0 and 120 nodes)"),
            at("2024-05-21T06:40:00.000Z"), siobhan,
            cidrBlocks(SandboxState::maxAllowedIpAddresses, 60));
        b.token(QStringLiteral("Backfill runners"), at("2024-06-01T00:05:00.000Z"), mateo);
    }
    {
        // Deliberately bare: no queues, no tokens, no colour.
        ClusterBuilder b(state, QStringLiteral("staging"), QStringLiteral("Staging"),
            "Reserved for the staging migration planned for Q3. Nothing here yet.",
            ":construction:", nullptr, at("2025-04-28T15:00:00.000Z"), hannah);
    }

    const char* emojis[] = { ":test_tube:", ":seedling:", ":hammer_and_wrench:", ":zap:", nullptr };
    const char* colors[] = { "#F3E8FF", "#ECFCCB", "#FFEDD5", nullptr };
    const QString creators[] = { sam, priya, jonas, aiko, mateo, olufemi, hannah };
    const QDateTime firstSandbox = at("2024-03-01T09:00:00.000Z");
    for (int i = 1; i <= 26; ++i) {
        const QString number = QStringLiteral("%1").arg(i, 2, 10, QLatin1Char('0'));
        const QString by = creators[i % 7];
        const QDateTime created = firstSandbox.addDays(5 * i).addSecs(i * 377);
        ClusterBuilder b(state, QStringLiteral("team-sandbox-") + number,
            QStringLiteral("Team sandbox ") + number,
            i % 3 == 0 ? nullptr : "Scratch cluster for a team's experiments", emojis[i % 5],
            colors[i % 4], created, by);
        b.maintainer(by, false);
        b.queue(QStringLiteral("default"), nullptr, nullptr, created.addSecs(60), by, true);
        if (i % 2 == 0)
            b.queue(QStringLiteral("hosted-small"), "Hosted Linux, small", "LINUX_AMD64_2X4",
                created.addSecs(120), by);
        if (i % 4 != 3)
            b.token(QStringLiteral("Team sandbox %1 agents").arg(number), created.addSecs(180), by);
    }
}

void SandboxSeed::generated(
    SandboxState& state, int clusters, int queuesPerCluster, int tokensPerCluster)
{
    state.clearClusters();
    const QString by = userId("sam");
    const QDateTime base = at("2024-01-01T00:00:00.000Z");
    for (int c = 1; c <= clusters; ++c) {
        const QString number = QStringLiteral("%1").arg(c, 3, 10, QLatin1Char('0'));
        const QDateTime created = base.addSecs(c * 3600);
        ClusterBuilder b(state, QStringLiteral("generated-") + number,
            QStringLiteral("Cluster ") + number, "Generated for the benchmark", ":gear:", "#E5E7EB",
            created, by);
        for (int q = 1; q <= queuesPerCluster; ++q) {
            const QString key = QStringLiteral("queue-%1").arg(q, 3, 10, QLatin1Char('0'));
            SandboxQueue& queue = b.queue(key, "Generated queue",
                q % 5 == 0 ? "LINUX_AMD64_2X4" : nullptr, created.addSecs(q), by, q == 1);
            if (q % 10 == 7) {
                queue.paused = true;
                queue.pausedBy = by;
                queue.pausedAt = created.addSecs(600);
                queue.pausedNote = QStringLiteral("Paused by the generator");
            }
        }
        for (int t = 1; t <= tokensPerCluster; ++t)
            b.token(QStringLiteral("Token %1").arg(t, 3, 10, QLatin1Char('0')), created.addSecs(t),
                by, t % 3 == 0 ? QStringLiteral("192.0.2.0/24") : QString());
    }
}
