#!/usr/bin/env python3
"""Generates fhir-profiles/vocabulary/: our ValueSets, the two CodeSystems, and unchanged copies of the VSAC
expansions they include (fhir-profiles/vocabulary/vsac/). Stdlib only. Run from anywhere:

    python3 tools/generate-vocabulary.py

Inputs: ../shared/terminology/vsac/*.json and ../shared/CLINICAL-REFERENCE.md (sections 0-5).
Explicit lists (epilepsy-intractable, bipolar-depressed-episode, exclusions) are written out code by code into
the ValueSet files, so a reviewer reads the codes, not a rule; the filters below only help derive them once.
"""
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clinical_reference as ref  # noqa: E402

VERSION = "2026.11.0"
DATE = "2026-11-27"
BASE = "https://fhir.trd-cds-hooks.org"
OUT = os.path.join(ref.PROJECT, "fhir-profiles", "vocabulary")
VSAC_OUT = os.path.join(OUT, "vsac")

ICD = "http://hl7.org/fhir/sid/icd-10-cm"
SCT = "http://snomed.info/sct"
LOINC = "http://loinc.org"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
CPT = "http://www.ama-assn.org/go/cpt"
SCALES = BASE + "/CodeSystem/assessment-scales"

MDD_ACTIVE = "2.16.840.1.113883.3.526.3.1491"
BIPOLAR = "2.16.840.1.113883.3.67.1.101.1.128"
PSYCHOTIC = "2.16.840.1.113883.3.464.1003.105.12.1104"
EPILEPSY = "2.16.840.1.113762.1.4.1248.171"
SEIZURE = "2.16.840.1.113883.3.464.1003.105.12.1206"
ESSENTIAL_HTN = "2.16.840.1.113883.3.464.1003.104.12.1011"
HTN_DIAGNOSIS = "2.16.840.1.113883.3.600.263"
SUD = "2.16.840.1.113883.3.464.1003.106.12.1001"
SUBSTANCE_ABUSE = "2.16.840.1.113762.1.4.1029.320"
OUD = "2.16.840.1.113762.1.4.1111.171"
AD_MEDICATION = "2.16.840.1.113883.3.464.1003.196.12.1213"
ADULT_DEPRESSION_MEDS = "2.16.840.1.113883.3.526.3.1566"
ANTIDEPRESSANTS = "2.16.840.1.113762.1.4.1248.163"
PHQ9_TOOLS = "2.16.840.1.113883.3.67.1.101.1.263"

used_vsac = set()


def vsac(oid):
    """The expansion of a VSAC value set: list of {system, code, display}."""
    used_vsac.add(oid)
    with open(os.path.join(ref.VSAC_DIR, "valueset-%s.json" % oid), encoding="utf-8") as f:
        doc = json.load(f)
    return doc, [{"system": c["system"], "code": c["code"], "display": c.get("display", "")}
                 for c in doc["expansion"]["contains"]]


def vsac_url(oid):
    used_vsac.add(oid)
    return "http://cts.nlm.nih.gov/fhir/ValueSet/" + oid


def vsac_title(oid):
    return "VSAC \"%s\" %s (version %s)" % (vsac(oid)[0]["title"], oid, vsac(oid)[0]["version"])


def concepts(system, pairs):
    return {"system": system, "concept": [{"code": c, "display": d} for c, d in pairs]}


def by_system(codes):
    """[{system, code, display}] -> include/exclude entries, one per system, codes in input order."""
    systems = []
    for c in codes:
        if c["system"] not in systems:
            systems.append(c["system"])
    return [concepts(s, [(c["code"], c["display"]) for c in codes if c["system"] == s]) for s in systems]


def pascal(identifier):
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-]", identifier))


def value_set(identifier, title, description, include, exclude=None):
    resource = {
        "resourceType": "ValueSet",
        "id": identifier,
        "url": "%s/ValueSet/%s" % (BASE, identifier),
        "version": VERSION,
        "name": pascal(identifier),
        "title": title,
        "status": "active",
        "experimental": False,
        "date": DATE,
        "publisher": "trd-cds-hooks clinical governance",
        "description": description,
        "compose": {"include": include},
    }
    if exclude:
        resource["compose"]["exclude"] = exclude
    return resource


def write(resource, name):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(resource, f, indent=2, ensure_ascii=False)
        f.write("\n")


