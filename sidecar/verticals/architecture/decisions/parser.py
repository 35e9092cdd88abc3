"""Parse ADR Markdown files — MADR 2/3/4, Log4brains and adr-tools/Nygard — into DecisionFile records.
Layer: vertical (architecture). Tolerant ("Superceded", comma-separated people, missing fields); everything it cannot
map is kept (extra front matter, extra sections, raw status) and reported in `warnings`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import Any

import yaml

from sidecar.verticals.architecture.decisions.model import (
    LINK_KEY_TO_KIND,
    STATUSES,
    DecisionFile,
    Direction,
    Relation,
    SourceFormat,
    empty_document,
    parse_ref,
)

_LINK_PHRASES: dict[str, tuple[str, Direction]] = {
    "supersedes": ("supersedes", "outgoing"),
    "supercedes": ("supersedes", "outgoing"),
    "superseded by": ("supersedes", "incoming"),
    "superceded by": ("supersedes", "incoming"),
    "amends": ("amends", "outgoing"),
    "amended by": ("amends", "incoming"),
    "extends": ("extends", "outgoing"),
    "extended by": ("extends", "incoming"),
    "depends on": ("depends_on", "outgoing"),
    "depended on by": ("depends_on", "incoming"),
    "relates to": ("relates_to", "outgoing"),
    "related to": ("relates_to", "outgoing"),
    "conflicts with": ("conflicts_with", "outgoing"),
}
_LINK_LINE = re.compile(
    r"^\s*(?:[*-]\s+)?(" + "|".join(sorted(_LINK_PHRASES, key=len, reverse=True)) + r")\b\s*:?\s*(.+)$",
    re.IGNORECASE,
)
_TARGETS = (
    re.compile(r"\[\s*(?:ADR[- ]?)?0*(\d+)\b", re.IGNORECASE),
    re.compile(r"\]\([^)]*?(?:^|/|\()0*(\d{1,5})-[^)]*\)"),
    re.compile(r"\bADR[- ]?0*(\d+)\b", re.IGNORECASE),
    re.compile(r"^\s*0*(\d{1,5})\b"),
)
_UNMAPPED_LINK = re.compile(r"^\s*[*-]\s+([A-Za-z][A-Za-z ]*?)\s+\[(?:ADR[- ]?)?\d+", re.IGNORECASE)
_HEADER_FIELD = re.compile(r"^(?:[*-]\s+)?([A-Za-z][A-Za-z -]*?):\s*(.*)$")
_HEADER_KEYS = {"status", "deciders", "decision-makers", "date", "tags", "consulted", "informed", "technical story"}
_BULLET = re.compile(r"^[*-]\s+(.*)$")
_JUDGED = re.compile(r"^(good|bad|neutral)\s*,?\s*because\b ?(.*)$", re.IGNORECASE | re.DOTALL)
_CHOSEN = re.compile(r'^Chosen option:\s*"')
_BECAUSE = re.compile(r"^(?:\s*,\s*because\b\s?(.*))?$", re.DOTALL)
_MAX_NUMBER = 99999  # larger "numbers" are Log4brains date slugs (20200925-…), not record numbers
_OPTION_BUCKETS = {"good": "pros", "neutral": "neutral", "bad": "cons"}
_NUMBERED_TITLE = re.compile(r"^(\d+)\.\s+(.*)$")
_SUPERSEDED = re.compile(r"^(?:superseded|superceded)(?:\s+by\s+(.+))?$", re.IGNORECASE)
_KNOWN_FRONT_MATTER = {
    "id", "uid", "title", "status", "status-raw", "date", "decision-makers", "deciders", "consulted", "informed",
    "tags", "template", "implementation-status", "relies-on", "cites", *LINK_KEY_TO_KIND,
}  # fmt: skip
_TEMPLATES = {"madr4", "madr4-minimal", "nygard", "custom"}
_IMPLEMENTATION = {"not_started", "in_progress", "implemented", "verified", "n/a"}


def _split_front_matter(text: str) -> tuple[str | None, str]:
    if not text.startswith("---\n"):
        return None, text
    end = text.find("\n---", 3)
    while end != -1 and text[end + 4 : end + 5] not in ("\n", ""):
        end = text.find("\n---", end + 4)
    if end == -1:
        return None, text
    return text[4:end], text[end + 4 :].lstrip("\n")


def _sections(lines: list[str], marker: str) -> Iterator[tuple[str | None, list[str]]]:
    """Split at headings starting with `marker` (e.g. "## "), ignoring fenced code; first chunk has heading None."""
    heading: str | None = None
    chunk: list[str] = []
    fenced = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if not fenced and line.startswith(marker):
            yield heading, chunk
            heading, chunk = line[len(marker) :].strip(), []
        else:
            chunk.append(line)
    yield heading, chunk


def _text(lines: list[str]) -> str:
    return "\n".join(lines).strip()


def _items(lines: list[str]) -> tuple[list[tuple[str, list[int]]], list[str]]:
    """Bullet items (text, indexes of their lines) with indented continuations, and the lines outside any item."""
    items: list[tuple[str, list[int]]] = []
    other: list[str] = []
    current: list[str] | None = None
    raw: list[int] = []
    for index, line in enumerate(lines):
        bullet = _BULLET.match(line)
        if bullet:
            if current is not None:
                items.append(("\n".join(current).rstrip(), raw))
            current, raw = [bullet.group(1)], [index]
        elif current is not None and line.startswith(("  ", "\t")):
            current.append(line[2:] if line.startswith("  ") else line[1:])
            raw.append(index)
        elif current is not None and not line.strip():
            following = next((n for n in lines[index + 1 :] if n.strip()), "")
            if following.startswith(("  ", "\t")) and not _BULLET.match(following):
                current.append("")
                raw.append(index)
            else:
                items.append(("\n".join(current).rstrip(), raw))
                current, raw = None, []
                other.append(line)
        else:
            if current is not None:
                items.append(("\n".join(current).rstrip(), raw))
                current, raw = None, []
            other.append(line)
    if current is not None:
        items.append(("\n".join(current).rstrip(), raw))
    return items, other


def _paragraphs(lines: list[str]) -> list[str]:
    return [p.strip() for p in "\n".join(lines).split("\n\n") if p.strip()]


def _people(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).split(",") if part.strip()]


def _json_safe(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _target(text: str) -> int | None:
    for pattern in _TARGETS:
        match = pattern.search(text)
        if match:
            return int(match.group(1))
    return None


class _Reader:
    """One parse: accumulates the record, its relations and the warnings."""

    def __init__(self, text: str, path: str | None) -> None:
        self.text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        self.name = PurePosixPath(path).name if path else ""
        self.doc = empty_document("")
        self.result = DecisionFile(document=self.doc)
        self.status_text: str | None = None
        self.outcome_text = ""

    def warn(self, message: str) -> None:
        self.result.warnings.append(message)

    def relate(self, kind: str, direction: Direction, target: Any, note: str | None = None) -> None:
        number = parse_ref(target) if not isinstance(target, str) or parse_ref(target) else _target(target)
        if number is None or number > _MAX_NUMBER:
            self.warn(f"could not resolve the {kind.replace('_', ' ')} link target {target!r}")
            return
        self.result.relations.append(Relation(kind, number, direction, note))

    def scan_links(self, lines: list[str]) -> list[str]:
        """Turn link lines (Supersedes [ADR-0003](…)) into relations; return the lines that are not links."""
        rest: list[str] = []
        for line in lines:
            match = _LINK_LINE.match(line)
            if match:
                kind, direction = _LINK_PHRASES[match.group(1).lower()]
                self.relate(kind, direction, match.group(2))
            else:
                rest.append(line)
        return rest

    # -- status and dates -------------------------------------------------------------------------------------

    def set_status(self, raw: str | None, default: str, fmt: str) -> None:
        text = (raw or "").strip().strip("\"'").strip()
        superseded = _SUPERSEDED.match(text)
        if superseded:
            self.result.status = "superseded"
            if superseded.group(1):
                self.relate("supersedes", "incoming", superseded.group(1))
        elif text.lower() in STATUSES:
            self.result.status = text.lower()
        elif not text:
            self.result.status = default
            if fmt not in ("nygard", "log4brains"):
                self.warn(f"no status: imported as {default}")
        else:
            self.result.status = "draft"
            self.result.status_raw = text
            self.warn(f'unknown status "{text}": imported as draft, the original kept as status-raw')

    def set_date(self, value: Any) -> None:
        if value is None or value == "":
            return
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            self.doc["date"] = value.isoformat()
            return
        try:
            self.doc["date"] = dt.date.fromisoformat(str(value).strip()).isoformat()
        except ValueError:
            self.doc["extra_frontmatter"]["date-raw"] = str(value)
            self.warn(f'date "{value}" is not an ISO date: kept as date-raw')

    # -- front matter and header fields -------------------------------------------------------------------------

    def front_matter(self, meta: dict[str, Any]) -> None:
        if meta.get("id") is not None:
            self.result.number = parse_ref(meta["id"])
        if meta.get("uid"):
            self.result.uid = str(meta["uid"])
        if meta.get("title"):
            self.doc["title"] = str(meta["title"]).strip()
        self.status_text = None if meta.get("status") is None else str(meta["status"])
        if meta.get("status-raw"):
            self.result.status_raw = str(meta["status-raw"])
        self.set_date(meta.get("date"))
        self.doc["decision_makers"] = _people(meta.get("decision-makers", meta.get("deciders")))
        self.doc["consulted"] = _people(meta.get("consulted"))
        self.doc["informed"] = _people(meta.get("informed"))
        self.doc["tags"] = _people(meta.get("tags"))
        if meta.get("template") in _TEMPLATES:
            self.doc["template"] = meta["template"]
        if meta.get("implementation-status") in _IMPLEMENTATION:
            self.doc["implementation_status"] = meta["implementation-status"]
        for key, (kind, direction) in LINK_KEY_TO_KIND.items():
            for entry in meta.get(key) or []:
                if isinstance(entry, dict):
                    self.relate(kind, direction, entry.get("id"), entry.get("note"))
                else:
                    self.relate(kind, direction, entry)
        self.result.pattern_refs = [str(v) for v in meta.get("relies-on") or []]
        self.result.article_refs = [str(v) for v in meta.get("cites") or []]
        extra = {k: _json_safe(v) for k, v in meta.items() if k not in _KNOWN_FRONT_MATTER}
        self.doc["extra_frontmatter"].update(extra)

    def header_fields(self, lines: list[str]) -> list[str]:
        """MADR 2 / Log4brains `* Status: …` lines and Nygard's `Date: …`; returns the lines left over."""
        rest: list[str] = []
        for line in lines:
            match = _HEADER_FIELD.match(line.strip())
            key = match.group(1).strip().lower() if match else ""
            if not match or key not in _HEADER_KEYS:
                rest.append(line)
                continue
            value = match.group(2).strip()
            if key == "status":
                self.status_text = value
            elif key == "date":
                self.set_date(value)
            elif key in ("deciders", "decision-makers"):
                self.doc["decision_makers"] = _people(value)
            elif key == "technical story":
                self.doc["extra_frontmatter"]["technical-story"] = value
            else:
                self.doc[key] = _people(value)
        return rest

    # -- body sections -----------------------------------------------------------------------------------------

    def consequences(self, lines: list[str], default: str = "neutral") -> None:
        """Bullets `Good/Bad/Neutral, because …`; under Positive/Negative headings plain bullets take `default`."""
        items, other = _items(lines)
        buckets = self.doc["consequences"]
        for item, _raw in items:
            match = _JUDGED.match(item)
            if match:
                buckets[match.group(1).lower()].append(match.group(2).strip())
                continue
            if default == "neutral":
                self.warn(f"consequence '{item[:40]}' has no Good/Bad/Neutral: kept as neutral")
            buckets[default].append(item.strip())
        for paragraph in _paragraphs(other):
            self.warn("consequence prose without Good/Bad/Neutral: kept as a neutral consequence")
            buckets["neutral"].append(paragraph)

    def outcome(self, lines: list[str]) -> None:
        intro: list[str] = []
        for heading, chunk in _sections(lines, "### "):
            name = (heading or "").lower()
            if heading is None:
                intro.extend(chunk)
            elif name == "consequences":
                self.consequences(chunk)
            elif name in ("positive consequences", "good consequences"):
                self.consequences(chunk, "good")
            elif name in ("negative consequences", "bad consequences"):
                self.consequences(chunk, "bad")
            elif name in ("confirmation", "validation"):
                self.doc["confirmation"] = _text(chunk)
            else:
                intro.extend(["", f"### {heading}", *chunk])
        self.outcome_text = _text(intro)

    def resolve_outcome(self, titles: list[str]) -> None:
        """`Chosen option: "<title>", because …` where <title> is one of the considered options (titles may hold
        quotes, so known titles are tried first, longest first); an unknown choice stays text, with a warning."""
        text = self.outcome_text
        for title in sorted(titles, key=len, reverse=True):
            prefix = f'Chosen option: "{title}"'
            rest = _BECAUSE.match(text[len(prefix) :]) if text.startswith(prefix) else None
            if rest:
                self.doc["outcome"] = {"chosen_option": title, "justification": (rest.group(1) or "").strip()}
                return
        self.doc["outcome"] = {"chosen_option": None, "justification": text}
        if _CHOSEN.match(text):
            self.warn("the chosen option is not one of the considered options: the outcome is kept as text")

    def pros_and_cons(self, lines: list[str]) -> dict[str, dict[str, Any]]:
        details: dict[str, dict[str, Any]] = {}
        for heading, chunk in _sections(lines, "### "):
            if heading is None:
                if _text(chunk):
                    self.warn("text before the first option in Pros and Cons was dropped")
                continue
            option = _bare_option(heading)
            items, _other = _items(chunk)
            judged: set[int] = set()
            for item, indexes in items:
                match = _JUDGED.match(item)
                if match is not None:
                    option[_OPTION_BUCKETS[match.group(1).lower()]].append(match.group(2).strip())
                    judged.update(indexes)
            # Everything that is not a Good/Neutral/Bad bullet stays the description, in its order.
            option["description"] = _text([line for i, line in enumerate(chunk) if i not in judged])
            details[heading] = option
        return details

    def body(self, lines: list[str], fmt: SourceFormat) -> None:
        titles: list[str] = []
        details: dict[str, dict[str, Any]] = {}
        for heading, chunk in _sections(lines, "## "):
            name = (heading or "").lower()
            if heading is None:
                leftover = _text(self.header_fields(chunk))
                if leftover:
                    self.doc["extra_sections"].append({"heading": "", "body": leftover})
            elif name in ("context and problem statement", "context", "problem statement", "context and problem"):
                self.doc["context"] = _text(chunk)
            elif name == "decision drivers":
                items, other = _items(chunk)
                self.doc["decision_drivers"] = [text for text, _raw in items] + _paragraphs(other)
                if _paragraphs(other):
                    self.warn("decision-driver prose kept as one driver per paragraph")
            elif name == "considered options":
                items, other = _items(chunk)
                titles = [text for text, _raw in items]
                if _text(other):
                    self.warn("text around the Considered Options list was dropped")
            elif name in ("decision outcome", "decision"):
                self.outcome(chunk)
            elif name == "consequences":
                self.consequences(chunk)
            elif name in ("confirmation", "validation"):
                self.doc["confirmation"] = _text(chunk)
            elif name == "pros and cons of the options":
                details = self.pros_and_cons(chunk)
            elif name in ("more information", "links") and not self.doc["more_information"]:
                self.doc["more_information"] = _text(chunk)
                for line in self.scan_links(chunk):
                    unmapped = _UNMAPPED_LINK.match(line)
                    if unmapped:
                        self.warn(f"link '{unmapped.group(1)}' has no Stance link kind: kept in More Information")
            elif name == "status" and fmt == "nygard":
                self.nygard_status(chunk)
            else:
                self.doc["extra_sections"].append({"heading": heading, "body": _text(chunk)})
                self.warn(f"section '{heading}' is not a MADR section: kept verbatim")
        options = [details.pop(t, _bare_option(t)) for t in titles]
        for title, option in details.items():
            self.warn(f"option '{title}' has pros and cons but is not listed under Considered Options: added")
            options.append(option)
        self.doc["options"] = options
        self.resolve_outcome([o["title"] for o in options])

    def nygard_status(self, lines: list[str]) -> None:
        notes: list[str] = []
        for line in self.scan_links(lines):
            if not line.strip():
                continue
            if self.status_text is None:
                self.status_text = line.strip()
            else:
                notes.append(line.strip())
        if notes:
            self.doc["extra_frontmatter"]["status-notes"] = notes
            self.warn("status lines that are not links were kept as status-notes")

    # -- the whole file -----------------------------------------------------------------------------------------

    def run(self) -> DecisionFile:
        raw_meta, body = _split_front_matter(self.text)
        meta: dict[str, Any] | None = None
        if raw_meta is not None:
            try:
                loaded = yaml.safe_load(raw_meta)
            except yaml.YAMLError as error:
                raise ValueError(f"front matter is not valid YAML: {error}") from error
            meta = loaded if isinstance(loaded, dict) else {}
        lines = body.split("\n")
        title_at = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
        before = lines[:title_at] if title_at is not None else []
        after = lines[title_at + 1 :] if title_at is not None else lines
        fmt = self.detect(meta, before + after)
        self.result.source_format = fmt
        if meta is not None:
            self.front_matter(meta)
        if title_at is not None:
            heading = lines[title_at][2:].strip()
            numbered = _NUMBERED_TITLE.match(heading)
            if numbered and (fmt == "nygard" or self.result.number in (None, int(numbered.group(1)))):
                self.result.number = self.result.number or int(numbered.group(1))
                heading = numbered.group(2).strip()
            if not self.doc["title"]:
                self.doc["title"] = heading
        if fmt == "nygard":
            self.doc["template"] = "nygard"
        self.body(before + after, fmt)
        if not self.doc["title"]:
            raise ValueError("no title: expected a '# Title' line or a title in the front matter")
        if self.result.number is None and fmt != "log4brains":
            match = re.match(r"^(\d{1,5})-", self.name)
            self.result.number = int(match.group(1)) if match else None
        if self.status_text is None and any(
            r.kind == "supersedes" and r.direction == "incoming" for r in self.result.relations
        ):
            self.status_text = "superseded"
        self.set_status(self.status_text, "accepted" if fmt in ("nygard", "log4brains") else "draft", fmt)
        self.result.relations = _dedupe(self.result.relations)
        return self.result

    def detect(self, meta: dict[str, Any] | None, lines: list[str]) -> SourceFormat:
        if meta is not None:
            return "madr3" if "deciders" in meta and "decision-makers" not in meta else "madr4"
        preamble = next(iter(_sections(lines, "## ")))[1]
        fields = [m.group(0) for m in (_HEADER_FIELD.match(line.strip()) for line in preamble) if m]
        if any(re.match(r"^[*-]\s+status:", f, re.IGNORECASE) for f in fields):
            dated_name = re.match(r"^\d{8}-", self.name) is not None
            dashed = any(f.startswith("- ") for f in fields)
            tagged = any(re.match(r"^[*-]\s+tags:", f, re.IGNORECASE) for f in fields)
            return "log4brains" if dated_name or dashed or tagged else "madr2"
        if any(line.strip().lower() == "## status" for line in lines):
            return "nygard"
        self.warn("no front matter, status header or Status section: read as MADR 4")
        return "madr4"


def _bare_option(title: str) -> dict[str, Any]:
    return {"title": title, "description": "", "pros": [], "neutral": [], "cons": []}


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen: dict[tuple[str, int, str], Relation] = {}
    for relation in relations:
        key = (relation.kind, relation.target_number, relation.direction)
        if key not in seen or (relation.scope_note and not seen[key].scope_note):
            seen[key] = relation
    return sorted(seen.values(), key=lambda r: (r.kind, r.direction, r.target_number))


def parse(text: str, path: str | None = None) -> DecisionFile:
    """Parse one ADR file; `path` (its name) supplies the number (`0007-…`) and hints the format (`20240101-…`).

    Raises:
        ValueError: when the file has no title or its front matter is not valid YAML.
    """
    return _Reader(text, path).run()
