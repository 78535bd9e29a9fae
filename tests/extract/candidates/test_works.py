"""Works no suffix walk finds whole: named by their output, a line with its section."""

from __future__ import annotations

from proposals import proposed


def test_works_named_by_their_output_are_proposed_with_and_without_the_firm():
    got = proposed("引进投资1亿元青川饲料有限公司年产30万吨饲料扩建项目，"
                   "华昌2万千瓦风电、宁能100万千瓦风光同场等项目顺利推进。建成年产5万吨的生产线。"
                   "推进青岩建材年产20万方装配式构件项目。")
    capacity = {n for n, s in got.items() if "capacity" in s}
    assert {"青川饲料有限公司年产30万吨饲料扩建项目", "年产30万吨饲料扩建项目"} <= capacity
    assert "年产20万方装配式构件项目" in capacity  # 方: cubic metres as reports write them
    assert {"华昌2万千瓦风电", "宁能100万千瓦风光同场"} <= capacity
    assert not any(n.startswith(("投资", "建成")) or "等" in n or "的" in n for n in capacity), capacity


def test_a_line_s_section_or_part_is_proposed_with_the_line_s_name():
    got = proposed("加快青河高铁白沙段建设，完成滨江大道东延工程，青石铁路北湖站投用，推进石门路。")
    assert {"青河高铁白沙段", "滨江大道东延", "青石铁路北湖站"} <= got.keys()
    assert "segment" in got["青河高铁白沙段"] and "青河高铁" in got  # the line alone stays a reading
    assert not any(name.startswith("石门路") and name != "石门路" for name in got)  # nothing follows it
