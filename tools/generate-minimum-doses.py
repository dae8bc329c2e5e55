#!/usr/bin/env python3
"""Generates fhir-profiles/knowledge/Parameters-antidepressant-minimum-doses.json from the placeholder dose
table of ../shared/CLINICAL-REFERENCE.md section 4 (UNVERIFIED values; a range gives its lower bound).
Stdlib only. Clinical governance replaces the values from the ATHF-SF2 scoring checklist and sets status to
something other than placeholder-pending-clinical-review.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clinical_reference as ref  # noqa: E402

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
OUT = os.path.join(ref.PROJECT, "fhir-profiles", "knowledge", "Parameters-antidepressant-minimum-doses.json")
SOURCE = ("CLINICAL-REFERENCE.md section 4 placeholder (UNVERIFIED); to be replaced from the ATHF-SF2 scoring "
          "checklist")


def main():
    rxcui = {i["name"]: i["rxcui"] for i in ref.antidepressant_ingredients()}
    parameters, missing = [], []
    for dose in ref.section4_placeholder_doses():
        if dose["name"] not in rxcui:
            raise SystemExit("no RxCUI in section 3 for " + dose["name"])
        source = SOURCE + "; table cell: '%s'" % dose["cell"]
        if dose["range"]:
            source += " (a range: the lower bound is used)"
        parameters.append({"name": dose["name"], "part": [
            {"name": "ingredient", "valueCoding": {"system": RXNORM, "code": rxcui[dose["name"]],
                                                   "display": dose["name"]}},
            {"name": "minDailyDoseMg", "valueDecimal": dose["mg"]},
            {"name": "status", "valueCode": "placeholder-pending-clinical-review"},
            {"name": "source", "valueString": source},
        ]})
    named = {d["name"] for d in ref.section4_placeholder_doses()}
    missing = [n for n in rxcui if n not in named]
    resource = {"resourceType": "Parameters", "id": "antidepressant-minimum-doses",
                "parameter": parameters}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(resource, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("wrote %d minimum doses; no placeholder (adequacy unknown) for: %s" % (len(parameters), ", ".join(missing)))


if __name__ == "__main__":
    main()
