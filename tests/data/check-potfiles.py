#!/usr/bin/python3
"""po/POTFILES.in lists exactly the files that hold translatable strings."""
import os
import re
import sys

root = sys.argv[1]
MARKERS = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)\s*\(|translatable="yes"')
ALWAYS = ('.desktop.in', '.metainfo.xml.in', '.gschema.xml')

wanted = set()
for top in ('src', 'ui', 'data'):
    for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
        for name in files:
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            if name.endswith(ALWAYS):
                wanted.add(rel)
            elif name.endswith(('.c', '.ui')):
                with open(path, encoding='utf-8', errors='replace') as f:
                    if MARKERS.search(f.read()):
                        wanted.add(rel)

listed = set()
with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            listed.add(line)

missing = sorted(wanted - listed)
stale = sorted(p for p in listed if not os.path.exists(os.path.join(root, p)))
for p in missing:
    print(f'po/POTFILES.in misses {p}', file=sys.stderr)
for p in stale:
    print(f'po/POTFILES.in lists {p}, which does not exist', file=sys.stderr)
sys.exit(1 if missing or stale else 0)
