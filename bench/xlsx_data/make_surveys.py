#!/usr/bin/python3
"""make_surveys.py N OUT.csv: the analyst report's surveys data at N rows.

Repeats the rows of examples/customer-health/data/surveys.csv (the example's sample
data, 20,578 rows over 2023-2024) in order until there are N, giving each a fresh
response_id (R0000001, R0000002, ...); every other column keeps the example's values,
so the file has the example's types, text lengths, empty cells and quoted comments.
The output is the same on every run. Written to OUT.csv.tmp and renamed when complete.
"""
import csv
import os
import sys


def main():
    if len(sys.argv) != 3 or not sys.argv[1].isdigit():
        sys.exit("usage: make_surveys.py N OUT.csv")
    rows = int(sys.argv[1])
    out_path = sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    source = os.path.join(here, "..", "..", "examples", "customer-health", "data", "surveys.csv")
    with open(source, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        sample = list(reader)
    if header[0] != "response_id" or not sample:
        sys.exit("error: %s does not start with response_id or has no rows" % source)
    tmp = out_path + ".tmp"
    with open(tmp, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for i in range(rows):
            row = list(sample[i % len(sample)])
            row[0] = "R%07d" % (i + 1)
            writer.writerow(row)
    os.replace(tmp, out_path)


if __name__ == "__main__":
    main()
