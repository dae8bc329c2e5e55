"""Safety value sets of PROTOCOL-v2 section 4: epilepsy, hypertension, pregnancy, vascular, TMS implants."""
import re

from vocab_common import CPT, ICD, LOINC, SCT, WHO, c, include_value_sets, many, vsac_codes, vsac_title, vsac_url, who

EPILEPSY = "2.16.840.1.113762.1.4.1248.171"
SEIZURE = "2.16.840.1.113883.3.464.1003.105.12.1206"
ESSENTIAL_HTN = "2.16.840.1.113883.3.464.1003.104.12.1011"
HTN_DIAGNOSIS = "2.16.840.1.113883.3.600.263"
PREGNANT_STATE = "2.16.840.1.113883.3.3157.4055"
PREGNANCY_DX = "2.16.840.1.113883.3.526.3.378"
MAJOR_DEPRESSION = "2.16.840.1.113883.3.464.1003.105.12.1007"
MDD_IN_PREGNANCY = "10811161000119107"
G40_8_INTRACTABLE = ("G40.803", "G40.804", "G40.813", "G40.814", "G40.823", "G40.824", "G40.833", "G40.834",
                     "G40.843", "G40.844")
KCNQ2 = [("G40.841", "KCNQ2-related epilepsy, not intractable, with status epilepticus"),
         ("G40.842", "KCNQ2-related epilepsy, not intractable, without status epilepticus"),
         ("G40.843", "KCNQ2-related epilepsy, intractable, with status epilepticus"),
         ("G40.844", "KCNQ2-related epilepsy, intractable, without status epilepticus")]


def epilepsy(value_set):
    return value_set(
        "epilepsy", "Epilepsy and seizure disorders",
        "Any epilepsy or seizure disorder: seizure-disorder-caution before TMS (PROTOCOL-v2 section 4). Sources: %s and "
        "%s, plus G40.841-G40.844 (KCNQ2-related epilepsy, FY2023; in a public ICD-10-CM epilepsy code list) and WHO "
        "ICD-10 G40.x and G41.x (status epilepticus). Uncontrolled epilepsy is epilepsy-intractable."
        % (vsac_title(EPILEPSY), vsac_title(SEIZURE)),
        include_value_sets(vsac_url(EPILEPSY), vsac_url(SEIZURE)) + many(ICD, KCNQ2)
        + who([("G40.0", "Localization-related (focal)(partial) idiopathic epilepsy and epileptic syndromes with seizures of localized onset"),
               ("G40.1", "Localization-related (focal)(partial) symptomatic epilepsy and epileptic syndromes with simple partial seizures"),
               ("G40.2", "Localization-related (focal)(partial) symptomatic epilepsy and epileptic syndromes with complex partial seizures"),
               ("G40.3", "Generalized idiopathic epilepsy and epileptic syndromes"),
               ("G40.4", "Other generalized epilepsy and epileptic syndromes"),
               ("G40.5", "Special epileptic syndromes"), ("G40.6", "Grand mal seizures, unspecified (with or without petit mal)"),
               ("G40.7", "Petit mal, unspecified, without grand mal seizures"), ("G40.8", "Other epilepsy"),
               ("G40.9", "Epilepsy, unspecified"), ("G41.0", "Grand mal status epilepticus"),
               ("G41.1", "Petit mal status epilepticus"), ("G41.2", "Complex partial status epilepticus"),
               ("G41.8", "Other status epilepticus"), ("G41.9", "Status epilepticus, unspecified")]))


