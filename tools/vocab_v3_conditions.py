"""Value sets new in PROTOCOL-v3 section D besides pregnancy: dementia / cognitive impairment, opioid use disorder,
neurostimulators below the neck, ECT procedures."""
from vocab_common import CPT, ICD, SCT, WHO, c, include_value_sets, many, vsac_codes, vsac_title, vsac_url, who
from vocab_substance import WHO_DEPENDENCE, _who_name

DEMENTIA = "2.16.840.1.113883.3.526.3.1005"
OUD = "2.16.840.1.113762.1.4.1111.171"
NOT_DEMENTIA = {"F05": "delirium", "G31.80": "leukodystrophy, unspecified"}

# ICD-10-CM F01-F03 since FY2023: severity (5 = F01/F02 unspecified ... per prefix below, A mild, B moderate,
# C severe) x disturbance.
DEMENTIA_PREFIXES = [("F01", "Vascular dementia", "5"), ("F02", "Dementia in other diseases classified elsewhere", "8"),
                     ("F03", "Unspecified dementia", "9")]
SEVERITIES = [(None, "unspecified severity"), ("A", "mild"), ("B", "moderate"), ("C", "severe")]
DISTURBANCES = [("0", "without behavioral disturbance, psychotic disturbance, mood disturbance, and anxiety"),
                ("11", "with agitation"), ("18", "with other behavioral disturbance"),
                ("2", "with psychotic disturbance"), ("3", "with mood disturbance"), ("4", "with anxiety")]
WHO_DEMENTIA = [
    ("F00.0", "Dementia in Alzheimer disease with early onset"), ("F00.1", "Dementia in Alzheimer disease with late onset"),
    ("F00.2", "Dementia in Alzheimer disease, atypical or mixed type"),
    ("F00.9", "Dementia in Alzheimer disease, unspecified"), ("F01.0", "Vascular dementia of acute onset"),
    ("F01.1", "Multi-infarct dementia"), ("F01.2", "Subcortical vascular dementia"),
    ("F01.3", "Mixed cortical and subcortical vascular dementia"), ("F01.8", "Other vascular dementia"),
    ("F01.9", "Vascular dementia, unspecified"), ("F02.0", "Dementia in Pick disease"),
    ("F02.1", "Dementia in Creutzfeldt-Jakob disease"), ("F02.2", "Dementia in Huntington disease"),
    ("F02.3", "Dementia in Parkinson disease"), ("F02.4", "Dementia in human immunodeficiency virus [HIV] disease"),
    ("F02.8", "Dementia in other specified diseases classified elsewhere"), ("F03", "Unspecified dementia"),
    ("G30.0", "Alzheimer disease with early onset"), ("G30.1", "Alzheimer disease with late onset"),
    ("G30.8", "Other Alzheimer disease"), ("G30.9", "Alzheimer disease, unspecified")]


def dementia_icd():
    codes = []
    for prefix, title, unspecified in DEMENTIA_PREFIXES:
        for letter, severity in SEVERITIES:
            for suffix, disturbance in DISTURBANCES:
                code = "%s.%s%s" % (prefix, letter or unspecified, suffix)
                codes.append((code, "%s, %s, %s" % (title, severity, disturbance)))
        # the pre-FY2023 code "with behavioral disturbance", still in older records
        codes.append(("%s.%s1" % (prefix, unspecified), "%s with behavioral disturbance" % title))
    codes += [("F06.70", "Mild neurocognitive disorder due to known physiological condition without behavioral "
                         "disturbance"),
              ("F06.71", "Mild neurocognitive disorder due to known physiological condition with behavioral "
                         "disturbance")]
    return sorted(codes)


