#!/usr/bin/env python3
"""Writes the v3 checker scenarios (chk-*.json) into src/test/resources/scenarios-v3/ (python3, stdlib only).

Each scenario's expectation comes from the text of PROTOCOL-v3 (sections A-F; PROTOCOL-v2 where v3 is silent), written
before the code's answer was read: `rule` names the section, `why` quotes or paraphrases the rule. Deterministic: a
re-run gives no diff. Run from anywhere: python3 tools/generate-v3-checker-scenarios.py
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scenarios_v3_base import (ASOF, CPT, ESKETAMINE, ICD10CM, IM, IV, KETAMINE, LOINC, NASAL, ORAL, RXNORM,  # noqa
                               SNOMED, administration, bp, bundle, candidate_record, codeable, concept, draft, hcg,
                               icd, item9, med_request, med_statement, patient, phq9, procedure, sct, tms_order, weight)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "scenarios-v3")
SCENARIOS = []
SERVICES = {"patient-view": "ketamine-tms-screening", "order-sign": "ketamine-tms-order-sign",
            "order-select": "ketamine-tms-order-select"}
MDD_REASON = concept(ICD10CM, "F33.2", "Major depressive disorder, recurrent severe without psychotic features")
OLD = "1956-06-01"    # 70 at asOf
TEEN = "2010-06-01"   # 16 at asOf
FIFTY = "1976-05-01"


def scenario(name, rule, why, hook, pid, record, drafts=None, inc=(), exc=(), no_cards=False, checks=(), modes=None):
    s = {"name": name, "rule": rule, "why": why, "asOf": ASOF.strftime("%Y-%m-%dT%H:%M:%SZ"), "hook": hook,
         "service": SERVICES[hook], "patientId": pid, "record": bundle(record),
         "draftOrders": bundle(drafts) if drafts else None}
    if modes:
        s["modes"] = modes
    s["expect"] = {"topicsIncluded": list(inc), "topicsExcluded": list(exc), "noCards": no_cards,
                   "checks": [{"kind": k, "value": v} for k, v in checks]}
    SCENARIOS.append(s)


def ket(pid, oid="ket-1", mg=40, **kw):
    kw.setdefault("text", f"{mg} mg IV over 40 minutes, 3 times a week")
    return draft(pid, oid, KETAMINE, mg, **kw)


def esk(pid, oid="esk-1", mg=56, per_week=2, **kw):
    return draft(pid, oid, ESKETAMINE, mg, text=f"{mg} mg intranasally", route=NASAL, per_week=per_week,
                 duration=None, **kw)


def esk_session(pid, days, mg=56):
    return administration(pid, ESKETAMINE, days, mg, route=NASAL, minutes=5)


def ket_session(pid, days, mg=40):
    return administration(pid, KETAMINE, days, mg)


def medication(mid, code_text, ingredient=True, local_code="77001"):
    m = {"resourceType": "Medication", "id": mid,
         "code": {"coding": [{"system": "urn:oid:1.2.840.114350.1.13.0.1.7.2.698288", "code": local_code,
                              "display": code_text}], "text": code_text}}
    if ingredient:
        m["ingredient"] = [{"itemCodeableConcept": {"coding": [{"system": RXNORM, "code": "6130", "display": "ketamine"}]},
                            "isActive": True,
                            "strength": {"numerator": {"value": 10, "unit": "mg", "system": "http://unitsofmeasure.org",
                                                       "code": "mg"},
                                         "denominator": {"value": 1, "unit": "mL",
                                                         "system": "http://unitsofmeasure.org", "code": "mL"}}}]
    return m


CRIT = ("indicator", ["ketamine-dose-check", "critical"])


def section_a():
    pid = "chk-a1"
    scenario("chk-A-os-ketamine-product-code-recognised-by-name", "A.4",
             "A product code the knowledge does not list: recognised by its coding's display (name), as a whole word; "
             "the card says 'identified by its name'. 100 mg at 80 kg is above the 1 mg/kg ceiling (critical).",
             "order-sign", pid, candidate_record(pid),
             [draft(pid, "kp-a1", codeable("1999011", "ketamine hydrochloride 10 MG/ML Injectable Solution"), 100,
                    text="100 mg IV over 40 minutes, 3 times a week")],
             inc=["ketamine-dose-check"], checks=[CRIT, ("detail-mentions", ["ketamine-dose-check",
                                                                              ["identified by its name"]])])
    pid = "chk-a2"
    scenario("chk-A-os-ketalar-brand-text-only", "A.4",
             "No coding at all, only the text 'Ketalar ...': the brand name is in the names table (ketamine: Ketalar).",
             "order-sign", pid, candidate_record(pid),
             [draft(pid, "kp-a2", {"medicationCodeableConcept": {"text": "Ketalar 500 mg/10 mL vial"}}, 100,
                    text="100 mg IV over 40 minutes, 3 times a week")],
             inc=["ketamine-dose-check"], checks=[CRIT])
    pid = "chk-a3"
    scenario("chk-A-os-ondansetron-dosage-text-not-ketamine", "A.4",
             "Never the dosage text: 'ondansetron 4 mg IV before ketamine' is not a ketamine order; no other "
             "ingredient of the knowledge: no cards.",
             "order-sign", pid, candidate_record(pid),
             [draft(pid, "ond-1", codeable("26225", "ondansetron"), 4, text="ondansetron 4 mg IV before ketamine",
                    per_week=3, duration=None)],
             no_cards=True)
    pid = "chk-a4"
    scenario("chk-A-os-esketamine-product-by-name-not-ketamine", "A.4",
             "'esketamine 28 MG Nasal Spray' under an unlisted product code: the longer name wins, it is esketamine "
             "(never a mg/kg ketamine dose check: 56 mg at 50 kg would be 1.12 mg/kg); first esketamine order of a "
             "course: session-monitoring, which says 'identified by its name'.",
             "order-sign", pid, candidate_record(pid, weight_kg=50),
             [draft(pid, "ep-1", codeable("1999012", "esketamine 28 MG Nasal Spray"), 56, text="56 mg intranasally",
                    route=NASAL, per_week=2, duration=None)],
             inc=["session-monitoring"], exc=["ketamine-dose-check", "weight-missing"],
             checks=[("detail-mentions", ["session-monitoring", ["identified by its name"]])])
    pid = "chk-a18"
    scenario("chk-A-os-spravato-brand-text-only-112-critical", "A.4, E (esketamine above 84 mg)",
             "Only the text 'Spravato 28 mg nasal spray device' names the order: esketamine by its brand; 112 mg "
             "per session is above 84 mg (critical), never a ketamine mg/kg check.",
             "order-sign", pid, candidate_record(pid),
             [draft(pid, "sp-18", {"medicationCodeableConcept": {"text": "Spravato 28 mg nasal spray device"}}, 112,
                    text="112 mg intranasally", route=NASAL, per_week=2, duration=None)],
             inc=["esketamine-dose-check"], exc=["ketamine-dose-check"],
             checks=[("indicator", ["esketamine-dose-check", "critical"])])
    pid = "chk-a5"
    rec = candidate_record(pid) + [medication("chk-kmed-5", "Formulary item 77005 (10 mL vial)")]
    scenario("chk-A-osref-medication-by-reference-fetched", "A.3",
             "medicationReference to a Medication the prefetch does not hold: fetched from fhirServer "
             "(Medication?_id=...), recognised by its ingredient 6130; 100 mg at 80 kg: critical.",
             "order-sign", pid, rec,
             [draft(pid, "kr-5", {"medicationReference": {"reference": "Medication/chk-kmed-5"}}, 100,
                    text="100 mg IV over 40 minutes, 3 times a week")],
             inc=["ketamine-dose-check"], checks=[CRIT], modes=["fetch", "prefetch+server"])
    pid = "chk-a6"
    scenario("chk-A-osref-unresolved-reference-by-display", "A.3, A.4",
             "An unresolved reference is neither an error nor a 412: the record goes on to name recognition "
             "(the reference's display 'ketamine 10 mg/mL injection').",
             "order-sign", pid, candidate_record(pid),
             [draft(pid, "kr-6", {"medicationReference": {"reference": "Medication/chk-missing-6",
                                                          "display": "ketamine 10 mg/mL injection"}}, 100,
                    text="100 mg IV over 40 minutes, 3 times a week")],
             inc=["ketamine-dose-check"],
             checks=[CRIT, ("detail-mentions", ["ketamine-dose-check", ["identified by its name"]])],
             modes=["fetch", "prefetch+server"])
    pid = "chk-a7"
    order = draft(pid, "kr-7", {"medicationReference": {"reference": "Medication/chk-kmed-7"}}, 100,
                  text="100 mg IV over 40 minutes, 3 times a week")
    scenario("chk-A-os-medication-in-draft-orders-bundle", "A.3",
             "The Medication travels in the request (the draft-orders bundle): recognised by its ingredient.",
             "order-sign", pid, candidate_record(pid), [medication("chk-kmed-7", "Formulary item 77007"), order],
             inc=["ketamine-dose-check"], checks=[CRIT])
    pid = "chk-a8"
    scenario("chk-A-os-contained-medication-code-text-only", "A.3, A.4",
             "A contained Medication with only code.text 'Ketamine HCl 500 mg/10 mL': recognised by name.",
             "order-sign", pid, candidate_record(pid),
             [draft(pid, "kc-8", {"medicationReference": {"reference": "#m1"}}, 100,
                    text="100 mg IV over 40 minutes, 3 times a week",
                    contained=[{"resourceType": "Medication", "id": "m1",
                                "code": {"text": "Ketamine HCl 500 mg/10 mL"}}])],
             inc=["ketamine-dose-check"],
             checks=[CRIT, ("detail-mentions", ["ketamine-dose-check", ["identified by its name"]])])
    pid = "chk-a9"
    scenario("chk-A-pv-lorazepam-product-code-concurrent-caution", "A.2",
             "lorazepam 1 MG Oral Tablet (RxNorm 197901, VSAC Schedule IV Benzodiazepines) by product code: a "
             "benzodiazepine, concurrent-medication-caution; a caution does not hold the candidate back.",
             "patient-view", pid,
             candidate_record(pid) + [med_request(pid, codeable("197901", "lorazepam 1 MG Oral Tablet"), 30, mg=1,
                                                  per_day=2)],
             inc=["concurrent-medication-caution", "combination-candidate"])
    pid = "chk-a10"
    scenario("chk-A-pv-oxycodone-product-code-concurrent-caution", "A.2",
             "oxycodone hydrochloride 5 MG Oral Tablet (RxNorm 1049621, VSAC Opioids, All) by product code.",
             "patient-view", pid,
             candidate_record(pid) + [med_request(pid, codeable("1049621", "oxycodone hydrochloride 5 MG Oral Tablet"),
                                                  30, mg=5, per_day=3)],
             inc=["concurrent-medication-caution"])
    pid = "chk-a11"
    scenario("chk-A-os-ketamine-im-route-check-incomplete", "A (order-check-incomplete)",
             "Racemic ketamine by a route other than IV (IM), ordered for depression: the dose check is for IV.",
             "order-sign", pid, candidate_record(pid),
             [ket(pid, "kim-11", 40, route=IM, duration=None, text="40 mg IM 3 times a week", reason=MDD_REASON)],
             inc=["order-check-incomplete"])
    pid = "chk-a12"
    scenario("chk-A-os-esketamine-oral-route-check-incomplete", "A (order-check-incomplete)",
             "Esketamine by a route other than nasal.",
             "order-sign", pid, candidate_record(pid),
             [draft(pid, "eor-12", ESKETAMINE, 56, text="56 mg by mouth", route=ORAL, per_week=2, duration=None)],
             inc=["order-check-incomplete"])
    local_tms = {"coding": [{"system": "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580", "code": "PROC8812",
                             "display": "rTMS left DLPFC 10 Hz"}], "text": "rTMS left DLPFC 10 Hz"}
    pid = "chk-a13"
    scenario("chk-A-os-rtms-named-without-cpt-in-scope", "A (order-check-incomplete), v2 s7",
             "TMS ordered without CPT 90867-90869 but named 'rTMS': in scope, checked as TMS (first TMS order of a "
             "course: session-monitoring) and order-check-incomplete says the CPT is missing.",
             "order-sign", pid, candidate_record(pid), [tms_order(pid, "rtms-13", code=local_tms)],
             inc=["order-check-incomplete", "session-monitoring"])
    pid = "chk-a14"
    scenario("chk-A-os-rtms-named-cochlear-implant-blocked", "A, D (tms-implant)",
             "The rTMS-named order is checked as TMS: a cochlear implant (Z96.21) blocks it with a delete suggestion.",
             "order-sign", pid,
             candidate_record(pid) + [icd(pid, "Z96.21", "Cochlear implant status", 900)],
             [tms_order(pid, "rtms-14", code=local_tms)],
             inc=["contraindication-tms-implant"], checks=[("delete-suggestion", "ServiceRequest/rtms-14")])
    pid = "chk-a15"
    scenario("chk-A-os-transcranial-doppler-not-tms", "A",
             "'Transcranial Doppler ultrasound' names neither TMS nor rTMS nor transcranial magnetic stimulation: "
             "not an order of the protocol, no cards.",
             "order-sign", pid, candidate_record(pid),
             [tms_order(pid, "tcd-15", code={"coding": [{"system": "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580",
                                                         "code": "PROC4410",
                                                         "display": "Transcranial Doppler ultrasound"}],
                                             "text": "Transcranial Doppler ultrasound"})],
             no_cards=True)
    pid = "chk-a16"
    rec = candidate_record(pid, gender="male") + [ket_session(pid, 6), ket_session(pid, 3)]
    scenario("chk-A-os-name-only-order-no-other-card-check-incomplete", "A (order-check-incomplete)",
             "A ketamine order identified by its name only ('Ketamine infusion'), at the protocol dose, during a "
             "course (sessions 3 and 6 days ago: no session-monitoring): no other card for it, so "
             "order-check-incomplete says it was identified by its name.",
             "order-sign", pid, rec,
             [draft(pid, "kn-16", {"medicationCodeableConcept": {"text": "Ketamine infusion"}}, 40,
                    text="40 mg IV over 40 minutes, 3 times a week")],
             inc=["order-check-incomplete"], exc=["session-monitoring", "ketamine-dose-check"],
             checks=[("detail-mentions", ["order-check-incomplete", ["identified by its name"]])])
    pid = "chk-a17"
    scenario("chk-A-os-ketamine-one-vial-no-strength-check-incomplete", "A (order-check-incomplete)",
             "Ketamine without a usable mg dose ('1 vial') and no strength to convert it: the check could not be "
             "completed; the 'what was ordered' line names the vial.",
             "order-sign", pid, candidate_record(pid),
             [ket(pid, "kv-17", 1, unit="{vial}", text="1 vial IV over 40 minutes, 3 times a week")],
             inc=["order-check-incomplete"], checks=[("any-card-mentions", ["vial"])])


def section_b():
    pid = "chk-b1"
    scenario("chk-B-pv-snomed-mi-recent-blocks", "B (Initial MI), v2 s4 vascular",
             "Myocardial infarction coded SNOMED 22298006 (Initial Myocardial Infarction VSAC), onset 10 days ago.",
             "patient-view", pid, candidate_record(pid) + [sct(pid, "22298006", "Myocardial infarction (disorder)", 10)],
             inc=["contraindication-vascular"], exc=["combination-candidate"])
    pid = "chk-b2"
    scenario("chk-B-os-snomed-acute-mi-blocks-ketamine-only", "B, v2 s4",
             "SNOMED 57054005 acute MI 20 days ago blocks ketamine: delete the ketamine order, not the TMS order.",
             "order-sign", pid,
             candidate_record(pid) + [sct(pid, "57054005", "Acute myocardial infarction (disorder)", 20)],
             [ket(pid, "ket-b2"), tms_order(pid, "tms-b2")],
             inc=["contraindication-vascular"],
             checks=[("delete-suggestion", "MedicationRequest/ket-b2"), ("no-delete-suggestion", "ServiceRequest/tms-b2")])
    pid = "chk-b3"
    scenario("chk-B-pv-past-mi-32574007-no-block", "B (not 32574007)",
             "32574007 'Past myocardial infarction ... currently presenting no symptoms' is excluded from the MI set.",
             "patient-view", pid,
             candidate_record(pid) + [sct(pid, "32574007", "Past myocardial infarction diagnosed on electrocardiogram "
                                      "AND/OR other special investigation, but currently presenting no symptoms "
                                      "(disorder)", 20)],
             inc=["combination-candidate"], exc=["contraindication-vascular"])
    pid = "chk-b4"
    scenario("chk-B-os-I21A1-recent-blocks", "B (also I21.A1)",
             "I21.A1 (type 2 MI) 15 days ago is a myocardial infarction.",
             "order-sign", pid,
             candidate_record(pid) + [icd(pid, "I21.A1", "Myocardial infarction type 2", 15)], [ket(pid, "ket-b4")],
             inc=["contraindication-vascular"], checks=[("delete-suggestion", "MedicationRequest/ket-b4")])
    pid = "chk-b5"
    scenario("chk-B-os-snomed-hemorrhage-old-resolved-blocks", "B (Hemorrhagic Stroke VSAC), v2 s4",
             "SNOMED 195165005 basal ganglia hemorrhage, 8 years ago and resolved: intracranial hemorrhage any time.",
             "order-sign", pid,
             candidate_record(pid) + [sct(pid, "195165005", "Basal ganglia hemorrhage (disorder)", 2900,
                                          status="resolved", abatement_days=2800)],
             [ket(pid, "ket-b5")],
             inc=["contraindication-vascular"], checks=[("delete-suggestion", "MedicationRequest/ket-b5")])
    pid = "chk-b6"
    scenario("chk-B-pv-snomed-partial-remission-mdd-candidate", "B (depression narrow: 33135002)",
             "MDD coded only as SNOMED 33135002 recurrent major depression in partial remission: narrow MDD set, "
             "partial remission stays active; otherwise a candidate.",
             "patient-view", pid,
             candidate_record(pid, mdd=False) + [sct(pid, "33135002",
                                                     "Recurrent major depression in partial remission (disorder)", 700)],
             inc=["combination-candidate"])
    pid = "chk-b7"
    scenario("chk-B-pv-F53.0-postpartum-depression-is-mdd", "B (depression narrow: F53.0)",
             "F53.0 is in the narrow MDD set in v3; postpartum depression is not pregnancy.",
             "patient-view", pid,
             candidate_record(pid, mdd=False) + [icd(pid, "F53.0", "Postpartum depression", 600)],
             inc=["combination-candidate"], exc=["contraindication-pregnancy"])
    pid = "chk-b8"
    scenario("chk-B-pv-snomed-mdd-complicating-pregnancy-blocks", "B (pregnancy: 10811161000119107)",
             "SNOMED 10811161000119107 MDD complicating pregnancy counts as pregnancy too.",
             "patient-view", pid,
             candidate_record(pid) + [sct(pid, "10811161000119107",
                                          "Major depressive disorder in mother complicating pregnancy (disorder)", 60)],
             inc=["contraindication-pregnancy"], exc=["combination-candidate"])
    pid = "chk-b9"
    scenario("chk-B-pv-F53.1-puerperal-psychosis-caution", "B (psychosis: F53.1)",
             "F53.1 puerperal psychosis joins the psychosis set: psychosis-caution, holds the candidate back.",
             "patient-view", pid,
             candidate_record(pid) + [icd(pid, "F53.1", "Puerperal psychosis", 30)],
             inc=["psychosis-caution"], exc=["combination-candidate"])
    pid = "chk-b10"
    scenario("chk-B-pv-snomed-35489007-item9-one-screen-positive", "B (depression broad: 35489007), C",
             "Depressive disorder SNOMED 35489007 is on the depressive spectrum: item 9 = 1 shows screen-positive.",
             "patient-view", pid,
             [patient(pid), sct(pid, "35489007", "Depressive disorder (disorder)", 200), phq9(pid, 14, 3),
              item9(pid, 1, 3)],
             inc=["suicide-risk-screen-positive"], exc=["suicide-risk-urgent"])


def section_c():
    pid = "chk-c1"
    scenario("chk-C-pv-item9-two-no-depression-coded-urgent", "C (scope)",
             "Item 9 >= 2 shows the cards for any patient, whether or not depression is coded.",
             "patient-view", pid, [patient(pid), phq9(pid, 16, 3), item9(pid, 2, 3)],
             inc=["suicide-risk-urgent"])
    pid = "chk-c2"
    scenario("chk-C-pv-item9-one-no-depression-no-ketamine-no-cards", "C (scope)",
             "Item 9 = 1 shows screen-positive only on the depressive spectrum or with a ketamine/esketamine/TMS "
             "record; neither here: no cards.",
             "patient-view", pid, [patient(pid), phq9(pid, 9, 3), item9(pid, 1, 3)], no_cards=True)
    pid = "chk-c3"
    scenario("chk-C-pv-item9-one-ketamine-record-screen-positive", "C (scope)",
             "No depression coded but a ketamine administration 20 days ago: item 9 = 1 shows screen-positive.",
             "patient-view", pid, [patient(pid), ket_session(pid, 20), phq9(pid, 12, 3), item9(pid, 1, 3)],
             inc=["suicide-risk-screen-positive"])
    attempt = ("T43.222A", "Poisoning by selective serotonin reuptake inhibitors, intentional self-harm, "
               "initial encounter")
    pid = "chk-c4"
    high = {"coding": [{"system": "https://fhir.trd-cds-hooks.org/CodeSystem/suicide-risk-level", "code": "high",
                        "display": "High risk"}], "text": "High risk of suicide"}
    scenario("chk-C-pv-attempt-assessment-high-outcome-still-urgent", "C (clearing)",
             "An assessment after the attempt whose outcome is high risk keeps the urgent card (and the candidate "
             "held back). The contract names no code for a high outcome: coded here in a local system with "
             "display and text 'High risk'; a service that cannot read it must not lift the tier either.",
             "patient-view", pid,
             candidate_record(pid) + [icd(pid, *attempt, 60, status="resolved"),
                                      procedure(pid, SNOMED, "225337009", "Suicide risk assessment (procedure)", 10,
                                                outcome=high)],
             inc=["suicide-risk-urgent"], exc=["combination-candidate"])
    pid = "chk-c5"
    scenario("chk-C-pv-attempt-assessment-not-done-still-urgent", "C (clearing)",
             "Only a completed assessment Procedure counts: status not-done lifts nothing.",
             "patient-view", pid,
             candidate_record(pid) + [icd(pid, *attempt, 60, status="resolved"),
                                      procedure(pid, SNOMED, "225337009", "Suicide risk assessment (procedure)", 10,
                                                status="not-done")],
             inc=["suicide-risk-urgent"], exc=["combination-candidate"])
    pid = "chk-c6"
    scenario("chk-C-pv-item9-two-assessed-one-voice", "C (one voice)",
             "Item 9 = 2 twelve days ago, assessment (no outcome) five days ago: the hold lifts, the card is "
             "screen-positive saying 'reassess before each session'; the candidate is shown and no card says it "
             "is held back.",
             "patient-view", pid,
             candidate_record(pid) + [item9(pid, 2, 12),
                                      procedure(pid, SNOMED, "225337009", "Suicide risk assessment (procedure)", 5)],
             inc=["suicide-risk-screen-positive", "combination-candidate"], exc=["suicide-risk-urgent"],
             checks=[("detail-mentions", ["suicide-risk-screen-positive", ["reassess before each session"]]),
                     ("detail-not-mentions", ["suicide-risk-screen-positive", ["held back"]])])
    pid = "chk-c7"
    scenario("chk-C-pv-later-lower-item9-does-not-clear", "C (clearing)",
             "Item 9 = 3 twelve days ago, then 0 three days ago: a later, lower answer does not clear the urgent "
             "tier; the card names it ('a later answer was 0 on DATE'). (Contradicts v2c-pv-item9-later-zero-clears.)",
             "patient-view", pid, candidate_record(pid) + [item9(pid, 3, 12), item9(pid, 0, 3)],
             inc=["suicide-risk-urgent"], exc=["combination-candidate"],
             checks=[("detail-mentions", ["suicide-risk-urgent", ["a later answer was 0"]])])
    pid = "chk-c8"
    scenario("chk-C-pv-under-18-urgent-no-esketamine-sentence", "C (esketamine sentence adults only)",
             "A 16-year-old with item 9 = 3: urgent card, without the esketamine approval sentence.",
             "patient-view", pid,
             [patient(pid, TEEN), icd(pid, "F33.2", "Major depressive disorder, recurrent severe without psychotic "
                                      "features", 200), phq9(pid, 21, 2), item9(pid, 3, 2)],
             inc=["suicide-risk-urgent"], checks=[("detail-not-mentions", ["suicide-risk-urgent", ["esketamine"]])])


def section_d():
    pid = "chk-d1"
    scenario("chk-D-os-pregnancy-O14.03-blocks-ketamine-only", "D (pregnancy), B (VSAC Pregnancy)",
             "O14.03 pre-eclampsia third trimester, 20 days ago: pregnancy blocks ketamine, not TMS.",
             "order-sign", pid,
             candidate_record(pid) + [icd(pid, "O14.03", "Mild to moderate pre-eclampsia, third trimester", 20)],
             [ket(pid, "ket-d1"), tms_order(pid, "tms-d1")],
             inc=["contraindication-pregnancy"],
             checks=[("delete-suggestion", "MedicationRequest/ket-d1"), ("no-delete-suggestion", "ServiceRequest/tms-d1")])
    pid = "chk-d2"
    scenario("chk-D-pv-pregnancy-Z34.82-290-days-blocks", "D (300 days)",
             "Z34.82 supervision of normal pregnancy dated 290 days ago: within 300 days (v2 had 280).",
             "patient-view", pid,
             candidate_record(pid) + [icd(pid, "Z34.82", "Encounter for supervision of other normal pregnancy, second "
                                      "trimester", 290)],
             inc=["contraindication-pregnancy"], exc=["combination-candidate"])
    pid = "chk-d3"
    scenario("chk-D-pv-pregnancy-301-days-no-block", "D (300 days)",
             "O99.342 dated 301 days ago: outside the 300-day window, no block; otherwise a candidate.",
             "patient-view", pid,
             candidate_record(pid) + [icd(pid, "O99.342", "Other mental disorders complicating pregnancy, second "
                                      "trimester", 301)],
             inc=["combination-candidate"], exc=["contraindication-pregnancy"])
    pid = "chk-d4"
    rec = candidate_record(pid) + [icd(pid, "O99.343", "Other mental disorders complicating pregnancy, third trimester",
                                       20),
                                   icd(pid, "Z37.0", "Single live birth", None)]
    rec[-1]["onsetDateTime"] = rec[-1]["recordedDate"] = (rec[-2]["onsetDateTime"][:11] + "08:00:00Z")
    scenario("chk-D-pv-pregnancy-ended-same-day-no-block", "D (end of pregnancy, same day counts)",
             "O99.343 and Z37.0 single live birth on the same day (the birth coded earlier that day): the pregnancy "
             "ended, no block.",
             "patient-view", pid, rec, inc=["combination-candidate"], exc=["contraindication-pregnancy"])
    pid = "chk-d5"
    scenario("chk-D-pv-cesarean-procedure-ends-pregnancy", "D, B (Delivery Procedures VSAC)",
             "Z34.83 dated 200 days ago, then a Cesarean section (SNOMED 11466000) 30 days ago: ended, no block.",
             "patient-view", pid,
             candidate_record(pid) + [icd(pid, "Z34.83", "Encounter for supervision of other normal pregnancy, third "
                                      "trimester", 200),
                                      procedure(pid, SNOMED, "11466000", "Cesarean section (procedure)", 30)],
             inc=["combination-candidate"], exc=["contraindication-pregnancy"])
    pid = "chk-d6"
    scenario("chk-D-pv-old-delivery-new-pregnancy-blocks", "D (end before the evidence does not count)",
             "A birth (Z37.0) 400 days ago, a new pregnancy Z3A.10 dated 30 days ago: the end is older than the "
             "evidence, the block stands.",
             "patient-view", pid,
             candidate_record(pid) + [icd(pid, "Z37.0", "Single live birth", 400),
                                      icd(pid, "Z3A.10", "10 weeks gestation of pregnancy", 30)],
             inc=["contraindication-pregnancy"], exc=["combination-candidate"])
    b_hcg = ("21198-7", "Choriogonadotropin.beta subunit [Units/volume] in Serum or Plasma")
    pid = "chk-d7"
    scenario("chk-D-pv-hcg-30-positive-blocks", "D (positive test)",
             "Total hCG 30 mIU/mL (>= 25) five days ago, no later negative: pregnancy.",
             "patient-view", pid, candidate_record(pid) + [hcg(pid, *b_hcg, 5, 30)],
             inc=["contraindication-pregnancy"], exc=["combination-candidate"])
    pid = "chk-d7s"
    scenario("chk-D-osel-hcg-positive-blocks-ketamine-only", "D (positive test), v2 s7 order-select",
             "On order-select: hCG 40 mIU/mL three days ago blocks the selected ketamine order, not the TMS order.",
             "order-select", pid, candidate_record(pid) + [hcg(pid, *b_hcg, 3, 40)],
             [ket(pid, "ket-d7s"), tms_order(pid, "tms-d7s")],
             inc=["contraindication-pregnancy"],
             checks=[("delete-suggestion", "MedicationRequest/ket-d7s"),
                     ("no-delete-suggestion", "ServiceRequest/tms-d7s")])
    pid = "chk-d8"
    scenario("chk-D-pv-hcg-10-equivocal-repeat-no-block", "D (equivocal 5-24)",
             "hCG 10 mIU/mL: equivocal, a 'repeat the test' line, not a block.",
             "patient-view", pid, candidate_record(pid) + [hcg(pid, *b_hcg, 5, 10)],
             exc=["contraindication-pregnancy"], checks=[("any-card-mentions", ["repeat"])])
    pid = "chk-d9"
    scenario("chk-D-pv-hcg-cord-blood-55870-ignored", "D (not 55870-0)",
             "hCG 55 IU/L on 55870-0 (cord blood) is not the patient's pregnancy test: no block.",
             "patient-view", pid,
             candidate_record(pid) + [hcg(pid, "55870-0", "Choriogonadotropin [Units/volume] in Cord blood", 5, 55,
                                          unit="[IU]/L")],
             inc=["combination-candidate"], exc=["contraindication-pregnancy"])
    urine = ("2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine")
    pid = "chk-d10"
    scenario("chk-D-pv-positive-then-negative-test-no-block", "D (no later negative test)",
             "A positive urine test 20 days ago, a negative one 5 days ago: no block.",
             "patient-view", pid,
             candidate_record(pid) + [hcg(pid, *urine, 20, coded=("10828004", "Positive (qualifier value)")),
                                      hcg(pid, *urine, 5, coded=("260385009", "Negative (qualifier value)"))],
             inc=["combination-candidate"], exc=["contraindication-pregnancy"])
    pid = "chk-d11"
    scenario("chk-D-pv-positive-test-with-hcg-tumour-warning", "D (hCG-secreting tumour)",
             "A positive test with an active C58 (malignant neoplasm of placenta): the test is a warning, not a "
             "block (read as the same topic at indicator warning).",
             "patient-view", pid,
             candidate_record(pid) + [icd(pid, "C58", "Malignant neoplasm of placenta", 100),
                                      hcg(pid, *urine, 5, coded=("10828004", "Positive (qualifier value)"))],
             checks=[("indicator", ["contraindication-pregnancy", "warning"])])
    pid = "chk-d12"
    scenario("chk-D-os-breastfeeding-lactation-caution-ketamine", "D (breastfeeding), G",
             "Mother currently breastfeeding (SNOMED 866041003) 60 days ago: lactation-caution on the ketamine "
             "order, a warning (no delete).",
             "order-sign", pid,
             candidate_record(pid) + [sct(pid, "866041003", "Mother currently breastfeeding (situation)", 60)],
             [ket(pid, "ket-d12")],
             inc=["lactation-caution"], checks=[("indicator", ["lactation-caution", "warning"]),
                                                ("no-delete-suggestion", "MedicationRequest/ket-d12")])
    pid = "chk-d13"
    scenario("chk-D-pv-breastfeeding-lactation-caution", "D (breastfeeding, all hooks)",
             "Maternal breastfeeding (SNOMED 1260078007) 90 days ago: lactation-caution on patient-view too.",
             "patient-view", pid,
             candidate_record(pid) + [sct(pid, "1260078007", "Maternal breastfeeding (finding)", 90)],
             inc=["lactation-caution"])
    pid = "chk-d14"
    scenario("chk-D-pv-suppressed-lactation-O92.5-no-caution", "B (breastfeeding: not O92.5)",
             "O92.5 suppressed lactation is not breastfeeding now.",
             "patient-view", pid, candidate_record(pid) + [icd(pid, "O92.5", "Suppressed lactation", 30)],
             inc=["combination-candidate"], exc=["lactation-caution"])
    oud = ("F11.20", "Opioid dependence, uncomplicated")
    bup_nal = codeable("351267", "buprenorphine 8 MG / naloxone 2 MG Sublingual Tablet")
    pid = "chk-d15"
    scenario("chk-D-pv-oud-on-moud-caution-not-block", "D (MOUD)",
             "F11.20 with an active buprenorphine/naloxone prescription (VSAC MOUD): not a substance-use block; a "
             "concurrent-medication-caution line 'do not stop the maintenance treatment'; the candidate stands.",
             "patient-view", pid,
             candidate_record(pid) + [icd(pid, *oud, 500), med_request(pid, bup_nal, 60)],
             inc=["concurrent-medication-caution", "combination-candidate"],
             exc=["contraindication-active-substance-use"],
             checks=[("detail-mentions", ["concurrent-medication-caution", ["do not stop the maintenance treatment"]])])
    pid = "chk-d16"
    scenario("chk-D-os-oud-on-moud-no-delete", "D (MOUD)",
             "The same on order-sign: no substance-use block, no delete of the ketamine order.",
             "order-sign", pid,
             candidate_record(pid) + [icd(pid, *oud, 500), med_request(pid, bup_nal, 60)],
             [ket(pid, "ket-d16")],
             exc=["contraindication-active-substance-use"],
             checks=[("no-delete-suggestion", "MedicationRequest/ket-d16")])
    pid = "chk-d17"
    scenario("chk-D-os-oud-without-moud-blocks", "D (MOUD: without it v2 stands)",
             "F11.20 and no maintenance treatment: the substance-use block and its delete suggestion.",
             "order-sign", pid, candidate_record(pid) + [icd(pid, *oud, 500)], [ket(pid, "ket-d17")],
             inc=["contraindication-active-substance-use"],
             checks=[("delete-suggestion", "MedicationRequest/ket-d17")])
    pid = "chk-d18"
    scenario("chk-D-os-oud-on-moud-plus-alcohol-dependence-blocks", "D (any other SUD still blocks)",
             "F11.20 on MOUD and F10.20 alcohol dependence: the alcohol use disorder blocks.",
             "order-sign", pid,
             candidate_record(pid) + [icd(pid, *oud, 500), icd(pid, "F10.20", "Alcohol dependence, uncomplicated", 300),
                                      med_request(pid, bup_nal, 60)],
             [ket(pid, "ket-d18")],
             inc=["contraindication-active-substance-use"],
             checks=[("delete-suggestion", "MedicationRequest/ket-d18")])
    pid = "chk-d19"
    scenario("chk-D-os-oud-buprenorphine-patch-is-not-moud-blocks", "D (MOUD less transdermal products)",
             "A buprenorphine transdermal system (RxNorm 904870) is an analgesic, not MOUD: F11.20 still blocks.",
             "order-sign", pid,
             candidate_record(pid) + [icd(pid, *oud, 500),
                                      med_request(pid, codeable("904870", "168 HR buprenorphine 0.01 MG/HR Transdermal "
                                                                "System"), 60)],
             [ket(pid, "ket-d19")],
             inc=["contraindication-active-substance-use"],
             checks=[("delete-suggestion", "MedicationRequest/ket-d19")])
    stim = ("Z96.82", "Presence of neurostimulator")
    pid = "chk-d20"
    stomach = concept(SNOMED, "69695003", "Stomach structure (body structure)", "Stomach")
    scenario("chk-D-os-neurostimulator-gastric-site-warning", "D (neurostimulator below the neck)",
             "Z96.82 with a coded site below the neck (stomach): contraindication-tms-implant as a warning, no "
             "delete suggestion, 'confirm it is more than 30 cm from the coil'.",
             "order-sign", pid, candidate_record(pid) + [icd(pid, *stim, 400, body_site=stomach)],
             [tms_order(pid, "tms-d20")],
             inc=["contraindication-tms-implant"],
             checks=[("indicator", ["contraindication-tms-implant", "warning"]),
                     ("no-delete-suggestion", "ServiceRequest/tms-d20"),
                     ("detail-mentions", ["contraindication-tms-implant", ["30 cm"]])])
    pid = "chk-d21"
    scenario("chk-D-os-neurostimulator-no-site-blocks-tms", "D (Z96.82 with no coded site)",
             "Z96.82 without a site: the v2 block stands (critical, delete the TMS order).",
             "order-sign", pid, candidate_record(pid) + [icd(pid, *stim, 400)], [tms_order(pid, "tms-d21")],
             inc=["contraindication-tms-implant"],
             checks=[("indicator", ["contraindication-tms-implant", "critical"]),
                     ("delete-suggestion", "ServiceRequest/tms-d21")])
    pid = "chk-d22"
    cervical = concept(SNOMED, "122494005", "Cervical spine structure (body structure)", "Cervical spine")
    scenario("chk-D-os-neurostimulator-cervical-site-blocks-tms", "D (cervical spinal stimulator)",
             "Z96.82 coded at the cervical spine: near the head or neck, the block stands.",
             "order-sign", pid, candidate_record(pid) + [icd(pid, *stim, 400, body_site=cervical)],
             [tms_order(pid, "tms-d22")],
             inc=["contraindication-tms-implant"],
             checks=[("indicator", ["contraindication-tms-implant", "critical"]),
                     ("delete-suggestion", "ServiceRequest/tms-d22")])
    pid = "chk-d23"
    scenario("chk-D-os-age-70-first-ketamine-older-adult-caution", "D (older adults), G",
             "Age 70, first ketamine order of a course (last session 120 days ago): older-adult-caution (warning).",
             "order-sign", pid, candidate_record(pid, birth=OLD), [ket(pid, "ket-d23")],
             inc=["older-adult-caution"], checks=[("indicator", ["older-adult-caution", "warning"])])
    pid = "chk-d24"
    scenario("chk-D-os-age-70-during-course-no-older-adult-caution", "D (first order of a course only)",
             "Age 70 with ketamine sessions 5 and 9 days ago: not the first order of a course, no caution.",
             "order-sign", pid, candidate_record(pid, birth=OLD) + [ket_session(pid, 9), ket_session(pid, 5)],
             [ket(pid, "ket-d24")], exc=["older-adult-caution"])
    pid = "chk-d25"
    scenario("chk-D-os-dementia-age-50-older-adult-caution", "D (dementia at any age), B (Dementia VSAC)",
             "Age 50 with F03.90 unspecified dementia: older-adult-caution on the first ketamine order.",
             "order-sign", pid,
             candidate_record(pid, birth=FIFTY) + [icd(pid, "F03.90", "Unspecified dementia, unspecified severity, "
                                                   "without behavioral disturbance, psychotic disturbance, mood "
                                                   "disturbance, and anxiety", 300)],
             [ket(pid, "ket-d25")], inc=["older-adult-caution"])
    pid = "chk-d26"
    scenario("chk-D-os-delirium-F05-age-50-no-older-adult-caution", "B (dementia: not F05)",
             "Age 50 with F05 delirium: not dementia or cognitive impairment, no caution.",
             "order-sign", pid,
             candidate_record(pid, birth=FIFTY) + [icd(pid, "F05", "Delirium due to known physiological condition", 60)],
             [ket(pid, "ket-d26")], exc=["older-adult-caution"])
    pid = "chk-d27"
    scenario("chk-D-pv-age-70-line-on-candidate-card", "D (older adults on patient-view)",
             "On patient-view the older-adult facts are a line of the candidate card ('take a cognitive baseline'), "
             "never a card of their own, never holding it back.",
             "patient-view", pid, candidate_record(pid, birth=OLD),
             inc=["combination-candidate"], exc=["older-adult-caution"],
             checks=[("detail-mentions", ["combination-candidate", ["cognitive baseline"]])])
    pid = "chk-d28"
    scenario("chk-D-os-treated-aneurysm-line-for-ketamine", "D (treated intracranial aneurysm)",
             "Clipping of an intracranial aneurysm blocks TMS (delete the TMS order) and adds a ketamine line "
             "'neurosurgical review before ketamine' to that card; the ketamine order is not deleted.",
             "order-sign", pid,
             candidate_record(pid) + [procedure(pid, SNOMED, "230898002", "Clipping of intracranial aneurysm "
                                                "(procedure)", 900)],
             [ket(pid, "ket-d28"), tms_order(pid, "tms-d28")],
             inc=["contraindication-tms-implant"],
             checks=[("delete-suggestion", "ServiceRequest/tms-d28"),
                     ("no-delete-suggestion", "MedicationRequest/ket-d28"),
                     ("detail-mentions", ["contraindication-tms-implant", ["neurosurgical review"]])])
    pid = "chk-d29"
    scenario("chk-D-os-ketamine-order-with-active-esketamine-two-nmda", "D (two NMDA antagonists)",
             "A ketamine order while an esketamine prescription is active: concurrent-medication-caution.",
             "order-sign", pid,
             candidate_record(pid) + [med_request(pid, ESKETAMINE, 10)], [ket(pid, "ket-d29")],
             inc=["concurrent-medication-caution"])
    pid = "chk-d30"
    scenario("chk-D-os-mi-recorded-date-only-warning-not-block", "D (MI onset unknown)",
             "I21.4 NSTEMI with only a recordedDate (10 days ago): 'myocardial infarction, onset unknown', a "
             "warning line, not a block (no delete of the ketamine order).",
             "order-sign", pid,
             candidate_record(pid) + [icd(pid, "I21.4", "Non-ST elevation (NSTEMI) myocardial infarction", None,
                                          recorded_days=10)],
             [ket(pid, "ket-d30")],
             checks=[("no-delete-suggestion", "MedicationRequest/ket-d30"), ("any-card-mentions", ["onset unknown"])])


def section_e():
    pid = "chk-e1"
    scenario("chk-E-os-under-18-esketamine-outside-protocol-age", "E (under 18), G",
             "A 16-year-old, esketamine 56 mg: outside-protocol-age (esketamine is not approved under 18).",
             "order-sign", pid, candidate_record(pid, birth=TEEN), [esk(pid, "esk-e1")],
             inc=["outside-protocol-age"], checks=[("indicator", ["outside-protocol-age", "warning"])])
    pid = "chk-e2"
    scenario("chk-E-os-under-18-no-weight-ceiling-not-checked", "E (under 18, no weight)",
             "A 16-year-old with no weight: outside-protocol-age; the card says 'ceiling not checked: no weight'.",
             "order-sign", pid, candidate_record(pid, birth=TEEN, weight_kg=None), [ket(pid, "ket-e2")],
             inc=["outside-protocol-age"], checks=[("any-card-mentions", ["ceiling not checked"])])
    pid = "chk-e3"
    scenario("chk-E-os-under-18-deviation-no-dose-suggestion", "E (under 18: dose-deviation suggestions withheld)",
             "A 16-year-old, 60 kg, 40 mg (0.67 mg/kg, a deviation, below the ceiling): no update suggestion.",
             "order-sign", pid, candidate_record(pid, birth=TEEN, weight_kg=60), [ket(pid, "ket-e3", 40)],
             inc=["outside-protocol-age"], checks=[("no-update-suggestion", "MedicationRequest/ket-e3")])
    pid = "chk-e4"
    scenario("chk-E-os-no-birthdate-could-not-check-age", "E (no birthDate)",
             "No birthDate: 'could not check: age' on the dose or monitoring card.",
             "order-sign", pid, candidate_record(pid, birth=None), [ket(pid, "ket-e4")],
             checks=[("any-card-mentions", ["could not check", "age"])])
    nocourse = dict(ketamine_course=False)
    pid = "chk-e5"
    scenario("chk-E-os-ed-sedation-108mg-once-out-of-scope", "E (order scope)",
             "No reason, no ketamine/esketamine/TMS session in 365 days, a single administration (count 1) with no "
             "duration and 108 mg at 80 kg (1.35 mg/kg > 1.0): procedural sedation, out of scope, no cards.",
             "order-sign", pid, candidate_record(pid, **nocourse),
             [ket(pid, "ket-e5", 108, text="ketamine 108 mg IV once", per_week=None, duration=None, count=1)],
             no_cards=True)
    pid = "chk-e6"
    scenario("chk-E-os-single-half-mgkg-over-40-min-in-scope", "E (order scope: first sessions are in scope)",
             "No reason, no history, a single 40 mg (0.5 mg/kg) over 40 minutes: in scope (session-monitoring).",
             "order-sign", pid, candidate_record(pid, **nocourse),
             [ket(pid, "ket-e6", 40, text="40 mg IV over 40 minutes once", per_week=None, count=1)],
             inc=["session-monitoring"])
    pid = "chk-e7"
    scenario("chk-E-os-single-stat-no-weight-in-scope", "E (no plausible weight cannot exclude)",
             "108 mg STAT with no duration, no reason, no history, but no weight: the mg/kg test cannot exclude it, "
             "in scope (weight-missing).",
             "order-sign", pid, candidate_record(pid, weight_kg=None, **nocourse),
             [ket(pid, "ket-e7", 108, text="ketamine 108 mg IV STAT", per_week=None, duration=None,
                  timing_code="STAT")],
             inc=["weight-missing"])
    pid = "chk-e8"
    scenario("chk-E-os-as-needed-no-reason-out-of-scope", "E (order scope: asNeeded)",
             "An as-needed ketamine order without a reason, no history: out of scope.",
             "order-sign", pid, candidate_record(pid, **nocourse),
             [ket(pid, "ket-e8", 20, text="ketamine 20 mg IV as needed for pain", per_week=None, duration=None,
                  as_needed=True)],
             no_cards=True)
    pid = "chk-e9"
    scenario("chk-E-os-single-108mg-signed-with-tms-in-scope", "E (order scope: with a TMS order)",
             "The ED-sedation-like order signed together with a TMS order is in scope: 1.35 mg/kg is critical.",
             "order-sign", pid, candidate_record(pid, **nocourse),
             [ket(pid, "ket-e9", 108, text="ketamine 108 mg IV once", per_week=None, duration=None, count=1),
              tms_order(pid, "tms-e9")],
             inc=["ketamine-dose-check"], checks=[CRIT])
    pid = "chk-e10"
    scenario("chk-E-os-single-im-no-duration-out-of-scope", "E (order scope: single, not IV)",
             "A single IM 40 mg ketamine order, no duration, no reason, no history: out of scope, no cards (not "
             "even order-check-incomplete).",
             "order-sign", pid, candidate_record(pid, **nocourse),
             [ket(pid, "ket-e10", 40, text="ketamine 40 mg IM once", route=IM, per_week=None, duration=None, count=1)],
             no_cards=True)
    pid = "chk-e11"
    scenario("chk-E-os-one-session-200-days-ago-keeps-in-scope", "E (any single session in 365 days counts)",
             "One ketamine administration 200 days ago: the reasonless single 108 mg order stays in scope "
             "(critical above the ceiling).",
             "order-sign", pid, candidate_record(pid, **nocourse) + [ket_session(pid, 200)],
             [ket(pid, "ket-e11", 108, text="ketamine 108 mg IV once", per_week=None, duration=None, count=1)],
             inc=["ketamine-dose-check"], checks=[CRIT])
    pid = "chk-e12"
    scenario("chk-E-os-esketamine-84-first-dose-warning", "E (esketamine first dose)",
             "First esketamine dose of a course at 84 mg (> 56): esketamine-dose-check warning.",
             "order-sign", pid, candidate_record(pid), [esk(pid, "esk-e12", 84)],
             inc=["esketamine-dose-check"], exc=["ketamine-dose-check"],
             checks=[("indicator", ["esketamine-dose-check", "warning"])])
    pid = "chk-e13"
    scenario("chk-E-os-esketamine-56-first-dose-no-dose-card", "E (esketamine first dose)",
             "First dose 56 mg twice a week, age 47: on label, no esketamine-dose-check.",
             "order-sign", pid, candidate_record(pid), [esk(pid, "esk-e13", 56)],
             exc=["esketamine-dose-check", "ketamine-dose-check"])
    pid = "chk-e14"
    scenario("chk-E-os-esketamine-84-first-dose-age-70-warning", "E (esketamine from 65)",
             "Age 70, first dose 84 mg: warning.",
             "order-sign", pid, candidate_record(pid, birth=OLD), [esk(pid, "esk-e14", 84)],
             inc=["esketamine-dose-check"], checks=[("indicator", ["esketamine-dose-check", "warning"])])
    pid = "chk-e15"
    scenario("chk-E-os-esketamine-56-first-dose-age-70-warning", "E (esketamine from 65: start 28 mg)",
             "Age 70, first dose 56 mg (> 28 mg from age 65, EU SmPC start): warning.",
             "order-sign", pid, candidate_record(pid, birth=OLD), [esk(pid, "esk-e15", 56)],
             inc=["esketamine-dose-check"], checks=[("indicator", ["esketamine-dose-check", "warning"])])
    pid = "chk-e16"
    rec = candidate_record(pid) + [esk_session(pid, d, 84) for d in (18, 15, 11, 8, 4)]
    scenario("chk-E-os-esketamine-84-twice-weekly-week-3-no-dose-card", "E (esketamine schedule)",
             "A course begun 18 days ago (week 3), sessions twice a week, order 84 mg twice a week: on label.",
             "order-sign", pid, rec, [esk(pid, "esk-e16", 84)], exc=["esketamine-dose-check"])
    pid = "chk-e17"
    rec = candidate_record(pid) + [esk_session(pid, d) for d in (10, 5, 2)]
    scenario("chk-E-os-esketamine-third-session-in-7-days-week-2-warning", "E (esketamine frequency)",
             "Course begun 10 days ago (week 2); sessions 5 and 2 days ago; a single order today makes 3 sessions "
             "in 7 days (> 2): warning.",
             "order-sign", pid, rec,
             [draft(pid, "esk-e17", ESKETAMINE, 56, text="56 mg intranasally once", route=NASAL, per_week=None,
                    duration=None, count=1)],
             inc=["esketamine-dose-check"], checks=[("indicator", ["esketamine-dose-check", "warning"])])
    pid = "chk-e18"
    rec = candidate_record(pid) + [esk_session(pid, d) for d in (40, 37, 33, 30, 26, 23, 19, 16, 12, 9, 5)]
    scenario("chk-E-os-esketamine-week-6-twice-weekly-warning", "E (esketamine frequency from week 5)",
             "Course begun 40 days ago (week 6), order 56 mg twice a week: more than 1 a week from week 5, warning.",
             "order-sign", pid, rec, [esk(pid, "esk-e18", 56)],
             inc=["esketamine-dose-check"], checks=[("indicator", ["esketamine-dose-check", "warning"])])
    pid = "chk-e19"
    scenario("chk-E-os-esketamine-urgent-suicide-regimen-no-deviation", "E (labelled regimen for acute SI), C",
             "Item 9 = 3 two days ago (urgent trigger) and a first esketamine order 84 mg twice a week: the labelled "
             "regimen for MDD with acute suicidal ideation, not a deviation.",
             "order-sign", pid, candidate_record(pid) + [item9(pid, 3, 2)], [esk(pid, "esk-e19", 84)],
             inc=["suicide-risk-urgent"], exc=["esketamine-dose-check"])
    pid = "chk-e20"
    scenario("chk-E-os-esketamine-session-monitoring-rems", "E (session-monitoring for esketamine)",
             "First esketamine order: session-monitoring with the REMS observation and no driving until the next day.",
             "order-sign", pid, candidate_record(pid), [esk(pid, "esk-e20", 56)],
             inc=["session-monitoring"], checks=[("detail-mentions", ["session-monitoring", ["REMS", "driving"]])])
    pid = "chk-e21"
    scenario("chk-E-os-blood-pressure-unknown-on-ketamine-order", "E (blood pressure unknown on order hooks)",
             "The latest blood pressure is 40 days old: blood-pressure-unknown on the ketamine order.",
             "order-sign", pid, candidate_record(pid, bp_ok=False) + [bp(pid, 124, 78, 40)], [ket(pid, "ket-e21")],
             inc=["blood-pressure-unknown"], checks=[("indicator", ["blood-pressure-unknown", "warning"])])
    pid = "chk-e22"
    scenario("chk-E-os-blood-pressure-unknown-not-when-blocked", "E (not when blocked)",
             "No blood pressure in 30 days but an active alcohol dependence blocks the order: no "
             "blood-pressure-unknown beside the contraindication.",
             "order-sign", pid,
             candidate_record(pid, bp_ok=False) + [icd(pid, "F10.20", "Alcohol dependence, uncomplicated", 300)],
             [ket(pid, "ket-e22")],
             inc=["contraindication-active-substance-use"], exc=["blood-pressure-unknown"])
    pid = "chk-e23"
    scenario("chk-E-pv-diastolic-only-blood-pressure-elevated", "E (warning >= 140 or >= 90)",
             "Latest 3 readings 132/92, 130/94, 128/91: mean diastolic >= 90 alone is the warning.",
             "patient-view", pid,
             candidate_record(pid, bp_ok=False) + [bp(pid, 132, 92, 5), bp(pid, 130, 94, 10), bp(pid, 128, 91, 15)],
             inc=["blood-pressure-elevated"], exc=["contraindication-uncontrolled-hypertension"])
    pid = "chk-e24"
    scenario("chk-E-os-pregnancy-status-line-woman-of-30", "E (pregnancy status before a course)",
             "A woman of 30 with no pregnancy test in 30 days, first ketamine order: session-monitoring adds "
             "'confirm pregnancy status before the first session'.",
             "order-sign", pid, candidate_record(pid, birth="1996-03-01"), [ket(pid, "ket-e24")],
             inc=["session-monitoring"],
             checks=[("detail-mentions", ["session-monitoring", ["pregnancy status"]])])
    pid = "chk-e25"
    scenario("chk-E-os-pregnancy-status-line-not-for-a-man", "E (pregnancy status: female 12-55 only)",
             "A man: no pregnancy status line on session-monitoring.",
             "order-sign", pid, candidate_record(pid, gender="male"), [ket(pid, "ket-e25")],
             inc=["session-monitoring"],
             checks=[("detail-not-mentions", ["session-monitoring", ["pregnancy status"]])])


def section_f():
    pid = "chk-f1"
    scenario("chk-F-os-dose-suggestion-text-drops-100-mg", "F (suggestion defects)",
             "100 mg at 72 kg: critical; the suggestion sets 36 mg and its order text no longer says '100 mg'.",
             "order-sign", pid, candidate_record(pid, weight_kg=72), [ket(pid, "ket-f1", 100)],
             inc=["ketamine-dose-check"],
             checks=[CRIT, ("dose-suggestion", 36), ("suggestion-text-not-mentions", "100 mg")])
    pid = "chk-f2"
    rec = [patient(pid), icd(pid, "F33.2", "Major depressive disorder, recurrent severe without psychotic features",
                             700),
           med_statement(pid, "36437", "sertraline", 400, 300, mg=150)]
    escitalopram = med_request(pid, codeable("321988", "escitalopram"), 0, mg=20, status="completed")
    escitalopram["authoredOn"] = "2026-05-05T10:00:00Z"
    escitalopram["dispenseRequest"] = {"validityPeriod": {"start": "2026-05-05T10:00:00Z", "end": "2026-06-16"}}
    rec += [escitalopram, phq9(pid, 21, 410), phq9(pid, 20, 305)]
    rec += [phq9_at(pid, 20, "2026-04-25T10:00:00Z"), phq9_at(pid, 19, "2026-06-12T10:00:00Z"),
            med_statement(pid, "6130", "ketamine", 150, 120, route=IV, text="0.5 mg/kg IV over 40 minutes, twice weekly"),
            phq9(pid, 18, 118), phq9(pid, 22, 10), bp(pid, 124, 78, 5), weight(pid, 80)]
    scenario("chk-F-pv-date-only-validity-end-42-days-adequate", "F (date-only end is the whole day)",
             "escitalopram 20 mg from 5 May 10:00 to validityPeriod.end '2026-06-16' lasted 42 days: adequate, "
             "failed (PHQ-9 20 -> 19 after 38 days); with sertraline that makes TRD and, with the failed ketamine "
             "course, a candidate.",
             "patient-view", pid, rec, inc=["combination-candidate"])
    pid = "chk-f3"
    scenario("chk-F-pv-candidate-options-off-label-consent", "F (candidate card)",
             "The candidate card names established options not shown as tried (ECT, lithium augmentation, ...) and "
             "'The combination is off-label: obtain informed consent.'",
             "patient-view", pid, candidate_record(pid), inc=["combination-candidate"],
             checks=[("detail-mentions", ["combination-candidate", ["ECT", "lithium", "off-label", "informed consent"]])])
    pid = "chk-f4"
    scenario("chk-F-pv-candidate-maintenance-no-trial-supports", "F (maintenance)",
             "The maintenance text: 'no trial supports that frequency: individualise'.",
             "patient-view", pid, candidate_record(pid), inc=["combination-candidate"],
             checks=[("detail-mentions", ["combination-candidate", ["no trial supports", "individualise"]])])
    pid = "chk-f5"
    scenario("chk-F-pv-candidate-checks-no-pregnancy-test-recorded", "F (checks as they ran), D",
             "No pregnancy test: the checks list says no test was recorded, not 'no positive test'.",
             "patient-view", pid, candidate_record(pid), inc=["combination-candidate"],
             checks=[("detail-mentions", ["combination-candidate", ["test recorded"]]),
                     ("detail-not-mentions", ["combination-candidate", ["no positive test"]])])
    pid = "chk-f6"
    scenario("chk-F-pv-candidate-checks-negative-test-no-positive-test", "F (checks as they ran), D",
             "A negative urine test 10 days ago: the checks list says 'no positive test', never 'no test recorded'.",
             "patient-view", pid,
             candidate_record(pid) + [hcg(pid, "2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", 10,
                                          coded=("260385009", "Negative (qualifier value)"))],
             inc=["combination-candidate"],
             checks=[("detail-mentions", ["combination-candidate", ["no positive test"]]),
                     ("detail-not-mentions", ["combination-candidate", ["no test recorded",
                                                                        "no pregnancy test recorded"]])])
    pid = "chk-f7"
    scenario("chk-F-pv-f32a-only-two-failed-trials-confirm-diagnosis", "F (broad code only)",
             "Only F32.A coded, two failed adequate trials: trd-incomplete-data adds 'confirm the diagnosis'.",
             "patient-view", pid,
             candidate_record(pid, mdd=False) + [icd(pid, "F32.A", "Depression, unspecified", 700)],
             inc=["trd-incomplete-data"], exc=["combination-candidate"],
             checks=[("detail-mentions", ["trd-incomplete-data", ["confirm the diagnosis"]])])
    pid = "chk-f8"
    scenario("chk-F-pv-candidate-failed-rows-wording", "F (wording)",
             "Failed rows say 'no response' (< 50% reduction); never '1 weeks'.",
             "patient-view", pid, candidate_record(pid), inc=["combination-candidate"],
             checks=[("detail-mentions", ["combination-candidate", ["no response"]]),
                     ("detail-not-mentions", ["combination-candidate", ["1 weeks"]])])
    pid = "chk-f9"
    scenario("chk-F-osel-tms-only-session-monitoring", "F (session-monitoring Markdown), v2 s7",
             "A TMS-only order on order-select: session-monitoring with its TMS block.",
             "order-select", pid, candidate_record(pid), [tms_order(pid, "tms-f9")],
             inc=["session-monitoring"], checks=[("detail-mentions", ["session-monitoring", ["TMS"]])])


def phq9_at(pid, score, when):
    o = phq9(pid, score, 0)
    o["effectiveDateTime"] = when
    return o


def main():
    for section in (section_a, section_b, section_c, section_d, section_e, section_f):
        section()
    names = [s["name"] for s in SCENARIOS]
    assert len(names) == len(set(names)), "duplicate scenario names"
    os.makedirs(OUT, exist_ok=True)
    for s in SCENARIOS:
        with open(os.path.join(OUT, s["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(s, f, indent=1, ensure_ascii=False)
            f.write("\n")
    counts = {}
    for s in SCENARIOS:
        counts[s["name"].split("-")[1]] = counts.get(s["name"].split("-")[1], 0) + 1
    print(len(SCENARIOS), "scenarios", counts)


if __name__ == "__main__":
    main()
