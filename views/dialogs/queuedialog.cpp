// SPDX-License-Identifier: MIT
#include "queuedialog.h"

#include "accounts/accountsui.h"
#include "clustertitle.h"
#include "panes/hintlabel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>

namespace {
const QString warmest = QStringLiteral("prefer-warmest");
const QString different = QStringLiteral("prefer-different");

QString machineTypeName(const QString& type)
{
    if (type == QLatin1String("macos"))
        return QueueDialog::tr("macOS");
    if (type == QLatin1String("linux"))
        return QueueDialog::tr("Linux");
    return type;
}

QString sizeText(const InstanceShape& s) { return s.displayName(InstanceShape::Disk::Include); }
} // namespace

QueueDialog::QueueDialog(const Cluster& cluster, const QStringList& existingKeys, QWidget* parent)
    : FormDialog(parent)
    , m_existingKeys(existingKeys)
{
    setObjectName(QStringLiteral("queueDialog"));
    setWindowTitle(tr("New Queue"));
    okButton()->setText(tr("Create Queue"));
    setBusyText(tr("Creating the queue…"));
    for (const InstanceShape& s : InstanceShape::available())
        m_offered.append(s);

    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("keyEdit"));
    m_key->setAccessibleName(tr("Key"));
    m_key->setPlaceholderText(tr("e.g. macos-arm64"));
    m_key->setMaxLength(maximumKeyLength + 20); // longer input is explained, not cut silently
    buildCommon(cluster);
    form()->insertRow(1, tr("&Key:"), m_key);
    m_keyHint = insertHint(2, QStringLiteral("keyHint"));
    connect(m_key, &QLineEdit::textChanged, this, [this] { revalidate(); });

    auto* hosting = new QWidget(this);
    auto* hostingLayout = new QHBoxLayout(hosting);
    hostingLayout->setContentsMargins(0, 0, 0, 0);
    m_selfHosted = new QRadioButton(tr("&Self-hosted"), hosting);
    m_selfHosted->setObjectName(QStringLiteral("selfHostedRadio"));
    m_selfHosted->setToolTip(tr("Agents you run on your own machines"));
    m_hosted = new QRadioButton(tr("Hosted by &Buildkite"), hosting);
    m_hosted->setObjectName(QStringLiteral("hostedRadio"));
    m_hosted->setToolTip(tr("Buildkite runs the agents on the shape you choose"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_selfHosted);
    group->addButton(m_hosted);
    m_selfHosted->setChecked(true);
    hostingLayout->addWidget(m_selfHosted);
    hostingLayout->addWidget(m_hosted);
    hostingLayout->addStretch(1);
    form()->addRow(tr("Agents:"), hosting);
    buildShapePicker();
    // The whole row, label included: a label standing without its field reads as a bug.
    form()->setRowVisible(m_shapeBox, false);
    buildImageField();
    connect(m_hosted, &QRadioButton::toggled, this, [this](bool on) {
        form()->setRowVisible(m_shapeBox, on);
        showImageField();
        revalidate();
        // The rows that appeared need room: grow once laid out, never squeeze their labels.
        QTimer::singleShot(0, this, [this] { AccountsUi::growToFit(this); });
    });
    showImageField();
    revalidate();
}

