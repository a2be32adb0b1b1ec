#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Keeps the translation files current with the code:
#   resources/translations/kitedeck.ts     every user-visible string (the source for translators)
#   resources/translations/kitedeck_en.ts  English plural forms only: "%n cluster(s)" reads
#                                          "1 cluster" / "2 clusters" (filled in from the "(s)")
# Usage: scripts/update-translations.sh            rewrite both files
#        scripts/update-translations.sh --check    fail, naming what differs, if either is stale
#                                                  or a string cannot be extracted (ctest style)
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
[ -x "$lupdate" ] || lupdate=$(command -v lupdate6 || command -v lupdate || true)
if [ -z "$lupdate" ] || [ ! -x "$lupdate" ]; then
  echo "lupdate not found: install qt6-l10n-tools (scripts/setup.sh does)" >&2
  exit 1
fi
check=false
[ "${1:-}" = --check ] && check=true

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t sources < <(git ls-files -co --exclude-standard -- 'models/*.cpp' 'models/*.h' \
    'views/*.cpp' 'views/*.h' 'app/*.cpp' 'app/*.h' | grep -v '^app/sandbox/' \
    | while read -r f; do [ -f "$f" ] && echo "$f"; done)
else
  mapfile -t sources < <(find models views app -path app/sandbox -prune -o \( -name '*.cpp' -o -name '*.h' \) -print)
fi

dir=resources/translations
out=$dir
if $check; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  cp "$dir"/kitedeck.ts "$dir"/kitedeck_en.ts "$out"/ 2>/dev/null || true
fi
list=$(mktemp)
trap 'rm -f "$list"; [ "$out" != "$dir" ] && rm -rf "$out"' EXIT
printf '%s\n' "${sources[@]}" >"$list"

log=$("$lupdate" -locations none -no-obsolete -source-language en "@$list" -ts "$out/kitedeck.ts" 2>&1)
"$lupdate" -locations none -no-obsolete -pluralonly -source-language en -target-language en \
  "@$list" -ts "$out/kitedeck_en.ts" >/dev/null 2>&1
python3 - "$out/kitedeck_en.ts" <<'PY'
# English plural forms from the source text's "(s)": "%n cluster(s)" -> "%n cluster", "%n clusters".
import re, sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
def fill(match):
    block = match.group(0)
    source = re.search(r'<source>(.*?)</source>', block, re.S).group(1)
    if '<numerusform></numerusform>' not in block and 'type="unfinished"' not in block:
        return block
    one, many = source.replace('(s)', ''), source.replace('(s)', 's')
    forms = f'<numerusform>{one}</numerusform>\n            <numerusform>{many}</numerusform>'
    return re.sub(r'<translation[^>]*>.*?</translation>',
                  lambda _: f'<translation>\n            {forms}\n        </translation>', block, flags=re.S)
text = re.sub(r'<message numerus="yes">.*?</message>', fill, text, flags=re.S)
open(path, 'w', encoding='utf-8').write(text)
PY

status=0
# lupdate cannot extract these: a tr() outside a Q_OBJECT class or a context-less call.
if problems=$(grep -E "cannot be called without context|lacks Q_OBJECT macro" <<<"$log"); then
  echo "strings lupdate cannot extract (use a Q_OBJECT class's tr() or QCoreApplication::translate):" >&2
  echo "$problems" >&2
  status=1
fi
if $check; then
  for f in kitedeck.ts kitedeck_en.ts; do
    if ! cmp -s "$out/$f" "$dir/$f"; then
      echo "$dir/$f is stale: run scripts/update-translations.sh and commit it" >&2
      diff -u "$dir/$f" "$out/$f" | head -20 >&2 || true
      status=1
    fi
  done
  [ $status -eq 0 ] && echo "translations current: $(grep -c '<message' "$dir/kitedeck.ts") strings, $(grep -c 'numerus="yes"' "$dir/kitedeck_en.ts") with plural forms"
fi
exit $status
