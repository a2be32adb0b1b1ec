// SPDX-License-Identifier: MIT
// The whole window against the sandbox over loopback, driven by the keyboard alone: every key
// goes to the widget that has the focus, as it would from a real keyboard (no clicks, no slot
// calls). The walk goes filter -> tree -> a queue -> pause with a note -> undo -> New Cluster,
// and at every stop the focus must be on a visible, enabled control a screen reader can name.
// A second walk tabs once round the window and requires every stop to show that it has the
// focus: a stop that draws nothing different when focused leaves the user lost.
#include "api/apiclient.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigationfilterproxy.h"
#include "mainwindowharness.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "palette.h"
#include "sandboxserver.h"

#include <QAbstractScrollArea>
#include <QAccessible>
#include <QApplication>
#include <QDialog>
#include <QImage>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using Kind = OrganizationTreeModel::NodeKind;

class TestKeyboardWalk final : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    MainWindowHarness m_h;

    OrganizationTreeModel* model() const { return m_h.session->treeModel(); }
    QTreeView* tree() const { return m_h.window->navigationTree(); }

    // Where the keyboard's keys go: the focus widget, else the active window.
    static QWidget* keyTarget()
    {
        if (QWidget* focus = QApplication::focusWidget())
            return focus;
        return QApplication::activeWindow();
    }

    static void press(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(keyTarget(), Qt::Key(key), modifiers);
    }

    static void type(const QString& text) { QTest::keyClicks(keyTarget(), text); }

    static QString accessibleName(QWidget* w)
    {
        QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
        return iface ? iface->text(QAccessible::Name).trimmed() : QString();
    }

    // Empty when the focus is somewhere a keyboard user can see and a screen reader can name;
    // what is wrong otherwise.
    static QString focusProblem()
    {
        QWidget* w = QApplication::focusWidget();
        if (!w)
            return QStringLiteral("no widget has the focus");
        if (!w->isVisible())
            return MainWindowHarness::describe(w) + QStringLiteral(" has the focus but is hidden");
        if (!w->isEnabled())
            return MainWindowHarness::describe(w)
                + QStringLiteral(" has the focus but is disabled");
        if (accessibleName(w).isEmpty())
            return MainWindowHarness::describe(w)
                + QStringLiteral(" has the focus but no accessible name");
        return {};
    }

    QDialog* modalDialog() const
    {
        return qobject_cast<QDialog*>(QApplication::activeModalWidget());
    }

    std::optional<Queue> queueById(const QString& id) const
    {
        for (const Cluster& c : model()->clusters()) {
            for (const Queue& q : model()->queues(c.id)) {
                if (q.id == id)
                    return q;
            }
        }
        return std::nullopt;
    }

    void activateWindow()
    {
        QTRY_VERIFY(!QApplication::activeModalWidget());
        if (QApplication::activeWindow() != m_h.window) {
            QApplication::setActiveWindow(m_h.window);
            QVERIFY(QTest::qWaitForWindowActive(m_h.window));
        }
    }

    // The widget as painted, keyboard focus cues included, without what it contains: a
    // container (a scroll area) must show its own focus, not borrow the change of a child that
    // takes the focus next. A scroll area's viewport is its own face (a tree draws its current
    // row there), so it is painted too, without its children.
    static QImage picture(QWidget* w)
    {
        QImage image(w->size(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        w->render(&image, QPoint(), QRegion(), QWidget::DrawWindowBackground);
        if (auto* area = qobject_cast<QAbstractScrollArea*>(w)) {
            QWidget* viewport = area->viewport();
            viewport->render(&image, viewport->pos(), QRegion(), QWidget::DrawWindowBackground);
        }
        return image;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(QStringLiteral("kitedeck.*.info=false"));
        QCoreApplication::setOrganizationName(QStringLiteral("KitedeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keyboardwalk"));
        for (const QSettings::Format format : { QSettings::NativeFormat, QSettings::IniFormat })
            QSettings::setPath(format, QSettings::UserScope, m_dir.path());
        // What users see: Fusion with the app's light scheme.
        Palette::apply(*qApp, Palette::Scheme::Light);
    }

    void init()
    {
        QSettings().clear();
        m_h.open({ .size = QSize(1200, 800) });
        QApplication::setActiveWindow(m_h.window);
        QVERIFY(QTest::qWaitForWindowActive(m_h.window));
    }

    void cleanup() { m_h.close(); }

    void walkThroughTheWindow()
    {
        // Find: the filter box, named.
        press(Qt::Key_F, Qt::ControlModifier);
        auto* filter = m_h.window->findChild<QLineEdit*>(QStringLiteral("filterEdit"));
        QVERIFY(filter);
        QCOMPARE(QApplication::focusWidget(), filter);
        QVERIFY2(focusProblem().isEmpty(), qPrintable(focusProblem()));

        // Typing filters (Return applies it at once); Escape takes the filter away and the
        // focus stays in the box.
        type(QStringLiteral("deploy"));
        press(Qt::Key_Return);
        QTRY_VERIFY(m_h.window->filterProxy()->isFiltering());
        QVERIFY(m_h.window->filterProxy()->matchCount() > 0);
        press(Qt::Key_Escape);
        QVERIFY(filter->text().isEmpty());
        QTRY_VERIFY(!m_h.window->filterProxy()->isFiltering());
        QCOMPARE(QApplication::focusWidget(), filter);

        // Tab: into the tree.
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), tree());
        QVERIFY2(focusProblem().isEmpty(), qPrintable(focusProblem()));

        // Arrows down to the first running self-hosted queue, opening what lies on the way.
        std::optional<Queue> target;
        for (int presses = 0; presses < 80 && !target; ++presses) {
            const QModelIndex current = tree()->currentIndex();
            QVERIFY(current.isValid());
            if (current.data(OrganizationTreeModel::KindRole).value<Kind>() == Kind::Queue) {
                const auto queue = current.data(OrganizationTreeModel::QueueRole).value<Queue>();
                if (!queue.dispatchPaused && !queue.hosted) {
                    target = queue;
                    break;
                }
            }
            if (tree()->model()->hasChildren(current) && !tree()->isExpanded(current))
                press(Qt::Key_Right);
            else
                press(Qt::Key_Down);
        }
        QVERIFY2(target, "no running self-hosted queue reached with the arrow keys");
        QCOMPARE(QApplication::focusWidget(), tree());
        QCOMPARE(m_h.window->selectedId(), target->id);

        // Ctrl+P: the pause dialog, its note first.
        press(Qt::Key_P, Qt::ControlModifier);
        QTRY_VERIFY(modalDialog());
        QDialog* pause = modalDialog();
        QCOMPARE(pause->objectName(), QStringLiteral("pauseQueueDialog"));
        QTRY_VERIFY(pause->isAncestorOf(QApplication::focusWidget()));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("noteEdit"));
        QVERIFY2(focusProblem().isEmpty(), qPrintable(focusProblem()));
        type(QStringLiteral("Walked by keyboard"));
        // Ctrl+Return sends it (a plain Return is a new line in the note).
        press(Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!modalDialog(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(queueById(target->id)->dispatchPaused, 20000);
        QCOMPARE(queueById(target->id)->dispatchPausedNote, QStringLiteral("Walked by keyboard"));
        // Back where the user was, once the window is active again (the window manager's
        // part, which the test platform leaves undone).
        activateWindow();
        QCOMPARE(QApplication::focusWidget(), tree());
        QVERIFY2(focusProblem().isEmpty(), qPrintable(focusProblem()));

        // Alt+U: the status bar's Undo resumes it, and the focus is not moved.
        auto* undo = m_h.window->findChild<QWidget*>(QStringLiteral("statusUndoButton"));
        QVERIFY(undo);
        QTRY_VERIFY(undo->isVisible());
        press(Qt::Key_U, Qt::AltModifier);
        QTRY_VERIFY_WITH_TIMEOUT(!queueById(target->id)->dispatchPaused, 20000);
        QVERIFY2(focusProblem().isEmpty(), qPrintable(focusProblem()));

        // Ctrl+N: New Cluster, typing goes into its name, Return creates it and selects it.
        press(Qt::Key_N, Qt::ControlModifier);
        QTRY_VERIFY(modalDialog());
        QDialog* create = modalDialog();
        QTRY_VERIFY(create->isAncestorOf(QApplication::focusWidget()));
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("nameEdit"));
        QVERIFY2(focusProblem().isEmpty(), qPrintable(focusProblem()));
        type(QStringLiteral("Keyboard Walk"));
        press(Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!modalDialog(), 20000);
        std::optional<Cluster> made;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const Cluster& c : model()->clusters()) {
                    if (c.name == QLatin1String("Keyboard Walk"))
                        made = c;
                }
                return made.has_value();
            }(),
            20000);
        QTRY_COMPARE(m_h.window->selectedId(), made->id);
        activateWindow();
        QVERIFY2(focusProblem().isEmpty(), qPrintable(focusProblem()));
    }

    void everyTabStopShowsItsFocus_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<Palette::Scheme>("scheme");
        const std::pair<const char*, Kind> panes[] = {
            { "organisation", Kind::Organization },
            { "cluster", Kind::Cluster },
            { "queues", Kind::QueueGroup },
            { "queue", Kind::Queue },
            { "tokens", Kind::TokenGroup },
            { "token", Kind::Token },
        };
        for (const auto& [name, kind] : panes) {
            QTest::addRow("%s, light", name) << kind << Palette::Scheme::Light;
            QTest::addRow("%s, dark", name) << kind << Palette::Scheme::Dark;
        }
    }

    void everyTabStopShowsItsFocus()
    {
        QFETCH(Kind, kind);
        QFETCH(Palette::Scheme, scheme);
        Palette::apply(*qApp, scheme);
        const auto restore = qScopeGuard([] { Palette::apply(*qApp, Palette::Scheme::Light); });
        const QModelIndex index = m_h.firstShownOfKind(kind);
        QVERIFY(index.isValid());
        tree()->setCurrentIndex(index);
        // The pane shows what it shows once its data (a queue's agents) is in.
        QTest::qWait(300);
        press(Qt::Key_F, Qt::ControlModifier);
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), tree());

        // Once round: each stop is looked at focused, then again once the next has the focus.
        QWidget* start = tree();
        QWidget* stop = start;
        QStringList stops;
        QStringList unseen;
        for (int presses = 0; presses < 100; ++presses) {
            QVERIFY2(focusProblem().isEmpty(), qPrintable(focusProblem()));
            QVERIFY2(m_h.window->isAncestorOf(stop), qPrintable(MainWindowHarness::describe(stop)));
            const QImage focused = picture(stop);
            press(Qt::Key_Tab);
            QWidget* next = QApplication::focusWidget();
            QVERIFY(next);
            stops << MainWindowHarness::describe(stop);
            if (next != stop && picture(stop) == focused)
                unseen << MainWindowHarness::describe(stop);
            stop = next;
            if (stop == start)
                break;
        }
        QCOMPARE(stop, start);
        QVERIFY2(stops.size() >= 3, qPrintable(stops.join(QLatin1String(", "))));
        QVERIFY2(unseen.isEmpty(),
            qPrintable(
                QStringLiteral("stops with no visible focus: %1 (of %2)")
                    .arg(unseen.join(QLatin1String(", ")), stops.join(QLatin1String(", ")))));
    }
};

QTEST_MAIN(TestKeyboardWalk)
#include "tst_keyboardwalk.moc"
