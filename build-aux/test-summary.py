#!/usr/bin/python3
"""Counts meson's test results, TAP subtests included, and prints the
closing line "N passed, N failed[, N skipped]". Exits 1 if anything failed.
"""
import json
import re
import sys

TAP_LINE = re.compile(r'^(not ok|ok)\b(.*)$')
TAP_PLAN = re.compile(r'^\s*1\.\.\d+', re.MULTILINE)


def count_tap(stdout):
    passed = failed = skipped = 0
    seen = False
    for line in stdout.splitlines():
        m = TAP_LINE.match(line.strip())
        if not m:
            continue
        seen = True
        ok, rest = m.group(1) == 'ok', m.group(2)
        directive = rest.split('#', 1)[1].strip().upper() if '#' in rest else ''
        if directive.startswith('SKIP'):
            skipped += 1
        elif ok or directive.startswith('TODO'):
            passed += 1
        else:
            failed += 1
    return seen, passed, failed, skipped


def main(path):
    passed = failed = skipped = 0
    try:
        with open(path, encoding='utf-8') as f:
            records = [json.loads(line) for line in f if line.strip()]
    except (OSError, ValueError) as e:
        print(f'cannot read test log {path}: {e}', file=sys.stderr)
        print('0 passed, 1 failed')
        return 1
    for r in records:
        result = r.get('result', '')
        # meson's log does not record the protocol: a TAP plan line marks it.
        out = r.get('stdout') or ''
        if TAP_PLAN.search(out):
            seen, p, f_, s = count_tap(out)
        else:
            seen = False
        if result in ('FAIL', 'TIMEOUT', 'ERROR', 'UNEXPECTEDPASS'):
            # A crashed or timed-out program counts once more, whatever its
            # subtests said.
            if seen:
                passed += p
                skipped += s
                failed += max(f_, 1)
            else:
                failed += 1
        elif seen:
            passed += p
            failed += f_
            skipped += s
        elif result == 'SKIP':
            skipped += 1
        else:
            passed += 1
    line = f'{passed} passed, {failed} failed'
    if skipped:
        line += f', {skipped} skipped'
    print(line)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'build/meson-logs/testlog.json'))
