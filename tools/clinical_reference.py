"""Inputs of the generators: the reference folder given as the first (and required) command-line argument,
holding CLINICAL-REFERENCE.md and terminology/vsac/. Stdlib only. Nothing is read from outside the project unless
named on the command line.

configure(argv): call first; sets REFERENCE and VSAC_DIR from sys.argv[1].
section3_ingredients(): RxNorm ingredient rows of section 3 -> list of dicts {name, cls, rxcui}
section4_placeholder_doses(): placeholder minimum daily doses of section 4 -> list of dicts {name, mg, note}
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
SHARED = None
REFERENCE = None
VSAC_DIR = None

# The classes of section 3 that are antidepressants (NMDA antagonists, lithium and antipsychotics are not).
ANTIDEPRESSANT_CLASSES = {"SSRI", "SNRI", "TCA", "tetracyclic", "MAOI", "MAO-B / MAOI", "NDRI", "NaSSA", "SARI",
                          "SPARI", "multimodal"}
# Section 3 lists milnacipran as an SNRI; PROTOCOL-v2 section 9 takes it out (fibromyalgia only in the US).
NOT_ANTIDEPRESSANTS = {"milnacipran"}


def configure(argv):
    """Usage: python3 tools/<generator>.py REFERENCE_FOLDER"""
    global SHARED, REFERENCE, VSAC_DIR
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        raise SystemExit("usage: %s REFERENCE_FOLDER (the folder with CLINICAL-REFERENCE.md and terminology/vsac/)"
                         % os.path.basename(argv[0]))
    SHARED = os.path.abspath(argv[1])
    REFERENCE = os.path.join(SHARED, "CLINICAL-REFERENCE.md")
    VSAC_DIR = os.path.join(SHARED, "terminology", "vsac")
    for path in (REFERENCE, VSAC_DIR):
        if not os.path.exists(path):
            raise SystemExit("input not found: %s (give the reference folder as the first argument)" % path)


def _section(text, number):
    match = re.search(r"^## %d\..*?(?=^## \d+\.|\Z)" % number, text, re.S | re.M)
    if not match:
        raise SystemExit("section %d not found in %s" % (number, REFERENCE))
    return match.group(0)


def _cells(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _plain(cell):
    """'**ketamine**' -> 'ketamine'; 'milnacipran (not US-approved for MDD)' -> 'milnacipran'."""
    return re.sub(r"\s*\(.*?\)", "", cell.replace("**", "")).strip()


def _read():
    with open(REFERENCE, encoding="utf-8") as f:
        return f.read()


def section3_ingredients():
    rows = []
    for line in _section(_read(), 3).splitlines():
        cells = _cells(line)
        if len(cells) < 6 or not re.fullmatch(r"[\d /*]+", cells[2]) or not re.search(r"\d", cells[2]):
            continue
        names = [_plain(n) for n in _plain(cells[0]).split("/")]
        rxcuis = [r.strip() for r in cells[2].replace("**", "").split("/")]
        if len(names) != len(rxcuis):
            raise SystemExit("cannot pair names and RxCUIs in row: " + line)
        for name, rxcui in zip(names, rxcuis):
            rows.append({"name": name.strip(), "cls": cells[1].replace("**", "").strip(), "rxcui": rxcui,
                         "status": cells[3].replace("**", "").strip()})
    if not rows:
        raise SystemExit("no ingredient rows parsed from section 3")
    return rows


def antidepressant_ingredients():
    return [r for r in section3_ingredients() if r["cls"] in ANTIDEPRESSANT_CLASSES
            and r["name"] not in NOT_ANTIDEPRESSANTS]


def section4_placeholder_doses():
    """The placeholder table of section 4: two drug/dose pairs per row; ranges give their lower bound."""
    doses = []
    table = False
    for line in _section(_read(), 4).splitlines():
        if line.startswith("| drug | placeholder"):
            table = True
            continue
        if not table:
            continue
        if not line.startswith("|"):
            break
        cells = _cells(line)
        if set("".join(cells)) <= set("-| "):
            continue
        for drug_cell, dose_cell in ((cells[0], cells[1]), (cells[2], cells[3])):
            if not drug_cell:
                continue
            number = re.search(r"(\d+(?:\.\d+)?)\s*(?:[–-]\s*\d+(?:\.\d+)?\s*)?mg", dose_cell)
            if not number:
                raise SystemExit("no mg dose in cell: " + dose_cell)
            is_range = bool(re.search(r"\d\s*[–-]\s*\d", dose_cell))
            for drug in drug_cell.split("/"):
                name = re.sub(r"\s+TD$", "", drug.strip())
                doses.append({"name": name, "mg": float(number.group(1)), "cell": dose_cell.strip(),
                              "range": is_range, "transdermal": drug.strip().endswith(" TD")})
    if not doses:
        raise SystemExit("no doses parsed from section 4")
    return doses
