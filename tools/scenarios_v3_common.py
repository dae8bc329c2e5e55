"""Shared by the v3 checker scenario sections: the scenario() writer, order and session builders, fixed ages."""
import os

from scenarios_v3_base import *  # noqa: F401,F403 (the sections use the builders through this module)
from scenarios_v3_base import (ASOF, ESKETAMINE, ICD10CM, KETAMINE, NASAL, RXNORM, administration, bundle, concept,
                               draft, phq9)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "scenarios-v3")
SCENARIOS = []
SERVICES = {"patient-view": "ketamine-tms-screening", "order-sign": "ketamine-tms-order-sign",
            "order-select": "ketamine-tms-order-select"}
MDD_REASON = concept(ICD10CM, "F33.2", "Major depressive disorder, recurrent severe without psychotic features")
OLD = "1956-06-01"    # 70 at asOf
TEEN = "2010-06-01"   # 16 at asOf
FIFTY = "1976-05-01"


def scenario(name, rule, why, hook, pid, record, drafts=None, inc=(), exc=(), no_cards=False, checks=(), modes=None):
    s = {"name": name, "rule": rule, "why": why, "asOf": ASOF.strftime("%Y-%m-%dT%H:%M:%SZ"), "hook": hook,
         "service": SERVICES[hook], "patientId": pid, "record": bundle(record),
         "draftOrders": bundle(drafts) if drafts else None}
    if modes:
        s["modes"] = modes
    s["expect"] = {"topicsIncluded": list(inc), "topicsExcluded": list(exc), "noCards": no_cards,
                   "checks": [{"kind": k, "value": v} for k, v in checks]}
    SCENARIOS.append(s)


def ket(pid, oid="ket-1", mg=40, **kw):
    kw.setdefault("text", f"{mg} mg IV over 40 minutes, 3 times a week")
    return draft(pid, oid, KETAMINE, mg, **kw)


def esk(pid, oid="esk-1", mg=56, per_week=2, **kw):
    return draft(pid, oid, ESKETAMINE, mg, text=f"{mg} mg intranasally", route=NASAL, per_week=per_week,
                 duration=None, **kw)


def esk_session(pid, days, mg=56):
    return administration(pid, ESKETAMINE, days, mg, route=NASAL, minutes=5)


def ket_session(pid, days, mg=40):
    return administration(pid, KETAMINE, days, mg)


def medication(mid, code_text, ingredient=True, local_code="77001"):
    m = {"resourceType": "Medication", "id": mid,
         "code": {"coding": [{"system": "urn:oid:1.2.840.114350.1.13.0.1.7.2.698288", "code": local_code,
                              "display": code_text}], "text": code_text}}
    if ingredient:
        m["ingredient"] = [{"itemCodeableConcept": {"coding": [{"system": RXNORM, "code": "6130", "display": "ketamine"}]},
                            "isActive": True,
                            "strength": {"numerator": {"value": 10, "unit": "mg", "system": "http://unitsofmeasure.org",
                                                       "code": "mg"},
                                         "denominator": {"value": 1, "unit": "mL",
                                                         "system": "http://unitsofmeasure.org", "code": "mL"}}}]
    return m


CRIT = ("indicator", ["ketamine-dose-check", "critical"])


def phq9_at(pid, score, when):
    o = phq9(pid, score, 0)
    o["effectiveDateTime"] = when
    return o
