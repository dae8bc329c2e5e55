"""Builders for the v3 checker scenarios (tools/generate-v3-checker-scenarios.py): FHIR R4 resources as JSON dicts,
dated relative to one instant (ASOF, the scenarios' asOf), and the record of a patient who is otherwise a candidate
for the combination (the record of the worked scenarios of protocol v3: MDD F33.2, two failed adequate
antidepressant trials, a failed IV ketamine course, PHQ-9 22 ten days ago, blood pressure 124/78, 80 kg)."""
from datetime import datetime, timedelta, timezone

ASOF = datetime(2026, 12, 6, 22, 42, 35, tzinfo=timezone.utc)
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
SNOMED = "http://snomed.info/sct"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
LOINC = "http://loinc.org"
CPT = "http://www.ama-assn.org/go/cpt"
UCUM = "http://unitsofmeasure.org"
IV = {"coding": [{"system": SNOMED, "code": "47625008", "display": "Intravenous route"}]}
IM = {"coding": [{"system": SNOMED, "code": "78421000", "display": "Intramuscular route"}]}
NASAL = {"coding": [{"system": SNOMED, "code": "46713006", "display": "Nasal route"}]}
ORAL = {"coding": [{"system": SNOMED, "code": "26643006", "display": "Oral route"}]}

_ids = [1000]


def nid(prefix):
    _ids[0] += 1
    return f"{prefix}-c{_ids[0]}"


def ago(days, hours=0):
    """The instant `days` (and hours) before ASOF, as FHIR dateTime."""
    return (ASOF - timedelta(days=days, hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")


def concept(system, code, display, text=None):
    return {"coding": [{"system": system, "code": code, "display": display}], "text": text or display}


def patient(pid, birth="1979-03-14", gender="female"):
    p = {"resourceType": "Patient", "id": pid, "gender": gender, "name": [{"family": "Checker", "given": [pid]}]}
    if birth:
        p["birthDate"] = birth
    return p


def condition(pid, system, code, display, onset_days=None, status="active", recorded_days=None, body_site=None,
              abatement_days=None):
    c = {"resourceType": "Condition", "id": nid("cond"), "subject": {"reference": f"Patient/{pid}"},
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                        "code": status}]},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                                            "code": "confirmed"}]},
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category",
                                   "code": "problem-list-item"}]}],
         "code": concept(system, code, display)}
    if body_site:
        c["bodySite"] = [body_site]
    if onset_days is not None:
        c["onsetDateTime"] = ago(onset_days)
    rec = recorded_days if recorded_days is not None else onset_days
    if rec is not None:
        c["recordedDate"] = ago(rec)
    if abatement_days is not None:
        c["abatementDateTime"] = ago(abatement_days)
    return c


def icd(pid, code, display, onset_days=None, **kw):
    return condition(pid, ICD10CM, code, display, onset_days, **kw)


def sct(pid, code, display, onset_days=None, **kw):
    return condition(pid, SNOMED, code, display, onset_days, **kw)


def dosage(mg=None, text=None, per=None, period_unit="d", route=None, duration=None, count=None, as_needed=False,
           unit="mg", timing_code=None, key="doseQuantity"):
    d = {}
    if text:
        d["text"] = text
    if route:
        d["route"] = route
    repeat = {}
    if count is not None:
        repeat["count"] = count
    if duration is not None:
        repeat["duration"] = duration
        repeat["durationUnit"] = "min"
    if per is not None:
        repeat.update({"frequency": per, "period": 1, "periodUnit": period_unit})
    if repeat or timing_code:
        d["timing"] = {}
        if repeat:
            d["timing"]["repeat"] = repeat
        if timing_code:
            d["timing"]["code"] = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation",
                                               "code": timing_code}], "text": timing_code}
    if as_needed:
        d["asNeededBoolean"] = True
    if mg is not None:
        d["doseAndRate"] = [{key: {"value": mg, "unit": unit, "system": UCUM, "code": unit}}]
    return d


def med_statement(pid, rx_code, name, start_days, end_days=None, mg=None, per_day=1, status=None, route=None,
                  text=None):
    s = {"resourceType": "MedicationStatement", "id": nid("ms"),
         "status": status or ("completed" if end_days is not None else "active"),
         "medicationCodeableConcept": concept(RXNORM, rx_code, name), "subject": {"reference": f"Patient/{pid}"},
         "effectivePeriod": {"start": ago(start_days)}, "dateAsserted": ago(5)}
    if end_days is not None:
        s["effectivePeriod"]["end"] = ago(end_days)
    if mg is not None:
        s["dosage"] = [dosage(mg, text or f"{mg} mg {per_day} times daily", per=per_day, route=route)]
    elif text:
        s["dosage"] = [{"text": text, **({"route": route} if route else {})}]
    return s


def med_request(pid, medication, start_days, mg=None, per_day=1, status="active", text=None, **extra):
    r = {"resourceType": "MedicationRequest", "id": nid("mr"), "status": status, "intent": "order",
         "subject": {"reference": f"Patient/{pid}"}, "authoredOn": ago(start_days)}
    r.update(medication)
    if mg is not None:
        r["dosageInstruction"] = [dosage(mg, text or f"{mg} mg {per_day} times daily", per=per_day)]
    r.update(extra)
    return r


