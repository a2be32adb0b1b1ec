// SPDX-License-Identifier: MIT
#include "accounts/tokencheck.h"

#include <QTest>

class TestTokenCheck final : public QObject {
    Q_OBJECT

    static AccessToken token(const QStringList& scopes, const QDateTime& expiresAt = {})
    {
        AccessToken t;
        t.uuid = QStringLiteral("uuid-1");
        t.scopes = scopes;
        t.expiresAt = expiresAt;
        t.userName = QStringLiteral("Ada Lovelace");
        t.userEmail = QStringLiteral("ada@example.com");
        return t;
    }

private Q_SLOTS:
    void missingScopes_data()
    {
        QTest::addColumn<QStringList>("scopes");
        QTest::addColumn<QStringList>("missing");
        QTest::addColumn<bool>("canRead");
        QTest::addColumn<bool>("canWrite");
        QTest::addColumn<QString>("mentions");
        const QString read = QStringLiteral("read_clusters");
        const QString write = QStringLiteral("write_clusters");
        QTest::newRow("both") << QStringList { read, write, QStringLiteral("read_agents") }
                              << QStringList {} << true << true << QString();
        QTest::newRow("read only") << QStringList { read } << QStringList { write } << true << false
                                   << QStringLiteral("you can browse");
        QTest::newRow("write only") << QStringList { write } << QStringList { read } << false
                                    << true << QStringLiteral("cannot show");
        QTest::newRow("neither") << QStringList { QStringLiteral("read_pipelines") }
                                 << QStringList { read, write } << false << false
                                 << QStringLiteral("neither");
    }
    void missingScopes()
    {
        QFETCH(QStringList, scopes);
        QFETCH(QStringList, missing);
        QFETCH(bool, canRead);
        QFETCH(bool, canWrite);
        QFETCH(QString, mentions);
        const TokenCheck check = TokenCheck::of(token(scopes));
        QCOMPARE(check.missingScopes, missing);
        QCOMPARE(check.canRead(), canRead);
        QCOMPARE(check.canWrite(), canWrite);
        QCOMPARE(check.isComplete(), missing.isEmpty());
        if (mentions.isEmpty()) {
            QVERIFY(check.missingScopesText().isEmpty());
        } else {
            QVERIFY2(check.missingScopesText().contains(mentions),
                qPrintable(check.missingScopesText()));
            for (const QString& scope : missing)
                QVERIFY(check.missingScopesText().contains(scope));
        }
    }

    void expiry_data()
    {
        QTest::addColumn<qint64>("secondsLeft"); // -1: no expiry date
        QTest::addColumn<TokenCheck::Expiry>("expected");
        const qint64 day = 24 * 3600;
        QTest::newRow("never") << qint64(-1) << TokenCheck::Expiry::Never;
        QTest::newRow("in a year") << 365 * day << TokenCheck::Expiry::Later;
        QTest::newRow("in 8 days") << 8 * day << TokenCheck::Expiry::Later;
        QTest::newRow("in exactly 7 days") << 7 * day << TokenCheck::Expiry::Soon;
        QTest::newRow("in an hour") << qint64(3600) << TokenCheck::Expiry::Soon;
        QTest::newRow("now") << qint64(0) << TokenCheck::Expiry::Expired;
    }
    void expiry()
    {
        QFETCH(qint64, secondsLeft);
        QFETCH(TokenCheck::Expiry, expected);
        const QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
        const QDateTime expiresAt = secondsLeft < 0 ? QDateTime() : now.addSecs(secondsLeft);
        QCOMPARE(TokenCheck::expiryOf(expiresAt, now), expected);
        QCOMPARE(TokenCheck::of(token({}, expiresAt), now).expiry, expected);
    }

    void owner()
    {
        TokenCheck check = TokenCheck::of(token({}));
        QCOMPARE(check.ownerText(), QStringLiteral("Ada Lovelace <ada@example.com>"));
        check.token.userEmail.clear();
        QCOMPARE(check.ownerText(), QStringLiteral("Ada Lovelace"));
        check.token.userName.clear();
        check.token.userEmail = QStringLiteral("ada@example.com");
        QCOMPARE(check.ownerText(), QStringLiteral("ada@example.com"));
    }
};

QTEST_GUILESS_MAIN(TestTokenCheck)
#include "tst_tokencheck.moc"
