// SPDX-License-Identifier: MIT
#include "sandboxseed.h"

#include "sandboxinstanceshape.h"
#include "sandboxstate.h"

#include <QRandomGenerator>
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
    ClusterBuilder(SandboxState& state, QRandomGenerator& random, const QString& slug,
        const QString& name, const char* description, const char* emoji, const char* color,
        const QDateTime& createdAt, const QString& createdBy)
        : m_state(state)
        , m_random(random)
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
        t.value = QStringLiteral("bkct_")
            + SandboxState::secretFrom(m_random, SandboxState::agentTokenSecretLength);
        cluster().tokens.append(t);
        return cluster().tokens.last();
    }

private:
    SandboxState& m_state;
    QRandomGenerator& m_random;
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

// Registers the demo's agents on its queues, with stable ids, names and addresses.
class Fleet {
public:
    explicit Fleet(SandboxState& state)
        : m_state(state)
        , m_now(SandboxState::now())
    {
    }

    QStringList add(const char* slug, const char* key, int count, const char* version = "3.97.0")
    {
        const QString s = QLatin1String(slug), k = QLatin1String(key);
        const SandboxCluster* cluster = nullptr;
        const SandboxQueue* queue = std::as_const(m_state).findQueue(
            SandboxSeed::stableId(QStringLiteral("queue/%1/%2").arg(s, k)), &cluster);
        if (!queue)
            return {};
        const SandboxInstanceShape* shape = SandboxInstanceShape::find(queue->instanceShape);
        const SandboxAgentToken* token
            = shape || cluster->tokens.isEmpty() ? nullptr : &cluster->tokens.constFirst();
        QStringList ids;
        for (int i = 1; i <= count; ++i) {
            ++m_serial;
            SandboxAgent a;
            a.id = SandboxSeed::stableId(QStringLiteral("agent/%1/%2/%3").arg(s, k).arg(i));
            if (shape) {
                a.name = QStringLiteral("hosted-%1").arg(a.id.left(8));
                a.hostname = a.name;
                a.osId = shape->machineType == QLatin1String("macos") ? QStringLiteral("darwin")
                                                                      : QStringLiteral("linux");
                a.arch = shape->architecture;
                a.ipAddress
                    = QStringLiteral("198.18.%1.%2").arg(m_serial / 200).arg(m_serial % 200 + 10);
            } else {
                a.name = QStringLiteral("%1-%2-%3").arg(s, k).arg(i);
                a.hostname = QStringLiteral("%1-%2-%3.internal").arg(s, k).arg(i);
                a.osId = k == QLatin1String("windows") ? QStringLiteral("windows")
                                                       : QStringLiteral("linux");
                a.arch = k.contains(QLatin1String("arm")) ? QStringLiteral("arm64")
                                                          : QStringLiteral("amd64");
                a.ipAddress = SandboxState::addressAllowedBy(
                    token ? token->allowedIpAddresses : QString(), m_serial);
                a.tokenId = token ? token->id : QString();
                a.creatorId = token ? token->createdBy : QString();
            }
            a.version = QLatin1String(version);
            a.clusterId = cluster->id;
            a.queueId = queue->id;
            a.createdAt = m_now.addSecs(-3600 * (2 + (m_serial * 7) % 40) - m_serial * 13);
            a.connectedAt = a.createdAt.addSecs(4);
            a.lastJobFinishedAt = m_now.addSecs(-60 * (1 + (m_serial * 11) % 50));
            ids.append(m_state.addAgent(std::move(a)));
        }
        return ids;
    }

    void busy(const QString& id, const char* pipeline, int build, const char* label,
        const char* command, int minutes)
    {
        SandboxAgent* a = m_state.agent(id);
        if (!a)
            return;
        SandboxJob job;
        job.id = SandboxSeed::stableId(QStringLiteral("job/") + id);
        job.name = QString::fromUtf8(label);
        job.pipeline = QLatin1String(pipeline);
        job.buildNumber = build;
        job.command = QLatin1String(command);
        job.createdAt = m_now.addSecs(-60 * minutes - 20);
        job.startedAt = m_now.addSecs(-60 * minutes);
        a->job = job;
    }

    void pause(const QString& id, const QString& by, const char* note, int minutesAgo, int timeout)
    {
        SandboxAgent* a = m_state.agent(id);
        if (!a)
            return;
        a->paused = true;
        a->pausedBy = by;
        a->pausedAt = m_now.addSecs(-60 * minutesAgo);
        a->pausedNote = note ? std::optional<QString>(QString::fromUtf8(note)) : std::nullopt;
        a->pausedTimeoutMinutes = timeout;
    }

