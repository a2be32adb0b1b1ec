// SPDX-License-Identifier: MIT
#include "fakenetwork.h"

#include <QNetworkReply>
#include <QTimer>

namespace {

class FakeReply final : public QNetworkReply {
public:
    FakeReply(const QNetworkRequest& request, QNetworkAccessManager::Operation op,
        const QByteArray& verb, const FakeNetwork::Response& response, QObject* parent)
        : QNetworkReply(parent)
        , m_body(response.body)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        if (op == QNetworkAccessManager::CustomOperation)
            setAttribute(QNetworkRequest::CustomVerbAttribute, verb);
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, response.status);
        for (const auto& [name, value] : response.headers)
            setRawHeader(name, value);
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
        if (response.status >= 400) {
            // What QNetworkReply reports for such statuses; ApiError maps from the status.
            const NetworkError error = response.status == 404 ? ContentNotFoundError
                : response.status == 401                      ? AuthenticationRequiredError
                : response.status == 403                      ? ContentAccessDenied
                : response.status >= 500                      ? InternalServerError
                                                              : UnknownContentError;
            setError(error, QStringLiteral("HTTP %1").arg(response.status));
        }
        QTimer::singleShot(0, this, [this] {
            Q_EMIT metaDataChanged();
            if (!m_body.isEmpty())
                Q_EMIT readyRead();
            if (error() != NoError)
                Q_EMIT errorOccurred(error());
            setFinished(true);
            Q_EMIT finished();
        });
    }

    void abort() override { }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_body.size() - m_offset + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = qMin(maxSize, qint64(m_body.size()) - m_offset);
        if (n <= 0)
            return m_offset >= m_body.size() ? -1 : 0;
        memcpy(data, m_body.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }

private:
    QByteArray m_body;
    qint64 m_offset = 0;
};

} // namespace

FakeNetwork::FakeNetwork(QObject* parent)
    : QNetworkAccessManager(parent)
{
}

QNetworkReply* FakeNetwork::createRequest(
    Operation op, const QNetworkRequest& request, QIODevice* outgoingData)
{
    Request r;
    switch (op) {
    case GetOperation:
        r.verb = "GET";
        break;
    case PostOperation:
        r.verb = "POST";
        break;
    case PutOperation:
        r.verb = "PUT";
        break;
    case DeleteOperation:
        r.verb = "DELETE";
        break;
    case HeadOperation:
        r.verb = "HEAD";
        break;
    case CustomOperation:
        r.verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    case UnknownOperation:
        break;
    }
    r.path = request.url().path();
    r.query = QUrlQuery(request.url());
    r.body = outgoingData ? outgoingData->readAll() : QByteArray();
    r.authorization = request.rawHeader("Authorization");
    m_requests.append(r);
    const Response response
        = m_handler ? m_handler(r) : Response { 404, R"({"message":"Not Found"})" };
    return new FakeReply(request, op, r.verb, response, this);
}
