"""Fill unfinished entries of the zh_CN .ts from a small JSON table {source: translation}.

Usage: python tools/fill_translations.py TABLE.json  (after `make translations`)
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET

TS = "resources/i18n/nn_explorer_zh_CN.ts"


def main(argv: list[str]) -> int:
    table = json.loads(open(argv[0], encoding="utf-8").read())
    tree = ET.parse(TS)
    filled = 0
    for message in tree.getroot().iter("message"):
        node = message.find("translation")
        source = message.findtext("source")
        if node is not None and node.get("type") == "unfinished" and source in table:
            node.text = table[source]
            del node.attrib["type"]
            filled += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(TS, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    print(f"filled {filled}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