def bullet_codes(codes):
    return ", ".join("%s %s" % (c["code"], c["display"]) for c in codes)


# ---------------------------------------------------------------------------------------------------------
def depressive_disorders():
    _, mdd = vsac(MDD_ACTIVE)
    bipolar_in_mdd = [c for c in mdd if c["code"] == "67002003"]
    full_remission = [
        {"system": ICD, "code": "F32.5", "display": "Major depressive disorder, single episode, in full remission"},
        {"system": ICD, "code": "F33.40", "display": "Major depressive disorder, recurrent, in remission, unspecified"},
        {"system": ICD, "code": "F33.42", "display": "Major depressive disorder, recurrent, in full remission"},
        {"system": SCT, "code": "19527009", "display": "Single episode of major depression in full remission (disorder)"},
        {"system": SCT, "code": "46244001", "display": "Recurrent major depression in full remission (disorder)"},
        {"system": SCT, "code": "63412003", "display": "Major depression in full remission (disorder)"},
        {"system": SCT, "code": "42810003", "display": "Major depression in remission (disorder)"},
        {"system": SCT, "code": "68019004", "display": "Recurrent major depression in remission (disorder)"},
        {"system": SCT, "code": "104851000119103", "display": "Postpartum major depression in remission (disorder)"},
    ]
    return value_set(
        "depressive-disorders", "Active major depressive disorder (single or recurrent), incl. treatment-resistant",
        "Eligibility for the TRD rule (PROTOCOL.md section 2): an active major depressive disorder, single episode or "
        "recurrent. Source: %s, plus ICD-10-CM F33.8 and SNOMED 1153570009 Treatment resistant depression "
        "(CLINICAL-REFERENCE.md 2a, VERIFIED A). Excluded: SNOMED 67002003 (a bipolar II code inside the VSAC set; "
        "bipolar depression is handled by bipolar-depressed-episode). Remission decision: partial-remission codes "
        "count (the patient is still symptomatic; they are in the VSAC 'Active' set), full-remission and "
        "'in remission, unspecified' codes do NOT count (no current depression to treat) and are listed as explicit "
        "exclusions so that adding a broader VSAC set cannot bring them in. F32.A 'Depression, unspecified' is not "
        "major depressive disorder and is not included (governance may add it). Bipolar codes are never in this set."
        % vsac_title(MDD_ACTIVE),
        [{"valueSet": [vsac_url(MDD_ACTIVE)]},
         concepts(ICD, [("F33.8", "Other recurrent depressive disorders")]),
         concepts(SCT, [("1153570009", "Treatment resistant depression (disorder)")])],
        by_system(bipolar_in_mdd + full_remission))


def bipolar_disorders():
    return value_set(
        "bipolar-disorders", "Bipolar disorder (any type or episode) and manic episodes",
        "Any bipolar disorder, for the manic-switch warning (PROTOCOL.md section 4, bipolar-manic-switch). Source: "
        "%s, which holds ICD-10-CM F30.x manic episodes, F31.0-F31.9 including F31.81 Bipolar II disorder, and the "
        "SNOMED bipolar concepts. Remission codes stay in: a bipolar history warrants manic-switch monitoring."
        % vsac_title(BIPOLAR),
        [{"valueSet": [vsac_url(BIPOLAR)]},
         concepts(ICD, [("F31.81", "Bipolar II disorder")])])


def bipolar_depressed_episode():
    _, bipolar = vsac(BIPOLAR)
    icd = [c for c in bipolar if c["system"] == ICD and c["code"] in ("F31.30", "F31.31", "F31.32", "F31.4", "F31.5")]
    sct = [c for c in bipolar if c["system"] == SCT and re.search(r"depress", c["display"], re.I)
           and not re.search(r"remission", c["display"], re.I)]
    return value_set(
        "bipolar-depressed-episode", "Bipolar disorder, current episode depressed",
        "Bipolar disorder with a current depressed episode, which counts as an active depressive disorder for the TRD "
        "rule (PROTOCOL.md section 2). An explicit list taken from %s: ICD-10-CM F31.30, F31.31, F31.32, F31.4, F31.5, "
        "and every SNOMED concept of that set naming a depressed / major depressive (most recent) episode that is not "
        "'in remission'. Remission codes (e.g. F31.75/F31.76, SNOMED 67002003) are not current episodes and are not "
        "included." % vsac_title(BIPOLAR),
        by_system(icd + sct))


