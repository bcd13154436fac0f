#!/usr/bin/python3
"""Regenerates the LibreOffice-sourced conformance cases.

Reads tests/conformance/formulas/<family>.txt (one formula per line; blank lines and lines
starting with '#' are comments, and comments are carried into the output) and data.cells,
writes one .xlsx with openpyxl (the sheets of data.cells plus a `Cases` sheet holding every
formula as a single-cell array formula, so that a formula whose result is an array shows its
top-left element, and again as a plain formula, whose boolean formatting tells TRUE from 1), has LibreOffice Calc recalculate it headless (private profile with
recalc-always, en-US locale), reads the values back with openpyxl (data_only) and the raw
<v> text of the sheet XML, and writes cases/<family>.tsv.

A case is refused (reported, not written) when LibreOffice returns #NAME? (function it lacks),
one of its own Err:5xx codes (no Excel equivalent), a blank, or when the formula is already
held by a hand-written file (excel_overrides.tsv, dynamic.tsv, volatile.tsv): those hold the
cases where Excel's value is taken from Microsoft's documentation instead.

Usage: /usr/bin/python3 tests/conformance/regenerate.py [--family NAME ...] [--keep DIR]
       [--soffice PATH] [--check]
  --check  regenerate into a temporary folder and report which .tsv files would change.
"""

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

import warnings

import openpyxl

warnings.filterwarnings("ignore", module="openpyxl")

HERE = os.path.dirname(os.path.abspath(__file__))
FORMULAS_DIR = os.path.join(HERE, "formulas")
CASES_DIR = os.path.join(HERE, "cases")
CELLS_FILE = os.path.join(HERE, "data.cells")
HAND_WRITTEN = ("excel_overrides.tsv", "dynamic.tsv", "volatile.tsv")

# Functions added after Excel 2007: stored in .xlsx as _xlfn.NAME or LibreOffice (and Excel)
# show #NAME?. Folio's formula text never carries the prefix; it is added only in the workbook.
# NETWORKDAYS.INTL and WORKDAY.INTL are in ISO/IEC 29500's own list: no prefix (LibreOffice
# shows #NAME? for _xlfn.NETWORKDAYS.INTL).
XLFN = """
ACOT ACOTH AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV
BITAND BITLSHIFT BITOR BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT
CHISQ.INV CHISQ.INV.RT CHISQ.TEST COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH
COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL ERF.PRECISE ERFC.PRECISE EXPON.DIST F.DIST
F.DIST.RT F.INV F.INV.RT F.TEST FILTER FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.LINEAR
FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS HYPGEOM.DIST IFNA IFS ISFORMULA
ISOWEEKNUM LET LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS MODE.MULT MODE.SNGL NEGBINOM.DIST
NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION
PERCENTILE.EXC PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST
QUARTILE.EXC QUARTILE.INC RANDARRAY RANK.AVG RANK.EQ RRI SEC SECH SEQUENCE SHEET SHEETS
SKEW.P SORT SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST
TEXTJOIN UNICHAR UNICODE UNIQUE VAR.P VAR.S WEIBULL.DIST XLOOKUP XMATCH XOR
Z.TEST
""".split()
XLFN_RE = re.compile(
    r"(?<![A-Za-z0-9_.])(" + "|".join(re.escape(n) for n in sorted(XLFN, key=len, reverse=True))
    + r")(?=\s*\()", re.IGNORECASE)

