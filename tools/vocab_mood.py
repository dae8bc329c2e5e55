"""Mood and psychotic disorders (PROTOCOL-v2 "Two depression sets", sections 2, 4 and 9): depressive-disorders
(narrow), depressive-spectrum (broad), full-remission, bipolar-disorders, bipolar-depressed-episode,
psychotic-disorders."""
import re

from vocab_common import ICD, SCT, WHO, c, include_value_sets, local, many, vsac_codes, vsac_title, vsac_url, who
from vocab_substance import icd_full_remission, who_full_remission

MDD_ACTIVE = "2.16.840.1.113883.3.526.3.1491"
MDD_REMISSION = "2.16.840.113883.3.67.1.101.3.2444"
MDD = "2.16.840.1.113883.3.464.1003.105.12.1007"
BIPOLAR = "2.16.840.1.113883.3.67.1.101.1.128"
PSYCHOTIC = "2.16.840.1.113883.3.464.1003.105.12.1104"
MDD_SETS = (MDD_ACTIVE, MDD_REMISSION, MDD)
DEPRESSIVE_DISORDER = "35489007"

WHO_MDD = [
    ("F32.0", "Mild depressive episode"), ("F32.00", "Mild depressive episode, without somatic syndrome"),
    ("F32.01", "Mild depressive episode, with somatic syndrome"), ("F32.1", "Moderate depressive episode"),
    ("F32.10", "Moderate depressive episode, without somatic syndrome"),
    ("F32.11", "Moderate depressive episode, with somatic syndrome"),
    ("F32.2", "Severe depressive episode without psychotic symptoms"),
    ("F32.3", "Severe depressive episode with psychotic symptoms"), ("F32.9", "Depressive episode, unspecified"),
    ("F33.0", "Recurrent depressive disorder, current episode mild"),
    ("F33.00", "Recurrent depressive disorder, current episode mild, without somatic syndrome"),
    ("F33.01", "Recurrent depressive disorder, current episode mild, with somatic syndrome"),
    ("F33.1", "Recurrent depressive disorder, current episode moderate"),
    ("F33.10", "Recurrent depressive disorder, current episode moderate, without somatic syndrome"),
    ("F33.11", "Recurrent depressive disorder, current episode moderate, with somatic syndrome"),
    ("F33.2", "Recurrent depressive disorder, current episode severe without psychotic symptoms"),
    ("F33.3", "Recurrent depressive disorder, current episode severe with psychotic symptoms"),
    ("F33.4", "Recurrent depressive disorder, currently in remission"),
    ("F33.8", "Other recurrent depressive disorders"), ("F33.9", "Recurrent depressive disorder, unspecified"),
]
WHO_BIPOLAR = [
    ("F30.0", "Hypomania"), ("F30.1", "Mania without psychotic symptoms"), ("F30.2", "Mania with psychotic symptoms"),
    ("F30.8", "Other manic episodes"), ("F30.9", "Manic episode, unspecified"),
    ("F31.0", "Bipolar affective disorder, current episode hypomanic"),
    ("F31.1", "Bipolar affective disorder, current episode manic without psychotic symptoms"),
    ("F31.2", "Bipolar affective disorder, current episode manic with psychotic symptoms"),
    ("F31.3", "Bipolar affective disorder, current episode mild or moderate depression"),
    ("F31.30", "Bipolar affective disorder, current episode mild or moderate depression, without somatic syndrome"),
    ("F31.31", "Bipolar affective disorder, current episode mild or moderate depression, with somatic syndrome"),
    ("F31.4", "Bipolar affective disorder, current episode severe depression without psychotic symptoms"),
    ("F31.5", "Bipolar affective disorder, current episode severe depression with psychotic symptoms"),
    ("F31.6", "Bipolar affective disorder, current episode mixed"),
    ("F31.7", "Bipolar affective disorder, currently in remission"), ("F31.8", "Other bipolar affective disorders"),
    ("F31.9", "Bipolar affective disorder, unspecified"),
]
WHO_PSYCHOTIC = [
    ("F20.0", "Paranoid schizophrenia"), ("F20.1", "Hebephrenic schizophrenia"), ("F20.2", "Catatonic schizophrenia"),
    ("F20.3", "Undifferentiated schizophrenia"), ("F20.4", "Post-schizophrenic depression"),
    ("F20.5", "Residual schizophrenia"), ("F20.6", "Simple schizophrenia"), ("F20.8", "Other schizophrenia"),
    ("F20.9", "Schizophrenia, unspecified"), ("F21", "Schizotypal disorder"), ("F22.0", "Delusional disorder"),
    ("F22.8", "Other persistent delusional disorders"), ("F22.9", "Persistent delusional disorder, unspecified"),
    ("F23.0", "Acute polymorphic psychotic disorder without symptoms of schizophrenia"),
    ("F23.1", "Acute polymorphic psychotic disorder with symptoms of schizophrenia"),
    ("F23.2", "Acute schizophrenia-like psychotic disorder"),
    ("F23.3", "Other acute predominantly delusional psychotic disorders"),
    ("F23.8", "Other acute and transient psychotic disorders"),
    ("F23.9", "Acute and transient psychotic disorder, unspecified"), ("F24", "Induced delusional disorder"),
    ("F25.0", "Schizoaffective disorder, manic type"), ("F25.1", "Schizoaffective disorder, depressive type"),
    ("F25.2", "Schizoaffective disorder, mixed type"), ("F25.8", "Other schizoaffective disorders"),
    ("F25.9", "Schizoaffective disorder, unspecified"), ("F28", "Other nonorganic psychotic disorders"),
    ("F29", "Unspecified nonorganic psychosis"),
]
REMISSION = re.compile(r"remission", re.I)
FULL_REMISSION = re.compile(r"full remission|(?<!partial )\bin remission", re.I)
PSYCHOTIC_FEATURES = re.compile(r"with psychotic|with psychosis|psychotic features|^Psychosis and", re.I)


