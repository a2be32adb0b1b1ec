// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class ApiError;
class QLabel;
class QPushButton;

// A centred message: "Select a cluster", "Loading…", or a failure with Buildkite's own words and
// a Retry button.
//
// objectNames: messageTitleLabel, messageTextLabel, retryButton.
class MessagePane final : public QWidget {
    Q_OBJECT
public:
    explicit MessagePane(QWidget* parent = nullptr);

    void showMessage(const QString& title, const QString& text = {});
    // The server's message verbatim, with the kind of failure and HTTP status in smaller print.
    void showError(const QString& title, const ApiError& error, bool retryable = true);
    void showError(const QString& title, const QString& message, bool retryable = true);

    QString title() const;
    QString text() const;

Q_SIGNALS:
    void retryRequested();

private:
    QLabel* m_icon;
    QLabel* m_title;
    QLabel* m_text;
    QLabel* m_detail;
    QPushButton* m_retry;
};
