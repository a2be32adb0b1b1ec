// SPDX-License-Identifier: MIT
#include "accounts/accountstore.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestAccountStore final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;

    static Account make(const QString& name, const QString& org)
    {
        return Account::create(name, org, Account::defaultApiUrl());
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(
            QStringLiteral("%1.ini").arg(QLatin1StringView(QTest::currentTestFunction())));
        QFile::remove(m_file);
    }

    void emptyAtFirst()
    {
        AccountStore store(m_file);
        QVERIFY(store.isEmpty());
        QVERIFY(!store.hasSavedAccounts());
        QVERIFY(store.currentId().isEmpty());
        QVERIFY(!store.current());
    }

    void addPersistsAndBecomesCurrent()
    {
        Account a = make(QStringLiteral("Acme"), QStringLiteral("acme"));
        a.apiUrl = QUrl(QStringLiteral("https://proxy.example.com/buildkite"));
        a.tokenExpiresAt = QDateTime(QDate(2027, 1, 2), QTime(3, 4, 5), Qt::UTC);
        a.scopes = QStringList { QStringLiteral("read_clusters") };
        {
            AccountStore store(m_file);
            QSignalSpy changed(&store, &AccountStore::accountsChanged);
            QSignalSpy current(&store, &AccountStore::currentChanged);
            store.add(a);
            QCOMPARE(changed.size(), 1);
            QCOMPARE(current.size(), 1);
            QCOMPARE(store.currentId(), a.id);
        }
        AccountStore reloaded(m_file);
        QCOMPARE(reloaded.accounts().size(), 1);
        QCOMPARE(reloaded.accounts().first(), a);
        QCOMPARE(reloaded.currentId(), a.id);
        QVERIFY(reloaded.hasSavedAccounts());
    }

    void currentSurvivesRestart()
    {
        const Account a = make(QStringLiteral("one"), QStringLiteral("acme"));
        const Account b = make(QStringLiteral("two"), QStringLiteral("acme"));
        {
            AccountStore store(m_file);
            store.add(a);
            store.add(b);
            QCOMPARE(store.currentId(), a.id); // adding does not switch
            QSignalSpy current(&store, &AccountStore::currentChanged);
            QVERIFY(store.setCurrentId(b.id));
            QCOMPARE(current.size(), 1);
            QVERIFY(!store.setCurrentId(QStringLiteral("nope")));
        }
        AccountStore reloaded(m_file);
        QCOMPARE(reloaded.currentId(), b.id);
        QCOMPARE(reloaded.accounts().size(), 2);
        QCOMPARE(reloaded.accounts().at(0).id, a.id);
    }

    void removeMovesCurrent()
    {
        AccountStore store(m_file);
        const Account a = make(QStringLiteral("one"), QStringLiteral("acme"));
        const Account b = make(QStringLiteral("two"), QStringLiteral("other"));
        store.add(a);
        store.add(b);
        QSignalSpy current(&store, &AccountStore::currentChanged);
        QVERIFY(store.remove(a.id));
        QCOMPARE(current.size(), 1);
        QCOMPARE(store.currentId(), b.id);
        QVERIFY(store.remove(b.id));
        QVERIFY(store.currentId().isEmpty());
        QVERIFY(!store.remove(b.id));
        AccountStore reloaded(m_file);
        QVERIFY(reloaded.isEmpty());
    }

    void sessionOnlyIsNeverWritten()
    {
        const Account saved = make(QStringLiteral("saved"), QStringLiteral("acme"));
        const Account session = make(QStringLiteral("session"), QStringLiteral("acme"));
        {
            AccountStore store(m_file);
            store.add(session, AccountStore::Persistence::SessionOnly);
            QVERIFY(!store.hasSavedAccounts());
            QVERIFY(store.isSessionOnly(session.id));
            store.add(saved);
            QCOMPARE(store.accounts().size(), 2);
            // Saved accounts are listed first.
            QCOMPARE(store.accounts().at(0).id, saved.id);
            QVERIFY(store.setCurrentId(session.id));
        }
        AccountStore reloaded(m_file);
        QCOMPARE(reloaded.accounts().size(), 1);
        QCOMPARE(reloaded.accounts().first().id, saved.id);
        QCOMPARE(reloaded.currentId(), saved.id);
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(session.id.toUtf8()));
    }

    void findByNameOrId()
    {
        AccountStore store(m_file);
        const Account a = make(QStringLiteral("Acme Prod"), QStringLiteral("acme"));
        store.add(a);
        QCOMPARE(store.find(QStringLiteral("acme prod"))->id, a.id);
        QCOMPARE(store.find(a.id)->id, a.id);
        QVERIFY(!store.find(QStringLiteral("acme")));
    }

    void uniqueNames()
    {
        AccountStore store(m_file);
        const Account a = make(QStringLiteral("acme"), QStringLiteral("acme"));
        store.add(a);
        QCOMPARE(store.uniqueName(QStringLiteral("other")), QStringLiteral("other"));
        QCOMPARE(store.uniqueName(QStringLiteral("ACME")), QStringLiteral("ACME (2)"));
        QCOMPARE(store.uniqueName(QStringLiteral("acme"), a.id), QStringLiteral("acme"));
        Account b = make(QStringLiteral("acme (2)"), QStringLiteral("acme"));
        store.add(b);
        QCOMPARE(store.uniqueName(QStringLiteral("acme")), QStringLiteral("acme (3)"));
    }

    void updateKeepsPlace()
    {
        AccountStore store(m_file);
        Account a = make(QStringLiteral("one"), QStringLiteral("acme"));
        store.add(a);
        store.add(make(QStringLiteral("two"), QStringLiteral("acme")));
        a.tokenExpiresAt = QDateTime(QDate(2027, 5, 6), QTime(0, 0), Qt::UTC);
        QSignalSpy changed(&store, &AccountStore::accountsChanged);
        QVERIFY(store.update(a));
        QCOMPARE(changed.size(), 1);
        QVERIFY(store.update(a)); // unchanged: no signal
        QCOMPARE(changed.size(), 1);
        QCOMPARE(store.accounts().first(), a);
        QVERIFY(!store.update(make(QStringLiteral("x"), QStringLiteral("y"))));
    }

    void brokenEntriesAreSkipped()
    {
        {
            QSettings settings(m_file, QSettings::IniFormat);
            settings.beginGroup(QStringLiteral("Accounts"));
            settings.beginWriteArray(QStringLiteral("list"));
            settings.setArrayIndex(0);
            settings.setValue(QStringLiteral("id"), QStringLiteral("id-without-org"));
            settings.setArrayIndex(1);
            settings.setValue(QStringLiteral("id"), QStringLiteral("good"));
            settings.setValue(QStringLiteral("organization"), QStringLiteral("acme"));
            settings.endArray();
            settings.setValue(QStringLiteral("current"), QStringLiteral("gone"));
        }
        AccountStore store(m_file);
        QCOMPARE(store.accounts().size(), 1);
        QCOMPARE(store.accounts().first().name, QStringLiteral("acme"));
        QCOMPARE(store.accounts().first().apiUrl, Account::defaultApiUrl());
        QCOMPARE(store.currentId(), QStringLiteral("good"));
    }
};

QTEST_GUILESS_MAIN(TestAccountStore)
#include "tst_accountstore.moc"
