"""Vascular and implant value sets of PROTOCOL-v2 section 4 (contraindication-vascular, contraindication-tms-implant
and the cardiac-device warning line)."""
from vocab_common import ICD, SCT, WHO, c, include_value_sets, many, vsac_codes, vsac_title, vsac_url, who

INITIAL_MI = "2.16.840.1.113883.3.526.3.403"
HEMORRHAGIC_STROKE = "2.16.840.1.113883.3.117.1.7.1.212"
CARDIAC_PACER = "2.16.840.1.113883.3.526.3.368"
PAST_MI = "32574007"

HEMORRHAGES = {"0": "nontraumatic subarachnoid hemorrhage", "1": "nontraumatic intracerebral hemorrhage",
               "2": "other nontraumatic intracranial hemorrhage"}
SIDES = [("1", "right dominant side"), ("2", "left dominant side"), ("3", "right non-dominant side"),
         ("4", "left non-dominant side"), ("9", "unspecified side")]
SEQUELAE = [("0", "Unspecified sequelae of %s"), ("10", "Attention and concentration deficit following %s"),
            ("11", "Memory deficit following %s"), ("12", "Visuospatial deficit and spatial neglect following %s"),
            ("13", "Psychomotor deficit following %s"), ("14", "Frontal lobe and executive function deficit following %s"),
            ("15", "Cognitive social or emotional deficit following %s"),
            ("18", "Other symptoms and signs involving cognitive functions following %s"),
            ("19", "Unspecified symptoms and signs involving cognitive functions following %s"),
            ("20", "Aphasia following %s"), ("21", "Dysphasia following %s"), ("22", "Dysarthria following %s"),
            ("23", "Fluency disorder following %s"), ("28", "Other speech and language deficits following %s")]
for digit, what in (("3", "Monoplegia of upper limb"), ("4", "Monoplegia of lower limb"),
                    ("5", "Hemiplegia and hemiparesis"), ("6", "Other paralytic syndrome")):
    SEQUELAE += [(digit + side, "%s following %%s affecting %s" % (what, text)) for side, text in SIDES]
SEQUELAE.insert(SEQUELAE.index(("69", "Other paralytic syndrome following %s affecting unspecified side")),
                ("65", "Other paralytic syndrome following %s, bilateral"))
SEQUELAE += [("90", "Apraxia following %s"), ("91", "Dysphagia following %s"), ("92", "Facial weakness following %s"),
             ("93", "Ataxia following %s"), ("98", "Other sequelae following %s")]