PROFILE_XCU = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>en-US</value></prop></item>
</oor:items>
"""

CELL_RE = re.compile(r"^(?:'((?:[^']|'')+)'|([^!']+))!([A-Z]{1,3}[0-9]+)\t(.*)$")
NUMBER_RE = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def add_xlfn(formula):
    """Returns formula with _xlfn. added before post-2007 function names outside strings."""
    parts = formula.split('"')
    for i in range(0, len(parts), 2):  # even parts are outside string literals
        parts[i] = XLFN_RE.sub(lambda m: "_xlfn." + m.group(1).upper(), parts[i])
    return '"'.join(parts)


def read_cells(path):
    """Returns [(sheet, address, entry)] from a data.cells file."""
    cells = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            m = CELL_RE.match(line)
            if not m:
                sys.exit(f"{path}:{n}: cannot parse cell line: {line!r}")
            sheet = m.group(1).replace("''", "'") if m.group(1) else m.group(2)
            cells.append((sheet, m.group(3), m.group(4)))
    return cells


def set_entry(ws, addr, entry):
    """Stores a cells-file entry in ws[addr] as Excel en-US would read it when typed."""
    cell = ws[addr]
    if entry.startswith("="):
        cell.value = add_xlfn(entry)
    elif entry.startswith("'"):
        cell.value = entry[1:]
        cell.data_type = "s"
    elif entry.upper() in ("TRUE", "FALSE"):
        cell.value = entry.upper() == "TRUE"
    elif NUMBER_RE.match(entry):
        v = float(entry)
        cell.value = int(v) if v.is_integer() and abs(v) < 1e15 else v
    else:
        cell.value = entry
        cell.data_type = "s"


def read_formulas(family):
    """Returns [('comment', text) | ('formula', text, line_no)] from formulas/<family>.txt."""
    items = []
    path = os.path.join(FORMULAS_DIR, family + ".txt")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                items.append(("comment", ""))
            elif line.startswith("#"):
                items.append(("comment", line))
            elif line.startswith("="):
                items.append(("formula", line, n))
            else:
                sys.exit(f"{path}:{n}: a formula must start with '=': {line!r}")
    return items


def hand_written_formulas():
    """Returns {formula: file} for the formulas of the hand-written case files."""
    held = {}
    for name in HAND_WRITTEN:
        path = os.path.join(CASES_DIR, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("="):
                    held[line.split("\t", 1)[0]] = name
    return held


def build_workbook(path, cells, formulas):
    wb = openpyxl.Workbook()
    cases = wb.active
    cases.title = "Cases"  # first sheet: the CSV export below writes it first
    sheets = {}
    for sheet, addr, entry in cells:
        if sheet not in sheets:
            sheets[sheet] = wb.create_sheet(sheet)
        set_entry(sheets[sheet], addr, entry)
    for row, formula in enumerate(formulas, 1):
        addr = f"A{row}"
        cases[addr] = add_xlfn(formula)
        cases.formula_attributes[addr] = {"t": "array", "ref": addr}
        # The same formula entered normally: LibreOffice keeps the boolean type of a comparison
        # only there (array results are plain numbers).
        cases[f"B{row}"] = add_xlfn(formula)
        cases[f"C{row}"] = formula[1:]  # the formula text, for a person reading the workbook
        cases[f"C{row}"].data_type = "s"
    wb.save(path)


def run_soffice(soffice, src, outdir, profile, target):
    cmd = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", target, "--outdir", outdir, src]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                       timeout=600)
    if r.returncode != 0:
        sys.exit(f"soffice failed ({r.returncode}): {r.stderr}")


def raw_cells(xlsx, sheet_index=1):
    """Returns {'A1': (t, '<v> text')} for the cells of the sheet, as LibreOffice stored them."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(xlsx) as z:
        root = ET.fromstring(z.read(f"xl/worksheets/sheet{sheet_index}.xml"))
    out = {}
    for c in root.iter(ns + "c"):
        v = c.find(ns + "v")
        out[c.get("r")] = (c.get("t", "n"), v.text if v is not None else None)
    return out


def format_number(text):
    v = float(text)
    if v == 0:
        return "0"
    if v.is_integer() and abs(v) < 2 ** 53:
        return str(int(v))
    return repr(v)