    void state(const QString& id, SandboxConnectionState connection, int minutesAgo = 0)
    {
        SandboxAgent* a = m_state.agent(id);
        if (!a)
            return;
        a->connection = connection;
        const QDateTime when = m_now.addSecs(-60 * minutesAgo);
        if (connection == SandboxConnectionState::Lost)
            a->lostAt = when;
        else if (connection != SandboxConnectionState::Stopping)
            a->disconnectedAt = when;
    }

private:
    SandboxState& m_state;
    QDateTime m_now;
    int m_serial = 0;
};

void demoAgents(SandboxState& state)
{
    Fleet f(state);
    const QString priya = userId("priya"), olufemi = userId("olufemi"), mateo = userId("mateo");

    QStringList a = f.add("production", "default", 8);
    f.busy(a.at(0), "web", 48213, ":rspec: Unit tests (1/4)", "bin/rspec --shard 1", 6);
    f.busy(a.at(1), "web", 48213, ":rspec: Unit tests (2/4)", "bin/rspec --shard 2", 6);
    f.busy(a.at(2), "web", 48212, ":docker: Build image", "docker build .", 14);
    f.busy(a.at(3), "api", 9127, ":golang: Test", "go test ./...", 3);
    f.pause(a.at(5), priya, "Disk nearly full: pruning Docker images before it takes more jobs", 12,
        120);
    f.state(a.at(6), SandboxConnectionState::Disconnected, 90); // scaled in
    f.state(a.at(7), SandboxConnectionState::Lost, 35); // the instance vanished
    a = f.add("production", "deploy", 2, "3.96.1");
    f.busy(a.at(0), "web", 48208, ":rocket: Deploy to production", "scripts/deploy production", 9);
    a = f.add("production", "hosted-linux", 3);
    for (int i = 0; i < 3; ++i)
        f.busy(a.at(i), "web", 48214, ":eslint: Lint", "npm run lint", 1);
    // production/hosted-arm has no agents right now: hosted queues scale to zero.
    f.add("production", "db-migrations", 1, "3.88.0"); // idle: its queue is paused

    a = f.add("open-source", "default", 5);
    f.busy(a.at(0), "kitedeck", 1532, ":hammer: Build", "cmake --build build", 4);
    f.busy(a.at(1), "kitedeck", 1531, ":test_tube: Tests", "ctest --output-on-failure", 2);
    a = f.add("open-source", "arm64", 1);
    f.busy(a.at(0), "kitedeck", 1532, ":package: Release binaries (arm64)", "scripts/release", 7);
    a = f.add("open-source", "windows", 2, "3.95.0");
    f.busy(a.at(0), "kitedeck", 1530, ":windows: Tests", "ctest -C Release", 21);
    f.busy(a.at(1), "kitedeck", 1529, ":windows: Installer", "cpack -G NSIS", 33);
    f.state(a.at(1), SandboxConnectionState::Stopping); // finishing its job before it stops

    a = f.add("security", "scanners", 3);
    f.busy(a.at(0), "web", 48213, ":lock: Secret scan", "trufflehog filesystem .", 1);
    f.pause(a.at(2), olufemi, "Rotating the scanner's credentials", 25, 240);
    // security/sbom: no agents.

    a = f.add("packages", "packaging-amd64", 2);
    f.busy(a.at(0), "packages", 771, ":debian: Build .deb", "dpkg-buildpackage -b", 8);
    f.busy(a.at(1), "packages", 771, ":redhat: Build .rpm", "rpmbuild -bb kitedeck.spec", 8);
    f.add("packages", "packaging-arm64", 1);
    a = f.add("packages", "signing", 1, "3.96.1");
    f.busy(a.at(0), "packages", 770, ":key: Sign packages", "scripts/sign", 2);

    a = f.add("apple", "macos", 2);
    f.busy(a.at(0), "ios-app", 3310, ":xcode: Unit tests", "fastlane test", 11);
    f.busy(a.at(1), "ios-app", 3309, ":xcode: Unit tests", "fastlane test", 19);
    f.add("apple", "macos-large", 1);
    // apple/xcode-legacy: no agents, its shape was removed.

    a = f.add("data-platform", "default", 8);
    for (int i = 0; i < 5; ++i)
        f.busy(a.at(i), "warehouse", 604 + i, ":spark: Nightly rebuild", "bin/rebuild --partition",
            40 + i);
    f.pause(a.at(7), mateo, nullptr, 3, 30);
    a = f.add("data-platform",
        "integration-environment-provisioning-and-teardown-for-the-nightly-warehouse-rebuild", 1);
    f.busy(a.at(0), "warehouse", 611, ":kubernetes: Provision environment", "bin/provision", 16);
    a = f.add("data-platform", "backfill_large", 2);
    f.busy(a.at(0), "warehouse", 598, ":clock: Backfill 2024-Q4", "bin/backfill 2024Q4", 380);
    f.busy(a.at(1), "warehouse", 599, ":clock: Backfill 2025-Q1", "bin/backfill 2025Q1", 215);

    for (int i = 1; i <= 26; i += 3) {
        const QByteArray slug
            = QStringLiteral("team-sandbox-%1").arg(i, 2, 10, QLatin1Char('0')).toLatin1();
        f.add(slug.constData(), "default", 1);
    }
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
    for (const auto& u : users) {
        const bool admin = qstrcmp(u.handle, "sam") == 0 || qstrcmp(u.handle, "priya") == 0;
        state.addUser(userId(u.handle), QString::fromUtf8(u.name), QLatin1String(u.email),
            at(u.created), admin);
    }

    const struct {
        const char* slug;
        const char* name;
        QStringList members;
    } teams[] = {
        { "platform", "Platform", { userId("priya"), userId("jonas") } },
        { "mobile", "Mobile", { userId("aiko") } },
        { "security", "Security", { userId("olufemi") } },
        { "release-engineering", "Release Engineering", { userId("jonas") } },
        { "open-source-stewards", "Open Source Stewards", { userId("sam"), userId("mateo") } },
    };
    for (const auto& t : teams)
        state.addTeam(teamId(t.slug), QLatin1String(t.name), QLatin1String(t.slug), t.members);
    return { userId("sam"), userId("riley"), userId("hannah") };
}

