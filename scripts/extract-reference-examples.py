#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes every JSON response example of the reference pages to tests/data/reference/, one file
each, named after the heading above it, so the parsing tests cover every documented object.
Markdown escapes (\\:technologist\\:) are undone. Usage: scripts/extract-reference-examples.py [REFERENCE_DIR]"""
import json, os, re, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ref = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "reference")
out = os.path.join(root, "tests", "data", "reference")
os.makedirs(out, exist_ok=True)

def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")

count = 0
for page in ("clusters-queues-tokens-api.md", "queues-api-hosted.md"):
    text = open(os.path.join(ref, page), encoding="utf-8").read().replace("\\:", ":")
    heading = ""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^#+\s+(.*)", line)
        if m:
            heading = m.group(1)
        elif page == "queues-api-hosted.md" and re.match(r"^[A-Z][A-Za-z -]+$", line) and len(line) < 40:
            heading = line  # this page lost its markdown headings
        if line.strip() in ("[", "{") or line.startswith("```json"):
            start = i + 1 if line.startswith("```") else i
            depth, j, body = 0, start, []
            while j < len(lines):
                if lines[j].startswith("```"):
                    break
                body.append(lines[j])
                depth += lines[j].count("{") + lines[j].count("[") - lines[j].count("}") - lines[j].count("]")
                j += 1
                if depth == 0 and body:
                    break
            try:
                doc = json.loads("\n".join(body))
            except ValueError:
                i += 1
                continue
            count += 1
            name = "%s--%02d-%s.json" % (page.split("-api")[0], count, slug(heading))
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=2, ensure_ascii=False)
                f.write("\n")
            i = j
        i += 1
print("wrote %d examples to %s" % (count, out))