def psychotic_disorders():
    return value_set(
        "psychotic-disorders", "Schizophrenia spectrum and other psychotic disorders (F20-F29)",
        "Psychotic disorders for the psychosis-caution warning (PROTOCOL.md section 4). Source: %s, plus ICD-10-CM "
        "F22 Delusional disorders and F24 Shared psychotic disorder (omitted by that set; CLINICAL-REFERENCE.md 2c, "
        "VERIFIED A). Mood disorders with psychotic features (F32.3, F33.3, F31.2, F31.5, F31.64, F30.2) are not in "
        "this set: they are covered by the depressive and bipolar sets; governance may add them."
        % vsac_title(PSYCHOTIC),
        [{"valueSet": [vsac_url(PSYCHOTIC)]},
         concepts(ICD, [("F22", "Delusional disorders"), ("F24", "Shared psychotic disorder")]),
         concepts(SCT, [("58214004", "Schizophrenia (disorder)"), ("68890003", "Schizoaffective disorder (disorder)")])])


def epilepsy():
    return value_set(
        "epilepsy", "Epilepsy and seizure disorders",
        "Any epilepsy or seizure disorder (TMS seizure risk). Sources: %s and %s (the latter adds G40.B juvenile "
        "myoclonic epilepsy and the SNOMED concepts). Whether the disorder is uncontrolled is decided by "
        "epilepsy-intractable." % (vsac_title(EPILEPSY), vsac_title(SEIZURE)),
        [{"valueSet": [vsac_url(EPILEPSY)]}, {"valueSet": [vsac_url(SEIZURE)]}])


def epilepsy_intractable():
    _, a = vsac(EPILEPSY)
    _, b = vsac(SEIZURE)
    icd = {}
    for c in a + b:
        if c["system"] != ICD:
            continue
        x1x = re.fullmatch(r"G40\.[0-79A-C]1\d", c["code"]) is not None
        g408 = c["code"] in ("G40.803", "G40.804", "G40.813", "G40.814", "G40.823", "G40.824", "G40.833", "G40.834")
        says = re.search(r"(?<!not )intractable", c["display"]) is not None
        if (x1x or g408) != says:
            raise SystemExit("intractability rule and display disagree for " + c["code"])
        if x1x or g408:
            icd[c["code"]] = c
    sct = {}
    for c in b:
        if c["system"] == SCT and (c["code"] == "314828009" or (
                re.search(r"intractab|refractor", c["display"], re.I)
                and not re.search(r"non-refractory|not refractory|not intractable", c["display"], re.I))):
            sct[c["code"]] = c
    if "314828009" not in sct:
        raise SystemExit("314828009 Epilepsy control poor not found in " + SEIZURE)
    codes = sorted(icd.values(), key=lambda c: c["code"]) + sorted(sct.values(), key=lambda c: c["code"])
    return value_set(
        "epilepsy-intractable", "Epilepsy coded as intractable (uncontrolled seizures)",
        "Absolute contraindication contraindication-uncontrolled-seizures (PROTOCOL.md section 4). An EXPLICIT list, "
        "not a pattern: every ICD-10-CM G40.x1x code (intractable, x = 0-7, 9, A, B, C) of %s and %s, plus G40.803, "
        "G40.804, G40.813, G40.814, G40.823, G40.824, G40.833, G40.834 (a G40.\\d1\\d pattern would wrongly take the "
        "non-intractable G40.811/G40.812). SNOMED: 314828009 Epilepsy control poor (finding) and the concepts of the "
        "Seizure Disorder set whose name says intractable or refractory (not non-refractory). Not intractable, so "
        "not here: G40.x0x, G40.801/802/811/812/821/822, G40.42, G40.89, R56.x."
        % (vsac_title(EPILEPSY), vsac_title(SEIZURE)),
        by_system(codes))


