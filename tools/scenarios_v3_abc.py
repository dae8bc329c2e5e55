"""The v3 checker scenarios of PROTOCOL-v3 section A (medications), B (conditions) and C (suicide risk)."""
from scenarios_v3_common import *  # noqa: F401,F403


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
