// SPDX-License-Identifier: MIT
#pragma once

#include "api/requests/clusterrequests.h"
#include "domain/cluster.h"
#include "domain/queue.h"
#include "formdialog.h"

class ColorSwatch;
class HintLabel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Create or edit a cluster. In edit mode only the fields the user changed are submitted, so an
// edit never overwrites a concurrent change to another field.
//
// objectNames: nameEdit, nameHint, descriptionEdit, emojiEdit, emojiPreview, emojiHint,
// colorEdit, colorButton, colorSwatch, colorHint, defaultQueueCombo (edit only), plus
// FormDialog's.
class ClusterDialog final : public FormDialog {
    Q_OBJECT
public:
    // Create mode.
    explicit ClusterDialog(QWidget* parent = nullptr);
    // Edit mode; `queues` are the cluster's queues, offered as its default queue.
    ClusterDialog(const Cluster& cluster, const QList<Queue>& queues, QWidget* parent = nullptr);

    bool isEditMode() const { return m_edit; }
    // What OK submits now.
    ClusterInput input() const;

Q_SIGNALS:
    void submitted(const ClusterInput& input);

protected:
    bool validate() override;
    void submit() override;

private:
    void build();
    void chooseColor();
    QString normalizedColor() const;

    bool m_edit = false;
    Cluster m_original;
    QLineEdit* m_name = nullptr;
    HintLabel* m_nameHint = nullptr;
    QLineEdit* m_description = nullptr;
    QLineEdit* m_emoji = nullptr;
    QLabel* m_emojiPreview = nullptr;
    HintLabel* m_emojiHint = nullptr;
    QLineEdit* m_color = nullptr;
    QPushButton* m_colorButton = nullptr;
    ColorSwatch* m_swatch = nullptr;
    HintLabel* m_colorHint = nullptr;
    QComboBox* m_defaultQueue = nullptr;
};