def _union(oids, system, pattern=None):
    found = {}
    for oid in oids:
        for concept in vsac_codes(oid, system, pattern):
            found.setdefault(concept["code"], concept)
    return list(found.values())


def mdd_snomed():
    return sorted([k for k in _union(MDD_SETS, SCT) if not re.search(r"bipolar", k["display"], re.I)]
                  + [c(SCT, "1153570009", "Treatment resistant depression (disorder)")], key=lambda k: k["code"])


def bipolar_snomed():
    return vsac_codes(BIPOLAR, SCT)


def depressive_disorders(value_set):
    icd = [k for k in _union(MDD_SETS, ICD) if k["code"] != "F32.89"]
    icd.append(c(ICD, "F33.8", "Other recurrent depressive disorders"))
    icd.append(c(ICD, "F53.0", "Postpartum depression"))
    return value_set(
        "depressive-disorders", "Major depressive disorder (narrow set), incl. treatment-resistant depression",
        "The NARROW set (PROTOCOL-v2 'Two depression sets'): major depressive disorder, single episode or recurrent, "
        "which decides TRD eligibility and every protocol card. ICD-10-CM F32.0-F32.5, F32.9, F33.0-F33.9 (incl. "
        "remission codes: whether a condition is active is decided by full-remission and clinicalStatus); SNOMED: "
        "the concepts of %s, %s and %s that are not bipolar (67002003 is a bipolar II code inside the first), plus "
        "1153570009 Treatment resistant depression; WHO ICD-10 F32.0-F32.3, F32.9 and F33.x with their optional "
        "somatic-syndrome 5th characters (F33.4 = in remission, WHO meaning). Version 3 (section B): the whole of the "
        "last set (Major Depression, incl. 10811161000119107 MDD complicating pregnancy) and ICD-10-CM F53.0 "
        "Postpartum depression (a major depressive episode with peripartum onset; CLINICAL-REFERENCE.md 2a lists it "
        "in VSAC Depression). NOT in it: F32.89, F32.A, F34.1 (depressive-spectrum only) and bipolar depression "
        "(bipolar-depressed-episode)."
        % tuple(vsac_title(o) for o in MDD_SETS),
        sorted(icd, key=lambda k: k["code"]) + mdd_snomed() + who(WHO_MDD))