def hypertension():
    _, diagnosis = vsac(HTN_DIAGNOSIS)
    not_systemic = [c for c in diagnosis if
                    (c["system"] == ICD and c["code"].startswith("I27"))
                    or (c["system"] == SCT and re.search(r"pulmonary|ocular|portal|venous|intracranial",
                                                         c["display"], re.I))]
    return value_set(
        "hypertension", "Systemic arterial hypertension",
        "Hypertension diagnoses (ketamine pressor effect; informational, the BP rule reads the measurements). "
        "Sources: %s and %s, plus the hypertensive crisis codes I16.0, I16.1, I16.9 and SNOMED 443482000 "
        "(CLINICAL-REFERENCE.md 2e). Excluded because they are not systemic arterial hypertension: pulmonary (I27.x "
        "and SNOMED pulmonary), ocular, portal, venous and benign intracranial hypertension."
        % (vsac_title(ESSENTIAL_HTN), vsac_title(HTN_DIAGNOSIS)),
        [{"valueSet": [vsac_url(ESSENTIAL_HTN)]}, {"valueSet": [vsac_url(HTN_DIAGNOSIS)]}] + crisis_codes(),
        by_system(not_systemic))


def crisis_codes():
    return [concepts(ICD, [("I16.0", "Hypertensive urgency"), ("I16.1", "Hypertensive emergency"),
                           ("I16.9", "Hypertensive crisis, unspecified")]),
            concepts(SCT, [("443482000", "Hypertensive urgency (disorder)")])]


def hypertensive_crisis():
    return value_set(
        "hypertensive-crisis", "Hypertensive crisis (urgency or emergency)",
        "An active hypertensive crisis diagnosis is an absolute contraindication "
        "(contraindication-uncontrolled-hypertension, PROTOCOL.md section 4). ICD-10-CM I16.0, I16.1, I16.9 and "
        "SNOMED 443482000 Hypertensive urgency (CLINICAL-REFERENCE.md 2e, VERIFIED A). A SNOMED concept for "
        "hypertensive emergency/crisis is UNVERIFIED and not included.",
        crisis_codes())


def substance_use_disorders_active():
    excluded = {}
    for oid in (SUD, SUBSTANCE_ABUSE, OUD):
        for c in vsac(oid)[1]:
            if (c["system"] == ICD and (c["code"].startswith("F17") or c["code"].startswith("O99")
                                        or re.search(r"remission", c["display"], re.I))) or (
                    c["system"] == SCT and re.search(r"remission|nicotine|tobacco", c["display"], re.I)):
                excluded[(c["system"], c["code"])] = c
    codes = sorted(excluded.values(), key=lambda c: (c["system"], c["code"]))
    return value_set(
        "substance-use-disorders-active", "Active substance use disorder (not nicotine, not in remission)",
        "Absolute contraindication contraindication-active-substance-use (PROTOCOL.md section 4): ICD-10-CM F10-F16, "
        "F18, F19 other than the 'in remission' codes, and SNOMED equivalents including 724713006 Harmful use of "
        "ketamine and 724715004 Ketamine dependence. Sources: %s (no remission codes), %s and %s. Excluded: every "
        "'in remission' code (.11, .21, .91 of each class), all nicotine F17 codes, and O99.31x/O99.32x "
        "(alcohol/drug use complicating pregnancy: not coded as a use disorder). Ketamine use disorders are coded "
        "under F16 (hallucinogen) or F19. The rule also requires clinicalStatus active, recurrence or relapse."
        % (vsac_title(SUD), vsac_title(SUBSTANCE_ABUSE), vsac_title(OUD)),
        [{"valueSet": [vsac_url(SUD)]}, {"valueSet": [vsac_url(SUBSTANCE_ABUSE)]}, {"valueSet": [vsac_url(OUD)]},
         concepts(SCT, [("724713006", "Harmful use of ketamine (disorder)"),
                        ("724715004", "Ketamine dependence (disorder)")])],
        by_system(codes))


def suicidal_ideation():
    return value_set(
        "suicidal-ideation", "Suicidal ideation",
        "Active suicidal ideation for suicide-risk-urgent (PROTOCOL.md section 4). ICD-10-CM R45.851 (VERIFIED "
        "2nd-hand), SNOMED 6471006 Suicidal thoughts, 267073005 Suicidal (finding) and 304594002 Suicidal intent "
        "(VERIFIED A, CLINICAL-REFERENCE.md 2g). Suicide attempt (T14.91XA) and suicidal behavior (425104003) are "
        "not ideation and are not included.",
        [concepts(ICD, [("R45.851", "Suicidal ideations")]),
         concepts(SCT, [("6471006", "Suicidal thoughts (finding)"), ("267073005", "Suicidal (finding)"),
                        ("304594002", "Suicidal intent (finding)")])])


