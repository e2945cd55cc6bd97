#!/usr/bin/env bash
# Offline checks of the deployment code: generated files up to date, every YAML parses, both overlays
# render. Uses what is installed (python3 with PyYAML, kubectl or kustomize); says what it skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if command -v python3 >/dev/null && python3 -c 'import yaml' 2>/dev/null; then
  python3 deploy/keycloak/dev/generate-dev-realm.py --check
  python3 deploy/k8s/base/keycloak/generate-realm-import.py --check
  python3 - <<'PY'
import glob, yaml
files = sorted(glob.glob("deploy/k8s/**/*.yaml", recursive=True) + glob.glob("deploy/compose/*.yaml"))
for f in files:
    with open(f) as fh:
        docs = [d for d in yaml.safe_load_all(fh) if d is not None]
    assert docs, f"{f}: empty"
print(f"{len(files)} YAML files parse")
PY
else
  echo "python3 with PyYAML not found: skipped the generator and YAML checks"
fi

render=()
if command -v kubectl >/dev/null; then render=(kubectl kustomize); elif command -v kustomize >/dev/null; then render=(kustomize build); fi
if [ "${#render[@]}" -gt 0 ]; then
  for overlay in dev prod; do
    n=$("${render[@]}" "deploy/k8s/overlays/$overlay" | grep -c '^kind:')
    echo "overlay $overlay renders: $n resources"
  done
else
  echo "neither kubectl nor kustomize found: skipped rendering the overlays"
fi
