#!/usr/bin/env python3
"""Writes six participants' maps of the victim-support hub into a folder, each varied as a
workshop participant might: other scores, a renamed partner, a missing one, extra links, and
one map rebuilt from a spreadsheet (so its ids are its own, and only names match it).

    scripts/workshop-demo.py OUT_DIR [ASTUTE_BINARY]
    astute compare OUT_DIR/*.ron

Edits the RON text of the built-in example: the top-level stakeholders and links only.
"""

import csv
import pathlib
import random
import re
import subprocess
import sys

out = pathlib.Path(sys.argv[1])
astute = sys.argv[2] if len(sys.argv) > 2 else "target/release/astute"
out.mkdir(parents=True, exist_ok=True)
hub = out / "example.ron"
subprocess.run([astute, "examples", "victim-support-hub", "-o", str(hub), "--force"], check=True)
base = hub.read_text()
hub.unlink()
rng = random.Random(15)


def section(text, name):
    """(start, end) of the top-level list `name`."""
    start = text.index(f"\n\t\t{name}: [\n") + len(f"\n\t\t{name}: [\n")
    end = text.index("\n\t\t],\n", start) + 1
    return start, end


def blocks(text, name):
    """(start, end, body) of every item of the top-level list `name`."""
    start, end = section(text, name)
    found, at = [], start
    while at < end:
        close = text.index("\n\t\t\t),\n", at) + len("\n\t\t\t),\n")
        found.append((at, close, text[at:close]))
        at = close
    return found


def stakeholder(text, name):
    for start, end, body in blocks(text, "stakeholders"):
        if f'\n\t\t\t\tname: "{name}",\n' in body:
            return start, end, body
    raise KeyError(name)


def id_of(text, name):
    return re.search(r'id: "([0-9a-f]+)"', stakeholder(text, name)[2]).group(1)


def set_field(text, name, field, value):
    start, end, body = stakeholder(text, name)
    body = re.sub(rf"\n\t\t\t\t{field}: [^\n]+,\n", f"\n\t\t\t\t{field}: {value},\n", body, count=1)
    return text[:start] + body + text[end:]


def rename(text, name, new):
    start, end, body = stakeholder(text, name)
    body = body.replace(f'\n\t\t\t\tname: "{name}",\n', f'\n\t\t\t\tname: "{new}",\n', 1)
    return text[:start] + body + text[end:]


def remove(text, name):
    """Removes a stakeholder, every top-level link that touches them, and every mention of
    them in a list (invitees, contacts, factors) or as a messenger."""
    gone = id_of(text, name)
    start, end, _ = stakeholder(text, name)
    text = text[:start] + text[end:]
    for start, end, body in reversed(blocks(text, "links")):
        if f'"{gone}"' in body:
            text = text[:start] + text[end:]
    text = re.sub(rf'\n\t+"{gone}",', "", text)
    return text.replace(f'Some("{gone}")', "None")


def add_link(text, source, target, kind, strength=3):
    _, end = section(text, "links")
    link = (
        f'\t\t\t(\n\t\t\t\tid: "{rng.getrandbits(64):016x}",\n'
        f'\t\t\t\tfrom: "{id_of(text, source)}",\n\t\t\t\tto: "{id_of(text, target)}",\n'
        f"\t\t\t\tkind: {kind},\n\t\t\t\tstrength: {strength},\n\t\t\t),\n"
    )
    return text[:end] + link + text[end:]


def scores(text, changes):
    for name, field, value in changes:
        text = set_field(text, name, field, value)
    return text


maps = {}
maps["alex"] = scores(base, [
    ("Police force", "power", "9.0"),
    ("Integrated care board", "stance", "1"),
    ("Victims' panel", "interest", "8.0"),
])
maps["bea"] = scores(base, [
    ("Police force", "power", "2.0"),
    ("Police force", "stance", "-1"),
    ("Domestic abuse service", "stance", "-2"),
    ("Integrated care board", "interest", "6.0"),
    ("Care and Repair", "power", "4.0"),
])
maps["bea"] = rename(maps["bea"], "PCC's office: commissioning and strategy", "PCC commissioning team")
maps["chris"] = remove(scores(base, [
    ("Police force", "power", "7.0"),
    ("Police and Crime Commissioner", "power", "6.0"),
    ("Referring police officers", "interest", "2.0"),
    ("Victims' panel", "power", "5.0"),
]), "Care and Repair")
maps["chris"] = add_link(maps["chris"], "Police force", "Domestic abuse service", "Tension", 4)
maps["chris"] = add_link(maps["chris"], "Victims' panel", "LGBT+ support worker", "Alliance", 2)
maps["eli"] = scores(base, [
    ("Police force", "power", "8.0"),
    ("Integrated care board", "stance", "-2"),
    ("Integrated care board", "power", "9.0"),
    ("Police referral team manager", "stance", "1"),
    ("Hub co-ordinator", "power", "2.0"),
])
maps["eli"] = add_link(maps["eli"], "Police force", "Domestic abuse service", "Tension", 3)
maps["fran"] = scores(base, [
    ("Police force", "power", "6.0"),
    ("Victim Support", "power", "9.0"),
    ("Young people's service", "stance", "-1"),
    ("Domestic abuse service", "stance", "2"),
])
maps["fran"] = remove(maps["fran"], "Victims' panel")
for who, text in maps.items():
    (out / f"{who}.ron").write_text(text)

# Dana rebuilt the map from the spreadsheet: new ids, a mistyped name, "The" before another,
# and a partner nobody else thought of.
sheet = out / "dana.csv"
subprocess.run([astute, "export", str(out / "alex.ron"), "--to", "csv", "-o", str(sheet), "--force"], check=True)
rows = list(csv.DictReader(sheet.open(newline="", encoding="utf-8")))
for row in rows:
    if row["name"] == "Integrated care board":
        row["name"], row["power"] = "Intergrated care board", "3"
    if row["name"] == "Police force":
        row["name"], row["power"] = "The Police Force", "5"
    if row["name"] == "Victim Support":
        row["stance"] = "1"
rows.append({**rows[-1], "id": "", "name": "Fire and rescue service", "organisation": "",
             "role": "", "kind": "Organisation", "sector": "Statutory", "power": "4",
             "interest": "3", "stance": "0", "tags": "", "notes": "", "stated_interests": "",
             "concerns": "", "values": ""})
with sheet.open("w", newline="", encoding="utf-8") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    writer.writerows(rows)
links = out / "dana-links.csv"
link_rows = list(csv.DictReader(links.open(newline="", encoding="utf-8")))
for row in link_rows:
    for end in ("from", "to"):
        row[end] = {"Integrated care board": "Intergrated care board",
                    "Police force": "The Police Force"}.get(row[end], row[end])
    row["from_id"] = row["to_id"] = row["id"] = ""
link_rows.append({**link_rows[0], "from": "Fire and rescue service", "to": "The Police Force",
                  "kind": "Alliance", "strength": "3", "depth": "", "note": ""})
with links.open("w", newline="", encoding="utf-8") as f:
    writer = csv.DictWriter(f, fieldnames=list(link_rows[0].keys()))
    writer.writeheader()
    writer.writerows(link_rows)
subprocess.run([astute, "import", str(sheet), "--links", str(links), "-o", str(out / "dana.ron"),
                "--title", "Victim support hub", "--force"], check=True)
sheet.unlink()
links.unlink()
subprocess.run([astute, "check", *sorted(str(p) for p in out.glob("*.ron"))], check=True)