def antidepressants():
    ingredients = ref.antidepressant_ingredients()
    products = {}
    for oid in (AD_MEDICATION, ADULT_DEPRESSION_MEDS, ANTIDEPRESSANTS):
        for c in vsac(oid)[1]:
            products[c["code"]] = c
    reasons = [
        (r"^Smoking Cessation ", "smoking-cessation bupropion (CLINICAL-REFERENCE.md section 3)"),
        (r"^selegiline hydrochloride .* Oral ", "oral selegiline, a Parkinson's product (CLINICAL-REFERENCE.md 3)"),
        (r"^doxepin [36] MG Oral Tablet$", "doxepin 3/6 mg tablets, an insomnia product (CLINICAL-REFERENCE.md 3)"),
        (r"lamotrigine", "lamotrigine, a mood stabiliser in 'Adult Depression Medications', not an antidepressant"),
        (r"5-hydroxytryptophan", "5-hydroxytryptophan, a supplement in 'Adult Depression Medications'"),
    ]
    excluded, notes = [], {}
    for c in sorted(products.values(), key=lambda c: c["display"].lower()):
        for pattern, reason in reasons:
            if re.search(pattern, c["display"]):
                excluded.append(c)
                notes.setdefault(reason, []).append(c["code"])
                break
    note = "; ".join("%s: %s" % (reason, ", ".join(codes)) for reason, codes in notes.items())
    return value_set(
        "antidepressants", "Antidepressants (ingredients and products)",
        "Antidepressant medications for counting antidepressant trials (PROTOCOL.md section 1). Ingredients: the "
        "RxNorm ingredient codes of the antidepressant classes of CLINICAL-REFERENCE.md section 3 (SSRI, SNRI incl. "
        "milnacipran, TCA, tetracyclic, MAOI incl. selegiline, NDRI, NaSSA, SARI, SPARI, multimodal; NOT ketamine, "
        "esketamine, lithium or antipsychotics). Products (SCD): %s, %s and %s. Excluded products that are not "
        "antidepressant uses: %s. Low-dose uses of true antidepressants (trazodone for sleep, amitriptyline for "
        "pain) stay in and are excluded from adequacy by the minimum-dose table. Several ingredient codes are "
        "single-source in the reference (desvenlafaxine, levomilnacipran, MAOIs, selegiline, vilazodone): confirm."
        % (vsac_title(AD_MEDICATION), vsac_title(ADULT_DEPRESSION_MEDS), vsac_title(ANTIDEPRESSANTS), note),
        [concepts(RXNORM, [(i["rxcui"], i["name"]) for i in ingredients]),
         {"valueSet": [vsac_url(AD_MEDICATION)]}, {"valueSet": [vsac_url(ADULT_DEPRESSION_MEDS)]},
         {"valueSet": [vsac_url(ANTIDEPRESSANTS)]}],
        by_system(excluded))


def ketamine():
    return value_set(
        "ketamine", "Ketamine (racemic)",
        "Ketamine orders and courses (PROTOCOL.md services and section 3). RxNorm ingredient 6130 (VERIFIED, "
        "CLINICAL-REFERENCE.md section 3). No ketamine product (SCD/SBD) codes are verified yet: governance adds them "
        "here as further concepts of this same RxNorm include (e.g. the ketamine hydrochloride injection SCDs from "
        "RxNav /REST/rxcui/6130/related?tty=SCD+SBD) and, for dose checks, as Medication entries of "
        "knowledge/Bundle-rxnorm-products.json.",
        [concepts(RXNORM, [("6130", "ketamine")])])


def esketamine():
    return value_set(
        "esketamine", "Esketamine",
        "Esketamine courses count as prior ketamine-class monotherapy (PROTOCOL.md section 3). RxNorm ingredient "
        "2119365 (single source in CLINICAL-REFERENCE.md section 3: confirm). No product codes are verified: "
        "governance adds Spravato SCD/SBD codes here as further concepts of this RxNorm include.",
        [concepts(RXNORM, [("2119365", "esketamine")])])


