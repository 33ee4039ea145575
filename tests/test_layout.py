"""Rendering options and a layout that stays put: ids, ranks, focus, hidden kinds."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import argmap
from argmap.cli import main
from argmap.diagram import DrawOptions, to_digraph
from argmap.exceptions import OptionError, OptionWarning
from argmap.model import ArgumentMap, Unit
from argmap.render import render
from argmap.view import select
from exporters import SEED, with_undercut

TEXT = """Fees Must Fall

Fees must fall. First, they deter students. Second, they burden families.

Of course, cutting fees costs money. But the state can pay, because it saves on welfare. \
However, critics disagree. In fact, many quit.

Taken together, fees must fall.
"""


@pytest.fixture(scope="module")
def seed() -> tuple[ArgumentMap, str]:
    return argmap.analyze(SEED), SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def fees() -> ArgumentMap:
    return argmap.analyze(TEXT)


def _dot(m: ArgumentMap, **options: object) -> str:
    data = render(m, "dot", source=TEXT, **options)  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    return data.decode("utf-8")


# ------------------------------------------------------------------ options


@pytest.mark.parametrize(("rankdir", "graphviz_rankdir"),
                         [("TB", "BT"), ("BT", "TB"), ("LR", "RL"), ("RL", "LR"),
                          ("lr", "RL")])
def test_rankdir_names_where_the_thesis_sits(fees: ArgumentMap, rankdir: str,
                                             graphviz_rankdir: str) -> None:
    assert f"rankdir={graphviz_rankdir}" in _dot(fees, rankdir=rankdir)


def test_the_default_rankdir_puts_the_thesis_on_top(fees: ArgumentMap) -> None:
    assert "rankdir=BT" in _dot(fees)  # edges run up from reasons to the thesis


def test_wrap_sets_the_label_line_length(fees: ArgumentMap) -> None:
    long = argmap.analyze("Tuition fees at public universities must fall for everyone now. "
                          "They deter many students from poor families.")
    for width in (12, 30):
        labels = re.findall(r'label="([^"]*)"', _dot(long, wrap=width, legend=False))
        lines = [ln for lab in labels for ln in lab.split("\\n") if lab]
        assert lines and max(len(ln) for ln in lines) <= width


def test_mono_palette_uses_only_greys(fees: ArgumentMap) -> None:
    dot = _dot(fees, palette="mono")
    colours = set(re.findall(r"#([0-9a-fA-F]{6})\b", dot))
    assert colours
    assert all(c[0:2] == c[2:4] == c[4:6] for c in colours), colours
    colour = set(re.findall(r"#([0-9a-fA-F]{6})\b", _dot(fees)))
    assert any(not (c[0:2] == c[2:4] == c[4:6]) for c in colour)


def test_no_clusters_and_no_legend(fees: ArgumentMap, seed: tuple[ArgumentMap, str]) -> None:
    m, text = seed
    with_all = render(m, "dot", source=text).decode("utf-8")  # type: ignore[union-attr]
    assert re.search(r'subgraph "?cluster_', with_all) and "legend" in with_all
    bare = render(m, "dot", source=text, clusters=False, legend=False)
    assert isinstance(bare, bytes)
    assert not re.search(r'subgraph "?cluster_', bare.decode())
    assert "legend" not in bare.decode()


def _legend_rows(dot: str) -> list[str]:
    return re.findall(r'<TD ALIGN="LEFT">([^<]*)</TD>', dot)


SUPPORT, ATTACK = "support (solid, arrow)", "attack (dashed, bar)"
ITEM, RESTATES = "enumeration item (bold, hollow arrow)", "restatement (dotted, diamond)"
UNDERCUT = "undercut (thick dashed, bar on an edge's dot)"


# The legend lists the roles and edge styles the drawn map has, in a fixed order.
@pytest.mark.parametrize(("text", "rows"), [
    ("Taxes must rise. Contrariwise, voters object.",
     ["central claim", "premise", SUPPORT]),
    ("Taxes must rise. However, voters object.",
     ["central claim", "premise", ATTACK]),
    ("Cities should ban private cars from their centres.\n\nCar-free centres are good for "
     "business. Shop takings rose in Madrid after its ban.\n\nSome argue that a ban is "
     "hard on disabled people. However, permits can meet their needs.\n\nIn conclusion, "
     "cities should ban cars.",
     ["central claim", "claim", "conclusion", "objection", "premise", SUPPORT, ATTACK]),
    (TEXT, ["central claim", "claim", "concession", "restatement", "premise", SUPPORT,
            ATTACK, ITEM]),
])
def test_the_legend_lists_what_the_map_draws(text: str, rows: list[str]) -> None:
    assert _legend_rows(_dot(argmap.analyze(text))) == rows


def test_the_seed_legend_lists_every_role_and_its_edges(seed: tuple[ArgumentMap, str]) -> None:
    m, text = seed  # must not drop a row: the seed has every role and four edge styles
    assert _legend_rows(render(m, "dot", source=text).decode("utf-8")) == [  # type: ignore[union-attr]
        "central claim", "claim", "conclusion", "concession", "restatement", "premise",
        SUPPORT, ATTACK, ITEM, RESTATES]


def test_the_legend_follows_the_view_and_shows_an_undercut(fees: ArgumentMap) -> None:
    hidden = _legend_rows(_dot(fees, hide_kinds=("attack",)))
    assert ATTACK not in hidden and "concession" not in hidden and SUPPORT in hidden
    assert _legend_rows(_dot(with_undercut(fees))).index(UNDERCUT) == \
        _legend_rows(_dot(with_undercut(fees))).index(ATTACK) + 1
    mono = _legend_rows(_dot(fees, palette="mono"))
    assert mono == _legend_rows(_dot(fees))


def test_engine_is_carried_in_the_dot_source(fees: ArgumentMap) -> None:
    assert "layout=neato" in _dot(fees, engine="neato")
    assert "layout=" not in _dot(fees)


@pytest.mark.parametrize(("options", "message"), [
    ({"rankdir": "XY"}, "rankdir"), ({"wrap": 3}, "wrap"), ({"palette": "sepia"}, "palette"),
    ({"engine": "nope"}, "engine")])
def test_bad_draw_options_raise_option_error(options: dict[str, object], message: str) -> None:
    with pytest.raises(OptionError, match=message):
        DrawOptions(**options)  # type: ignore[arg-type]


@pytest.mark.parametrize(("fmt", "option"), [("json", "rankdir"), ("aif", "palette"),
                                             ("argdown", "legend"), ("mermaid", "engine"),
                                             ("graphml", "wrap")])
def test_an_option_that_does_not_apply_says_so(fees: ArgumentMap, fmt: str,
                                               option: str) -> None:
    value = {"rankdir": "LR", "palette": "mono", "legend": False, "engine": "neato",
             "wrap": 20}[option]
    with pytest.warns(OptionWarning, match=f"{option} does not apply to {fmt}"):
        render(fees, fmt, **{option: value})  # type: ignore[arg-type]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render(fees, fmt)  # no option, no warning


# --rankdir takes any case and shows the choices as the README writes them: upper case.
@pytest.mark.parametrize(("given", "graphviz_rankdir"),
                         [("TB", "BT"), ("tb", "BT"), ("Lr", "RL"), ("rl", "LR"), ("bT", "TB")])
def test_cli_rankdir_takes_any_case(tmp_path: Path, given: str,
                                    graphviz_rankdir: str) -> None:
    essay = tmp_path / "fees.txt"
    essay.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(essay), "-f", "dot", "--rankdir", given])
    assert result.exit_code == 0, result.output
    assert f"rankdir={graphviz_rankdir}" in result.stdout


@pytest.mark.parametrize("given", ["xy", "top", "T B", ""])
def test_cli_rankdir_lists_the_choices_in_upper_case(tmp_path: Path, given: str) -> None:
    essay = tmp_path / "fees.txt"
    essay.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(essay), "-f", "dot", "--rankdir", given])
    assert result.exit_code == 2
    assert f"{given!r} is not one of 'TB', 'BT', 'LR', 'RL'." in result.stderr
    shown = CliRunner().invoke(main, ["render", "--help"], terminal_width=200).output
    assert "--rankdir [TB|BT|LR|RL]" in shown


def test_the_cli_warns_on_stderr_about_an_option_that_does_not_apply(tmp_path: Path) -> None:
    essay = tmp_path / "fees.txt"
    essay.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(essay), "--format", "aif",
                                       "--rankdir", "LR", "--no-legend"])
    assert result.exit_code == 0
    assert "argmap: warning: --rankdir does not apply to aif output; ignored" in result.stderr
    assert "argmap: warning: --no-legend does not apply to aif output; ignored" in result.stderr
    assert json.loads(result.stdout)["nodes"]


# The warning names every option by its flag, the one it ignores and the one it needs.
@pytest.mark.parametrize(("args", "line"), [
    (["-f", "json", "--depth", "1"],
     "argmap: warning: --depth applies only together with --focus; ignored"),
    (["-f", "dot", "--depth", "0"],
     "argmap: warning: --depth applies only together with --focus; ignored"),
    (["-f", "aif", "--hide-kinds", "default", "--wrap", "30"],
     "argmap: warning: --wrap does not apply to aif output; ignored"),
    (["-f", "graphml", "--no-clusters"],
     "argmap: warning: --no-clusters does not apply to graphml output; ignored"),
])
def test_the_cli_warning_names_options_by_their_flags(tmp_path: Path, args: list[str],
                                                      line: str) -> None:
    essay = tmp_path / "fees.txt"
    essay.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(essay), *args])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [line]


# ------------------------------------------------------------------ views


def test_hide_kinds_collapses_the_detail_hanging_on_them(fees: ArgumentMap) -> None:
    detail = next(r for r in fees.relations if r.subtype == "elaboration")
    view = select(fees, hide_kinds=["elaboration"])
    assert detail.source not in {u.id for u in view.units}
    assert all(r.subtype != "elaboration" for r in view.relations)
    assert len(view.units) == len(fees.units) - 1
    assert view.central_claim == fees.central_claim


def test_hiding_attacks_keeps_the_supports(fees: ArgumentMap) -> None:
    view = select(fees, hide_kinds=["attack"])
    assert {r.kind.value for r in view.relations} == {"support"}
    supports = [r for r in fees.relations if r.kind.value == "support"]
    kept = {u.id for u in view.units}
    assert all(r.id in {v.id for v in view.relations} for r in supports
               if r.source in kept and r.target in kept)


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_focus_keeps_the_units_within_depth(seed: tuple[ArgumentMap, str], depth: int) -> None:
    m, _ = seed
    focus = m.enumerations[0].announcement
    assert focus is not None
    view = select(m, focus=focus, depth=depth)
    near = {focus}
    for _ in range(depth):
        near |= {r.source for r in m.relations if r.target in near} | \
                {r.target for r in m.relations if r.source in near}
    assert {u.id for u in view.units} == near
    assert all(r.source in near and r.target in near for r in view.relations)


def test_focus_on_an_unknown_unit_is_an_option_error(fees: ArgumentMap) -> None:
    with pytest.raises(OptionError, match="no unit 'u-nope'"):
        select(fees, focus="u-nope")
    with pytest.raises(OptionError, match="unknown relation kind"):
        select(fees, hide_kinds=["rebuttals"])


def test_cli_focus_and_hide_kinds(tmp_path: Path, fees: ArgumentMap) -> None:
    essay = tmp_path / "fees.txt"
    essay.write_text(TEXT, encoding="utf-8")
    thesis = str(fees.central_claim)
    result = CliRunner().invoke(main, ["extract", str(essay), "--focus", thesis,
                                       "--depth", "1"])
    assert result.exit_code == 0, result.output
    m = ArgumentMap.from_json(result.stdout)
    assert {u.id for u in m.units} == {thesis} | {r.source for r in fees.relations
                                                  if r.target == thesis} | \
        {r.target for r in fees.relations if r.source == thesis}
    bad = CliRunner().invoke(main, ["render", str(essay), "--format", "dot",
                                    "--hide-kinds", "nonsense"])
    assert bad.exit_code == 2 and "unknown kind 'nonsense'" in bad.output
    missing = CliRunner().invoke(main, ["render", str(essay), "--format", "dot",
                                        "--focus", "u-missing"])
    assert missing.exit_code == 2 and "no unit 'u-missing'" in missing.output


# ------------------------------------------------------------------ layout that stays put


def _edited(text: str) -> tuple[str, int]:
    """The seed with one sentence of its third paragraph rewritten, and that
    paragraph's index among the units."""
    m = argmap.analyze(text)
    paragraphs = sorted({u.paragraph for u in m.units})
    target = paragraphs[2]
    unit = next(u for u in m.units if u.paragraph == target and u.sentence > 0)
    new = text[: unit.span.start] + "Nobody had planned any of this in advance." + \
        text[unit.span.end :]
    return new, target