def depressive_spectrum(value_set):
    icd = [c(ICD, "F32.89", "Other specified depressive episodes"), c(ICD, "F32.A", "Depression, unspecified"),
           c(ICD, "F34.1", "Dysthymic disorder"), c(ICD, "F53.0", "Postpartum depression"),
           c(ICD, "R45.851", "Suicidal ideations")] + vsac_codes(BIPOLAR, ICD, r"F31\..*")
    return value_set(
        "depressive-spectrum", "Depressive spectrum (broad set, for safety)",
        "The BROAD set (PROTOCOL-v2 'Two depression sets'): who is in scope for the suicide-risk cards and which "
        "order reasons count as depression. depressive-disorders + suicide-attempt + ICD-10-CM F32.89, F32.A, F34.1, "
        "F53.0, R45.851 and every F31 code of %s; SNOMED 1153575004 Persistent depressive disorder, 6471006 Suicidal "
        "thoughts and the bipolar concepts of that set; WHO ICD-10 F32.8, F34.1, F53.0 and F31.x. Version 3 (section B): "
        "SNOMED 35489007 Depressive disorder (the generic code many EHRs send; seen only in public FHIR examples, so "
        "unverified); the SNOMED codes of %s come with depressive-disorders." % (vsac_title(BIPOLAR), vsac_title(MDD_REMISSION)),
        include_value_sets(local("depressive-disorders"), local("suicide-attempt")) + icd
        + [c(SCT, "1153575004", "Persistent depressive disorder (disorder)"), c(SCT, "6471006", "Suicidal thoughts (finding)"),
           c(SCT, DEPRESSIVE_DISORDER, "Depressive disorder (disorder)", unverified=True)]
        + bipolar_snomed()
        + who([("F32.8", "Other depressive episodes"), ("F34.1", "Dysthymia"),
               ("F53.0", "Mild mental and behavioural disorders associated with the puerperium, not elsewhere classified")])
        + [k for k in who(WHO_BIPOLAR) if k["code"].startswith("F31")])


def full_remission(value_set):
    icd = many(ICD, [("F32.5", "Major depressive disorder, single episode, in full remission"),
                     ("F33.40", "Major depressive disorder, recurrent, in remission, unspecified"),
                     ("F33.42", "Major depressive disorder, recurrent, in full remission")])
    icd += vsac_codes(BIPOLAR, ICD, r"F31\.7[02468]")
    sct = [k for k in _union(MDD_SETS, SCT) + bipolar_snomed()
           if FULL_REMISSION.search(k["display"]) and "partial" not in k["display"]]
    return value_set(
        "full-remission", "Full-remission codes (the condition is not active)",
        "A condition coded with one of these is not active (PROTOCOL-v2 'Data the decision reads'). ICD-10-CM F32.5, "
        "F33.40, F33.42, F31.70/.72/.74/.76/.78 and, for substance use, F1x.11 and F1x.21 (x = 0-6, 8, 9; "
        "abuse/dependence in remission); WHO ICD-10 F33.4, F31.7 and F1x.20/.21/.23 (abstinent, WHO meanings); SNOMED "
        "'in (full) remission' concepts of the MDD and bipolar VSAC sets. Partial-remission codes (F32.4, F33.41, "
        "F31.71/.73/.75/.77) are NOT in it: symptoms remain.",
        icd + icd_full_remission() + sorted(sct, key=lambda k: k["code"])
        + who([("F33.4", "Recurrent depressive disorder, currently in remission"),
               ("F31.7", "Bipolar affective disorder, currently in remission")]) + who_full_remission())


def bipolar_disorders(value_set):
    return value_set(
        "bipolar-disorders", "Bipolar disorder (any type or episode) and manic episodes",
        "Any bipolar disorder: the bipolar pathway of the TRD rule and the manic-switch warning (PROTOCOL-v2 sections "
        "2 and 4). Source: %s (ICD-10-CM F30.x, F31.x incl. F31.81 Bipolar II disorder; SNOMED bipolar concepts); "
        "WHO ICD-10 F30.x and F31.x (F31.7 = currently in remission)." % vsac_title(BIPOLAR),
        include_value_sets(vsac_url(BIPOLAR)) + [c(ICD, "F31.81", "Bipolar II disorder")] + who(WHO_BIPOLAR))


def bipolar_depressed_episode(value_set):
    icd = vsac_codes(BIPOLAR, ICD, r"F31\.(3[012]|4|5)")
    sct = [k for k in bipolar_snomed() if re.search(r"depress", k["display"], re.I)
           and not REMISSION.search(k["display"])]
    return value_set(
        "bipolar-depressed-episode", "Bipolar disorder, current episode depressed",
        "Bipolar disorder with a current depressed episode (PROTOCOL-v2 section 2, bipolar pathway). From %s: "
        "ICD-10-CM F31.30, F31.31, F31.32, F31.4, F31.5 and every SNOMED concept naming a depressed / major "
        "depressive (most recent) episode that is not in remission; WHO ICD-10 F31.3, F31.30, F31.31, F31.4, F31.5. "
        "Remission codes (F31.75/F31.76, SNOMED 67002003) are not current episodes." % vsac_title(BIPOLAR),
        icd + sct + [k for k in who(WHO_BIPOLAR) if re.fullmatch(r"F31\.(3\d?|4|5)", k["code"])])