void SandboxSeed::demo(SandboxState& state)
{
    state.clearClusters();
    QRandomGenerator random(20230503);
    const QDateTime now = SandboxState::now();
    const QString sam = userId("sam"), priya = userId("priya"), jonas = userId("jonas"),
                  aiko = userId("aiko"), mateo = userId("mateo"), olufemi = userId("olufemi"),
                  hannah = userId("hannah"), siobhan = userId("siobhan");

    {
        ClusterBuilder b(state, random, QStringLiteral("production"), QStringLiteral("Production"),
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
        ClusterBuilder b(state, random, QStringLiteral("open-source"),
            QStringLiteral("Open Source"), "A place for safely running our open source builds",
            ":technologist:", "#FFE0F1", at("2023-05-03T04:17:55.867Z"), sam);
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
        ClusterBuilder b(state, random, QStringLiteral("security"), QStringLiteral("Security"),
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
        ClusterBuilder b(state, random, QStringLiteral("packages"), QStringLiteral("Packages"),
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
        ClusterBuilder b(state, random, QStringLiteral("apple"), QStringLiteral("Apple platforms"),
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
        ClusterBuilder b(state, random, QStringLiteral("data-platform"),
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
        ClusterBuilder b(state, random, QStringLiteral("staging"), QStringLiteral("Staging"),
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
        ClusterBuilder b(state, random, QStringLiteral("team-sandbox-") + number,
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
    // New pipelines land in the cluster the open source builds started in.
    state.setDefaultClusterId(stableId(QStringLiteral("cluster/open-source")));
    state.reindex();
    demoAgents(state);
}

void SandboxSeed::generated(
    SandboxState& state, int clusters, int queuesPerCluster, int tokensPerCluster)
{
    state.clearClusters();
    QRandomGenerator random(20240101);
    const QString people[] = { userId("sam"), userId("priya"), userId("jonas"), userId("aiko"),
        userId("mateo"), userId("olufemi"), userId("hannah") };
    const char* notes[] = { "Paused by the generator", "Draining for a kernel upgrade",
        "Waiting on a fix for flaky runners (INC-1234)" };
    const QDateTime base = at("2024-01-01T00:00:00.000Z");
    const QDateTime now = SandboxState::now();
    const int width = qMax(3, int(QString::number(clusters).size()));
    state.clusters().reserve(clusters);
    for (int c = 1; c <= clusters; ++c) {
        const QString number = QStringLiteral("%1").arg(c, width, 10, QLatin1Char('0'));
        const QString by = people[c % 7];
        const QDateTime created = base.addSecs(qint64(c) * 3600);
        ClusterBuilder b(state, random, QStringLiteral("generated-") + number,
            QStringLiteral("Cluster ") + number, "Generated for the benchmark", ":gear:", "#E5E7EB",
            created, by);
        b.maintainer(by, false);
        b.cluster().queues.reserve(queuesPerCluster);
        for (int q = 1; q <= queuesPerCluster; ++q) {
            const QString key = QStringLiteral("queue-%1").arg(q, 3, 10, QLatin1Char('0'));
            const char* shape
                = q % 5 == 0 ? (q % 10 == 0 ? "LINUX_ARM64_4X16" : "LINUX_AMD64_2X4") : nullptr;
            SandboxQueue& queue
                = b.queue(key, "Generated queue", shape, created.addSecs(q), by, q == 1);
            if (q % 10 == 7) {
                queue.paused = true;
                queue.pausedBy = people[(c + q) % 7];
                queue.pausedAt = created.addSecs(600);
                queue.pausedNote = QLatin1String(notes[(c + q) % 3]);
            }
        }
        for (int t = 1; t <= tokensPerCluster; ++t) {
            // Expired, expiring within the week, expiring in half a year, never.
            const QDateTime expires = t % 4 == 1 ? now.addDays(-3 - c % 30)
                : t % 4 == 2                     ? now.addDays(1 + c % 6)
                : t % 4 == 3                     ? now.addDays(180)
                                                 : QDateTime();
            b.token(QStringLiteral("Token %1").arg(t, 3, 10, QLatin1Char('0')), created.addSecs(t),
                by, t % 3 == 0 ? QStringLiteral("192.0.2.0/24") : QString(), expires);
        }
    }
    state.reindex();

    // A few agents on one queue in eight; half of them busy, now and then one paused.
    state.reserveAgents(qsizetype(clusters) * (queuesPerCluster / 8 + 1) * 4);
    int serial = 0;
    for (const SandboxCluster& cluster : std::as_const(state).clusters()) {
        const QString tokenId = cluster.tokens.isEmpty() ? QString() : cluster.tokens.first().id;
        const QString allowlist
            = cluster.tokens.isEmpty() ? QString() : cluster.tokens.first().allowedIpAddresses;
        for (qsizetype q = 0; q < cluster.queues.size(); ++q) {
            if (q % 8 != 2)
                continue;
            const SandboxQueue& queue = cluster.queues.at(q);
            const int count = 2 + int((q + serial) % 3);
            for (int i = 0; i < count; ++i) {
                ++serial;
                SandboxAgent a;
                a.id = stableId(
                    QStringLiteral("agent/%1/%2").arg(cluster.id, queue.key) + QString::number(i));
                a.name = QStringLiteral("%1-%2").arg(queue.key).arg(serial);
                a.hostname = QStringLiteral("gen-host-%1").arg(serial);
                a.ipAddress = SandboxState::addressAllowedBy(allowlist, serial);
                a.version = serial % 5 == 0 ? QStringLiteral("3.88.0") : QStringLiteral("3.97.0");
                a.osId = QStringLiteral("linux");
                a.arch = queue.instanceShape.contains(QLatin1String("ARM64"))
                    ? QStringLiteral("arm64")
                    : QStringLiteral("amd64");
                a.clusterId = cluster.id;
                a.queueId = queue.id;
                a.tokenId = queue.instanceShape.isEmpty() ? tokenId : QString();
                a.creatorId = cluster.createdBy;
                a.createdAt = now.addSecs(-3600 - serial % 7200);
                a.connectedAt = a.createdAt;
                if (i % 2 == 0 && !queue.paused) {
                    SandboxJob job;
                    job.id = stableId(QStringLiteral("job/") + a.id);
                    job.name = QStringLiteral(":hammer: Build %1").arg(serial);
                    job.pipeline = QStringLiteral("generated");
                    job.buildNumber = serial;
                    job.command = QStringLiteral("make");
                    job.createdAt = now.addSecs(-300);
                    job.startedAt = now.addSecs(-240);
                    a.job = job;
                }
                if (serial % 23 == 0) {
                    a.paused = true;
                    a.pausedBy = people[serial % 7];
                    a.pausedAt = now.addSecs(-60);
                    a.pausedNote = QStringLiteral("Generated pause");
                    a.pausedTimeoutMinutes = 24 * 60;
                }
                state.addAgent(std::move(a));
            }
        }
    }
}