def test_editing_one_paragraph_keeps_the_other_ids_and_their_order(
        seed: tuple[ArgumentMap, str]) -> None:
    m, text = seed
    new_text, para = _edited(text)
    n = argmap.analyze(new_text)
    before = [u.id for u in m.units if u.paragraph != para]
    after = [u.id for u in n.units if u.paragraph != para]
    assert before == after
    changed = {u.id for u in m.units} ^ {u.id for u in n.units}
    assert len(changed) == 2  # the old sentence's id and the new one's


def test_editing_one_paragraph_keeps_the_other_nodes_of_the_dot_source(
        seed: tuple[ArgumentMap, str]) -> None:
    m, text = seed
    new_text, para = _edited(text)
    n = argmap.analyze(new_text)

    def node_lines(mm: ArgumentMap, tt: str, keep: set[str]) -> list[str]:
        dot = render(mm, "dot", source=tt).decode("utf-8")  # type: ignore[union-attr]
        return [ln for ln in dot.splitlines()
                if (found := re.match(r'\s*"?([\w-]+)"? \[label', ln)) and found[1] in keep]

    stable = {u.id for u in m.units if u.paragraph != para}
    assert node_lines(m, text, stable) == node_lines(n, new_text, stable)


def test_disconnected_units_are_drawn() -> None:
    m = argmap.analyze("Fees must fall. They deter students.")
    loner = Unit("u-loner-0000", m.units[-1].span, m.units[-1].text)
    import attrs

    lonely = attrs.evolve(m, units=(*m.units, loner))
    dot = to_digraph(lonely).source
    assert re.search(r'"u-loner-0000" \[label', dot)
    assert select(lonely, hide_kinds=["default"]).units[-1].id == "u-loner-0000"