I60_I62 = [
    ("I60.00", "Nontraumatic subarachnoid hemorrhage from unspecified carotid siphon and bifurcation"),
    ("I60.01", "Nontraumatic subarachnoid hemorrhage from right carotid siphon and bifurcation"),
    ("I60.02", "Nontraumatic subarachnoid hemorrhage from left carotid siphon and bifurcation"),
    ("I60.10", "Nontraumatic subarachnoid hemorrhage from unspecified middle cerebral artery"),
    ("I60.11", "Nontraumatic subarachnoid hemorrhage from right middle cerebral artery"),
    ("I60.12", "Nontraumatic subarachnoid hemorrhage from left middle cerebral artery"),
    ("I60.2", "Nontraumatic subarachnoid hemorrhage from anterior communicating artery"),
    ("I60.30", "Nontraumatic subarachnoid hemorrhage from unspecified posterior communicating artery"),
    ("I60.31", "Nontraumatic subarachnoid hemorrhage from right posterior communicating artery"),
    ("I60.32", "Nontraumatic subarachnoid hemorrhage from left posterior communicating artery"),
    ("I60.4", "Nontraumatic subarachnoid hemorrhage from basilar artery"),
    ("I60.50", "Nontraumatic subarachnoid hemorrhage from unspecified vertebral artery"),
    ("I60.51", "Nontraumatic subarachnoid hemorrhage from right vertebral artery"),
    ("I60.52", "Nontraumatic subarachnoid hemorrhage from left vertebral artery"),
    ("I60.6", "Nontraumatic subarachnoid hemorrhage from other intracranial arteries"),
    ("I60.7", "Nontraumatic subarachnoid hemorrhage from unspecified intracranial artery"),
    ("I60.8", "Other nontraumatic subarachnoid hemorrhage"), ("I60.9", "Nontraumatic subarachnoid hemorrhage, unspecified"),
    ("I61.0", "Nontraumatic intracerebral hemorrhage in hemisphere, subcortical"),
    ("I61.1", "Nontraumatic intracerebral hemorrhage in hemisphere, cortical"),
    ("I61.2", "Nontraumatic intracerebral hemorrhage in hemisphere, unspecified"),
    ("I61.3", "Nontraumatic intracerebral hemorrhage in brain stem"),
    ("I61.4", "Nontraumatic intracerebral hemorrhage in cerebellum"),
    ("I61.5", "Nontraumatic intracerebral hemorrhage, intraventricular"),
    ("I61.6", "Nontraumatic intracerebral hemorrhage, multiple localized"),
    ("I61.8", "Other nontraumatic intracerebral hemorrhage"), ("I61.9", "Nontraumatic intracerebral hemorrhage, unspecified"),
    ("I62.00", "Nontraumatic subdural hemorrhage, unspecified"), ("I62.01", "Nontraumatic acute subdural hemorrhage"),
    ("I62.02", "Nontraumatic subacute subdural hemorrhage"), ("I62.03", "Nontraumatic chronic subdural hemorrhage"),
    ("I62.1", "Nontraumatic extradural hemorrhage"), ("I62.9", "Nontraumatic intracranial hemorrhage, unspecified"),
]
I71_CONFIRMED = [
    ("I71.00", "Dissection of unspecified site of aorta"), ("I71.010", "Dissection of ascending aorta"),
    ("I71.011", "Dissection of aortic arch"), ("I71.012", "Dissection of descending thoracic aorta"),
    ("I71.019", "Dissection of thoracic aorta, unspecified"), ("I71.01", "Dissection of thoracic aorta"),
    ("I71.02", "Dissection of abdominal aorta"), ("I71.03", "Dissection of thoracoabdominal aorta"),
    ("I71.1", "Thoracic aortic aneurysm, ruptured"), ("I71.10", "Thoracic aortic aneurysm, ruptured, unspecified"),
    ("I71.11", "Aneurysm of the ascending aorta, ruptured"), ("I71.12", "Aneurysm of the aortic arch, ruptured"),
    ("I71.13", "Aneurysm of the descending thoracic aorta, ruptured"),
    ("I71.2", "Thoracic aortic aneurysm, without rupture"), ("I71.3", "Abdominal aortic aneurysm, ruptured"),
    ("I71.4", "Abdominal aortic aneurysm, without rupture"), ("I71.5", "Thoracoabdominal aortic aneurysm, ruptured"),
    ("I71.6", "Thoracoabdominal aortic aneurysm, without rupture"), ("I71.8", "Aortic aneurysm of unspecified site, ruptured"),
    ("I71.9", "Aortic aneurysm of unspecified site, without rupture"),
]
I71_UNCONFIRMED = [  # FY2023 subdivisions of I71.2-I71.6, not seen in a stored source
    ("I71.20", "Thoracic aortic aneurysm, without rupture, unspecified"),
    ("I71.21", "Aneurysm of the ascending aorta, without rupture"), ("I71.22", "Aneurysm of the aortic arch, without rupture"),
    ("I71.23", "Aneurysm of the descending thoracic aorta, without rupture"),
    ("I71.30", "Abdominal aortic aneurysm, ruptured, unspecified"), ("I71.31", "Pararenal abdominal aortic aneurysm, ruptured"),
    ("I71.32", "Juxtarenal abdominal aortic aneurysm, ruptured"), ("I71.33", "Infrarenal abdominal aortic aneurysm, ruptured"),
    ("I71.40", "Abdominal aortic aneurysm, without rupture, unspecified"),
    ("I71.41", "Pararenal abdominal aortic aneurysm, without rupture"),
    ("I71.42", "Juxtarenal abdominal aortic aneurysm, without rupture"),
    ("I71.43", "Infrarenal abdominal aortic aneurysm, without rupture"),
    ("I71.50", "Thoracoabdominal aortic aneurysm, ruptured, unspecified"),
    ("I71.51", "Supraceliac aneurysm of the abdominal aorta, ruptured"),
    ("I71.52", "Paravisceral aneurysm of the abdominal aorta, ruptured"),
    ("I71.60", "Thoracoabdominal aortic aneurysm, without rupture, unspecified"),
    ("I71.61", "Supraceliac aneurysm of the abdominal aorta, without rupture"),
    ("I71.62", "Paravisceral aneurysm of the abdominal aorta, without rupture"),
]
I72 = [("I72.0", "Aneurysm of carotid artery"), ("I72.1", "Aneurysm of artery of upper extremity"),
       ("I72.2", "Aneurysm of renal artery"), ("I72.3", "Aneurysm of iliac artery"),
       ("I72.4", "Aneurysm of artery of lower extremity"), ("I72.5", "Aneurysm of other precerebral arteries"),
       ("I72.6", "Aneurysm of vertebral artery"), ("I72.8", "Aneurysm of other specified arteries"),
       ("I72.9", "Aneurysm of unspecified site")]


