"""Pregnancy and lactation value sets of PROTOCOL-v3 sections B and D: the end of a pregnancy (conditions and
procedures), pregnancy tests and their answers, hCG-secreting tumours, breastfeeding."""
import re

from vocab_common import CPT, ICD, LOINC, SCT, c, include_value_sets, many, vsac_codes, vsac_title, vsac_url

DELIVERY_PROCEDURES = "2.16.840.1.113762.1.4.1045.59"
COMPLICATIONS = "2.16.840.1.113883.3.464.1003.111.12.1012"
PREGNANCY_TEST = "2.16.840.1.113883.3.464.1003.111.12.1011"
BREASTFEEDING = "2.16.840.1.113762.1.4.1047.73"
LACTATING_MOTHER = "Z39.1"
CORD_BLOOD_HCG = "55870-0"
# Breastfeeding codes that do not mean breastfeeding now (PROTOCOL-v3 section B).
NOT_BREASTFEEDING_NOW = {"O92.5", "169643005", "199004", "200420005"}

# SNOMED findings of the Complications set that mean a pregnancy ended (miscarriage, abortion, ectopic or molar
# pregnancy), without the ones that mean it goes on or is only a risk or a history.
ENDED = re.compile(r"abortion|miscarriage|ectopic|molar pregnancy|hydatidiform mole|termination of pregnancy", re.I)
NOT_ENDED = re.compile(r"threatened|at risk|risk of|recurrent|habitual|continuing|history|high risk pregnancy|"
                       r"failed|placenta", re.I)

Z37 = [("Z37.0", "Single live birth"), ("Z37.1", "Single stillbirth"), ("Z37.2", "Twins, both liveborn"),
       ("Z37.3", "Twins, one liveborn and one stillborn"), ("Z37.4", "Twins, both stillborn"),
       ("Z37.50", "Multiple births, unspecified, all liveborn"), ("Z37.51", "Triplets, all liveborn"),
       ("Z37.52", "Quadruplets, all liveborn"), ("Z37.53", "Quintuplets, all liveborn"),
       ("Z37.54", "Sextuplets, all liveborn"), ("Z37.59", "Other multiple births, all liveborn"),
       ("Z37.60", "Multiple births, unspecified, some liveborn"), ("Z37.61", "Triplets, some liveborn"),
       ("Z37.62", "Quadruplets, some liveborn"), ("Z37.63", "Quintuplets, some liveborn"),
       ("Z37.64", "Sextuplets, some liveborn"), ("Z37.69", "Other multiple births, some liveborn"),
       ("Z37.7", "Other multiple births, all stillborn"), ("Z37.9", "Outcome of delivery, unspecified")]
Z39 = [("Z39.0", "Encounter for care and examination of mother immediately after delivery"),
       ("Z39.2", "Encounter for routine postpartum follow-up")]
# CPT maternity and abortion codes that mean the pregnancy ended (delivery, postpartum care after delivery,
# treatment of an ectopic or molar pregnancy, miscarriage or induced abortion). Not: 59412 external version,
# 59425/59426 antepartum care only, 59866 multifetal reduction (the pregnancy goes on).
CPT_END = [
    ("59120", "Surgical treatment of ectopic pregnancy; tubal or ovarian, requiring salpingectomy and/or oophorectomy"),
    ("59121", "Surgical treatment of ectopic pregnancy; tubal or ovarian, without salpingectomy and/or oophorectomy"),
    ("59130", "Surgical treatment of ectopic pregnancy; abdominal pregnancy"),
    ("59135", "Surgical treatment of ectopic pregnancy; interstitial, uterine pregnancy requiring total hysterectomy"),
    ("59136", "Surgical treatment of ectopic pregnancy; interstitial, uterine pregnancy with partial resection of uterus"),
    ("59140", "Surgical treatment of ectopic pregnancy; cervical, with evacuation"),
    ("59150", "Laparoscopic treatment of ectopic pregnancy; without salpingectomy and/or oophorectomy"),
    ("59151", "Laparoscopic treatment of ectopic pregnancy; with salpingectomy and/or oophorectomy"),
    ("59400", "Routine obstetric care including antepartum care, vaginal delivery and postpartum care"),
    ("59409", "Vaginal delivery only"),
    ("59410", "Vaginal delivery only; including postpartum care"),
    ("59414", "Delivery of placenta"),
    ("59430", "Postpartum care only"),
    ("59510", "Routine obstetric care including antepartum care, cesarean delivery, and postpartum care"),
    ("59514", "Cesarean delivery only"),
    ("59515", "Cesarean delivery only; including postpartum care"),
    ("59525", "Subtotal or total hysterectomy after cesarean delivery"),
    ("59610", "Routine obstetric care, vaginal delivery after previous cesarean delivery"),
    ("59612", "Vaginal delivery only, after previous cesarean delivery"),
    ("59614", "Vaginal delivery only, after previous cesarean delivery; including postpartum care"),
    ("59618", "Routine obstetric care, cesarean delivery following attempted vaginal delivery after previous cesarean"),
    ("59620", "Cesarean delivery only, following attempted vaginal delivery after previous cesarean delivery"),
    ("59622", "Cesarean delivery only, following attempted vaginal delivery after previous cesarean; with postpartum care"),
    ("59812", "Treatment of incomplete abortion, any trimester, completed surgically"),
    ("59820", "Treatment of missed abortion, completed surgically; first trimester"),
    ("59821", "Treatment of missed abortion, completed surgically; second trimester"),
    ("59830", "Treatment of septic abortion, completed surgically"),
    ("59840", "Induced abortion, by dilation and curettage"),
    ("59841", "Induced abortion, by dilation and evacuation"),
    ("59850", "Induced abortion, by 1 or more intra-amniotic injections"),
    ("59851", "Induced abortion, by 1 or more intra-amniotic injections; with dilation and curettage and/or evacuation"),
    ("59852", "Induced abortion, by 1 or more intra-amniotic injections; with hysterotomy"),
    ("59855", "Induced abortion, by 1 or more vaginal suppositories"),
    ("59856", "Induced abortion, by 1 or more vaginal suppositories; with dilation and curettage and/or evacuation"),
    ("59857", "Induced abortion, by 1 or more vaginal suppositories; with hysterotomy"),
    ("59870", "Uterine evacuation and curettage for hydatidiform mole"),
]


