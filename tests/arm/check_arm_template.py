#!/usr/bin/env python3
"""Checks peering-wizard's ARM templates against Azure's own definitions.

  check_arm_template.py --wizard BIN --reference DIR DOCUMENT...
  check_arm_template.py --reference DIR --template FILE...

With --wizard, also runs a self-test first: each of a list of known defects (a
resource-group $schema, a missing dependsOn, a peering naming another subscription's
association, a hard-coded location, a read-only or unknown property, an int32 overflow, a
customer name with spaces as resource name, ...) is made in a good template and must be
reported; the self-test fails if one goes unnoticed.

Exports each document with `peering-wizard export --format arm` for every api-version that DIR
has a swagger extract of (peering-<version>.definitions.json) and checks:

- the template's structure against the resource scopes (arm-resource-scopes.json): the top-level
  keys, the $schema's scope, each resource type in a template of its own scope, the keys every
  template resource needs, nested deployments whose template scope matches the subscription or
  resource group they deploy to;
- each Microsoft.Peering resource body (location, tags, sku, kind, properties) against the
  swagger definition of its type, strictly: no property the definition does not declare, no
  read-only property, enums, types and int32 ranges;
- the links: every peering's peerAsn.id names an association deployed in that peering's own
  subscription, every group of peerings depends on its association, every dependsOn names a
  resource of the same template, every parameters('x') is declared, no location is hard-coded,
  registered ASN names are valid resource names.

Exit status: 0 all good, 1 a check failed, 77 the reference extracts are absent (skipped).
"""

import argparse
import copy
import json
import os
import re
import subprocess
import sys

SKIP = 77
DEPLOYMENTS = "Microsoft.Resources/deployments"
PEER_ASNS = "Microsoft.Peering/peerAsns"
PEERINGS = "Microsoft.Peering/peerings"
REGISTERED = "Microsoft.Peering/peerings/registeredAsns"
DEFINITION_OF = {PEER_ASNS: "PeerAsn", PEERINGS: "Peering", REGISTERED: "PeeringRegisteredAsn"}
# Keys of a Microsoft.Resources/deployments template resource beyond the common envelope.
DEPLOYMENT_KEYS = {"subscriptionId", "resourceGroup", "location"}
RESOURCE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")
DEPLOYMENT_NAME = re.compile(r"^[-\w._()]{1,64}$")
PARAMETER_USE = re.compile(r"parameters\('([^']*)'\)")
SUB_RESOURCE_ID = re.compile(
    r"^\[subscriptionResourceId\((?:'([^']*)', )?'Microsoft\.Peering/peerAsns', '((?:[^']|'')*)'\)\]$")


class Failures:
    def __init__(self):
        self.lines = []

    def add(self, where, text):
        self.lines.append(f"{where}: {text}")


def strict_schema(definitions, name, seen=()):
    """The swagger definition `name` as a self-contained JSON schema (draft 4): $refs inlined,
    allOf merged, additionalProperties false where the definition does not allow more,
    read-only properties refused, int32 as a range."""
    if name in seen:
        raise ValueError(f"recursive definition {name}")
    return convert(definitions, copy.deepcopy(definitions[name]), seen + (name,))


def convert(definitions, schema, seen):
    if "$ref" in schema:
        return strict_schema(definitions, schema["$ref"].split("/")[-1], seen)
    properties = {}
    required = set(schema.get("required", []))
    for part in schema.get("allOf", []):
        merged = convert(definitions, part, seen)
        properties.update(merged.get("properties", {}))
        required.update(merged.get("required", []))
    out = {k: v for k, v in schema.items()
           if k in ("type", "enum", "minimum", "maximum", "minLength", "maxLength", "pattern")}
    if schema.get("format") == "int32":
        out["minimum"], out["maximum"] = -2**31, 2**31 - 1
    if schema.get("format") == "int64":
        out["minimum"], out["maximum"] = -2**63, 2**63 - 1
    for key, value in schema.get("properties", {}).items():
        properties[key] = convert(definitions, value, seen)
    if "items" in schema:
        out["items"] = convert(definitions, schema["items"], seen)
    if properties or schema.get("type") == "object":
        writable = {k: v for k, v in properties.items() if not v.get("x-readOnly")}
        out["type"] = "object"
        out["properties"] = writable
        if isinstance(schema.get("additionalProperties"), dict):
            out["additionalProperties"] = convert(definitions, schema["additionalProperties"], seen)
        else:
            out["additionalProperties"] = False
        if required:
            out["required"] = sorted(required)
    if schema.get("readOnly"):
        out["x-readOnly"] = True
    return out


