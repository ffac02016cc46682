"""Deterministic zips: the same files give the same bytes (sorted names, fixed times and modes)."""
from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
# Never packaged with agent code: tests, caches, virtualenvs, VCS data, local secrets.
EXCLUDED_DIRS = {"tests", "test", "__pycache__", ".venv", "venv", ".pytest_cache", ".mypy_cache", ".ruff_cache",
                 ".git", "build", "dist", ".tox", ".idea", ".vscode"}
EXCLUDED_SUFFIXES = (".pyc", ".pyo", ".zip", ".egg-info")
EXCLUDED_NAMES = {".DS_Store", ".env", ".coverage"}


def files_of(root: Path, exclude=True) -> list[tuple[str, Path]]:
    """(archive name, path) of every file under root, sorted; code exclusions when `exclude`."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        if exclude:
            dirnames[:] = [d for d in dirnames if d not in EXCLUDED_DIRS and not d.endswith(".egg-info")]
        for name in filenames:
            if exclude and (name in EXCLUDED_NAMES or name.startswith(".env") or name.endswith(EXCLUDED_SUFFIXES)):
                continue
            path = Path(dirpath) / name
            if path.is_symlink() or not path.is_file():
                continue
            found.append((path.relative_to(root).as_posix(), path))
    return sorted(found)


def write(entries: list[tuple[str, Path]], out: Path) -> str:
    """Writes the zip; returns its SHA-256 (hex)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w") as zf:
        for name, path in entries:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            mode = 0o755 if os.access(path, os.X_OK) else 0o644
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            zf.writestr(info, path.read_bytes(), compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    tmp.replace(out)
    return sha256_of(out)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
