// SPDX-License-Identifier: MIT
#include "accountstore.h"

#include "modelslogging.h"

#include <QSettings>

#include <algorithm>

namespace {
const QString group = QStringLiteral("Accounts");
const QString listKey = QStringLiteral("list");
const QString currentKey = QStringLiteral("current");
} // namespace

AccountStore::AccountStore(QObject* parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
    load();
}

AccountStore::AccountStore(const QString& iniFile, QObject* parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
    load();
}

AccountStore::~AccountStore() = default;

QString AccountStore::fileName() const { return m_settings->fileName(); }

void AccountStore::load()
{
    m_settings->beginGroup(group);
    const int count = m_settings->beginReadArray(listKey);
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        Account a;
        a.id = m_settings->value(QStringLiteral("id")).toString();
        a.name = m_settings->value(QStringLiteral("name")).toString();
        a.organization = m_settings->value(QStringLiteral("organization")).toString();
        a.apiUrl = QUrl(m_settings->value(QStringLiteral("apiUrl")).toString());
        if (a.apiUrl.isEmpty())
            a.apiUrl = Account::defaultApiUrl();
        a.tokenExpiresAt = QDateTime::fromString(
            m_settings->value(QStringLiteral("tokenExpiresAt")).toString(), Qt::ISODate);
        a.scopes = m_settings->value(QStringLiteral("scopes")).toStringList();
        // A hand-edited or half-written entry is skipped rather than shown broken.
        if (a.isValid() && indexOf(a.id) < 0) {
            if (a.name.isEmpty())
                a.name = a.organization;
            m_accounts.append(a);
        }
    }
    m_settings->endArray();
    const QString current = m_settings->value(currentKey).toString();
    m_settings->endGroup();

    if (indexOf(current) >= 0)
        m_currentId = current;
    else if (!m_accounts.isEmpty())
        m_currentId = m_accounts.first().id;
}

void AccountStore::save()
{
    m_settings->beginGroup(group);
    m_settings->remove(listKey);
    m_settings->beginWriteArray(listKey);
    int i = 0;
    for (const Account& a : std::as_const(m_accounts)) {
        if (isSessionOnly(a.id))
            continue;
        m_settings->setArrayIndex(i++);
        m_settings->setValue(QStringLiteral("id"), a.id);
        m_settings->setValue(QStringLiteral("name"), a.name);
        m_settings->setValue(QStringLiteral("organization"), a.organization);
        m_settings->setValue(QStringLiteral("apiUrl"), a.apiUrl.toString());
        if (a.tokenExpiresAt.isValid())
            m_settings->setValue(QStringLiteral("tokenExpiresAt"),
                a.tokenExpiresAt.toUTC().toString(Qt::ISODateWithMs));
        m_settings->setValue(QStringLiteral("scopes"), a.scopes);
    }
    m_settings->endArray();
    // A session-only current account is not remembered: it will not exist next time.
    if (!m_currentId.isEmpty() && !isSessionOnly(m_currentId))
        m_settings->setValue(currentKey, m_currentId);
    else if (m_currentId.isEmpty())
        m_settings->remove(currentKey);
    m_settings->endGroup();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        qCWarning(lcAccounts) << "could not write the account list to" << m_settings->fileName();
}

qsizetype AccountStore::indexOf(const QString& id) const
{
    if (id.isEmpty())
        return -1;
    for (qsizetype i = 0; i < m_accounts.size(); ++i) {
        if (m_accounts.at(i).id == id)
            return i;
    }
    return -1;
}

std::optional<Account> AccountStore::account(const QString& id) const
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return std::nullopt;
    return m_accounts.at(i);
}

std::optional<Account> AccountStore::find(const QString& nameOrId) const
{
    const QString wanted = nameOrId.trimmed();
    for (const Account& a : m_accounts) {
        if (a.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return a;
    }
    return account(wanted);
}

bool AccountStore::hasSavedAccounts() const { return m_accounts.size() > m_sessionOnly.size(); }

void AccountStore::add(const Account& account, Persistence persistence)
{
    Q_ASSERT(account.isValid());
    const qsizetype i = indexOf(account.id);
    if (i >= 0)
        m_accounts[i] = account;
    else
        m_accounts.append(account);
    if (persistence == Persistence::SessionOnly) {
        if (!m_sessionOnly.contains(account.id))
            m_sessionOnly.append(account.id);
    } else {
        m_sessionOnly.removeAll(account.id);
    }
    // Session-only accounts go last, so the saved order is the shown order.
    std::stable_partition(m_accounts.begin(), m_accounts.end(),
        [this](const Account& a) { return !isSessionOnly(a.id); });
    const bool firstAccount = m_currentId.isEmpty();
    if (firstAccount)
        m_currentId = account.id;
    save();
    qCInfo(lcAccounts) << "account" << account.id << "organisation" << account.organization
                       << (persistence == Persistence::SessionOnly ? "(session only)" : "saved");
    Q_EMIT accountsChanged();
    if (firstAccount)
        Q_EMIT currentChanged(m_currentId);
}

bool AccountStore::update(const Account& account)
{
    const qsizetype i = indexOf(account.id);
    if (i < 0)
        return false;
    if (m_accounts.at(i) == account)
        return true;
    m_accounts[i] = account;
    save();
    Q_EMIT accountsChanged();
    return true;
}

bool AccountStore::remove(const QString& id)
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return false;
    m_accounts.removeAt(i);
    m_sessionOnly.removeAll(id);
    const bool wasCurrent = m_currentId == id;
    if (wasCurrent)
        m_currentId = m_accounts.isEmpty() ? QString() : m_accounts.first().id;
    save();
    qCInfo(lcAccounts) << "account" << id << "forgotten";
    Q_EMIT accountsChanged();
    if (wasCurrent)
        Q_EMIT currentChanged(m_currentId);
    return true;
}

bool AccountStore::setCurrentId(const QString& id)
{
    if (indexOf(id) < 0)
        return false;
    if (m_currentId == id)
        return true;
    m_currentId = id;
    save();
    Q_EMIT currentChanged(m_currentId);
    return true;
}

QString AccountStore::uniqueName(const QString& wanted, const QString& ignoreId) const
{
    QString base = wanted.trimmed();
    auto taken = [&](const QString& candidate) {
        for (const Account& a : m_accounts) {
            if (a.id != ignoreId && a.name.compare(candidate, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    if (!taken(base))
        return base;
    for (int n = 2;; ++n) {
        QString candidate = QStringLiteral("%1 (%2)").arg(base).arg(n);
        if (!taken(candidate))
            return candidate;
    }
}
