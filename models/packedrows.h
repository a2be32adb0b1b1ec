// SPDX-License-Identifier: MIT
#pragma once

#include "domain/agenttoken.h"
#include "domain/cluster.h"
#include "domain/queue.h"
#include "interntable.h"

#include <QByteArray>
#include <QExplicitlySharedDataPointer>
#include <QHash>
#include <QList>
#include <QSharedData>
#include <QStringView>

#include <initializer_list>

// How the navigation tree holds an organisation of 1,000 clusters, 50,000 queues and 5,000
// tokens in a few hundred bytes per row. A Queue or AgentToken value as parsed carries each
// of its links and its creator in full: 1.5 KB or more, most of it the same user over and over
// and URLs that only repeat the ids. Packed, a row keeps what cannot be derived:
//   - one shared User per id (and per version: a user renamed since is a new entry, and rows
//     still pointing at the old one keep it alive), one shared InstanceShape per shape;
//   - strings (queue keys such as "default", descriptions, the retry affinity, IP allowlists,
//     search keys) as 4-byte numbers into the packer's table, where each distinct one is held
//     once;
//   - links (url, web_url, cluster_url, graphql_id) only where they differ from what the ids
//     give: the organisation's API and web prefixes are learnt from the first cluster, and a
//     graphql_id is the base64 of "ClusterQueue---<id>". Anything else (another host, the
//     documentation's copy-pasted examples) is kept as sent, so unpacking gives back exactly
//     the value that was packed.
// A row is only meaningful with the packer that made it; clear() forgets everything (another
// organisation). The string table only grows until then: a string no row uses any more stays,
// which costs little since refreshes bring the same strings back.

struct SharedUser : QSharedData {
    User value;
};
struct SharedShape : QSharedData {
    InstanceShape value;
};
using UserRef = QExplicitlySharedDataPointer<const SharedUser>;
using ShapeRef = QExplicitlySharedDataPointer<const SharedShape>;

// The links a row keeps because they do not follow from its ids. A bit in the row's linkMask
// says the field is kept; a kept field with no PackedLinks is empty.
struct PackedLinks : QSharedData {
    QString graphqlId;
    QString url;
    QString webUrl;
    QString clusterUrl;
    bool operator==(const PackedLinks& o) const
    {
        return graphqlId == o.graphqlId && url == o.url && webUrl == o.webUrl
            && clusterUrl == o.clusterUrl;
    }
};

struct PackedPause : QSharedData {
    UserRef by; // null: dispatch_paused_by was absent or null
    bool byPresent = false; // an empty object ({}) is not the same as none
    QDateTime at;
    QString note;
};

struct PackedQueue {
    using Text = quint32; // RowPacker::text()
    Text key = 0;
    Text description = 0;
    Text retryAgentAffinity = 0;
    Text agentImageRef = 0; // hosted Linux queues' custom image
    quint8 linkMask = 0;
    bool dispatchPaused = false;
    bool hosted = false;
    QDateTime createdAt;
    UserRef createdBy; // null: no creator
    ShapeRef instanceShape; // null: none reported
    QExplicitlySharedDataPointer<const PackedPause> pause; // null: no pause details at all
    QExplicitlySharedDataPointer<const PackedLinks> links;

    bool operator==(const PackedQueue& other) const;
};

struct PackedToken {
    using Text = quint32;
    Text description = 0;
    Text allowedIpAddresses = 0;
    quint8 linkMask = 0;
    QDateTime createdAt;
    QDateTime expiresAt;
    UserRef createdBy;
    QExplicitlySharedDataPointer<const PackedLinks> links;

    bool operator==(const PackedToken& other) const;
};

class RowPacker final {
public:
    using Text = quint32;
    enum LinkField : quint8 {
        GraphqlId = 1,
        Url = 2,
        WebUrl = 4,
        ClusterUrl = 8,
    };

    RowPacker();
    void clear();

    // The prefixes every link of the organisation starts with, from the first cluster whose
    // url and web_url end in "/clusters/<id>"; fixed from then on. Empty until then.
    void learnLinks(const Cluster& cluster);
    QString apiPrefix() const { return m_apiPrefix; } // ".../v2/organizations/<org>"
    QString webPrefix() const { return m_webPrefix; } // ".../organizations/<org>"

    PackedQueue pack(const Queue& queue, const QString& clusterId);
    Queue unpack(const PackedQueue& row, const QString& id, const QString& clusterId) const;
    PackedToken pack(const AgentToken& token, const QString& clusterId);
    AgentToken unpack(const PackedToken& row, const QString& id, const QString& clusterId) const;
    // Clusters are few: kept whole, with their creator and strings shared.
    Cluster pack(const Cluster& cluster);

    // The number of a string in the table (0: the empty string), and the string.
    Text text(const QString& text);
    const QString& text(Text number) const { return m_strings.value(number); }

    // The words a filter looks for in a row, case-folded and in UTF-8, parts joined by a line
    // feed (so no word spans two of them); rows that read the same share one copy.
    Text searchKey(std::initializer_list<QStringView> parts);
    const QByteArray& searchKey(Text number) const { return m_keys.value(number); }

    // The shared copy.
    UserRef user(const User& user);
    ShapeRef shape(const InstanceShape& shape);

    // For tests: how many distinct users and strings are held.
    qsizetype userCount() const { return m_users.size(); }
    qsizetype stringCount() const { return m_strings.size(); }

    static QString graphqlId(const char* type, const QString& id);

private:
    QString derive(LinkField field, const char* type, const QString& segment,
        const QString& clusterId, const QString& id) const;
    template <class Row, class Value>
    void packLinks(Row& row, const Value& value, const char* type, const QString& segment,
        const QString& clusterId);
    template <class Value, class Row>
    void unpackLinks(Value& value, const Row& row, const char* type, const QString& segment,
        const QString& clusterId, const QString& id) const;

    QString m_apiPrefix;
    QString m_webPrefix;
    InternTable<QString> m_strings;
    InternTable<QByteArray> m_keys;
    QHash<QString, UserRef> m_users; // by id: the latest version
    QList<ShapeRef> m_shapes;
};
