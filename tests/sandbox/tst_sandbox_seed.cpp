// SPDX-License-Identifier: MIT
#include "sandboxtestcase.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace SandboxTest;

// The demo organisation and generated organisations.
// Plain HTTP over loopback against the sandbox; statuses, bodies and headers are checked
// exactly.
class TestSandboxSeed final : public SandboxTestCase {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(start()); }
    void init() { reset(); }

    void demoOrganizationLooksReal();
    void demoIsDeterministic();
    void generatedData();
    void demoRolesAndDefaultCluster();
    void demoHasAgentsOfEveryKind();
    void demoAgentsAreDeterministic();
    void generatedLargeOrganisation();
    void generatedIsDeterministicAndVaried();
};

void TestSandboxSeed::demoOrganizationLooksReal()
{
    const QJsonArray clusters = all(org() + QStringLiteral("/clusters"));
    QVERIFY(clusters.size() >= 32);
    QSet<QString> emojis, shapes;
    bool empty = false, paused = false, expired = false, soon = false, never = false,
         allowlist = false, open = false, maintained = false, longName = false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue& value : clusters) {
        const QJsonObject c = value.toObject();
        emojis.insert(str(c, "emoji"));
        longName |= str(c, "name").size() > 60;
        maintained |= !obj(c, "maintainers").value(QLatin1StringView("users")).toArray().isEmpty()
            && !obj(c, "maintainers").value(QLatin1StringView("teams")).toArray().isEmpty();
        const QJsonArray queues
            = all(org() + QStringLiteral("/clusters/%1/queues").arg(str(c, "id")));
        const QJsonArray tokens
            = all(org() + QStringLiteral("/clusters/%1/tokens").arg(str(c, "id")));
        empty |= queues.isEmpty() && tokens.isEmpty();
        for (const QJsonValue& q : queues) {
            const QJsonObject queue = q.toObject();
            if (queue.value(QLatin1StringView("hosted")).toBool())
                shapes.insert(
                    str(obj(obj(queue, "hosted_agents"), "instance_shape"), "machine_type")
                    + QLatin1Char('/')
                    + str(obj(obj(queue, "hosted_agents"), "instance_shape"), "architecture"));
            if (queue.value(QLatin1StringView("dispatch_paused")).toBool()) {
                paused = !str(queue, "dispatch_paused_note").isEmpty()
                    && !str(obj(queue, "dispatch_paused_by"), "name").isEmpty()
                    && isoMs.match(str(queue, "dispatch_paused_at")).hasMatch();
            }
        }
        for (const QJsonValue& t : tokens) {
            const QJsonObject token = t.toObject();
            const QDateTime expires
                = QDateTime::fromString(str(token, "expires_at"), Qt::ISODateWithMs);
            expired |= expires.isValid() && expires < now;
            soon |= expires.isValid() && expires > now && expires < now.addDays(7);
            never |= isNull(token, "expires_at");
            allowlist |= !str(token, "allowed_ip_addresses").isEmpty();
            open |= str(token, "allowed_ip_addresses").isEmpty();
        }
    }
    for (const char* e :
        { ":rocket:", ":technologist:", ":shield:", ":package:", ":apple:", ":penguin:" })
        QVERIFY2(emojis.contains(QLatin1String(e)), e);
    QVERIFY(shapes.contains(QStringLiteral("linux/amd64")));
    QVERIFY(shapes.contains(QStringLiteral("linux/arm64")));
    QVERIFY(shapes.contains(QStringLiteral("macos/arm64")));
    QVERIFY(empty);
    QVERIFY(paused);
    QVERIFY(expired);
    QVERIFY(soon);
    QVERIFY(never);
    QVERIFY(allowlist);
    QVERIFY(open);
    QVERIFY(maintained);
    QVERIFY(longName);
}

void TestSandboxSeed::demoIsDeterministic()
{
    SandboxServer other;
    QVERIFY(other.listen());
    other.seedDemo();
    HttpProbe probe(other.baseUrl(), other.readWriteToken());
    QCOMPARE(other.readWriteToken(), m_server.readWriteToken());
    const QJsonArray mine = all(org() + QStringLiteral("/clusters"));
    const QJsonArray theirs = probe.get(org() + QStringLiteral("/clusters?per_page=100")).array();
    QCOMPARE(theirs.size(), mine.size());
    for (qsizetype i = 0; i < mine.size(); ++i) {
        QCOMPARE(str(theirs.at(i).toObject(), "id"), str(mine.at(i).toObject(), "id"));
        QCOMPARE(str(theirs.at(i).toObject(), "name"), str(mine.at(i).toObject(), "name"));
        QCOMPARE(
            str(theirs.at(i).toObject(), "created_at"), str(mine.at(i).toObject(), "created_at"));
    }
}

