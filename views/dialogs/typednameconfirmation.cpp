// SPDX-License-Identifier: MIT
#include "typednameconfirmation.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

TypedNameConfirmation::TypedNameConfirmation(const QString& title, const QString& question,
    const QString& detail, const QString& name, const QString& acceptLabel, QWidget* parent)
    : QDialog(parent)
    , m_name(name)
    , m_edit(new QLineEdit(this))
    , m_confirm(new QPushButton(acceptLabel, this))
    , m_cancel(nullptr)
{
    setObjectName(QStringLiteral("confirmTypedNameBox"));
    setWindowTitle(title);

    auto* icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()
                        ->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this)
                        .pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    auto* questionLabel = new QLabel(question, this);
    questionLabel->setObjectName(QStringLiteral("confirmQuestion"));
    questionLabel->setTextFormat(Qt::PlainText);
    questionLabel->setWordWrap(true);
    QFont bold = questionLabel->font();
    bold.setBold(true);
    questionLabel->setFont(bold);

    auto* detailLabel = new QLabel(detail, this);
    detailLabel->setObjectName(QStringLiteral("confirmDetail"));
    detailLabel->setTextFormat(Qt::PlainText);
    detailLabel->setWordWrap(true);

    auto* prompt = new QLabel(tr("To confirm, type the name “%1”:").arg(name), this);
    prompt->setObjectName(QStringLiteral("confirmPrompt"));
    prompt->setTextFormat(Qt::PlainText);
    prompt->setWordWrap(true);
    prompt->setBuddy(m_edit);

    m_edit->setObjectName(QStringLiteral("confirmNameEdit"));
    m_edit->setAccessibleName(tr("Name to confirm"));

    auto* buttons = new QDialogButtonBox(this);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_confirm->setEnabled(false);
    // Enter never deletes: only Cancel may be reached by a reflexive Return.
    m_confirm->setAutoDefault(false);
    buttons->addButton(m_confirm, QDialogButtonBox::DestructiveRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setDefault(true);
    connect(m_confirm, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, this, [this] { m_confirm->setEnabled(matches()); });

    auto* text = new QVBoxLayout;
    text->setSpacing(10);
    text->addWidget(questionLabel);
    text->addWidget(detailLabel);
    text->addWidget(prompt);
    text->addWidget(m_edit);
    auto* top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addLayout(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(16);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(440);
    // The field is what the user acts on first; the buttons come after it in the Tab order.
    m_edit->setFocus();
    m_edit->installEventFilter(this);
}

bool TypedNameConfirmation::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter)
            return true;
    }
    return QDialog::eventFilter(watched, event);
}

bool TypedNameConfirmation::matches() const { return m_edit->text() == m_name; }
