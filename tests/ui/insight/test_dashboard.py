"""The Reports page: every chart shows what app.reports computes, filters start from the
role's defaults and recompute, a bar opens the list of the records it counted, and each
metric's definition is on hover."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.reports import METRICS, ReportFilter, compute_store, definitions
from app.reports.drill import record_ids
from app.rules.states import OPEN_STAGES
from app.store import Actor
from tests.conftest import as_role
from tests.ui.conftest import settle


def open_page(ws, qtbot):
    from ui.reports.page import ReportsPage

    page = ReportsPage(ws)
    qtbot.addWidget(page)
    page.resize(1300, 900)
    page.show()
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        page.start()
    settle(qtbot, ws)
    return page


def engine(store, f: ReportFilter) -> dict:
    return compute_store(store, f)["metrics"]


def money(minor) -> float:
    return minor / 100


def same(drawn: list[list[float]], expected: list[list[float]]) -> bool:
    """Each series drawn holds the expected values (to the cent)."""
    return len(drawn) == len(expected) and all(a == pytest.approx(b) for a, b in zip(drawn, expected))


def measure(card, code: str) -> None:
    card.measure.setCurrentIndex(card.measure.findData(code))


def test_every_chart_shows_the_figures_app_reports_computes(store, book, ws, qtbot):
    page = open_page(ws, qtbot)
    assert page.filter == ReportFilter()  # an admin starts on everything, all time
    m = engine(store, page.filter)
    cards = page.cards
    assert set(cards) == set(METRICS)

    funnel = cards["pipeline_funnel"]
    measure(funnel, "count")
    assert funnel.bar_values() == [[1, 0, 2, 1, 2, 1]]  # worked out by hand (conftest)
    assert funnel.bar_values() == [[r["count"] for r in m["pipeline_funnel"]["rows"]]]
    measure(funnel, "amount")
    assert funnel.bar_values()[0] == pytest.approx([500, 0, 3000, 3000, 2000, 400])
    assert "¥6,500.00" in funnel.headline.text() and "4" in funnel.headline.text()

    forecast = cards["weighted_forecast"]
    rows = m["weighted_forecast"]["rows"]
    assert forecast.data.categories == ["2026-12", "2027-01"] == [r["month"] for r in rows]
    assert same(forecast.bar_values(), [[money(r["amount_minor"]) for r in rows],
                                        [money(r["weighted_minor"]) for r in rows]])
    assert forecast.bar_values()[0] == [3000, 3500]  # d1 + d3 in December, d2 + d4 in January

    win = cards["win_rate"]
    assert same(win.bar_values(), [[r["win_rate_count"] * 100 for r in m["win_rate"]["by"]["month"]],
                                   [r["win_rate_value"] * 100 for r in m["win_rate"]["by"]["month"]]])
    measure(win, "rep")
    assert win.data.categories == ["Ann", "Bob"]
    assert win.bar_values()[0] == pytest.approx([100.0, 0.0])  # Ann won 2 of 2, Bob 0 of 1
    assert "66.7%" in win.headline.text()  # 2 won of 3 closed

    aging = cards["stage_aging"]
    cells = {(r["stage"], r["age_days"]): r["count"] for r in m["stage_aging"]["rows"]}
    from app.reports.facts import AGE_LABELS

    assert aging.bar_values() == [[cells[(st, label)] for st in OPEN_STAGES] for label in AGE_LABELS]
    assert sum(map(sum, aging.bar_values())) == 4

    stuck = cards["stuck_deals"]
    assert stuck.bar_values() == [[r["count"] for r in m["stuck_deals"]["rows"]]]
    cycle = cards["sales_cycle"]
    assert cycle.bar_values() == [[r["average_days"] for r in m["sales_cycle"]["rows"]]]
    coverage = cards["pipeline_coverage"]
    assert same(coverage.bar_values(), [[money(r[k]) for r in m["pipeline_coverage"]["rows"]]
                                        for k in ("quota_minor", "won_minor", "open_minor")])
    leads = cards["lead_conversion"]
    assert leads.bar_values() == [[0], [1], [1]]  # two website leads: one disqualified, one open
    assert leads.bar_values() == [[r[k] for r in m["lead_conversion"]["rows"]]
                                  for k in ("converted", "disqualified", "open")]
    receivables = cards["receivables_aging"]
    assert receivables.bar_values()[0] == pytest.approx([money(r["amount_minor"])
                                                         for r in m["receivables_aging"]["rows"]])
    assert sum(receivables.bar_values()[0]) == pytest.approx(1300.0)
    dso = cards["dso"]
    assert dso.bar_values()[0] == pytest.approx([money(m["dso"]["sales_minor"]), money(m["dso"]["receivables_minor"])])
    q2c = cards["quote_to_cash"]
    assert q2c.bar_values() == [[r["average_days"] or 0 for r in m["quote_to_cash"]["rows"]]]
    # The table beside each chart holds the engine's rows.
    for key, card in cards.items():
        if key != "win_rate":
            assert card.table_model.rowCount() == len(m[key]["rows"]), key


def test_each_metric_shows_its_definition_on_hover(store, ws, qtbot):
    from ui.reports import metric_text

    page = open_page(ws, qtbot)
    for key, text in definitions().items():
        assert metric_text.TEXTS[key] == (text["title"], text["definition"])  # the same words as the engine
        assert text["definition"] in page.cards[key].title.toolTip()
        assert page.cards[key].title.text().startswith(text["title"])


def test_a_rep_starts_on_their_own_deals_and_finance_on_receivables(store, book, qtbot):
    from ui.workspace import Workspace

    store.set_actor(Actor(book["bob"], "bob", "rep", "Bob"))
    ws = Workspace(store)
    page = open_page(ws, qtbot)
    assert page.filter.rep == book["bob"]
    assert page.filters.rep.currentData() == book["bob"]
    funnel = page.cards["pipeline_funnel"]
    measure(funnel, "count")
    assert funnel.bar_values() == [[0, 0, 1, 1, 0, 1]]  # Bob's d3, d4 and lost d6
    assert list(page.cards)[0] == "pipeline_funnel"
    ws.ops.wait()

    as_role(store, "finance")
    finance = Workspace(store)
    page = open_page(finance, qtbot)
    assert list(page.cards)[:2] == ["receivables_aging", "dso"]
    assert page.filter == ReportFilter()
    finance.ops.wait()


def test_choosing_a_rep_in_the_filter_recomputes_every_chart(store, book, ws, qtbot):
    page = open_page(ws, qtbot)
    qtbot.waitUntil(lambda: page.filters.rep.findData(book["ann"]) >= 0)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        page.filters.rep.setCurrentIndex(page.filters.rep.findData(book["ann"]))
    assert page.filter.rep == book["ann"]
    funnel = page.cards["pipeline_funnel"]
    measure(funnel, "count")
    assert funnel.bar_values() == [[1, 0, 1, 0, 2, 0]]
    assert sum(page.cards["receivables_aging"].bar_values()[0]) == pytest.approx(1000.0)  # Ann's customer's


def test_clicking_a_bar_opens_the_list_of_the_deals_it_counted(store, book, ws, qtbot, qtmodeltester):
    page = open_page(ws, qtbot)
    funnel = page.cards["pipeline_funnel"]
    proposal = OPEN_STAGES.index("proposal")
    with qtbot.waitSignal(page.drill.sig_loaded, timeout=10000):
        funnel.click_bar(0, proposal)
    assert page.stack.currentWidget() is page.drill
    listed = page.drill.list.model
    assert listed.rowCount() == 2
    qtmodeltester.check(listed, force_py=True)
    settle(qtbot, ws)
    assert sorted(listed.record_id(i) for i in range(2)) == sorted([book["d1"], book["d3"]])
    assert "Proposal" in page.drill.title.text() and "2 deal" in page.drill.title.text()
    with qtbot.waitSignal(page.sig_open) as opened:
        page.drill.list.sig_open.emit(book["d1"])
    assert opened.args == ["deal", book["d1"]]
    page.drill.back_button.click()
    assert page.stack.currentWidget() is page.board


def test_a_bar_under_a_rep_filter_lists_only_that_reps_records(store, book, ws, qtbot):
    page = open_page(ws, qtbot)
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        page.load(ReportFilter(rep=book["bob"]))
    win = page.cards["win_rate"]
    month = win.data.categories.index("2026-10")
    with qtbot.waitSignal(page.drill.sig_loaded, timeout=10000):
        win.click_bar(0, month)
    # October closed d5 (Ann, won) and d6 (Bob, lost): Bob's bar is d6 alone.
    assert [page.drill.list.model.record_id(i) for i in range(page.drill.list.model.rowCount())] == [book["d6"]]
    page.drill.back_button.click()
    receivables = page.cards["receivables_aging"]
    bucket = next(i for i, v in enumerate(receivables.data.series[0].values) if v)
    with qtbot.waitSignal(page.drill.sig_loaded, timeout=10000):
        receivables.click_bar(0, bucket)
    assert page.drill.entity == "invoice"
    assert page.drill.ids == [book["i_bob"]]
    with store.read() as s:
        assert page.drill.ids == record_ids(s, receivables.data.drill(0, bucket), dictionary=store.dictionary())


def test_a_chart_exports_as_png_and_its_data_as_csv_and_xlsx(store, book, ws, qtbot, tmp_path):
    import csv

    from openpyxl import load_workbook
    from PySide6.QtGui import QImage

    page = open_page(ws, qtbot)
    card = page.cards["pipeline_funnel"]
    png = tmp_path / "funnel.png"
    assert card.export_png(str(png))
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 200 and image.height() > 150
    for name in ("funnel.csv", "funnel.xlsx"):
        with qtbot.waitSignal(card.sig_exported, timeout=10000):
            card.export_data(str(tmp_path / name))
    with open(tmp_path / "funnel.csv", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["stage", "count", "amount (CNY)"]
    assert rows[3] == ["proposal", "2", "3000.0"]
    sheet = load_workbook(tmp_path / "funnel.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["stage", "count", "amount (CNY)"]
    assert values[1:] == [["prospecting", 1, 500], ["qualification", 0, 0], ["proposal", 2, 3000],
                          ["negotiation", 1, 3000], ["won", 2, 2000], ["lost", 1, 400]]
    # A chart seen another way exports what it shows: the win rate by rep.
    win = page.cards["win_rate"]
    measure(win, "rep")
    with qtbot.waitSignal(win.sig_exported, timeout=10000):
        win.export_data(str(tmp_path / "win.xlsx"))
    sheet = load_workbook(tmp_path / "win.xlsx").active
    assert [c.value for c in next(sheet.iter_rows())][0] == "rep"
    assert sorted(r[0].value for r in list(sheet.iter_rows())[1:]) == ["Ann", "Bob"]


def test_a_change_elsewhere_recomputes_the_charts_shown(store, book, ws, qtbot):
    from app.services import deals

    page = open_page(ws, qtbot)
    funnel = page.cards["pipeline_funnel"]
    measure(funnel, "count")
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        ws.ops.service(deals.move_stage, book["d2"], "qualification")
    measure(funnel, "count")
    assert funnel.bar_values() == [[0, 1, 2, 1, 2, 1]]


def test_the_card_tables_pass_the_model_tester(store, book, ws, qtbot, qtmodeltester):
    page = open_page(ws, qtbot)
    for card in page.cards.values():
        qtmodeltester.check(card.table_model, force_py=True)
    card = page.cards["pipeline_funnel"]
    card.table_button.click()
    assert card.table.isVisible() and not card.view.isVisible()
    assert card.table_model.data(card.table_model.index(2, 0)) == "Proposal"
    assert card.table_model.data(card.table_model.index(2, 2)) == "¥3,000.00"


@pytest.mark.parametrize("role", ["rep", "finance"])
def test_only_managers_and_admins_are_offered_the_quota_editor(store, ws, qtbot, role):
    from ui.reports.page import ReportsPage
    from ui.workspace import Workspace

    as_role(store, role)
    page = ReportsPage(Workspace(store))
    qtbot.addWidget(page)
    assert page.quota_button.isHidden()
    as_role(store, "manager")
    assert not ReportsPage(Workspace(store)).quota_button.isHidden()


def test_a_manager_sets_quotas_in_the_grid_and_coverage_uses_them(store, book, qtbot, qtmodeltester):
    from app import clock
    from app.services.quotas import quota_id
    from ui.workspace import Workspace

    store.set_actor(Actor(book["mia"], "mia", "manager", "Mia"))
    ws = Workspace(store)
    page = open_page(ws, qtbot)
    assert page.filter.team == "East"  # Mia's team
    dialog = page.edit_quotas()
    settle(qtbot, ws)
    model = dialog.model
    qtmodeltester.check(model, force_py=True)
    names = [p["name"] for p in model.people]
    assert names == ["Ann", "Bob", "Mia"]
    month = clock.today().isoformat()[:7]
    column = model.months.index(month)
    assert model.setData(model.index(0, column), "1,500.00", Qt.ItemDataRole.EditRole)
    assert not model.setData(model.index(1, column), "not money", Qt.ItemDataRole.EditRole)
    assert model.data(model.index(0, column)) == "¥1,500.00"
    with qtbot.waitSignal(page.sig_loaded, timeout=20000):
        dialog.save()
    with store.read() as s:
        from app.models import Quota

        quota = s.get(Quota, quota_id(book["ann"], month))
        assert (quota.amount_minor, quota.period) == (150_000, month)
    coverage = page.cards["pipeline_coverage"]
    rows = {r["rep"]: r for r in coverage.data.rows}
    assert rows["Ann"]["quota_minor"] == 150_000
    ws.ops.wait()
