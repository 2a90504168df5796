"""Places resolve through the administrative-division gazetteer, at every level."""

from __future__ import annotations

import pytest
from zhenggai.notice.places import resolve_place

CASES = [  # unit, level, province, city, county, adcode
    ("中国文联", "central", "", "", "", ""),
    ("中国作家协会", "central", "", "", "", ""),
    ("甘肃省文联", "province", "甘肃省", "", "", "620000"),
    ("广西壮族自治区文联", "province", "广西壮族自治区", "", "", "450000"),
    ("上海市文学艺术界联合会", "province", "上海市", "", "", "310000"),
    ("湘潭市文联", "prefecture", "湖南省", "湘潭市", "", "430300"),
    ("喀什地区文联", "prefecture", "新疆维吾尔自治区", "喀什地区", "", "653100"),
    ("锡林郭勒盟文联", "prefecture", "内蒙古自治区", "锡林郭勒盟", "", "152500"),
    ("恩施州文联", "prefecture", "湖北省", "恩施土家族苗族自治州", "", "422800"),
    ("苏州文联", "prefecture", "江苏省", "苏州市", "", "320500"),
    ("江阴市文联", "county", "江苏省", "无锡市", "江阴市", "320281"),
    ("恩施市文联", "county", "湖北省", "恩施土家族苗族自治州", "恩施市", "422801"),
    ("南京市鼓楼区文联", "county", "江苏省", "南京市", "鼓楼区", "320106"),
    ("北京市朝阳区文联", "county", "北京市", "", "朝阳区", "110105"),
    ("阿拉善左旗文联", "county", "内蒙古自治区", "阿拉善盟", "阿拉善左旗", "152921"),
    ("仙桃市文联", "county", "湖北省", "", "仙桃市", "429004"),
]


@pytest.mark.parametrize(("unit", "level", "province", "city", "county", "adcode"), CASES)
def test_units_resolve(unit, level, province, city, county, adcode):
    place = resolve_place(unit)
    assert (place.admin_level, place.province, place.city, place.county, place.adcode) == (
        level, province, city, county, adcode)


def test_an_ambiguous_county_name_is_flagged():
    place = resolve_place("鼓楼区文联")
    assert place.admin_level == "county"
    assert "names 4 places" in place.notes[0]


def test_a_unit_without_a_place_says_so():
    assert resolve_place("市文联").notes == ("no place name in the unit's name",)
    assert resolve_place("火星文联").admin_level == ""


# (unit named by a division that no longer exists, the successor it resolves to)
FORMER_DIVISIONS = [
    ("临安市文联", "临安区", "330112"),
    ("梁平县文联", "梁平区", "500155"),
    ("杭州市江干区文联", "", "330100"),  # merged away: its prefecture, said so in the note
]


@pytest.mark.parametrize(("unit", "county", "adcode"), FORMER_DIVISIONS)
def test_a_former_division_resolves_to_its_successor_with_a_note(unit, county, adcode):
    place = resolve_place(unit)
    assert (place.county, place.adcode) == (county, adcode)
    assert "former division" in place.notes[0]


def test_divisions_created_since_2017_resolve():
    assert resolve_place("临平区文联").adcode == "330113"
    assert resolve_place("胡杨河市文联").county == "胡杨河市"
