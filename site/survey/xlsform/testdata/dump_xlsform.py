#!/usr/bin/python3
"""Dump an XLSForm workbook as JSON, read with openpyxl (not excelize, which
wrote it), for xlsform_test.go to check against the XLSForm rules.

Usage: dump_xlsform.py FILE.xlsx

Prints {"sheets": [names in order], "cells": {sheet: [[{"v": value,
"t": openpyxl's data type}, ...], ...]}}. A value is the cell's text as
stored (a formula would come back as its text with type "f"); an empty
cell is {"v": null, "t": "n"}.
"""
import json
import sys

import openpyxl


def main():
    wb = openpyxl.load_workbook(sys.argv[1], read_only=False, data_only=False)
    out = {"sheets": wb.sheetnames, "cells": {}}
    for ws in wb.worksheets:
        rows = []
        for r in ws.iter_rows():
            rows.append([{"v": None if c.value is None else str(c.value), "t": c.data_type} for c in r])
        out["cells"][ws.title] = rows
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
