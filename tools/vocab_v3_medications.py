"""Medication value sets new in PROTOCOL-v3: moud (maintenance treatment of opioid use disorder, section D) and
augmentation-agents (the established options of section F). Products come from the VSAC expansions only."""
import re

from vocab_common import RXNORM, c, include_value_sets, vsac_codes, vsac_title, vsac_url
from vocab_medications import AD_MEDICATION, OFC_PRODUCTS, ingredient

MOUD = "2.16.840.1.113762.1.4.1046.269"
OPIOIDS_ALL = "2.16.840.1.113762.1.4.1196.226"
ANTIPSYCHOTICS_OLDER_ADULTS = "2.16.840.1.113883.3.464.1003.196.12.1523"
# Not maintenance treatment: transdermal buprenorphine (pain) and the analgesic injection (Buprenex).
NOT_MOUD = re.compile(r"Transdermal|^1 ML buprenorphine 0\.3 MG/ML Injection$")
# Extended-release buprenorphine injections for opioid use disorder (weekly and monthly prefilled syringes).
ER_BUPRENORPHINE = re.compile(r"^[\d.]+ ML buprenorphine (50|200|356) MG/ML Prefilled Syringe$")
MOUD_INGREDIENTS = [("6813", "methadone"), ("1819", "buprenorphine"), ("7243", "naltrexone")]
AUGMENTATION = [("6448", "lithium"), ("89013", "aripiprazole"), ("1658314", "brexpiprazole"),
                ("51272", "quetiapine"), ("1667655", "cariprazine")]
AUGMENTATION_PRODUCTS = re.compile(r"^(aripiprazole|brexpiprazole|quetiapine|cariprazine) ")


def moud(value_set):
    excluded = [k for k in vsac_codes(MOUD, RXNORM) if NOT_MOUD.search(k["display"])]
    er_injections = [c(RXNORM, k["code"], k["display"], unverified=True) for k in vsac_codes(OPIOIDS_ALL, RXNORM)
                     if ER_BUPRENORPHINE.match(k["display"])]
    if len(excluded) != 6 or not er_injections:
        raise SystemExit("MOUD exclusions (%d) or ER buprenorphine injections (%d) changed: check %s and %s"
                         % (len(excluded), len(er_injections), MOUD, OPIOIDS_ALL))
    return value_set(
        "moud", "Medications for opioid use disorder (maintenance treatment)",
        "MOUD of PROTOCOL-v3 section D: an opioid use disorder with an active prescription of these is a caution, "
        "not contraindication-active-substance-use. The whole of %s (methadone, sublingual and buccal buprenorphine "
        "with or without naloxone, extended-release naltrexone injection) less its transdermal buprenorphine systems "
        "and the 0.3 mg/mL analgesic injection (Buprenex); plus the extended-release buprenorphine injections "
        "(prefilled syringes of %s; their place in MOUD is the protocol's, unverified) and the single-ingredient "
        "ingredients methadone 6813, buprenorphine 1819 (public RxNav table) and naltrexone 7243 (unverified), so "
        "that oral naltrexone and a product sent by its ingredient are recognised. No oral naltrexone product code "
        "is in a stored source." % (vsac_title(MOUD), vsac_title(OPIOIDS_ALL)),
        include_value_sets(vsac_url(MOUD)) + er_injections
        + [ingredient(code, name) if code != "7243" else c(RXNORM, code, name, unverified=True)
           for code, name in MOUD_INGREDIENTS],
        excluded)


def augmentation_agents(value_set):
    products = [k for k in vsac_codes(ANTIPSYCHOTICS_OLDER_ADULTS, RXNORM)
                if AUGMENTATION_PRODUCTS.match(k["display"])]
    ofc = [k for k in vsac_codes(AD_MEDICATION, RXNORM) if k["code"] in OFC_PRODUCTS]
    return value_set(
        "augmentation-agents", "Augmentation agents (established options)",
        "Augmentation of an antidepressant named as an established option on the candidate card (PROTOCOL-v3 "
        "section F; not counted toward TRD, section H): lithium, aripiprazole, brexpiprazole, quetiapine, cariprazine "
        "and olanzapine with fluoxetine. Ingredients: lithium, aripiprazole, quetiapine, brexpiprazole VERIFIED "
        "(CLINICAL-REFERENCE.md section 3); cariprazine unverified. Products: the aripiprazole, "
        "brexpiprazole, quetiapine and cariprazine products of %s and the olanzapine-fluoxetine products of %s. No "
        "lithium product code (PROTOCOL-v3 section H); olanzapine alone is an antipsychotic, neither it nor its "
        "products are listed: the option is olanzapine-fluoxetine, its products named by their dose-table row." % (vsac_title(ANTIPSYCHOTICS_OLDER_ADULTS),
                                                              vsac_title(AD_MEDICATION)),
        [ingredient(code, name) for code, name in AUGMENTATION] + products + ofc)

