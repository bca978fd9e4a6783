"""`mkdocs serve` regenerates the pages when an editor saves a YAML file."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import mkdocs_project


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _get(url)
        if page and text in page:
            return True
        time.sleep(0.5)
    return False


def test_serve_shows_a_yaml_change_after_reload(project):
    mkdocs_project(project)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project.root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/tjenester/familieteamet-nordby/"
    try:
        assert _wait_for(url, "Familieteamet", 60), "mkdocs serve did not start"
        project.replace("services/nordby.yml", "    navn: Familieteamet", "    navn: Familieteamet Nordby")
        assert _wait_for(url, "<h1>Familieteamet Nordby</h1>", 60), "the YAML change did not show"
    finally:
        server.terminate()
        server.wait(timeout=30)
