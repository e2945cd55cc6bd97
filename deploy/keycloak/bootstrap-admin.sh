#!/usr/bin/env bash
# The one hand step of a new installation: the first partnership admin's login (docs: README,
# "Onboarding a partnership"). Everyone else's login is provisioned from the directory (ADR 0015).
#
#   KEYCLOAK_ADMIN_USER=... KEYCLOAK_ADMIN_PASSWORD=... deploy/keycloak/bootstrap-admin.sh https://id.example.org first.admin@school.sch.uk
#
# Creates the user in realm cpd with the realm role partnership-admin (no partnerships yet: the partnership
# they create makes them its admin at once) and sends the invitation e-mail (verify the address, set a
# password). Uses the master realm's admin account; nothing else is changed.
set -euo pipefail

KC=${1:?usage: $0 KEYCLOAK_URL EMAIL}
EMAIL=${2:?usage: $0 KEYCLOAK_URL EMAIL}
REALM=${CPD_REALM:-cpd}
: "${KEYCLOAK_ADMIN_USER:?set KEYCLOAK_ADMIN_USER (master realm admin)}"
: "${KEYCLOAK_ADMIN_PASSWORD:?set KEYCLOAK_ADMIN_PASSWORD}"

json() { sed -nE "s/.*\"$1\":\"([^\"]+)\".*/\1/p"; }

TOKEN=$(curl -fsS -d grant_type=password -d client_id=admin-cli \
  --data-urlencode "username=$KEYCLOAK_ADMIN_USER" --data-urlencode "password=$KEYCLOAK_ADMIN_PASSWORD" \
  "$KC/realms/master/protocol/openid-connect/token" | json access_token)
api() { curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }

email=$(printf '%s' "$EMAIL" | tr '[:upper:]' '[:lower:]')
api -X POST "$KC/admin/realms/$REALM/users" -d "{\"username\":\"$email\",\"email\":\"$email\",\"enabled\":true,
  \"requiredActions\":[\"VERIFY_EMAIL\",\"UPDATE_PASSWORD\"]}" >/dev/null
id=$(api "$KC/admin/realms/$REALM/users?username=$(printf '%s' "$email" | sed 's/@/%40/; s/+/%2B/g')&exact=true" | json id)
[ -n "$id" ] || { echo "bootstrap-admin: the user was not found after creating it" >&2; exit 1; }
role=$(api "$KC/admin/realms/$REALM/roles/partnership-admin")
api -X POST "$KC/admin/realms/$REALM/users/$id/role-mappings/realm" -d "[$role]" >/dev/null
api -X PUT "$KC/admin/realms/$REALM/users/$id/execute-actions-email?lifespan=259200" \
  -d '["VERIFY_EMAIL","UPDATE_PASSWORD"]' >/dev/null
echo "invited $email (user $id) as the first partnership admin of realm $REALM"
