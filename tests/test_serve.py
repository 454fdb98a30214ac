"""`make serve` rebuilds when content changes: the real `mkdocs serve`, on a copy of the project."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode()
    except OSError:
        return None


def wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def test_serve_rebuilds_when_content_changes(project: Path):
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "scripts")}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/muscles/gluteus-medius/"
    try:
        assert wait_for(lambda: "Gmed" in (fetch(url) or ""), 60), "mkdocs serve did not start"
        muscle = project / "content/muscles/gluteus-medius.yml"
        muscle.write_text(muscle.read_text().replace("  short: Gmed", "  short: GmedEdited"))
        assert wait_for(lambda: "GmedEdited" in (fetch(url) or ""), 60), "the page was not rebuilt"
    finally:
        server.terminate()
        server.wait(timeout=10)
