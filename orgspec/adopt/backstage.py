"""A Backstage software catalog (catalog-info.yaml files) -> teams, people and duties.

Group -> Team (`spec.parent`, `spec.children`, `spec.members`, `spec.profile.displayName`);
User -> Person (`spec.memberOf`, `spec.profile.displayName`, `spec.profile.email`);
Component, API, System, Resource and Domain -> a Responsibility accountable to `spec.owner`.
Entity refs are `[kind:][namespace/]name`; a missing kind is the one the field expects, a
missing namespace the referring entity's own. Names in the `default` namespace keep their name
as id (lowercased and mapped when not a valid slug); other namespaces give `namespace-name`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from orgspec.adopt.draft import Draft, DraftDuty
from orgspec.adopt.slug import IdMap
from orgspec.adopt.write import AdoptError
from orgspec.i18n import M, reason

OWNED = ("component", "api", "system", "resource", "domain")
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Ref:
    kind: str  # lowercase: group, user, component ...
    namespace: str
    name: str

    @property
    def key(self) -> str:
        """The source key: `name` in the default namespace, else `namespace/name`."""
        return self.name if self.namespace == "default" else f"{self.namespace}/{self.name}"

    @property
    def text(self) -> str:
        return self.name if self.namespace == "default" else f"{self.namespace}-{self.name}"


def parse_ref(ref: Any, kind: str, namespace: str) -> Ref | None:
    """`group:platform/sre` -> Ref("group", "platform", "sre"); defaults fill the gaps."""
    if not isinstance(ref, str) or not ref.strip():
        return None
    text = ref.strip()
    head, sep, rest = text.partition(":")
    if sep and "/" not in head:
        kind, text = head.casefold(), rest
    ns, sep, name = text.rpartition("/")
    return Ref(kind, ns if sep else namespace, name) if name else None


@dataclass
class Entity:
    kind: str
    ref: Ref
    metadata: dict[str, Any]
    spec: dict[str, Any]
    where: str  # an `M`: "catalog-info.yaml document 2"


def read_catalog(paths: list[str]) -> list[Entity]:
    """Every entity in the catalog files, in file order. Parsed by the loader's parser
    (`ORGSPEC_YAML_PARSER`; a bad value is a ConfigError). Raises AdoptError."""
    import yaml

    from orgspec.load.yamlevents import loader_class

    loader = loader_class()
    out = []
    for path in paths:
        try:
            if os.path.getsize(path) > MAX_BYTES:
                raise AdoptError(M("{where}: larger than {mb} MB", where=path,
                                   mb=MAX_BYTES // 2**20))
            with open(path, encoding="utf-8-sig") as handle:
                docs = list(yaml.load_all(handle, Loader=loader))
        except OSError as exc:
            raise AdoptError(M("cannot read {path!r}: {why}", path=path,
                               why=reason(exc))) from None
        except UnicodeDecodeError:
            raise AdoptError(M("{where}: not UTF-8 text", where=path)) from None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            at = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
            raise AdoptError(M("{where}: not valid YAML (the parser says: {problem})",
                               where=path + at,
                               problem=getattr(exc, "problem", None) or "syntax error")) \
                from None
        for i, doc in enumerate(docs, start=1):
            entity = _entity(doc, M("{file} document {n}", file=os.path.basename(path), n=i))
            if entity is not None:
                out.append(entity)
    return out


def _entity(doc: Any, where: str) -> Entity | None:
    if not isinstance(doc, dict):
        return None
    meta, spec = doc.get("metadata"), doc.get("spec")
    kind = doc.get("kind")
    if not isinstance(kind, str) or not isinstance(meta, dict) or \
            not isinstance(meta.get("name"), str):
        return None
    ns = meta["namespace"] if isinstance(meta.get("namespace"), str) else "default"
    return Entity(kind.casefold(), Ref(kind.casefold(), ns, meta["name"]), meta,
                  spec if isinstance(spec, dict) else {}, where)


def _profile(e: Entity) -> dict[str, Any]:
    profile = e.spec.get("profile")
    return profile if isinstance(profile, dict) else {}


def _texts(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value is not None else []


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def import_backstage(paths: list[str], ids: IdMap | None = None) -> Draft:
    """Read the catalog files in `paths` into one Draft."""
    ids = ids or IdMap()
    draft = Draft("backstage")
    entities = read_catalog(paths)
    groups = {e.ref.key for e in entities if e.kind == "group"}
    users = {e.ref.key for e in entities if e.kind == "user"}

    def team(ref: Ref) -> str:
        tid = ids.get("team", ref.key, ref.text)
        if ref.key not in groups and tid not in draft.teams:
            draft.notes.append(M("group {group} is not in the catalog; added as a team",
                                 group=ref.key))
            draft.team(tid).name = ref.key
        return draft.team(tid).id

    def person(ref: Ref) -> str:
        pid = ids.get("person", ref.key, ref.text)
        if ref.key not in users and pid not in draft.people:
            draft.notes.append(M("user {user} is not in the catalog; added as a person",
                                 user=ref.key))
            draft.person(pid).name = ref.key
        return draft.person(pid).id

    for e in entities:
        ns = e.ref.namespace
        if e.kind == "group":
            t = draft.team(team(e.ref))
            profile = _profile(e)
            t.name = _str(profile.get("displayName")) or _str(e.metadata.get("title")) or \
                e.ref.name
            t.description = _str(e.metadata.get("description"))
            parent = parse_ref(e.spec.get("parent"), "group", ns)
            if parent is not None:
                t.parent = team(parent)
            for child in _texts(e.spec.get("children")):
                c = parse_ref(child, "group", ns)
                if c is not None:
                    child_team = draft.team(team(c))
                    child_team.parent = child_team.parent or t.id
            for member in _texts(e.spec.get("members")):
                m = parse_ref(member, "user", ns)
                if m is not None:
                    draft.add_member(t.id, person(m))
        elif e.kind == "user":
            p = draft.person(person(e.ref))
            profile = _profile(e)
            p.name = _str(profile.get("displayName")) or _str(e.metadata.get("title")) or \
                e.ref.name
            email = _str(profile.get("email"))
            p.email = email if email and "@" in email and " " not in email else None
            for group in _texts(e.spec.get("memberOf")):
                g = parse_ref(group, "group", ns)
                if g is not None:
                    draft.add_member(team(g), p.id)
        elif e.kind in OWNED:
            _duty(draft, e, ids, team, person)
        elif e.kind != "location":
            draft.notes.append(M("{where}: kind {kind} is not imported", where=e.where,
                                 kind=e.kind))
    return draft


def _duty(draft: Draft, e: Entity, ids: IdMap, team: Callable[[Ref], str],
          person: Callable[[Ref], str]) -> None:
    owner = parse_ref(e.spec.get("owner"), "group", e.ref.namespace)
    key = e.ref.key if e.kind == "component" else f"{e.kind}:{e.ref.key}"
    text = e.ref.text if e.kind == "component" else f"{e.kind}-{e.ref.text}"
    did = ids.get("responsibility", key, text)
    duty = draft.duties.setdefault(did, DraftDuty(did))
    duty.name = _str(e.metadata.get("title")) or e.ref.name
    what = {"api": "API"}.get(e.kind, e.kind.capitalize())
    duty.description = _str(e.metadata.get("description")) or \
        f"Build and run the {what.lower() if what != 'API' else what} {e.ref.key}"
    if owner is None:
        draft.notes.append(M("{where}: {kind} {name} has no spec.owner", where=e.where,
                             kind=e.kind, name=e.ref.key))
    elif owner.kind == "group":
        duty.accountable = [team(owner)]
    elif owner.kind == "user":
        duty.accountable = [person(owner)]
    else:
        draft.notes.append(M("{where}: owner {owner} is not a group or user", where=e.where,
                             owner=owner.kind + ":" + owner.key))

