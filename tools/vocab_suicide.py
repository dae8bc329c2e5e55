"""Suicide risk value sets (PROTOCOL-v2 section 5): suicidal-ideation (ideation only), suicide-attempt (attempts
and intentional self-harm) and suicidal-behaviour-history."""
import os

from icd10cm_self_harm import intentional_self_harm
from vocab_common import ICD, SCT, WHO, c, many, vsac_codes, vsac_title

SUICIDE_ATTEMPT = "2.16.840.1.113762.1.4.1248.130"
HERE = os.path.dirname(os.path.abspath(__file__))

WHO_SELF_HARM = [
    ("X60", "Intentional self-poisoning by and exposure to nonopioid analgesics, antipyretics and antirheumatics"),
    ("X61", "Intentional self-poisoning by and exposure to antiepileptic, sedative-hypnotic, antiparkinsonism and "
            "psychotropic drugs, not elsewhere classified"),
    ("X62", "Intentional self-poisoning by and exposure to narcotics and psychodysleptics [hallucinogens], not "
            "elsewhere classified"),
    ("X63", "Intentional self-poisoning by and exposure to other drugs acting on the autonomic nervous system"),
    ("X64", "Intentional self-poisoning by and exposure to other and unspecified drugs, medicaments and biological "
            "substances"),
    ("X65", "Intentional self-poisoning by and exposure to alcohol"),
    ("X66", "Intentional self-poisoning by and exposure to organic solvents and halogenated hydrocarbons and their "
            "vapours"),
    ("X67", "Intentional self-poisoning by and exposure to other gases and vapours"),
    ("X68", "Intentional self-poisoning by and exposure to pesticides"),
    ("X69", "Intentional self-poisoning by and exposure to other and unspecified chemicals and noxious substances"),
    ("X70", "Intentional self-harm by hanging, strangulation and suffocation"),
    ("X71", "Intentional self-harm by drowning and submersion"),
    ("X72", "Intentional self-harm by handgun discharge"),
    ("X73", "Intentional self-harm by rifle, shotgun and larger firearm discharge"),
    ("X74", "Intentional self-harm by other and unspecified firearm discharge"),
    ("X75", "Intentional self-harm by explosive material"),
    ("X76", "Intentional self-harm by smoke, fire and flames"),
    ("X77", "Intentional self-harm by steam, hot vapours and hot objects"),
    ("X78", "Intentional self-harm by sharp object"),
    ("X79", "Intentional self-harm by blunt object"),
    ("X80", "Intentional self-harm by jumping from a high place"),
    ("X81", "Intentional self-harm by jumping or lying before moving object"),
    ("X82", "Intentional self-harm by crashing of motor vehicle"),
    ("X83", "Intentional self-harm by other specified means"),
    ("X84", "Intentional self-harm by unspecified means"),
]
WHO_PLACES = ["home", "residential institution", "school, other institution and public administrative area",
              "sports and athletics area", "street and highway", "trade and service area",
              "industrial and construction area", "farm", "other specified places", "unspecified place"]


def _checked_icd():
    codes = intentional_self_harm()
    with open(os.path.join(HERE, "data", "self-harm-initial-encounter-codes.txt"), encoding="utf-8") as f:
        listed = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    mine = {code.replace(".", "") for code, _ in codes if code.endswith("A")}
    if mine != listed:
        raise SystemExit("self-harm stems differ from tools/data list: %s" % sorted(mine ^ listed))
    vsac_attempt = {k["code"] for k in vsac_codes(SUICIDE_ATTEMPT, ICD)}
    if not vsac_attempt <= {code for code, _ in codes}:
        raise SystemExit("VSAC Suicide Attempt codes missing: %s" % vsac_attempt)
    return many(ICD, codes)


def _who():
    codes = []
    for code, title in WHO_SELF_HARM:
        codes.append(c(WHO, code, title))
        codes += [c(WHO, "%s.%d" % (code, place), "%s, %s" % (title, name)) for place, name in enumerate(WHO_PLACES)]
    return codes


def suicidal_ideation(value_set):
    return value_set(
        "suicidal-ideation", "Suicidal ideation",
        "Suicidal ideation only (PROTOCOL-v2 sections 5 and 9): an active condition dated in the last 30 days makes "
        "suicide-risk-urgent. ICD-10-CM R45.851 Suicidal ideations (VERIFIED 2nd-hand); SNOMED 6471006 Suicidal "
        "thoughts and 304594002 Suicidal intent (VERIFIED A, CLINICAL-REFERENCE.md 2g). Not in it: attempts and "
        "self-harm (suicide-attempt), 425104003 Suicidal behavior and the broader 267073005 Suicidal (finding), "
        "which also covers behaviour. WHO ICD-10 has no ideation-only code (R45.8 holds other symptoms too).",
        [c(ICD, "R45.851", "Suicidal ideations"), c(SCT, "6471006", "Suicidal thoughts (finding)"),
         c(SCT, "304594002", "Suicidal intent (finding)")])


def suicide_attempt(value_set):
    return value_set(
        "suicide-attempt", "Suicide attempt and intentional self-harm",
        "An attempt is an event: any of these dated in the last 365 days makes suicide-risk-urgent, whatever its "
        "clinical status (PROTOCOL-v2 section 5); they are also in depressive-spectrum. An explicit list. ICD-10-CM: "
        "T14.91X- Suicide attempt (%s has T14.91XA); every T36-T65 and T71 code whose intent character is 2 "
        "(intentional self-harm), e.g. T39.1X2A, T43.222A, T36.92XA, T71.162A (accidental, assault, undetermined, "
        "adverse-effect and underdosing codes are not in it); the external causes X71-X83; each with the 7th "
        "characters A, D and S. The code list was checked against a public FY2023+ HHS-HCC self-harm list "
        "(tools/data/). WHO ICD-10: X60-X84 intentional self-poisoning and self-harm, with the optional 4th "
        "character of the place of occurrence (X60-X69 are WHO's self-poisoning codes; X70 hanging). SNOMED "
        "82313006 Suicide attempt (VERIFIED 2nd-hand, two public sources)." % vsac_title(SUICIDE_ATTEMPT),
        _checked_icd() + _who() + [c(SCT, "82313006", "Suicide attempt")])


def suicidal_behaviour_history(value_set):
    return value_set(
        "suicidal-behaviour-history", "Personal history of suicidal behaviour",
        "A history of suicidal behaviour adds a line to either suicide-risk card (PROTOCOL-v2 section 5). ICD-10-CM "
        "Z91.51 Personal history of suicidal behavior (VERIFIED 2nd-hand: VA VistA encounter-form file and other "
        "public code lists) and Z91.5 (the pre-2022 code of the same history); WHO ICD-10 Z91.5 Personal history of "
        "self-harm. No SNOMED history concept is verified.",
        [c(ICD, "Z91.51", "Personal history of suicidal behavior"), c(ICD, "Z91.5", "Personal history of self-harm"),
         c(WHO, "Z91.5", "Personal history of self-harm")])