QueueDialog::QueueDialog(const Queue& queue, const Cluster& cluster, QWidget* parent)
    : FormDialog(parent)
    , m_edit(true)
    , m_original(queue)
{
    setObjectName(QStringLiteral("queueDialog"));
    setWindowTitle(tr("Edit Queue %1").arg(queue.key));
    okButton()->setText(tr("Save"));
    setBusyText(tr("Saving the queue…"));
    buildCommon(cluster);

    auto* key = new QLabel(queue.key, this);
    key->setObjectName(QStringLiteral("keyLabel"));
    key->setTextFormat(Qt::PlainText);
    key->setTextInteractionFlags(Qt::TextSelectableByMouse);
    key->setToolTip(tr("A queue's key cannot be changed"));
    form()->insertRow(1, tr("Key:"), key);
    m_description->setText(queue.description);
    m_affinity->setCurrentIndex(
        m_affinity->findData(queue.retryAgentAffinity == different ? different : warmest));

    const bool hosted = queue.hosted || queue.instanceShape.isValid();
    auto* hosting = new QLabel(hosted ? tr("Hosted by Buildkite") : tr("Self-hosted"), this);
    hosting->setObjectName(QStringLiteral("hostingLabel"));
    hosting->setToolTip(hosted ? tr("A hosted queue can change its size, not its machine type or "
                                    "architecture")
                               : tr("A self-hosted queue cannot become hosted"));
    form()->addRow(tr("Agents:"), hosting);
    if (hosted) {
        const InstanceShape& current = queue.instanceShape;
        for (const InstanceShape& s : InstanceShape::available()) {
            if (s.isResizableTo(current) && !current.machineType.isEmpty())
                m_offered.append(s);
        }
        buildShapePicker();
        if (m_original.instanceShape.isLinux()) {
            buildImageField();
            m_image->setText(m_original.agentImageRef);
        }
    }
    revalidate();
}

void QueueDialog::buildCommon(const Cluster& cluster)
{
    auto* clusterLabel = new QLabel(this);
    clusterLabel->setObjectName(QStringLiteral("clusterLabel"));
    clusterLabel->setTextFormat(Qt::PlainText);
    clusterLabel->setWordWrap(true);
    clusterLabel->setText(clusterTitle(cluster));
    form()->addRow(tr("Cluster:"), clusterLabel);

    m_description = new QLineEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(tr("What runs here"));
    form()->addRow(tr("&Description:"), m_description);

    m_affinity = new QComboBox(this);
    m_affinity->setObjectName(QStringLiteral("affinityCombo"));
    m_affinity->setAccessibleName(tr("Retry agent affinity"));
    m_affinity->addItem(tr("Prefer the warmest agent (default)"), warmest);
    m_affinity->setItemData(
        0, tr("A retried job goes to the agent that most recently ran it"), Qt::ToolTipRole);
    m_affinity->addItem(tr("Prefer a different agent"), different);
    m_affinity->setItemData(
        1, tr("A retried job goes to another agent when one is free"), Qt::ToolTipRole);
    form()->addRow(tr("&Retry affinity:"), m_affinity);

    connect(m_description, &QLineEdit::textChanged, this, [this] { revalidate(); });
    connect(m_affinity, &QComboBox::currentIndexChanged, this, [this] { revalidate(); });
}

