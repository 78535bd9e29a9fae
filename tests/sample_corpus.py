"""A small hand-made corpus (two invented reports), shared by the tests of kg.rdf, kg.serve and kg.builds."""

from __future__ import annotations

from kg.model import Corpus, DocResult, Document, Entity, Mention, Place, Quantity, Relation, Section
from kg.rdf import bundled_queries, run_query

TEXT_A = ("2022年工作总结。青禾街道推进绿洲路改造工程施工，星河科技公司参与建设。"
          "2023年工作计划。绿洲路改造工程力争竣工，启动春雨行动。新增就业岗位300个。")
TEXT_B = "2024年工作总结。绿洲路段改造工程仍在施工，云山区青禾街道配合推进。上年新增就业岗位280个。"

DISTRICT, COUNTY = "district-440399001", "district-440399"
PROJECT, ORG, PROGRAM = "project-a1b2c3d4e5f6", "organization-0f1e2d3c4b5a", "program-99aa88bb77cc"


def _mention(text: str, word: str, nth: int = 0, *, section: int | None = None, **kw) -> Mention:
    """The nth occurrence of word in text, with the sentence (up to 。) around it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    sent_start = text.rfind("。", 0, start) + 1
    sent_end = text.index("。", start) + 1
    return Mention(start, start + len(word), word, kw.pop("type", "Project"), (sent_start, sent_end),
                   section, **kw)


def _doc(doc_id: str, text: str, title: str) -> Document:
    return Document(id=doc_id, path=f"reports/{doc_id}.txt", text=text, sha256=doc_id * 4, title=title)


def make_corpus() -> Corpus:
    """Two reports naming one project for 2022, 2023 (a plan to complete it) and 2024 (still
    under way: it slipped), with an organization, a program and a district hierarchy."""
    plan_at = TEXT_A.index("2023年工作计划")
    town = Place("青禾街道", "town", "440399001", ["云山区", "海城市"])
    # report A: a review of 2022 and a plan for 2023
    p1 = _mention(TEXT_A, "绿洲路改造工程", section=0, year=2022, mode="review", stage="under_way",
                  stage_cue="施工")
    p2 = _mention(TEXT_A, "绿洲路改造工程", 1, section=1, year=2023, mode="plan", stage="completed",
                  stage_cue="力争竣工")
    org = _mention(TEXT_A, "星河科技公司", section=0, year=2022, mode="review", type="Organization")
    prog = _mention(TEXT_A, "春雨行动", section=1, year=2023, mode="plan", type="Program")
    town_a = _mention(TEXT_A, "青禾街道", section=0, year=2022, mode="review", type="District")
    a = DocResult(
        doc=_doc("a-2022", TEXT_A, "青禾街道2022年工作总结暨2023年工作计划"),
        sections=[Section("2022年工作总结", 0, plan_at, 2022, "review"),
                  Section("2023年工作计划", plan_at, len(TEXT_A), 2023, "plan")],
        district=town, district_id=DISTRICT,
        entities=[
            Entity("青禾街道", "District", ["青禾"], [town_a], DISTRICT, place=town),
            Entity("绿洲路改造工程", "Project", [], [p1, p2], PROJECT, district=DISTRICT),
            Entity("星河科技公司", "Organization", ["星河科技"], [org], ORG, district=DISTRICT),
            Entity("春雨行动", "Program", [], [prog], PROGRAM, district=DISTRICT),
        ],
        relations=[
            Relation(ORG, "participatesIn", PROJECT, "a-2022", [org, p1]),
            Relation(PROJECT, "locatedIn", DISTRICT, "a-2022", [p1]),
            Relation(PROGRAM, "runBy", DISTRICT, "a-2022", [prog]),
        ],
    )
    a.quantities = [_quantity(TEXT_A, "新增就业岗位300个", 300, 2023, "target", 1)]
    # report B: a review of 2024 that spells the project differently
    p3 = _mention(TEXT_B, "绿洲路段改造工程", section=0, year=2024, mode="review", stage="under_way",
                  stage_cue="仍在施工")
    county = _mention(TEXT_B, "云山区", section=0, year=2024, mode="review", type="District")
    town_b = _mention(TEXT_B, "青禾街道", section=0, year=2024, mode="review", type="District")
    b = DocResult(
        doc=_doc("b-2024", TEXT_B, ""),
        sections=[Section("2024年工作总结", 0, len(TEXT_B), 2024, "review")],
        district=town, district_id=DISTRICT,
        entities=[
            Entity("绿洲路段改造工程", "Project", [], [p3], PROJECT, district=DISTRICT),
            Entity("云山区", "District", [], [county], COUNTY,
                   place=Place("云山区", "county", "440399", ["海城市"])),
            Entity("青禾街道", "District", [], [town_b], DISTRICT, place=town),
        ],
        relations=[
            Relation(DISTRICT, "partOf", COUNTY, "b-2024", [town_b]),
            Relation(PROJECT, "cooccurs", COUNTY, "b-2024", [p3, county]),
        ],
    )
    b.quantities = [_quantity(TEXT_B, "新增就业岗位280个", 280, 2023, "result", 0)]  # last year's, missed
    return Corpus(results=[a, b])


def _quantity(text: str, words: str, value: float, year: int, mode: str, section: int) -> Quantity:
    start = text.index(words)
    return Quantity("新增就业岗位", value, "个", "count", "=", start, start + len(words), year, mode,
                    subject="青禾街道", section=section)


def select(store, name: str, **params: str) -> list[dict]:
    """The rows of a bundled query as {variable: value}."""
    result = run_query(store, bundled_queries()[name][1], params=params)
    return [dict(zip(result.vars, row, strict=True)) for row in result.rows]
