#!/usr/bin/env bash
# Developer tool: refresh translations/*.ts from the sources (lupdate through CMake), then fill the
# English plural forms: "%n error(s)" becomes "%n error" / "%n errors". Run after adding tr() text
# with %n; commit the .ts files.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${PEERING_BUILD_DIR:-$ROOT/build/release}"
[ -f "$BUILD_DIR/CMakeCache.txt" ] || cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD_DIR" --target update_translations >/dev/null
python3 - "$ROOT/translations/peering-wizard_en.ts" <<'PY'
import re, sys, xml.etree.ElementTree as ET
path = sys.argv[1]
tree = ET.parse(path)
for message in tree.getroot().iter('message'):
    if message.get('numerus') != 'yes':
        continue
    source = message.find('source').text or ''
    singular = re.sub(r'\((e?s|ies)\)', '', source)
    plural = re.sub(r'\((e?s)\)', r'\1', source)
    translation = message.find('translation')
    for child in list(translation):
        translation.remove(child)
    translation.attrib.pop('type', None)
    for text in (singular, plural):
        form = ET.SubElement(translation, 'numerusform')
        form.text = text
tree.write(path, encoding='utf-8', xml_declaration=True)
PY
echo "updated $(grep -c '<numerusform>' "$ROOT/translations/peering-wizard_en.ts") plural forms"