def validate_body(validator_class, schema, body, where, failures):
    for error in validator_class(schema).iter_errors(body):
        path = "/".join(str(p) for p in error.absolute_path) or "(body)"
        failures.add(where, f"{path}: {error.message}")


def scope_of_schema(scopes, schema_url, where, failures):
    scope = scopes["schemaScopes"].get(schema_url)
    if scope is None:
        failures.add(where, f"unknown $schema {schema_url}")
    return scope


def check_template(template, scope, subscription, scopes, schemas, validator_class, where, failures,
                   associations, links):
    """Checks one template (top level or nested) deployed at `scope` ("subscription" or
    "resourceGroup") in `subscription` (None: the deployment's own)."""
    for key in template:
        if key not in scopes["templateTopLevel"]:
            failures.add(where, f"template key {key!r} is not allowed")
    for key in scopes["templateRequired"]:
        if key not in template:
            failures.add(where, f"template has no {key!r}")
    if not re.match(scopes["contentVersionPattern"], template.get("contentVersion", "")):
        failures.add(where, "contentVersion does not match the pattern")
    schema_scope = scope_of_schema(scopes, template.get("$schema", ""), where, failures)
    if schema_scope is not None and schema_scope != scope:
        failures.add(where, f"a {schema_scope} template ($schema) deployed at {scope} scope")

    declared = set(template.get("parameters", {}))
    text = json.dumps({k: v for k, v in template.items() if k != "resources"})
    resources = template.get("resources", [])
    names = {}
    for r in resources:
        names.setdefault(r.get("name"), r)
        # Nested templates have their own parameters: only this level's texts count here.
        shallow = {k: v for k, v in r.items() if k != "properties" or r.get("type") != DEPLOYMENTS}
        if r.get("type") == DEPLOYMENTS:
            shallow["parameters"] = r.get("properties", {}).get("parameters", {})
        text += json.dumps(shallow)
    for used in PARAMETER_USE.findall(text):
        if used not in declared:
            failures.add(where, f"parameters('{used}') is not declared")

    peering_names = {r.get("name") for r in resources if r.get("type") == PEERINGS}
    for i, r in enumerate(resources):
        rtype = r.get("type", "")
        rwhere = f"{where}/resources[{i}] {rtype} {r.get('name')!r}"
        allowed = set(scopes["resourceEnvelope"]) | (DEPLOYMENT_KEYS if rtype == DEPLOYMENTS else set())
        for key in r:
            if key not in allowed:
                failures.add(rwhere, f"key {key!r} is not allowed on a template resource")
        for dep in r.get("dependsOn", []):
            if not depends_resolves(dep, resources):
                failures.add(rwhere, f"dependsOn {dep!r} names no resource of this template")
        if rtype == DEPLOYMENTS:
            check_deployment(r, scope, subscription, scopes, schemas, validator_class, rwhere,
                             failures, associations, links)
            continue
        owner = next((s for s in ("subscription", "resourceGroup") if rtype in scopes[s]), None)
        if owner is not None and owner != scope:
            failures.add(rwhere, f"a {owner}-scope resource in a {scope}-scope template")
        for key in scopes.get(owner, {}).get(rtype, []):
            if key not in r:
                failures.add(rwhere, f"has no {key!r}")
        definition = DEFINITION_OF.get(rtype)
        if definition is None:
            failures.add(rwhere, "not a Microsoft.Peering resource this export should hold")
            continue
        api = r.get("apiVersion")
        if api not in schemas:
            failures.add(rwhere, f"apiVersion {api} has no swagger extract to check against")
            continue
        body = {k: r[k] for k in scopes["bodyKeys"] if k in r}
        validate_body(validator_class, schemas[api][definition], body, rwhere, failures)
        if rtype == PEER_ASNS:
            associations.add((subscription, r.get("name")))
        elif rtype == PEERINGS:
            for a in resources:
                if a.get("type") == PEER_ASNS and not any(
                        depends_resolves(dep, [a]) for dep in r.get("dependsOn", [])):
                    failures.add(rwhere, f"no dependsOn on the association {a.get('name')!r} of "
                                         "the same template (ARM would deploy both at once)")
            location = r.get("location", "")
            if not (location.startswith("[") and not location.startswith("[[")):
                failures.add(rwhere, f"location {location!r} is hard-coded (make it a parameter)")
            peer_asn = r.get("properties", {}).get("direct", {}).get("peerAsn", {}).get("id", "")
            links.append((rwhere, subscription, peer_asn))
        elif rtype == REGISTERED:
            parent, _, child = r.get("name", "").partition("/")
            if parent not in peering_names:
                failures.add(rwhere, f"peering {parent!r} is not in this template")
            if not RESOURCE_NAME.match(child):
                failures.add(rwhere, f"name {child!r} is not a valid resource name")


