"""Language and locale: the catalogues load for Chinese (by the system locale or the
setting), Qt's own dialogs are translated too, and numbers, money and dates follow the
active locale."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from ui import formatting, i18n


@pytest.fixture
def settings(tmp_path, qapp):
    QCoreApplication.setOrganizationName("LTC Desk Tests")
    QCoreApplication.setApplicationName("LTC Desk Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    i18n.install(qapp, i18n.ENGLISH)
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def in_locale():
    """Make a locale the default for one test."""
    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))
    yield use
    QLocale.setDefault(QLocale.system())


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def test_chinese_setting_loads_our_catalogue_and_qts_own(settings, qapp):
    i18n.set_chosen_language(i18n.CHINESE)
    locale = i18n.install(qapp)
    assert locale.language() == QLocale.Language.Chinese and QLocale().name() == "zh_CN"
    assert tr("MainWindow", "Customers") == "客户"
    assert tr("Menus", "&Help") != "&Help"
    # Qt's own strings (standard buttons of every dialog) come from qtbase_zh_CN.qm.
    assert tr("QPlatformTheme", "Cancel") == "取消"


def test_english_setting_on_any_system_shows_the_source_strings(settings, qapp):
    i18n.install(qapp, i18n.CHINESE)
    locale = i18n.install(qapp, i18n.ENGLISH)
    assert locale.language() == QLocale.Language.English
    assert tr("MainWindow", "Customers") == "Customers"
    assert tr("QPlatformTheme", "Cancel") == "Cancel"


def test_the_system_choice_follows_the_system_locale():
    chinese_system = QLocale("zh_CN")
    assert i18n.is_chinese(i18n.locale_for(i18n.SYSTEM, chinese_system))
    assert i18n.locale_for(i18n.SYSTEM, QLocale("en_GB")).name() == "en_GB"
    # English chosen on a Chinese system: American English; on a British one, British.
    assert i18n.locale_for(i18n.ENGLISH, chinese_system).name() == "en_US"
    assert i18n.locale_for(i18n.ENGLISH, QLocale("en_GB")).name() == "en_GB"
    # Any Chinese (Taiwan, Hong Kong) gets the Simplified catalogue rather than English.
    assert i18n.is_chinese(i18n.locale_for(i18n.SYSTEM, QLocale("zh_TW")))


def test_an_unknown_setting_counts_as_system(settings):
    QSettings().setValue(i18n.LANGUAGE_KEY, "klingon")
    assert i18n.chosen_language() == i18n.SYSTEM
    with pytest.raises(ValueError):
        i18n.set_chosen_language("klingon")


@pytest.mark.parametrize("name, expected", [
    ("zh_CN", "¥1,234,567.89"), ("en_US", "¥1,234,567.89"), ("de_DE", "¥1.234.567,89"), ("C", "¥1,234,567.89"),
])
def test_money_uses_the_locales_separators(in_locale, name, expected):
    in_locale(name)
    assert formatting.money(123456789, "CNY") == expected
    assert formatting.money(-5, "CNY").startswith("-¥0")
    assert formatting.money(1500, "JPY") == "JP¥" + ("1.500" if name == "de_DE" else "1,500")


@pytest.mark.parametrize("name, typed", [("zh_CN", "¥1,234.56"), ("en_US", "1234.56"), ("de_DE", "1.234,56")])
def test_amounts_are_read_back_in_the_locales_separators(in_locale, name, typed):
    in_locale(name)
    assert formatting.parse_money(typed, "CNY") == 123456
    assert formatting.parse_money(formatting.money(98765, "CNY"), "CNY") == 98765


@pytest.mark.parametrize("name, expected", [
    ("zh_CN", "2026/11/7"), ("en_US", "11/7/2026"), ("en_GB", "07/11/2026"), ("de_DE", "07.11.2026"),
    ("C", "2026-11-07"),
])
def test_dates_use_the_locales_short_format_with_the_full_year(in_locale, name, expected):
    in_locale(name)
    assert formatting.date("2026-11-07") == expected
    assert formatting.date("not a date") == "not a date"
    assert formatting.date(None) == ""


def test_timestamps_show_in_local_time_in_the_locales_format(in_locale):
    stamp = "2026-11-07T06:30:00Z"
    local = dt.datetime(2026, 11, 7, 6, 30, tzinfo=dt.timezone.utc).astimezone()
    in_locale("zh_CN")
    assert formatting.local_datetime(stamp) == f"{local:%Y}/{local.month}/{local.day} {local:%H:%M}"
    in_locale("C")
    assert formatting.local_datetime(stamp) == f"{local:%Y-%m-%d %H:%M}"
    in_locale("de_DE")
    # What an editor reads back stays in one unambiguous form whatever the locale.
    assert formatting.local_datetime_input(stamp) == f"{local:%Y-%m-%d %H:%M}"


def test_stage_and_status_names_are_translated_in_chinese(settings, qapp):
    i18n.install(qapp, i18n.CHINESE)
    assert formatting.stage("won") == "赢单"
    assert formatting.status("active") != "Active"
    assert formatting.label("Name") == "名称"
    i18n.install(qapp, i18n.ENGLISH)
    assert formatting.stage("won") == "Won"
