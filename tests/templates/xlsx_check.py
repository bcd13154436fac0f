#!/usr/bin/python3
"""The example workbooks, opened with openpyxl: sheets, live formulas and the numbers they read
(computed here from the example's CSV files, independently of Folio), defined names, number formats,
conditional formats, frozen panes, print setup and document properties; then a readable dump of the
summary, table and calculation sheets compared with tests/templates/golden/xlsx_<report>.txt
(UPDATE_GOLDEN=1 rewrites the dumps, so a change shows up as a diff).

usage: xlsx_check.py FOLIO SOURCE_DIR
"""
import csv
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)


def close(a, b):
    return isinstance(a, (int, float)) and abs(a - b) <= 1e-9 * max(1.0, abs(b))


# ---------------------------------------------------------------------------------------------
# The example's numbers, from its CSV files.

def read_csv(source, name):
    with open(os.path.join(source, "examples/customer-health/data", name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def nps_counts(rows):
    scores = [float(r["score"]) for r in rows if r["score"] != ""]
    return len(rows), sum(1 for s in scores if s >= 9), sum(1 for s in scores if s <= 6)


# ---------------------------------------------------------------------------------------------
# Reading a workbook.

def find_row(ws, column, text):
    for row in range(1, ws.max_row + 1):
        if ws.cell(row, column).value == text:
            return row
    return None


CALC_REF = r"'Calculation'!\$(C|D|E)\$(\d+)"


def calc_refs(formula):
    return [(col, int(row)) for col, row in re.findall(CALC_REF, formula)]


def rules_by_range(ws):
    out = {}
    for cf in ws.conditional_formatting:
        out[str(cf.sqref)] = [(r.type, list(r.formula or []), r.operator) for r in cf.rules]
    return out


def dump(wb, cached, sheets):
    """A readable text of `sheets`: every non-empty cell with its formula, cached value and number format."""
    lines = []
    for name, dn in sorted(wb.defined_names.items()) if hasattr(wb.defined_names, "items") else []:
        lines.append(f"name {name} = {dn.attr_text}")
    if not lines:
        for dn in wb.defined_names.definedName:
            lines.append(f"name {dn.name} = {dn.attr_text}")
    for title in sheets:
        ws, values = wb[title], cached[title]
        lines.append(f"== sheet {title}")
        lines.append(f"freeze {ws.freeze_panes} filter {ws.auto_filter.ref} print_rows {ws.print_title_rows}")
        for rng, rules in sorted(rules_by_range(ws).items()):
            lines.append(f"conditional {rng} {rules}")
        for letter, dim in sorted(ws.column_dimensions.items()):
            if dim.hidden or dim.outlineLevel:
                lines.append(f"column {letter} hidden={dim.hidden} level={dim.outlineLevel}")
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                value = values[cell.coordinate].value
                shown = repr(value) if cell.data_type != "f" else f"{cell.value} -> {value!r}"
                comment = f" [comment: {cell.comment.text}]" if cell.comment else ""
                lines.append(f"{cell.coordinate} {shown} | {cell.number_format}{comment}")
    return "\n".join(lines) + "\n"


def compare_golden(source, report, text):
    path = os.path.join(source, "tests/templates/golden", f"xlsx_{report}.txt")
    if os.environ.get("UPDATE_GOLDEN"):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return
    if not os.path.exists(path):
        FAILURES.append(f"{path} is missing (UPDATE_GOLDEN=1 writes it)")
        return
    with open(path, encoding="utf-8") as f:
        expected = f.read()
    if expected != text:
        a, b = expected.splitlines(), text.splitlines()
        first = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        FAILURES.append(f"{report}.xlsx differs from {path} at line {first + 1}:\n"
                        f"  expected: {a[first] if first < len(a) else '(end)'}\n"
                        f"  found:    {b[first] if first < len(b) else '(end)'}\n"
                        "  (UPDATE_GOLDEN=1 rewrites the file)")


# ---------------------------------------------------------------------------------------------
# The checks.

def check_executive(path, source):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    mine = [s for s in wb.sheetnames if s != "Chart data"]
    check(mine == ["Summary", "By region", "Calculation"], f"executive sheets: {wb.sheetnames}")
    summary, calc = wb["Summary"], cached["Calculation"]
    values = cached["Summary"]
    check(summary["A2"].value == "Customer health", f"title: {summary['A2'].value!r}")
    # The theme's raster logo in A1, the brand name beside it.
    with zipfile.ZipFile(path) as parts:
        media = [n for n in parts.namelist() if n.startswith("xl/media/")]
        with open(os.path.join(source, "examples/customer-health/themes/acme-logo.png"), "rb") as logo:
            expected = logo.read()
        check(len(media) == 1 and parts.read(media[0]) == expected,
              f"the logo is not the one image of the workbook: {media}")
    check(summary["B1"].value == "Acme Analytics", f"brand: {summary['B1'].value!r}")
    check(summary["A3"].value == "Period: 2024-12  ·  Previous: 2024-11  ·  As of 2024-12-31", f"period: {summary['A3'].value!r}")

    head = find_row(summary, 1, "Metric")
    check(head is not None, "no KPI header row")
    if head is None:
        return wb, cached
    check([summary.cell(head, c).value for c in range(1, 9)] ==
          ["Metric", "Value", "Previous", "Change", "Change %", "Year ago", "YoY %", "Target"], "KPI header")
    labels = [summary.cell(head + i, 1).value for i in range(1, 5)]
    check(labels == ["Net Promoter Score", "CSAT", "FRT", "MRR"], f"KPI labels: {labels}")

    surveys = read_csv(source, "surveys.csv")
    december = [r for r in surveys if r["submitted_at"].startswith("2024-12")]
    november = [r for r in surveys if r["submitted_at"].startswith("2024-11")]
    n, p, d = nps_counts(december)
    pn, pp, pd = nps_counts(november)
    yn, yp, yd = nps_counts([r for r in surveys if r["submitted_at"].startswith("2023-12")])
    nps_year_ago = 100 * yp / yn - 100 * yd / yn
    nps_now, nps_before = 100 * p / n - 100 * d / n, 100 * pp / pn - 100 * pd / pn

    # NPS: =100*(promoters/responses)-100*(detractors/responses) over the Calculation sheet.
    row = head + 1
    formula = summary.cell(row, 2).value
    shape = r"=100\*\(R/R\)-100\*\(R/R\)".replace("R", CALC_REF)
    check(re.fullmatch(shape, formula or "") is not None, f"NPS formula: {formula}")
    refs = calc_refs(formula or "")
    read = [calc[f"{col}{r}"].value for col, r in refs]
    check(read == [p, n, d, n], f"NPS reads {read}, expected {[p, n, d, n]}")
    check(all(col == "C" for col, _ in refs), "NPS reads the current period's column")
    check(close(values.cell(row, 2).value, nps_now), f"NPS cached {values.cell(row, 2).value}, expected {nps_now}")
    previous = summary.cell(row, 3).value or ""
    check(previous == formula.replace("$C$", "$D$"), f"previous NPS formula: {previous}")
    read = [calc[f"{col}{r}"].value for col, r in calc_refs(previous)]
    check(read == [pp, pn, pd, pn], f"previous NPS reads {read}, expected {[pp, pn, pd, pn]}")
    check(close(values.cell(row, 3).value, nps_before), "previous NPS cached")
    check(summary.cell(row, 4).value == f"=B{row}-C{row}", f"change formula {summary.cell(row, 4).value}")
    check(close(values.cell(row, 4).value, nps_now - nps_before), "change cached")
    check(summary.cell(row, 5).value == f"=D{row}/ABS(C{row})", f"change % formula {summary.cell(row, 5).value}")
    check(close(values.cell(row, 5).value, (nps_now - nps_before) / nps_before), "change % cached")
    year_ago = summary.cell(row, 6).value or ""
    check(year_ago == formula.replace("$C$", "$E$"), f"year-ago NPS formula: {year_ago}")
    read = [calc[f"E{r}"].value for _, r in calc_refs(year_ago)]
    check(read == [yp, yn, yd, yn], f"year-ago NPS reads {read}, expected {[yp, yn, yd, yn]}")
    check(close(values.cell(row, 6).value, nps_year_ago), "year-ago NPS cached")
    check(summary.cell(row, 7).value == f"=(B{row}-F{row})/ABS(F{row})", f"YoY % formula {summary.cell(row, 7).value}")
    check(close(values.cell(row, 7).value, (nps_now - nps_year_ago) / abs(nps_year_ago)), "YoY % cached")
    check(values.cell(row, 8).value == 40, "NPS target")
    # NPS 34 is below its target 40: the value is red; it fell and higher is better: the change is red too.
    check(summary.cell(row, 2).font.color.rgb == "FFC62828", f"NPS colour {summary.cell(row, 2).font.color.rgb}")
    check(summary.cell(row, 4).font.color.rgb == "FFC62828", f"change colour {summary.cell(row, 4).font.color.rgb}")

    formats = [summary.cell(head + i, 2).number_format for i in range(1, 5)]
    check(formats == ["0", "0.0%", '0.0" min"', "$#,##0"], f"KPI formats: {formats}")
    check(summary.cell(row, 4).number_format == '"▲ "0;"▼ "0;"= "0', f"change format {summary.cell(row, 4).number_format}")
    check(summary.cell(row, 5).number_format == '"▲ "0.0%;"▼ "0.0%;"= "0.0%', "change % format")

    # MRR: accounts are a lifecycle source; at the end of December 2024 (the data's end) the active accounts'
    # MRR is the sum over status "active". The label's comment says how it is aggregated over time.
    accounts = read_csv(source, "accounts.csv")
    mrr = sum(float(a["mrr"]) for a in accounts if a["status"] == "active")
    mrr_row = head + 4
    check(close(values.cell(mrr_row, 2).value, mrr), f"MRR {values.cell(mrr_row, 2).value}, expected {mrr}")
    check(summary.cell(mrr_row, 2).value == "='Calculation'!$C$10", f"MRR formula {summary.cell(mrr_row, 2).value}")
    check(summary.cell(mrr_row, 3).value == "='Calculation'!$D$10", f"previous MRR formula {summary.cell(mrr_row, 3).value}")
    comment = summary.cell(mrr_row, 1).comment
    check(comment is not None and comment.text.startswith("at period end"), "MRR's comment says how it is aggregated")

    names = {dn.name: dn.attr_text for dn in wb.defined_names.definedName}
    for i, metric in enumerate(["NPS", "CSAT", "FRT", "MRR"]):
        check(names.get(metric) == f"'Summary'!$B${head + 1 + i}", f"defined name {metric}: {names.get(metric)}")

    # The table sheet: the APAC row over all the data.
    table, table_values = wb["By region"], cached["By region"]
    check(table.freeze_panes == "B3", f"freeze panes {table.freeze_panes}")
    check([table.cell(2, c).value for c in range(1, 5)] == ["region", "NPS", "CSAT", "FRT"], "table header")
    regions = sorted({r["region"] for r in surveys} | {"North America"})
    check(table.auto_filter.ref == f"A2:D{2 + len(regions)}", f"autofilter {table.auto_filter.ref}")
    apac = find_row(table, 1, "APAC")
    check(apac == 3, f"APAC row {apac}")
    n, p, d = nps_counts([r for r in surveys if r["region"] == "APAC"])
    formula = table.cell(apac, 2).value or ""
    refs = re.findall(r"([A-Z]+)(\d+)", formula)
    check(all(int(r) == apac for _, r in refs), f"APAC NPS reads its own row: {formula}")
    read = [table_values[f"{c}{r}"].value for c, r in refs]
    check(read == [p, n, d, n], f"APAC NPS reads {read}, expected {[p, n, d, n]}")
    check(close(table_values.cell(apac, 2).value, 100 * p / n - 100 * d / n), "APAC NPS cached")
    csat = [r for r in surveys if r["region"] == "APAC"]
    share = sum(1 for r in csat if r["csat"] != "" and float(r["csat"]) >= 4) / len(csat)
    check(close(table_values.cell(apac, 3).value, share), f"APAC CSAT {table_values.cell(apac, 3).value}, expected {share}")
    check([table.cell(apac, c).number_format for c in (2, 3, 4)] == ["0", "0.0%", '0.0" min"'], "table formats")
    # Base aggregate columns: grouped and collapsed.
    first_base = openpyxl.utils.get_column_letter(5)
    check(table.column_dimensions[first_base].hidden and table.column_dimensions[first_base].outlineLevel == 1,
          "base aggregate columns are a collapsed group")
    rules = rules_by_range(table)
    last = 2 + len(regions)
    check(rules.get(f"B3:B{last}") == [("cellIs", ["40"], "greaterThanOrEqual"), ("cellIs", ["40"], "lessThan")],
          f"NPS traffic light: {rules.get(f'B3:B{last}')}")
    check([r[0] for r in rules.get(f"C3:C{last}", [])] == ["colorScale"], "CSAT colour scale")
    check([r[0] for r in rules.get(f"D3:D{last}", [])] == ["colorScale"], "FRT colour scale")

    # Print setup and document properties.
    check(table.page_setup.orientation == "landscape", "landscape")
    check(table.sheet_properties.pageSetUpPr.fitToPage, "fit to page")
    check(table.page_setup.fitToWidth in (1, None) and table.page_setup.fitToHeight == 0, "one page wide")
    check(table.print_title_rows == "$2:$2", f"repeated header row {table.print_title_rows}")
    check("Acme Analytics" in (table.oddHeader.left.text or ""), "brand in the page header")
    props = wb.properties
    check(props.title == "Customer health", f"title {props.title}")
    check(props.creator == "Acme Analytics", f"author {props.creator}")
    check(props.created == datetime.datetime(2024, 12, 31), f"created {props.created}")
    check("NPS" in (props.keywords or ""), f"keywords {props.keywords}")
    return wb, cached


def check_manager(path, source):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    mine = [s for s in wb.sheetnames if s != "Chart data"]
    check(mine == ["Summary", "By region, manager"], f"manager sheets: {wb.sheetnames}")
    check("Calculation" not in wb.sheetnames, "no KPI tiles, no calculation sheet")
    table, values = wb["By region, manager"], cached["By region, manager"]
    check(table.freeze_panes == "C3", f"freeze panes {table.freeze_panes}")
    check([table.cell(2, c).value for c in range(1, 8)] == ["region", "manager", "NPS", "CSAT", "FRT", "FCR", "responses"],
          "manager header")
    surveys = read_csv(source, "surveys.csv")
    first = (table.cell(3, 1).value, table.cell(3, 2).value)
    rows = [r for r in surveys if (r["region"], r["account_manager"]) == first]
    check(values.cell(3, 7).value == len(rows), f"responses of {first}: {values.cell(3, 7).value}, expected {len(rows)}")
    check(re.fullmatch(r"=[A-Z]+3", table.cell(3, 7).value or "") is not None, f"responses formula {table.cell(3, 7).value}")
    summary = wb["Summary"]
    link = find_row(summary, 1, "Table: By region, manager  →")
    check(link is not None and summary.cell(link, 1).hyperlink is not None and
          summary.cell(link, 1).hyperlink.location == "'By region, manager'!$A$1", "summary links to the table sheet")
    return wb, cached


def check_analyst(path, source):
    wb = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    mine = [s for s in wb.sheetnames if s != "Chart data"]
    check(mine[:2] == ["Summary", "By month, tier"], f"analyst sheets: {wb.sheetnames}")
    table = wb["By month, tier"]
    check(table.cell(3, 1).value == "2023-01" and table.cell(3, 1).data_type == "s", f"month label {table.cell(3, 1).value!r}")
    return wb, cached


TABLES = {"executive": ["By region"], "manager": ["By region, manager"], "analyst": ["By month, tier"]}


def main():
    folio, source = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix="folio-xlsx-check-")
    try:
        out = os.path.join(work, "out")
        subprocess.run([folio, "render", os.path.join(source, "examples/customer-health/report.folio"),
                        "--format", "xlsx", "--out", out], check=True)
        check(sorted(os.listdir(out)) == ["analyst.xlsx", "executive.xlsx", "manager.xlsx"], f"files: {os.listdir(out)}")
        for report, checker in (("executive", check_executive), ("manager", check_manager), ("analyst", check_analyst)):
            wb, cached = checker(os.path.join(out, report + ".xlsx"), source)
            sheets = [s for s in ["Summary"] + TABLES[report] + ["Calculation"] if s in wb.sheetnames]
            compare_golden(source, report, dump(wb, cached, sheets))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in FAILURES:
        print("FAILED: " + f)
    print(f"xlsx_check: {len(FAILURES)} problem(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
