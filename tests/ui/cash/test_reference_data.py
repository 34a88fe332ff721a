"""Reference data on screen: an administrator edits the responsibility matrix (the rules
of one R and at most one A hold, and inboxes follow it) and the price list; everyone
else reads them."""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.queries import products as product_queries
from app.services import products, responsibilities
from tests.ui.cash.conftest import check_model
from tests.ui.conftest import settle


def raci_page(ws, qtbot):
    from ui.raci.page import ResponsibilitiesPage

    page = ResponsibilitiesPage(ws)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.start()
    return page


def cell(page, step: str, role: str):
    row = next(i for i, r in enumerate(page.model.rows) if r["step"] == step)
    return page.model.index(row, page.model.column_of(role))


def matrix(store) -> dict:
    with store.unit() as uow:
        return responsibilities.matrix(uow)


def test_an_admin_edits_the_matrix_and_a_step_without_one_responsible_role_is_refused(store, workspace_as, qtbot,
                                                                                      qtmodeltester):
    admin = workspace_as("admin")
    page = raci_page(admin, qtbot)
    assert page.model.text(1, "step") == "Order acceptance" and page.model.text(1, "target") == "24 h"
    check_model(qtmodeltester, page.model)
    # Two Rs on one step: refused, nothing stored.
    assert page.model.setData(cell(page, "order_acceptance", "manager"), "R", Qt.ItemDataRole.EditRole)
    assert page.save_button.isEnabled()
    page.save_button.click()
    settle(qtbot, admin)
    assert "exactly one Responsible" in page.message.text()
    assert matrix(store)["order_acceptance"]["manager"] == "A"
    # Hand the step to managers: finance becomes Consulted.
    page.model.setData(cell(page, "order_acceptance", "finance"), "C", Qt.ItemDataRole.EditRole)
    with qtbot.waitSignal(page.sig_loaded, timeout=10000):
        page.save_button.click()
    settle(qtbot, admin)
    assert matrix(store)["order_acceptance"] == {"rep": "C", "manager": "R", "finance": "C", "admin": "I"}
    assert "Saved" in page.message.text() and not page.save_button.isEnabled()
    with store.unit() as uow:
        assert responsibilities.responsible_role(uow, "order_acceptance") == "manager"


def test_the_matrix_is_read_only_for_everyone_else(store, workspace_as, qtbot):
    manager = workspace_as("manager")
    page = raci_page(manager, qtbot)
    index = cell(page, "quote_approval", "rep")
    assert not page.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not page.model.setData(index, "R", Qt.ItemDataRole.EditRole)
    assert page.save_button.isHidden() and "Only an administrator" in page.message.text()


def test_an_admin_adds_a_product_with_its_vat_rate_and_a_rep_only_reads_the_price_list(store, workspace_as, qtbot):
    from ui.products.page import ProductsPage

    admin = workspace_as("admin")
    page = ProductsPage(admin)
    qtbot.addWidget(page)
    page.show()
    page.start()
    settle(qtbot, admin)
    dialog = page.new_product()
    qtbot.addWidget(dialog)
    dialog.widgets["code"].setText("SRV-INST")
    dialog.widgets["name"].setText("安装调试服务")
    dialog.widgets["unit_price_minor"].setText("1,999.99")
    dialog.widgets["tax_rate"].setText("6")
    with qtbot.waitSignal(dialog.sig_saved, timeout=10000):
        dialog.save()
    settle(qtbot, admin)
    with store.unit() as uow:
        [product] = products.list_products(uow)
    assert (product["unit_price_minor"], product["tax_rate_bp"], product["currency"]) == (199_999, 600, "CNY")
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1, timeout=10000)
    settle(qtbot, admin)
    columns = [c.key for c in product_queries.LIST.columns]
    assert page.list.model.data(page.list.model.index(0, columns.index("tax_rate"))) == "6%"
    assert page.list.model.data(page.list.model.index(0, columns.index("price"))) == "¥1,999.99"

    bad = page.new_product()
    qtbot.addWidget(bad)
    bad.widgets["name"].setText("错误税率")
    bad.widgets["unit_price_minor"].setText("10")
    bad.widgets["tax_rate"].setText("130")
    bad.save()
    settle(qtbot, admin)
    assert bad.errors["tax_rate"].isVisible() and bad.isVisible()

    rep = workspace_as("rep")
    rep_page = ProductsPage(rep)
    qtbot.addWidget(rep_page)
    labels = [rep_page.actions_bar.itemAt(i).widget().text() for i in range(rep_page.actions_bar.count())
              if rep_page.actions_bar.itemAt(i).widget()]
    assert "New product" not in labels and "Delete" not in labels
