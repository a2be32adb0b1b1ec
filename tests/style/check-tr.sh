#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# No user-visible string bypasses tr(): fails, naming the line, when a widget's text, tooltip,
# placeholder, title, accessible name or a message box gets a string literal that is not passed
# through tr()/translate(). A literal that is not words (a format, an example shortcode) carries
# a trailing "// no tr: <why>" comment.
set -euo pipefail
cd "${1:?source dir}"
setters='setText|setToolTip|setPlaceholderText|setWindowTitle|setAccessibleName|setAccessibleDescription|setStatusTip|setWhatsThis|setTitle|setLabelText|setInformativeText|setDetailedText|showMessage|addTab|addMenu|setPrefix|setSuffix|setSpecialValueText'
widgets='QLabel|QPushButton|QCheckBox|QRadioButton|QGroupBox|QAction|QToolButton|QCommandLinkButton|QMenu'
literal='(QStringLiteral|QLatin1String|QLatin1StringView|QString::fromUtf8|QString::fromLatin1)?\(?"[^"]*[A-Za-z]{2}'
mapfile -t files < <(find views app -path app/sandbox -prune -o -name '*.cpp' -print | grep -v -E 'app/(main|exportcommand)\.cpp$')
hits=$(grep -nE "(\b($setters)\($literal|new ($widgets)\($literal)" "${files[@]}" | grep -v '// no tr:' || true)
if [ -n "$hits" ]; then
  echo "user-visible strings that bypass tr() (wrap them, or mark '// no tr: why'):" >&2
  echo "$hits" >&2
  exit 1
fi
echo "no user-visible string literal bypasses tr() in ${#files[@]} files"