def depends_resolves(dep, resources):
    for r in resources:
        name = r.get("name", "")
        if dep == name:
            return True
        for function in ("resourceId", "subscriptionResourceId"):
            parts = name.split("/")
            if dep == "[{}('{}', {})]".format(function, r.get("type"), ", ".join(f"'{p}'" for p in parts)):
                return True
    return False


def check_deployment(r, scope, subscription, scopes, schemas, validator_class, where, failures,
                     associations, links):
    if not DEPLOYMENT_NAME.match(r.get("name", "")):
        failures.add(where, "deployment name is not 1-64 characters of [-\\w._()]")
    props = r.get("properties", {})
    if props.get("expressionEvaluationOptions", {}).get("scope") != "inner":
        failures.add(where, "nested template not evaluated in its own (inner) scope")
    target_sub = r.get("subscriptionId", subscription)
    if "resourceGroup" in r:
        target = "resourceGroup"
    elif scope == "subscription":
        target = "subscription"
        if "location" not in r:
            failures.add(where, "a subscription-level nested deployment needs a location")
    else:
        target = scope
    nested = props.get("template")
    if not isinstance(nested, dict):
        failures.add(where, "no inline template")
        return
    passed = set(props.get("parameters", {}))
    wanted = {k for k, v in nested.get("parameters", {}).items() if "defaultValue" not in v}
    for missing in sorted(wanted - passed):
        failures.add(where, f"parameter {missing!r} of the nested template is not passed")
    for extra in sorted(passed - set(nested.get("parameters", {}))):
        failures.add(where, f"parameter {extra!r} passed but not declared by the nested template")
    check_template(nested, target, target_sub, scopes, schemas, validator_class, where, failures,
                   associations, links)
    if target == "resourceGroup":
        has_peerings = any(x.get("type") == PEERINGS for x in nested.get("resources", []))
        if has_peerings and not r.get("dependsOn"):
            failures.add(where, "peerings deployed with no dependsOn on their peer ASN association")


def check(template, scopes, schemas, validator_class, where):
    failures = Failures()
    associations = set()
    links = []
    top_scope = scope_of_schema(scopes, template.get("$schema", ""), where, failures) or "resourceGroup"
    if PEER_ASNS in scopes["subscription"] and top_scope != "subscription":
        failures.add(where, f"$schema is a {top_scope} template, but peerAsns need subscription scope")
    check_template(template, top_scope, None, scopes, schemas, validator_class, where, failures,
                   associations, links)
    for rwhere, subscription, peer_asn in links:
        m = SUB_RESOURCE_ID.match(peer_asn)
        if not m:
            failures.add(rwhere, f"peerAsn.id {peer_asn!r} is not a subscriptionResourceId of a peerAsn")
            continue
        named_sub = m.group(1)
        name = m.group(2).replace("''", "'")
        if named_sub != subscription:
            failures.add(rwhere, f"peerAsn.id names subscription {named_sub or '(the deployment)'} "
                                 f"but the peering is in {subscription or '(the deployment)'}")
        if (named_sub, name) not in associations:
            failures.add(rwhere, f"no association {name!r} in subscription {named_sub or '(the deployment)'}")
    return failures


def find(template, rtype):
    """The first resource of rtype, searched through the nested templates."""
    for r in template.get("resources", []):
        if r.get("type") == rtype:
            return r
        if r.get("type") == DEPLOYMENTS:
            found = find(r.get("properties", {}).get("template", {}), rtype)
            if found is not None:
                return found
    return None


def group_deployment(template):
    return next(r for r in template["resources"] if r.get("type") == DEPLOYMENTS and "resourceGroup" in r)


