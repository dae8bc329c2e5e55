#!/usr/bin/env python3
"""Generates fhir-profiles/profiles/StructureDefinition-*.json: modest constraints on base FHIR R4 (differential
only; tests generate snapshots) describing the resources the decision reads well. Stdlib only.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clinical_reference as ref  # noqa: E402

BASE = "https://fhir.trd-cds-hooks.org"
VERSION = "2026.11.0"
OUT = os.path.join(ref.PROJECT, "fhir-profiles", "profiles")
LOINC = "http://loinc.org"


def vs(identifier):
    return "%s/ValueSet/%s" % (BASE, identifier)


def el(path, slice_name=None, **fields):
    element_id = path if not slice_name else path.replace("component", "component:" + slice_name, 1)
    element = {"id": element_id, "path": path}
    if slice_name and path.endswith("component"):
        element["sliceName"] = slice_name
    element.update(fields)
    return element


def required(path, value_set, **fields):
    return el(path, binding={"strength": "required", "valueSet": vs(value_set)}, **fields)


def types(*codes):
    return [{"code": c} for c in codes]


def profile(identifier, resource_type, title, description, elements):
    return {
        "resourceType": "StructureDefinition",
        "id": identifier,
        "url": "%s/StructureDefinition/%s" % (BASE, identifier),
        "version": VERSION,
        "name": "".join(p.capitalize() for p in identifier.split("-")),
        "title": title,
        "status": "active",
        "experimental": False,
        "date": "2026-11-27",
        "publisher": "trd-cds-hooks clinical governance",
        "description": description,
        "fhirVersion": "4.0.1",
        "kind": "resource",
        "abstract": False,
        "type": resource_type,
        "baseDefinition": "http://hl7.org/fhir/StructureDefinition/" + resource_type,
        "derivation": "constraint",
        "differential": {"element": [el(resource_type)] + elements},
    }


def observation(identifier, title, description, value_set, value_types, extra=()):
    return profile(identifier, "Observation", title, description, [
        required("Observation.code", value_set),
        el("Observation.subject", min=1),
        el("Observation.effective[x]", min=1, type=types("dateTime", "Period")),
        el("Observation.value[x]", min=1, type=types(*value_types)),
    ] + list(extra))


def bp_component(slice_name, code, display):
    return [
        el("Observation.component", slice_name, min=1, max="1"),
        el("Observation.component.code", slice_name,
           patternCodeableConcept={"coding": [{"system": LOINC, "code": code}]}),
        el("Observation.component.value[x]", slice_name, min=1, type=types("Quantity"),
           short=display + " in mm[Hg]"),
    ]


def dosage(path, timing_repeat=()):
    """Dose and timing required; timing_repeat: elements under timing.repeat (differential order = base order)."""
    return [
        el(path, min=1),
        el(path + ".timing", min=1),
    ] + [el(path + ".timing.repeat" + suffix, min=1) for suffix in timing_repeat] + [
        el(path + ".doseAndRate", min=1),
        el(path + ".doseAndRate.dose[x]", min=1, type=[{"code": "Quantity",
                                                        "profile": ["http://hl7.org/fhir/StructureDefinition/SimpleQuantity"]}]),
    ]


def medication(resource_type, value_set):
    return required(resource_type + ".medication[x]", value_set,
                    type=[{"code": "CodeableConcept"},
                          {"code": "Reference", "targetProfile": ["http://hl7.org/fhir/StructureDefinition/Medication"]}])


def profiles():
    return [
        observation("phq9-total-observation", "PHQ-9 total score Observation",
                    "A PHQ-9 (or PHQ-9M) total score, 0-27. The value may be a Quantity, an integer or (as in the US Core "
                    "example) a string.", "phq9-total", ["Quantity", "integer", "string"]),
        observation("phq9-item9-observation", "PHQ-9 item 9 Observation",
                    "The answer to PHQ-9 item 9 (thoughts of self-harm): a number 0-3 or a LOINC answer code "
                    "(LA6568-5 ... LA6571-9).", "phq9-item9", ["integer", "Quantity", "CodeableConcept", "string"]),
        profile("bp-panel-observation", "Observation", "Blood pressure panel Observation",
                "A blood pressure panel (LOINC 85354-9) with a systolic (8480-6) and a diastolic (8462-4) component.", [
                    required("Observation.code", "bp-panel"),
                    el("Observation.subject", min=1),
                    el("Observation.effective[x]", min=1, type=types("dateTime", "Period")),
                    el("Observation.component", slicing={"discriminator": [{"type": "pattern", "path": "code"}],
                                                         "rules": "open"}, min=2),
                ] + bp_component("systolic", "8480-6", "Systolic blood pressure")
                + bp_component("diastolic", "8462-4", "Diastolic blood pressure")),
        observation("body-weight-observation", "Body weight Observation",
                    "A measured body weight (LOINC 29463-7 or 3141-9) for weight-based ketamine dosing.",
                    "body-weight", ["Quantity"]),
        profile("antidepressant-course-medicationstatement", "MedicationStatement",
                "Antidepressant course (MedicationStatement)",
                "An antidepressant taken over a period, with a dose and a timing, so that the daily dose and the "
                "duration of the trial can be computed (docs/protocol.md section 1).", [
                    medication("MedicationStatement", "antidepressants"),
                    el("MedicationStatement.effective[x]", min=1, type=types("Period", "dateTime")),
                ] + dosage("MedicationStatement.dosage")),
        profile("antidepressant-course-medicationrequest", "MedicationRequest",
                "Antidepressant course (MedicationRequest)",
                "An antidepressant order as US Core EHRs record medication history: the dose and timing of the "
                "dosage instruction, and the period (dispenseRequest.validityPeriod, else authoredOn as start).", [
                    medication("MedicationRequest", "antidepressants"),
                    el("MedicationRequest.authoredOn", min=1),
                ] + dosage("MedicationRequest.dosageInstruction") + [
                    el("MedicationRequest.dispenseRequest.validityPeriod", mustSupport=True),
                ]),
        profile("tms-procedure", "Procedure", "TMS procedure",
                "A therapeutic repetitive TMS session or course (CPT 90867-90869) with its date or period.", [
                    required("Procedure.code", "tms-procedures", min=1),
                    el("Procedure.performed[x]", min=1, type=types("dateTime", "Period")),
                ]),
        profile("ketamine-draft-medicationrequest", "MedicationRequest", "Draft ketamine order",
                "A draft ketamine order as sent in order-sign/order-select: a dose and an infusion duration "
                "(timing.repeat.duration + durationUnit) that the dose check reads.", [
                    el("MedicationRequest.status", patternCode="draft"),
                    medication("MedicationRequest", "ketamine"),
                ] + dosage("MedicationRequest.dosageInstruction", ("", ".duration", ".durationUnit"))),
    ]


def main():
    os.makedirs(OUT, exist_ok=True)
    for sd in profiles():
        with open(os.path.join(OUT, "StructureDefinition-%s.json" % sd["id"]), "w", encoding="utf-8") as f:
            json.dump(sd, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print("wrote %d profiles" % len(profiles()))


if __name__ == "__main__":
    main()