def sequelae():
    return [(("I69.%s%s" % (h, suffix)), text % name) for h, name in HEMORRHAGES.items() for suffix, text in SEQUELAE]


def vascular_aneurysm_avm(value_set):
    return value_set(
        "vascular-aneurysm-avm", "Aneurysmal vascular disease or arteriovenous malformation",
        "contraindication-vascular, blocks ketamine, whatever the onset (PROTOCOL-v2 section 4). ICD-10-CM I67.1 "
        "Cerebral aneurysm, nonruptured (VERIFIED A), I71.x aortic aneurysm and dissection (CLINICAL-REFERENCE.md 2i; "
        "dissection codes and I72.5/I72.6 also seen in public code lists; the FY2023 subdivisions of I71.2-I71.6 are "
        "marked unverified), I72.x other aneurysms, Q28.2 cerebral AVM (UNVERIFIED); SNOMED 234142008 Cerebral "
        "arteriovenous malformation (VERIFIED A); SNOMED 128609009 Intracranial aneurysm (PROTOCOL-v3 section B; seen only "
        "in public FHIR value sets, so unverified); WHO ICD-10 I67.1, I71.x, I72.x, Q28.2.",
        [c(ICD, "I67.1", "Cerebral aneurysm, nonruptured")] + many(ICD, I71_CONFIRMED)
        + many(ICD, I71_UNCONFIRMED, unverified=True) + many(ICD, I72)
        + [c(ICD, "Q28.2", "Arteriovenous malformation of cerebral vessels", unverified=True),
           c(SCT, "234142008", "Cerebral arteriovenous malformation (disorder)"),
           c(SCT, "128609009", "Intracranial aneurysm (disorder)", unverified=True)]
        + who([("I67.1", "Cerebral aneurysm, nonruptured")] + [("I71.%d" % d, t) for d, t in (
            (0, "Dissection of aorta [any part]"), (1, "Thoracic aortic aneurysm, ruptured"),
            (2, "Thoracic aortic aneurysm, without mention of rupture"), (3, "Abdominal aortic aneurysm, ruptured"),
            (4, "Abdominal aortic aneurysm, without mention of rupture"), (5, "Thoracoabdominal aortic aneurysm, ruptured"),
            (6, "Thoracoabdominal aortic aneurysm, without mention of rupture"),
            (8, "Aortic aneurysm of unspecified site, ruptured"),
            (9, "Aortic aneurysm of unspecified site, without mention of rupture"))]
            + [("I72.%s" % d, t) for d, t in (("0", "Aneurysm of carotid artery"), ("1", "Aneurysm of artery of upper extremity"),
                                             ("2", "Aneurysm of renal artery"), ("3", "Aneurysm of iliac artery"),
                                             ("4", "Aneurysm of artery of lower extremity"), ("8", "Aneurysm of other specified arteries"),
                                             ("9", "Aneurysm of unspecified site"))])
        + [c(WHO, "Q28.2", "Arteriovenous malformation of cerebral vessels", unverified=True)])


