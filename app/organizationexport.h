// SPDX-License-Identifier: MIT
#pragma once

#include "api/apierror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>

#include <utility>

class ApiClient;
class QIODevice;

// What `kitedeck export` writes, as the answers arrive:
//
//   {
//       "organization": "acme",
//       "clusters": [
//           {...the cluster...,"queues":[...],"tokens":[...]},
//           ...
//       ]
//   }
//
// Every cluster, queue and token object is copied byte for byte from the response it came in:
// nothing is parsed into values and written back, so nothing the API sends is lost or
// reordered, and memory stays that of the clusters in flight (a few pages), not of the
// organisation. Two exceptions keep the document sound: a token object that carries its secret
// value ("token") is written without it, and a cluster object that has "queues" or "tokens"
// members of its own loses them to ours.
//
// Objects are copied, not trusted: each must read as Kitedeck itself reads it. A cluster without
// a string id, or a cluster, queue or token with a field of the wrong type (a broken proxy, a
// server answering something else), fails the export with one line naming the field by its
// place in the document ("clusters[0].queues[3].key: expected a string, got a number"), as the
// app would fail to show it, rather than writing an export that looks whole and is not.
//
// Clusters go out in the order the API lists them; their queues and tokens are fetched a few
// clusters at a time, and at most maxAhead() clusters wait for an earlier one to be written.
class OrganizationExport final : public QObject {
    Q_OBJECT
public:
    explicit OrganizationExport(ApiClient* client, QObject* parent = nullptr);

    void setClustersInFlight(int clusters) { m_window = qMax(1, clusters); }
    int maxAhead() const { return 8 * m_window; }

    // Writes the organisation to out (open for writing). finished() follows, once.
    void start(const QString& organization, QIODevice* out);
    void cancel();

    int clusterCount() const { return int(m_clusters.size()); }
    int queueCount() const { return m_queues; }
    int tokenCount() const { return m_tokens; }
    // Why writing to the device failed (finished() then has no ApiError); empty otherwise.
    QString writeError() const { return m_writeError; }

    // The byte ranges (offset, length) of the elements of a JSON array, in order. The text must
    // be valid JSON (ApiClient checked it).
    static QList<std::pair<qsizetype, qsizetype>> arrayElements(QByteArrayView array);

Q_SIGNALS:
    void finished(const ApiError& error);

private:
    struct Pending {
        QList<QByteArray> queuePages;
        QList<QByteArray> tokenPages;
        int outstanding = 2;
    };

    void startNext();
    void childDone(int index);
    void writeReady();
    void fail(const ApiError& error);
    bool write(const QByteArray& bytes);
    // An error naming the first element of the pages that does not read as a T.
    template <class T>
    static ApiError checkObjects(const QList<QByteArray>& pages, const QString& what);
    // The elements of the pages, comma-separated, as one JSON array.
    QByteArray joinPages(const QList<QByteArray>& pages, bool tokens, int* count) const;

    ApiClient* m_client;
    QPointer<QObject> m_run;
    QIODevice* m_out = nullptr;
    QString m_organization;
    QList<QByteArray> m_clusters; // each cluster object as sent, "queues"/"tokens" removed
    QList<QString> m_clusterIds;
    QMap<int, Pending> m_pending; // clusters asked for and not written yet
    int m_next = 0; // the next cluster to ask for
    int m_written = 0; // clusters written
    int m_inFlight = 0; // clusters whose queues or tokens are still being fetched
    int m_window = 8;
    int m_queues = 0;
    int m_tokens = 0;
    QString m_writeError;
};