void QueueDialog::buildShapePicker()
{
    m_shapeBox = new QWidget(this);
    auto* layout = new QHBoxLayout(m_shapeBox);
    layout->setContentsMargins(0, 0, 0, 0);
    m_machineType = new QComboBox(m_shapeBox);
    m_machineType->setObjectName(QStringLiteral("machineTypeCombo"));
    m_machineType->setAccessibleName(tr("Machine type"));
    m_architecture = new QComboBox(m_shapeBox);
    m_architecture->setObjectName(QStringLiteral("architectureCombo"));
    m_architecture->setAccessibleName(tr("Architecture"));
    m_size = new QComboBox(m_shapeBox);
    m_size->setObjectName(QStringLiteral("sizeCombo"));
    m_size->setAccessibleName(tr("Size"));
    layout->addWidget(m_machineType);
    layout->addWidget(m_architecture);
    layout->addWidget(m_size, 1);
    auto* shapeLabel = new QLabel(tr("Instance &shape:"), this);
    shapeLabel->setObjectName(QStringLiteral("shapeLabel"));
    shapeLabel->setBuddy(m_size);
    form()->addRow(shapeLabel, m_shapeBox);

    if (m_edit) {
        // Machine type and architecture are fixed for an existing hosted queue: shown, not offered.
        const InstanceShape& current = m_original.instanceShape;
        m_machineType->addItem(machineTypeName(current.machineType), current.machineType);
        m_architecture->addItem(current.architecture.toUpper(), current.architecture);
        m_machineType->setEnabled(false);
        m_architecture->setEnabled(false);
        const bool currentOffered = std::any_of(m_offered.cbegin(), m_offered.cend(),
            [&](const InstanceShape& s) { return s.name == current.name; });
        if (!currentOffered) {
            // A removed (or unknown) shape stays until the admin picks a current size.
            m_size->addItem(tr("Keep %1").arg(current.name.isEmpty() ? tr("current shape")
                                                                     : current.displayName()),
                QString());
        }
        for (const InstanceShape& s : std::as_const(m_offered))
            m_size->addItem(sizeText(s), s.name);
        const int index = m_size->findData(current.name);
        m_size->setCurrentIndex(index >= 0 ? index : 0);
        connect(m_size, &QComboBox::currentIndexChanged, this, [this] { revalidate(); });
        return;
    }

    QStringList types;
    for (const InstanceShape& s : std::as_const(m_offered)) {
        if (!types.contains(s.machineType))
            types.append(s.machineType);
    }
    for (const QString& type : std::as_const(types))
        m_machineType->addItem(machineTypeName(type), type);
    connect(m_machineType, &QComboBox::currentIndexChanged, this, [this] {
        fillArchitectures();
        showImageField();
        revalidate();
    });
    connect(m_architecture, &QComboBox::currentIndexChanged, this, [this] {
        fillSizes();
        revalidate();
    });
    connect(m_size, &QComboBox::currentIndexChanged, this, [this] { revalidate(); });
    fillArchitectures();
}

void QueueDialog::buildImageField()
{
    m_image = new QLineEdit(this);
    m_image->setObjectName(QStringLiteral("agentImageEdit"));
    m_image->setAccessibleName(tr("Agent image"));
    m_image->setPlaceholderText(tr("Buildkite's image; or your own, e.g. ghcr.io/acme/agent:1.2"));
    m_image->setToolTip(tr("A container image the hosted Linux agents run in. Leave empty for "
                           "Buildkite's own image."));
    m_imageLabel = new QLabel(tr("Agent &image:"), this);
    m_imageLabel->setObjectName(QStringLiteral("imageLabel"));
    m_imageLabel->setBuddy(m_image);
    form()->addRow(m_imageLabel, m_image);
    m_imageHint = addHint(QStringLiteral("agentImageHint"));
    connect(m_image, &QLineEdit::textChanged, this, [this] { revalidate(); });
}

void QueueDialog::showImageField()
{
    if (!m_image)
        return;
    form()->setRowVisible(m_image, linuxSelected());
    form()->setRowVisible(m_imageHint, linuxSelected());
}

bool QueueDialog::linuxSelected() const
{
    if (m_edit)
        return m_image != nullptr;
    return hostedSelected() && m_machineType
        && m_machineType->currentData().toString() == QLatin1String("linux");
}

QString QueueDialog::imageProblem() const
{
    if (!m_image || !linuxSelected())
        return {};
    const QString image = m_image->text().trimmed();
    if (image.contains(QRegularExpression(QStringLiteral("\\s"))))
        return tr("An image reference has no spaces, e.g. ghcr.io/acme/agent:1.2.");
    if (m_edit && m_original.instanceShape.name.isEmpty() && image != m_original.agentImageRef)
        return tr("Buildkite takes the image together with the queue's shape, which is not "
                  "known here: refresh and try again.");
    return {};
}

void QueueDialog::fillArchitectures()
{
    const QString type = m_machineType->currentData().toString();
    const QSignalBlocker block(m_architecture);
    m_architecture->clear();
    for (const InstanceShape& s : std::as_const(m_offered)) {
        if (s.machineType == type && m_architecture->findData(s.architecture) < 0)
            m_architecture->addItem(s.architecture.toUpper(), s.architecture);
    }
    m_architecture->setEnabled(m_architecture->count() > 1);
    fillSizes();
}

