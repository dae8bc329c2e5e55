"""The v3 checker scenarios of PROTOCOL-v3 section D (contraindications and cautions)."""
from scenarios_v3_common import *  # noqa: F401,F403


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
