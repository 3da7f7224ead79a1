#!/usr/bin/python3
"""palpate-cli's insurance commands end to end: units, payers list.

Runs the built binary ($PALPATE_CLI) in a temporary folder and prints TAP.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ.get('PALPATE_CLI', 'build/src/cli/palpate-cli')
TMP = tempfile.mkdtemp(prefix='palpate-cli-insurance-')
ENV = dict(os.environ, XDG_DATA_HOME=os.path.join(TMP, 'xdg-data'), LC_ALL='C.UTF-8')

tests = []


def test(fn):
    tests.append(fn)
    return fn


def run(*args, check=None):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV, timeout=60)
    if check is not None and p.returncode != check:
        raise AssertionError(f'{args}: exit {p.returncode}, wanted {check}\n'
                             f'stdout: {p.stdout}\nstderr: {p.stderr}')
    return p


def units(*args):
    out = json.loads(run('--json', 'units', *args, check=0).stdout)
    return {line['code']: line['units'] for line in out['lines']}, out


@test
def units_cms_examples():
    # CMS: 24 minutes of 97112 and 23 of 97110 are 3 units, 2 + 1.
    by_code, out = units('--rule', 'cms', '97112=24', '97110=23')
    assert by_code == {'97112': 2, '97110': 1}, out
    assert out['rule'] == 'cms' and out['units'] == 3 and out['timed_minutes'] == 47, out
    # Three codes of 8 minutes: 2 units by CMS, 3 per code.
    by_code, out = units('--rule', 'cms', '97140=8', '97124=8', '97110=8')
    assert out['units'] == 2, out
    assert by_code == {'97140': 0, '97124': 1, '97110': 1}, out
    by_code, out = units('--rule=per-code', '97140=8', '97124=8', '97110=8')
    assert out['units'] == 3 and set(by_code.values()) == {1}, out
    # 7 minutes bill nothing either way.
    for rule in ('cms', 'per-code'):
        by_code, out = units('--rule', rule, '97140=7')
        assert by_code == {'97140': 0}, out


@test
def units_text_and_untimed():
    text = run('units', '--rule', 'cms', '97112=24', '97110=23', '97010=15', check=0).stdout
    lines = text.splitlines()
    assert lines[0] == 'CMS 8-minute rule', text
    assert lines[1].split() == ['Code', 'Minutes', 'Units'], text
    assert lines[2].split() == ['97112', '24', '2'], text
    assert lines[3].split() == ['97110', '23', '1'], text
    assert lines[4].split() == ['97010', '(untimed)', '15', '1'], text
    assert lines[5].split() == ['Total', '47', '4'], text
    by_code, out = units('--rule', 'per-code', '97124=600')
    assert by_code == {'97124': 40}, out


@test
def units_usage_errors():
    for args in (('97140=10',),                          # no rule
                 ('--rule', 'cms'),                      # no codes
                 ('--rule', 'medicare', '97140=10'),     # unknown rule
                 ('--rule', 'cms', '97140'),             # no minutes
                 ('--rule', 'cms', '9714=10'),           # not a code
                 ('--rule', 'cms', '97140=-5'),
                 ('--rule', 'cms', '97140=1441'),
                 ('--rule', 'cms', '97140=10', '97140=5'),
                 ('--rule', 'cms', '97140=800', '97124=800'),
                 ('--rules', 'cms', '97140=10')):
        p = run('units', *args)
        assert p.returncode == 2, (args, p)
        assert p.stdout == '' and p.stderr.startswith('palpate-cli: '), (args, p)
    p = run('units', '--rule', 'cms', '97140=10', '97140=5')
    assert 'twice' in p.stderr, p.stderr
    assert 'units --rule' in run('--help', check=0).stdout


@test
def payers_list():
    path = os.path.join(TMP, 'us.db')
    run('--database', path, 'demo', check=0)
    payers = json.loads(run('--database', path, '--json', 'payers', 'list', check=0).stdout)
    by_name = {p['name']: p for p in payers}
    assert set(by_name) == {'Cascade Health Plan', 'Evergreen Mutual Auto',
                            'Summit Benefits HSA'}, payers
    cascade = by_name['Cascade Health Plan']
    assert cascade['kind'] == 'health-plan' and cascade['unit_rule'] == 'cms', cascade
    assert cascade['referral_required'] and cascade['preauth_required'], cascade
    assert cascade['in_network'] and cascade['active'], cascade
    assert {'code': '97140', 'unit_price_cents': 3450} in cascade['fees'], cascade
    assert by_name['Evergreen Mutual Auto']['unit_rule'] == 'per-code'
    assert by_name['Summit Benefits HSA']['fees'] == []
    text = run('--database', path, 'payers', 'list', check=0).stdout
    lines = text.splitlines()
    assert lines[0].split()[:2] == ['ID', 'Payer'], text
    assert any('Cascade Health Plan' in line and 'referral, pre-authorisation' in line
               and '97140 34.50' in line for line in lines), text

    ca = os.path.join(TMP, 'ca.db')
    run('--database', ca, 'demo', '--country', 'CA', check=0)
    payers = json.loads(run('--database', ca, '--json', 'payers', 'list', check=0).stdout)
    assert [p['kind'] for p in payers] == ['extended-health'], payers

    assert run('--database', path, 'payers', 'list', '--bogus').returncode == 2
    assert run('--database', path, 'payers', 'remove').returncode == 2


def main():
    print(f'1..{len(tests)}')
    failed = 0
    for i, fn in enumerate(tests, 1):
        try:
            fn()
            print(f'ok {i} - {fn.__name__}')
        except Exception:
            failed += 1
            print(f'not ok {i} - {fn.__name__}')
            for line in traceback.format_exc().splitlines():
                print(f'# {line}')
        sys.stdout.flush()
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
