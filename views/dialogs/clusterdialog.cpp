// SPDX-License-Identifier: MIT
#include "clusterdialog.h"

#include "emoji.h"
#include "panes/colorswatch.h"
#include "panes/hintlabel.h"

#include <QColorDialog>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardItemModel>

#include <algorithm>

namespace {
const QRegularExpression& hexColor()
{
    static const QRegularExpression re(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    return re;
}

const QRegularExpression& bareShortcode()
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9_+-]+$"));
    return re;
}
} // namespace

ClusterDialog::ClusterDialog(QWidget* parent)
    : FormDialog(parent)
{
    setObjectName(QStringLiteral("clusterDialog"));
    setWindowTitle(tr("New Cluster"));
    build();
    okButton()->setText(tr("Create Cluster"));
    setBusyText(tr("Creating the cluster…"));
    revalidate();
}

ClusterDialog::ClusterDialog(const Cluster& cluster, const QList<Queue>& queues, QWidget* parent)
    : FormDialog(parent)
    , m_edit(true)
    , m_original(cluster)
{
    setObjectName(QStringLiteral("clusterDialog"));
    setWindowTitle(tr("Edit Cluster %1").arg(cluster.name));
    build();
    okButton()->setText(tr("Save"));
    setBusyText(tr("Saving the cluster…"));

    m_name->setText(cluster.name);
    m_description->setText(cluster.description);
    m_emoji->setText(cluster.emoji);
    m_color->setText(cluster.color);

    m_defaultQueue = new QComboBox(this);
    m_defaultQueue->setObjectName(QStringLiteral("defaultQueueCombo"));
    m_defaultQueue->setAccessibleName(tr("Default queue"));
    m_defaultQueue->addItem(tr("None"), QString());
    QList<Queue> sorted = queues;
    std::sort(sorted.begin(), sorted.end(),
        [](const Queue& a, const Queue& b) { return a.key.localeAwareCompare(b.key) < 0; });
    for (const Queue& q : std::as_const(sorted))
        m_defaultQueue->addItem(q.key, q.id);
    if (!cluster.defaultQueueId.isEmpty()) {
        // The API takes a queue id to set, and documents no way to unset: offering "None" once a
        // default exists would promise something it cannot deliver.
        if (auto* model = qobject_cast<QStandardItemModel*>(m_defaultQueue->model())) {
            model->item(0)->setEnabled(false);
            model->item(0)->setToolTip(tr("A default queue can be changed but not removed"));
        }
        const int index = m_defaultQueue->findData(cluster.defaultQueueId);
        if (index < 0)
            m_defaultQueue->addItem(
                tr("%1 (not loaded)").arg(cluster.defaultQueueId), cluster.defaultQueueId);
        m_defaultQueue->setCurrentIndex(m_defaultQueue->findData(cluster.defaultQueueId));
    }
    form()->addRow(tr("Default &queue:"), m_defaultQueue);
    connect(m_defaultQueue, &QComboBox::currentIndexChanged, this, [this] { revalidate(); });
    revalidate();
}

void ClusterDialog::build()
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. Mobile Apps"));
    m_name->setAccessibleName(tr("Name"));
    form()->addRow(tr("&Name:"), m_name);
    m_nameHint = addHint(QStringLiteral("nameHint"));

    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setPlaceholderText(tr("What runs here, who to ask"));
    m_description->setAccessibleName(tr("Description"));
    form()->addRow(tr("&Description:"), m_description);

    auto* emojiRow = new QHBoxLayout;
    m_emoji = new QLineEdit(this);
    m_emoji->setObjectName(QStringLiteral("emojiEdit"));
    m_emoji->setPlaceholderText(QStringLiteral(":technologist:")); // no tr: a shortcode
    m_emoji->setAccessibleName(tr("Emoji"));
    m_emojiPreview = new QLabel(this);
    m_emojiPreview->setObjectName(QStringLiteral("emojiPreview"));
    m_emojiPreview->setTextFormat(Qt::PlainText);
    QFont big = m_emojiPreview->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    m_emojiPreview->setFont(big);
    m_emojiPreview->setMinimumWidth(QFontMetrics(big).height() * 2);
    m_emojiPreview->setAlignment(Qt::AlignCenter);
    m_emojiPreview->setAccessibleName(tr("Emoji preview"));
    emojiRow->addWidget(m_emoji, 1);
    emojiRow->addWidget(m_emojiPreview);
    auto* emojiLabel = new QLabel(tr("&Emoji:"), this);
    emojiLabel->setBuddy(m_emoji);
    form()->addRow(emojiLabel, emojiRow);
    m_emojiHint = addHint(QStringLiteral("emojiHint"));

    auto* colorRow = new QHBoxLayout;
    m_color = new QLineEdit(this);
    m_color->setObjectName(QStringLiteral("colorEdit"));
    m_color->setPlaceholderText(QStringLiteral("#RRGGBB")); // no tr: the format
    m_color->setAccessibleName(tr("Colour"));
    m_color->setMaxLength(7);
    m_swatch = new ColorSwatch(this);
    m_swatch->setObjectName(QStringLiteral("colorSwatch"));
    m_swatch->setSide(m_color->sizeHint().height() - 4);
    m_colorButton = new QPushButton(tr("C&hoose…"), this);
    m_colorButton->setObjectName(QStringLiteral("colorButton"));
    m_colorButton->setAccessibleName(tr("Choose colour"));
    m_colorButton->setAutoDefault(false);
    colorRow->addWidget(m_swatch);
    colorRow->addWidget(m_color, 1);
    colorRow->addWidget(m_colorButton);
    auto* colorLabel = new QLabel(tr("&Colour:"), this);
    colorLabel->setBuddy(m_color);
    form()->addRow(colorLabel, colorRow);
    m_colorHint = addHint(QStringLiteral("colorHint"));

    for (QLineEdit* edit : { m_name, m_description, m_emoji, m_color })
        connect(edit, &QLineEdit::textChanged, this, [this] { revalidate(); });
    connect(m_colorButton, &QPushButton::clicked, this, &ClusterDialog::chooseColor);
}

