// SPDX-License-Identifier: MIT
// The write flows of the main window, driven through their dialogs against the sandbox: what the
// admin is told when a write's answer is lost, when the session goes away mid-write, and when a
// token can write but its user maintains nothing.
#include "api/apiclient.h"
#include "dialogs/agenttokendialog.h"
#include "dialogs/clusterdialog.h"
#include "dialogs/pausequeuedialog.h"
#include "dialogs/queuedialog.h"
#include "dialogs/tokenrevealdialog.h"
#include "mainwindow/mainstatusbar.h"
#include "mainwindow/mainwindow.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "panes/detailpane.h"
#include "sandboxserver.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

namespace {

// Clicks `button` of the next confirmation box (confirmDestructive runs its own event loop, so
// the test cannot click it from where it waits) and records what the box said.
class ConfirmationAnswerer final : public QObject {
public:
    ConfirmationAnswerer(QWidget* window, const char* button)
        : m_window(window)
        , m_button(QLatin1String(button))
    {
        connect(&m_poll, &QTimer::timeout, this, [this] {
            auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("confirmDestructiveBox"));
            if (!box || !box->isVisible())
                return;
            text = box->text() + QLatin1Char('\n') + box->informativeText();
            ++answered;
            box->findChild<QPushButton*>(m_button)->click();
        });
        m_poll.start(20);
    }

    QString text;
    int answered = 0;

private:
    QWidget* m_window;
    QString m_button;
    QTimer m_poll;
};

} // namespace

class TestWriteFlows final : public QObject {
    Q_OBJECT

    SandboxServer* m_server = nullptr;
    QNetworkAccessManager* m_nam = nullptr;
    ApiClient* m_client = nullptr;
    OrganizationSession* m_session = nullptr;
    MainWindow* m_window = nullptr;

    OrganizationTreeModel* model() const { return m_session->treeModel(); }

    void open(const QString& token)
    {
        m_client->setToken(token);
        m_session = new OrganizationSession(m_client, m_server->organization(), this);
        QSignalSpy refreshed(m_session, &OrganizationSession::refreshFinished);
        m_window->setSession(m_session);
        // Ends with the load; long for a sanitized build on a busy machine (over 20 s seen).
        QVERIFY(refreshed.wait(90000));
        QTRY_VERIFY(m_session->accessToken().has_value());
    }

