#!/usr/bin/python3
"""Excel and Folio agree: recalculates each example workbook with LibreOffice and requires every
formula cell's recalculated value to equal the value Folio cached in it (numbers to 1e-9, text and
errors exactly).

usage: xlsx_recalc.py FOLIO SOURCE_DIR

Renders examples/customer-health/report.folio with --format xlsx into a temporary folder, converts
each workbook with a private LibreOffice profile that always recalculates on load, and compares the
two files cell by cell. Without LibreOffice the test is skipped (exit 77), unless FOLIO_REQUIRE_TOOLS=1,
when it fails.
"""
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

SKIP = 77
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice_or_skip():
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("FOLIO_REQUIRE_TOOLS") == "1":
        sys.exit("xlsx_recalc: LibreOffice (soffice) is required (FOLIO_REQUIRE_TOOLS=1); "
                 "install it with: apt-get install libreoffice-calc-nogui")
    print("xlsx_recalc: skipped: LibreOffice (soffice) is not installed "
          "(apt-get install libreoffice-calc-nogui)")
    sys.exit(SKIP)


def recalculate(soffice, workbook, outdir, profile):
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", outdir, workbook],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    out = os.path.join(outdir, os.path.basename(workbook))
    if not os.path.exists(out):
        sys.exit(f"xlsx_recalc: LibreOffice did not convert {workbook}")
    return out


def same(cached, recalculated):
    if isinstance(cached, bool) or isinstance(recalculated, bool):
        return float(cached) == float(recalculated) if cached is not None and recalculated is not None else False
    if isinstance(cached, (int, float)) and isinstance(recalculated, (int, float)):
        return abs(cached - recalculated) <= 1e-9 * max(1.0, abs(cached))
    return cached == recalculated


def compare(original, recalculated):
    formulas = openpyxl.load_workbook(original)
    cached = openpyxl.load_workbook(original, data_only=True)
    again = openpyxl.load_workbook(recalculated, data_only=True)
    checked, problems = 0, []
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                checked += 1
                a = cached[ws.title][cell.coordinate].value
                b = again[ws.title][cell.coordinate].value
                if not same(a, b):
                    problems.append(f"{ws.title}!{cell.coordinate} {cell.value}: Folio {a!r}, LibreOffice {b!r}")
    return checked, problems


def main():
    folio, source = sys.argv[1], sys.argv[2]
    soffice = soffice_or_skip()
    work = tempfile.mkdtemp(prefix="folio-xlsx-recalc-")
    try:
        profile = os.path.join(work, "profile")
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
            f.write(PROFILE)
        out = os.path.join(work, "out")
        subprocess.run([folio, "render", os.path.join(source, "examples/customer-health/report.folio"),
                        "--format", "xlsx", "--out", out], check=True)
        failed = False
        for report in ("executive", "manager", "analyst"):
            workbook = os.path.join(out, report + ".xlsx")
            again = recalculate(soffice, workbook, os.path.join(work, "recalculated"), profile)
            checked, problems = compare(workbook, again)
            print(f"{report}.xlsx: {checked} formula cells, {len(problems)} differ")
            if checked == 0:
                print(f"  {report}.xlsx has no formula cells")
                failed = True
            for p in problems[:20]:
                print("  " + p)
            failed = failed or bool(problems)
        return 1 if failed else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
