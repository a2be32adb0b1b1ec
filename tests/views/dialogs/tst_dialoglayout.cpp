// SPDX-License-Identifier: MIT
// Every dialog, in the light and the dark palette, laid out as it opens: no label is cut (a
// wrapped one has the height its text needs, a single line the width), no two controls of one
// form overlap, nothing sticks out of its parent, and the dialog fits a 800x500 screen. About
// included.
// KITEDECK_SCREENSHOT_DIR=<dir> also saves each one, for looking at them.
#include "activitylog.h"
#include "changedetector.h"
#include "dialogs/agenttokendialog.h"
#include "dialogs/bulkdispatchdialog.h"
#include "dialogs/clusterdialog.h"
#include "dialogs/confirm.h"
#include "dialogs/pauseagentdialog.h"
#include "dialogs/pausequeuedialog.h"
#include "dialogs/preferencesdialog.h"
#include "dialogs/queuedialog.h"
#include "dialogs/tokenrevealdialog.h"
#include "dialogs/typednameconfirmation.h"
#include "dialogtesthelpers.h"
#include "mainwindow/activitydialog.h"
#include "mainwindow/mainwindow.h"
#include "palette.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLayout>
#include <QMessageBox>
#include <QRadioButton>
#include <QScopeGuard>
#include <QTest>
#include <QTimer>

using namespace DialogTest;

class TestDialogLayout final : public QObject {
    Q_OBJECT

    Palette::Scheme m_scheme = Palette::Scheme::Light;

    static QString describe(const QWidget* w)
    {
        QStringList path;
        for (const QWidget* o = w; o; o = o->parentWidget()) {
            path.prepend(o->objectName().isEmpty() ? QLatin1String(o->metaObject()->className())
                                                   : o->objectName());
            if (o->isWindow() || path.size() == 3)
                break;
        }
        return path.join(QLatin1Char('/'));
    }

    // What is wrong with the layout of `dialog` as shown; empty when nothing is.
    static QStringList problems(QWidget* dialog)
    {
        QStringList found;
        const QSize screen(800, 500);
        if (dialog->width() > screen.width() || dialog->height() > screen.height())
            found << QStringLiteral("%1x%2 does not fit 800x500")
                         .arg(dialog->width())
                         .arg(dialog->height());
        for (QLabel* label : dialog->findChildren<QLabel*>()) {
            if (!label->isVisibleTo(dialog) || label->text().isEmpty() || !label->pixmap().isNull())
                continue;
            if (label->wordWrap()) {
                const int needed = label->heightForWidth(label->width());
                if (needed > label->height() + 1)
                    found << QStringLiteral("%1 cut: %2 of %3 px high (“%4”)")
                                 .arg(describe(label))
                                 .arg(label->height())
                                 .arg(needed)
                                 .arg(label->text().left(40));
            } else if (label->sizeHint().width() > label->width() + 1) {
                found << QStringLiteral("%1 cut: %2 of %3 px wide (“%4”)")
                             .arg(describe(label))
                             .arg(label->width())
                             .arg(label->sizeHint().width())
                             .arg(label->text().left(40));
            }
        }
        for (QAbstractButton* button : dialog->findChildren<QAbstractButton*>()) {
            if (button->isVisibleTo(dialog) && !button->text().isEmpty()
                && button->minimumSizeHint().width() > button->width() + 1)
                found << QStringLiteral("%1 cut: %2 of %3 px wide")
                             .arg(describe(button))
                             .arg(button->width())
                             .arg(button->minimumSizeHint().width());
        }
        QList<QWidget*> parents = dialog->findChildren<QWidget*>();
        parents.append(dialog);
        for (QWidget* parent : std::as_const(parents)) {
            if (!parent->isVisibleTo(dialog) || !parent->layout())
                continue;
            QList<QWidget*> laidOut;
            for (int i = 0; i < parent->layout()->count(); ++i)
                collect(parent->layout()->itemAt(i), &laidOut);
            for (int i = 0; i < laidOut.size(); ++i) {
                QWidget* a = laidOut.at(i);
                if (!parent->rect().contains(a->geometry()))
                    found
                        << QStringLiteral("%1 sticks out of %2").arg(describe(a), describe(parent));
                for (int j = i + 1; j < laidOut.size(); ++j) {
                    if (a->geometry().intersects(laidOut.at(j)->geometry()))
                        found << QStringLiteral("%1 overlaps %2")
                                     .arg(describe(a), describe(laidOut.at(j)));
                }
            }
        }
        return found;
    }

