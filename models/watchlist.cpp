// SPDX-License-Identifier: MIT
#include "watchlist.h"

#include <QSettings>

#include <algorithm>

namespace {
QString groupOf(const QString& account)
{
    // QSettings treats '/' as a separator and some backends dislike other characters; an
    // account id is a UUID and a slug is [a-z0-9-], so only those two characters need care.
    QString key = account;
    key.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    return QStringLiteral("watch/") + key;
}
const QString idsKey = QStringLiteral("ids");
} // namespace

WatchList::WatchList(QObject* parent)
    : QObject(parent)
{
    setObjectName(QStringLiteral("watchList"));
}

void WatchList::setAccount(const QString& accountKey)
{
    if (accountKey == m_account && !m_account.isEmpty())
        return;
    m_account = accountKey;
    m_ids.clear();
    if (!m_account.isEmpty()) {
        QSettings settings;
        const QStringList ids
            = settings.value(groupOf(m_account) + QLatin1Char('/') + idsKey).toStringList();
        for (const QString& id : ids) {
            if (!id.isEmpty())
                m_ids.insert(id);
        }
    }
    Q_EMIT reset();
}

void WatchList::setWatched(const QString& id, bool watched)
{
    if (id.isEmpty() || m_ids.contains(id) == watched)
        return;
    if (watched)
        m_ids.insert(id);
    else
        m_ids.remove(id);
    save();
    Q_EMIT watchedChanged(id, watched);
}

QStringList WatchList::ids() const
{
    QStringList out(m_ids.cbegin(), m_ids.cend());
    std::sort(out.begin(), out.end());
    return out;
}

void WatchList::save() const
{
    if (m_account.isEmpty())
        return;
    QSettings settings;
    const QString key = groupOf(m_account) + QLatin1Char('/') + idsKey;
    if (m_ids.isEmpty())
        settings.remove(key);
    else
        settings.setValue(key, ids());
}
