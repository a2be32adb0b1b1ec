// SPDX-License-Identifier: MIT
#pragma once

#include <QNetworkAccessManager>
#include <QUrlQuery>

#include <functional>

// A QNetworkAccessManager that never touches the network: every request is answered by a
// handler, asynchronously (like a real reply), and recorded. The seam the architecture names
// ("Nextcloud's fake QNAM"), for unit tests of code that sends through ApiClient.
class FakeNetwork final : public QNetworkAccessManager {
    Q_OBJECT
public:
    struct Request {
        QByteArray verb;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QByteArray authorization;
    };
    struct Response {
        int status = 200;
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
    };
    using Handler = std::function<Response(const Request&)>;

    explicit FakeNetwork(QObject* parent = nullptr);

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<Request>& requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

protected:
    QNetworkReply* createRequest(
        Operation op, const QNetworkRequest& request, QIODevice* outgoingData) override;

private:
    Handler m_handler;
    QList<Request> m_requests;
};
