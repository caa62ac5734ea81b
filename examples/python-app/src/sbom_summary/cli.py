"""sbom-summary FILE|URL [--json]"""

from __future__ import annotations

import json
import sys

import click
import requests

from . import __version__
from .summary import SbomError, summarize


def _load(source: str) -> dict:
    if source.startswith(("https://", "http://")):
        response = requests.get(source, timeout=30)
        response.raise_for_status()
        return response.json()
    with open(source, encoding="utf-8") as f:
        return json.load(f)


@click.command()
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.version_option(__version__, prog_name="sbom-summary")
def main(source: str, as_json: bool) -> None:
    """Summarise the CycloneDX SBOM at SOURCE (a file or an http(s) URL)."""
    try:
        summary = summarize(_load(source))
    except (OSError, ValueError, requests.RequestException) as err:
        # ValueError covers bad JSON and SbomError.
        click.echo(f"sbom-summary: {source}: {err}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "specVersion": summary.spec_version,
                    "subject": summary.subject,
                    "components": summary.components,
                    "ecosystems": dict(sorted(summary.ecosystems.items())),
                    "withoutPurl": summary.without_purl,
                },
                indent=2,
            )
        )
        return
    click.echo(f"CycloneDX {summary.spec_version}: {summary.subject or '(no subject)'}")
    click.echo(f"{summary.components} components")
    for ecosystem, count in sorted(summary.ecosystems.items()):
        click.echo(f"  {ecosystem:<10} {count}")
    if summary.without_purl:
        click.echo(f"  (no purl)  {len(summary.without_purl)}")


if __name__ == "__main__":
    main()