@pytest.mark.dot
def test_thesis_on_the_top_rank_and_enumeration_items_on_one_rank(
        seed: tuple[ArgumentMap, str]) -> None:
    m, text = seed
    layout = json.loads(to_digraph(m, source=text).pipe(format="json"))
    y = {o["name"]: float(o["pos"].split(",")[1]) for o in layout["objects"] if "pos" in o}
    units = [u.id for u in m.units]
    assert y[str(m.central_claim)] == max(y[u] for u in units)  # y grows upwards
    for enum in m.enumerations:
        assert len({y[i] for i in enum.items}) == 1, enum.id
        x = [float(o["pos"].split(",")[0]) for i in enum.items
             for o in layout["objects"] if o.get("name") == i]
        assert x == sorted(x)  # in text order


@pytest.mark.dot
@pytest.mark.parametrize(("rankdir", "axis", "top"), [("BT", 1, min), ("LR", 0, min),
                                                       ("RL", 0, max)])
def test_rankdir_moves_the_thesis(seed: tuple[ArgumentMap, str], rankdir: str, axis: int,
                                  top: object) -> None:
    m, text = seed
    layout = json.loads(to_digraph(m, source=text, options=DrawOptions(rankdir=rankdir))
                        .pipe(format="json"))
    pos = {o["name"]: float(o["pos"].split(",")[axis]) for o in layout["objects"]
           if "pos" in o}
    assert pos[str(m.central_claim)] == top(pos[u.id] for u in m.units)  # type: ignore[operator]