void TestSandboxSeed::generatedData()
{
    m_server.seedGenerated(20, 25, 5);
    const QJsonArray clusters = all(org() + QStringLiteral("/clusters"));
    QCOMPARE(clusters.size(), 20);
    const QString cid = str(clusters.at(7).toObject(), "id");
    QCOMPARE(all(org() + QStringLiteral("/clusters/%1/queues").arg(cid)).size(), 25);
    QCOMPARE(all(org() + QStringLiteral("/clusters/%1/tokens").arg(cid)).size(), 5);
    m_server.clearData();
    QCOMPARE(all(org() + QStringLiteral("/clusters")).size(), 0);
    QCOMPARE(m_http->get(org() + QStringLiteral("/clusters")).status, 200);
}

void TestSandboxSeed::demoRolesAndDefaultCluster()
{
    QCOMPARE(m_server.defaultClusterId(), clusterIdNamed(QStringLiteral("Open Source")));
    QVERIFY(m_server.primaryUserId() != m_server.memberUserId());
    const QString member = m_server.addApiTokenForUser(m_server.memberUserId(), {});
    const HttpResult who
        = m_http->send("GET", QStringLiteral("/v2/access-token"), {}, bearer(member));
    QCOMPARE(str(obj(who.object(), "user"), "name"), QStringLiteral("Hannah Novak"));
    // She maintains Data platform and the team sandboxes she created, directly.
    int maintained = 0;
    for (const QJsonValue& c : all(org() + QStringLiteral("/clusters"))) {
        for (const QJsonValue& u :
            obj(c.toObject(), "maintainers").value(QLatin1StringView("users")).toArray())
            maintained += str(obj(u.toObject(), "actor"), "id") == m_server.memberUserId();
    }
    QCOMPARE(maintained, 4);
    m_server.clearData();
    QVERIFY(m_server.defaultClusterId().isEmpty());
    QCOMPARE(m_server.agentCount(), 0);
}

void TestSandboxSeed::demoHasAgentsOfEveryKind()
{
    const QJsonArray agents = all(org() + QStringLiteral("/agents"));
    QCOMPARE(agents.size(), m_server.agentCount());
    bool busy = false, idle = false, paused = false, stopping = false, hosted = false, mac = false,
         windows = false, old = false;
    for (const QJsonValue& v : agents) {
        const QJsonObject a = v.toObject();
        busy |= a.value(QLatin1StringView("job")).isObject();
        idle |= isNull(a, "job");
        paused |= a.value(QLatin1StringView("paused")).toBool();
        if (a.value(QLatin1StringView("paused")).toBool() && !str(a, "paused_note").isEmpty())
            QVERIFY(!str(obj(a, "paused_by"), "name").isEmpty());
        stopping |= str(a, "connection_state") == QLatin1String("stopping");
        hosted |= str(a, "name").startsWith(QLatin1String("hosted-"));
        mac |= str(a, "os_id") == QLatin1String("darwin");
        windows |= str(a, "os_id") == QLatin1String("windows");
        old |= str(a, "version") != QLatin1String("3.97.0");
    }
    QVERIFY(busy && idle && paused && stopping && hosted && mac && windows && old);

    // Every queue of every cluster: some with agents, at least one self-hosted one without.
    int withAgents = 0, selfHostedWithout = 0;
    for (const QJsonValue& c : all(org() + QStringLiteral("/clusters"))) {
        const QString cid = str(c.toObject(), "id");
        for (const QJsonValue& q : all(org() + QStringLiteral("/clusters/%1/queues").arg(cid))) {
            const QJsonObject queue = q.toObject();
            const HttpResult r = m_http->get(org()
                + QStringLiteral("/agents?per_page=100&cluster_queue_id=") + str(queue, "id"));
            QCOMPARE(r.array().size(), m_server.agentCount(str(queue, "id")));
            for (const QJsonValue& a : r.array())
                QCOMPARE(str(a.toObject(), "queue"), str(queue, "key"));
            withAgents += !r.array().isEmpty();
            selfHostedWithout
                += r.array().isEmpty() && !queue.value(QLatin1StringView("hosted")).toBool();
        }
    }
    QVERIFY(withAgents >= 15);
    QVERIFY(selfHostedWithout >= 1);
}

void TestSandboxSeed::demoAgentsAreDeterministic()
{
    SandboxServer other;
    other.seedDemo();
    QCOMPARE(other.agentIds(), m_server.agentIds());
    QCOMPARE(other.busyAgentCount(), m_server.busyAgentCount());
    QCOMPARE(other.pausedAgentCount(), m_server.pausedAgentCount());
}