    // What AppController does on an account switch: the window lets go, the session goes.
    // The demo's paused queues are someone else's pauses: resuming one asks first. Confirms the
    // box the next click opens.
    void answerResumeConfirmation()
    {
        QTimer::singleShot(0, this, [] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(box && box->objectName() == QLatin1String("confirmResumeBox"));
            box->findChild<QPushButton*>(QStringLiteral("confirmButton"))->click();
        });
    }

    void closeSession()
    {
        m_window->setSession(nullptr);
        delete m_session;
        m_session = nullptr;
    }

    template <class T>
    QPointer<T> waitForDialog()
    {
        T* found = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                found = m_window->findChild<T*>();
                return found && found->isVisible();
            },
            5000);
        return found;
    }

    // A cluster Hannah Novak (the member token's user) neither maintains nor administers.
    Cluster clusterNotMaintained() const
    {
        for (const Cluster& c : model()->clusters()) {
            const bool maintains = std::any_of(c.maintainers.cbegin(), c.maintainers.cend(),
                [this](const Maintainer& m) { return m.actorId == m_server->memberUserId(); });
            if (!maintains && !model()->queues(c.id).isEmpty()
                && c.name != QLatin1String("Data platform"))
                return c;
        }
        return {};
    }

    Queue queueIn(const QString& clusterId, bool paused) const
    {
        for (const Queue& q : model()->queues(clusterId)) {
            if (q.dispatchPaused == paused)
                return q;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
    }

    void init()
    {
        m_server = new SandboxServer(this);
        m_server->seedDemo();
        m_server->setRateLimit(1000); // a reload of the demo fits one window
        QVERIFY(m_server->listen());
        m_nam = new QNetworkAccessManager(this);
        m_client = new ApiClient(m_nam, this);
        QVERIFY(!m_client->setBaseUrl(m_server->baseUrl()));
        m_window = new MainWindow;
        m_window->show();
    }

    void cleanup()
    {
        delete m_window;
        delete m_session;
        m_session = nullptr;
        delete m_client;
        delete m_nam;
        delete m_server;
    }

    // Finding 2: the account changes while a create is in flight. The dialog used to stay busy
    // for good, its Cancel ignored, since the answer's callback died with the session.
    void dialogLeftBusyWhenTheSessionGoesMidWrite()
    {
        open(m_server->readWriteToken());
        m_window->findChild<QAction*>(QStringLiteral("newClusterAction"))->trigger();
        QPointer<ClusterDialog> dialog = waitForDialog<ClusterDialog>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit"))
            ->setText(QStringLiteral("Made during a switch"));
        m_server->setLatency(3000);
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QVERIFY(dialog->isBusy());
        QTRY_COMPARE(m_server->openRequests(), 1);

        closeSession();
        QVERIFY(dialog);
        QVERIFY(!dialog->isBusy());
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->errorText().contains(QLatin1String("may or may not have been made")),
            qPrintable(dialog->errorText()));
        QVERIFY(dialog->errorText().contains(m_server->organization()));
        // What it would write belongs to the organisation that was left: OK stays off.
        QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->isEnabled());
        QVERIFY(!dialog->canSubmit());
        auto* cancel = dialog->findChild<QPushButton*>(QStringLiteral("cancelButton"));
        QVERIFY(cancel->isEnabled());
        cancel->click();
        QTRY_VERIFY(!dialog);
    }

    // An idle form open over an organisation that is left cannot be sent to the next one.
    void idleDialogAbandonedWhenTheSessionGoes()
    {
        open(m_server->readWriteToken());
        const Cluster cluster = model()->clusters().constFirst();
        QVERIFY(m_window->selectId(cluster.id));
        m_window->findChild<QAction*>(QStringLiteral("newTokenAction"))->trigger();
        QPointer<AgentTokenDialog> dialog = waitForDialog<AgentTokenDialog>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit*>(QStringLiteral("descriptionEdit"))
            ->setText(QStringLiteral("For the old organisation"));
        QVERIFY(dialog->canSubmit());
        closeSession();
        open(m_server->readWriteToken());
        QVERIFY(dialog);
        QVERIFY(dialog->isAbandoned());
        QVERIFY(!dialog->canSubmit());
        QVERIFY(dialog->errorText().contains(QLatin1String("can no longer be sent")));
        const int before = m_server->requests().size();
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QCOMPARE(m_server->requests().size(), before);
        dialog->reject();
        QTRY_VERIFY(!dialog);
    }

    // Finding 1 through the GUI: a create whose answer was lost but that was made closes the
    // dialog like any success.
    void lostAnswerOfAMadeClusterIsASuccess()
    {
        open(m_server->readWriteToken());
        m_server->closeWithoutAnswer(QStringLiteral("/clusters$"), 1, "POST", true);
        m_window->findChild<QAction*>(QStringLiteral("newClusterAction"))->trigger();
        QPointer<ClusterDialog> dialog = waitForDialog<ClusterDialog>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit"))
            ->setText(QStringLiteral("Answer lost"));
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        const auto clusters = model()->clusters();
        const auto made = std::find_if(clusters.cbegin(), clusters.cend(),
            [](const Cluster& c) { return c.name == QLatin1String("Answer lost"); });
        QVERIFY(made != clusters.cend());
        QTRY_COMPARE(m_window->selectedId(), made->id);
        QVERIFY(m_window->operationError().isEmpty());
    }

    void lostAnswerOfADroppedWriteSaysNothingChanged()
    {
        open(m_server->readWriteToken());
        m_server->closeWithoutAnswer(QStringLiteral("/clusters$"), 1, "POST", false);
        m_window->findChild<QAction*>(QStringLiteral("newClusterAction"))->trigger();
        QPointer<ClusterDialog> dialog = waitForDialog<ClusterDialog>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit*>(QStringLiteral("nameEdit"))
            ->setText(QStringLiteral("Dropped"));
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 10000);
        QVERIFY2(dialog->errorText().contains(QLatin1String("was not created")),
            qPrintable(dialog->errorText()));
        QVERIFY(dialog->canSubmit()); // safe to send again
    }

    // A token made whose value was lost: said so, and its revocation offered.
    void lostTokenValueIsExplainedAndItsTokenOfferedForRevocation()
    {
        open(m_server->readWriteToken());
        const Cluster cluster = model()->clusters().constFirst();
        const qsizetype tokens = model()->tokens(cluster.id).size();
        QVERIFY(m_window->selectId(cluster.id));
        m_server->closeWithoutAnswer(QStringLiteral("/tokens$"), 1, "POST", true);
        m_window->findChild<QAction*>(QStringLiteral("newTokenAction"))->trigger();
        QPointer<AgentTokenDialog> dialog = waitForDialog<AgentTokenDialog>();
        QVERIFY(dialog);
        dialog->findChild<QLineEdit*>(QStringLiteral("descriptionEdit"))
            ->setText(QStringLiteral("Value lost"));
        ConfirmationAnswerer revoke(m_window, "confirmButton");
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(revoke.answered == 1, 10000);
        QVERIFY2(revoke.text.contains(QLatin1String("Value lost")), qPrintable(revoke.text));
        QVERIFY(revoke.text.contains(QLatin1String("never"))
            || revoke.text.contains(QLatin1String("lost")));
        QVERIFY(dialog);
        QVERIFY2(dialog->errorText().contains(QLatin1String("never shows a token's value again")),
            qPrintable(dialog->errorText()));
        QVERIFY(!m_window->findChild<TokenRevealDialog*>());
        // Revoked: the cluster is back to the tokens it had.
        QTRY_COMPARE_WITH_TIMEOUT(model()->tokens(cluster.id).size(), tokens, 10000);
        QCOMPARE(m_server->receivedCount("POST",
                     QStringLiteral("/v2/organizations/%1/clusters/%2/tokens")
                         .arg(m_server->organization(), cluster.id)),
            1);
    }

    // Finding 5: write_clusters is not enough on a cluster the user does not maintain.
    void notAMaintainerIsSaidPlainly()
    {
        open(m_server->memberToken());
        QVERIFY(m_session->canWrite());
        const Cluster cluster = clusterNotMaintained();
        QVERIFY(!cluster.id.isEmpty());
        const Queue running = queueIn(cluster.id, false);
        QVERIFY(!running.id.isEmpty());
        QVERIFY(m_window->selectId(running.id));
        m_window->findChild<QPushButton*>(QStringLiteral("pauseButton"))->click();
        QPointer<PauseQueueDialog> dialog = waitForDialog<PauseQueueDialog>();
        QVERIFY(dialog);
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 10000);
        const QString text = dialog->errorText();
        QVERIFY2(text.startsWith(QLatin1String("You're not a maintainer of this cluster")),
            qPrintable(text));
        QVERIFY(text.contains(cluster.name));
        // Buildkite's own words follow.
        QVERIFY2(
            text.contains(QLatin1String("Only organization administrators and the maintainers")),
            qPrintable(text));
        dialog->reject();

        // From a pane: the error bar says the same.
        const Queue paused = queueIn(cluster.id, true);
        if (!paused.id.isEmpty()) {
            QVERIFY(m_window->selectId(paused.id));
            answerResumeConfirmation();
            m_window->findChild<QPushButton*>(QStringLiteral("resumeButton"))->click();
            QTRY_VERIFY_WITH_TIMEOUT(
                m_window->operationError().contains(QLatin1String("You're not a maintainer")),
                10000);
        }

        // Creating a cluster takes an administrator.
        m_window->findChild<QAction*>(QStringLiteral("newClusterAction"))->trigger();
        QPointer<ClusterDialog> create = waitForDialog<ClusterDialog>();
        QVERIFY(create);
        create->findChild<QLineEdit*>(QStringLiteral("nameEdit"))->setText(QStringLiteral("Mine"));
        create->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!create->errorText().isEmpty(), 10000);
        QVERIFY2(create->errorText().contains(QLatin1String("only administrators can create")),
            qPrintable(create->errorText()));
    }

    // Finding 5: a hosted Linux queue's image, edited in the queue dialog, kept by a resize.
    void resizeKeepsTheAgentImage()
    {
        open(m_server->readWriteToken());
        const Cluster cluster = model()->clusters().constFirst();
        QueueInput input;
        input.key = QStringLiteral("custom-image");
        input.instanceShape = QStringLiteral("LINUX_AMD64_2X4");
        input.agentImageRef = QStringLiteral("ghcr.io/acme/agent:2025-07");
        std::optional<Result<Queue>> made;
        m_session->createQueue(
            cluster.id, input, nullptr, [&](const Result<Queue>& r) { made = r; });
        QTRY_VERIFY_WITH_TIMEOUT(made.has_value(), 10000);
        QVERIFY2(made->ok(), qPrintable(made->error().toString()));
        const Queue queue = made->value();
        QCOMPARE(queue.agentImageRef, QStringLiteral("ghcr.io/acme/agent:2025-07"));

        QVERIFY(m_window->selectId(queue.id));
        QTRY_COMPARE(m_window->findChild<QLabel*>(QStringLiteral("agentImageLabel"))->text(),
            QStringLiteral("ghcr.io/acme/agent:2025-07"));
        m_window->findChild<QWidget*>(QStringLiteral("queueDetailPane"))
            ->findChild<QPushButton*>(QStringLiteral("editButton"))
            ->click();
        QPointer<QueueDialog> dialog = waitForDialog<QueueDialog>();
        QVERIFY(dialog);
        auto* size = dialog->findChild<QComboBox*>(QStringLiteral("sizeCombo"));
        size->setCurrentIndex(size->findData(QStringLiteral("LINUX_AMD64_8X32")));
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
        const auto sent = m_server->requests().constLast();
        QCOMPARE(sent.verb, QByteArray("PATCH"));
        const QJsonObject hosted = QJsonDocument::fromJson(sent.body)
                                       .object()
                                       .value(QStringLiteral("hostedAgents"))
                                       .toObject();
        QCOMPARE(hosted.value(QStringLiteral("instanceShape")).toString(),
            QStringLiteral("LINUX_AMD64_8X32"));
        QCOMPARE(hosted.value(QStringLiteral("agentImageRef")).toString(),
            QStringLiteral("ghcr.io/acme/agent:2025-07"));
        QCOMPARE(model()->queue(queue.id)->instanceShape.name, QStringLiteral("LINUX_AMD64_8X32"));
        QCOMPARE(
            model()->queue(queue.id)->agentImageRef, QStringLiteral("ghcr.io/acme/agent:2025-07"));
    }

    // A write sent from a pane whose answer was lost and that was not made: "could not", with
    // what the check found.
    void paneWriteLostAndNotMade()
    {
        open(m_server->readWriteToken());
        Queue paused;
        for (const Cluster& c : model()->clusters()) {
            paused = queueIn(c.id, true);
            if (!paused.id.isEmpty())
                break;
        }
        QVERIFY(!paused.id.isEmpty());
        QVERIFY(m_window->selectId(paused.id));
        m_server->closeWithoutAnswer(QStringLiteral("/resume_dispatch$"), 1, "POST", false);
        answerResumeConfirmation();
        m_window->findChild<QPushButton*>(QStringLiteral("resumeButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->operationError().contains(QLatin1String("is still paused")), 10000);
        QVERIFY(m_window->operationError().startsWith(QLatin1String("Could not resume")));
        QVERIFY(model()->queue(paused.id)->dispatchPaused);
    }
    // Undo after a pause resumes the queue; after a resume it pauses it again with its note. The
    // offer goes with the next write, and after its time.
    void undoPauseAndResume()
    {
        open(m_server->readWriteToken());
        auto* status = m_window->findChild<MainStatusBar*>();
        QVERIFY(status);
        auto* undoButton = status->findChild<QPushButton*>(QStringLiteral("statusUndoButton"));
        auto* undoMessage = status->findChild<QLabel*>(QStringLiteral("statusUndoMessage"));
        QVERIFY(undoButton && undoMessage);
        QVERIFY(!status->isUndoOffered());

        Queue running;
        Queue paused;
        for (const Cluster& c : model()->clusters()) {
            for (const Queue& q : model()->queues(c.id)) {
                if (!q.dispatchPaused && running.id.isEmpty())
                    running = q;
                if (q.dispatchPaused && paused.id.isEmpty() && !q.dispatchPausedNote.isEmpty())
                    paused = q;
            }
        }
        QVERIFY(!running.id.isEmpty() && !paused.id.isEmpty());

        // Pause, then Undo: running again, on the server too.
        QVERIFY(m_window->selectId(running.id));
        m_window->findChild<QPushButton*>(QStringLiteral("pauseButton"))->click();
        auto dialog = waitForDialog<PauseQueueDialog>();
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"))
            ->setPlainText(QStringLiteral("Trying undo"));
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(model()->queue(running.id)->dispatchPaused, 10000);
        QTRY_VERIFY(status->isUndoOffered());
        QVERIFY(undoButton->isVisible());
        const QString clusterName = model()->clusterForId(running.clusterId)->name;
        QCOMPARE(undoMessage->text(),
            QStringLiteral("Paused “%1” in “%2”.").arg(running.key, clusterName));
        // For looking at it: the window with the offer, when KITEDECK_SCREENSHOT_DIR is set.
        if (const QString dir = qEnvironmentVariable("KITEDECK_SCREENSHOT_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + QStringLiteral("/undo.png"));
        auto* timer = status->findChild<QTimer*>(QStringLiteral("statusUndoTimer"));
        QVERIFY(timer && timer->isActive());
        QCOMPARE(timer->interval(), MainStatusBar::undoSeconds * 1000);
        m_server->clearRequests();
        QTest::mouseClick(undoButton, Qt::LeftButton);
        QVERIFY(!status->isUndoOffered());
        QTRY_VERIFY_WITH_TIMEOUT(!model()->queue(running.id)->dispatchPaused, 10000);
        QVERIFY(std::any_of(m_server->requests().cbegin(), m_server->requests().cend(),
            [](const auto& r) { return r.path.endsWith(QLatin1String("/resume_dispatch")); }));
        // Undo does not offer to undo itself.
        QVERIFY(!status->isUndoOffered());

        // Resume someone else's pause, then Undo: paused again, with the same note.
        const QString note = paused.dispatchPausedNote;
        QVERIFY(m_window->selectId(paused.id));
        answerResumeConfirmation();
        m_window->findChild<QPushButton*>(QStringLiteral("resumeButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!model()->queue(paused.id)->dispatchPaused, 10000);
        QTRY_VERIFY(status->isUndoOffered());
        QVERIFY(undoMessage->text().startsWith(QStringLiteral("Resumed “%1”").arg(paused.key)));
        QTest::mouseClick(undoButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(model()->queue(paused.id)->dispatchPaused, 10000);
        QCOMPARE(model()->queue(paused.id)->dispatchPausedNote, note);

        // The next write takes the offer away. (The pause is now this user's own: resuming it
        // asks nothing.)
        QVERIFY(m_window->selectId(paused.id));
        QTimer::singleShot(0, this, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->findChild<QPushButton*>(QStringLiteral("confirmButton"))->click();
        });
        m_window->findChild<QPushButton*>(QStringLiteral("resumeButton"))->click();
        QTRY_VERIFY(status->isUndoOffered());
        m_window->findChild<QAction*>(QStringLiteral("newClusterAction"))->trigger();
        QVERIFY(!status->isUndoOffered());
        auto cluster = waitForDialog<ClusterDialog>();
        QVERIFY(cluster);
        cluster->reject();

        // And so does the end of its time.
        QVERIFY(m_window->selectId(running.id));
        m_window->findChild<QPushButton*>(QStringLiteral("pauseButton"))->click();
        dialog = waitForDialog<PauseQueueDialog>();
        QVERIFY(dialog);
        dialog->findChild<QPlainTextEdit*>(QStringLiteral("noteEdit"))
            ->setPlainText(QStringLiteral("Again"));
        dialog->findChild<QPushButton*>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY(status->isUndoOffered());
        timer->setInterval(1);
        QTRY_VERIFY(!status->isUndoOffered());
        QVERIFY(model()->queue(running.id)->dispatchPaused);
    }
    // Every visible word on the panes, the toolbar and the menus, as a person would read them:
    // labels, buttons, actions and the cells of the tables.
    QStringList visibleTexts() const
    {
        QStringList out;
        for (QLabel* label : m_window->findChildren<QLabel*>()) {
            if (label->isVisible())
                out.append(label->text());
        }
        for (QAbstractButton* button : m_window->findChildren<QAbstractButton*>()) {
            if (button->isVisible())
                out.append(button->text());
        }
        for (QAction* action : m_window->findChildren<QAction*>())
            out.append(action->text().remove(QLatin1Char('&')));
        for (QAbstractItemView* view : m_window->findChildren<QAbstractItemView*>()) {
            if (!view->isVisible()
                || view == static_cast<QAbstractItemView*>(m_window->navigationTree()))
                continue;
            const QAbstractItemModel* m = view->model();
            for (int r = 0; m && r < m->rowCount(); ++r) {
                for (int c = 0; c < m->columnCount(); ++c)
                    out.append(m->index(r, c).data().toString());
            }
        }
        return out;
    }

    // One term per concept: a token without an expiry "Never expires" everywhere, tokens are
    // revoked, never deleted; and a read-only token is told so by a notice on the pane.
    void termsAndTheReadOnlyNotice()
    {
        open(m_server->readOnlyToken());
        const QRegularExpression forbidden(
            QStringLiteral("^(No expiry|Never|Expires: Never|Tokens that never expire|No Account)$|"
                           "never expire(?!s)|no expiry"),
            QRegularExpression::CaseInsensitiveOption);
        int neverExpiring = 0;
        for (const Cluster& c : model()->clusters()) {
            QVERIFY(m_window->selectId(c.id));
            QVERIFY(m_window->selectId(OrganizationTreeModel::tokenGroupId(c.id)));
            for (const AgentToken& t : model()->tokens(c.id)) {
                QVERIFY(m_window->selectId(t.id));
                QApplication::processEvents();
                const QStringList texts = visibleTexts();
                for (const QString& text : texts)
                    QVERIFY2(!forbidden.match(text).hasMatch(), qPrintable(text));
                if (t.neverExpires()) {
                    ++neverExpiring;
                    QVERIFY(texts.contains(QStringLiteral("Never expires")));
                }
                // Tokens are revoked: the toolbar and the Edit menu say so.
                auto* remove = m_window->findChild<QAction*>(QStringLiteral("deleteAction"));
                QCOMPARE(remove->text(), QStringLiteral("&Revoke…"));
                // Read-only: the pane says why the buttons are off.
                DetailPane* pane = nullptr;
                for (DetailPane* p : m_window->findChildren<DetailPane*>()) {
                    if (p->isVisible())
                        pane = p;
                }
                QVERIFY(pane);
                QVERIFY(pane->isReadOnlyNoticeShown());
                auto* notice = pane->findChild<QLabel*>(QStringLiteral("readOnlyLabel"));
                QVERIFY(notice && notice->isVisible());
                QVERIFY(notice->text().contains(QLatin1String("write_clusters")));
            }
        }
        QVERIFY(neverExpiring > 0);
        // The organisation pane: its tiles and the Needs Attention list's section titles.
        QTreeView* tree = m_window->navigationTree();
        tree->setCurrentIndex(tree->model()->index(0, 0));
        QApplication::processEvents();
        const QStringList organisation = visibleTexts();
        QVERIFY(organisation.contains(QStringLiteral("Never-expiring agent tokens")));
        for (const QString& text : organisation)
            QVERIFY2(!forbidden.match(text).hasMatch(), qPrintable(text));
        // A queue: Delete, not Revoke.
        const Queue queue = model()->queues(model()->clusters().constFirst().id).value(0);
        QVERIFY(m_window->selectId(queue.id));
        QCOMPARE(m_window->findChild<QAction*>(QStringLiteral("deleteAction"))->text(),
            QStringLiteral("&Delete…"));
    }

    // A token that can write sees no notice.
    void noReadOnlyNoticeWhenWritesAreAllowed()
    {
        open(m_server->readWriteToken());
        const Queue queue = model()->queues(model()->clusters().constFirst().id).value(0);
        QVERIFY(m_window->selectId(queue.id));
        for (DetailPane* p : m_window->findChildren<DetailPane*>())
            QVERIFY(!p->isReadOnlyNoticeShown());
    }
};

QTEST_MAIN(TestWriteFlows)
#include "tst_writeflows.moc"
