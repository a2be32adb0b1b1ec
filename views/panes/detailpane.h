// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QWidget>

#include <functional>

class Banner;
class QAbstractButton;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTimer;
class QVBoxLayout;

// The common frame of the detail panes: a scrollable column, the write-permission switch and a
// minute tick that keeps "3 hours ago" honest. Panes never talk to the network; they show domain
// values and emit requests that the main window turns into API calls.
class DetailPane : public QWidget {
    Q_OBJECT
public:
    explicit DetailPane(QWidget* parent = nullptr);

    // Without write_clusters every write control is disabled and its tooltip names the missing
    // scope, so the admin sees why instead of a 403 after clicking.
    void setWriteAllowed(bool allowed, const QString& reasonIfNot = {});
    bool isWriteAllowed() const { return m_writeAllowed; }
    QString writeDeniedReason() const { return m_writeDeniedReason; }
    // While a write on the shown item is in flight its write controls stay disabled, so a second
    // click cannot send the request twice.
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }

    static QString defaultWriteDeniedReason();
    // What the read-only notice says (objectName readOnlyBanner, its label readOnlyLabel): shown
    // at the top of every pane while the token cannot write, so the reason is on screen, not
    // only in the disabled buttons' tooltips. Not while Buildkite is unreachable: that has its
    // own banner, and writes come back by themselves.
    static QString readOnlyNotice();
    bool isReadOnlyNoticeShown() const;

    // When what the pane shows was last checked successfully (the tree's CheckedAtRole):
    // freshnessLabel() reads "Checked 40 s ago", kept current by a clock while shown.
    void setCheckedAt(const QDateTime& when);
    QDateTime checkedAt() const { return m_checkedAt; }

Q_SIGNALS:
    // setWriteAllowed() was called: panes that show a value either as a control or as text
    // switch between the two.
    void writeAllowedChanged(bool allowed);

protected:
    QVBoxLayout* contentLayout() const { return m_content; }
    // A bold heading followed by a form; returns the form.
    QFormLayout* addSection(const QString& heading);
    QHBoxLayout* addActionRow();
    // Gives every section's label column the same width, so values line up down the pane.
    void alignSections();
    QPushButton* makeButton(const QString& objectName, const QString& text,
        const QString& accessibleName, const QString& iconPath = {});
    // Registers a control that changes the organisation. `ready` adds the control's own
    // condition (e.g. a different queue is selected); it is re-checked by updateWriteControls().
    void registerWriteControl(QWidget* control, std::function<bool()> ready = {});
    void updateWriteControls();
    // The muted "Checked … ago" line (objectName freshnessLabel); each pane places it.
    QLabel* freshnessLabel() const { return m_freshness; }
    // The Delete key triggers `button` while focus is inside this pane; it still only asks.
    void bindDeleteKey(QAbstractButton* button);

    // Opens a Buildkite page in the browser; only http(s) URLs, never anything the API could
    // smuggle in as another scheme.
    static bool openWebUrl(const QString& url);
    static bool isWebUrl(const QString& url);

    static QLabel* makeValueLabel(const QString& objectName, QWidget* parent);
    static void setMuted(QLabel* label, bool muted);
    static QFont scaledFont(const QFont& base, qreal factor, bool bold);

    // Called every minute while visible, to refresh relative times.
    virtual void refreshTimes() { }

    void updateFreshness();
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct WriteControl {
        QWidget* widget;
        std::function<bool()> ready;
        QString toolTip;
    };

    QVBoxLayout* m_content;
    Banner* m_readOnly;
    QList<QFormLayout*> m_forms;
    QList<WriteControl> m_writeControls;
    QTimer* m_clock;
    QLabel* m_freshness;
    QTimer* m_freshnessClock;
    QDateTime m_checkedAt;
    bool m_writeAllowed = true;
    bool m_busy = false;
    QString m_writeDeniedReason;
};