def _ended_icd():
    return [k for k in vsac_codes(COMPLICATIONS, ICD, r"O0[0-8].*|O80|O82|Z33\.2")]


def pregnancy_end(value_set):
    sct = sorted([k for k in vsac_codes(COMPLICATIONS, SCT) if ENDED.search(k["display"])
                  and not NOT_ENDED.search(k["display"])], key=lambda k: k["code"])
    lactating = [k for k in vsac_codes(BREASTFEEDING, ICD) if k["code"] == LACTATING_MOTHER]
    return value_set(
        "pregnancy-end", "End of a pregnancy (conditions)",
        "A pregnancy ended (PROTOCOL-v3 section D): a condition dated on or after the pregnancy evidence lifts "
        "contraindication-pregnancy. ICD-10-CM O00-O08 (ectopic and molar pregnancy, other abnormal products of "
        "conception, miscarriage, induced abortion, complications following them), O80, O82 and Z33.2 Encounter for "
        "elective termination of pregnancy, taken from %s; Z39.1 (lactating mother) from %s; Z37.x outcome of delivery "
        "and Z39.0, Z39.2 (after delivery) are not in a stored source (unverified). SNOMED: the miscarriage, abortion, "
        "ectopic and molar pregnancy concepts of the same Complications set, without threatened abortion, risk, "
        "history, continuing-pregnancy and failed-attempt concepts. Delivery procedures: pregnancy-end-procedures."
        % (vsac_title(COMPLICATIONS), vsac_title(BREASTFEEDING)),
        _ended_icd() + lactating + many(ICD, Z37, unverified=True) + many(ICD, Z39, unverified=True) + sct)


def pregnancy_end_procedures(value_set):
    return value_set(
        "pregnancy-end-procedures", "End of a pregnancy (procedures)",
        "A delivery or an abortion procedure ends a pregnancy (PROTOCOL-v3 sections B and D): dated on or after the "
        "pregnancy evidence it lifts contraindication-pregnancy. The whole of %s (SNOMED delivery procedures, "
        "ICD-10-PCS extraction and delivery of products of conception); CPT 59400-59622 deliveries and postpartum care, "
        "59120-59151 treatment of an ectopic pregnancy, 59812-59857 treatment of miscarriage and induced abortion, "
        "59870 evacuation of a hydatidiform mole (unverified: CPT descriptors not checked). Not 59412, 59425, 59426 "
        "(the pregnancy goes on) or 59866." % vsac_title(DELIVERY_PROCEDURES),
        include_value_sets(vsac_url(DELIVERY_PROCEDURES)) + many(CPT, CPT_END, unverified=True))


def pregnancy_test(value_set):
    return value_set(
        "pregnancy-test", "Pregnancy tests (hCG, Observation code)",
        "Pregnancy tests read by contraindication-pregnancy (PROTOCOL-v3 section D): the whole of %s (LOINC hCG "
        "presence, units-per-volume, moles and mass codes in urine and serum). Cord-blood hCG 55870-0 is in it too; "
        "hcg-excluded-tests says it does not count as the patient's test." % vsac_title(PREGNANCY_TEST),
        include_value_sets(vsac_url(PREGNANCY_TEST)))


