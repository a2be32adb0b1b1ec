// SPDX-License-Identifier: MIT
#include "organizationexport.h"

#include "api/apiclient.h"
#include "api/requests/clusterrequests.h"
#include "api/requests/queuerequests.h"
#include "api/requests/tokenrequests.h"
#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/json.h"
#include "domain/queue.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A JSON string literal.
QByteArray quoted(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

ApiError badResponse(const QString& message)
{
    return ApiError(ApiError::Kind::BadResponse, message);
}

} // namespace

OrganizationExport::OrganizationExport(ApiClient* client, QObject* parent)
    : QObject(parent)
    , m_client(client)
{
}

QList<std::pair<qsizetype, qsizetype>> OrganizationExport::arrayElements(QByteArrayView a)
{
    QList<std::pair<qsizetype, qsizetype>> out;
    const qsizetype n = a.size();
    qsizetype i = 0;
    while (i < n && isSpace(a[i]))
        ++i;
    if (i >= n || a[i] != '[')
        return out;
    ++i;
    while (i < n) {
        while (i < n && isSpace(a[i]))
            ++i;
        if (i >= n || a[i] == ']')
            break;
        const qsizetype start = i;
        int depth = 0;
        bool inString = false;
        for (; i < n; ++i) {
            const char c = a[i];
            if (inString) {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0)
                    break; // the array's own end
                --depth;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        qsizetype end = i;
        while (end > start && isSpace(a[end - 1]))
            --end;
        out.append({ start, end - start });
        if (i < n && a[i] == ',')
            ++i;
        else
            break;
    }
    return out;
}

void OrganizationExport::cancel()
{
    delete m_run;
    m_run = nullptr;
}

void OrganizationExport::start(const QString& organization, QIODevice* out)
{
    cancel();
    m_run = new QObject(this);
    m_out = out;
    m_organization = organization;
    m_clusters.clear();
    m_clusterIds.clear();
    m_pending.clear();
    m_next = 0;
    m_written = 0;
    m_inFlight = 0;
    m_queues = 0;
    m_tokens = 0;
    m_writeError.clear();

    m_client->sendPages(ListClusters { organization }.toApiRequest(), m_run,
        [this](const Result<QList<QByteArray>>& result) {
            if (!result) {
                fail(result.error());
                return;
            }
            for (const QByteArray& page : result.value()) {
                const QJsonArray objects = QJsonDocument::fromJson(page).array();
                const auto ranges = arrayElements(page);
                if (ranges.size() != objects.size()) {
                    fail(badResponse(tr("The cluster list could not be split into objects")));
                    return;
                }
                for (qsizetype i = 0; i < ranges.size(); ++i) {
                    const QJsonValue value = objects.at(i);
                    const QJsonValue id = value.toObject().value(QLatin1StringView("id"));
                    if (!value.isObject() || !id.isString() || id.toString().isEmpty()) {
                        fail(badResponse(
                            tr("clusters[%1].id: expected a string").arg(m_clusters.size())));
                        return;
                    }
                    QJsonObject object = value.toObject();
                    JsonReader reader(
                        object, QStringLiteral("clusters[%1]").arg(m_clusters.size()));
                    [[maybe_unused]] const Cluster read = Cluster::fromJson(reader);
                    if (!reader.ok()) {
                        fail(badResponse(reader.error()));
                        return;
                    }
                    QByteArray bytes = page.mid(ranges.at(i).first, ranges.at(i).second);
                    if (object.contains(QLatin1StringView("queues"))
                        || object.contains(QLatin1StringView("tokens"))) {
                        object.remove(QLatin1StringView("queues"));
                        object.remove(QLatin1StringView("tokens"));
                        bytes = compact(object);
                    }
                    m_clusters.append(bytes);
                    m_clusterIds.append(id.toString());
                }
            }
            if (!write("{\n    \"organization\": " + quoted(m_organization)
                    + ",\n    \"clusters\": ["))
                return;
            if (m_clusters.isEmpty()) {
                writeReady();
                return;
            }
            for (int i = 0; i < m_window; ++i)
                startNext();
        });
}

void OrganizationExport::startNext()
{
    if (!m_run || m_next >= m_clusters.size() || m_inFlight >= m_window
        || m_next - m_written >= maxAhead())
        return;
    const int index = m_next++;
    ++m_inFlight;
    m_pending.insert(index, Pending {});
    const QString& id = m_clusterIds.at(index);
    m_client->sendPages(ListQueues { m_organization, id }.toApiRequest(), m_run,
        [this, index](const Result<QList<QByteArray>>& result) {
            if (!result) {
                fail(result.error());
                return;
            }
            if (ApiError wrong = checkObjects<Queue>(
                    result.value(), QStringLiteral("clusters[%1].queues").arg(index))) {
                fail(wrong);
                return;
            }
            m_pending[index].queuePages = result.value();
            childDone(index);
        });
    m_client->sendPages(ListAgentTokens { m_organization, id }.toApiRequest(), m_run,
        [this, index](const Result<QList<QByteArray>>& result) {
            if (!result) {
                fail(result.error());
                return;
            }
            if (ApiError wrong = checkObjects<AgentToken>(
                    result.value(), QStringLiteral("clusters[%1].tokens").arg(index))) {
                fail(wrong);
                return;
            }
            m_pending[index].tokenPages = result.value();
            childDone(index);
        });
}

template <class T>
ApiError OrganizationExport::checkObjects(const QList<QByteArray>& pages, const QString& what)
{
    qsizetype index = 0;
    for (const QByteArray& page : pages) {
        const QJsonArray items = QJsonDocument::fromJson(page).array();
        for (const QJsonValue& item : items) {
            const QString path = QStringLiteral("%1[%2]").arg(what).arg(index++);
            if (!item.isObject())
                return badResponse(OrganizationExport::tr("%1: expected an object, got %2")
                                       .arg(path, jsonTypeName(item)));
            JsonReader reader(item.toObject(), path);
            [[maybe_unused]] const T read = T::fromJson(reader);
            if (!reader.ok())
                return badResponse(reader.error());
        }
    }
    return {};
}

void OrganizationExport::childDone(int index)
{
    if (--m_pending[index].outstanding > 0)
        return;
    --m_inFlight;
    writeReady();
    while (m_run && m_inFlight < m_window && m_next < m_clusters.size()
        && m_next - m_written < maxAhead())
        startNext();
}

QByteArray OrganizationExport::joinPages(
    const QList<QByteArray>& pages, bool tokens, int* count) const
{
    QByteArray out("[");
    bool first = true;
    for (const QByteArray& page : pages) {
        const auto ranges = arrayElements(page);
        // A token's secret appears in a create answer only; should a list ever carry one, it
        // is left out rather than written to a file.
        QJsonArray objects;
        if (tokens && page.contains("\"token\""))
            objects = QJsonDocument::fromJson(page).array();
        for (qsizetype i = 0; i < ranges.size(); ++i) {
            if (!first)
                out += ',';
            first = false;
            QJsonObject object = objects.isEmpty() ? QJsonObject() : objects.at(i).toObject();
            if (object.contains(QLatin1StringView("token"))) {
                object.remove(QLatin1StringView("token"));
                out += compact(object);
            } else {
                out += QByteArrayView(page).sliced(ranges.at(i).first, ranges.at(i).second);
            }
            ++*count;
        }
    }
    out += ']';
    return out;
}

void OrganizationExport::writeReady()
{
    while (m_run && m_written < m_clusters.size()) {
        const auto it = m_pending.constFind(m_written);
        if (it == m_pending.cend() || it->outstanding > 0)
            return;
        // The cluster object without its closing brace, then our two members.
        QByteArray object = std::exchange(m_clusters[m_written], {});
        qsizetype end = object.size();
        while (end > 0 && isSpace(object.at(end - 1)))
            --end;
        object.truncate(end - 1); // the '}'
        end = object.size();
        while (end > 0 && isSpace(object.at(end - 1)))
            --end;
        const bool empty = end > 0 && object.at(end - 1) == '{';
        QByteArray bytes = m_written == 0 ? "\n        " : ",\n        ";
        bytes += object;
        bytes += empty ? "\"queues\":" : ",\"queues\":";
        bytes += joinPages(it->queuePages, false, &m_queues);
        bytes += ",\"tokens\":";
        bytes += joinPages(it->tokenPages, true, &m_tokens);
        bytes += '}';
        m_pending.erase(it);
        ++m_written;
        if (!write(bytes))
            return;
    }
    if (!m_run || m_written < m_clusters.size())
        return;
    if (!write(m_clusters.isEmpty() ? "]\n}\n" : "\n    ]\n}\n"))
        return;
    cancel();
    Q_EMIT finished({});
}

bool OrganizationExport::write(const QByteArray& bytes)
{
    if (m_out->write(bytes) == bytes.size())
        return true;
    m_writeError = m_out->errorString();
    cancel();
    Q_EMIT finished({});
    return false;
}

void OrganizationExport::fail(const ApiError& error)
{
    if (!m_run)
        return;
    cancel();
    Q_EMIT finished(error);
}
