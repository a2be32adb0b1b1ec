// SPDX-License-Identifier: MIT
#pragma once

#include "user.h"

#include <QList>
#include <QString>

class JsonReader;

// A cluster maintainer: a user or a team (api-notes.md, "Objects beyond the reference pages").
struct Maintainer {
    enum class Kind {
        User,
        Team
    };
    Kind kind = Kind::User;
    QString id; // the maintainer record's id
    QString actorId;
    QString name;
    QString email; // users
    QString slug; // teams
    bool operator==(const Maintainer&) const = default;
};

struct Cluster {
    QString id;
    QString graphqlId;
    QString defaultQueueId;
    QString name;
    QString description;
    QString emoji;
    QString color;
    QString url;
    QString webUrl;
    QString queuesUrl;
    QString defaultQueueUrl;
    QDateTime createdAt;
    User createdBy;
    QList<Maintainer> maintainers;

    static Cluster fromJson(JsonReader& reader);
    bool operator==(const Cluster&) const = default;
};
