"""Reading import files: encodings, formats, and every way a file can be broken."""
from __future__ import annotations

import csv
import zipfile

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.imports import FileProblem, ImportSource, run_import
from app.imports.readers import read_table
from app.models import Customer, ImportRun, OutboxMutation

HEADER = "name,phone,industry,notes\n"
ROWS = ["华为技术有限公司,0755-28780808,technology,深圳\n", "阿里巴巴（中国）有限公司,0571-85022088,retail,杭州\n"]


def count(store, model) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(model.__table__))


def names(store) -> list[str]:
    with store.read() as s:
        return sorted(s.scalars(select(Customer.name)))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_chinese_csv_in_each_encoding_excel_writes_is_detected_and_imported(store, tmp_path, encoding):
    path = tmp_path / "customers.csv"
    text = HEADER + "".join(ROWS)
    if encoding == "utf-16":
        text = text.replace(",", "\t")  # Excel's "Unicode text": UTF-16 with a mark, tab-separated
    path.write_bytes(text.encode(encoding))
    table = read_table(path)
    assert table.columns == ["name", "phone", "industry", "notes"]
    assert table.rows[0][0] == "华为技术有限公司"
    result = run_import(store, ImportSource.for_file("customer", path))
    assert result.status == "committed", result.message
    assert names(store) == sorted(["华为技术有限公司", "阿里巴巴（中国）有限公司"])


def test_a_chosen_encoding_overrides_detection_and_a_wrong_one_names_the_line(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes((HEADER + "".join(ROWS)).encode("gbk"))
    assert read_table(path).encoding == "gb18030"
    assert read_table(path, encoding="GBK").rows[1][0] == "阿里巴巴（中国）有限公司"
    with pytest.raises(FileProblem, match="line 2 is not valid UTF-8"):
        read_table(path, encoding="utf-8")
    with pytest.raises(FileProblem, match="unknown encoding"):
        read_table(path, encoding="klingon")


def test_semicolon_files_and_xlsx_sheets_read_like_csv(tmp_path):
    path = tmp_path / "semi.csv"
    path.write_text("name;phone\nA公司;13800138000\n", encoding="utf-8")
    assert read_table(path).rows == [["A公司", "13800138000"]]
    book = Workbook()
    ws = book.active
    ws.title = "客户"
    ws.append(["name", "credit_limit", "since"])
    import datetime as dt
    ws.append(["B公司", 1234.5, dt.datetime(2017, 3, 1)])
    ws.append([None, None, None])
    ws.append(["C公司", 100, dt.datetime(2017, 3, 1, 9, 30)])
    xlsx = tmp_path / "book.xlsx"
    book.save(xlsx)
    table = read_table(xlsx)
    assert (table.format, table.sheet) == ("xlsx", "客户")
    assert table.rows == [["B公司", "1234.5", "2017-03-01"], ["C公司", "100", "2017-03-01T09:30:00"]]
    assert table.lines == [2, 4]


@pytest.mark.parametrize("content, problem", [
    (b"name,notes\nA,\"never closed\n", "a quoted cell is never closed"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    (b"name\n" + b"x" * 200_000 + b"\n", "longer than 131,072 characters"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "old Excel .xls"),
    (b"", "is empty"),
    (b"name,phone,name\nA,1,B\n", "appears twice"),
])
def test_unreadable_files_are_refused_whole_with_a_clear_reason(store, tmp_path, content, problem):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(FileProblem, match=problem):
        run_import(store, ImportSource.for_file("customer", path, _mapping()))
    assert count(store, Customer) == 0 and count(store, OutboxMutation) == 0
    with store.read() as s:
        run = s.execute(select(ImportRun.__table__)).mappings().one()
    assert run["status"] == "failed" and problem.split()[0] in run["message"]


def test_a_truncated_xlsx_is_refused_and_nothing_is_written(store, tmp_path):
    book = Workbook()
    book.active.append(["name"])
    book.active.append(["甲公司"])
    whole = tmp_path / "whole.xlsx"
    book.save(whole)
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(FileProblem, match="not a readable XLSX"):
        run_import(store, ImportSource.for_file("customer", cut, _mapping()))
    assert count(store, Customer) == 0


def test_a_file_cut_off_mid_row_rejects_that_row_and_all_or_nothing_writes_nothing(store, tmp_path):
    path = tmp_path / "cut.csv"
    path.write_text("name,phone,industry\n甲公司,13800138000,retail\n乙公司,1390", encoding="utf-8")
    result = run_import(store, ImportSource.for_file("customer", path))
    assert result.status == "failed" and "nothing was imported" in result.message
    assert count(store, Customer) == 0
    rejected = list(csv.DictReader((result.rejected_dir and open(f"{result.rejected_dir}/cut-rejected.csv",
                                                                  encoding="utf-8-sig"))))
    assert [(r["name"], r["line"]) for r in rejected] == [("乙公司", "3")]
    assert "only 2 of the header's 3 cells" in rejected[0]["reason"]


def test_formula_cells_are_imported_as_text_and_escaped_again_on_export(store, tmp_path):
    from app.exports.records import export_records

    path = tmp_path / "evil.csv"
    path.write_text("name,notes\n\"=cmd|' /C calc'!A0\",@SUM(1+1)\n", encoding="utf-8")
    assert run_import(store, ImportSource.for_file("customer", path)).status == "committed"
    assert names(store) == ["=cmd|' /C calc'!A0"]
    out = tmp_path / "out.csv"
    with store.read() as s:
        export_records(s, "customer", out, fields=["name", "notes"])
    assert list(csv.reader(open(out, encoding="utf-8-sig"))) == [
        ["name", "notes"], ["'=cmd|' /C calc'!A0", "'@SUM(1+1)"]]


def test_a_huge_cell_inside_the_csv_limit_is_a_row_error_not_a_crash(store, tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("name,notes\n" + "长" * 300 + ",ok\n正常公司,ok\n", encoding="utf-8")
    result = run_import(store, ImportSource.for_file("customer", path), mode="valid_rows")
    assert result.status == "committed"
    assert names(store) == ["正常公司"]
    assert result.steps[0]["plan"]["reject"] == 1


def test_an_xlsx_with_a_csv_name_is_read_as_xlsx(tmp_path):
    book = Workbook()
    book.active.append(["name"])
    book.active.append(["丙公司"])
    path = tmp_path / "really.csv"
    book.save(path)
    assert zipfile.is_zipfile(path)
    assert read_table(path).rows == [["丙公司"]]


def _mapping():
    from app.imports.mapping import parse_mapping

    return parse_mapping({"entity": "customer", "fields": {"name": "name"}})
