#!/usr/bin/env python3
"""Generates fhir-profiles/knowledge/Bundle-rxnorm-products.json: a FHIR Bundle (collection) of Medication
resources, one per RxNorm product code of the antidepressants value set (the VSAC product expansions in
REFERENCE_FOLDER/terminology/vsac/ minus the exclusions of fhir-profiles/vocabulary/ValueSet-antidepressants.json).
Stdlib only. Run tools/generate-vocabulary.py first:

    python3 tools/generate-product-map.py REFERENCE_FOLDER

Also maps the products of ValueSet-bipolar-depression-treatments.json (lamotrigine; the olanzapine-fluoxetine
products are antidepressant products already). No ketamine/esketamine product is mapped: none is verified.

Each Medication: code = the SCD coding; ingredient[].itemCodeableConcept = the ingredient RxCUI of
CLINICAL-REFERENCE.md section 3 (matched by name; co-ingredients that are not in that table keep their name as
text only, no guessed code); strength as a Ratio: mg per tablet/capsule, mg per mL for liquids, mg per 24 h for
transdermal systems. Packs ({...} Pack) hold several strengths: they map to the ingredient without a strength.
Prints the products it could not parse (and packs without a single strength).

Protocol v3 (PROTOCOL-v3 A.2) adds the products of Schedule IV Benzodiazepines, Opioids All, MOUD and Potentially
Harmful Antipsychotics for Older Adults (V3_SETS, mapped by product_map_v3.py): the ingredient RxCUI comes from data
(the display's ingredient name matched to an RxNorm ingredient of CLINICAL-REFERENCE.md section 3 or of the
generated value sets), strength per ingredient from the display; packs and per-hour products get no strength. A
product whose ingredient cannot be determined is printed and left out; no ketamine, esketamine or lithium product
is mapped (PROTOCOL-v3 H).
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clinical_reference as ref  # noqa: E402

ref.configure(sys.argv)

import product_map_v3 as v3  # noqa: E402

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
UCUM = "http://unitsofmeasure.org"
DRUG_FORM = "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm"
PRODUCT_SETS = ["2.16.840.1.113883.3.464.1003.196.12.1213", "2.16.840.1.113883.3.526.3.1566",
                "2.16.840.1.113762.1.4.1248.163"]
VOCABULARY = os.path.join(ref.PROJECT, "fhir-profiles", "vocabulary")
OUT = os.path.join(ref.PROJECT, "fhir-profiles", "knowledge", "Bundle-rxnorm-products.json")

# Ingredients of the bipolar-depression-treatments products that are not in CLINICAL-REFERENCE.md section 3.
BIPOLAR_INGREDIENTS = {"lamotrigine": "28439"}
# Bipolar-depression-treatment products of the antipsychotics expansion: mapped with the v3 sets.
V3_MAPPED = re.compile(r"quetiapine|lurasidone|cariprazine|lumateperone")
STRENGTH = re.compile(r"(?P<phrase>.+?) (?P<value>\d+(?:\.\d+)?) (?P<unit>MG/ML|MG/HR|MG)(?= / | |$)")


def load_products():
    products = {}
    for oid in PRODUCT_SETS:
        with open(os.path.join(ref.VSAC_DIR, "valueset-%s.json" % oid), encoding="utf-8") as f:
            for c in json.load(f)["expansion"]["contains"]:
                if c["system"] == RXNORM:
                    products[c["code"]] = c["display"]
    with open(os.path.join(VOCABULARY, "ValueSet-antidepressants.json"), encoding="utf-8") as f:
        compose = json.load(f)["compose"]
    for exclude in compose.get("exclude", []):
        for c in exclude["concept"]:
            products.pop(c["code"], None)
    with open(os.path.join(VOCABULARY, "ValueSet-bipolar-depression-treatments.json"), encoding="utf-8") as f:
        for include in json.load(f)["compose"]["include"]:
            for c in include.get("concept", []):
                if include.get("system") == RXNORM and " MG" in c["display"] and not V3_MAPPED.search(c["display"]):
                    products[c["code"]] = c["display"]
    return products


def ingredient_coding(phrase, known):
    """'24 HR bupropion hydrochloride' -> (rxcui, name, precise text); unknown co-ingredients -> (None, None, text)."""
    words = re.sub(r"^.*?\d+ HR ", "", phrase).split()
    for i, word in enumerate(words):
        if word in known:
            return known[word], word, " ".join(words[i:])
    return None, None, " ".join(w for w in words if not w[:1].isupper())


def quantity(value, unit, system=UCUM, code=None):
    number = float(value)
    return {"value": int(number) if number.is_integer() else number, "unit": unit, "system": system,
            "code": code or unit}


def strength(value, unit, form):
    if unit == "MG/ML":
        return {"numerator": quantity(value, "mg"), "denominator": quantity(1, "mL")}
    if unit == "MG/HR":
        return {"numerator": quantity(float(value) * 24, "mg"), "denominator": quantity(24, "h")}
    if re.search(r"Tablet", form):
        return {"numerator": quantity(value, "mg"), "denominator": quantity(1, "tablet", DRUG_FORM, "TAB")}
    if re.search(r"Capsule", form):
        return {"numerator": quantity(value, "mg"), "denominator": quantity(1, "capsule", DRUG_FORM, "CAP")}
    return None


def ingredient(rxcui, name, text, ratio):
    concept = {"text": text}
    if rxcui:
        concept["coding"] = [{"system": RXNORM, "code": rxcui, "display": name}]
    entry = {"itemCodeableConcept": concept, "isActive": True}
    if ratio:
        entry["strength"] = ratio
    return entry


def parse(name, known):
    """-> (form text, [ingredient entries]) or raises ValueError."""
    if name.startswith("{"):
        inner = re.findall(r"\d+ \((.+?)\)", name)
        if not inner:
            raise ValueError("pack without components")
        seen, entries = [], []
        for component in inner:
            for match in STRENGTH.finditer(component):
                rxcui, base, text = ingredient_coding(match.group("phrase").lstrip("/ "), known)
                if (rxcui, text) not in seen:
                    seen.append((rxcui, text))
                    entries.append(ingredient(rxcui, base, text, None))
        return "Pack", entries
    matches = list(STRENGTH.finditer(name))
    if not matches:
        raise ValueError("no strength")
    form = name[matches[-1].end():].strip()
    if not form:
        raise ValueError("no dose form")
    duration = re.search(r"\b(\d+ HR) ", name)
    form_text = ("%s %s" % (duration.group(1), form)) if duration and "MG/HR" not in name else form
    entries = []
    for match in matches:
        rxcui, base, text = ingredient_coding(match.group("phrase").lstrip("/ "), known)
        ratio = strength(match.group("value"), match.group("unit"), form)
        if ratio is None:
            raise ValueError("no strength unit for form '%s'" % form)
        entries.append(ingredient(rxcui, base, text, ratio))
    if not any(e["itemCodeableConcept"].get("coding") for e in entries):
        raise ValueError("no ingredient of CLINICAL-REFERENCE.md section 3")
    return form_text, entries


def medication(code, name, form, entries):
    return {"fullUrl": "urn:trd-cds-hooks:Medication/rxnorm-%s" % code, "resource": {
        "resourceType": "Medication",
        "id": "rxnorm-%s" % code,
        "code": {"coding": [{"system": RXNORM, "code": code, "display": name}], "text": name},
        "form": {"text": form},
        "ingredient": entries,
    }}


def main():
    known = {r["name"]: r["rxcui"] for r in ref.section3_ingredients()}
    known.update(BIPOLAR_INGREDIENTS)
    entries, failures, packs = [], [], []
    products = load_products()
    for code, name in sorted(products.items(), key=lambda kv: kv[1].lower()):
        try:
            form, ingredients = parse(name, known)
        except ValueError as problem:
            failures.append("%s %s: %s" % (code, name, problem))
            continue
        if form == "Pack":
            packs.append("%s %s" % (code, name))
        entries.append(medication(code, name, form, ingredients))
    v2_count = len(entries)
    mapped = v3.map_products(set(products), v3.known_ingredients(known, VOCABULARY), ingredient, medication)
    entries = sorted(entries + mapped, key=lambda e: e["resource"]["code"]["text"].lower())
    bundle = {
        "resourceType": "Bundle",
        "id": "rxnorm-products",
        "type": "collection",
        "entry": entries,
    }
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(bundle, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("wrote %d Medication resources to %s (%d of the antidepressant sets, %d of the v3 sets)"
          % (len(entries), os.path.relpath(OUT, ref.PROJECT), v2_count, len(mapped)))
    v3.print_report({e["resource"]["code"]["coding"][0]["code"] for e in entries})
    print("packs mapped to their ingredient without a single strength (%d):" % len(packs))
    for p in packs:
        print("  " + p)
    print("could not parse (%d):" % len(failures))
    for f in failures:
        print("  " + f)


if __name__ == "__main__":
    main()
