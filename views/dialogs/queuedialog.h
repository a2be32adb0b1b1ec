// SPDX-License-Identifier: MIT
#pragma once

#include "api/requests/queuerequests.h"
#include "domain/cluster.h"
#include "domain/instanceshape.h"
#include "domain/queue.h"
#include "formdialog.h"

class HintLabel;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QWidget;

// Create or edit a queue. Keys are checked as typed (letters, digits, - and _, 1 to 100, not
// already used in the cluster). Hosted shapes come from InstanceShape::available(), so removed
// shapes are never offered; editing a hosted queue only offers other sizes of the same machine
// type and architecture, the one change Buildkite allows, and a self-hosted queue cannot be
// turned into a hosted one.
//
// Hosted Linux queues may run a custom agent image (agentImageEdit; empty for Buildkite's own);
// macOS has none, so the field is only there for Linux. Buildkite takes the image beside the
// shape, so changing either sends both, and a resize sends the image the queue has: the new size
// never loses it. Clearing the field sends null, back to Buildkite's image.
//
// objectNames: keyEdit, keyHint (create), keyLabel (edit), descriptionEdit, affinityCombo,
// selfHostedRadio, hostedRadio (create), hostingLabel (edit), machineTypeCombo,
// architectureCombo, sizeCombo, agentImageEdit, agentImageHint, plus FormDialog's.
class QueueDialog final : public FormDialog {
    Q_OBJECT
public:
    // Create mode; `existingKeys` are the keys already used in the cluster.
    QueueDialog(const Cluster& cluster, const QStringList& existingKeys, QWidget* parent = nullptr);
    // Edit mode.
    QueueDialog(const Queue& queue, const Cluster& cluster, QWidget* parent = nullptr);

    bool isEditMode() const { return m_edit; }
    QueueInput input() const;

    static constexpr int maximumKeyLength = 100;
    // Why `key` cannot be used, or empty when it can.
    static QString keyProblem(const QString& key, const QStringList& existingKeys);

Q_SIGNALS:
    void submitted(const QueueInput& input);

protected:
    bool validate() override;
    void submit() override;

private:
    void buildCommon(const Cluster& cluster);
    void buildShapePicker();
    void fillArchitectures();
    void fillSizes();
    void buildImageField();
    void showImageField();
    QString selectedShape() const;
    bool hostedSelected() const;
    // Whether the queue is, or is being made, a hosted Linux one: the only kind with an image.
    bool linuxSelected() const;
    QString imageProblem() const;

    bool m_edit = false;
    Queue m_original;
    QStringList m_existingKeys;
    QList<InstanceShape> m_offered;

    QLineEdit* m_key = nullptr;
    HintLabel* m_keyHint = nullptr;
    QLineEdit* m_description = nullptr;
    QComboBox* m_affinity = nullptr;
    QRadioButton* m_selfHosted = nullptr;
    QRadioButton* m_hosted = nullptr;
    QWidget* m_shapeBox = nullptr;
    QComboBox* m_machineType = nullptr;
    QComboBox* m_architecture = nullptr;
    QComboBox* m_size = nullptr;
    QLabel* m_imageLabel = nullptr;
    QLineEdit* m_image = nullptr;
    HintLabel* m_imageHint = nullptr;
};
