"""Medication value sets: antidepressants, bipolar-depression-treatments, ketamine, esketamine and the
concurrent-medication classes of PROTOCOL-v2 section 4. Ingredient codes come from CLINICAL-REFERENCE.md section 3
(a row tagged 'single source - confirm' counts as unverified) or from a public RxNav-derived ingredient list
(PUBLIC_RXNAV below); anything else carries the unverified mark. No product code is invented: products come from
the VSAC expansions only."""
import re

import clinical_reference as ref
from vocab_common import RXNORM, c, include_value_sets, many, vsac_codes, vsac_title, vsac_url

AD_MEDICATION = "2.16.840.1.113883.3.464.1003.196.12.1213"
ADULT_DEPRESSION_MEDS = "2.16.840.1.113883.3.526.3.1566"
ANTIDEPRESSANTS = "2.16.840.1.113762.1.4.1248.163"
PRODUCT_SETS = (AD_MEDICATION, ADULT_DEPRESSION_MEDS, ANTIDEPRESSANTS)
PUBLIC_RXNAV = ("a public RxNav-derived ingredient table (substance -> RxCUI, source 'NIH RxNav') in a stored "
                "GitHub repository")
# RxCUIs confirmed by that public table (second source beside CLINICAL-REFERENCE.md, or the only source).
CONFIRMED_PUBLIC = {"734064", "1433212", "8123", "10734", "722", "28439", "596", "2598", "3322", "6960", "10767",
                    "4501", "35185", "21241", "7052", "7804", "2670", "4337", "10689", "6813", "5489", "6754", "7814",
                    "787390", "1819", "56795", "73032", "480", "23088"}
OFC_PRODUCTS = ("721787", "403969", "403970", "403971", "403972")
ANTIPSYCHOTICS_OLDER_ADULTS = "2.16.840.1.113883.3.464.1003.196.12.1523"
BIPOLAR_ANTIPSYCHOTIC = re.compile(r"^(\d+ HR )?(quetiapine|lurasidone|cariprazine|lumateperone) ")

CLASSES = {
    "benzodiazepines": ("Benzodiazepines", "ketamine: respiratory depression and a blunted response", [
        ("596", "alprazolam"), ("2598", "clonazepam"), ("3322", "diazepam"), ("6960", "midazolam"),
        ("10767", "triazolam"), ("4501", "flurazepam"), ("35185", "quazepam"), ("21241", "clobazam"),
        ("6470", "lorazepam"), ("10355", "temazepam"), ("2356", "chlordiazepoxide"), ("7781", "oxazepam")]),
    "opioids": ("Opioids", "ketamine: respiratory depression", [
        ("7052", "morphine"), ("7804", "oxycodone"), ("2670", "codeine"), ("4337", "fentanyl"), ("10689", "tramadol"),
        ("6813", "methadone"), ("5489", "hydrocodone"), ("6754", "meperidine"), ("7814", "oxymorphone"),
        ("787390", "tapentadol"), ("1819", "buprenorphine"), ("56795", "sufentanil"), ("73032", "remifentanil"),
        ("480", "alfentanil"), ("23088", "dihydrocodeine"), ("3423", "hydromorphone")]),
    "mao-inhibitors": ("Monoamine oxidase inhibitors", "ketamine: blood pressure", [
        ("8123", "phenelzine"), ("10734", "tranylcypromine"), ("6011", "isocarboxazid"), ("9639", "selegiline")]),
    "stimulants": ("Stimulants", "ketamine: blood pressure", [
        ("725", "amphetamine"), ("3288", "dextroamphetamine"), ("6901", "methylphenidate"),
        ("700810", "lisdexamfetamine"), ("30125", "modafinil")]),
    "clozapine": ("Clozapine", "TMS: seizure threshold", [("2626", "clozapine")]),
}
BIPOLAR_TREATMENTS = [("51272", "quetiapine"), ("1040028", "lurasidone"), ("28439", "lamotrigine"),
                      ("6448", "lithium"), ("1667655", "cariprazine"), ("2286154", "lumateperone")]


def _verified_in_reference():
    """RxCUIs that CLINICAL-REFERENCE.md section 3 tags VERIFIED (not 'single source - confirm')."""
    return {r["rxcui"] for r in ref.section3_ingredients() if r["status"].startswith("VERIFIED")}


def is_verified(rxcui):
    return rxcui in _verified_in_reference() or rxcui in CONFIRMED_PUBLIC


def ingredient(rxcui, name):
    return c(RXNORM, rxcui, name, unverified=not is_verified(rxcui))


def excluded_products():
    products = {}
    for oid in PRODUCT_SETS:
        for k in vsac_codes(oid, RXNORM):
            products[k["code"]] = k
    reasons = [
        (r"^Smoking Cessation ", "smoking-cessation bupropion (CLINICAL-REFERENCE.md section 3)"),
        (r"^selegiline hydrochloride .* Oral ", "oral selegiline, a Parkinson's product (CLINICAL-REFERENCE.md 3)"),
        (r"^doxepin [36] MG Oral Tablet$", "doxepin 3/6 mg tablets, an insomnia product (CLINICAL-REFERENCE.md 3)"),
        (r"(?<!levo)milnacipran", "milnacipran, fibromyalgia only in the US (PROTOCOL-v2 section 9)"),
        (r"lamotrigine", "lamotrigine, a mood stabiliser (bipolar-depression-treatments), not an antidepressant"),
        (r"5-hydroxytryptophan", "5-hydroxytryptophan, a supplement in 'Adult Depression Medications'"),
    ]
    excluded, notes = [], {}
    for k in sorted(products.values(), key=lambda k: k["display"].lower()):
        for pattern, reason in reasons:
            if re.search(pattern, k["display"]):
                excluded.append(k)
                notes.setdefault(reason, []).append(k["code"])
                break
    return excluded, "; ".join("%s: %s" % (reason, ", ".join(codes)) for reason, codes in notes.items())


