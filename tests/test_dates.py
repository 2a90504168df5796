"""Date forms of the genre, and year inference."""

from __future__ import annotations

import datetime as dt

import pytest
from zhenggai.text.clean import normalise_line
from zhenggai.text.dates import PartialDate, find_dates


@pytest.mark.parametrize(("text", "first", "second"), [
    ("2019年3月4日至4月26日", (2019, 3, 4), (None, 4, 26)),
    ("2022年8月19日至2022年11月15市委", (2022, 8, 19), (2022, 11, 15)),
    ("二〇二一年三月十五日", (2021, 3, 15), None),
    ("二○二一年十二月三十一日", (2021, 12, 31), None),
    ("2023.5.6", (2023, 5, 6), None),
    ("2023-05-06", (2023, 5, 6), None),
    ("2023/5/6", (2023, 5, 6), None),
    ("2017-7-24", (2017, 7, 24), None),
    ("2021年4月7日到6月4日", (2021, 4, 7), (None, 6, 4)),
    ("7月10日——14日", (None, 7, 10), (None, 7, 14)),
    ("2023年3月1日–4月30日", (2023, 3, 1), (None, 4, 30)),
    ("2023.4.6—2023.6.2", (2023, 4, 6), (2023, 6, 2)),
])
def test_date_forms(text, first, second):
    found = find_dates(normalise_line(text))
    assert len(found) == 1
    got = found[0]
    assert (got.first.year, got.first.month, got.first.day) == first
    assert (None if got.second is None else
            (got.second.year, got.second.month, got.second.day)) == second


@pytest.mark.parametrize("text", ["２０２３年３月１日～４月３０日", "2023年3月1日－4月30日",
                                  "2023年3月1日~4月30日"])
def test_full_width_and_other_range_marks(text):
    found = find_dates(normalise_line(text))
    assert [(e.first.month, e.first.day, e.second.month, e.second.day) for e in found] == [
        (3, 1, 4, 30)]


def test_month_alone_is_not_a_day():
    (found,) = find_dates("6月前，已完成")
    assert found.first.day is None
    assert found.first.resolve(dt.date(2017, 1, 1)) == (None, False)


def test_year_inference_rolls_over_to_the_next_year():
    assert PartialDate(None, 1, 10).resolve(dt.date(2021, 12, 31)) == (dt.date(2022, 1, 10), True)
    assert PartialDate(None, 5, 3).resolve(dt.date(2017, 4, 10)) == (dt.date(2017, 5, 3), True)
    assert PartialDate(2019, 2, 30).resolve(None) == (None, False)  # no such day