    // The visible widgets a layout places, nested layouts included.
    static void collect(QLayoutItem* item, QList<QWidget*>* out)
    {
        if (QWidget* w = item->widget()) {
            if (!w->isHidden() && w->width() > 0 && w->height() > 0)
                out->append(w);
        } else if (QLayout* layout = item->layout()) {
            for (int i = 0; i < layout->count(); ++i)
                collect(layout->itemAt(i), out);
        }
    }

    void check(QWidget* dialog, const QString& name)
    {
        QTRY_VERIFY(dialog->isVisible());
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QApplication::processEvents();
        const QStringList found = problems(dialog);
        if (const QString dir = qEnvironmentVariable("KITEDECK_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            const QString suffix = m_scheme == Palette::Scheme::Dark ? QStringLiteral("dark")
                                                                     : QStringLiteral("light");
            dialog->grab().save(QStringLiteral("%1/dialog-%2-%3.png").arg(dir, name, suffix));
        }
        QVERIFY2(found.isEmpty(),
            qPrintable(name + QStringLiteral(": ") + found.join(QLatin1String("; "))));
    }

    // A box that runs its own event loop (confirmations, About): checked while it is open, then
    // dismissed.
    void checkBlocking(const QString& name, const std::function<void()>& open)
    {
        bool checked = false;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            QWidget* box = QApplication::activeModalWidget();
            const auto close = qScopeGuard([box] { box->close(); });
            check(box, name);
            checked = true;
        });
        open();
        QVERIFY2(checked, qPrintable(name));
    }

    template <class Dialog>
    void checkOpen(Dialog& dialog, const QString& name)
    {
        dialog.open();
        check(&dialog, name);
    }