def escape_text(s):
    return (s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def recalculate(formulas, cells, soffice, workdir):
    """Returns [(type, value, shown)] for each formula, as LibreOffice computed it."""
    src = os.path.join(workdir, "conformance.xlsx")
    outdir = os.path.join(workdir, "out")
    profile = os.path.join(workdir, "lo_profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(PROFILE_XCU)
    build_workbook(src, cells, formulas)
    run_soffice(soffice, src, outdir, profile, "xlsx")
    # The shown text tells LibreOffice's own error codes (Err:502 ...) apart: in .xlsx they
    # are exported under the Excel error names.
    run_soffice(soffice, src, outdir, profile,
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false")
    out_xlsx = os.path.join(outdir, "conformance.xlsx")
    with open(os.path.join(outdir, "conformance.csv"), encoding="utf-8", newline="") as f:
        shown = [row[0] if row else "" for row in csv.reader(f)]
    wb = openpyxl.load_workbook(out_xlsx, data_only=True)
    ws = wb["Cases"]
    raw = raw_cells(out_xlsx, wb.sheetnames.index("Cases") + 1)
    results = []
    for row in range(1, len(formulas) + 1):
        cell = ws.cell(row, 1)
        addr = cell.coordinate
        plain = ws.cell(row, 2)
        shown_text = shown[row - 1] if row - 1 < len(shown) else ""
        # LibreOffice has no boolean type: TRUE is the number 1 with a boolean format. A 0 or 1
        # is taken as a boolean when either entry of the formula carries that format.
        is_bool = (cell.data_type == "b" or
                   (plain.data_type == "b" and raw.get(addr, ("", None))[0] == "n"
                    and raw[addr][1] in ("0", "1")))
        if cell.data_type == "e":
            results.append(("error", str(cell.value), shown_text))
        elif is_bool:
            results.append(("bool", "TRUE" if float(raw[addr][1]) else "FALSE", shown_text))
        elif raw.get(addr, ("", None))[0] == "n" and raw[addr][1] is not None:
            results.append(("number", format_number(raw[addr][1]), shown_text))
        elif raw.get(addr, ("", None))[0] in ("str", "s", "inlineStr") and cell.value is None:
            results.append(("text", "", shown_text))  # an empty string: <v></v>
        elif cell.value is None:
            results.append(("blank", "", shown_text))
        elif isinstance(cell.value, str):
            results.append(("text", escape_text(cell.value), shown_text))
        else:
            results.append(("number", format_number(str(cell.value)), shown_text))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--family", action="append", help="only these families (default: all)")
    ap.add_argument("--keep", help="keep the workbooks in this folder")
    ap.add_argument("--soffice", default=shutil.which("soffice") or "soffice")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; report which .tsv files would change")
    args = ap.parse_args()

    families = args.family or sorted(
        f[:-4] for f in os.listdir(FORMULAS_DIR) if f.endswith(".txt"))
    cells = read_cells(CELLS_FILE)
    held = hand_written_formulas()

    plan = {}  # family -> items
    all_formulas = []
    refused = []
    seen = {}
    for fam in families:
        items = read_formulas(fam)
        kept = []
        for it in items:
            if it[0] == "formula":
                formula, line = it[1], it[2]
                where = f"formulas/{fam}.txt:{line}"
                if formula in held:
                    refused.append((where, formula, f"held by hand-written cases/{held[formula]}"))
                    continue
                if formula in seen:
                    refused.append((where, formula, f"duplicate of {seen[formula]}"))
                    continue
                seen[formula] = where
                all_formulas.append(formula)
            kept.append(it)
        plan[fam] = kept

    workdir = args.keep or tempfile.mkdtemp(prefix="folio_conformance_")
    os.makedirs(workdir, exist_ok=True)
    try:
        results = dict(zip(all_formulas, recalculate(all_formulas, cells, args.soffice, workdir)))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    version = subprocess.run([args.soffice, "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, text=True).stdout.strip()
    changed = []
    counts = {}
    for fam, items in plan.items():
        lines = [f"# GENERATED by tests/conformance/regenerate.py from formulas/{fam}.txt and "
                 "data.cells: do not edit, edit the formulas file and rerun.",
                 f"# source: {version or 'LibreOffice'} recalculating a workbook (en-US), "
                 "values read back with openpyxl",
                 "# formula<TAB>type<TAB>value"]
        n = 0
        for it in items:
            if it[0] == "comment":
                lines.append(it[1])
                continue
            formula, line = it[1], it[2]
            if formula not in results:
                continue  # refused above (duplicate / hand-written)
            typ, value, shown = results[formula]
            where = f"formulas/{fam}.txt:{line}"
            if typ == "error" and value == "#NAME?":
                refused.append((where, formula, "LibreOffice returns #NAME?"))
                continue
            if typ == "error" and shown.startswith("Err:"):
                refused.append((where, formula, f"LibreOffice returns its own {shown} "
                                                 f"(exported as {value})"))
                continue
            if typ == "blank":
                refused.append((where, formula, "LibreOffice stored no value"))
                continue
            lines.append(f"{formula}\t{typ}\t{value}")
            n += 1
        counts[fam] = n
        text = "\n".join(lines).rstrip("\n") + "\n"
        text = re.sub(r"\n{3,}", "\n\n", text)
        path = os.path.join(CASES_DIR, fam + ".tsv")
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            changed.append(fam)
            if not args.check:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)

    for where, formula, why in refused:
        print(f"refused: {where}: {formula}: {why}", file=sys.stderr)
    for fam in plan:
        print(f"{fam}: {counts[fam]} cases")
    print(f"total: {sum(counts.values())} cases, {len(refused)} refused")
    if args.check:
        print("would change: " + (", ".join(changed) if changed else "nothing"))
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