def epilepsy_intractable(value_set):
    icd = {}
    for k in vsac_codes(EPILEPSY, ICD) + vsac_codes(SEIZURE, ICD) + many(ICD, KCNQ2):
        x1x = re.fullmatch(r"G40\.[0-79A-C]1\d", k["code"]) is not None
        g408 = k["code"] in G40_8_INTRACTABLE
        says = re.search(r"(?<!not )intractable", k["display"]) is not None
        if (x1x or g408) != says:
            raise SystemExit("intractability rule and display disagree for " + k["code"])
        if x1x or g408:
            icd[k["code"]] = k
    sct = {k["code"]: k for k in vsac_codes(SEIZURE, SCT) if k["code"] == "314828009" or (
        re.search(r"intractab|refractor", k["display"], re.I)
        and not re.search(r"non-refractory|not refractory|not intractable", k["display"], re.I))}
    if "314828009" not in sct:
        raise SystemExit("314828009 Epilepsy control poor not found in " + SEIZURE)
    return value_set(
        "epilepsy-intractable", "Epilepsy coded as intractable (uncontrolled seizures)",
        "contraindication-uncontrolled-seizures, blocks TMS (PROTOCOL-v2 section 4). An EXPLICIT list, not a pattern: "
        "every ICD-10-CM G40.x1x code (x = 0-7, 9, A, B, C; intractable) of %s and %s, plus G40.803, G40.804, "
        "G40.813, G40.814, G40.823, G40.824, G40.833, G40.834, G40.843, G40.844 (a G40.\\d1\\d pattern would wrongly "
        "take G40.811/G40.812). SNOMED 314828009 Epilepsy control poor and the Seizure Disorder concepts named "
        "intractable or refractory (not non-refractory). WHO ICD-10 does not code intractability."
        % (vsac_title(EPILEPSY), vsac_title(SEIZURE)),
        sorted(icd.values(), key=lambda k: k["code"]) + sorted(sct.values(), key=lambda k: k["code"]))


def crisis_codes():
    return [c(ICD, "I16.0", "Hypertensive urgency"), c(ICD, "I16.1", "Hypertensive emergency"),
            c(ICD, "I16.9", "Hypertensive crisis, unspecified"), c(SCT, "443482000", "Hypertensive urgency (disorder)")]


def hypertension(value_set):
    diagnosis = vsac_codes(HTN_DIAGNOSIS)
    not_systemic = [k for k in diagnosis if (k["system"] == ICD and k["code"].startswith("I27"))
                    or (k["system"] == SCT and re.search(r"pulmonary|ocular|portal|venous|intracranial",
                                                        k["display"], re.I))]
    return value_set(
        "hypertension", "Systemic arterial hypertension",
        "Hypertension diagnoses (informational; the blood-pressure rule reads the measurements). Sources: %s and %s, "
        "the crisis codes I16.0, I16.1, I16.9 and SNOMED 443482000 (CLINICAL-REFERENCE.md 2e), WHO ICD-10 I10-I15. "
        "Excluded (not systemic arterial hypertension): pulmonary (I27.x), ocular, portal, venous and benign "
        "intracranial hypertension." % (vsac_title(ESSENTIAL_HTN), vsac_title(HTN_DIAGNOSIS)),
        include_value_sets(vsac_url(ESSENTIAL_HTN), vsac_url(HTN_DIAGNOSIS)) + crisis_codes()
        + who([("I10", "Essential (primary) hypertension"), ("I11.0", "Hypertensive heart disease with (congestive) heart failure"),
               ("I11.9", "Hypertensive heart disease without (congestive) heart failure"),
               ("I12.0", "Hypertensive renal disease with renal failure"), ("I12.9", "Hypertensive renal disease without renal failure"),
               ("I13.0", "Hypertensive heart and renal disease with (congestive) heart failure"),
               ("I13.1", "Hypertensive heart and renal disease with renal failure"),
               ("I13.2", "Hypertensive heart and renal disease with both (congestive) heart failure and renal failure"),
               ("I13.9", "Hypertensive heart and renal disease, unspecified"), ("I15.0", "Renovascular hypertension"),
               ("I15.1", "Hypertension secondary to other renal disorders"), ("I15.2", "Hypertension secondary to endocrine disorders"),
               ("I15.8", "Other secondary hypertension"), ("I15.9", "Secondary hypertension, unspecified")]),
        not_systemic)