def defects():
    """(name, mutation) pairs: each mutation makes one defect a check must report."""
    def set_schema(t):
        t["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"

    def top_metadata(t):
        t["metadata"] = {"_comment": "x"}

    def no_depends(t):
        group_deployment(t).pop("dependsOn")

    def dangling_depends(t):
        group_deployment(t)["dependsOn"] = ["peerasn-nowhere"]

    def other_subscription(t):
        peering = find(t, PEERINGS)
        peering["properties"]["direct"]["peerAsn"]["id"] = (
            "[subscriptionResourceId('00000000-0000-0000-0000-000000000000', "
            "'Microsoft.Peering/peerAsns', 'x')]")

    def hard_location(t):
        find(t, PEERINGS)["location"] = "westeurope"

    def read_only(t):
        find(t, PEERINGS)["properties"]["provisioningState"] = "Succeeded"

    def unknown_property(t):
        find(t, PEERINGS)["properties"]["direct"]["connections"][0]["md5Key"] = "x"

    def int32(t):
        find(t, PEER_ASNS)["properties"]["peerAsn"] = 3000000000

    def bad_enum(t):
        find(t, PEERINGS)["kind"] = "Exchanged"

    def missing_required(t):
        find(t, PEERINGS).pop("sku")

    def spaces_in_name(t):
        r = find(t, REGISTERED)
        r["name"] = r["name"].split("/")[0] + "/Customer One"

    def peer_asn_in_group(t):
        nested = group_deployment(t)["properties"]["template"]
        nested["resources"].append(copy.deepcopy(find(t, PEER_ASNS)))

    def undeclared_parameter(t):
        nested = group_deployment(t)["properties"]["template"]
        nested["parameters"].pop("location")

    def outer_scope(t):
        group_deployment(t)["properties"].pop("expressionEvaluationOptions")

    def unknown_envelope_key(t):
        find(t, PEERINGS)["metadata"] = {}

    return [("resource-group $schema", set_schema), ("top-level metadata", top_metadata),
            ("no dependsOn", no_depends), ("dangling dependsOn", dangling_depends),
            ("another subscription's association", other_subscription),
            ("hard-coded location", hard_location), ("read-only property", read_only),
            ("unknown property", unknown_property), ("int32 overflow", int32),
            ("value outside the enum", bad_enum), ("required key missing", missing_required),
            ("spaces in a registered ASN name", spaces_in_name),
            ("peerAsns in a resource-group template", peer_asn_in_group),
            ("undeclared parameter", undeclared_parameter),
            ("outer evaluation scope", outer_scope), ("unknown resource key", unknown_envelope_key)]


def self_test(template, scopes, schemas, validator_class):
    missed = []
    for name, mutate in defects():
        t = copy.deepcopy(template)
        mutate(t)
        if not check(t, scopes, schemas, validator_class, "self-test").lines:
            missed.append(name)
    for name in missed:
        print(f"FAIL self-test: the checks did not notice {name}")
    print(f"self-test: {len(defects()) - len(missed)} of {len(defects())} known defects noticed")
    return not missed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wizard")
    parser.add_argument("--reference", required=True)
    parser.add_argument("--template", action="store_true",
                        help="the arguments are templates to check, not documents to export")
    parser.add_argument("documents", nargs="+")
    args = parser.parse_args()
    if not args.template and not args.wizard:
        parser.error("--wizard BIN is needed to export documents (or give --template)")
    scopes_file = os.path.join(args.reference, "arm-resource-scopes.json")
    if not os.path.isfile(scopes_file):
        print(f"SKIP: Azure's reference extracts are not at {args.reference} "
              "(../shared/reference/azure next to the checkout); nothing was checked")
        return SKIP
    try:
        import jsonschema
    except ImportError:
        print("FAIL: python3-jsonschema is not installed (./scripts/install-deps.sh installs it)")
        return 1
    with open(scopes_file) as f:
        scopes = json.load(f)
    schemas = {}
    for entry in sorted(os.listdir(args.reference)):
        m = re.match(r"^peering-(\d{4}-\d{2}-\d{2})\.definitions\.json$", entry)
        if m:
            with open(os.path.join(args.reference, entry)) as f:
                definitions = json.load(f)["definitions"]
            schemas[m.group(1)] = {d: strict_schema(definitions, d) for d in DEFINITION_OF.values()}
    if not schemas:
        print(f"FAIL: no peering-<version>.definitions.json in {args.reference}")
        return 1
    bad = 0
    checked = 0
    jobs = []
    for document in args.documents:
        if args.template:
            jobs.append((os.path.basename(document), document, None))
        else:
            jobs += [(f"{os.path.basename(document)} @{api}", document, api) for api in schemas]
    for where, document, api in jobs:
        if args.template:
            with open(document) as f:
                template = json.load(f)
        else:
            run = subprocess.run([args.wizard, "export", document, "--format", "arm",
                                  "--api-version", api], capture_output=True, timeout=120)
            if run.returncode != 0:
                print(f"FAIL {where}: export exited {run.returncode}: {run.stderr.decode(errors='replace')}")
                bad += 1
                continue
            template = json.loads(run.stdout)
            if checked == 0 and not self_test(template, scopes, schemas, jsonschema.Draft4Validator):
                bad += 1
        failures = check(template, scopes, schemas, jsonschema.Draft4Validator, where)
        resources = len(json.dumps(template).split('"type": "Microsoft.Peering/')) - 1
        checked += 1
        if failures.lines:
            bad += 1
            print(f"FAIL {where}:")
            for line in failures.lines:
                print(f"  {line}")
        else:
            print(f"ok   {where}: {resources} Microsoft.Peering resources")
    print(f"{checked} templates checked against {len(schemas)} api-versions, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
