"""The map in the Argument Interchange Format (AIF JSON, as OVA and AIFdb write it).

Each unit is an I-node; each support relation an RA-node ("Default Inference"), each
attack a CA-node ("Default Conflict"), each restatement an MA-node ("Default
Rephrase"), with an edge from the source unit into the S-node and one from the S-node to
the target. An undercut's CA-node points at the RA-node of the relation it attacks.
Source: Chesñevar et al. (2006), "Towards an argument interchange format"; Reed et al.
(2008) and the AIFdb JSON layout (Lawrence et al. 2012, "AIFdb: Infrastructure for the
Argument Web").
"""

from __future__ import annotations

import datetime as dt
import json
import os
from typing import Any

from argmap.model import ArgumentMap, Relation, RelationKind

__all__ = ["SCHEME_TEXT", "to_aif", "to_aif_json"]

#: Text of the S-node of each AIF type (the AIFdb default schemes).
SCHEME_TEXT = {"RA": "Default Inference", "CA": "Default Conflict", "MA": "Default Rephrase"}
_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def _timestamp(when: dt.datetime | None) -> str:
    """``when``, else ``$SOURCE_DATE_EPOCH`` (reproducible builds), else now, in UTC."""
    if when is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        when = (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch.isdigit()
                else dt.datetime.now(dt.timezone.utc))
    return when.strftime(_TIME_FORMAT)


def s_node_type(rel: Relation, relation_ids: set[str]) -> str:
    """``RA`` (support), ``CA`` (attack and undercut) or ``MA`` (restatement)."""
    if rel.kind is RelationKind.ATTACK or rel.target in relation_ids:
        return "CA"
    return "MA" if rel.subtype == "restatement" else "RA"


def to_aif(m: ArgumentMap, *, timestamp: dt.datetime | None = None) -> dict[str, Any]:
    """Build the AIF graph of a map as a ``dict`` ready for ``json.dumps``.

    Node ids are the unit ids (I-nodes) and the relation ids (S-nodes), so they are as
    stable as the map's ids. ``locutions`` hold each I-node's character span (``start``,
    ``end``: offsets into the analysed text, as integers). ``schemefulfillments`` name the
    argmap rule that made each S-node (``schemeID``). ``timestamp`` defaults to
    ``$SOURCE_DATE_EPOCH`` if set, else the current time (UTC); pass one for byte-stable
    output.

    Returns:
        ``{"nodes", "edges", "locutions", "schemefulfillments", "participants",
        "descriptorfulfillments"}``; nodes are ``{"nodeID", "text", "type", "timestamp"}``
        and edges ``{"edgeID", "fromID", "toID", "formEdgeID"}``.

    Example:
        >>> import argmap
        >>> m = argmap.analyze("Fees must fall. However, cutting them costs money.")
        >>> [n["type"] for n in to_aif(m)["nodes"]]
        ['I', 'I', 'CA']
    """
    stamp = _timestamp(timestamp)
    relation_ids = {r.id for r in m.relations}
    nodes: list[dict[str, Any]] = [
        {"nodeID": u.id, "text": " ".join(u.text.split()), "type": "I", "timestamp": stamp}
        for u in m.units]
    edges: list[dict[str, Any]] = []
    fulfilments: list[dict[str, Any]] = []
    for rel in m.relations:
        kind = s_node_type(rel, relation_ids)
        nodes.append({"nodeID": rel.id, "text": SCHEME_TEXT[kind], "type": kind,
                      "timestamp": stamp})
        fulfilments.append({"nodeID": rel.id, "schemeID": rel.rule})
        for n, (a, b) in enumerate(((rel.source, rel.id), (rel.id, rel.target))):
            edges.append({"edgeID": f"{rel.id}-e{n + 1}", "fromID": a, "toID": b,
                          "formEdgeID": None})
    locutions = [{"nodeID": u.id, "personID": "author", "timestamp": stamp,
                  "start": u.span.start, "end": u.span.end,
                  "source": m.metadata.get("source")} for u in m.units]
    participants = [{"participantID": "author", "firstname": "Author", "surname": ""}]
    return {"nodes": nodes, "edges": edges, "locutions": locutions,
            "schemefulfillments": fulfilments, "participants": participants,
            "descriptorfulfillments": []}


def to_aif_json(m: ArgumentMap, *, timestamp: dt.datetime | None = None) -> str:
    """:func:`to_aif` as indented JSON text (UTF-8, non-ASCII kept as is)."""
    return json.dumps(to_aif(m, timestamp=timestamp), indent=2, ensure_ascii=False) + "\n"