private Q_SLOTS:
    void init()
    {
        QFETCH_GLOBAL(Palette::Scheme, scheme);
        m_scheme = scheme;
        Palette::apply(*qApp, scheme);
    }

    void initTestCase_data()
    {
        QTest::addColumn<Palette::Scheme>("scheme");
        QTest::newRow("light") << Palette::Scheme::Light;
        QTest::newRow("dark") << Palette::Scheme::Dark;
    }

    void clusterDialogs()
    {
        {
            ClusterDialog d;
            checkOpen(d, QStringLiteral("new-cluster"));
        }
        ClusterDialog d(cluster(),
            { queue(QStringLiteral("q1"), QStringLiteral("default")),
                queue(QStringLiteral("q2"), QStringLiteral("linux-large")) });
        checkOpen(d, QStringLiteral("edit-cluster"));
    }

    void queueDialogs()
    {
        {
            QueueDialog d(cluster(), {});
            checkOpen(d, QStringLiteral("new-queue-selfhosted"));
            child<QRadioButton>(&d, "hostedRadio")->click();
            QApplication::processEvents();
            check(&d, QStringLiteral("new-queue-hosted"));
        }
        {
            QueueDialog d(queue(QStringLiteral("q1"), QStringLiteral("linux-large")), cluster());
            checkOpen(d, QStringLiteral("edit-queue-selfhosted"));
        }
        QueueDialog d(hostedQueue(QStringLiteral("LINUX_AMD64_8X32")), cluster());
        checkOpen(d, QStringLiteral("edit-queue-hosted"));
    }

    void tokenDialogs()
    {
        {
            AgentTokenDialog d(cluster());
            checkOpen(d, QStringLiteral("new-token"));
        }
        {
            AgentTokenDialog d(token(), cluster());
            checkOpen(d, QStringLiteral("edit-token"));
        }
        TokenRevealDialog d(
            QStringLiteral("bkct_0123456789abcdef0123456789abcdef01234567"), token(), cluster());
        checkOpen(d, QStringLiteral("token-reveal"));
        d.copyToClipboard();
        QApplication::processEvents();
        check(&d, QStringLiteral("token-reveal-copied"));
        TokenRevealDialog::advanceClock(std::chrono::hours(1));
    }

    void pauseDialogs()
    {
        {
            PauseQueueDialog d(queue(QStringLiteral("q1"), QStringLiteral("linux-large")));
            checkOpen(d, QStringLiteral("pause-queue"));
        }
        Agent agent;
        agent.id = QStringLiteral("a1");
        agent.name = QStringLiteral("macos-arm64-build-17");
        agent.connectionState = QStringLiteral("connected");
        PauseAgentDialog d(agent);
        checkOpen(d, QStringLiteral("pause-agent"));
    }

    void bulkDispatch()
    {
        Queue paused = queue(QStringLiteral("q2"), QStringLiteral("deploy"));
        paused.dispatchPaused = true;
        paused.dispatchPausedNote = QStringLiteral("Database migration in progress");
        BulkDispatchDialog d(BulkDispatchDialog::Action::Resume,
            { paused, queue(QStringLiteral("q1"), QStringLiteral("linux-large")) },
            { { QStringLiteral("c1"), cluster() } }, std::nullopt);
        checkOpen(d, QStringLiteral("bulk-resume"));
    }

    void confirmations()
    {
        {
            TypedNameConfirmation d(QStringLiteral("Delete Cluster"),
                QStringLiteral("Delete the cluster “Mobile Apps”?"),
                ConfirmText::deleteClusterDetail(6, 4), QStringLiteral("Mobile Apps"),
                QStringLiteral("Delete Cluster"));
            d.show();
            check(&d, QStringLiteral("delete-cluster-typed"));
        }
        QWidget parent;
        parent.resize(800, 500);
        parent.show();
        checkBlocking(QStringLiteral("delete-queue"), [&] {
            confirmDeleteQueue(&parent, queue(QStringLiteral("q1"), QStringLiteral("default")),
                QStringLiteral("Mobile Apps"));
        });
        checkBlocking(QStringLiteral("revoke-token"),
            [&] { confirmRevokeAgentToken(&parent, token(), QStringLiteral("Mobile Apps")); });
        checkBlocking(QStringLiteral("delete-empty-cluster"),
            [&] { confirmDeleteCluster(&parent, cluster(), 0, 0); });
    }

    void about()
    {
        MainWindow window;
        window.resize(800, 500);
        window.show();
        checkBlocking(QStringLiteral("about"), [&] { window.showAbout(); });
    }

    void preferencesAndActivity()
    {
        {
            PreferencesDialog d(RefreshPreferences {}, 50);
            checkOpen(d, QStringLiteral("preferences"));
        }
        ActivityLog log;
        ChangeDetector::Change change;
        change.at = QDateTime::currentDateTimeUtc();
        change.queueId = QStringLiteral("q1");
        change.clusterId = QStringLiteral("c1");
        change.queueKey = QStringLiteral("deploy");
        change.clusterName = QStringLiteral("Mobile Apps");
        change.who = QStringLiteral("Priya Raman");
        change.note = QStringLiteral("Database migration in progress, back by 14:00");
        log.add(change);
        change.kind = ChangeDetector::Change::Kind::AgentsGone;
        log.add(change);
        ActivityDialog d(&log);
        d.show();
        check(&d, QStringLiteral("activity"));
    }
};

QTEST_MAIN(TestDialogLayout)
#include "tst_dialoglayout.moc"
