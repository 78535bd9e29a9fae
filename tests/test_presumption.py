"""Presumption: the stage of a project named in a year with no cue, by default and by a trained model."""

from __future__ import annotations

from kg import presumption
from kg.model import Entity, EntityType, Mention, Mode, Stage
from kg.presumption import presume
from kg.structure.clauses import sentence_around


def _project(text: str, name: str, mode: str = "review", stage: str | None = None, last: bool = False) -> Mention:
    start = text.rindex(name) if last else text.index(name)
    return Mention(start, start + len(name), name, EntityType.PROJECT, sentence_around(text, start), 0, 2023,
                   Mode(mode), Stage(stage) if stage else None, "竣工" if stage else None)


def test_a_project_named_in_a_year_without_any_cue_is_presumed_under_way():
    text = "重点项目有青湖大桥、松林小学。让我们携手建设青湖大桥。松林小学竣工。"
    bridge, rhetoric = _project(text, "青湖大桥"), _project(text, "青湖大桥", last=True)
    school, school_done = _project(text, "松林小学"), _project(text, "松林小学", stage="completed", last=True)
    undated = _project(text, "松林小学", mode="other")
    presume(text, [Entity("青湖大桥", EntityType.PROJECT, mentions=[bridge, rhetoric]),
                   Entity("松林小学", EntityType.PROJECT, mentions=[school, school_done, undated])])
    assert (bridge.stage, bridge.presumed) == ("under_way", True)
    assert rhetoric.stage is None  # a call to the audience is no work under way
    assert school.stage is None and not school_done.presumed  # the year has a cue (竣工): nothing presumed
    assert undated.stage is None


# Invented news of ground-breaking days: the projects listed in the sentence after the news name no
# step of their own. Labelled started, they teach that what surrounds such a list is a start.
STARTED = ["{d}举行集中开工仪式。参加的有{a}、{b}。", "{d}全面开工。现场包括{a}、{b}。"]
PLANNED = ["{d}召开项目谋划会。会上听取了{a}、{b}。", "{d}开展前期规划。讨论了{a}、{b}。"]
NAMES = [("青湖大桥", "松林小学"), ("白石公园", "云杉水厂"), ("柳岸广场", "枫林泵站")]


def _rows(templates: list[str], stage: str) -> list[tuple[dict[str, float], str]]:
    rows = []
    for template in templates:
        for a, b in NAMES:
            text = template.format(d="甲镇", a=a, b=b)
            rows += [(presumption.features(text, _project(text, n), n), stage) for n in (a, b)]
    return rows


def test_a_trained_presumption_follows_what_surrounds_the_mentions():
    model = presumption.train(_rows(STARTED, "started") + _rows(PLANNED, "planned"))
    assert model is not None and set(model.classes) == {"started", "planned"}
    for template, want in (("乙镇举行集中开工仪式。参加的有丹霞书院、石梁码头。", "started"),
                           ("乙镇召开项目谋划会。会上听取了丹霞书院、石梁码头。", "planned")):
        text = template
        college, quay = _project(text, "丹霞书院"), _project(text, "石梁码头")
        presume(text, [Entity("丹霞书院", EntityType.PROJECT, mentions=[college]),
                       Entity("石梁码头", EntityType.PROJECT, mentions=[quay])], model)
        assert (college.stage, quay.stage) == (want, want), template
        assert college.presumed and quay.presumed  # still no cue: presumed, not read
    assert presumption.train(_rows(STARTED, "started")) is None  # one stage teaches nothing to choose


def test_features_describe_the_surroundings_never_the_whole_name():
    text = "甲镇举行集中开工仪式。参加的有青湖大桥、松林小学。"
    f = presumption.features(text, _project(text, "青湖大桥"), "青湖大桥")
    assert not any("青湖大桥" in k for k in f)
    assert {"tail=大桥", "before=started", "doc=started", "mode=review"} <= set(f)