void TestSandboxSeed::generatedLargeOrganisation()
{
    // The benchmark's size: seeded whole, and every list a page lookup. The times are printed,
    // not asserted (a busy or sanitized build is several times slower); bench_scale measures.
    QElapsedTimer clock;
    clock.start();
    m_server.seedGenerated(1000, 50, 5);
    const qint64 seeding = clock.elapsed();
    qInfo("seeded 1000 x 50 x 5 (%d agents) in %lld ms", m_server.agentCount(), seeding);
    QCOMPARE(m_server.clusterCount(), 1000);

    clock.restart();
    const HttpResult last = m_http->get(org() + QStringLiteral("/clusters?page=10&per_page=100"));
    QCOMPARE(last.array().size(), 100);
    QVERIFY(!links(last).contains(QStringLiteral("next")));
    const QString cid = str(last.array().last().toObject(), "id");
    QCOMPARE(m_http->get(org() + QStringLiteral("/clusters/") + cid).status, 200);
    const QJsonArray queues = all(org() + QStringLiteral("/clusters/%1/queues").arg(cid));
    QCOMPARE(queues.size(), 50);
    QCOMPARE(all(org() + QStringLiteral("/clusters/%1/tokens").arg(cid)).size(), 5);
    const QString qid = str(queues.at(49).toObject(), "id");
    QCOMPARE(
        m_http->get(org() + QStringLiteral("/clusters/%1/queues/%2").arg(cid, qid)).status, 200);
    QCOMPARE(m_http
                 ->get(org() + QStringLiteral("/agents?cluster_queue_id=")
                     + str(queues.at(2).toObject(), "id"))
                 .status,
        200);
    const qint64 reading = clock.elapsed();
    qInfo("seven requests against it took %lld ms", reading);
}

void TestSandboxSeed::generatedIsDeterministicAndVaried()
{
    m_server.seedGenerated(12, 20, 4);
    SandboxServer other;
    other.seedGenerated(12, 20, 4);
    QVERIFY(other.listen());
    HttpProbe probe(other.baseUrl(), other.readWriteToken());
    const QJsonArray mine = all(org() + QStringLiteral("/clusters"));
    const QJsonArray theirs = probe.get(org() + QStringLiteral("/clusters?per_page=100")).array();
    QCOMPARE(theirs.size(), 12);
    for (qsizetype i = 0; i < mine.size(); ++i) {
        QCOMPARE(str(theirs.at(i).toObject(), "id"), str(mine.at(i).toObject(), "id"));
        QCOMPARE(str(theirs.at(i).toObject(), "name"), str(mine.at(i).toObject(), "name"));
    }
    QCOMPARE(other.agentIds(), m_server.agentIds());

    QSet<QString> pausers;
    bool pausedNote = false, hosted = false, expired = false, soon = false, later = false,
         never = false;
    int queuesWithAgents = 0, queues = 0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue& c : mine) {
        const QString cid = str(c.toObject(), "id");
        for (const QJsonValue& v : all(org() + QStringLiteral("/clusters/%1/queues").arg(cid))) {
            const QJsonObject q = v.toObject();
            ++queues;
            queuesWithAgents += m_server.agentCount(str(q, "id")) > 0;
            hosted |= q.value(QLatin1StringView("hosted")).toBool();
            if (q.value(QLatin1StringView("dispatch_paused")).toBool()) {
                pausedNote |= !str(q, "dispatch_paused_note").isEmpty();
                pausers.insert(str(obj(q, "dispatch_paused_by"), "name"));
            }
        }
        for (const QJsonValue& v : all(org() + QStringLiteral("/clusters/%1/tokens").arg(cid))) {
            const QDateTime expires
                = QDateTime::fromString(str(v.toObject(), "expires_at"), Qt::ISODateWithMs);
            expired |= expires.isValid() && expires < now;
            soon |= expires.isValid() && expires > now && expires < now.addDays(7);
            later |= expires.isValid() && expires > now.addDays(30);
            never |= isNull(v.toObject(), "expires_at");
        }
    }
    QCOMPARE(queues, 12 * 20);
    QVERIFY(pausedNote && hosted && expired && soon && later && never);
    QVERIFY(pausers.size() >= 3);
    QVERIFY(queuesWithAgents > 0 && queuesWithAgents < queues / 4);
    QVERIFY(m_server.busyAgentCount() > 0 && m_server.busyAgentCount() < m_server.agentCount());
}

QTEST_GUILESS_MAIN(TestSandboxSeed)
#include "tst_sandbox_seed.moc"
