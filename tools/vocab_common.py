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


def vsac(oid):
    """(document, [{system, code, display}]) of a VSAC expansion of the reference folder."""
    used_vsac.add(oid)
    with open(os.path.join(ref.VSAC_DIR, "valueset-%s.json" % oid), encoding="utf-8") as f:
        doc = json.load(f)
    return doc, [{"system": c["system"], "code": c["code"], "display": c.get("display", "")}
                 for c in doc["expansion"]["contains"]]


def vsac_codes(oid, system=None, pattern=None):
    """The concepts of a VSAC expansion, optionally of one system and whose code matches a regex (fullmatch)."""
    return [c for c in vsac(oid)[1] if (system is None or c["system"] == system)
            and (pattern is None or re.fullmatch(pattern, c["code"]))]


def vsac_url(oid):
    used_vsac.add(oid)
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
