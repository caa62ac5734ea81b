"""Summarise a CycloneDX SBOM: how many components, from which ecosystems."""

from .summary import Summary, summarize

__all__ = ["Summary", "summarize"]
__version__ = "0.1.0"
