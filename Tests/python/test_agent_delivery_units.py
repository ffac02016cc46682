"""Pure parts of agent delivery: the layer hash, deterministic zips, the arm64 checks, the
manifest schema and the golden-case matcher (no servers)."""
import dataclasses
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from agent_delivery import archive, layer, manifest, release, scaffold  # noqa: E402
from agent_delivery.errors import DeliveryError  # noqa: E402
from agent_wheels import ELF_AARCH64, ELF_X86_64, elf_header, wheel, wheelhouse  # noqa: E402

ECHO = manifest.load(ROOT / "agents/echo-agent")
AWS, LOCAL = layer.LayerTarget(aws=True), layer.LayerTarget(aws=False)


def test_hash_is_order_and_whitespace_invariant_and_covers_the_lockfile(tmp_path):
    a = dataclasses.replace(ECHO, dependencies=("b==2", "a==1"))
    b = dataclasses.replace(ECHO, dependencies=(" a==1 ", "b==2"))
    assert layer.dependency_hash(a) == layer.dependency_hash(b)
    assert len(layer.dependency_hash(a)) == 16 and int(layer.dependency_hash(a), 16) >= 0
    assert layer.dependency_hash(a) != layer.dependency_hash(dataclasses.replace(ECHO, dependencies=("a==1", "b==3")))
    import hashlib
    assert layer.dependency_hash(a) == hashlib.sha256(b"a==1\nb==2").hexdigest()[:16]
    locked = scaffold.new_agent("locked-agent", agents_dir=tmp_path)
    before = layer.dependency_hash(manifest.load(locked))
    (locked / "uv.lock").write_text("version = 1\n")
    assert layer.dependency_hash(manifest.load(locked)) != before


def test_zips_are_deterministic_and_leave_out_tests_caches_and_secrets(tmp_path):
    agent = scaffold.new_agent("zip-agent", agents_dir=tmp_path)
    (agent / "__pycache__").mkdir()
    (agent / "__pycache__/agent.cpython-311.pyc").write_bytes(b"x")
    (agent / ".env").write_text("TOKEN=x\n")
    (agent / ".venv/lib").mkdir(parents=True)
    first = archive.write(archive.files_of(agent), tmp_path / "one.zip")
    (agent / "agent.py").touch()  # a new mtime changes nothing
    second = archive.write(archive.files_of(agent), tmp_path / "two.zip")
    assert first == second
    names = zipfile.ZipFile(tmp_path / "one.zip").namelist()
    assert "agent.py" in names and "pyproject.toml" in names
    assert not [n for n in names if n.startswith(("tests/", ".venv/", "__pycache__/")) or n == ".env"]


def test_wheel_tags_and_elf_headers_are_checked_naming_the_package(tmp_path):
    house = wheelhouse(tmp_path / "w")
    layer.check_wheel(next(house.glob("purelib_ok-*.whl")), AWS)
    layer.check_wheel(next(house.glob("armlib-*.whl")), AWS)
    with pytest.raises(DeliveryError, match=r"x86lib: wheel .* is tagged manylinux2014_x86_64, not manylinux2014_aarch64"):
        layer.check_wheel(next(house.glob("x86lib-*.whl")), AWS)
    with pytest.raises(DeliveryError, match=r"liar: .*ELF for x86_64, not aarch64"):
        layer.check_wheel(next(house.glob("liar-*.whl")), AWS)
    dotted = wheel(tmp_path, "multi", "1.0", "py3-none-manylinux2014_aarch64.manylinux2014_x86_64",
                   {"multi/_n.so": elf_header(ELF_AARCH64)})
    with pytest.raises(DeliveryError, match="multi: .*tagged manylinux2014_x86_64"):
        layer.check_wheel(dotted, AWS)
    fake = wheel(tmp_path, "fakeso", "1.0", "py3-none-any", {"fakeso/_n.so": b"not an elf"})
    with pytest.raises(DeliveryError, match="fakeso: .* is not an ELF shared object"):
        layer.check_wheel(fake, AWS)
    if LOCAL.machine == "x86_64":
        layer.check_wheel(next(house.glob("x86lib-*.whl")), LOCAL)
        assert elf_header(ELF_X86_64)[18] == 62


def test_manifest_schema_reports_every_problem(tmp_path):
    agent = scaffold.new_agent("bad-agent", agents_dir=tmp_path)
    path = agent / "pyproject.toml"
    text = path.read_text().replace('tier_minimum = "basic"', 'tier_minimum = "gold"')
    text = text.replace('estimated_duration_seconds = 5', 'estimated_duration_seconds = 0\nsurprise = 1')
    text = text.replace('"bedrock-agentcore==1.15.0"', '"bedrock-agentcore>=1.0"')
    path.write_text(text)
    with pytest.raises(DeliveryError) as err:
        manifest.load(agent)
    for part in ("tier_minimum", "estimated_duration_seconds", "surprise", "dependencies.0"):
        assert part in err.value.message
    path.write_text(path.read_text().replace("[tool.agentcore]", "[tool.other]"))
    with pytest.raises(DeliveryError, match="'agentcore' is a required property"):
        manifest.load(agent)


def test_async_agents_cannot_stream_and_names_must_match(tmp_path):
    agent = scaffold.new_agent("async-agent", agents_dir=tmp_path)
    path = agent / "pyproject.toml"
    path.write_text(path.read_text().replace('invocation_mode = "sync"', 'invocation_mode = "async"'))
    with pytest.raises(DeliveryError, match="streaming_enabled"):
        manifest.load(agent)
    path.write_text(path.read_text().replace("streaming_enabled = true", "streaming_enabled = false")
                    .replace('name = "async-agent"', 'name = "other-agent"', 1))
    with pytest.raises(DeliveryError, match="must both be the directory name async-agent"):
        manifest.load(agent)


def test_golden_matcher_binds_placeholders():
    assert release.matches({"id": "t-1", "again": "t-1"}, {"id": "$task", "again": "$task"}, {})
    assert not release.matches({"id": "t-1", "again": "t-2"}, {"id": "$task", "again": "$task"}, {})
    assert not release.matches({"a": 1, "b": 2}, {"a": 1}, {})
    assert not release.matches([1, 2], [1], {})
    assert not release.matches(1, True, {})
