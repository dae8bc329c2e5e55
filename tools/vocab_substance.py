"""Substance use: substance-use-disorders-active, opioid-maintenance and the substance-use part of full-remission
(PROTOCOL-v2 sections 4 and 9). ICD-10-CM codes are taken code by code from the VSAC expansions (so every code
and display is VSAC's); WHO ICD-10 codes follow PROTOCOL-v2 section 4 (WHO fifth characters)."""
import re

from vocab_common import ICD, SCT, WHO, c, vsac_codes, vsac_title

SUD = "2.16.840.1.113883.3.464.1003.106.12.1001"
SUBSTANCE_ABUSE = "2.16.840.1.113762.1.4.1029.320"
OUD = "2.16.840.1.113762.1.4.1111.171"
SOURCES = (SUD, SUBSTANCE_ABUSE, OUD)

# F1x for x = 0-6, 8, 9 (F17 nicotine is not a substance use disorder here).
CLASSES = {"0": "alcohol", "1": "opioids", "2": "cannabinoids", "3": "sedatives or hypnotics", "4": "cocaine",
           "5": "other stimulants, including caffeine", "6": "hallucinogens", "8": "volatile solvents",
           "9": "multiple drug use and use of other psychoactive substances"}
WHO_DEPENDENCE = {
    "20": "currently abstinent",
    "21": "currently abstinent, but in a protected environment",
    "22": "currently on a clinically supervised maintenance or replacement regime [controlled dependence]",
    "23": "currently abstinent, but receiving treatment with aversive or blocking drugs",
    "24": "currently using the substance [active dependence]",
    "25": "continuous use",
    "26": "episodic use [dipsomania]",
}
# SNOMED concepts of the VSAC sets: a use disorder is named abuse, dependence, harmful use or alcoholism; these
# words make it something else (withdrawal, flashbacks, remission, maintenance therapy, a complication).
SCT_USE_DISORDER = re.compile(r"abuse|dependence|harmful|alcoholism", re.I)
SCT_NOT_ACTIVE_DISORDER = re.compile(r"withdrawal|flashback|remission|agonist therapy|pancreatitis|an(a)?emia|"
                                     r"thrombocytopenia|amblyopia|dementia|brain syndrome|nicotine|tobacco", re.I)
OPIOID_AGONIST_THERAPY = "1081000119105"


def _icd(pattern):
    found = {}
    for oid in SOURCES:
        for concept in vsac_codes(oid, ICD, pattern):
            found.setdefault(concept["code"], concept)
    return [found[k] for k in sorted(found)]


def icd_active():
    """F1x.1x abuse and F1x.2x dependence, x = 0-6, 8, 9, other than .11/.21 (in remission)."""
    return [k for k in _icd(r"F1[0-689]\.[12]\d*") if not re.fullmatch(r"F1\d\.[12]1", k["code"])]


def icd_full_remission():
    return _icd(r"F1[0-689]\.[12]1")


def _who_name(x, tail):
    return "Mental and behavioural disorders due to use of %s, %s" % (CLASSES[x], tail)


def who_active():
    codes = []
    for x in CLASSES:
        codes.append(c(WHO, "F1%s.1" % x, _who_name(x, "harmful use")))
        for fifth in ("24", "25", "26"):
            codes.append(c(WHO, "F1%s.%s" % (x, fifth), _who_name(x, "dependence syndrome, " + WHO_DEPENDENCE[fifth])))
    return codes


def who_full_remission():
    return [c(WHO, "F1%s.%s" % (x, fifth), _who_name(x, "dependence syndrome, " + WHO_DEPENDENCE[fifth]))
            for x in CLASSES for fifth in ("20", "21", "23")]


def sct_active():
    found = {}
    for oid in (SUD, OUD):
        for concept in vsac_codes(oid, SCT):
            if (SCT_USE_DISORDER.search(concept["display"]) and not SCT_NOT_ACTIVE_DISORDER.search(concept["display"])
                    and concept["code"] != OPIOID_AGONIST_THERAPY):
                found.setdefault(concept["code"], concept)
    for code, display in (("724713006", "Harmful use of ketamine (disorder)"),
                          ("724715004", "Ketamine dependence (disorder)")):
        found.setdefault(code, c(SCT, code, display))
    return sorted(found.values(), key=lambda k: int(k["code"]))


def sources_text():
    return ", ".join(vsac_title(oid) for oid in SOURCES)


def substance_use_disorders_active(value_set):
    return value_set(
        "substance-use-disorders-active", "Active substance use disorder (not nicotine, not in remission)",
        "Absolute contraindication contraindication-active-substance-use (PROTOCOL-v2 sections 4 and 9). An explicit "
        "list. ICD-10-CM: every F1x.1x abuse and F1x.2x dependence code (x = 0-6, 8, 9) of %s, other than the "
        "in-remission codes F1x.11 and F1x.21 (full-remission value set). Not in it: F1x.9x 'use, unspecified', "
        "nicotine F17, O99.31x/O99.32x and other complication codes. WHO ICD-10 (other fifth characters): F1x.1 "
        "harmful use and F1x.24-F1x.26 (currently using, continuous, episodic); F1x.20/.21/.23 are abstinence "
        "(full-remission) and F1x.22 maintenance (opioid-maintenance). SNOMED: the concepts of %s and %s named abuse, "
        "dependence, harmful use or alcoholism, without withdrawal-only, flashback, remission, agonist-therapy or "
        "complication concepts (e.g. pancreatitis, anaemia), plus 724713006 Harmful use of ketamine and 724715004 "
        "Ketamine dependence (CLINICAL-REFERENCE.md 2f). Ketamine use disorders are coded under F16 (hallucinogen) or "
        "F19. The rule also requires an active clinicalStatus." % (sources_text(), vsac_title(SUD), vsac_title(OUD)),
        icd_active() + who_active() + sct_active())


def opioid_maintenance(value_set):
    codes = [c(WHO, "F1%s.22" % x, _who_name(x, "dependence syndrome, " + WHO_DEPENDENCE["22"])) for x in CLASSES]
    codes += [k for k in vsac_codes(OUD, SCT) if k["code"] == OPIOID_AGONIST_THERAPY]
    if len(codes) != len(CLASSES) + 1:
        raise SystemExit("SNOMED %s not found in %s" % (OPIOID_AGONIST_THERAPY, OUD))
    return value_set(
        "opioid-maintenance", "Dependence on a supervised maintenance or agonist therapy",
        "A warning line on the candidate card, not a contraindication (PROTOCOL-v2 section 4): WHO ICD-10 F1x.22 "
        "'currently on a clinically supervised maintenance or replacement regime [controlled dependence]' and SNOMED "
        "1081000119105 Opioid dependence, on agonist therapy (%s). ICD-10-CM has no such code: an F11.2x patient is "
        "counted as active." % vsac_title(OUD),
        codes)