def pregnancy_test_positive(value_set):
    return value_set(
        "pregnancy-test-positive", "Pregnancy test answers meaning positive",
        "Observation.valueCodeableConcept codes of a positive test (PROTOCOL-v3 section D): SNOMED 10828004 Positive "
        "and 260373001 Detected. Not in a stored source, so unverified.",
        [c(SCT, "10828004", "Positive (qualifier value)", unverified=True),
         c(SCT, "260373001", "Detected (qualifier value)", unverified=True)])


def pregnancy_test_negative(value_set):
    return value_set(
        "pregnancy-test-negative", "Pregnancy test answers meaning negative",
        "Observation.valueCodeableConcept codes of a negative test (PROTOCOL-v3 section D): SNOMED 260385009 Negative "
        "and 260415000 Not detected. Not in a stored source, so unverified.",
        [c(SCT, "260385009", "Negative (qualifier value)", unverified=True),
         c(SCT, "260415000", "Not detected (qualifier value)", unverified=True)])


def hcg_excluded_tests(value_set):
    cord = [k for k in vsac_codes(PREGNANCY_TEST, LOINC) if k["code"] == CORD_BLOOD_HCG]
    if not cord:
        raise SystemExit("LOINC %s not found in %s" % (CORD_BLOOD_HCG, PREGNANCY_TEST))
    return value_set(
        "hcg-excluded-tests", "hCG tests that are not the patient's pregnancy test",
        "PROTOCOL-v3 section D: a total hCG on these codes is not read as the patient's test. LOINC 55870-0 "
        "Choriogonadotropin [Units/volume] in Cord blood (in %s)." % vsac_title(PREGNANCY_TEST), cord)


def hcg_tumours(value_set):
    mole = vsac_codes(COMPLICATIONS, ICD, r"O01.*")
    mole_sct = sorted([k for k in vsac_codes(COMPLICATIONS, SCT)
                       if re.search(r"hydatidiform mole|^Molar pregnancy", k["display"], re.I)
                       and not NOT_ENDED.search(k["display"])], key=lambda k: k["code"])
    testis = [("C62.00", "Malignant neoplasm of unspecified undescended testis"),
              ("C62.01", "Malignant neoplasm of undescended right testis"),
              ("C62.02", "Malignant neoplasm of undescended left testis"),
              ("C62.10", "Malignant neoplasm of unspecified descended testis"),
              ("C62.11", "Malignant neoplasm of descended right testis"),
              ("C62.12", "Malignant neoplasm of descended left testis"),
              ("C62.90", "Malignant neoplasm of unspecified testis, unspecified whether descended or undescended"),
              ("C62.91", "Malignant neoplasm of right testis, unspecified whether descended or undescended"),
              ("C62.92", "Malignant neoplasm of left testis, unspecified whether descended or undescended")]
    return value_set(
        "hcg-tumours", "hCG-secreting tumours",
        "An active hCG-secreting tumour turns a positive pregnancy test into a warning (PROTOCOL-v3 section D). "
        "ICD-10-CM O01.x hydatidiform mole and the SNOMED molar pregnancy / hydatidiform mole concepts (from %s); "
        "C58 Malignant neoplasm of placenta, C62.x malignant neoplasm of testis, D39.2 Neoplasm of uncertain behavior "
        "of placenta (not in a stored source, so unverified)." % vsac_title(COMPLICATIONS),
        mole + [c(ICD, "C58", "Malignant neoplasm of placenta", unverified=True)] + many(ICD, testis, unverified=True)
        + [c(ICD, "D39.2", "Neoplasm of uncertain behavior of placenta", unverified=True)] + mole_sct)


def breastfeeding(value_set):
    excluded = [k for k in vsac_codes(BREASTFEEDING) if k["code"] in NOT_BREASTFEEDING_NOW]
    if len(excluded) != len(NOT_BREASTFEEDING_NOW):
        raise SystemExit("breastfeeding exclusions not all in %s: %s" % (BREASTFEEDING, NOT_BREASTFEEDING_NOW))
    return value_set(
        "breastfeeding", "Breastfeeding (conditions and observations)",
        "lactation-caution (PROTOCOL-v3 section D): a condition or observation of this set in the last 12 months. The "
        "whole of %s except the codes that do not mean breastfeeding now: O92.5 Suppressed lactation, SNOMED 169643005 "
        "Feeding intention - breast, 199004 Decreased lactation, 200420005 Breast engorgement ... with antenatal "
        "complication." % vsac_title(BREASTFEEDING),
        include_value_sets(vsac_url(BREASTFEEDING)), excluded)
