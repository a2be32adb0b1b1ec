// SPDX-License-Identifier: MIT
#include "formdialog.h"

#include "accounts/accountsui.h"
#include "api/apierror.h"
#include "panes/banner.h"
#include "panes/hintlabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QShowEvent>
#include <QTimer>
#include <QVBoxLayout>

FormDialog::FormDialog(QWidget* parent)
    : QDialog(parent)
    , m_body(new QVBoxLayout(this))
    , m_formHost(new QWidget(this))
    , m_form(new QFormLayout(m_formHost))
    , m_error(new Banner(this))
    , m_busyRow(new QWidget(this))
    , m_busyIndicator(new QProgressBar(m_busyRow))
    , m_busyLabel(new QLabel(m_busyRow))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_ok(m_buttons->button(QDialogButtonBox::Ok))
    , m_cancel(m_buttons->button(QDialogButtonBox::Cancel))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setVerticalSpacing(8);

    m_error->setObjectName(QStringLiteral("errorBanner"));
    m_error->label()->setObjectName(QStringLiteral("errorLabel"));
    m_error->setTone(Tone::Danger);
    m_error->setVisible(false);

    m_busyIndicator->setObjectName(QStringLiteral("busyIndicator"));
    m_busyIndicator->setRange(0, 0);
    m_busyIndicator->setTextVisible(false);
    m_busyIndicator->setMaximumWidth(120);
    m_busyIndicator->setMaximumHeight(m_busyLabel->sizeHint().height());
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->setText(tr("Saving…"));
    auto* busyLayout = new QHBoxLayout(m_busyRow);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(m_busyIndicator);
    busyLayout->addWidget(m_busyLabel, 1);
    m_busyRow->setVisible(false);

    m_ok->setObjectName(QStringLiteral("okButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_ok->setEnabled(false);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FormDialog::onOk);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FormDialog::reject);

    m_body->setSpacing(12);
    m_body->addWidget(m_formHost);
    m_body->addWidget(m_error);
    m_body->addStretch(1);
    m_body->addWidget(m_busyRow);
    m_body->addWidget(m_buttons);
    setMinimumWidth(460);
}

void FormDialog::setBusy(bool busy)
{
    m_busy = busy;
    // Disabled, not cleared: every value stays for the retry after an error.
    m_formHost->setEnabled(!busy && !m_abandoned);
    m_busyRow->setVisible(busy);
    m_cancel->setEnabled(!busy);
    m_ok->setEnabled(canSubmit());
}

void FormDialog::showError(const ApiError& error)
{
    setBusy(false);
    const QString message = error.message().isEmpty() ? error.toString() : error.message();
    m_error->setText(message);
    m_error->label()->setToolTip(error.toString());
    m_error->setVisible(true);
    m_error->setAccessibleName(tr("Error: %1").arg(message));
    revalidate();
}

void FormDialog::clearError()
{
    m_error->setText({});
    m_error->setVisible(false);
}

QString FormDialog::errorText() const
{
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

bool FormDialog::canSubmit() const { return m_valid && !m_busy && !m_abandoned; }

void FormDialog::abandon(const QString& reason)
{
    m_abandoned = true;
    setBusy(false);
    if (errorText().isEmpty()) {
        m_error->setText(reason);
        m_error->label()->setToolTip(reason);
        m_error->setAccessibleName(tr("Error: %1").arg(reason));
        m_error->setVisible(true);
    }
    // The form stays readable (the user may want to copy what they typed), not editable.
    m_formHost->setEnabled(false);
    m_ok->setEnabled(false);
}

void FormDialog::accept()
{
    setBusy(false);
    QDialog::accept();
}

void FormDialog::reject()
{
    if (m_busy)
        return;
    QDialog::reject();
}

void FormDialog::setBusyText(const QString& text) { m_busyLabel->setText(text); }

HintLabel* FormDialog::addHint(const QString& objectName)
{
    auto* hint = new HintLabel(m_formHost);
    hint->setObjectName(objectName);
    m_form->addRow(QString(), hint);
    return hint;
}

HintLabel* FormDialog::insertHint(int row, const QString& objectName)
{
    auto* hint = new HintLabel(m_formHost);
    hint->setObjectName(objectName);
    m_form->insertRow(row, QString(), hint);
    return hint;
}

void FormDialog::revalidate()
{
    m_valid = validate();
    m_ok->setEnabled(canSubmit());
}

void FormDialog::onOk()
{
    if (m_busy || m_abandoned)
        return;
    revalidate();
    if (!m_valid)
        return;
    clearError();
    setBusy(true);
    submit();
}

QList<QWidget*> FormDialog::fieldsInOrder() const
{
    QList<QWidget*> fields;
    auto takes = [](QWidget* w) {
        return (w->focusPolicy() & Qt::TabFocus) && !w->isHidden() && w->isEnabled()
            && !w->focusProxy();
    };
    for (int row = 0; row < m_form->rowCount(); ++row) {
        QLayoutItem* item = m_form->itemAt(row, QFormLayout::FieldRole);
        if (!item)
            item = m_form->itemAt(row, QFormLayout::SpanningRole);
        if (!item)
            continue;
        QList<QWidget*> candidates;
        if (QWidget* w = item->widget()) {
            candidates.append(w);
            candidates.append(w->findChildren<QWidget*>());
        } else if (QLayout* layout = item->layout()) {
            for (int i = 0; i < layout->count(); ++i) {
                if (QWidget* w = layout->itemAt(i)->widget()) {
                    candidates.append(w);
                    candidates.append(w->findChildren<QWidget*>());
                }
            }
        }
        for (QWidget* w : std::as_const(candidates)) {
            if (takes(w) && !fields.contains(w))
                fields.append(w);
        }
    }
    return fields;
}

void FormDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    if (m_shownOnce || event->spontaneous())
        return;
    m_shownOnce = true;
    // Sized when shown, before every field knew its width (a hosted queue's shape combos): grow
    // once laid out, so no label or field opens cut.
    QTimer::singleShot(0, this, [this] { AccountsUi::growToFit(this); });
    const QList<QWidget*> fields = fieldsInOrder();
    if (fields.isEmpty())
        return;
    // Fields first, then the buttons, whatever order the widgets were made in.
    QWidget* previous = fields.constLast();
    for (QPushButton* button : { m_ok, m_cancel }) {
        QWidget::setTabOrder(previous, button);
        previous = button;
    }
    fields.constFirst()->setFocus(Qt::TabFocusReason);
}
