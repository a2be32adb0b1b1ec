// SPDX-License-Identifier: MIT
#include "copyablefield.h"

#include "elidinglineedit.h"

#include <QAction>
#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>

CopyableField::CopyableField(const QString& name, const QString& what, QWidget* parent)
    : QWidget(parent)
    , m_field(new ElidingLineEdit(this))
    , m_copy(new QToolButton(this))
    , m_restore(new QTimer(this))
{
    setObjectName(name);
    m_field->setObjectName(name + QStringLiteral("Value"));
    m_field->setReadOnly(true);
    m_field->setFrame(false);
    // Transparent, not a fixed colour: the field sits on the window like a label in either theme.
    m_field->setStyleSheet(QStringLiteral("QLineEdit { background: transparent; }"));
    m_field->setAccessibleName(what);
    m_field->setMinimumWidth(80);
    // The menu leads with copying the whole value: what the field shows may be elided.
    m_field->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_field, &QWidget::customContextMenuRequested, this, [this, what](const QPoint& at) {
        QMenu* menu = m_field->createStandardContextMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->setObjectName(objectName() + QStringLiteral("Menu"));
        auto* copyAll = new QAction(tr("Copy %1").arg(what), menu);
        copyAll->setObjectName(QStringLiteral("copyValueAction"));
        copyAll->setEnabled(!m_field->text().isEmpty());
        connect(copyAll, &QAction::triggered, this, &CopyableField::copy);
        const QList<QAction*> standard = menu->actions();
        menu->insertAction(standard.value(0), copyAll);
        menu->insertSeparator(standard.value(0));
        menu->popup(m_field->mapToGlobal(at));
    });

    m_copy->setObjectName(name + QStringLiteral("CopyButton"));
    m_copy->setText(tr("Copy"));
    m_copy->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copy->setAutoRaise(true);
    m_copy->setToolTip(tr("Copy %1 to the clipboard").arg(what));
    m_copy->setAccessibleName(tr("Copy %1").arg(what));
    m_copy->setEnabled(false);
    // Wide enough for "Copied" too, so the confirmation does not shift the field.
    m_copy->setText(tr("Copied"));
    const int copiedWidth = m_copy->sizeHint().width();
    m_copy->setText(tr("Copy"));
    m_copy->setMinimumWidth(qMax(copiedWidth, m_copy->sizeHint().width()));
    connect(m_copy, &QToolButton::clicked, this, &CopyableField::copy);

    m_restore->setSingleShot(true);
    m_restore->setInterval(1500);
    connect(m_restore, &QTimer::timeout, this, [this] { m_copy->setText(tr("Copy")); });

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_copy);
}

void CopyableField::setText(const QString& text)
{
    m_field->setText(text);
    m_field->setCursorPosition(0);
    m_field->setToolTip(text);
    m_copy->setEnabled(!text.isEmpty());
}

QString CopyableField::text() const { return m_field->text(); }

void CopyableField::setMonospace(bool monospace)
{
    m_field->setFont(monospace ? QFontDatabase::systemFont(QFontDatabase::FixedFont) : font());
}

void CopyableField::copy()
{
    const QString value = m_field->text();
    if (value.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(value);
    m_copy->setText(tr("Copied"));
    m_restore->start();
    Q_EMIT copied(value);
}
