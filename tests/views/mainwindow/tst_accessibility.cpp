// SPDX-License-Identifier: MIT
// What a screen reader hears in the real main window against the sandbox: every control the
// keyboard can reach, on every kind of pane, has an accessible name (its text, its label's
// text through a buddy, or a name of its own), so nothing is read out as just "button".
#include "api/apiclient.h"
#include "clearbutton.h"
#include "mainwindow/detailstack.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/navigationfilterproxy.h"
#include "mainwindowharness.h"
#include "modelroles.h"
#include "organizationsession.h"
#include "organizationtreemodel.h"
#include "sandboxserver.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabBar>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>
#include <QTreeView>

using Kind = OrganizationTreeModel::NodeKind;

class TestAccessibility final : public QObject {
    Q_OBJECT

    MainWindowHarness m_h;

    QTreeView* tree() const { return m_h.window->navigationTree(); }

    static bool interactive(const QWidget* w)
    {
        return qobject_cast<const QAbstractButton*>(w) || qobject_cast<const QLineEdit*>(w)
            || qobject_cast<const QComboBox*>(w) || qobject_cast<const QAbstractItemView*>(w)
            || qobject_cast<const QAbstractSpinBox*>(w) || qobject_cast<const QTabBar*>(w)
            || qobject_cast<const QPlainTextEdit*>(w) || qobject_cast<const QTextEdit*>(w);
    }

    // The keyboard-reachable controls of the window that a screen reader would name nothing.
    QStringList unnamedControls(int* checked = nullptr) const
    {
        QStringList unnamed;
        int count = 0;
        for (QWidget* w : m_h.window->findChildren<QWidget*>()) {
            if (!interactive(w) || !w->isVisibleTo(m_h.window) || !w->isEnabled())
                continue;
            // Parts of another control, read out with it: the line edit of a combo box, the
            // header of a table, the icons inside a line edit (a search glass, Qt's clear button).
            if (qobject_cast<QComboBox*>(w->parentWidget()) || qobject_cast<QHeaderView*>(w)
                || qobject_cast<QLineEdit*>(w->parentWidget()))
                continue;
            ++count;
            QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
            if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
                unnamed << MainWindowHarness::describe(w);
        }
        if (checked)
            *checked = count;
        return unnamed;
    }

private Q_SLOTS:
    void initTestCase() { QApplication::setStyle(QStringLiteral("Fusion")); }

    void init() { m_h.open(); }

    void cleanup() { m_h.close(); }

    void everyControlHasAName_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::newRow("organisation") << Kind::Organization;
        QTest::newRow("cluster") << Kind::Cluster;
        QTest::newRow("queues") << Kind::QueueGroup;
        QTest::newRow("queue") << Kind::Queue;
        QTest::newRow("tokens") << Kind::TokenGroup;
        QTest::newRow("token") << Kind::Token;
    }

    void everyControlHasAName()
    {
        QFETCH(Kind, kind);
        const QModelIndex index = m_h.firstShownOfKind(kind);
        QVERIFY(index.isValid());
        tree()->setCurrentIndex(index);
        QWidget* pane = m_h.window->details()->currentWidget();
        QVERIFY(pane);
        // The pane shows what it shows once its data (the queue's agents, for one) is in.
        QTest::qWait(300);
        int checked = 0;
        const QStringList unnamed = unnamedControls(&checked);
        QVERIFY2(checked >= 5, qPrintable(QString::number(checked)));
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String(", "))));
    }

    void clearButtonsHaveAName_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::newRow("tree's filter") << Kind::Organization;
        QTest::newRow("table's filter") << Kind::QueueGroup;
    }

    // Qt's own clear button in a line edit: shown once there is text, and read out by name.
    void clearButtonsHaveAName()
    {
        QFETCH(Kind, kind);
        const QModelIndex index = m_h.firstShownOfKind(kind);
        QVERIFY(index.isValid());
        tree()->setCurrentIndex(index);
        int found = 0;
        for (QLineEdit* edit : m_h.window->findChildren<QLineEdit*>()) {
            QAction* clear = ClearButton::action(edit);
            if (!clear || !edit->isVisibleTo(m_h.window))
                continue;
            edit->setText(QStringLiteral("x"));
            for (auto* button : edit->findChildren<QToolButton*>()) {
                if (button->defaultAction() != clear)
                    continue;
                ++found;
                QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(button);
                QVERIFY(iface);
                QCOMPARE(iface->text(QAccessible::Name), QStringLiteral("Clear"));
                QVERIFY(!button->toolTip().isEmpty());
            }
            edit->clear();
        }
        QVERIFY2(found >= (kind == Kind::QueueGroup ? 2 : 1), qPrintable(QString::number(found)));
    }

    void aNamelessControlIsFound()
    {
        // The check itself: an icon-only button with no name on the current pane is reported.
        QWidget* pane = m_h.window->details()->currentWidget();
        QVERIFY(pane);
        auto* nameless = new QToolButton(pane);
        nameless->setObjectName(QStringLiteral("namelessProbe"));
        nameless->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
        nameless->setFocusPolicy(Qt::StrongFocus);
        nameless->show();
        QVERIFY(unnamedControls().join(QLatin1Char(',')).contains(QLatin1String("namelessProbe")));
        nameless->setAccessibleName(QStringLiteral("Copy"));
        QVERIFY(!unnamedControls().join(QLatin1Char(',')).contains(QLatin1String("namelessProbe")));
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