void ClusterDialog::chooseColor()
{
    const QColor current(normalizedColor());
    auto* picker = new QColorDialog(current.isValid() ? current : QColor(Qt::white), this);
    picker->setObjectName(QStringLiteral("colorDialog"));
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QColorDialog::colorSelected, this,
        [this](const QColor& color) { m_color->setText(color.name(QColor::HexRgb).toUpper()); });
    picker->open();
}

QString ClusterDialog::normalizedColor() const { return m_color->text().trimmed().toUpper(); }

bool ClusterDialog::validate()
{
    bool ok = true;
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        // Not shouted before the user typed anything in a fresh dialog.
        m_nameHint->showHint(
            m_name->isModified() || m_edit ? tr("A cluster needs a name.") : QString());
        ok = false;
    } else {
        m_nameHint->showHint({});
    }

    const QString emoji = m_emoji->text().trimmed();
    const QString rendered = Emoji::render(emoji);
    m_emojiPreview->setText(
        rendered == emoji && emoji.startsWith(QLatin1Char(':')) ? QString() : rendered);
    if (!emoji.isEmpty() && bareShortcode().match(emoji).hasMatch()
        && !Emoji::lookup(emoji).isNull()) {
        m_emojiHint->showHint(tr("Shortcodes go between colons: :%1:").arg(emoji), Tone::Info);
    } else if (!emoji.isEmpty() && rendered == emoji && emoji.startsWith(QLatin1Char(':'))) {
        m_emojiHint->showHint(
            tr("Unknown here; Buildkite may still show it (its own logo emoji)."), Tone::Neutral);
    } else {
        m_emojiHint->showHint({});
    }

    const QString color = normalizedColor();
    if (color.isEmpty()) {
        m_swatch->setColor({});
        m_colorHint->showHint({});
    } else if (!hexColor().match(color).hasMatch()) {
        m_swatch->setColor({});
        m_colorHint->showHint(tr("Write the colour as # and six hex digits, e.g. #FFE0F1."));
        ok = false;
    } else {
        m_swatch->setColor(QColor(color));
        m_colorHint->showHint({});
    }

    if (ok && m_edit) {
        const ClusterInput changes = input();
        ok = changes.name || changes.description || changes.emoji || changes.color
            || changes.defaultQueueId;
    }
    return ok;
}

ClusterInput ClusterDialog::input() const
{
    ClusterInput in;
    const QString name = m_name->text().trimmed();
    const QString description = m_description->text().trimmed();
    const QString emoji = m_emoji->text().trimmed();
    const QString color = normalizedColor();
    if (!m_edit) {
        in.name = name;
        if (!description.isEmpty())
            in.description = description;
        if (!emoji.isEmpty())
            in.emoji = emoji;
        if (!color.isEmpty())
            in.color = color;
        return in;
    }
    if (name != m_original.name.trimmed())
        in.name = name;
    if (description != m_original.description.trimmed())
        in.description = description;
    if (emoji != m_original.emoji.trimmed())
        in.emoji = emoji;
    if (color != m_original.color.trimmed().toUpper())
        in.color = color;
    if (m_defaultQueue) {
        const QString queueId = m_defaultQueue->currentData().toString();
        if (!queueId.isEmpty() && queueId != m_original.defaultQueueId)
            in.defaultQueueId = queueId;
    }
    return in;
}

void ClusterDialog::submit() { Q_EMIT submitted(input()); }
