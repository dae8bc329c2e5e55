"""The products that PROTOCOL-v3 A.2 adds to the RxNorm product map: Schedule IV Benzodiazepines, Opioids All, MOUD
and Potentially Harmful Antipsychotics for Older Adults (VSAC expansions of the reference folder). Used by
generate-product-map.py. Stdlib only.

Ingredient: the first word of each ingredient phrase of the display that names an RxNorm ingredient of the data
(CLINICAL-REFERENCE.md section 3 and the RxNorm ingredient concepts of the generated value sets): never a guessed
code. A co-ingredient without such a code keeps its name as text only. Strength per ingredient from the display
(mg per tablet, capsule, mL, actuation or per unit of the dose form); packs and per-hour products (MG/HR transdermal
systems) get no strength, and so does a strength in another unit (UNT). A product with no determinable ingredient is
reported and left out; ketamine, esketamine and lithium products are never mapped (PROTOCOL-v3 H).
"""
import glob
import json
import os
import re

import clinical_reference as ref

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
UCUM = "http://unitsofmeasure.org"
DRUG_FORM = "http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm"
V3_SETS = [("2.16.840.1.113762.1.4.1125.1", "Schedule IV Benzodiazepines"),
           ("2.16.840.1.113762.1.4.1196.226", "Opioids, All"),
           ("2.16.840.1.113762.1.4.1046.269", "Medications for Opioid Use Disorder (MOUD)"),
           ("2.16.840.1.113883.3.464.1003.196.12.1523", "Potentially Harmful Antipsychotics for Older Adults")]
NEVER_MAPPED = {"6130": "ketamine", "2119365": "esketamine", "6448": "lithium"}
UNIT = r"(?:MG|MCG|UNT|MEQ)(?:/[A-Z]+)?"
COMPONENT = re.compile(r"(?P<phrase>.*?)\s*(?P<value>\d+(?:\.\d+)?) (?P<unit>%s)(?= |$)" % UNIT)
PACK_PART = re.compile(r"\d+ \((.+?)\)")

report = {"mapped": {}, "packs": [], "per_hour": [], "other_unknown": [], "left_out": [], "never": []}


def known_ingredients(section3, vocabulary):
    """Ingredient name -> RxCUI: section 3 of CLINICAL-REFERENCE.md, then every RxNorm concept of the generated
    value sets whose display is a bare ingredient name (no strength, no dose form)."""
    known = dict(section3)
    for path in sorted(glob.glob(os.path.join(vocabulary, "ValueSet-*.json"))):
        with open(path, encoding="utf-8") as f:
            compose = json.load(f).get("compose", {})
        for include in compose.get("include", []):
            if include.get("system") != RXNORM:
                continue
            for concept in include.get("concept", []):
                name = concept.get("display", "")
                if re.fullmatch(r"[a-z][a-z-]*", name):
                    known.setdefault(name, concept["code"])
    return known


def load():
    products = {}
    for oid, title in V3_SETS:
        with open(os.path.join(ref.VSAC_DIR, "valueset-%s.json" % oid), encoding="utf-8") as f:
            for concept in json.load(f)["expansion"]["contains"]:
                if concept["system"] == RXNORM:
                    products.setdefault(concept["code"], (concept["display"], title))
    return products


def _quantity(value, unit, system=None, code=None):
    number = float(value)
    quantity = {"value": int(number) if number.is_integer() else number, "unit": unit}
    if system:
        quantity.update({"system": system, "code": code or unit})
    return quantity


def _mg(value, unit):
    number = float(value) / (1000 if unit.startswith("MCG") else 1)
    return _quantity(round(number, 6), "mg", UCUM, "mg")


def strength(value, unit, form):
    """-> (Ratio or None, why-none)."""
    if unit.endswith("/HR"):
        return None, "per-hour"
    if not unit.startswith(("MG", "MCG")):
        return None, "unit " + unit
    per = unit.split("/", 1)[1] if "/" in unit else None
    if per == "ML":
        return {"numerator": _mg(value, unit), "denominator": _quantity(1, "mL", UCUM, "mL")}, None
    if per == "ACTUAT":
        return {"numerator": _mg(value, unit), "denominator": _quantity(1, "actuation")}, None
    if per:
        return None, "unit " + unit
    if "Tablet" in form:
        return {"numerator": _mg(value, unit), "denominator": _quantity(1, "tablet", DRUG_FORM, "TAB")}, None
    if "Capsule" in form:
        return {"numerator": _mg(value, unit), "denominator": _quantity(1, "capsule", DRUG_FORM, "CAP")}, None
    return {"numerator": _mg(value, unit), "denominator": _quantity(1, form.split()[-1].lower())}, None


