"""Observation value sets (LOINC and the project's assessment-scales code)."""
from vocab_common import LOINC, SCALES, c, include_value_sets, many, value_set as _vs, vsac_title, vsac_url

PHQ9_TOOLS = "2.16.840.1.113883.3.67.1.101.1.263"


def observations(value_set):
    return [
        value_set("phq9-total", "PHQ-9 total score",
                  "Baseline and follow-up severity. LOINC 44261-6 PHQ-9 total score and, through %s, 89204-2 PHQ-9 "
                  "Modified for Teens total score (same 0-27 scale and bands)." % vsac_title(PHQ9_TOOLS),
                  include_value_sets(vsac_url(PHQ9_TOOLS))
                  + [c(LOINC, "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]")]),
        value_set("madrs-total", "MADRS total score",
                  "MADRS total (0-60). No LOINC code for the MADRS total is verified (CLINICAL-REFERENCE.md section 1), "
                  "so the project code %s#madrs-total is used; an EHR sends it as an extra coding or asks governance "
                  "to add its local code here." % SCALES,
                  [c(SCALES, "madrs-total", "MADRS total score")]),
        value_set("phq9-item9", "PHQ-9 item 9 (thoughts of self-harm)",
                  "PHQ-9 item 9 for the suicide-risk tiers (PROTOCOL-v2 section 5). LOINC 44260-8 (VERIFIED B); "
                  "answers as integers or LOINC answer codes (knowledge/Parameters-loinc-answer-scores.json).",
                  [c(LOINC, "44260-8", "Thoughts that you would be better off dead, or of hurting yourself in some way")]),
        value_set("bp-panel", "Blood pressure panel",
                  "Blood pressure panel whose components carry systolic and diastolic values. LOINC 85354-9 (VERIFIED C, B).",
                  [c(LOINC, "85354-9", "Blood pressure panel with all children optional")]),
        value_set("systolic-bp", "Systolic blood pressure",
                  "Systolic BP, a component of the panel or a stand-alone Observation. LOINC 8480-6 (VERIFIED C).",
                  [c(LOINC, "8480-6", "Systolic blood pressure")]),
        value_set("diastolic-bp", "Diastolic blood pressure",
                  "Diastolic BP, a component of the panel or a stand-alone Observation. LOINC 8462-4 (VERIFIED C).",
                  [c(LOINC, "8462-4", "Diastolic blood pressure")]),
        value_set("body-weight", "Body weight",
                  "Body weight for the weight-based ketamine dose check. LOINC 29463-7 Body weight and 3141-9 Body "
                  "weight Measured (VERIFIED A, B). Stated, usual and dialysis weights are not used.",
                  many(LOINC, [("29463-7", "Body weight"), ("3141-9", "Body weight Measured")])),
        value_set("lithium-level", "Serum lithium level",
                  "Lithium is adequate on the bipolar pathway by a serum level >= 0.6 mmol/L during the trial "
                  "(PROTOCOL-v2 section 2). LOINC 14334-7 Lithium [Moles/volume] in Serum or Plasma: not in "
                  "CLINICAL-REFERENCE.md, so unverified until governance confirms it.",
                  [c(LOINC, "14334-7", "Lithium [Moles/volume] in Serum or Plasma", unverified=True)]),
    ]
