"""The dependency layer: its hash (SYSTEM.md section 11), and its build with the arm64 checks."""
from __future__ import annotations

import hashlib
import importlib.metadata
import platform
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from . import archive
from .errors import DeliveryError
from .manifest import AgentProject

# AgentCore Runtime (AWS): arm64, CPython 3.12, glibc manylinux2014.
AWS_PLATFORM = "manylinux2014_aarch64"
AWS_PYTHON = "3.12"
ELF_MACHINES = {62: "x86_64", 183: "aarch64"}
MACHINE_CODES = {"x86_64": 62, "amd64": 62, "aarch64": 183, "arm64": 183}


def dependency_hash(project: AgentProject) -> str:
    """[project.dependencies] trimmed, sorted, newline-joined, plus the lockfile; SHA-256, first 16 hex."""
    text = "\n".join(sorted(dep.strip() for dep in project.dependencies))
    digest = hashlib.sha256(text.encode())
    if project.lockfile:
        digest.update(b"\n")
        digest.update(project.lockfile.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class LayerTarget:
    """Which machine the layer is for: AgentCore's (arm64) or this one (ENV=local)."""
    aws: bool

    @property
    def machine(self) -> str:
        return "aarch64" if self.aws else platform.machine().lower()

    @property
    def description(self) -> str:
        return f"{AWS_PLATFORM} / CPython {AWS_PYTHON}" if self.aws else f"this machine ({self.machine}, CPython " \
            f"{sys.version_info.major}.{sys.version_info.minor})"

    def pip_options(self) -> list[str]:
        if self.aws:
            return ["--platform", AWS_PLATFORM, "--python-version", AWS_PYTHON, "--implementation", "cp",
                    "--abi", "cp312"]
        return []

    def wheel_platform_ok(self, plat: str) -> bool:
        if plat == "any":
            return True
        if self.aws:
            return bool(re.fullmatch(r"manylinux(2014|_2_(1[7-9]|2[0-9]))_aarch64", plat))
        return plat.endswith("_" + self.machine) or plat == "linux_" + self.machine


def provided_locally(project: AgentProject) -> tuple[list[str], list[str]]:
    """(to install, provided): pins the local runtime's Python already has at that exact version.

    The local AgentCore runtime runs agents with the project venv's Python, which carries the
    platform SDK (bedrock-agentcore); those pins come from it, like a base image (ADR 0039)."""
    install, provided = [], []
    for dep in project.dependencies:
        req = Requirement(dep)
        pinned = next(iter(req.specifier)).version
        try:
            have = importlib.metadata.version(req.name)
        except importlib.metadata.PackageNotFoundError:
            have = None
        (provided if have == pinned else install).append(dep.strip())
    return install, provided


def wheel_platforms(name: str) -> list[str]:
    # {dist}-{version}(-{build})?-{python}-{abi}-{platform}.whl; platform may be dotted (compressed tags).
    return name[:-len(".whl")].split("-")[-1].split(".")


def check_wheel(wheel: Path, target: LayerTarget) -> None:
    """Refuses a wheel whose tag or whose shared objects (ELF header) are not for the target, naming it."""
    package = wheel.name.split("-")[0]
    bad = [p for p in wheel_platforms(wheel.name) if not target.wheel_platform_ok(p)]
    if bad:
        raise DeliveryError("layer", f"{package}: wheel {wheel.name} is tagged {', '.join(bad)}, "
                                     f"not {target.description}: refused")
    want = MACHINE_CODES.get(target.machine)
    with zipfile.ZipFile(wheel) as zf:
        for member in zf.namelist():
            base = member.rsplit("/", 1)[-1]
            if not (base.endswith(".so") or ".so." in base):
                continue
            head = zf.open(member).read(20)
            if head[:4] != b"\x7fELF" or len(head) < 20:
                raise DeliveryError("layer", f"{package}: {member} in {wheel.name} is not an ELF shared object: refused")
            machine = int.from_bytes(head[18:20], "little" if head[5] == 1 else "big")
            if machine != want:
                raise DeliveryError("layer", f"{package}: {member} in {wheel.name} is an ELF for "
                                             f"{ELF_MACHINES.get(machine, f'machine {machine}')}, not {target.machine}: refused")


def install_wheel(wheel: Path, into: Path) -> None:
    """A wheel is a zip laid out for site-packages; `.data/purelib|platlib` go to the top."""
    with zipfile.ZipFile(wheel) as zf:
        for member in zf.infolist():
            parts = member.filename.split("/")
            if len(parts) > 2 and parts[0].endswith(".data"):
                if parts[1] not in ("purelib", "platlib"):
                    continue
                parts = parts[2:]
            if member.is_dir() or ".." in parts:
                continue
            dest = into.joinpath(*parts)
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(zf.read(member))


def build(project: AgentProject, target: LayerTarget, workdir: Path, log=print) -> tuple[Path, list[str]]:
    """Downloads binary wheels for the target, checks each, unpacks them; returns (zip, provided pins)."""
    requirements, provided = (list(project.dependencies), []) if target.aws else provided_locally(project)
    wheels = workdir / "wheels"
    site = workdir / "site"
    for d in (wheels, site):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    if requirements:
        cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
               "--only-binary=:all:", "--dest", str(wheels), *target.pip_options(), *requirements]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            missing = re.findall(r"(?:No matching distribution found for|satisfies the requirement) ([^\s(]+)",
                                 result.stderr)
            if missing:
                name = canonicalize_name(Requirement(missing[-1]).name)
                raise DeliveryError("layer", f"{name}: no binary wheel for {target.description} "
                                             f"(requirement {missing[-1]}): refused")
            raise DeliveryError("layer", "pip download failed: " + result.stderr.strip().splitlines()[-1]
                                if result.stderr.strip() else f"pip download exited {result.returncode}")
        for wheel in sorted(wheels.glob("*.whl")):
            check_wheel(wheel, target)
        for wheel in sorted(wheels.glob("*.whl")):
            install_wheel(wheel, site)
    out = workdir / "layer.zip"
    archive.write(archive.files_of(site, exclude=False), out)
    return out, provided
