#!/usr/bin/env python3
"""Wraps deploy/keycloak/realm-cpd.json into the Keycloak operator's KeycloakRealmImport resource.

The operator takes the realm inline (not from a ConfigMap), so the resource is generated from the one
source of truth rather than edited:
  generate-realm-import.py          rewrite realm-import.yaml
  generate-realm-import.py --check  exit 1 if realm-import.yaml is out of date (CI)
The realm's ${CPD_PORTAL_URL} and ${CPD_MOBILE_REDIRECT_URI} placeholders are filled by the operator
from the Secret cpd-realm-placeholders (keys portal-url, mobile-redirect-uri).
"""
import json
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
REALM = HERE.parents[2] / "keycloak" / "realm-cpd.json"
sys.path.insert(0, str(REALM.parent))
from generated_file import write_or_check  # noqa: E402  (deploy/keycloak, shared by the realm generators)

OUT = HERE / "realm-import.yaml"
PLACEHOLDERS = {"CPD_PORTAL_URL": "portal-url", "CPD_MOBILE_REDIRECT_URI": "mobile-redirect-uri"}


def render():
    resource = {
        "apiVersion": "k8s.keycloak.org/v2alpha1",
        "kind": "KeycloakRealmImport",
        "metadata": {"name": "cpd-realm"},
        "spec": {
            "keycloakCRName": "cpd-keycloak",
            "placeholders": {
                env: {"secret": {"name": "cpd-realm-placeholders", "key": key}} for env, key in PLACEHOLDERS.items()
            },
            "realm": json.loads(REALM.read_text()),
        },
    }
    header = ("# GENERATED from deploy/keycloak/realm-cpd.json by generate-realm-import.py: do not edit.\n"
              "# The operator imports the realm once; later changes need a new import or the admin API.\n")
    return header + yaml.safe_dump(resource, sort_keys=False, width=120, allow_unicode=True)


def main():
    return write_or_check(OUT, render(), __file__)


if __name__ == "__main__":
    sys.exit(main())