@pytest.mark.dot
@pytest.mark.parametrize(("rankdir", "axis", "sign"), [("TB", 0, 1), ("BT", 0, 1),
                                                       ("LR", 1, -1), ("RL", 1, -1)])
def test_enumeration_items_read_in_text_order_in_every_direction(
        seed: tuple[ArgumentMap, str], rankdir: str, axis: int, sign: int) -> None:
    m, text = seed
    layout = json.loads(to_digraph(m, source=text, options=DrawOptions(rankdir=rankdir))
                        .pipe(format="json"))
    pos = {o["name"]: [float(v) for v in o["pos"].split(",")] for o in layout["objects"]
           if "pos" in o}
    for enum in m.enumerations:
        across = [sign * pos[i][axis] for i in enum.items]  # x left to right, y top down
        assert across == sorted(across), (rankdir, enum.id)
        assert len({pos[i][1 - axis] for i in enum.items}) == 1  # one rank


# ------------------------------------------------------------------ CLI: every format

_EXT = {"svg": "svg", "dot": "dot", "json": "json", "aif": "aif.json", "argdown": "argdown",
        "graphml": "graphml", "mermaid": "mmd", "html": "html"}


@pytest.mark.dot
@pytest.mark.parametrize("fmt", sorted(_EXT))
def test_cli_render_and_extract_write_every_format_as_the_api_does(
        fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # AIF timestamps
    essay = tmp_path / "fees.txt"
    essay.write_text(TEXT, encoding="utf-8")
    m = argmap.analyze(essay)  # metadata["source"] names the file, as from the CLI
    expected = render(m, fmt, source=TEXT)
    out = tmp_path / f"map.{_EXT[fmt]}"
    result = CliRunner().invoke(main, ["render", str(essay), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == expected
    extracted = CliRunner().invoke(main, ["extract", str(essay), "--format", fmt])
    assert extracted.exit_code == 0, extracted.output
    assert extracted.stdout_bytes == expected


def test_cli_extract_refuses_binary_formats(tmp_path: Path) -> None:
    essay = tmp_path / "fees.txt"
    essay.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(essay), "--format", "png"])
    assert result.exit_code == 2 and "'png' is not one of" in result.output


@pytest.mark.parametrize(("text", "edges"), [
    # the conceded view's attack on the thesis carries the answer's "However" as evidence,
    # written in neither end: no label; the answer's own edge keeps it
    ("Fees must fall.\n\nSome argue that fees fund teaching. However, the state can pay.",
     {("u-some-argue-63f3", "u-fees-must-9d92"): "",
      ("u-the-state-ecb4", "u-some-argue-63f3"): "however"}),
    # a marker that opens the source labels its edge
    ("Fees must fall. However, cutting them costs money.",
     {("u-cutting-them-5da2", "u-fees-must-9d92"): "however"}),
])
def test_an_edge_is_labelled_with_a_marker_written_in_one_of_its_ends(
        text: str, edges: dict[tuple[str, str], str]) -> None:
    data = render(argmap.analyze(text), "dot", legend=False)
    assert isinstance(data, bytes)
    found = {(a, b): label.strip('"') for a, b, label in re.findall(
        r'"([\w-]+)" -> "([\w-]+)" \[label=("[^"]*"|\w+)', data.decode("utf-8"))}
    assert {edge: found[edge] for edge in edges} == edges


UNDERCUT_TEXT = ("Bars lost customers after the ban, so the ban hurt business. But that does not "
                 "follow, because customers were already leaving.")


@pytest.mark.parametrize(("hide", "units", "relations"), [
    # the undercut goes with the unit that argues only through it; the "so" it attacks stays
    (["undercut"], ["Bars lost customers after the ban", "the ban hurt business."],
     [("Bars lost customers after the ban", "the ban hurt business.", "result")]),
    (["attack"], ["Bars lost customers after the ban", "the ban hurt business."],
     [("Bars lost customers after the ban", "the ban hurt business.", "result")]),
    # hiding the attacked relation takes its undercut along: nothing left to attack
    (["result"], ["the ban hurt business."], []),
    # must not fire: hiding another kind keeps the undercut and what it attacks
    (["elaboration"], ["Bars lost customers after the ban", "the ban hurt business.",
                       "that does not follow", "customers were already leaving."],
     [("Bars lost customers after the ban", "the ban hurt business.", "result"),
      ("that does not follow", "r", "undercut"),
      ("customers were already leaving.", "that does not follow", "reason")]),
])
def test_hiding_undercuts_keeps_the_relation_they_attack(
        hide: list[str], units: list[str], relations: list[tuple[str, str, str]]) -> None:
    m = argmap.analyze(UNDERCUT_TEXT)
    view = select(m, hide_kinds=hide)
    text = {u.id: u.text for u in m.units} | {r.id: "r" for r in m.relations}
    assert [text[u.id] for u in view.units] == units
    assert sorted((text[r.source], text[r.target], r.subtype)
                  for r in view.relations) == sorted(relations)


# In greyscale print a role is told by its fill, border style and border width together:
# no two roles share all three, in the map or in the legend's swatches (the concession
# and premise swatches were both plain white, the central claim and objection greys
# nearly alike, and an undercut drawn like an attack).
@pytest.mark.parametrize("palette", ["mono", "color"])
def test_every_role_has_its_own_look_in_the_map_and_the_legend(palette: str) -> None:
    from argmap.diagram import _NODE_STYLE, _swatch
    from argmap.model import Role

    looks = {role: (s["fillcolor"], s.get("style", ""), s.get("penwidth", "1"),
                    s.get("peripheries", "1"))
             for role, s in _NODE_STYLE[palette].items()}
    assert len(set(looks.values())) == len(Role)
    swatches = {role: _swatch(s) for role, s in _NODE_STYLE[palette].items()
                if role is not Role.CONCLUSION}  # its double border: the map's only
    assert len(set(swatches.values())) == len(swatches)


@pytest.mark.parametrize(("palette", "role", "swatch"), [
    ("mono", "concession", 'BGCOLOR="#ffffff" BORDER="1" STYLE="dashed"'),
    ("mono", "premise", 'BGCOLOR="#ffffff" BORDER="1" STYLE="rounded"'),
    ("mono", "objection", 'BGCOLOR="#d8d8d8" BORDER="2" STYLE="dotted"'),
    ("mono", "central claim", 'BGCOLOR="#b0b0b0" BORDER="3" STYLE="rounded"'),
    ("color", "concession", 'BGCOLOR="#fee2e2" BORDER="1" STYLE="dashed"'),
])
def test_the_legend_draws_each_roles_border(palette: str, role: str, swatch: str) -> None:
    text = ("Cities should ban private cars from their centres.\n\nSome argue that a ban "
            "is hard on disabled people. However, permits can meet their needs.\n\n"
            "Of course, a ban costs money. But the air matters more.")
    dot = _dot(argmap.analyze(text), palette=palette)
    assert (f'<TR><TD {swatch} COLOR="#000000">&#160;&#160;&#160;</TD>'
            f'<TD ALIGN="LEFT">{role}</TD></TR>') in dot


def test_mono_draws_an_undercut_unlike_an_attack() -> None:
    m = argmap.analyze("Taxes must rise. However, voters object.\n\nBars lost customers "
                       "after the ban, so the ban hurt business. But that does not follow.")
    assert {r.subtype for r in m.relations} >= {"contrast", "undercut"}
    dot = _dot(m, palette="mono")
    heads = set(re.findall(r"arrowhead=(\w+)", dot))
    assert {"tee", "teetee"} <= heads
    assert "undercut (thick dashed, double bar on an edge's dot)" in _legend_rows(dot)
    # must not fire: the colour palette tells them by hue and keeps one bar
    assert "teetee" not in _dot(m)