def hypertensive_crisis(value_set):
    return value_set(
        "hypertensive-crisis", "Hypertensive crisis (urgency or emergency)",
        "An active I16.x condition dated in the last 30 days is contraindication-uncontrolled-hypertension (PROTOCOL-v2 "
        "section 4). ICD-10-CM I16.0, I16.1, I16.9 and SNOMED 443482000 Hypertensive urgency (CLINICAL-REFERENCE.md 2e, "
        "VERIFIED A). No SNOMED concept for hypertensive emergency/crisis is verified; WHO ICD-10 has no crisis code.",
        crisis_codes())


TRIMESTERS = ["unspecified trimester", "first trimester", "second trimester", "third trimester"]
# O09 supervision of high-risk pregnancy (as listed, with titles, in a public prenatal-pathway code table):
# (prefix, title, 'U' = .x0-.x3 with 0 = unspecified, 'T' = .x1-.x3 and .x9 = unspecified)
O09 = [("O09.0", "Supervision of pregnancy with history of infertility", "U"),
       ("O09.1", "Supervision of pregnancy with history of ectopic pregnancy", "U"),
       ("O09.A", "Supervision of pregnancy with history of molar pregnancy", "U"),
       ("O09.21", "Supervision of pregnancy with history of pre-term labor", "T"),
       ("O09.29", "Supervision of pregnancy with other poor reproductive or obstetric history", "T"),
       ("O09.3", "Supervision of pregnancy with insufficient antenatal care", "U"),
       ("O09.4", "Supervision of pregnancy with grand multiparity", "U"),
       ("O09.51", "Supervision of elderly primigravida", "T"), ("O09.52", "Supervision of elderly multigravida", "T"),
       ("O09.61", "Supervision of young primigravida", "T"), ("O09.62", "Supervision of young multigravida", "T"),
       ("O09.7", "Supervision of high risk pregnancy due to social problems", "U"),
       ("O09.81", "Supervision of pregnancy resulting from assisted reproductive technology", "T"),
       ("O09.82", "Supervision of pregnancy with history of in utero procedure during previous pregnancy", "T"),
       ("O09.89", "Supervision of other high risk pregnancies", "T"),
       ("O09.9", "Supervision of high risk pregnancy, unspecified", "U")]


def o09_codes():
    codes = []
    for prefix, title, kind in O09:
        digits = ["0", "1", "2", "3"] if kind == "U" else ["9", "1", "2", "3"]
        codes += [(prefix + d, "%s, %s" % (title, TRIMESTERS[i])) for i, d in enumerate(digits)]
    return sorted(codes)