def intracranial_hemorrhage(value_set):
    return value_set(
        "intracranial-hemorrhage", "History of intracranial hemorrhage",
        "contraindication-vascular, blocks ketamine, whatever the onset or status (PROTOCOL-v2 section 4). ICD-10-CM "
        "I60-I62 nontraumatic subarachnoid, intracerebral and other intracranial hemorrhage (CLINICAL-REFERENCE.md 2i; "
        "the code list as in public ICD-10-CM lists) and the sequelae I69.0x-I69.2x (I69.00-I69.298, structure as in "
        "public ICD-10-CM lists); SNOMED 274100004 Cerebral hemorrhage (VERIFIED A); the whole of %s (PROTOCOL-v3 "
        "section B: SNOMED intracerebral and subarachnoid hemorrhage concepts); WHO ICD-10 I60.x, I61.x, I62.x, "
        "I69.0-I69.2." % vsac_title(HEMORRHAGIC_STROKE),
        include_value_sets(vsac_url(HEMORRHAGIC_STROKE))
        + many(ICD, I60_I62) + many(ICD, sequelae()) + [c(SCT, "274100004", "Cerebral hemorrhage (disorder)")]
        + who([("I60.%d" % d, "Subarachnoid haemorrhage") for d in range(10) if d != 0]
              + [("I60.0", "Subarachnoid haemorrhage from carotid siphon and bifurcation")]
              + [("I61.%d" % d, "Intracerebral haemorrhage") for d in (0, 1, 2, 3, 4, 5, 6, 8, 9)]
              + [("I62.0", "Subdural haemorrhage (acute)(nontraumatic)"), ("I62.1", "Nontraumatic extradural haemorrhage"),
                 ("I62.9", "Intracranial haemorrhage (nontraumatic), unspecified"),
                 ("I69.0", "Sequelae of subarachnoid haemorrhage"), ("I69.1", "Sequelae of intracerebral haemorrhage"),
                 ("I69.2", "Sequelae of other nontraumatic intracranial haemorrhage")]))


def myocardial_infarction(value_set):
    return value_set(
        "myocardial-infarction", "Acute or subsequent myocardial infarction",
        "contraindication-vascular when the onset is in the last 42 days (PROTOCOL-v2 section 4; EU esketamine leaflet: "
        "MI within 6 weeks). The whole of %s (ICD-10-CM I21.x and the SNOMED acute and subsequent myocardial "
        "infarction concepts) except SNOMED 32574007 Past myocardial infarction (PROTOCOL-v3 section B); ICD-10-CM "
        "I21.A1 and I22.x (CLINICAL-REFERENCE.md 2i; the codes as in public ICD-10-CM lists); WHO ICD-10 I21.x, I22.x."
        % vsac_title(INITIAL_MI),
        include_value_sets(vsac_url(INITIAL_MI))
        + many(ICD, [("I21.01", "ST elevation (STEMI) myocardial infarction involving left main coronary artery"),
                   ("I21.02", "ST elevation (STEMI) myocardial infarction involving left anterior descending coronary artery"),
                   ("I21.09", "ST elevation (STEMI) myocardial infarction involving other coronary artery of anterior wall"),
                   ("I21.11", "ST elevation (STEMI) myocardial infarction involving right coronary artery"),
                   ("I21.19", "ST elevation (STEMI) myocardial infarction involving other coronary artery of inferior wall"),
                   ("I21.21", "ST elevation (STEMI) myocardial infarction involving left circumflex coronary artery"),
                   ("I21.29", "ST elevation (STEMI) myocardial infarction involving other sites"),
                   ("I21.3", "ST elevation (STEMI) myocardial infarction of unspecified site"),
                   ("I21.4", "Non-ST elevation (NSTEMI) myocardial infarction"),
                   ("I21.9", "Acute myocardial infarction, unspecified"), ("I21.A1", "Myocardial infarction type 2"),
                   ("I21.A9", "Other myocardial infarction type"),
                   ("I21.B", "Myocardial infarction with coronary microvascular dysfunction"),
                   ("I22.0", "Subsequent ST elevation (STEMI) myocardial infarction of anterior wall"),
                   ("I22.1", "Subsequent ST elevation (STEMI) myocardial infarction of inferior wall"),
                   ("I22.2", "Subsequent non-ST elevation (NSTEMI) myocardial infarction"),
                   ("I22.8", "Subsequent ST elevation (STEMI) myocardial infarction of other sites"),
                   ("I22.9", "Subsequent ST elevation (STEMI) myocardial infarction of unspecified site")])
        + who([("I21.0", "Acute transmural myocardial infarction of anterior wall"),
               ("I21.1", "Acute transmural myocardial infarction of inferior wall"),
               ("I21.2", "Acute transmural myocardial infarction of other sites"),
               ("I21.3", "Acute transmural myocardial infarction of unspecified site"),
               ("I21.4", "Acute subendocardial myocardial infarction"), ("I21.9", "Acute myocardial infarction, unspecified"),
               ("I22.0", "Subsequent myocardial infarction of anterior wall"),
               ("I22.1", "Subsequent myocardial infarction of inferior wall"),
               ("I22.8", "Subsequent myocardial infarction of other sites"),
               ("I22.9", "Subsequent myocardial infarction of unspecified site")]),
        _past_mi())