def antidepressants(value_set):
    excluded, note = excluded_products()
    return value_set(
        "antidepressants", "Antidepressants (ingredients and products)",
        "Antidepressant trials (PROTOCOL-v2 section 1). Ingredients: the RxNorm ingredient codes of the antidepressant "
        "classes of CLINICAL-REFERENCE.md section 3 (SSRI, SNRI, TCA, tetracyclic, MAOI incl. selegiline, NDRI, "
        "NaSSA, SARI, SPARI, multimodal) except milnacipran (PROTOCOL-v2 section 9: fibromyalgia only in the US); NOT "
        "ketamine, esketamine, lithium or antipsychotics. Products (SCD): %s, %s and %s. Excluded products: %s. "
        "Low-dose uses of true antidepressants (trazodone for sleep, amitriptyline for pain) stay in and fall below "
        "the minimum-dose table. Dextromethorphan-bupropion (2611260) counts as bupropion and has its own dose row."
        % (vsac_title(AD_MEDICATION), vsac_title(ADULT_DEPRESSION_MEDS), vsac_title(ANTIDEPRESSANTS), note),
        [ingredient(i["rxcui"], i["name"]) for i in ref.antidepressant_ingredients()]
        + include_value_sets(*(vsac_url(o) for o in PRODUCT_SETS)),
        excluded)


def bipolar_treatment_products():
    products = [k for k in vsac_codes(ADULT_DEPRESSION_MEDS, RXNORM) if re.search(r"lamotrigine", k["display"])]
    products += [k for k in vsac_codes(AD_MEDICATION, RXNORM) if k["code"] in OFC_PRODUCTS]
    products += [k for k in vsac_codes(ANTIPSYCHOTICS_OLDER_ADULTS, RXNORM) if BIPOLAR_ANTIPSYCHOTIC.match(k["display"])]
    return products


def bipolar_depression_treatments(value_set):
    return value_set(
        "bipolar-depression-treatments", "Bipolar depression treatments",
        "Trials counted on the bipolar pathway of the TRD rule (PROTOCOL-v2 section 2): quetiapine, lurasidone, "
        "lamotrigine, lithium, cariprazine, lumateperone and olanzapine-fluoxetine. Ingredients: quetiapine and "
        "lithium VERIFIED (CLINICAL-REFERENCE.md section 3), lamotrigine in %s; lurasidone, cariprazine and "
        "lumateperone unverified. Olanzapine-fluoxetine is recognised by its combination products (SCD, %s: 721787, "
        "403969-403972), not by olanzapine alone; lamotrigine products from %s; quetiapine, lurasidone and "
        "cariprazine products from %s (PROTOCOL-v3 section A.2). Antidepressant monotherapy is not in it."
        % (PUBLIC_RXNAV, vsac_title(AD_MEDICATION), vsac_title(ADULT_DEPRESSION_MEDS),
           vsac_title(ANTIPSYCHOTICS_OLDER_ADULTS)),
        [ingredient(code, name) for code, name in BIPOLAR_TREATMENTS] + bipolar_treatment_products())


def ketamine(value_set):
    return value_set(
        "ketamine", "Ketamine (racemic)",
        "Ketamine orders, sessions and courses. RxNorm ingredient 6130 (VERIFIED, CLINICAL-REFERENCE.md section 3). "
        "No ketamine product (SCD/SBD) code could be verified, so none is listed and the product map has none: a "
        "product order is recognised by a contained or referenced Medication whose ingredient is 6130 (PROTOCOL-v2). "
        "Governance adds verified product codes here and in knowledge/Bundle-rxnorm-products.json.",
        [c(RXNORM, "6130", "ketamine")])


def esketamine(value_set):
    return value_set(
        "esketamine", "Esketamine",
        "Esketamine (fixed-dose nasal spray) courses. RxNorm ingredient 2119365: single source in CLINICAL-REFERENCE.md "
        "section 3, so unverified. No Spravato product code is verified (NDC 50458-028 is an NDC, not an RxCUI).",
        [c(RXNORM, "2119365", "esketamine", unverified=True)])


def concurrent_classes(value_set):
    sets = []
    for identifier, (title, why, members) in CLASSES.items():
        sets.append(value_set(
            identifier, title,
            "concurrent-medication-caution (PROTOCOL-v2 section 4): an active prescription changes the risk (%s). "
            "RxNorm ingredient codes; confirmed ones are in %s or CLINICAL-REFERENCE.md section 3." % (why, PUBLIC_RXNAV),
            [ingredient(code, name) for code, name in members]))
    return sets
