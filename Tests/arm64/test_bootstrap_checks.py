"""scripts/check-bootstrap.sh, the load-on-provided.al2023 checks package.sh runs on
every bootstrap of both architectures, against real binaries built or found here."""
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "scripts/check-bootstrap.sh"


def check(arch: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK), arch, str(path), "fn"], capture_output=True, text=True)


def compile_program(tmp_path: Path, source: str, language: str = "c") -> Path:
    compiler = shutil.which("clang" if language == "c" else "clang++")
    assert compiler, "clang comes with the Swift toolchain"
    src = tmp_path / f"main.{language}"
    src.write_text(source)
    out = tmp_path / "program"
    subprocess.run([compiler, "-O1", "-o", str(out), str(src)], check=True)
    return out


def test_a_plain_c_program_passes_and_reports_its_glibc(tmp_path):
    program = compile_program(tmp_path, "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }\n")
    result = check("x86_64", program)
    assert result.returncode == 0, result.stderr
    major, minor = result.stdout.strip().split(".")
    assert (int(major), int(minor)) <= (2, 34)


def test_a_symbol_newer_than_glibc_2_34_is_named(tmp_path):
    # arc4random arrived in glibc 2.36, the host's version.
    program = compile_program(tmp_path, "#include <stdlib.h>\nint main(void) { return (int)(arc4random() & 1); }\n")
    result = check("x86_64", program)
    assert result.returncode == 1
    assert "arc4random@GLIBC_2.36" in result.stderr


def test_a_dynamic_libstdcxx_is_refused(tmp_path):
    program = compile_program(tmp_path, "#include <string>\n#include <cstdio>\n"
                              "int main(int c, char **v) { std::string s(v[0]); std::puts(s.c_str()); return 0; }\n", "cpp")
    result = check("x86_64", program)
    assert result.returncode == 1
    assert "needs libstdc++.so.6" in result.stderr


def test_debians_curl_symbol_version_is_refused():
    # Debian's curl binary references libcurl's symbols at Debian's CURL_OPENSSL_4 node.
    curl = shutil.which("curl")
    if curl is None:
        pytest.skip("no curl binary on this machine")
    result = check("x86_64", Path(curl))
    assert result.returncode == 1
    assert "@CURL_OPENSSL_4 from libcurl.so.4" in result.stderr


def test_the_wrong_machine_and_non_elf_files_are_refused(tmp_path):
    result = check("arm64", Path("/bin/true"))
    assert result.returncode == 1 and "is an ELF for Advanced Micro Devices X86-64, not arm64" in result.stderr
    text = tmp_path / "bootstrap"
    text.write_text("#!/bin/sh\n")
    result = check("x86_64", text)
    assert result.returncode == 1 and "not an ELF executable" in result.stderr


def test_a_library_provided_al2023_lacks_is_named(tmp_path):
    program = compile_program(tmp_path, "#include <stdio.h>\nint main(void) { return 0; }\n")
    linked = tmp_path / "with-libselinux"
    # Any library beyond the image's set: libselinux is on every Debian host.
    subprocess.run([shutil.which("clang"), "-o", str(linked), str(tmp_path / "main.c"), "-Wl,--no-as-needed",
                    "-l:libselinux.so.1"], check=True)
    result = check("x86_64", linked)
    assert result.returncode == 1 and "needs libselinux.so.1" in result.stderr
