// SPDX-License-Identifier: MIT
#include "busyrow.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

BusyRow::BusyRow(QWidget* parent)
    : QWidget(parent)
    , m_indicator(new QProgressBar(this))
    , m_label(new QLabel(this))
{
    m_indicator->setObjectName(QStringLiteral("busyIndicator"));
    m_indicator->setRange(0, 0);
    m_indicator->setTextVisible(false);
    m_indicator->setAccessibleName(tr("Working"));
    // A short bar as tall as the text: a hint that something runs, not a second headline.
    m_indicator->setMaximumWidth(120);
    m_indicator->setMaximumHeight(m_label->sizeHint().height());
    m_label->setObjectName(QStringLiteral("busyLabel"));
    m_label->setTextFormat(Qt::PlainText);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_indicator);
    layout->addWidget(m_label, 1);
    setVisible(false);
}

void BusyRow::setText(const QString& text) { m_label->setText(text); }

QString BusyRow::text() const { return m_label->text(); }
