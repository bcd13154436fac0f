#!/usr/bin/python3
"""Prints a plain-text description of an XLSX workbook for the renderer tests.

    xlsx_data_describe.py BOOK.xlsx

The XLSX tests compare it with golden files (tests/templates/golden/*.txt), so it lists
what a reader of the workbook depends on, in a fixed order, and nothing that varies
between runs:
  - per sheet: its name, freeze panes, autofilter, tables (name, range, header names),
    and every cell: address, type (n number, s string, b boolean, d date serial with its
    format), value, number format (General omitted) and whether it is a formula;
  - per chart (in the order of xl/charts/chartN.xml): the sheet it is on and its anchor
    cell, the plot types, the title and axis titles, axis number formats, legend
    position, and per series its name reference and cached name, category and value
    references and their cached points ("-" for a point without data).
Cells are read from the XML (not through openpyxl) so that the cell types are exactly
what the file holds; openpyxl opens the file too, which proves it loads.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

import openpyxl

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
REL_ID = "{%s}id" % NS["r"]


def rels(z, part):
    folder, name = part.rsplit("/", 1)
    path = folder + "/_rels/" + name + ".rels"
    if path not in z.namelist():
        return {}
    out = {}
    for rel in ET.fromstring(z.read(path)).findall("rel:Relationship", NS):
        target = rel.get("Target")
        if not target.startswith("/"):
            parts = folder.split("/") + target.split("/")
            stack = []
            for p in parts:
                if p == "..":
                    stack.pop()
                elif p != ".":
                    stack.append(p)
            target = "/".join(stack)
        else:
            target = target[1:]
        out[rel.get("Id")] = target
    return out


def number_formats(z):
    styles = ET.fromstring(z.read("xl/styles.xml"))
    codes = {14: "mm-dd-yy", 22: "m/d/yy h:mm", 9: "0%", 10: "0.00%"}
    for f in styles.findall("m:numFmts/m:numFmt", NS):
        codes[int(f.get("numFmtId"))] = f.get("formatCode")
    xfs = []
    for xf in styles.findall("m:cellXfs/m:xf", NS):
        fid = int(xf.get("numFmtId", "0"))
        font = styles.findall("m:fonts/m:font", NS)[int(xf.get("fontId", "0"))]
        style = ("bold " if font.find("m:b", NS) is not None else "") + ("italic " if font.find("m:i", NS) is not None else "")
        xfs.append((codes.get(fid, "General" if fid == 0 else "builtin %d" % fid), style.strip()))
    return xfs


def shared_strings(z):
    if "xl/sharedStrings.xml" not in z.namelist():
        return []
    out = []
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
        out.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    return out


def text_of(el):
    return "".join(t.text or "" for t in el.iter("{%s}t" % NS["a"])) if el is not None else ""


def describe_chart(z, part, where):
    root = ET.fromstring(z.read(part))
    chart = root.find("c:chart", NS)
    lines = ["chart %s at %s" % (part.rsplit("/", 1)[1], where)]
    title = chart.find("c:title", NS)
    if title is not None:
        lines.append("  title: %r" % text_of(title))
    plot = chart.find("c:plotArea", NS)
    for kind in plot:
        tag = kind.tag.split("}")[1]
        if not tag.endswith("Chart"):
            continue
        grouping = kind.find("c:grouping", NS)
        direction = kind.find("c:barDir", NS)
        lines.append("  plot: %s%s%s" % (tag,
                                         " " + direction.get("val") if direction is not None else "",
                                         " " + grouping.get("val") if grouping is not None else ""))
        for ser in kind.findall("c:ser", NS):
            lines.append("  series %s" % ser.find("c:idx", NS).get("val"))
            tx = ser.find("c:tx", NS)
            if tx is not None:
                f = tx.find(".//c:f", NS)
                cache = [p.find("c:v", NS).text for p in tx.findall(".//c:pt", NS)]
                lines.append("    name: %s %r" % (f.text if f is not None else "(literal)", cache if f is not None else text_of(tx)))
            colour = ser.find("c:spPr//a:srgbClr", NS)
            if colour is not None:
                lines.append("    colour: %s" % colour.get("val"))
            points = [p.find(".//a:srgbClr", NS) for p in ser.findall("c:dPt", NS)]
            if points:
                lines.append("    point colours: %s" % " ".join(p.get("val") if p is not None else "-" for p in points))
            for label, tag_name in (("categories", "c:cat"), ("x", "c:xVal"), ("values", "c:val"), ("y", "c:yVal")):
                el = ser.find(tag_name, NS)
                if el is None:
                    continue
                f = el.find(".//c:f", NS)
                count = el.find(".//c:ptCount", NS)
                points = {int(p.get("idx")): p.find("c:v", NS).text for p in el.findall(".//c:pt", NS)}
                n = int(count.get("val")) if count is not None else 0
                cache = [points.get(i, "-") for i in range(n)]
                kind_of_ref = "str" if el.find("c:strRef", NS) is not None else "num"
                fmt = el.find(".//c:formatCode", NS)
                lines.append("    %s: %s (%s%s) %s" % (label, f.text if f is not None else "?", kind_of_ref,
                                                       ", " + fmt.text if fmt is not None else "", cache))
    for axis in plot:
        tag = axis.tag.split("}")[1]
        if not tag.endswith("Ax"):
            continue
        position = axis.find("c:axPos", NS).get("val")
        t = axis.find("c:title", NS)
        fmt = axis.find("c:numFmt", NS)
        lines.append("  axis %s (%s): title %r, format %s" % (tag, position, text_of(t) if t is not None else "",
                                                              fmt.get("formatCode") if fmt is not None else "-"))
    legend = chart.find("c:legend", NS)
    lines.append("  legend: %s" % (legend.find("c:legendPos", NS).get("val") if legend is not None else "none"))
    return lines


def main(path):
    openpyxl.load_workbook(path)  # the file must load
    z = zipfile.ZipFile(path)
    book = ET.fromstring(z.read("xl/workbook.xml"))
    book_rels = rels(z, "xl/workbook.xml")
    xfs = number_formats(z)
    strings = shared_strings(z)
    chart_lines = []
    for sheet in book.findall("m:sheets/m:sheet", NS):
        name = sheet.get("name")
        part = book_rels[sheet.get(REL_ID)]
        root = ET.fromstring(z.read(part))
        print("sheet %r" % name)
        pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
        if pane is not None:
            print("  freeze: %s" % pane.get("topLeftCell"))
        af = root.find("m:autoFilter", NS)
        if af is not None:
            print("  autofilter: %s" % af.get("ref"))
        sheet_rels = rels(z, part)
        for tp in root.findall("m:tableParts/m:tablePart", NS):
            t = ET.fromstring(z.read(sheet_rels[tp.get(REL_ID)]))
            headers = [c.get("name") for c in t.findall("m:tableColumns/m:tableColumn", NS)]
            print("  table %s %s %s" % (t.get("name"), t.get("ref"), headers))
        widths = []
        for col in root.findall("m:cols/m:col", NS):
            widths.append("%s-%s:%s" % (col.get("min"), col.get("max"), col.get("width")))
        if widths:
            print("  widths: %s" % " ".join(widths))
        for c in root.iter("{%s}c" % NS["m"]):
            t = c.get("t", "n")
            f = c.find("m:f", NS)
            v = c.find("m:v", NS)
            fmt, style = xfs[int(c.get("s", "0"))]
            if t == "s":
                value = repr(strings[int(v.text)])
            elif t == "inlineStr":
                t = "s"
                value = repr("".join(x.text or "" for x in c.iter("{%s}t" % NS["m"])))
            else:
                value = v.text if v is not None else ""
            extra = ("" if fmt == "General" else " [%s]" % fmt) + (" (%s)" % style if style else "")
            print("  %s %s %s%s%s" % (c.get("r"), t, value, extra, " FORMULA " + f.text if f is not None else ""))
        for dr in root.findall("m:drawing", NS):
            drawing = sheet_rels[dr.get(REL_ID)]
            drawing_rels = rels(z, drawing)
            for anchor in ET.fromstring(z.read(drawing)):
                frm = anchor.find("xdr:from", NS)
                where = "%s!R%sC%s" % (name, frm.find("xdr:row", NS).text, frm.find("xdr:col", NS).text)
                ch = anchor.find(".//c:chart", NS)
                if ch is not None:
                    chart_lines.append((drawing_rels[ch.get(REL_ID)], where))
    for part, where in sorted(chart_lines, key=lambda p: int(re.search(r"(\d+)\.xml$", p[0]).group(1))):
        print("\n".join(describe_chart(z, part, where)))


if __name__ == "__main__":
    main(sys.argv[1])
