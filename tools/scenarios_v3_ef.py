"""The v3 checker scenarios of PROTOCOL-v3 section E (order hooks) and F (what the clinician reads)."""
from scenarios_v3_common import *  # noqa: F401,F403


def section_e():
    pid = "chk-e1"
    scenario("chk-E-os-under-18-esketamine-outside-protocol-age", "E (under 18), G",
             "A 16-year-old, esketamine 56 mg: outside-protocol-age (esketamine is not approved under 18).",
             "order-sign", pid, candidate_record(pid, birth=TEEN), [esk(pid, "esk-e1")],
             inc=["outside-protocol-age"], checks=[("indicator", ["outside-protocol-age", "warning"])])
    pid = "chk-e2"
    scenario("chk-E-os-under-18-no-weight-ceiling-not-checked", "E (under 18, no weight)",
             "A 16-year-old with no weight: outside-protocol-age; the card says 'ceiling not checked: no weight'.",
             "order-sign", pid, candidate_record(pid, birth=TEEN, weight_kg=None), [ket(pid, "ket-e2")],
             inc=["outside-protocol-age"], checks=[("any-card-mentions", ["ceiling not checked"])])
    pid = "chk-e3"
    scenario("chk-E-os-under-18-deviation-no-dose-suggestion", "E (under 18: dose-deviation suggestions withheld)",
             "A 16-year-old, 60 kg, 40 mg (0.67 mg/kg, a deviation, below the ceiling): no update suggestion.",
             "order-sign", pid, candidate_record(pid, birth=TEEN, weight_kg=60), [ket(pid, "ket-e3", 40)],
             inc=["outside-protocol-age"], checks=[("no-update-suggestion", "MedicationRequest/ket-e3")])
    pid = "chk-e4"
    scenario("chk-E-os-no-birthdate-could-not-check-age", "E (no birthDate)",
             "No birthDate: 'could not check: age' on the dose or monitoring card.",
             "order-sign", pid, candidate_record(pid, birth=None), [ket(pid, "ket-e4")],
             checks=[("any-card-mentions", ["could not check", "age"])])
    nocourse = dict(ketamine_course=False)
    pid = "chk-e5"
    scenario("chk-E-os-ed-sedation-108mg-once-out-of-scope", "E (order scope)",
             "No reason, no ketamine/esketamine/TMS session in 365 days, a single administration (count 1) with no "
             "duration and 108 mg at 80 kg (1.35 mg/kg > 1.0): procedural sedation, out of scope, no cards.",
             "order-sign", pid, candidate_record(pid, **nocourse),
             [ket(pid, "ket-e5", 108, text="ketamine 108 mg IV once", per_week=None, duration=None, count=1)],
             no_cards=True)
    pid = "chk-e6"
    scenario("chk-E-os-single-half-mgkg-over-40-min-in-scope", "E (order scope: first sessions are in scope)",
             "No reason, no history, a single 40 mg (0.5 mg/kg) over 40 minutes: in scope (session-monitoring).",
             "order-sign", pid, candidate_record(pid, **nocourse),
             [ket(pid, "ket-e6", 40, text="40 mg IV over 40 minutes once", per_week=None, count=1)],
             inc=["session-monitoring"])
    pid = "chk-e7"
    scenario("chk-E-os-single-stat-no-weight-in-scope", "E (no plausible weight cannot exclude)",
             "108 mg STAT with no duration, no reason, no history, but no weight: the mg/kg test cannot exclude it, "
             "in scope (weight-missing).",
             "order-sign", pid, candidate_record(pid, weight_kg=None, **nocourse),
             [ket(pid, "ket-e7", 108, text="ketamine 108 mg IV STAT", per_week=None, duration=None,
                  timing_code="STAT")],
             inc=["weight-missing"])
    pid = "chk-e8"
    scenario("chk-E-os-as-needed-no-reason-out-of-scope", "E (order scope: asNeeded)",
             "An as-needed ketamine order without a reason, no history: out of scope.",
             "order-sign", pid, candidate_record(pid, **nocourse),
             [ket(pid, "ket-e8", 20, text="ketamine 20 mg IV as needed for pain", per_week=None, duration=None,
                  as_needed=True)],
             no_cards=True)
    pid = "chk-e9"
    scenario("chk-E-os-single-108mg-signed-with-tms-in-scope", "E (order scope: with a TMS order)",
             "The ED-sedation-like order signed together with a TMS order is in scope: 1.35 mg/kg is critical.",
             "order-sign", pid, candidate_record(pid, **nocourse),
             [ket(pid, "ket-e9", 108, text="ketamine 108 mg IV once", per_week=None, duration=None, count=1),
              tms_order(pid, "tms-e9")],
             inc=["ketamine-dose-check"], checks=[CRIT])
    pid = "chk-e10"
    scenario("chk-E-os-single-im-no-duration-out-of-scope", "E (order scope: single, not IV)",
             "A single IM 40 mg ketamine order, no duration, no reason, no history: out of scope, no cards (not "
             "even order-check-incomplete).",
             "order-sign", pid, candidate_record(pid, **nocourse),
             [ket(pid, "ket-e10", 40, text="ketamine 40 mg IM once", route=IM, per_week=None, duration=None, count=1)],
             no_cards=True)
    pid = "chk-e11"
    scenario("chk-E-os-one-session-200-days-ago-keeps-in-scope", "E (any single session in 365 days counts)",
             "One ketamine administration 200 days ago: the reasonless single 108 mg order stays in scope "
             "(critical above the ceiling).",
             "order-sign", pid, candidate_record(pid, **nocourse) + [ket_session(pid, 200)],
             [ket(pid, "ket-e11", 108, text="ketamine 108 mg IV once", per_week=None, duration=None, count=1)],
             inc=["ketamine-dose-check"], checks=[CRIT])
    pid = "chk-e12"
    scenario("chk-E-os-esketamine-84-first-dose-warning", "E (esketamine first dose)",
             "First esketamine dose of a course at 84 mg (> 56): esketamine-dose-check warning.",
             "order-sign", pid, candidate_record(pid), [esk(pid, "esk-e12", 84)],
             inc=["esketamine-dose-check"], exc=["ketamine-dose-check"],
             checks=[("indicator", ["esketamine-dose-check", "warning"])])
    pid = "chk-e13"
    scenario("chk-E-os-esketamine-56-first-dose-no-dose-card", "E (esketamine first dose)",
             "First dose 56 mg twice a week, age 47: on label, no esketamine-dose-check.",
             "order-sign", pid, candidate_record(pid), [esk(pid, "esk-e13", 56)],
             exc=["esketamine-dose-check", "ketamine-dose-check"])
    pid = "chk-e14"
    scenario("chk-E-os-esketamine-84-first-dose-age-70-warning", "E (esketamine from 65)",
             "Age 70, first dose 84 mg: warning.",
             "order-sign", pid, candidate_record(pid, birth=OLD), [esk(pid, "esk-e14", 84)],
             inc=["esketamine-dose-check"], checks=[("indicator", ["esketamine-dose-check", "warning"])])
    pid = "chk-e15"
    scenario("chk-E-os-esketamine-56-first-dose-age-70-warning", "E (esketamine from 65: start 28 mg)",
             "Age 70, first dose 56 mg (> 28 mg from age 65, EU SmPC start): warning.",
             "order-sign", pid, candidate_record(pid, birth=OLD), [esk(pid, "esk-e15", 56)],
             inc=["esketamine-dose-check"], checks=[("indicator", ["esketamine-dose-check", "warning"])])
    pid = "chk-e16"
    rec = candidate_record(pid) + [esk_session(pid, d, 84) for d in (18, 15, 11, 8, 4)]
    scenario("chk-E-os-esketamine-84-twice-weekly-week-3-no-dose-card", "E (esketamine schedule)",
             "A course begun 18 days ago (week 3), sessions twice a week, order 84 mg twice a week: on label.",
             "order-sign", pid, rec, [esk(pid, "esk-e16", 84)], exc=["esketamine-dose-check"])
    pid = "chk-e17"
    rec = candidate_record(pid) + [esk_session(pid, d) for d in (10, 5, 2)]
    scenario("chk-E-os-esketamine-third-session-in-7-days-week-2-warning", "E (esketamine frequency)",
             "Course begun 10 days ago (week 2); sessions 5 and 2 days ago; a single order today makes 3 sessions "
             "in 7 days (> 2): warning.",
             "order-sign", pid, rec,
             [draft(pid, "esk-e17", ESKETAMINE, 56, text="56 mg intranasally once", route=NASAL, per_week=None,
                    duration=None, count=1)],
             inc=["esketamine-dose-check"], checks=[("indicator", ["esketamine-dose-check", "warning"])])
    pid = "chk-e18"
    rec = candidate_record(pid) + [esk_session(pid, d) for d in (40, 37, 33, 30, 26, 23, 19, 16, 12, 9, 5)]
    scenario("chk-E-os-esketamine-week-6-twice-weekly-warning", "E (esketamine frequency from week 5)",
             "Course begun 40 days ago (week 6), order 56 mg twice a week: more than 1 a week from week 5, warning.",
             "order-sign", pid, rec, [esk(pid, "esk-e18", 56)],
             inc=["esketamine-dose-check"], checks=[("indicator", ["esketamine-dose-check", "warning"])])
    pid = "chk-e19"
    scenario("chk-E-os-esketamine-urgent-suicide-regimen-no-deviation", "E (labelled regimen for acute SI), C",
             "Item 9 = 3 two days ago (urgent trigger) and a first esketamine order 84 mg twice a week: the labelled "
             "regimen for MDD with acute suicidal ideation, not a deviation.",
             "order-sign", pid, candidate_record(pid) + [item9(pid, 3, 2)], [esk(pid, "esk-e19", 84)],
             inc=["suicide-risk-urgent"], exc=["esketamine-dose-check"])
    pid = "chk-e20"
    scenario("chk-E-os-esketamine-session-monitoring-rems", "E (session-monitoring for esketamine)",
             "First esketamine order: session-monitoring with the REMS observation and no driving until the next day.",
             "order-sign", pid, candidate_record(pid), [esk(pid, "esk-e20", 56)],
             inc=["session-monitoring"], checks=[("detail-mentions", ["session-monitoring", ["REMS", "driving"]])])
    pid = "chk-e21"
    scenario("chk-E-os-blood-pressure-unknown-on-ketamine-order", "E (blood pressure unknown on order hooks)",
             "The latest blood pressure is 40 days old: blood-pressure-unknown on the ketamine order.",
             "order-sign", pid, candidate_record(pid, bp_ok=False) + [bp(pid, 124, 78, 40)], [ket(pid, "ket-e21")],
             inc=["blood-pressure-unknown"], checks=[("indicator", ["blood-pressure-unknown", "warning"])])
    pid = "chk-e22"
    scenario("chk-E-os-blood-pressure-unknown-not-when-blocked", "E (not when blocked)",
             "No blood pressure in 30 days but an active alcohol dependence blocks the order: no "
             "blood-pressure-unknown beside the contraindication.",
             "order-sign", pid,
             candidate_record(pid, bp_ok=False) + [icd(pid, "F10.20", "Alcohol dependence, uncomplicated", 300)],
             [ket(pid, "ket-e22")],
             inc=["contraindication-active-substance-use"], exc=["blood-pressure-unknown"])
    pid = "chk-e23"
    scenario("chk-E-pv-diastolic-only-blood-pressure-elevated", "E (warning >= 140 or >= 90)",
             "Latest 3 readings 132/92, 130/94, 128/91: mean diastolic >= 90 alone is the warning.",
             "patient-view", pid,
             candidate_record(pid, bp_ok=False) + [bp(pid, 132, 92, 5), bp(pid, 130, 94, 10), bp(pid, 128, 91, 15)],
             inc=["blood-pressure-elevated"], exc=["contraindication-uncontrolled-hypertension"])
    pid = "chk-e24"
    scenario("chk-E-os-pregnancy-status-line-woman-of-30", "E (pregnancy status before a course)",
             "A woman of 30 with no pregnancy test in 30 days, first ketamine order: session-monitoring adds "
             "'confirm pregnancy status before the first session'.",
             "order-sign", pid, candidate_record(pid, birth="1996-03-01"), [ket(pid, "ket-e24")],
             inc=["session-monitoring"],
             checks=[("detail-mentions", ["session-monitoring", ["pregnancy status"]])])
    pid = "chk-e25"
    scenario("chk-E-os-pregnancy-status-line-not-for-a-man", "E (pregnancy status: female 12-55 only)",
             "A man: no pregnancy status line on session-monitoring.",
             "order-sign", pid, candidate_record(pid, gender="male"), [ket(pid, "ket-e25")],
             inc=["session-monitoring"],
             checks=[("detail-not-mentions", ["session-monitoring", ["pregnancy status"]])])


