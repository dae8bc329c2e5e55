"""Shared helpers of the vocabulary generators: ValueSet skeleton, concept lists with the verification mark,
VSAC expansions (read from the reference folder given to clinical_reference.configure). Stdlib only."""
import json
import os
import re

import clinical_reference as ref

VERSION = "2026.12.0"
DATE = "2026-12-01"
BASE = "https://fhir.trd-cds-hooks.org"
OUT = os.path.join(ref.PROJECT, "fhir-profiles", "vocabulary")
VSAC_OUT = os.path.join(OUT, "vsac")

ICD = "http://hl7.org/fhir/sid/icd-10-cm"
WHO = "http://hl7.org/fhir/sid/icd-10"
SCT = "http://snomed.info/sct"
LOINC = "http://loinc.org"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
CPT = "http://www.ama-assn.org/go/cpt"
SCALES = BASE + "/CodeSystem/assessment-scales"
VERIFICATION = BASE + "/StructureDefinition/verification-status"
UNVERIFIED_NOTE = (" Concepts carrying the extension %s = unverified were not confirmed by CLINICAL-REFERENCE.md or a "
                   "stored public source: clinical governance confirms or removes them (docs/clinical-reference.md "
                   "lists them)." % VERIFICATION)

used_vsac = set()


# Code counts a source other than the file states (PROTOCOL-v3: "Pregnancy ... complete (1,987 codes)"): a copy
# holding fewer is a truncated page of the expansion and is refused.
EXPECTED_COUNTS = {"2.16.840.1.113883.3.526.3.378": 1987}
_checked = {}


def check_complete(oid, doc):
    """Refuses an expansion that is not whole: expansion.total given and different from the distinct codes held,
    a known count not reached, or a page exactly the size of the server's `count` parameter without a total.
    Returns the number of distinct codes."""
    expansion = doc.get("expansion", {})
    codes = {(c.get("system"), c.get("code")) for c in _walk(expansion.get("contains", []))}
    total = expansion.get("total")
    if total is not None and total != len(codes):
        raise SystemExit("VSAC %s is incomplete: expansion.total %d, %d codes held" % (oid, total, len(codes)))
    expected = EXPECTED_COUNTS.get(oid)
    if expected is not None and len(codes) < expected:
        raise SystemExit("VSAC %s is incomplete: %d codes held, %d expected" % (oid, len(codes), expected))
    page = {p.get("name"): p.get("valueInteger") for p in expansion.get("parameter", [])}.get("count")
    if total is None and page is not None and len(codes) >= page:
        raise SystemExit("VSAC %s may be one page of a larger expansion: %d codes, page size %d, no total"
                         % (oid, len(codes), page))
    return len(codes)


def _walk(contains):
    for entry in contains:
        if "code" in entry:
            yield entry
        yield from _walk(entry.get("contains", []))


def vsac(oid):
    """(document, [{system, code, display}]) of a VSAC expansion of the reference folder (checked complete)."""
    used_vsac.add(oid)
    with open(os.path.join(ref.VSAC_DIR, "valueset-%s.json" % oid), encoding="utf-8") as f:
        doc = json.load(f)
    _checked[oid] = check_complete(oid, doc)
    return doc, [{"system": c["system"], "code": c["code"], "display": c.get("display", "")}
                 for c in _walk(doc["expansion"]["contains"])]


def vsac_counts():
    """OID -> distinct codes of every VSAC expansion read so far."""
    return dict(_checked)


def vsac_codes(oid, system=None, pattern=None):
    """The concepts of a VSAC expansion, optionally of one system and whose code matches a regex (fullmatch)."""
    return [c for c in vsac(oid)[1] if (system is None or c["system"] == system)
            and (pattern is None or re.fullmatch(pattern, c["code"]))]


def vsac_url(oid):
    vsac(oid)
    return "http://cts.nlm.nih.gov/fhir/ValueSet/" + oid


def vsac_title(oid):
    doc = vsac(oid)[0]
    return "VSAC \"%s\" %s (version %s)" % (doc["title"], oid, doc["version"])


def c(system, code, display, unverified=False):
    """One concept {system, code, display[, unverified]}."""
    concept = {"system": system, "code": code, "display": display}
    if unverified:
        concept["unverified"] = True
    return concept


def many(system, pairs, unverified=False):
    return [c(system, code, display, unverified) for code, display in pairs]


def _concept(entry):
    concept = {"code": entry["code"], "display": entry["display"]}
    if entry.get("unverified"):
        concept["extension"] = [{"url": VERIFICATION, "valueCode": "unverified"}]
    return concept


def by_system(codes):
    """[{system, code, display}] -> compose include/exclude entries, one per system, de-duplicated, input order."""
    systems, seen = [], set()
    for entry in codes:
        if entry["system"] not in systems:
            systems.append(entry["system"])
    result = []
    for system in systems:
        concepts = []
        for entry in codes:
            if entry["system"] == system and (system, entry["code"]) not in seen:
                seen.add((system, entry["code"]))
                concepts.append(_concept(entry))
        result.append({"system": system, "concept": concepts})
    return result


def include_value_sets(*urls):
    return [{"valueSet": [url]} for url in urls]


def local(identifier):
    return "%s/ValueSet/%s" % (BASE, identifier)


def pascal(identifier):
    return "".join(part[:1].upper() + part[1:] for part in identifier.split("-"))


def value_set(identifier, title, description, include, exclude=None):
    """include/exclude: lists of concepts ({system, code, ...}) and/or ready compose entries ({valueSet: [...]})."""
    concepts = [e for e in include if "code" in e]
    entries = [e for e in include if "code" not in e] + by_system(concepts)
    if any(e.get("unverified") for e in concepts + list(exclude or [])):
        description += UNVERIFIED_NOTE
    resource = {
        "resourceType": "ValueSet",
        "id": identifier,
        "url": local(identifier),
        "version": VERSION,
        "name": pascal(identifier),
        "title": title,
        "status": "active",
        "experimental": False,
        "date": DATE,
        "publisher": "trd-cds-hooks clinical governance",
        "description": description,
        "compose": {"include": entries},
    }
    if exclude:
        resource["compose"]["exclude"] = by_system(exclude)
    return resource


def write(resource, name, folder=OUT):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        json.dump(resource, f, indent=2, ensure_ascii=False)
        f.write("\n")


def who(pairs):
    """WHO ICD-10 concepts (ICD-10 2019 titles, https://icd.who.int/browse10/2019/en)."""
    return many(WHO, pairs)