def _ingredient_name(phrase, known):
    """'Abuse-Deterrent 12 HR oxycodone hydrochloride' -> ('oxycodone', 'oxycodone hydrochloride')."""
    words = phrase.split()
    for i, word in enumerate(words):
        if word in known:
            return word, " ".join(words[i:])
    return None, " ".join(w for w in words if not w[:1].isupper() and not re.match(r"[\d.]", w)) or phrase


def parse(name, known, ingredient):
    """-> (form text, [ingredient entries], why a strength is unknown or None)."""
    if name.startswith("{"):
        entries, seen = [], set()
        for component in PACK_PART.findall(name):
            for part in component.split(" / "):
                base, text = _ingredient_name(COMPONENT.match(part).group("phrase") if COMPONENT.match(part)
                                              else part, known)
                if (base, text) not in seen:
                    seen.add((base, text))
                    entries.append(ingredient(known.get(base), base, text, None))
        return "Pack", entries, "pack"
    parts = name.split(" / ")
    last = list(COMPONENT.finditer(parts[-1]))
    form = parts[-1][last[-1].end():].strip() if last else ""
    duration = re.search(r"\b(\d+ HR) ", name)
    form_text = "%s %s" % (duration.group(1), form) if duration and "/HR" not in name else form
    entries, unknown = [], None
    for part in parts:
        match = next(COMPONENT.finditer(part), None)
        base, text = _ingredient_name(match.group("phrase") if match else part, known)
        ratio, why = strength(match.group("value"), match.group("unit"), form) if match and form else (None, "unparsed")
        unknown = unknown or why
        entries.append(ingredient(known.get(base), base, text, ratio))
    return form_text or "unknown form", entries, unknown


def map_products(already, known, ingredient, medication):
    """Medication entries for the v3 products not already mapped (the antidepressant sets come first)."""
    entries = []
    for code, (name, title) in sorted(load().items(), key=lambda kv: kv[1][0].lower()):
        if code in already:
            continue
        form, ingredients, unknown = parse(name, known, ingredient)
        codes = [i["itemCodeableConcept"]["coding"][0]["code"] for i in ingredients
                 if i["itemCodeableConcept"].get("coding")]
        if any(c in NEVER_MAPPED for c in codes):
            report["never"].append("%s %s" % (code, name))
            continue
        if not codes:
            report["left_out"].append("%s %s (%s)" % (code, name, title))
            continue
        key = {"pack": "packs", "per-hour": "per_hour"}.get(unknown, "other_unknown") if unknown else None
        if key:
            report[key].append("%s %s" % (code, name))
        report["mapped"][title] = report["mapped"].get(title, 0) + 1
        entries.append(medication(code, name, form, ingredients))
        already.add(code)
    return entries


def print_report(mapped_codes=None):
    for title, count in report["mapped"].items():
        print("v3 products first mapped from %s: %d" % (title, count))
    if mapped_codes is not None:
        for oid, title in V3_SETS:
            with open(os.path.join(ref.VSAC_DIR, "valueset-%s.json" % oid), encoding="utf-8") as f:
                codes = [c["code"] for c in json.load(f)["expansion"]["contains"] if c["system"] == RXNORM]
            print("%s %s: %d of %d products in the map" % (title, oid, sum(c in mapped_codes for c in codes),
                                                           len(codes)))
    for key, label in (("packs", "packs (no strength)"), ("per_hour", "per-hour products (no strength)"),
                       ("other_unknown", "other products without a parsed strength"),
                       ("left_out", "LEFT OUT: ingredient not determined from the data"),
                       ("never", "not mapped: ketamine, esketamine or lithium (PROTOCOL-v3 H)")):
        print("%s (%d):" % (label, len(report[key])))
        for line in report[key]:
            print("  " + line)
