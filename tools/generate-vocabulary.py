#!/usr/bin/env python3
"""Generates fhir-profiles/vocabulary/: the ValueSets of the knowledge (V2 contract and the V3 ids), the assessment-scales
CodeSystem, and unchanged copies of the VSAC expansions they include (vocabulary/vsac/). Stdlib only.

    python3 tools/generate-vocabulary.py REFERENCE_FOLDER

REFERENCE_FOLDER holds CLINICAL-REFERENCE.md and terminology/vsac/. CodeSystem-card-topics.json and
CodeSystem-override-reasons.json belong to the rules (cds-cards) side and are not written here. Patterns of the
protocol ("F1x.1x", "G40.x1x", "T36-T65 with intent 2") are expanded here into explicit code lists, so a reviewer
reads codes and the service matches codes exactly.
"""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clinical_reference as ref  # noqa: E402

ref.configure(sys.argv)

import vocab_common as common  # noqa: E402
import vocab_medications as medications  # noqa: E402
import vocab_mood as mood  # noqa: E402
import vocab_observations as observations  # noqa: E402
import vocab_safety as safety  # noqa: E402
import vocab_substance as substance  # noqa: E402
import vocab_suicide as suicide  # noqa: E402
import vocab_vascular as vascular  # noqa: E402
import vocab_pregnancy_v3 as pregnancy_v3  # noqa: E402
import vocab_v3_conditions as conditions_v3  # noqa: E402
import vocab_v3_medications as medications_v3  # noqa: E402
from product_map_v3 import V3_SETS as PRODUCT_MAP_V3_SETS  # noqa: E402


def value_sets():
    vs = common.value_set
    builders = [mood.depressive_disorders, mood.depressive_spectrum, mood.full_remission, mood.bipolar_disorders,
                mood.bipolar_depressed_episode, mood.psychotic_disorders,
                suicide.suicidal_ideation, suicide.suicide_attempt, suicide.suicidal_behaviour_history,
                substance.substance_use_disorders_active, substance.opioid_maintenance,
                safety.epilepsy, safety.epilepsy_intractable, safety.hypertension, safety.hypertensive_crisis,
                safety.pregnancy, safety.pregnancy_status, safety.pregnant_answer, safety.tms_procedures,
                vascular.vascular_aneurysm_avm, vascular.intracranial_hemorrhage, vascular.myocardial_infarction,
                vascular.cerebral_edema, vascular.tms_implants, vascular.tms_implant_procedures,
                vascular.cardiac_devices,
                medications.antidepressants, medications.bipolar_depression_treatments, medications.ketamine,
                medications.esketamine,
                # protocol v3 (PROTOCOL-v3 section B and V3-IDS)
                mood.broad_depression_only, pregnancy_v3.pregnancy_end, pregnancy_v3.pregnancy_end_procedures,
                pregnancy_v3.pregnancy_test, pregnancy_v3.pregnancy_test_positive,
                pregnancy_v3.pregnancy_test_negative, pregnancy_v3.hcg_excluded_tests, pregnancy_v3.hcg_tumours,
                pregnancy_v3.breastfeeding, conditions_v3.dementia, conditions_v3.opioid_use_disorder,
                conditions_v3.neurostimulator_below_neck, conditions_v3.ect_procedures, medications_v3.moud,
                medications_v3.augmentation_agents]
    result = [build(vs) for build in builders]
    result += medications.concurrent_classes(vs) + observations.observations(vs)
    ids = [v["id"] for v in result]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate value-set ids: %s" % ids)
    return result


def assessment_scales():
    return {
        "resourceType": "CodeSystem", "id": "assessment-scales", "url": common.SCALES, "version": common.VERSION,
        "name": "AssessmentScales", "title": "Assessment scales without a verified standard code", "status": "active",
        "experimental": False, "date": common.DATE, "publisher": "trd-cds-hooks clinical governance",
        "description": "Project codes for assessment scores that have no verified LOINC code (CLINICAL-REFERENCE.md "
                       "section 1). An EHR that records the MADRS under its own local code either sends this system "
                       "and code as an additional Observation.code.coding or asks clinical governance to add its code "
                       "to fhir-profiles/vocabulary/ValueSet-madrs-total.json.",
        "caseSensitive": True, "content": "complete", "count": 1,
        "concept": [{"code": "madrs-total", "display": "MADRS total score",
                     "definition": "Montgomery-Asberg Depression Rating Scale total score, 0-60 (Montgomery & "
                                   "Asberg 1979)."}],
    }


def main():
    os.makedirs(common.VSAC_OUT, exist_ok=True)
    sets = value_sets()
    for oid, _ in PRODUCT_MAP_V3_SETS:  # the product map's sources: checked complete and copied too
        common.vsac(oid)
    for resource in sets:
        common.write(resource, "ValueSet-%s.json" % resource["id"])
    common.write(assessment_scales(), "CodeSystem-assessment-scales.json")
    for name in os.listdir(common.VSAC_OUT):
        os.remove(os.path.join(common.VSAC_OUT, name))
    for oid in sorted(common.used_vsac):
        shutil.copyfile(os.path.join(ref.VSAC_DIR, "valueset-%s.json" % oid),
                        os.path.join(common.VSAC_OUT, "valueset-%s.json" % oid))
    print("wrote %d value sets, 1 code system, %d VSAC copies (input %s)" % (len(sets), len(common.used_vsac),
                                                                           ref.SHARED))
    for oid, count in sorted(common.vsac_counts().items()):
        print("  VSAC %s: %d codes, complete" % (oid, count))


if __name__ == "__main__":
    main()