def tms_procedures():
    return value_set(
        "tms-procedures", "Therapeutic repetitive TMS procedures",
        "A TMS course or order (PROTOCOL.md). CPT 90867, 90868, 90869 (VERIFIED, CLINICAL-REFERENCE.md section 5). "
        "No SNOMED TMS procedure concept is verified.",
        [concepts(CPT, [
            ("90867", "Therapeutic repetitive transcranial magnetic stimulation (TMS) treatment; initial, including "
                      "cortical mapping, motor threshold determination, delivery and management"),
            ("90868", "Therapeutic repetitive transcranial magnetic stimulation (TMS) treatment; subsequent delivery "
                      "and management, per session"),
            ("90869", "Therapeutic repetitive transcranial magnetic stimulation (TMS) treatment; subsequent motor "
                      "threshold re-determination with delivery and management")])])


def loinc_set(identifier, title, description, pairs, include_vsac=None):
    include = [concepts(LOINC, pairs)]
    if include_vsac:
        include.insert(0, {"valueSet": [vsac_url(include_vsac)]})
    return value_set(identifier, title, description, include)


def observations():
    return [
        loinc_set("phq9-total", "PHQ-9 total score",
                  "Baseline and follow-up severity (PROTOCOL.md sections 1, 3, 5). LOINC 44261-6 PHQ-9 total score and, "
                  "through %s, 89204-2 PHQ-9 Modified for Teens total score. Decision on PHQ-9M: included - it is "
                  "scored 0-27 with the same severity bands and remission threshold as the PHQ-9 and the VSAC set "
                  "used by the CMS depression measures groups them; its item 9 is not used." % vsac_title(PHQ9_TOOLS),
                  [("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]")], PHQ9_TOOLS),
        value_set("madrs-total", "MADRS total score",
                  "MADRS total (0-60) as baseline and follow-up severity. There is no verified LOINC code for the "
                  "MADRS total (CLINICAL-REFERENCE.md section 1), so the project code "
                  "%s#madrs-total is used. An EHR with a local MADRS code either sends our code as an extra coding "
                  "or asks governance to add its system and code to this value set." % SCALES,
                  [concepts(SCALES, [("madrs-total", "MADRS total score")])]),
        loinc_set("phq9-item9", "PHQ-9 item 9 (thoughts of self-harm)",
                  "PHQ-9 item 9 answer >= 1 flags suicide-risk-urgent (PROTOCOL.md section 4). LOINC 44260-8 "
                  "(VERIFIED B). Answers arrive as integers or LOINC answer codes (knowledge/Parameters-loinc-answer-"
                  "scores.json).",
                  [("44260-8", "Thoughts that you would be better off dead, or of hurting yourself in some way")]),
        loinc_set("bp-panel", "Blood pressure panel",
                  "Blood pressure panel whose components carry systolic and diastolic values (FHIR vital signs, US "
                  "Core). LOINC 85354-9 (VERIFIED C, B).",
                  [("85354-9", "Blood pressure panel with all children optional")]),
        loinc_set("systolic-bp", "Systolic blood pressure",
                  "Systolic BP, as a component of the panel or a stand-alone Observation. LOINC 8480-6 (VERIFIED C).",
                  [("8480-6", "Systolic blood pressure")]),
        loinc_set("diastolic-bp", "Diastolic blood pressure",
                  "Diastolic BP, as a component of the panel or a stand-alone Observation. LOINC 8462-4 (VERIFIED C).",
                  [("8462-4", "Diastolic blood pressure")]),
        loinc_set("body-weight", "Body weight",
                  "Body weight for the 0.5 mg/kg ketamine dose check (PROTOCOL.md section 5). LOINC 29463-7 Body weight "
                  "and 3141-9 Body weight Measured (VERIFIED A, B). Stated, usual and dialysis weights are not used.",
                  [("29463-7", "Body weight"), ("3141-9", "Body weight Measured")]),
    ]


def code_system(identifier, title, description, concept_list):
    return {
        "resourceType": "CodeSystem",
        "id": identifier,
        "url": "%s/CodeSystem/%s" % (BASE, identifier),
        "version": VERSION,
        "name": pascal(identifier),
        "title": title,
        "status": "active",
        "experimental": False,
        "date": DATE,
        "publisher": "trd-cds-hooks clinical governance",
        "description": description,
        "caseSensitive": True,
        "content": "complete",
        "count": len(concept_list),
        "concept": concept_list,
    }


