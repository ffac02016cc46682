"""Small wheels the agent-push tests build themselves (no network): a pure one, an aarch64
one, an x86_64-only one, and one whose tag says aarch64 while its shared object is x86_64."""
import base64
import hashlib
import struct
import zipfile
from pathlib import Path

ELF_X86_64, ELF_AARCH64 = 62, 183


def elf_header(machine: int) -> bytes:
    """A 64-bit little-endian ELF header for a shared object (ET_DYN) of `machine`."""
    ident = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)
    return ident + struct.pack("<HHIQQQIHHHHHH", 3, machine, 1, 0, 64, 0, 0, 64, 56, 0, 64, 0, 0)


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def wheel(directory: Path, dist: str, version: str, tag: str, files: dict) -> Path:
    """Writes {dist}-{version}-{tag}.whl with METADATA, WHEEL and RECORD."""
    info = f"{dist}-{version}.dist-info"
    files = dict(files)
    files[f"{info}/METADATA"] = f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n".encode()
    root_is_purelib = "true" if tag.endswith("-any") else "false"
    files[f"{info}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: agent-push-tests\nRoot-Is-Purelib: {root_is_purelib}\n"
                              f"Tag: {tag}\n").encode()
    record = [_record_line(n, d) for n, d in files.items()] + [f"{info}/RECORD,,"]
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    path = directory / f"{dist}-{version}-{tag}.whl"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in sorted(files.items()):
            zf.writestr(name, data)
    return path


def wheelhouse(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    wheel(directory, "purelib_ok", "1.0", "py3-none-any", {"purelib_ok.py": b'VALUE = "pure"\n'})
    wheel(directory, "armlib", "1.0", "py3-none-manylinux2014_aarch64",
          {"armlib/__init__.py": b"", "armlib/_native.so": elf_header(ELF_AARCH64)})
    wheel(directory, "x86lib", "1.0", "py3-none-manylinux2014_x86_64",
          {"x86lib/__init__.py": b'VALUE = "x86"\n', "x86lib/_native.so": elf_header(ELF_X86_64)})
    wheel(directory, "liar", "1.0", "py3-none-manylinux2014_aarch64",
          {"liar/__init__.py": b"", "liar/_native.so": elf_header(ELF_X86_64)})
    return directory
