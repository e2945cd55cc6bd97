#!/usr/bin/env bash
# Builds cpd/<service>:1.0.0-SNAPSHOT for the four apps with docker (or podman), after packaging them.
#   deploy/compose/build-images.sh            package with Maven (tests skipped), then build images
#   SKIP_PACKAGE=1 deploy/compose/build-images.sh   reuse the jars already in */target/quarkus-app
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
TAG=${TAG:-1.0.0-SNAPSHOT}
SERVICES=(directory-service relationships-service goals-service gateway)
engine=${CONTAINER_ENGINE:-$(command -v docker || command -v podman || true)}
[ -n "$engine" ] || { echo "build-images: neither docker nor podman is installed" >&2; exit 1; }

if [ "${SKIP_PACKAGE:-0}" != 1 ]; then
  ./mvnw -B -q -DskipTests package -pl "$(IFS=,; echo "${SERVICES[*]}")" -am
fi
for svc in "${SERVICES[@]}"; do
  echo "== cpd/$svc:$TAG"
  "$engine" build -f deploy/compose/Dockerfile --build-arg MODULE="$svc" -t "cpd/$svc:$TAG" .
done
