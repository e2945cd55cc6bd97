#!/usr/bin/env python3
"""Derives the dev realm (realm-cpd-dev.json) from the production realm (../realm-cpd.json).

The dev realm must stay "the production realm plus demo material", so it is generated rather than
edited by hand: change realm-cpd.json (or the additions below), then run this script.
  generate-dev-realm.py          rewrite realm-cpd-dev.json
  generate-dev-realm.py --check  exit 1 if realm-cpd-dev.json is out of date (CI)
"""
import copy
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from generated_file import write_or_check  # noqa: E402  (deploy/keycloak, shared by the realm generators)

PROD = HERE.parent / "realm-cpd.json"
DEV = HERE / "realm-cpd-dev.json"

# Demo ids from the team brief; directory-service's seed data uses the same ones.
PARTNERSHIP = "10000000-0000-4000-8000-000000000001"
SCHOOL_URN = "100001"
PRACTITIONERS = {
    "lead": "30000000-0000-4000-8000-000000000001",
    "mentor": "30000000-0000-4000-8000-000000000002",
    "teacher": "30000000-0000-4000-8000-000000000003",
    "admin": "30000000-0000-4000-8000-000000000004",
}
PORTAL_ORIGINS = ["http://localhost:8080", "http://localhost:3000", "http://localhost:5173"]


def demo_user(username, first, last, role):
    return {
        "username": username,
        "email": f"{username}@demo.cpd.example",
        "emailVerified": True,
        "firstName": first,
        "lastName": last,
        "enabled": True,
        "credentials": [{"type": "password", "value": "demo", "temporary": False}],
        "realmRoles": ["default-roles-cpd", role],
        "attributes": {
            "practitioner_id": [PRACTITIONERS[username]],
            "school_urns": [SCHOOL_URN],
            "partnership_ids": [PARTNERSHIP],
        },
    }


def hardcoded_json_claim(name, value):
    return {
        "name": f"{name} (demo MIS school)",
        "protocol": "openid-connect",
        "protocolMapper": "oidc-hardcoded-claim-mapper",
        "consentRequired": False,
        "config": {
            "claim.name": name,
            "claim.value": json.dumps(value),
            "jsonType.label": "JSON",
            "access.token.claim": "true",
            "id.token.claim": "false",
            "userinfo.token.claim": "false",
            "introspection.token.claim": "true",
            "lightweight.claim": "false",
        },
    }


def dev_realm(prod):
    realm = copy.deepcopy(prod)
    realm["displayName"] = "CPD Partnership Suite (dev)"
    # Demo passwords are "demo"; the production policy would reject them at the first change.
    realm["passwordPolicy"] = ""
    # Access tokens stay at the production realm's 5 minutes: access follows the directory within that bound.
    realm["bruteForceProtected"] = False

    for client in realm["clients"]:
        if client["clientId"] == "cpd-portal":
            # Password grant only here: it lets scripts, the e2e suite and newcomers get tokens with curl.
            client["directAccessGrantsEnabled"] = True
            client["rootUrl"] = PORTAL_ORIGINS[0]
            client["redirectUris"] = [o + "/*" for o in PORTAL_ORIGINS]
            client["webOrigins"] = list(PORTAL_ORIGINS)
            client["attributes"]["post.logout.redirect.uris"] = "##".join(o + "/*" for o in PORTAL_ORIGINS)
        elif client["clientId"] == "cpd-directory-provisioner":
            client["secret"] = "cpd-directory-provisioner-dev-secret"  # directory-service's local-stack default
        elif client["clientId"] == "cpd-mobile":
            client["redirectUris"] = ["org.cpd.mobile:/oauth2redirect", "http://localhost:8100/*"]
            client["attributes"]["post.logout.redirect.uris"] = "org.cpd.mobile:/oauth2redirect"

    # In production each school's MIS gets its own confidential client (docs: deploy/README.md).
    realm["clients"].append({
        "clientId": "cpd-mis-demo",
        "name": "Demo school MIS integration",
        "description": "Client-credentials client standing in for the MIS of school 100001 (dev only)",
        "enabled": True,
        "publicClient": False,
        "clientAuthenticatorType": "client-secret",
        "secret": "cpd-mis-demo-secret",
        "protocol": "openid-connect",
        "standardFlowEnabled": False,
        "implicitFlowEnabled": False,
        "directAccessGrantsEnabled": False,
        "serviceAccountsEnabled": True,
        "fullScopeAllowed": True,
        "attributes": {"oauth2.device.authorization.grant.enabled": "false"},
        "protocolMappers": [
            hardcoded_json_claim("school_urns", [SCHOOL_URN]),
            hardcoded_json_claim("partnership_ids", [PARTNERSHIP]),
        ],
        "defaultClientScopes": ["basic", "roles", "acr", "cpd-claims", "service_account"],
        "optionalClientScopes": [],
    })

    # Mail goes to the local stack's GreenMail (SMTP 3025, read through its API on 8025).
    realm["smtpServer"] = {
        "host": "127.0.0.1", "port": "3025", "from": "noreply@cpd.example",
        "fromDisplayName": "CPD Partnership Suite (dev)", "auth": "false", "starttls": "false", "ssl": "false",
    }

    realm["users"] = realm.get("users", []) + [
        demo_user("admin", "Ada", "Admin", "partnership-admin"),
        demo_user("lead", "Lee", "Lead", "school-lead"),
        demo_user("mentor", "Mina", "Mentor", "practitioner"),
        demo_user("teacher", "Theo", "Teacher", "practitioner"),
        {
            "username": "service-account-cpd-mis-demo",
            "enabled": True,
            "serviceAccountClientId": "cpd-mis-demo",
            "realmRoles": ["default-roles-cpd", "mis-integration"],
        },
    ]
    return realm


def render(realm):
    return json.dumps(realm, indent=2) + "\n"


def main():
    return write_or_check(DEV, render(dev_realm(json.loads(PROD.read_text()))), __file__)


if __name__ == "__main__":
    sys.exit(main())
