"""Every export format, read back by an independent reader: arguebuf (AIF), the Argdown
parser, networkx (GraphML); plus golden files of the seed and layout stability."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

import argmap
from argmap.export.aif import to_aif, to_aif_json
from argmap.export.argdown import role_tag, to_argdown
from argmap.export.graphml import to_graphml
from argmap.export.mermaid import to_mermaid
from argmap.model import ArgumentMap, RelationKind
from argmap.render import render
from exporters import MICROTEXTS, SEED, UNDERCUTS, argdown_cli, with_undercut

GOLDEN = Path(__file__).parent / "golden"
STAMP = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def seed() -> tuple[ArgumentMap, str]:
    text = SEED.read_text(encoding="utf-8")
    return argmap.analyze(SEED.read_bytes()), text  # no path in the golden files


def _microtexts(n: int = 12) -> list[Path]:
    files = sorted(MICROTEXTS.glob("micro_*.txt"))
    return files[:n]


@pytest.fixture(scope="module")
def micro() -> list[tuple[ArgumentMap, str]]:
    files = _microtexts()
    if not files:
        pytest.skip(f"the arg-microtexts corpus is not at {MICROTEXTS}")
    return [(argmap.analyze(f), f.read_text(encoding="utf-8")) for f in files]


def _maps(seed: tuple[ArgumentMap, str], extra: list[tuple[ArgumentMap, str]]
          ) -> list[tuple[ArgumentMap, str]]:
    m, text = seed
    return [seed, (with_undercut(m), text), (argmap.analyze(UNDERCUTS), UNDERCUTS), *extra]


# ------------------------------------------------------------------ AIF via arguebuf


def _expected_schemes(m: ArgumentMap) -> Counter[str]:
    ids = {r.id for r in m.relations}
    out: Counter[str] = Counter()
    for r in m.relations:
        if r.kind is RelationKind.ATTACK or r.target in ids:
            out["Attack"] += 1
        elif r.subtype == "restatement":
            out["Rephrase"] += 1
        else:
            out["Support"] += 1
    return out


def _check_aif(m: ArgumentMap, path: Path) -> None:
    import arguebuf

    data = json.loads(path.read_text(encoding="utf-8"))
    g = arguebuf.load.aif(data)
    assert set(g.atom_nodes) == {u.id for u in m.units}
    assert set(g.scheme_nodes) == {r.id for r in m.relations}
    assert len(g.edges) == 2 * len(m.relations)
    kinds = Counter(type(n.scheme).__name__ for n in g.scheme_nodes.values())
    assert kinds == _expected_schemes(m)
    for r in m.relations:  # source -> S-node -> target, an undercut's target an RA-node
        s_node = g.scheme_nodes[r.id]
        undercuts = {u.source for u in m.relations if u.target == r.id}
        incoming = {e.source.id for e in g.incoming_edges(s_node)}
        assert incoming == {r.source} | {u.id for u in m.relations if u.target == r.id}
        assert len(undercuts) == len(incoming) - 1
        assert {e.target.id for e in g.outgoing_edges(s_node)} == {r.target}
    for u in m.units:
        assert g.atom_nodes[u.id].plain_text == " ".join(u.text.split())
    locutions = {loc["nodeID"]: (loc["start"], loc["end"]) for loc in data["locutions"]}
    assert locutions == {u.id: (u.span.start, u.span.end) for u in m.units}
    assert {f["nodeID"]: f["schemeID"] for f in data["schemefulfillments"]} == \
        {r.id: r.rule for r in m.relations}


def test_aif_loads_in_arguebuf_with_the_same_nodes_edges_and_kinds(
        seed: tuple[ArgumentMap, str], tmp_path: Path) -> None:
    pytest.importorskip("arguebuf", reason="arguebuf (PyPI) is the independent AIF reader")
    for n, (m, _) in enumerate(_maps(seed, [])):
        path = tmp_path / f"map{n}.aif.json"
        render(m, path)
        _check_aif(m, path)


@pytest.mark.corpus
def test_aif_of_the_microtexts_loads_in_arguebuf(micro: list[tuple[ArgumentMap, str]],
                                                 tmp_path: Path) -> None:
    pytest.importorskip("arguebuf", reason="arguebuf (PyPI) is the independent AIF reader")
    for n, (m, _) in enumerate(micro):
        path = tmp_path / f"micro{n}.aif"
        render(m, path)
        _check_aif(m, path)


def test_an_undercut_ca_node_points_at_the_ra_node_it_attacks(
        seed: tuple[ArgumentMap, str]) -> None:
    m = with_undercut(seed[0])
    undercut = m.relations[-1]
    data = to_aif(m, timestamp=STAMP)
    types = {n["nodeID"]: n["type"] for n in data["nodes"]}
    assert types[undercut.id] == "CA" and types[undercut.target] == "RA"
    assert {"edgeID": f"{undercut.id}-e2", "fromID": undercut.id, "toID": undercut.target,
            "formEdgeID": None} in data["edges"]


def test_aif_timestamp_follows_source_date_epoch(seed: tuple[ArgumentMap, str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    stamps = {n["timestamp"] for n in to_aif(seed[0])["nodes"]}
    assert stamps == {"1970-01-02 00:00:00"}


# ------------------------------------------------------------------ Argdown parser


def _argdown_json(tool: str, path: Path, out: Path) -> dict[str, object]:
    run = subprocess.run([tool, "json", str(path), str(out)], capture_output=True,
                         text=True, timeout=120)
    log = run.stdout + run.stderr
    assert run.returncode == 0, log
    assert "syntax error" not in log.lower(), log
    data: dict[str, object] = json.loads((out / (path.stem + ".json")).read_text("utf-8"))
    return data


def _check_argdown(m: ArgumentMap, data: dict[str, object], text: str) -> None:
    statements = data["statements"]
    arguments = data["arguments"]
    assert isinstance(statements, dict) and isinstance(arguments, dict)
    assert set(statements) | set(arguments) == {u.id for u in m.units}
    by_id = {r.id: r for r in m.relations}
    want = set()
    for r in m.relations:
        if r.target in by_id:
            want.add((r.source, by_id[r.target].source, "undercut"))
        else:
            want.add((r.source, r.target, r.kind.value))
    relations = data["relations"]
    assert isinstance(relations, list)
    got = {(r["from"], r["to"], r["relationType"]) for r in relations}
    assert got == want
    assert len(relations) == len(m.relations)
    from argmap.diagram import shown_text

    for u in m.units:
        if u.id in statements:
            members = [x for x in statements[u.id]["members"] if x.get("text")]
            assert len(members) == 1
            said = members[0]["text"]
        else:
            said = next(x["text"] for x in arguments[u.id]["members"] if x.get("text"))
        assert said == " ".join(shown_text(u, text).split()) + " " + role_tag(u)


@pytest.fixture(scope="module")
def argdown_tool() -> str:
    tool = argdown_cli()
    if tool is None:
        pytest.skip("the Argdown parser is absent: `npm install --prefix .cache/argdown "
                    "@argdown/cli@1.7.5` (.ci/run does this) or set ARGMAP_ARGDOWN")
    return tool


def test_argdown_parses_without_errors_with_the_same_statements_and_relations(
        seed: tuple[ArgumentMap, str], argdown_tool: str, tmp_path: Path) -> None:
    for n, (m, text) in enumerate(_maps(seed, [])):
        path = tmp_path / f"map{n}.argdown"
        render(m, path, source=text)
        _check_argdown(m, _argdown_json(argdown_tool, path, tmp_path / "out"), text)


@pytest.mark.corpus
def test_argdown_of_the_microtexts_parses(micro: list[tuple[ArgumentMap, str]],
                                          argdown_tool: str, tmp_path: Path) -> None:
    for n, (m, text) in enumerate(micro):
        path = tmp_path / f"micro{n}.argdown"
        path.write_text(to_argdown(m, source=text), encoding="utf-8")
        _check_argdown(m, _argdown_json(argdown_tool, path, tmp_path / "out"), text)


def test_argdown_escapes_text_its_syntax_would_read() -> None:
    text = ("Fees [must] fall_now #today (2+2). However, <they> -> fund *labs* @uni + {x} "
            "// y - z.")
    tool = argdown_cli()
    m = argmap.analyze(text)
    out = to_argdown(m, source=text)
    assert "\\[must\\]" in out and "fall\\_now" in out and "\\#today" in out
    if tool is None:
        pytest.skip("the Argdown parser is absent (see test above)")
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.argdown"
        path.write_text(out, encoding="utf-8")
        _check_argdown(m, _argdown_json(tool, path, Path(folder) / "out"), text)


# ------------------------------------------------------------------ GraphML, Mermaid


def test_graphml_loads_in_networkx_with_the_same_nodes_edges_and_attributes(
        seed: tuple[ArgumentMap, str], tmp_path: Path) -> None:
    for n, (m, _) in enumerate(_maps(seed, [])):
        path = tmp_path / f"map{n}.graphml"
        render(m, path)
        g = nx.read_graphml(path, force_multigraph=True)
        assert set(g.nodes) == {u.id for u in m.units}
        for u in m.units:
            d = g.nodes[u.id]
            assert (d["text"], d["role"], d["start"], d["end"]) == \
                (u.text, u.role.value, u.span.start, u.span.end)
        edges = {k: (a, b, d) for a, b, k, d in g.edges(keys=True, data=True)}
        assert set(edges) == {r.id for r in m.relations}
        by_id = {r.id: r for r in m.relations}
        for r in m.relations:
            a, b, d = edges[r.id]
            target = by_id[r.target].target if r.target in by_id else r.target
            assert (a, b) == (r.source, target)
            assert (d["kind"], d["subtype"], d["rule"]) == (r.kind.value, r.subtype, r.rule)
            assert d["undercuts"] == (r.target if r.target in by_id else "")


def test_mermaid_has_a_node_per_unit_and_a_link_per_relation(
        seed: tuple[ArgumentMap, str]) -> None:
    m, text = seed
    out = to_mermaid(m, source=text)
    lines = out.splitlines()
    assert lines[3] == "flowchart BT"  # after the title block; TB thesis-on-top
    node_lines = [ln for ln in lines if ":::" in ln]
    assert len(node_lines) == len(m.units)
    links = [ln for ln in lines if "-->" in ln or ".-x" in ln or "==>" in ln or "-.-x" in ln]
    assert len(links) == len(m.relations)
    attacks = [ln for ln in links if "-x" in ln]
    assert len(attacks) == sum(r.kind is RelationKind.ATTACK for r in m.relations)
    assert sum(ln.strip().startswith("subgraph") for ln in lines) == \
        sum(1 for s in m.sections if s.heading)
    assert '"' not in "".join(ln.split('"')[1] for ln in node_lines if ln.count('"') > 2)


# ------------------------------------------------------------------ golden files

_GOLDEN = {
    "seed.dot": lambda m, t: render(m, "dot", source=t).decode("utf-8"),
    "seed.json": lambda m, t: m.to_json() + "\n",
    "seed.aif.json": lambda m, t: to_aif_json(m, timestamp=STAMP),
    "seed.argdown": lambda m, t: to_argdown(m, source=t),
    "seed.graphml": lambda m, t: to_graphml(m),
    "seed.mmd": lambda m, t: to_mermaid(m, source=t),
}


@pytest.mark.parametrize("name", sorted(_GOLDEN))
def test_seed_output_equals_its_golden_file(seed: tuple[ArgumentMap, str],
                                            name: str) -> None:
    """A rule change shows here as a diff of the golden file; after checking it, refresh
    with ``ARGMAP_UPDATE_GOLDEN=1 python -m pytest tests/test_export.py``."""
    m, text = seed
    out = _GOLDEN[name](m, text)
    path = GOLDEN / name
    if os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1":
        path.write_text(out, encoding="utf-8")
    assert out == path.read_text(encoding="utf-8")


def test_golden_json_reads_back_to_the_seed_map(seed: tuple[ArgumentMap, str]) -> None:
    assert ArgumentMap.from_json((GOLDEN / "seed.json").read_bytes()) == seed[0]


# The Argdown "# title" is the text's title; a text without one gets no "#" heading (the
# central claim was written as the title and then again as the first statement).
@pytest.mark.parametrize(("text", "head"), [
    pytest.param("Fees Must Fall\n\nFees must fall. However, they fund labs.\n",
                 ["# Fees Must Fall", "", "[u-fees-must-9d92]: Fees must fall. "
                  "#(central claim)"], id="title"),
    pytest.param("Fees must fall. However, they fund labs.\n",
                 ["[u-fees-must-9d92]: Fees must fall. #(central claim)"], id="no-title"),
    pytest.param("Fees must fall. However, they fund labs.\n\n## Costs\n\nLabs cost "
                 "money. Fees pay for them.\n",
                 ["[u-fees-must-9d92]: Fees must fall. #(central claim)"],
                 id="no-title-with-sections"),
])
def test_argdown_title_is_the_texts_title_only(text: str, head: list[str]) -> None:
    m = argmap.analyze(text)
    lines = to_argdown(m, source=text).splitlines()
    assert lines[: len(head)] == head
    assert sum(1 for line in lines if line.startswith("# ")) == (1 if m.title else 0)
    assert sum(1 for line in lines if "Fees must fall." in line) == 1


def test_the_exports_page_shows_an_undercut_as_the_exporters_write_it() -> None:
    """docs/exports.md, "How each format shows an undercut", quotes real output."""
    from argmap.explain import explain
    from exporters import ROOT

    text = ("Bars lost customers after the ban, so the ban hurt business. But that does not "
            "follow.")
    m = argmap.analyze(text)
    (undercut,) = [r for r in m.relations if r.subtype == "undercut"]
    page = (ROOT / "docs" / "exports.md").read_text(encoding="utf-8")
    assert f"the undercut `{undercut.id}`\nhas the target `{undercut.target}`" in page
    assert f"| `argmap explain` | `{explain(m, text)[1]}` |" in page
    mermaid = argmap.render(m, "mermaid")
    assert isinstance(mermaid, bytes)
    assert '    u_that_does_fabb -. "undercut but" .-x u_the_ban_85dc' in \
        mermaid.decode("utf-8").splitlines()
    assert '(`-. "undercut but" .-x`)' in page
