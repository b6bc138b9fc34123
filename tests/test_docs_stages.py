"""docs/stages.md is generated from the transition table and kept current."""

from __future__ import annotations

from pathlib import Path

from portal.cases.diagram import ANY_ACTIVE, mermaid, stages_page
from portal.cases.states import ACTIVE_STAGES, Stage
from portal.cases.transitions import TRANSITIONS
from portal.complaints.diagram import mermaid as complaint_mermaid
from portal.complaints.transitions import TRANSITIONS as COMPLAINT_TRANSITIONS

PAGE = Path(__file__).resolve().parents[1] / "docs" / "stages.md"


def test_the_stage_page_matches_the_transition_table() -> None:
    assert PAGE.read_text(encoding="utf-8") == stages_page(), (
        "docs/stages.md is stale: run `./run docs` and commit it"
    )


def test_every_stage_change_of_the_table_is_an_edge_and_nothing_else_is() -> None:
    edges = {
        tuple(line.strip().split(": ")[0].split(" --> "))
        for line in mermaid().splitlines()
        if " --> " in line and "[*]" not in line
    }
    expected = {
        (ANY_ACTIVE if t.sources == ACTIVE_STAGES else source.value, target.value)
        for t in TRANSITIONS
        for source in t.sources
        for target in t.targets
    }
    assert edges == expected
    reached = {target for _, target in edges} | {Stage.REFERRED.value}
    assert reached == {s.value for s in Stage}


def test_every_action_has_a_row_and_a_summary() -> None:
    page = stages_page()
    for t in TRANSITIONS:
        assert f"| `{t.action.value}` |" in page
        assert f"- `{t.action.value}`: {t.summary}" in page
        assert t.summary


def test_the_complaint_table_is_on_the_page_row_by_row_and_edge_by_edge() -> None:
    page = stages_page()
    drawn = complaint_mermaid()
    edges = {
        tuple(line.strip().split(": ")[0].split(" --> "))
        for line in drawn.splitlines()
        if " --> " in line and not line.strip().endswith("[*]")
    }
    expected = {
        (source.value if t.sources else "[*]", t.target.value)
        for t in COMPLAINT_TRANSITIONS
        if t.target is not None
        for source in (t.sources or [None])
        if source is not t.target
    }
    assert page.count(drawn) == 1
    assert edges == expected
    for t in COMPLAINT_TRANSITIONS:
        assert f"| `{t.action.value}` |" in page
        assert f"- `{t.action.value}`: {t.summary}" in page