CARD_TOPICS = [
    ("combination-candidate", "Candidate for combined IV ketamine + TMS",
     "TRD, failed monotherapy, baseline severity, controlled blood pressure and no absolute contraindication."),
    ("monotherapy-first", "Monotherapy first",
     "TRD established but no prior ketamine/esketamine/TMS course: the combination is reserved for non-responders."),
    ("trd-incomplete-data", "TRD cannot be judged",
     "The dose or period of an antidepressant trial is missing."),
    ("baseline-severity-missing", "Baseline severity missing", "No PHQ-9 or MADRS total within the window."),
    ("blood-pressure-unknown", "Blood pressure unknown", "No blood pressure within the window."),
    ("contraindication-uncontrolled-hypertension", "Contraindication: uncontrolled hypertension",
     "Active hypertensive crisis or mean recent blood pressure at or above the limits."),
    ("contraindication-active-substance-use", "Contraindication: active substance use disorder",
     "Active substance use disorder other than nicotine."),
    ("contraindication-uncontrolled-seizures", "Contraindication: uncontrolled seizures",
     "Active epilepsy coded as intractable or epilepsy control poor."),
    ("suicide-risk-urgent", "Suicide risk: evaluate now",
     "Active suicidal ideation or a recent PHQ-9 item 9 answer at or above the threshold."),
    ("bipolar-manic-switch", "Bipolar disorder: manic switch monitoring", "Bipolar disorder present."),
    ("psychosis-caution", "Psychotic disorder: caution", "Active psychotic disorder (psychotomimetic effects)."),
    ("treatment-response", "Treatment response", "Response and remission during an active ketamine or TMS course."),
    ("not-first-line", "Not first-line", "Draft ketamine or TMS order while TRD is not established."),
    ("ketamine-dose-check", "Ketamine dose check",
     "Ordered dose or infusion duration differs from the weight-based protocol."),
    ("weight-missing", "Body weight missing", "No body weight within the window: the dose cannot be checked."),
    ("session-monitoring", "Session monitoring", "Monitoring and schedule for every ketamine or TMS order."),
]


def code_systems():
    scales = code_system(
        "assessment-scales", "Assessment scales without a verified standard code",
        "Project codes for assessment scores that have no verified LOINC code (CLINICAL-REFERENCE.md section 1). "
        "An EHR that records the MADRS under its own local code has two ways in: send this system and code as an "
        "additional Observation.code.coding next to the local one, or ask clinical governance to add the local "
        "system and code to fhir-profiles/vocabulary/ValueSet-madrs-total.json.",
        [{"code": "madrs-total", "display": "MADRS total score",
          "definition": "Montgomery-Asberg Depression Rating Scale total score, 0-60 (Montgomery & Asberg 1979)."}])
    topics = code_system(
        "card-topics", "CDS card topics",
        "The topics of the cards of the ketamine-tms services (PROTOCOL.md sections 4-5). Every card carries its "
        "topic in source.topic so that EHRs, analytics and tests can tell cards apart.",
        [{"code": c, "display": d, "definition": text} for c, d, text in CARD_TOPICS])
    return [(scales, "CodeSystem-assessment-scales.json"), (topics, "CodeSystem-card-topics.json")]


def main():
    os.makedirs(VSAC_OUT, exist_ok=True)
    value_sets = [depressive_disorders(), bipolar_disorders(), bipolar_depressed_episode(), psychotic_disorders(),
                  epilepsy(), epilepsy_intractable(), hypertension(), hypertensive_crisis(),
                  substance_use_disorders_active(), suicidal_ideation(), antidepressants(), ketamine(), esketamine(),
                  tms_procedures()] + observations()
    for vs in value_sets:
        write(vs, "ValueSet-%s.json" % vs["id"])
    for cs, name in code_systems():
        write(cs, name)
    for name in os.listdir(VSAC_OUT):
        os.remove(os.path.join(VSAC_OUT, name))
    for oid in sorted(used_vsac):
        shutil.copyfile(os.path.join(ref.VSAC_DIR, "valueset-%s.json" % oid),
                        os.path.join(VSAC_OUT, "valueset-%s.json" % oid))
    print("wrote %d value sets, 2 code systems, %d VSAC copies" % (len(value_sets), len(used_vsac)))


if __name__ == "__main__":
    main()
