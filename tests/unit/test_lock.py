"""The lock files (issue 37): every dependency pyproject.toml names is pinned in them at a
version it allows, with hashes; a change to pyproject.toml without `bash scripts/lock` fails
here."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\]+)")


def _project() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _wanted(extras: tuple[str, ...]) -> list[Requirement]:
    project = _project()
    found = [Requirement(r) for r in project["project"]["dependencies"]]  # type: ignore[index]
    for extra in extras:
        found += [Requirement(r) for r in project["project"]["optional-dependencies"][extra]]  # type: ignore[index]
    found += [Requirement(r) for r in project["build-system"]["requires"]]  # type: ignore[index]
    return found


def _locked(name: str) -> dict[str, tuple[str, int]]:
    """{package: (version, how many hashes)} of a lock file."""
    pins: dict[str, tuple[str, int]] = {}
    current = None
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        matched = _PIN.match(line)
        if matched:
            current = canonicalize_name(matched.group(1))
            pins[current] = (matched.group(2), 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, hashes = pins[current]
            pins[current] = (version, hashes + 1)
    return pins


@pytest.mark.parametrize(
    ("lock", "extras"),
    [("requirements.lock", ("scale",)), ("requirements-test.lock", ("scale", "test"))],
)
def test_every_dependency_is_locked_at_a_version_pyproject_allows(
    lock: str, extras: tuple[str, ...]
) -> None:
    pins = _locked(lock)
    assert len(pins) > 20
    for requirement in _wanted(extras):
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in {lock}: run `bash scripts/lock`"
        version, _ = pins[name]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock} pins {name}=={version}, pyproject.toml asks {requirement.specifier}:"
            " run `bash scripts/lock`"
        )


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-test.lock"])
def test_every_locked_package_has_its_hashes(lock: str) -> None:
    unhashed = [name for name, (_, hashes) in _locked(lock).items() if hashes == 0]
    assert unhashed == []