def psychotic_disorders(value_set):
    mood_icd = many(ICD, [("F32.3", "Major depressive disorder, single episode, severe with psychotic features"),
                          ("F33.3", "Major depressive disorder, recurrent, severe with psychotic symptoms"),
                          ("F31.2", "Bipolar disorder, current episode manic severe with psychotic features"),
                          ("F31.5", "Bipolar disorder, current episode depressed, severe, with psychotic features"),
                          ("F31.64", "Bipolar disorder, current episode mixed, severe, with psychotic features"),
                          ("F30.2", "Manic episode, severe with psychotic symptoms")])
    mood_sct = [k for k in _union(MDD_SETS, SCT) + bipolar_snomed()
                if PSYCHOTIC_FEATURES.search(k["display"]) and not re.search(r"without psycho", k["display"], re.I)]
    return value_set(
        "psychotic-disorders", "Psychotic disorders and mood episodes with psychotic features",
        "psychosis-caution (PROTOCOL-v2 section 4). ICD-10-CM F20-F29: %s plus F22 Delusional disorders and F24 "
        "Shared psychotic disorder (omitted by that set; CLINICAL-REFERENCE.md 2c); mood episodes with psychotic "
        "features F32.3, F33.3, F31.5, F31.2, and also F31.64 and F30.2 (CLINICAL-REFERENCE.md 2c); SNOMED: that "
        "set's concepts, 58214004 Schizophrenia, 68890003 Schizoaffective disorder and the MDD and bipolar concepts "
        "'with psychotic features'; WHO ICD-10 F20-F29 and F30.2, F31.2, F31.5, F32.3, F33.3. Version 3 (section B): "
        "ICD-10-CM F53.1 Puerperal psychosis (not in a stored source, so unverified)." % vsac_title(PSYCHOTIC),
        include_value_sets(vsac_url(PSYCHOTIC))
        + [c(ICD, "F22", "Delusional disorders"), c(ICD, "F24", "Shared psychotic disorder")] + mood_icd
        + [c(ICD, "F53.1", "Puerperal psychosis", unverified=True)]
        + [c(SCT, "58214004", "Schizophrenia (disorder)"), c(SCT, "68890003", "Schizoaffective disorder (disorder)")]
        + sorted(mood_sct, key=lambda k: k["code"]) + who(WHO_PSYCHOTIC)
        + [k for k in who(WHO_BIPOLAR + WHO_MDD) if k["code"] in ("F30.2", "F31.2", "F31.5", "F32.3", "F33.3")])


def broad_depression_only(value_set):
    return value_set(
        "broad-depression-only", "Depression coded only broadly (diagnosis to confirm)",
        "Codes that say 'depression' without the major depressive disorder diagnosis the protocol needs (PROTOCOL-v3 "
        "section F: with >= 2 failed adequate trials, trd-incomplete-data adds 'confirm the diagnosis: only <display> "
        "is coded'). ICD-10-CM F32.A Depression, unspecified, F32.9 Major depressive disorder, single episode, "
        "unspecified and F32.89 Other specified depressive episodes (VERIFIED A, CLINICAL-REFERENCE.md 2a), F39 "
        "Unspecified mood [affective] disorder (unverified); SNOMED 35489007 Depressive disorder (unverified); WHO "
        "ICD-10 F32.9 Depressive episode, unspecified. F32.9 stays in depressive-disorders too: broad only means the "
        "record holds no more specific code.",
        [c(ICD, "F32.A", "Depression, unspecified"),
         c(ICD, "F32.9", "Major depressive disorder, single episode, unspecified"),
         c(ICD, "F32.89", "Other specified depressive episodes"),
         c(ICD, "F39", "Unspecified mood [affective] disorder", unverified=True),
         c(SCT, DEPRESSIVE_DISORDER, "Depressive disorder (disorder)", unverified=True)]
        + [k for k in who(WHO_MDD) if k["code"] == "F32.9"])