def _past_mi():
    past = [k for k in vsac_codes(INITIAL_MI, SCT) if k["code"] == PAST_MI]
    if not past:
        raise SystemExit("SNOMED %s not found in %s: check the exclusion" % (PAST_MI, INITIAL_MI))
    return past


def cerebral_edema(value_set):
    return value_set(
        "cerebral-edema", "Cerebral edema",
        "contraindication-vascular while active (PROTOCOL-v2 section 4). ICD-10-CM G93.6 (VERIFIED A, "
        "CLINICAL-REFERENCE.md 2i); WHO ICD-10 G93.6 Cerebral oedema; SNOMED 2032001 Cerebral edema (PROTOCOL-v3 "
        "section B asks for SNOMED CT; not in a stored source, so unverified).",
        [c(ICD, "G93.6", "Cerebral edema"), c(WHO, "G93.6", "Cerebral oedema"),
         c(SCT, "2032001", "Cerebral edema (disorder)", unverified=True)])


def tms_implants(value_set):
    return value_set(
        "tms-implants", "Implanted devices near the TMS coil (conditions)",
        "contraindication-tms-implant, blocks TMS (PROTOCOL-v2 section 4). ICD-10-CM Z96.21 Cochlear implant status "
        "(UNVERIFIED in CLINICAL-REFERENCE.md 2j, since confirmed by public code lists: VA VistA encounter forms, a CDC "
        "FHIR value set), Z98.2 Presence of cerebrospinal fluid drainage device (programmable shunt; VA VistA), Z96.82 "
        "Presence of neurostimulator (UNVERIFIED: one weak source). Metal in the head and implants not coded cannot be "
        "seen: the candidate card says so.",
        [c(ICD, "Z96.21", "Cochlear implant status"),
         c(ICD, "Z98.2", "Presence of cerebrospinal fluid drainage device"),
         c(ICD, "Z96.82", "Presence of neurostimulator", unverified=True)])


def tms_implant_procedures(value_set):
    return value_set(
        "tms-implant-procedures", "Aneurysm clipping or coiling (procedures)",
        "Procedures that leave metal near the TMS coil: contraindication-tms-implant (PROTOCOL-v2 section 4). SNOMED "
        "230898002 Clipping of intracranial aneurysm and 230916003 Endovascular obliteration of intracranial "
        "aneurysm (VERIFIED A, CLINICAL-REFERENCE.md 2j). Read from Procedure.code.",
        [c(SCT, "230898002", "Clipping of intracranial aneurysm (procedure)"),
         c(SCT, "230916003", "Endovascular obliteration of intracranial aneurysm (procedure)")])


def cardiac_devices(value_set):
    return value_set(
        "cardiac-devices", "Cardiac pacemaker or defibrillator present",
        "A warning line before TMS, not a block (PROTOCOL-v2 section 4). The whole of %s (PROTOCOL-v3 section B) and "
        "ICD-10-CM Z95.0, Z95.810; SNOMED 441509002, 441769002, 443325000, 703396000 (VERIFIED A, "
        "CLINICAL-REFERENCE.md 2j)." % vsac_title(CARDIAC_PACER),
        include_value_sets(vsac_url(CARDIAC_PACER)) + [c(ICD, "Z95.0", "Presence of cardiac pacemaker"),
         c(ICD, "Z95.810", "Presence of automatic (implantable) cardiac defibrillator"),
         c(SCT, "441509002", "Cardiac pacemaker in situ (finding)"),
         c(SCT, "441769002", "Implantable cardioverter defibrillator in situ"),
         c(SCT, "443325000", "Implantable defibrillator in situ"),
         c(SCT, "703396000", "Cardiac defibrillator in situ")])