def pregnancy(value_set):
    z34 = [("Z34.0%d" % t, "Encounter for supervision of normal first pregnancy, %s" % tri) for t, tri in enumerate(
        ["unspecified trimester", "first trimester", "second trimester", "third trimester"])]
    z34 += [("Z34.8%d" % t, "Encounter for supervision of other normal pregnancy, %s" % tri) for t, tri in enumerate(
        ["unspecified trimester", "first trimester", "second trimester", "third trimester"])]
    z34 += [("Z34.9%d" % t, "Encounter for supervision of normal pregnancy, unspecified, %s" % tri) for t, tri in
            enumerate(["unspecified trimester", "first trimester", "second trimester", "third trimester"])]
    z3a = [("Z3A.00", "Weeks of gestation of pregnancy not specified"),
           ("Z3A.01", "Less than 8 weeks gestation of pregnancy")]
    z3a += [("Z3A.%02d" % w, "%d weeks gestation of pregnancy" % w) for w in range(8, 43)]
    z3a.append(("Z3A.49", "Greater than 42 weeks gestation of pregnancy"))
    mdd_in_pregnancy = [k for k in vsac_codes(MAJOR_DEPRESSION, SCT) if k["code"] == MDD_IN_PREGNANCY]
    if not mdd_in_pregnancy:
        raise SystemExit("SNOMED %s not found in %s" % (MDD_IN_PREGNANCY, MAJOR_DEPRESSION))
    return value_set(
        "pregnancy", "Ongoing pregnancy (conditions)",
        "contraindication-pregnancy, blocks ketamine (PROTOCOL-v3 sections B and D): an active condition of the "
        "pregnancy. The whole of %s (ICD-10-CM O codes of an ongoing pregnancy incl. O99.34x and O9A, Z32.01, Z33.1, "
        "Z33.3, Z34.x, Z3A.x; SNOMED pregnancy findings) and of %s; the version-2 codes beside it: Z34.00-Z34.93, "
        "Z3A.00-Z3A.49 weeks of gestation, O09.x supervision of high-risk pregnancy (public code lists; "
        "CLINICAL-REFERENCE.md 2h), SNOMED 77386006 Pregnancy and 72892002 Normal pregnancy (VERIFIED A), WHO ICD-10 "
        "Z33, Z34.x; and SNOMED 10811161000119107 Major depressive disorder in mother complicating pregnancy (in %s). "
        "Not in it: the end of a pregnancy (O00-O08, O80-O84, Z37, Z39: pregnancy-end) and postpartum depression "
        "(F53.0)." % (vsac_title(PREGNANCY_DX), vsac_title(PREGNANT_STATE), vsac_title(MAJOR_DEPRESSION)),
        include_value_sets(vsac_url(PREGNANCY_DX), vsac_url(PREGNANT_STATE))
        + many(ICD, z34) + many(ICD, z3a) + many(ICD, o09_codes())
        + [c(SCT, "77386006", "Pregnancy (finding)"), c(SCT, "72892002", "Normal pregnancy (finding)")]
        + mdd_in_pregnancy
        + who([("Z33", "Pregnant state, incidental"), ("Z34.0", "Supervision of normal first pregnancy"),
               ("Z34.8", "Supervision of other normal pregnancy"), ("Z34.9", "Supervision of normal pregnancy, unspecified")]))


def pregnancy_status(value_set):
    return value_set(
        "pregnancy-status", "Pregnancy status (Observation code)",
        "The Observation whose answer says whether the patient is pregnant (PROTOCOL-v2 section 4). LOINC 82810-3 "
        "Pregnancy status: VERIFIED only 2nd-hand in CLINICAL-REFERENCE.md section 1 (WHO IPS example, CDC configs), "
        "so marked unverified until governance confirms it on loinc.org.",
        [c(LOINC, "82810-3", "Pregnancy status", unverified=True)])


def pregnant_answer(value_set):
    return value_set(
        "pregnant-answer", "Answers meaning pregnant",
        "Observation.valueCodeableConcept codes that mean pregnant (PROTOCOL-v2 section 4): SNOMED 77386006 Pregnancy "
        "(VERIFIED A). 60001007 Not pregnant is, of course, not in it.",
        [c(SCT, "77386006", "Pregnancy (finding)")])


def tms_procedures(value_set):
    return value_set(
        "tms-procedures", "Therapeutic repetitive TMS procedures",
        "A TMS course or order. CPT 90867, 90868, 90869 (VERIFIED, CLINICAL-REFERENCE.md section 5). No SNOMED TMS "
        "procedure concept is verified.",
        many(CPT, [
            ("90867", "Therapeutic repetitive transcranial magnetic stimulation (TMS) treatment; initial, including "
                      "cortical mapping, motor threshold determination, delivery and management"),
            ("90868", "Therapeutic repetitive transcranial magnetic stimulation (TMS) treatment; subsequent delivery "
                      "and management, per session"),
            ("90869", "Therapeutic repetitive transcranial magnetic stimulation (TMS) treatment; subsequent motor "
                      "threshold re-determination with delivery and management")]))
