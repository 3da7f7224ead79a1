#!/usr/bin/python3
"""The app icons are well-formed SVG with a square view box."""
import sys
import xml.etree.ElementTree as ET

failed = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f'{path}: not well-formed: {e}', file=sys.stderr)
        failed += 1
        continue
    if not root.tag.endswith('svg'):
        print(f'{path}: root element is {root.tag}, not svg', file=sys.stderr)
        failed += 1
        continue
    box = root.get('viewBox', '').split()
    if len(box) != 4 or box[2] != box[3]:
        print(f'{path}: view box {box} is not square', file=sys.stderr)
        failed += 1
sys.exit(1 if failed else 0)
