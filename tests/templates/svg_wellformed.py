#!/usr/bin/python3
"""Parses every golden SVG chart (and the data-table fallback) as XML: the charts the
tests produce are byte-equal to these files, so this proves they are well-formed. Also
checks that each SVG is accessible (role="img", a <title> and <desc> it points to) and
refers to nothing outside itself."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden")
files = sorted(glob.glob(os.path.join(golden, "svg_*.svg")) + glob.glob(os.path.join(golden, "svg_*.html")))
if len(files) < 10:
    sys.exit(f"expected the golden SVG files in {golden}, found {len(files)}")
failed = False
for path in files:
    name = os.path.basename(path)
    text = open(path, encoding="utf-8").read()
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        print(f"{name}: not well-formed XML: {e}")
        failed = True
        continue
    bare = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for bad in ("http", "url(", "href", "<script", "javascript:"):
        if bad in bare:
            print(f"{name}: contains {bad!r}")
            failed = True
    if not name.endswith(".svg"):
        continue
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    if root.tag != SVG + "svg" or root.get("role") != "img":
        print(f"{name}: the root is not <svg role=\"img\">")
        failed = True
    for ref in (root.get("aria-labelledby") or "").split():
        if ref not in ids:
            print(f"{name}: aria-labelledby names {ref!r}, which is not an id")
            failed = True
    if root.find(SVG + "title") is None or root.find(SVG + "desc") is None:
        print(f"{name}: no <title> or <desc>")
        failed = True
print(f"checked {len(files)} files")
sys.exit(1 if failed else 0)
