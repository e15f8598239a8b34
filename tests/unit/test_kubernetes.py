"""deploy/kubernetes/ as an operator applies it: valid against Kubernetes' schemas (the test
command also runs kubernetes-validate on every file), two or more webhook replicas with
readiness and liveness on /healthz, tokens in a Secret, settings named as .env.example names
them, and kustomize listing every file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "deploy" / "kubernetes"
VERSION = "1.30.0"  # an older cluster still accepts them


def manifests() -> dict[str, dict[str, Any]]:
    found = {}
    for path in sorted(FOLDER.glob("*.yaml")):
        if path.name != "kustomization.yaml":
            found[path.name] = yaml.safe_load(path.read_text())
    return found


@pytest.mark.parametrize("name", sorted(manifests()))
def test_every_manifest_is_valid_for_kubernetes(name: str) -> None:
    kubernetes_validate.validate(manifests()[name], VERSION, strict=True)


def test_a_mistake_is_caught() -> None:
    deployment = manifests()["deployment.yaml"]
    deployment["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, VERSION, strict=True)


def test_replicas_in_webhook_mode_with_health_probes_and_secrets_kept_apart() -> None:
    found = manifests()
    deployment = found["deployment.yaml"]
    assert deployment["spec"]["replicas"] >= 2
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/healthz"
    sources = {next(iter(ref.values()))["name"] for ref in container["envFrom"]}
    assert sources == {"smm-bot"}
    config, secret = found["configmap.yaml"]["data"], found["secret.yaml"]["stringData"]
    assert "WEBHOOK_URL" in config and "WEBHOOK_SECRET" in secret
    assert {"BOT_TOKEN", "PANEL_API_KEY", "DATABASE_URL", "REDIS_URL"} <= set(secret)
    assert not {"BOT_TOKEN", "PANEL_API_KEY", "WEBHOOK_SECRET", "METRICS_TOKEN"} & set(config)
    example = (ROOT / ".env.example").read_text()
    for name in [*config, *secret]:
        assert f"\n{name}=" in example, name  # the names the bot reads
    listed = yaml.safe_load((FOLDER / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == sorted(found)
