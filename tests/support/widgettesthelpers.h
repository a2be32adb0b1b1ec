// SPDX-License-Identifier: MIT
#pragma once

// Finding and typing into widgets by objectName, for the widget tests (kitedeck_test_widgets).

#include <QApplication>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTimer>

#include <algorithm>

namespace WidgetTest {

// The child with this objectName; a test cannot go on without it, so a missing one stops it.
template <class T>
T* child(QObject* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

// Replaces the line edit's text as a user would: select all, erase, type.
inline void typeInto(QWidget* root, const char* name, const QString& text)
{
    auto* edit = child<QLineEdit>(root, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    // QTest types Latin-1 only; other text is inserted as an input method would.
    const bool ascii
        = std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 128; });
    if (ascii)
        QTest::keyClicks(edit, text);
    else
        edit->insert(text);
}

// Answers the next modal message box (objectName boxName) by clicking the button with
// buttonName, once the event loop runs: for code that shows the box with exec(). What the box
// said goes to seenText and seenInfo.
inline void answerNextBox(const char* boxName, const char* buttonName, QString* seenText = nullptr,
    QString* seenInfo = nullptr)
{
    QTimer::singleShot(0, qApp, [=] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            qFatal("no modal box");
        if (seenText)
            *seenText = box->text();
        if (seenInfo)
            *seenInfo = box->informativeText();
        if (box->objectName() != QLatin1String(boxName))
            qFatal("unexpected box %s", qPrintable(box->objectName()));
        child<QPushButton>(box, buttonName)->click();
    });
}

} // namespace WidgetTest
