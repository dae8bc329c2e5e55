#!/usr/bin/env python3
"""Prints the rows of docs/clinical-reference.md "Codes to confirm" that are missing there: every concept marked
verification-status = unverified in fhir-profiles/vocabulary/ValueSet-*.json and not yet listed (VocabularyContractTest
checks that the marks and the list agree). Stdlib only; reads only this repository.

    python3 tools/list-unverified.py [--all]
"""
import glob
import json
import os
import re
import sys

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERIFICATION = "https://fhir.trd-cds-hooks.org/StructureDefinition/verification-status"
NAMES = {"http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM", "http://hl7.org/fhir/sid/icd-10": "WHO ICD-10",
         "http://snomed.info/sct": "SNOMED CT", "http://loinc.org": "LOINC",
         "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm", "http://www.ama-assn.org/go/cpt": "CPT"}
WHY = "not in a stored source"
# Why a code of protocol v3 is unverified, by value set (and by value set|code where it differs).
REASONS = {
    "dementia": "FY2023 ICD-10-CM code; VSAC Dementia (2020) has only F01.50, F02.80, F03.90",
    "moud": "in VSAC Opioids All; its place in MOUD is the protocol's (extended-release buprenorphine), unconfirmed",
    "moud|7243": "naltrexone ingredient: not in a stored source",
    "pregnancy-end-procedures": "CPT descriptor not checked in a stored source",
    "neurostimulator-below-neck": "CPT descriptor and below-the-neck site not checked in a stored source",
    "depressive-spectrum|35489007": "seen only in public FHIR examples",
    "broad-depression-only|35489007": "seen only in public FHIR examples",
    "vascular-aneurysm-avm|128609009": "seen only in public FHIR value sets",
    "augmentation-agents": "not in the research notes",
    "pregnancy-test-positive": "answer code not in a stored source",
    "pregnancy-test-negative": "answer code not in a stored source",
}


def marked():
    rows = []
    for path in sorted(glob.glob(os.path.join(PROJECT, "fhir-profiles", "vocabulary", "ValueSet-*.json"))):
        with open(path, encoding="utf-8") as f:
            vs = json.load(f)
        for include in vs.get("compose", {}).get("include", []):
            for concept in include.get("concept", []):
                if any(e.get("url") == VERIFICATION and e.get("valueCode") == "unverified"
                       for e in concept.get("extension", [])):
                    rows.append((vs["id"], NAMES.get(include["system"], include["system"]), concept["code"],
                                 concept.get("display", "")))
    return rows


def listed():
    with open(os.path.join(PROJECT, "docs", "clinical-reference.md"), encoding="utf-8") as f:
        text = f.read()
    return set(re.findall(r"(?m)^\| `([a-z0-9-]+)` \| [^|]+ \| `([^`]+)` \|", text))


def main():
    known = set() if "--all" in sys.argv else listed()
    for vs, system, code, display in marked():
        if (vs, code) not in known:
            why = REASONS.get("%s|%s" % (vs, code), REASONS.get(vs, WHY))
            print("| `%s` | %s | `%s` | %s | %s |" % (vs, system, code, display, why))


if __name__ == "__main__":
    main()