def administration(pid, medication, days, mg, route=IV, minutes=40, rid=None):
    start = ASOF - timedelta(days=days)
    a = {"resourceType": "MedicationAdministration", "id": rid or nid("ma"), "status": "completed",
         "subject": {"reference": f"Patient/{pid}"},
         "effectivePeriod": {"start": start.strftime("%Y-%m-%dT%H:%M:%SZ"),
                             "end": (start + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")},
         "dosage": {"route": route, "dose": {"value": mg, "unit": "mg", "system": UCUM, "code": "mg"}}}
    a.update(medication)
    return a


def codeable(rx_code, name, text=None):
    return {"medicationCodeableConcept": concept(RXNORM, rx_code, name, text)}


KETAMINE = codeable("6130", "ketamine", "ketamine IV infusion")
ESKETAMINE = codeable("2119365", "esketamine", "esketamine nasal spray")


def observation(pid, system, code, display, days, category="laboratory", status="final", **value):
    o = {"resourceType": "Observation", "id": nid("obs"), "status": status,
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                   "code": category}]}],
         "code": concept(system, code, display), "subject": {"reference": f"Patient/{pid}"},
         "effectiveDateTime": ago(days)}
    o.update(value)
    return o


def quantity(value, unit):
    return {"valueQuantity": {"value": value, "unit": unit, "system": UCUM, "code": unit}}


def phq9(pid, score, days):
    return observation(pid, LOINC, "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
                       days, category="survey", **quantity(score, "{score}"))


ITEM9_ANSWERS = {0: ("LA6568-5", "Not at all"), 1: ("LA6569-3", "Several days"),
                 2: ("LA6570-1", "More than half the days"), 3: ("LA6571-9", "Nearly every day")}


def item9(pid, answer, days):
    code, display = ITEM9_ANSWERS[answer]
    return observation(pid, LOINC, "44260-8",
                       "Thoughts that you would be better off dead, or of hurting yourself in some way", days,
                       category="survey", valueCodeableConcept=concept(LOINC, code, display))


def bp(pid, systolic, diastolic, days):
    o = observation(pid, LOINC, "85354-9", "Blood pressure panel with all children optional", days,
                    category="vital-signs")
    o["component"] = [{"code": {"coding": [{"system": LOINC, "code": "8480-6", "display": "Systolic blood pressure"}]},
                       **quantity(systolic, "mm[Hg]")},
                      {"code": {"coding": [{"system": LOINC, "code": "8462-4", "display": "Diastolic blood pressure"}]},
                       **quantity(diastolic, "mm[Hg]")}]
    return o


def weight(pid, kg, days=10):
    return observation(pid, LOINC, "29463-7", "Body weight", days, category="vital-signs", **quantity(kg, "kg"))


def hcg(pid, loinc, display, days, value=None, unit="m[IU]/mL", coded=None):
    if coded:
        return observation(pid, LOINC, loinc, display, days, valueCodeableConcept=concept(SNOMED, *coded))
    return observation(pid, LOINC, loinc, display, days, **quantity(value, unit))


def procedure(pid, system, code, display, days, status="completed", outcome=None, body_site=None):
    p = {"resourceType": "Procedure", "id": nid("proc"), "status": status, "code": concept(system, code, display),
         "subject": {"reference": f"Patient/{pid}"}, "performedDateTime": ago(days)}
    if outcome:
        p["outcome"] = outcome
    if body_site:
        p["bodySite"] = [body_site]
    return p


def tms_session(pid, days):
    return procedure(pid, CPT, "90868",
                     "Therapeutic repetitive transcranial magnetic stimulation (TMS) treatment; subsequent delivery "
                     "and management, per session", days)


def candidate_record(pid, birth="1979-03-14", gender="female", ketamine_course=True, weight_kg=80, bp_ok=True,
                     mdd=True, bupropion=True):
    """The otherwise-candidate record: a list of resources (Patient first)."""
    r = [patient(pid, birth, gender)]
    if mdd:
        r.append(icd(pid, "F33.2", "Major depressive disorder, recurrent severe without psychotic features", 700))
    r += [med_statement(pid, "36437", "sertraline", 400, 300, mg=150),
          med_statement(pid, "321988", "escitalopram", 290, 210, mg=20)]
    if bupropion:
        r.append(med_statement(pid, "42347", "bupropion", 20, mg=300))
    r += [phq9(pid, 21, 410), phq9(pid, 20, 305), phq9(pid, 19, 215), phq9(pid, 18, 118), phq9(pid, 22, 10)]
    if ketamine_course:
        r.append(med_statement(pid, "6130", "ketamine", 150, 120, route=IV,
                               text="0.5 mg/kg IV over 40 minutes, twice weekly"))
    if bp_ok:
        r += [bp(pid, 124, 78, 5), bp(pid, 126, 80, 40)]
    if weight_kg:
        r.append(weight(pid, weight_kg))
    return r


def draft(pid, oid, medication, mg=None, text=None, route=IV, per_week=3, duration=40, count=None, as_needed=False,
          reason=None, unit="mg", timing_code=None, contained=None):
    r = {"resourceType": "MedicationRequest", "id": oid, "status": "draft", "intent": "order",
         "subject": {"reference": f"Patient/{pid}"}, "authoredOn": ago(0)}
    if contained:
        r["contained"] = contained
    r.update(medication)
    r["dosageInstruction"] = [dosage(mg, text, per=per_week, period_unit="wk", route=route, duration=duration,
                                     count=count, as_needed=as_needed, unit=unit, timing_code=timing_code)]
    if reason:
        r["reasonCode"] = [reason]
    return r


def tms_order(pid, oid, code=None, text=None):
    s = {"resourceType": "ServiceRequest", "id": oid, "status": "draft", "intent": "order",
         "subject": {"reference": f"Patient/{pid}"}, "authoredOn": ago(0)}
    s["code"] = code or concept(CPT, "90867", "Therapeutic repetitive transcranial magnetic stimulation (TMS) "
                                "treatment; initial, including cortical mapping, motor threshold determination, "
                                "delivery and management")
    if text:
        s["code"]["text"] = text
    return s


def bundle(resources):
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in resources]}
