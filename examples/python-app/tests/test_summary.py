import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(__file__)
sys.path.insert(0, os.path.join(HERE, "..", "src"))

from sbom_summary.summary import SbomError, summarize  # noqa: E402

BOM = {
    "bomFormat": "CycloneDX",
    "specVersion": "1.6",
    "metadata": {"component": {"name": "embedding-cli", "version": "0.1.0"}},
    "components": [
        {"name": "libc", "purl": "pkg:cargo/libc@0.2.155"},
        {
            "name": "nats-server.wasm",
            "components": [
                {"name": "github.com/nats-io/nats-server/v2", "purl": "pkg:golang/github.com/nats-io/nats-server/v2@v2.9.10"},
                {"name": "golang.org/x/crypto", "purl": "pkg:golang/golang.org/x/crypto@v0.4.0"},
            ],
        },
    ],
}


class SummaryTest(unittest.TestCase):
    def test_counts_nested_components_by_ecosystem(self):
        s = summarize(BOM)
        self.assertEqual(s.subject, "embedding-cli@0.1.0")
        self.assertEqual(s.components, 4)
        self.assertEqual(dict(s.ecosystems), {"cargo": 1, "golang": 2})
        self.assertEqual(s.without_purl, ["nats-server.wasm"])

    def test_rejects_other_documents(self):
        with self.assertRaises(SbomError):
            summarize({"spdxVersion": "SPDX-2.3"})
        with self.assertRaises(SbomError):
            summarize({"bomFormat": "CycloneDX", "components": [{"purl": "npm/x"}]})


class CliTest(unittest.TestCase):
    def run_cli(self, *args):
        env = dict(os.environ, PYTHONPATH=os.path.join(HERE, "..", "src"))
        return subprocess.run(
            [sys.executable, "-m", "sbom_summary.cli", *args],
            capture_output=True, text=True, env=env, check=False,
        )

    def test_json_output(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "bom.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(BOM, f)
            out = self.run_cli(path, "--json")
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(json.loads(out.stdout)["ecosystems"], {"cargo": 1, "golang": 2})

    def test_missing_file_exits_2(self):
        out = self.run_cli(os.path.join(HERE, "does-not-exist.json"))
        self.assertEqual(out.returncode, 2)
        self.assertIn("does-not-exist.json", out.stderr)


if __name__ == "__main__":
    unittest.main()
