#!/usr/bin/env python3
"""Generates the minimum adequate daily dose tables (placeholders pending clinical review, all UNVERIFIED):

    fhir-profiles/knowledge/Parameters-antidepressant-minimum-doses.json  (CLINICAL-REFERENCE.md section 4 table,
        corrected by PROTOCOL-v2 section 9)
    fhir-profiles/knowledge/Parameters-bipolar-minimum-doses.json         (PROTOCOL-v2 section 2, bipolar pathway)

    python3 tools/generate-minimum-doses.py REFERENCE_FOLDER

Each row: ingredient (RxNorm coding; for a combination product with its own row, the product code), minDailyDoseMg
(in mg of the ingredient the product map gives for that code), status, source, and optionally route (the row
applies only to that route, e.g. transdermal selegiline). Clinical governance replaces the values from the ATHF-SF2
scoring checklist and sets status to something other than placeholder-pending-clinical-review.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clinical_reference as ref  # noqa: E402

ref.configure(sys.argv)

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
KNOWLEDGE = os.path.join(ref.PROJECT, "fhir-profiles", "knowledge")
STATUS = "placeholder-pending-clinical-review"
SOURCE = ("CLINICAL-REFERENCE.md section 4 placeholder (UNVERIFIED); to be replaced from the ATHF-SF2 scoring "
          "checklist")
V2 = "PROTOCOL-v2 section 9 placeholder (UNVERIFIED, pending clinical review)"
# PROTOCOL-v2 section 9 corrections: name -> (mg per day, route or None, note)
CORRECTIONS = {
    "trazodone": (300.0, None, "300 mg: lower doses (150) count sleep doses"),
    "vilazodone": (40.0, None, "40 mg"),
    "selegiline": (6.0, "transdermal", "6 mg/24 h transdermal only (oral selegiline is a Parkinson's product)"),
}
NEW_ROWS = [  # (name, rxcui, mg per day, note) - rows PROTOCOL-v2 section 9 asks for; numbers are placeholders
    ("amoxapine", "722", 200.0, "no figure in CLINICAL-REFERENCE.md; US label usual dose range starts at 200 mg"),
    ("maprotiline", "6646", 150.0, "no figure in CLINICAL-REFERENCE.md; set like the other cyclic antidepressants"),
    ("protriptyline", "8886", 30.0, "no figure in CLINICAL-REFERENCE.md; US label usual dose range 15-40 mg"),
    ("trimipramine", "10834", 150.0, "no figure in CLINICAL-REFERENCE.md; set like the other TCAs (>=150 mg)"),
]
# Dextromethorphan-bupropion has its own row keyed by its product code (VSAC 'Adult Depression Medications'
# 2.16.840.1.113883.3.526.3.1566): 45/105 mg twice daily = 210 mg bupropion per day (the product map's ingredient).
DXM_BUPROPION = ("dextromethorphan-bupropion", "2611260", 210.0,
                 "45 mg dextromethorphan / 105 mg bupropion twice daily; mg are bupropion mg (the product map's "
                 "ingredient of 2611260)")
BIPOLAR = [  # (name, rxcui, mg per day, note); olanzapine-fluoxetine rows keyed by the combination products
    ("quetiapine", "51272", 300.0, "quetiapine for bipolar depression, 300 mg/day (US label target)"),
    ("lurasidone", "1040028", 20.0, "lurasidone 20-120 mg/day (US label range, lower bound); RxCUI unverified"),
    ("lamotrigine", "28439", 200.0, "lamotrigine 200 mg/day maintenance target after titration"),
    ("lithium", "6448", 600.0, "lithium carbonate; adequacy by serum level >= 0.6 mmol/L first (PROTOCOL-v2 "
                                "section 2), this dose only when no level exists"),
    ("cariprazine", "1667655", 1.5, "cariprazine 1.5-3 mg/day for bipolar depression (lower bound); RxCUI unverified"),
    ("lumateperone", "2286154", 42.0, "lumateperone 42 mg/day (US label dose); RxCUI unverified"),
] + [("olanzapine-fluoxetine", code, 25.0, "olanzapine/fluoxetine 6/25 mg/day minimum (US label starting dose); "
      "mg are fluoxetine mg (the product map's ingredient of %s)" % code)
     for code in ("721787", "403969", "403970", "403971", "403972")]


def row(name, rxcui, mg, source, route=None, display=None):
    parts = [{"name": "ingredient", "valueCoding": {"system": RXNORM, "code": rxcui, "display": display or name}},
             {"name": "minDailyDoseMg", "valueDecimal": mg},
             {"name": "status", "valueCode": STATUS},
             {"name": "source", "valueString": source}]
    if route:
        parts.append({"name": "route", "valueCode": route})
    return {"name": name, "part": parts}


def antidepressant_rows():
    rxcui = {i["name"]: i["rxcui"] for i in ref.antidepressant_ingredients()}
    rows = []
    for dose in ref.section4_placeholder_doses():
        if dose["name"] not in rxcui:
            raise SystemExit("no RxCUI in section 3 for " + dose["name"])
        source = SOURCE + "; table cell: '%s'" % dose["cell"]
        mg, route = dose["mg"], None
        if dose["name"] in CORRECTIONS:
            mg, route, note = CORRECTIONS[dose["name"]]
            source = "%s; corrected by %s: %s" % (source, V2, note)
        elif dose["range"]:
            source += " (a range: the lower bound is used)"
        rows.append(row(dose["name"], rxcui[dose["name"]], mg, source, route))
    for name, code, mg, note in NEW_ROWS:
        if rxcui.get(name) != code:
            raise SystemExit("section 3 RxCUI of %s is not %s" % (name, code))
        rows.append(row(name, code, mg, "%s: %s" % (V2, note)))
    name, code, mg, note = DXM_BUPROPION
    rows.append(row(name, code, mg, "%s: %s" % (V2, note),
                    display="bupropion hydrochloride 105 MG / dextromethorphan hydrobromide 45 MG Extended Release "
                            "Oral Tablet"))
    return rows


def write(identifier, rows):
    resource = {"resourceType": "Parameters", "id": identifier, "parameter": rows}
    with open(os.path.join(KNOWLEDGE, "Parameters-%s.json" % identifier), "w", encoding="utf-8") as f:
        json.dump(resource, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main():
    antidepressants = antidepressant_rows()
    write("antidepressant-minimum-doses", antidepressants)
    bipolar = [row(name, code, mg, "PROTOCOL-v2 section 2 placeholder (UNVERIFIED, pending clinical review): " + note)
               for name, code, mg, note in BIPOLAR]
    write("bipolar-minimum-doses", bipolar)
    print("wrote %d antidepressant and %d bipolar minimum doses" % (len(antidepressants), len(bipolar)))


if __name__ == "__main__":
    main()