void QueueDialog::fillSizes()
{
    const QString type = m_machineType->currentData().toString();
    const QString arch = m_architecture->currentData().toString();
    const QSignalBlocker block(m_size);
    m_size->clear();
    for (const InstanceShape& s : std::as_const(m_offered)) {
        if (s.machineType == type && s.architecture == arch)
            m_size->addItem(sizeText(s), s.name);
    }
}

QString QueueDialog::selectedShape() const
{
    return m_size ? m_size->currentData().toString() : QString();
}

bool QueueDialog::hostedSelected() const { return m_hosted && m_hosted->isChecked(); }

QString QueueDialog::keyProblem(const QString& key, const QStringList& existingKeys)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (key.isEmpty())
        return tr("A queue needs a key; agents use it to pick the queue (queue=<key>).");
    if (key.size() > maximumKeyLength)
        return tr("Keys are at most %1 characters; this one has %2.")
            .arg(maximumKeyLength)
            .arg(key.size());
    if (!allowed.match(key).hasMatch()) {
        QString bad;
        for (const QChar c : key) {
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_') {
                bad = c.isSpace() ? tr("spaces") : QStringLiteral("“%1”").arg(c);
                break;
            }
        }
        return tr("Keys may only contain letters, digits, - and _ (not %1).").arg(bad);
    }
    if (existingKeys.contains(key))
        return tr("This cluster already has a queue with the key “%1”.").arg(key);
    return {};
}

bool QueueDialog::validate()
{
    bool ok = true;
    if (m_key) {
        const QString problem = keyProblem(m_key->text(), m_existingKeys);
        // An empty key in a fresh dialog is not an error yet, just not submittable.
        m_keyHint->showHint(m_key->text().isEmpty() && !m_key->isModified() ? QString() : problem);
        ok = problem.isEmpty();
    }
    if (hostedSelected() && selectedShape().isEmpty())
        ok = false;
    if (m_imageHint) {
        const QString problem = imageProblem();
        m_imageHint->showHint(problem);
        ok = ok && problem.isEmpty();
    }
    if (ok && m_edit) {
        const QueueInput in = input();
        ok = in.description || in.retryAgentAffinity || in.instanceShape;
    }
    return ok;
}

QueueInput QueueDialog::input() const
{
    QueueInput in;
    const QString description = m_description->text().trimmed();
    const QString affinity = m_affinity->currentData().toString();
    if (!m_edit) {
        in.key = m_key->text();
        if (!description.isEmpty())
            in.description = description;
        // Buildkite defaults to prefer-warmest: the body carries only a deliberate choice.
        if (affinity != warmest)
            in.retryAgentAffinity = affinity;
        if (hostedSelected())
            in.instanceShape = selectedShape();
        const QString image = m_image ? m_image->text().trimmed() : QString();
        if (linuxSelected() && !image.isEmpty())
            in.agentImageRef = image;
        return in;
    }
    if (description != m_original.description.trimmed())
        in.description = description;
    const QString originalAffinity
        = m_original.retryAgentAffinity == different ? different : warmest;
    if (affinity != originalAffinity)
        in.retryAgentAffinity = affinity;
    const QString shape = selectedShape();
    const bool resized = !shape.isEmpty() && shape != m_original.instanceShape.name;
    if (resized)
        in.instanceShape = shape;
    if (m_image) {
        const QString image = m_image->text().trimmed();
        const bool imageChanged = image != m_original.agentImageRef.trimmed();
        if ((resized || imageChanged) && !m_original.instanceShape.name.isEmpty()) {
            in.instanceShape = resized ? shape : m_original.instanceShape.name;
            // The image the queue has goes with a resize, so the new size keeps it; an image
            // cleared by the user is sent as null (Buildkite's own). Nothing known, nothing sent.
            if (imageChanged || !image.isEmpty())
                in.agentImageRef = image;
        }
    }
    return in;
}

void QueueDialog::submit() { Q_EMIT submitted(input()); }
