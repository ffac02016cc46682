"""`make agent-new NAME=`: a new agent from the echo-agent reference that passes its tests and pushes as is."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from .errors import DeliveryError
from .manifest import AGENTS_DIR

TEMPLATE = "echo-agent"
NAME = re.compile(r"^[a-z][a-z0-9-]{1,62}$")
# Files whose text names the template agent or its team (the rest is the agent's code and cases).
RENAMED = ("pyproject.toml", "tests/test_manifest.py")


def new_agent(name: str, owner: str = "platform", agents_dir: Path = AGENTS_DIR) -> Path:
    if not NAME.fullmatch(name or ""):
        raise DeliveryError("new", f"NAME must be 2-63 lower-case letters, digits or hyphens starting with a letter, "
                                   f"got {name!r}")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,127}", owner):
        raise DeliveryError("new", f"OWNER must be a team name, got {owner!r}")
    target = agents_dir / name
    if target.exists():
        raise DeliveryError("new", f"agents/{name} already exists")
    shutil.copytree(AGENTS_DIR / TEMPLATE, target,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", ".venv"))
    for rel in RENAMED:
        path = target / rel
        text = path.read_text()
        text = text.replace(f'"{TEMPLATE}"', f'"{name}"')
        text = re.sub(r'owner_team = "[^"]*"', f'owner_team = "{owner}"', text)
        text = re.sub(r'"owner_team": "[^"]*"', f'"owner_team": "{owner}"', text)
        if rel == "pyproject.toml":
            text = re.sub(r'^version = "[^"]*"', 'version = "0.1.0"', text, flags=re.M)
            text = re.sub(r'^description = "[^"]*"', f'description = "{name}: scaffolded from {TEMPLATE}."', text,
                          flags=re.M)
        path.write_text(text)
    return target