def section_f():
    pid = "chk-f1"
    scenario("chk-F-os-dose-suggestion-text-drops-100-mg", "F (suggestion defects)",
             "100 mg at 72 kg: critical; the suggestion sets 36 mg and its order text no longer says '100 mg'.",
             "order-sign", pid, candidate_record(pid, weight_kg=72), [ket(pid, "ket-f1", 100)],
             inc=["ketamine-dose-check"],
             checks=[CRIT, ("dose-suggestion", 36), ("suggestion-text-not-mentions", "100 mg")])
    pid = "chk-f2"
    rec = [patient(pid), icd(pid, "F33.2", "Major depressive disorder, recurrent severe without psychotic features",
                             700),
           med_statement(pid, "36437", "sertraline", 400, 300, mg=150)]
    escitalopram = med_request(pid, codeable("321988", "escitalopram"), 0, mg=20, status="completed")
    escitalopram["authoredOn"] = "2026-05-05T10:00:00Z"
    escitalopram["dispenseRequest"] = {"validityPeriod": {"start": "2026-05-05T10:00:00Z", "end": "2026-06-16"}}
    rec += [escitalopram, phq9(pid, 21, 410), phq9(pid, 20, 305)]
    rec += [phq9_at(pid, 20, "2026-04-25T10:00:00Z"), phq9_at(pid, 19, "2026-06-12T10:00:00Z"),
            med_statement(pid, "6130", "ketamine", 150, 120, route=IV, text="0.5 mg/kg IV over 40 minutes, twice weekly"),
            phq9(pid, 18, 118), phq9(pid, 22, 10), bp(pid, 124, 78, 5), weight(pid, 80)]
    scenario("chk-F-pv-date-only-validity-end-42-days-adequate", "F (date-only end is the whole day)",
             "escitalopram 20 mg from 5 May 10:00 to validityPeriod.end '2026-06-16' lasted 42 days: adequate, "
             "failed (PHQ-9 20 -> 19 after 38 days); with sertraline that makes TRD and, with the failed ketamine "
             "course, a candidate.",
             "patient-view", pid, rec, inc=["combination-candidate"])
    pid = "chk-f3"
    scenario("chk-F-pv-candidate-options-off-label-consent", "F (candidate card)",
             "The candidate card names established options not shown as tried (ECT, lithium augmentation, ...) and "
             "'The combination is off-label: obtain informed consent.'",
             "patient-view", pid, candidate_record(pid), inc=["combination-candidate"],
             checks=[("detail-mentions", ["combination-candidate", ["ECT", "lithium", "off-label", "informed consent"]])])
    pid = "chk-f4"
    scenario("chk-F-pv-candidate-maintenance-no-trial-supports", "F (maintenance)",
             "The maintenance text: 'no trial supports that frequency: individualise'.",
             "patient-view", pid, candidate_record(pid), inc=["combination-candidate"],
             checks=[("detail-mentions", ["combination-candidate", ["no trial supports", "individualise"]])])
    pid = "chk-f5"
    scenario("chk-F-pv-candidate-checks-no-pregnancy-test-recorded", "F (checks as they ran), D",
             "No pregnancy test: the checks list says no test was recorded, not 'no positive test'.",
             "patient-view", pid, candidate_record(pid), inc=["combination-candidate"],
             checks=[("detail-mentions", ["combination-candidate", ["test recorded"]]),
                     ("detail-not-mentions", ["combination-candidate", ["no positive test"]])])
    pid = "chk-f6"
    scenario("chk-F-pv-candidate-checks-negative-test-no-positive-test", "F (checks as they ran), D",
             "A negative urine test 10 days ago: the checks list says 'no positive test', never 'no test recorded'.",
             "patient-view", pid,
             candidate_record(pid) + [hcg(pid, "2106-3", "Choriogonadotropin (pregnancy test) [Presence] in Urine", 10,
                                          coded=("260385009", "Negative (qualifier value)"))],
             inc=["combination-candidate"],
             checks=[("detail-mentions", ["combination-candidate", ["no positive test"]]),
                     ("detail-not-mentions", ["combination-candidate", ["no test recorded",
                                                                        "no pregnancy test recorded"]])])
    pid = "chk-f7"
    scenario("chk-F-pv-f32a-only-two-failed-trials-confirm-diagnosis", "F (broad code only)",
             "Only F32.A coded, two failed adequate trials: trd-incomplete-data adds 'confirm the diagnosis'.",
             "patient-view", pid,
             candidate_record(pid, mdd=False) + [icd(pid, "F32.A", "Depression, unspecified", 700)],
             inc=["trd-incomplete-data"], exc=["combination-candidate"],
             checks=[("detail-mentions", ["trd-incomplete-data", ["confirm the diagnosis"]])])
    pid = "chk-f8"
    scenario("chk-F-pv-candidate-failed-rows-wording", "F (wording)",
             "Failed rows say 'no response' (< 50% reduction); never '1 weeks'.",
             "patient-view", pid, candidate_record(pid), inc=["combination-candidate"],
             checks=[("detail-mentions", ["combination-candidate", ["no response"]]),
                     ("detail-not-mentions", ["combination-candidate", ["1 weeks"]])])
    pid = "chk-f9"
    scenario("chk-F-osel-tms-only-session-monitoring", "F (session-monitoring Markdown), v2 s7",
             "A TMS-only order on order-select: session-monitoring with its TMS block.",
             "order-select", pid, candidate_record(pid), [tms_order(pid, "tms-f9")],
             inc=["session-monitoring"], checks=[("detail-mentions", ["session-monitoring", ["TMS"]])])
