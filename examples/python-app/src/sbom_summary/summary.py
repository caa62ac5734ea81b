"""Counting a CycloneDX BOM's components by ecosystem (the purl type)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


class SbomError(ValueError):
    """The document is not a CycloneDX JSON BOM."""


@dataclass
class Summary:
    spec_version: str
    subject: str | None
    components: int = 0
    ecosystems: Counter = field(default_factory=Counter)
    without_purl: list[str] = field(default_factory=list)


def _walk(components):
    # Components nest (a wasm module inside a CLI carries its own Go modules).
    for component in components or []:
        yield component
        yield from _walk(component.get("components"))


def _ecosystem(purl: str) -> str:
    # pkg:golang/github.com/x/y@v1 -> golang
    if not purl.startswith("pkg:") or "/" not in purl:
        raise SbomError(f"not a package URL: {purl!r}")
    return purl[4:].split("/", 1)[0].lower()


def summarize(bom: dict) -> Summary:
    if not isinstance(bom, dict) or bom.get("bomFormat") != "CycloneDX":
        raise SbomError("not a CycloneDX BOM (bomFormat is not 'CycloneDX')")
    subject = (bom.get("metadata") or {}).get("component") or {}
    name = subject.get("name")
    if name and subject.get("version"):
        name = f"{name}@{subject['version']}"
    summary = Summary(spec_version=str(bom.get("specVersion", "?")), subject=name)
    for component in _walk(bom.get("components")):
        summary.components += 1
        purl = component.get("purl")
        if purl:
            summary.ecosystems[_ecosystem(purl)] += 1
        else:
            summary.without_purl.append(str(component.get("name", "?")))
    return summary
