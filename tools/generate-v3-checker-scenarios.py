#!/usr/bin/env python3
"""Writes the v3 checker scenarios (chk-*.json) into src/test/resources/scenarios-v3/ (python3, stdlib only).

Each scenario's expectation comes from the text of PROTOCOL-v3 (sections A-F; PROTOCOL-v2 where v3 is silent), written
before the code's answer was read: `rule` names the section, `why` quotes or paraphrases the rule. Deterministic: a
re-run gives no diff. Run from anywhere: python3 tools/generate-v3-checker-scenarios.py
"""
import json
import os
from scenarios_v3_abc import section_a, section_b, section_c
from scenarios_v3_common import OUT, SCENARIOS
from scenarios_v3_d import section_d
from scenarios_v3_ef import section_e, section_f


def main():
    for section in (section_a, section_b, section_c, section_d, section_e, section_f):
        section()
    names = [s["name"] for s in SCENARIOS]
    assert len(names) == len(set(names)), "duplicate scenario names"
    os.makedirs(OUT, exist_ok=True)
    for s in SCENARIOS:
        with open(os.path.join(OUT, s["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(s, f, indent=1, ensure_ascii=False)
            f.write("\n")
    counts = {}
    for s in SCENARIOS:
        counts[s["name"].split("-")[1]] = counts.get(s["name"].split("-")[1], 0) + 1
    print(len(SCENARIOS), "scenarios", counts)


if __name__ == "__main__":
    main()
