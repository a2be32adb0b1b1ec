#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The layers run one way: models <- views <- app, with the sandbox beside them. Fails, naming the
# line, when a file of models/ or views/ includes a header that lives in app/, when models/
# includes anything of Qt Widgets or Gui, or when anything but app/ includes QtKeychain.
set -euo pipefail
cd "${1:?source dir}"
status=0
app_headers=$(find app -name '*.h' -printf '%f\n' | sort -u)
lower_headers=$(find models views -name '*.h' -printf '%f\n' | sort -u)
for layer in models views; do
  while IFS= read -r line; do
    header=$(sed -n 's/.*#include *"\([^"]*\)".*/\1/p' <<<"${line#*:*:}")
    base=${header##*/}
    # A header of the same name inside this layer or below is not an app header.
    if grep -qx "$base" <<<"$app_headers" && ! grep -qx "$base" <<<"$lower_headers"; then
      echo "$layer includes app/: $line" >&2
      status=1
    fi
  done < <(grep -rn '#include "' "$layer" --include='*.h' --include='*.cpp' || true)
done
if grep -rnE '#include <(QtWidgets|QtGui|QWidget|QApplication|QPainter|QColor|QIcon|QPixmap)' models; then
  echo "models/ must not depend on Qt Gui or Widgets" >&2
  status=1
fi
if grep -rnE '#include <(qt6keychain|qtkeychain)/' models views app/sandbox tests --include='*.h' --include='*.cpp' \
    | grep -v '^tests/app/'; then
  echo "only app/ (KeychainSecretStore) may include QtKeychain" >&2
  status=1
fi
if [ $status -eq 0 ]; then
  echo "layers: models <- views <- app, sandbox beside; no file includes upwards"
fi
exit $status