def dementia(value_set):
    vsac_icd = {k["code"] for k in vsac_codes(DEMENTIA, ICD)}
    excluded = [k for k in vsac_codes(DEMENTIA, ICD) if k["code"] in NOT_DEMENTIA]
    if len(excluded) != len(NOT_DEMENTIA):
        raise SystemExit("dementia exclusions not all in %s" % DEMENTIA)
    extra = [(code, display) for code, display in dementia_icd() if code not in vsac_icd]
    return value_set(
        "dementia", "Dementia or cognitive impairment",
        "older-adult-caution at any age (PROTOCOL-v3 section D). The whole of %s (SNOMED dementia concepts; ICD-10-CM "
        "F01.50, F02.80, F03.90, G30.x, G31.x, G31.84 mild cognitive impairment, A52.17 general paresis) except F05 "
        "delirium and G31.80 (not dementia); every ICD-10-CM F01-F03 code of FY2023 (severity unspecified/A mild/"
        "B moderate/C severe x disturbance) and the older F01.51, F02.81, F03.91, and F06.70/F06.71 mild "
        "neurocognitive disorder (these are not in a stored source, so unverified); WHO ICD-10 F00.x-F03, G30.x."
        % vsac_title(DEMENTIA),
        include_value_sets(vsac_url(DEMENTIA)) + many(ICD, extra, unverified=True) + who(WHO_DEMENTIA),
        excluded)


def opioid_use_disorder(value_set):
    icd = vsac_codes(OUD, ICD)
    in_remission = [k["code"] for k in icd if k["code"].startswith("F11.21")]
    if in_remission or any(not k["code"].startswith("F11.2") for k in icd):
        raise SystemExit("%s holds codes other than F11.2x not in remission: %s" % (OUD, in_remission))
    return value_set(
        "opioid-use-disorder", "Opioid use disorder, not in remission",
        "Opioid use disorder for the maintenance-treatment rule (PROTOCOL-v3 section D: with an active MOUD "
        "prescription it is a caution, not contraindication-active-substance-use). The whole of %s: ICD-10-CM F11.2x "
        "opioid dependence other than F11.21 (in remission) and the SNOMED opioid dependence concepts (incl. "
        "1081000119105 on agonist therapy); WHO ICD-10 F11.22 (maintenance) and F11.24-F11.26 (active dependence)."
        % vsac_title(OUD),
        include_value_sets(vsac_url(OUD))
        + [c(WHO, "F11.%s" % fifth, _who_name("1", "dependence syndrome, " + WHO_DEPENDENCE[fifth]))
           for fifth in ("22", "24", "25", "26")])


def neurostimulator_below_neck(value_set):
    return value_set(
        "neurostimulator-below-neck", "Implanted neurostimulator with a site below the neck (procedures)",
        "An implanted stimulator coded with a site below the neck turns contraindication-tms-implant into a warning "
        "(PROTOCOL-v3 section D). ICD-10-CM has no status code with a site (Z96.82 has none: it stays a block) and no "
        "SNOMED site concept was found in a stored source, so the set holds the CPT implantation procedures whose site "
        "is below the neck: sacral nerve electrode arrays 64561, 64581 and gastric neurostimulator electrodes 43647, "
        "43881 (all unverified: CPT descriptors not checked). Spinal cord stimulators (63650, 63655, 63685) are not "
        "in it: their codes do not say whether the lead is cervical. Governance adds SNOMED or local site codes here.",
        many(CPT, [("43647", "Laparoscopy, surgical; implantation or replacement of gastric neurostimulator "
                             "electrodes, antrum"),
                   ("43881", "Implantation or replacement of gastric neurostimulator electrodes, antrum, open"),
                   ("64561", "Percutaneous implantation of neurostimulator electrode array; sacral nerve"),
                   ("64581", "Open implantation of neurostimulator electrode array; sacral nerve")],
             unverified=True))


def ect_procedures(value_set):
    return value_set(
        "ect-procedures", "Electroconvulsive therapy",
        "ECT as an established option on the candidate card (PROTOCOL-v3 section F). CPT 90870 Electroconvulsive "
        "therapy (VERIFIED for use as ECT, CLINICAL-REFERENCE.md section 5: a VA procedure-code view; descriptor not "
        "checked); SNOMED 23835007 Electroconvulsive therapy (not in a stored source, so unverified).",
        [c(CPT, "90870", "Electroconvulsive therapy (includes necessary monitoring)"),
         c(SCT, "23835007", "Electroconvulsive therapy (procedure)", unverified=True)])
