"""大写金额 on tricky values: zeros inside, jiao and fen alone, large round sums, credit notes."""
from __future__ import annotations

import pytest

from app.rules.amount_words import amount_in_words


@pytest.mark.parametrize(("minor", "words"), [
    (1_234_567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
    (100_500, "壹仟零伍元整"),            # 1,005.00: zeros inside read as one 零
    (10, "壹角整"),                        # 10 fen
    (5, "伍分"),                           # 0.05: no 元, nothing after 分
    (10_000_000_000, "壹亿元整"),          # 100,000,000.00
    (1_000, "壹拾元整"),                   # 拾 always carries its digit
    (0, "零元整"),
    (100_505, "壹仟零伍元零伍分"),         # a 零 between 元 and a lone 分
    (100_050, "壹仟元伍角整"),
    (10_000_100, "壹拾万零壹元整"),        # zeros across the 万 boundary
    (100_001_000, "壹佰万零壹拾元整"),
    (1_001_000_000, "壹仟零壹万元整"),
    (10_010_000_000, "壹亿零壹拾万元整"),  # a gap below the 亿
    (11_000_000_000, "壹亿壹仟万元整"),
    (100_010_000_000_000, "壹万零壹亿元整"),
    (-250_000, "负贰仟伍佰元整"),          # a credit note
])
def test_amounts_are_written_in_financial_capitals(minor, words):
    assert amount_in_words(minor) == words


@pytest.mark.parametrize("bad", [1.5, "100", True, 10**18 * 100])
def test_anything_but_a_whole_number_of_fen_in_range_is_refused(bad):
    with pytest.raises(ValueError):
        amount_in_words(bad)
