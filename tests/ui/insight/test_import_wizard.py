"""The import wizard: a GBK CSV through mapping (columns, values, the match key, a saved
mapping), the preview with a per-row error, a dry run and a valid-rows commit; the Maven
folder with its decisions answered; cancel leaves nothing; the log reopens."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.imports import log
from app.models import Customer, Deal, ImportRun, Product
from app.services import customers as customer_services
from tests.ui.conftest import settle

ROOT = Path(__file__).resolve().parents[3]
MAVEN = ROOT / "resources" / "demo" / "maven-crm"
MAVEN_SET = ROOT / "resources" / "mappings" / "maven-crm" / "set.json"
GBK_ROWS = [("客户名称", "电话", "行业", "备注"),
            ("华为技术有限公司", "0755-28780808", "科技", "深圳"),
            ("阿里巴巴（中国）有限公司", "0571-85022088", "零售", "杭州"),
            ("号码错误公司", "12345", "科技", "电话不对"),
            ("已有客户有限公司", "021-61234567", "零售", "更新电话")]


def count(store, model) -> int:
    """Live records of `model`."""
    table = model.__table__
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(table).where(table.c.deleted_at.is_(None)))


@pytest.fixture
def gbk_file(tmp_path) -> Path:
    path = tmp_path / "客户.csv"
    path.write_bytes("\r\n".join(",".join(row) for row in GBK_ROWS).encode("gbk") + b"\r\n")
    return path


def wizard_for(ws, qtbot):
    from ui.imports.wizard import ImportWizard

    wizard = ImportWizard(ws)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def wait_idle(qtbot, wizard, ws):
    settle(qtbot, ws)
    qtbot.waitUntil(lambda: not wizard.runner.busy, timeout=30000)
    settle(qtbot, ws)


def map_column(page, field: str, column: str) -> None:
    model = page.model
    assert model.setData(model.index(model.fields.index(field), 1), column, Qt.ItemDataRole.EditRole)


def test_a_gbk_csv_goes_through_mapping_preview_dry_run_and_a_valid_rows_import(store, ws, qtbot, gbk_file,
                                                                                  qtmodeltester):
    existing = store.run(customer_services.create_customer, {"name": "已有客户有限公司"})
    wizard = wizard_for(ws, qtbot)
    source = wizard.source_page
    source.set_file(gbk_file, entity="customer")
    qtbot.waitUntil(source.isComplete)
    assert "GBK" in source.info.text() and "4 row" in source.info.text()
    assert source.preview.row(0)["客户名称"] == "华为技术有限公司"
    qtmodeltester.check(source.preview, force_py=True)
    # Forcing the wrong encoding says which line does not decode; detection brings it back.
    source.encoding.setCurrentIndex(source.encoding.findData("utf-8"))
    qtbot.waitUntil(lambda: bool(source.problem))
    assert "not valid UTF-8" in source.info.text() and not source.isComplete()
    source.encoding.setCurrentIndex(source.encoding.findData("gb18030"))
    qtbot.waitUntil(source.isComplete)

    wizard.next()
    mapping = wizard.mapping_page
    assert wizard.currentPage() is mapping
    assert not mapping.isComplete()  # no column is named like a field: the user maps them
    qtmodeltester.check(mapping.model, force_py=True)
    for field, column in (("name", "客户名称"), ("phone", "电话"), ("industry", "行业"), ("notes", "备注")):
        map_column(mapping, field, column)
    assert mapping.isComplete()
    dialog = mapping.edit_values("industry")
    assert sorted(dialog.combos) == ["科技", "零售"]
    dialog.choose("科技", "technology")
    dialog.choose("零售", "retail")
    dialog.accept()
    assert mapping.model.rules["industry"].values == {"科技": "technology", "零售": "retail"}
    mapping.match.setCurrentIndex(mapping.match.findData("name"))
    saved = mapping.save_mapping("我的客户表")
    assert saved.is_file() and json.loads(saved.read_text(encoding="utf-8"))["match"] == "name"

    wizard.next()
    check = wizard.check_page
    wait_idle(qtbot, wizard, ws)
    assert check.isComplete(), check.summary.text()
    counts = check.plan.steps[0].counts()
    assert (counts["create"], counts["update"], counts["reject"]) == (2, 1, 1)
    check.only_problems.setChecked(True)
    qtmodeltester.check(check.preview, force_py=True)
    [bad] = check.preview.rows
    assert bad["line"] == 4 and bad["action"] == "reject" and "phone" in bad["reason"]
    assert check.preview.data(check.preview.index(0, 1)) == "rejected"

    wizard.next()
    run = wizard.run_page
    run.start(dry_run=True)
    wait_idle(qtbot, wizard, ws)
    assert run.result.status == "dry_run" and not run.isComplete()
    assert count(store, Customer) == 1
    run.valid_rows.setChecked(True)
    run.start(dry_run=False)
    wait_idle(qtbot, wizard, ws)
    assert run.result.status == "committed", run.outcome.text()
    assert run.isComplete()
    with store.read() as s:
        rows = {r.name: r for r in s.execute(select(Customer.name, Customer.phone, Customer.industry))}
    assert set(rows) == {"华为技术有限公司", "阿里巴巴（中国）有限公司", "已有客户有限公司"}
    assert rows["华为技术有限公司"].industry == "technology" and rows["已有客户有限公司"].phone == "+862161234567"
    assert count(store, Customer) == 3  # matched by name: updated, not duplicated
    rejected = Path(run.result.rejected_dir) / f"{gbk_file.stem}-rejected.csv"
    with open(rejected, encoding="utf-8-sig") as f:
        [row] = list(csv.DictReader(f))
    assert row["客户名称"] == "号码错误公司" and "phone" in row["reason"]
    assert "号码错误公司" not in rows and existing["id"]


def test_a_saved_mapping_is_offered_again_for_the_same_kind_of_file(store, ws, qtbot, gbk_file):
    from app.imports import mapping as mappings
    from app.imports.mapping import FieldRule, Mapping

    mappings.save(store.profile_dir, "客户表", Mapping("customer", {"name": FieldRule("name", column="客户名称"),
                                                                  "phone": FieldRule("phone", column="电话")},
                                                     match="name"))
    wizard = wizard_for(ws, qtbot)
    wizard.source_page.set_file(gbk_file, entity="customer")
    qtbot.waitUntil(wizard.source_page.isComplete)
    wizard.next()
    page = wizard.mapping_page
    assert page.saved.findText("客户表") > 0
    page.saved.setCurrentIndex(page.saved.findText("客户表"))
    page.use_saved(page.saved.currentData())
    assert page.model.rules["name"].column == "客户名称" and page.model.match_field == "name"
    assert page.match.currentData() == "name" and page.isComplete()


@pytest.fixture
def maven_folder(tmp_path) -> Path:
    """The Maven set with the pipeline cut to its first 120 opportunities (every defect kept)."""
    folder = tmp_path / "maven"
    shutil.copytree(MAVEN, folder)
    lines = (MAVEN / "sales_pipeline.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "sales_pipeline.csv").write_text("".join(lines[:121]), encoding="utf-8")
    return folder


def test_the_maven_folder_puts_its_defects_to_the_user_and_imports_with_the_answers(store, ws, qtbot, maven_folder,
                                                                                      qtmodeltester):
    wizard = wizard_for(ws, qtbot)
    source = wizard.source_page
    source.set_folder(maven_folder, MAVEN_SET)
    qtbot.waitUntil(source.isComplete)
    wizard.next()
    assert [r["name"] for r in wizard.mapping_page.steps.rows] == ["products", "managers", "agents", "accounts",
                                                                    "opportunities"]
    qtmodeltester.check(wizard.mapping_page.steps, force_py=True)
    wizard.next()
    check = wizard.check_page
    wait_idle(qtbot, wizard, ws)
    decisions = check.decisions
    kinds = sorted(r.decision.kind for r in decisions.rows)
    assert kinds == ["missing_reference", "missing_value", "unknown_reference", "unknown_value"]
    assert not check.isComplete() and "need an answer" in check.summary.text()
    wizard.next()
    assert wizard.currentPage() is check  # nothing goes on while a question is open
    typo = decisions.row("technolgy")
    assert "technolgy" in typo.question.text() and typo.value.currentData() == "technology"  # the suggestion
    typo.answer_with("map", "technology")
    decisions.row("gtxpro").answer_with("map", "GTX Pro")
    decisions.row("customer_id/missing_reference").answer_with("placeholder", "(未关联客户 / No account)")
    decisions.row("lost_reason").answer_with("set", "other")
    check.apply_answers()
    wait_idle(qtbot, wizard, ws)
    assert check.isComplete(), check.summary.text()
    planned = {sp.step.name: sp.counts() for sp in check.plan.steps}
    wizard.next()
    run = wizard.run_page
    run.start(dry_run=False)
    wait_idle(qtbot, wizard, ws)
    assert run.result.status == "committed", run.outcome.text()
    assert count(store, Deal) == planned["opportunities"]["create"] == 120
    assert count(store, Product) == 7
    with store.read() as s:
        placeholder = s.scalar(select(func.count()).select_from(Customer.__table__).where(
            Customer.name == "(未关联客户 / No account)"))
        lost_reasons = set(s.scalars(select(Deal.lost_reason).where(Deal.stage == "lost")))
    assert placeholder == 1 and lost_reasons == {"other"}


def test_cancelling_an_all_or_nothing_import_leaves_nothing_imported(store, ws, qtbot, tmp_path):
    path = tmp_path / "many.csv"
    # Names unlike each other (near-identical names would be put to the user as duplicates).
    names = [hashlib.sha1(str(i).encode()).hexdigest()[:10] + " Trading" for i in range(300)]
    path.write_text("name,phone\n" + "".join(f"{name},\n" for name in names), encoding="utf-8")
    wizard = wizard_for(ws, qtbot)
    wizard.source_page.set_file(path, entity="customer")
    qtbot.waitUntil(wizard.source_page.isComplete)
    wizard.next()
    wizard.next()
    wait_idle(qtbot, wizard, ws)
    assert wizard.check_page.isComplete(), wizard.check_page.summary.text()
    wizard.next()
    run = wizard.run_page
    # The user presses Cancel as soon as the first rows are written (in the worker's own
    # thread, so the cancel lands mid-write whatever the machine's speed).
    wizard.runner.sig_progress.connect(lambda phase, done, total: phase == "writing" and wizard.runner.cancel(),
                                       Qt.ConnectionType.DirectConnection)
    run.start(dry_run=False)
    wait_idle(qtbot, wizard, ws)
    assert run.result.status == "cancelled" and not run.isComplete()
    assert count(store, Customer) == 0
    assert log.runs(store)[0]["status"] == "cancelled"


def test_all_or_nothing_with_a_bad_row_imports_nothing(store, ws, qtbot, gbk_file):
    wizard = wizard_for(ws, qtbot)
    wizard.source_page.set_file(gbk_file, entity="customer")
    qtbot.waitUntil(wizard.source_page.isComplete)
    wizard.next()
    for field, column in (("name", "客户名称"), ("phone", "电话")):
        map_column(wizard.mapping_page, field, column)
    wizard.next()
    wait_idle(qtbot, wizard, ws)
    wizard.next()
    wizard.run_page.start(dry_run=False)
    wait_idle(qtbot, wizard, ws)
    assert wizard.run_page.result.status == "failed" and "nothing was imported" in wizard.run_page.outcome.text()
    assert count(store, Customer) == 0


def test_the_import_log_reopens_a_run_with_its_counts_answers_and_rejected_rows(store, ws, qtbot, gbk_file,
                                                                                 qtmodeltester):
    from app.imports import ImportSource, run_import
    from app.imports.mapping import FieldRule, Mapping
    from ui.imports.log_dialog import ImportLogDialog

    mapping = Mapping("customer", {"name": FieldRule("name", column="客户名称"),
                                   "phone": FieldRule("phone", column="电话")})
    run_import(store, ImportSource.for_file("customer", gbk_file, mapping), mode="valid_rows")
    dialog = ImportLogDialog(ws)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.detail is not None)
    qtmodeltester.check(dialog.runs, force_py=True)
    assert dialog.runs.data(dialog.runs.index(0, 1)) == gbk_file.name
    assert dialog.runs.data(dialog.runs.index(0, 4)) == "imported"
    text = dialog.text.toPlainText()
    assert "4 rows — 4 created, 0 updated, 1 rejected" not in text  # the bad phone is not created
    assert "3 created" in text and "1 rejected" in text
    assert dialog.rejected_button.isEnabled()
    assert Path(dialog.detail["rejected_path"]).is_dir()


def test_the_file_menu_opens_the_wizard_and_the_log(store, ws, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(ws)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert texts[:3] == ["&Import…", "Import &log…", "&Export this list"]
    window.interchange_actions["import"].trigger()
    from ui.imports.wizard import ImportWizard

    wizard = window.findChild(ImportWizard)
    assert wizard is not None and wizard.isVisible()
    wizard.reject()
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(ImportRun.__table__)) == 0
    settle(qtbot, ws)


def test_an_xlsx_sheet_of_contacts_finds_their_customers_by_name(store, ws, qtbot, tmp_path):
    from openpyxl import Workbook

    from app.models import Contact

    customer = store.run(customer_services.create_customer, {"name": "深圳市腾达科技有限公司"})
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["这一页不是数据"])
    sheet = book.create_sheet("联系人")
    sheet.append(["name", "customer", "phone"])
    sheet.append(["李雷", "深圳市腾达科技有限公司", "13800138000"])
    sheet.append(["韩梅梅", "深圳市腾达科技有限公司", "13900139000"])
    path = tmp_path / "contacts.xlsx"
    book.save(path)
    wizard = wizard_for(ws, qtbot)
    source = wizard.source_page
    source.set_file(path, entity="contact")
    qtbot.waitUntil(source.isComplete)
    assert [source.sheet.itemText(i) for i in range(source.sheet.count())] == ["说明", "联系人"]
    assert not source.encoding.isEnabled()  # a workbook has no text encoding to choose
    source.sheet.setCurrentIndex(1)
    source.sheet.activated.emit(1)
    qtbot.waitUntil(lambda: source.table is not None and source.table.sheet == "联系人")
    wizard.next()
    page = wizard.mapping_page
    assert page.model.rules["name"].column == "name"  # named like the field: chosen already
    map_column(page, "customer_id", "customer")
    wizard.next()
    wait_idle(qtbot, wizard, ws)
    assert wizard.check_page.plan.steps[0].counts()["create"] == 2, wizard.check_page.summary.text()
    wizard.next()
    wizard.run_page.start(dry_run=False)
    wait_idle(qtbot, wizard, ws)
    assert wizard.run_page.result.status == "committed"
    with store.read() as s:
        assert sorted(s.execute(select(Contact.name, Contact.customer_id)).all()) == sorted(
            [("李雷", customer["id"]), ("韩梅梅", customer["id"])])
