#!/usr/bin/python3
"""palpate-cli export and import: the clinic archive end to end.

    test-cli-archive.py [archive.schema.json]

Round trips of the US and CA demos byte for byte, a clinic moved to
another machine (a new home, an empty database) with the same clients,
visits and receipts, a client's own record, and broken or hostile archives that import nothing and name the JSON path
at fault. Runs the built binary ($PALPATE_CLI) in a temporary folder and
prints TAP.
"""
import base64
import copy
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ.get('PALPATE_CLI', 'build/src/cli/palpate-cli')
SCHEMA = sys.argv[1] if len(sys.argv) > 1 else 'data/archive.schema.json'
TMP = tempfile.mkdtemp(prefix='palpate-archive-test-')
ENV = dict(os.environ, XDG_DATA_HOME=os.path.join(TMP, 'xdg-data'), LC_ALL='C.UTF-8')

tests = []
_demos = {}


def test(fn):
    tests.append(fn)
    return fn


def run(*args, check=None):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, env=ENV, timeout=120)
    if check is not None and p.returncode != check:
        raise AssertionError(f'{args}: exit {p.returncode}, wanted {check}\n'
                             f'stdout: {p.stdout}\nstderr: {p.stderr}')
    return p


def path(name):
    return os.path.join(TMP, name)


def read(name):
    with open(name, 'rb') as f:
        return f.read()


def demo_archive(country):
    """The demo clinic of @country, exported once: (database, archive)."""
    if country not in _demos:
        database = path(f'demo-{country}.db')
        archive = path(f'demo-{country}.json')
        run('--database', database, 'demo', '--country', country, check=0)
        run('--database', database, 'export', archive, check=0)
        _demos[country] = (database, archive)
    return _demos[country]


def count(database, table):
    with sqlite3.connect(database) as con:
        return con.execute(f'SELECT count(*) FROM {table}').fetchone()[0]


def round_trip(country):
    _, first = demo_archive(country)
    assert stat.S_IMODE(os.stat(first).st_mode) == 0o600, oct(os.stat(first).st_mode)
    imported = path(f'imported-{country}.db')
    second = path(f'second-{country}.json')
    run('--database', imported, 'import', first, check=0)
    run('--database', imported, 'export', second, check=0)
    assert read(first) == read(second), f'{country}: export → import → export differs'
    p = run('--database', imported, 'check', check=0)
    assert 'No problems' in p.stdout, p.stdout
    # The search index is rebuilt from the imported clients.
    data = json.loads(read(first))
    name = data['tables']['clients'][0]['family_name']
    found = json.loads(run('--database', imported, '--json', 'clients', 'search', name,
                           check=0).stdout)
    assert found, name
    return data


@test
def round_trip_us():
    data = round_trip('US')
    tables = data['tables']
    assert data['format'] == 'palpate-archive' and data['format_version'] == 1, data.keys()
    assert data['scope'] == 'clinic' and data['schema_version'] >= 8
    # Parents first; FTS and SQLite's own tables left out.
    names = list(tables)
    assert names.index('clients') < names.index('visits') < names.index('visit_lines')
    assert names.index('receipts') < names.index('receipt_documents')
    for name in names:
        assert 'fts' not in name and not name.startswith('sqlite_'), name
    for name in ('clinic', 'users', 'licences', 'services', 'service_taxes', 'visits',
                 'visit_lines', 'receipts', 'receipt_lines', 'receipt_documents', 'payments',
                 'chart_marks', 'visit_signatures', 'soap_notes', 'consents', 'plans',
                 'audit_log', 'clinical_settings', 'receipt_series'):
        assert name in tables, name
    for name in ('clients', 'visits', 'receipts', 'audit_log', 'soap_notes', 'chart_marks'):
        assert tables[name], f'{name} is empty'
    # The issued PDFs, byte for byte.
    pdf = base64.b64decode(tables['receipt_documents'][0]['pdf']['base64'])
    assert pdf.startswith(b'%PDF'), pdf[:8]
    # The demo's issued letter of medical necessity, after its client, with its PDF.
    assert names.index('clients') < names.index('issued_letters')
    letter = tables['issued_letters'][0]
    assert letter['kind'] == 'lomn' and letter['claim_id'] is None, letter.keys()
    pdf = base64.b64decode(letter['pdf']['base64'])
    assert pdf.startswith(b'%PDF') and hashlib.sha256(pdf).hexdigest() == letter['sha256']
    # The demo's claims, after their clients, policies and visit lines, with
    # what was sent kept as it was (check compared it after the import).
    assert names.index('policies') < names.index('claims') < names.index('claim_lines')
    assert names.index('visit_lines') < names.index('claim_lines')
    assert sorted(c['status'] for c in tables['claims']) == ['appealed', 'draft', 'paid',
                                                               'submitted']
    assert all(c['submitted_snapshot'] for c in tables['claims'] if c['status'] != 'draft')
    for name in ('claim_lines', 'claim_diagnoses', 'claim_status_history', 'claim_follow_ups',
                 'claim_settings'):
        assert tables[name], f'{name} is empty'
    # The one time in the header is the newest audit row's, not the export's.
    assert data['as_of'] == max(row['at'] for row in tables['audit_log'])


@test
def round_trip_ca():
    data = round_trip('CA')
    assert data['tables']['clinic'][0]['country'] == 'CA'


@test
def the_schema_describes_the_archives():
    try:
        import jsonschema
    except ImportError:
        print('# jsonschema is not installed: the archives are not validated against it')
        return
    with open(SCHEMA) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for country in ('US', 'CA'):
        validator.validate(json.loads(read(demo_archive(country)[1])))
    database = demo_archive('US')[0]
    client = path('schema-client.json')
    run('--database', database, 'export', '--client', '2', client, check=0)
    validator.validate(json.loads(read(client)))
    bad = json.loads(read(demo_archive('US')[1]))
    bad['tables']['clients_fts'] = []
    assert not validator.is_valid(bad)


@test
def import_wants_an_empty_database():
    database, archive = demo_archive('US')
    before = read(database)
    p = run('--database', database, 'import', archive)
    assert p.returncode == 1, p
    assert 'empty' in p.stderr and 'users' in p.stderr, p.stderr
    assert read(database) == before
    run('--database', database, 'check', check=0)


@test
def usage():
    assert run('export').returncode == 2
    assert run('import').returncode == 2
    assert run('export', '--client', 'x', 'a.json').returncode == 2
    assert run('export', '--client', '0', 'a.json').returncode == 2
    assert 'export' in run('--help', check=0).stdout
    missing = path('missing.json')
    p = run('--database', path('never.db'), 'import', missing)
    assert p.returncode == 1 and not os.path.exists(path('never.db')), p


@test
def a_clients_own_record():
    database, _ = demo_archive('US')
    out = path('client-2.json')
    run('--database', database, 'export', '--client', '2', out, check=0)
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    data = json.loads(read(out))
    assert data['scope'] == 'client' and data['client_id'] == 2
    tables = data['tables']
    assert [c['id'] for c in tables['clients']] == [2], tables['clients']
    assert 'users' not in tables and 'services' not in tables and 'clinic' not in tables
    for name, rows in tables.items():
        for row in rows:
            if 'client_id' in row:
                assert row['client_id'] == 2, (name, row)
    visits = {v['id'] for v in tables['visits']}
    assert visits
    with sqlite3.connect(database) as con:
        assert visits == {r[0] for r in con.execute('SELECT id FROM visits WHERE client_id = 2')}
    for name in ('visit_lines', 'chart_marks', 'soap_notes', 'visit_signatures'):
        assert tables[name] and all(r['visit_id'] in visits for r in tables[name]), name
    receipts = {r['id'] for r in tables['receipts']}
    assert all(d['receipt_id'] in receipts for d in tables['receipt_documents'])
    # The same bytes each time; never imported.
    again = path('client-2-again.json')
    run('--database', database, 'export', '--client', '2', again, check=0)
    assert read(out) == read(again)
    p = run('--database', path('client-import.db'), 'import', out)
    assert p.returncode == 1 and '$.scope' in p.stderr, p.stderr
    assert run('--database', database, 'export', '--client', '9999', path('x.json')).returncode == 1


@test
def moving_to_another_machine():
    # The clinic as it stands on the old machine, exported to a file
    # carried over (a USB drive).
    old = path('old-machine.db')
    run('--database', old, 'demo', check=0)
    carried = path('usb-drive/clinic.json')
    os.makedirs(os.path.dirname(carried))
    run('--database', old, 'export', carried, check=0)

    # The new machine: another home, nothing there yet; import creates the
    # clinic's database where Palpate looks for it.
    home = tempfile.mkdtemp(prefix='palpate-new-machine-')
    env = dict(ENV, XDG_DATA_HOME=os.path.join(home, 'data'), HOME=home)

    def on_new(*args, check=0):
        p = subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=120)
        assert p.returncode == check, (args, p.returncode, p.stderr)
        return p

    try:
        on_new('clients', 'list', check=1)
        on_new('import', carried)
        databases = [os.path.join(d, f) for d, _, files in os.walk(home) for f in files
                     if f.endswith('.db')]
        assert len(databases) == 1, databases
        assert stat.S_IMODE(os.stat(databases[0]).st_mode) == 0o600
        assert 'No problems' in on_new('check').stdout

        # The same clients, visits and receipts, as the commands show them.
        for command in (('clients', 'list', '--archived'), ('clients', 'list'),
                        ('practitioners', 'list'), ('services', 'list', '--all'),
                        ('visits', 'list'), ('receipts', 'list'), ('payers', 'list', '--all')):
            before = json.loads(run('--database', old, '--json', *command, check=0).stdout)
            after = json.loads(on_new('--json', *command).stdout)
            assert after == before, command
        receipts = json.loads(on_new('--json', 'receipts', 'list').stdout)
        assert receipts and all(r['sha256'] for r in receipts)
        # An issued receipt reprints as the very same PDF.
        number = receipts[0]['number']
        run('--database', old, 'document', 'receipt', number, '--original', '-o',
            path('old-receipt.pdf'), check=0)
        on_new('document', 'receipt', number, '--original', '-o',
               os.path.join(home, 'new-receipt.pdf'))
        assert read(path('old-receipt.pdf')) == read(os.path.join(home, 'new-receipt.pdf'))
        # Exported again on the new machine, the clinic is the same file.
        on_new('export', os.path.join(home, 'again.json'))
        assert read(os.path.join(home, 'again.json')) == read(carried)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def mutate(fn):
    data = copy.deepcopy(json.loads(read(demo_archive('US')[1])))
    fn(data)
    return json.dumps(data)


def setitem(obj, key, value):
    obj[key] = value


def nested(depth):
    return '[' * depth + ']' * depth


BAD = [
    # (what, archive text, the path the message must name)
    ('not JSON', lambda: '{"format": "palpate-archive", ', '$'),
    ('empty', lambda: '', '$'),
    ('an array', lambda: '[]', '$'),
    ('NUL bytes', lambda: '{"format": "palpate\0"}', '$'),
    ('10k nested arrays', lambda: '{"format": "palpate-archive", "tables": {"clients": '
                                  + nested(10000) + '}}', '$'),
    ('10k nested in a value', lambda: mutate(lambda d: setitem(
        d['tables']['clients'][0], 'notes', 'NESTED')).replace('"NESTED"', nested(10000)), '$'),
    ('wrong format', lambda: mutate(lambda d: setitem(d, 'format', 'other')), '$.format'),
    ('wrong format version', lambda: mutate(lambda d: setitem(d, 'format_version', 2)),
     '$.format_version'),
    ('format version as text', lambda: mutate(lambda d: setitem(d, 'format_version', '1')),
     '$.format_version'),
    ('newer schema', lambda: mutate(lambda d: setitem(d, 'schema_version', 999)),
     '$.schema_version'),
    ('unknown header member', lambda: mutate(lambda d: setitem(d, 'extra', 1)), '$.extra'),
    ('tables not an object', lambda: mutate(lambda d: setitem(d, 'tables', [])), '$.tables'),
    ('unknown table', lambda: mutate(lambda d: setitem(d['tables'], 'bogus', [])),
     '$.tables.bogus'),
    ('an index table', lambda: mutate(lambda d: setitem(d['tables'], 'clients_fts', [])),
     '$.tables.clients_fts'),
    ('sqlite_sequence', lambda: mutate(lambda d: setitem(d['tables'], 'sqlite_sequence', [])),
     '$.tables.sqlite_sequence'),
    ('odd table name', lambda: mutate(lambda d: setitem(d['tables'], 'a"; DROP TABLE x', [])),
     '$.tables["a\\"; DROP TABLE x"]'),
    ('table not an array', lambda: mutate(lambda d: setitem(d['tables'], 'visits', {})),
     '$.tables.visits'),
    ('row not an object', lambda: mutate(lambda d: setitem(d['tables']['visits'], 3, [1])),
     '$.tables.visits[3]'),
    ('unknown column', lambda: mutate(lambda d: setitem(d['tables']['visits'][3], 'bogus', 1)),
     '$.tables.visits[3].bogus'),
    ('number for text', lambda: mutate(lambda d: setitem(d['tables']['visits'][3],
                                                         'starts_at', 12)),
     '$.tables.visits[3].starts_at'),
    ('text for a number', lambda: mutate(lambda d: setitem(d['tables']['users'][0], 'id', 'one')),
     '$.tables.users[0].id'),
    ('boolean', lambda: mutate(lambda d: setitem(d['tables']['users'][0], 'active', True)),
     '$.tables.users[0].active'),
    ('fraction for a whole number', lambda: mutate(lambda d: setitem(d['tables']['users'][0],
                                                                     'roles', 1.5)),
     '$.tables.users[0].roles'),
    ('array value', lambda: mutate(lambda d: setitem(d['tables']['clients'][0], 'notes', [])),
     '$.tables.clients[0].notes'),
    ('file for text', lambda: mutate(lambda d: setitem(d['tables']['clients'][0], 'notes',
                                                       {'base64': 'AAAA'})),
     '$.tables.clients[0].notes'),
    ('bad base64', lambda: mutate(lambda d: setitem(d['tables']['receipt_documents'][0], 'pdf',
                                                    {'base64': 'not base64!'})),
     '$.tables.receipt_documents[0].pdf.base64'),
    ('huge string', lambda: mutate(lambda d: setitem(d['tables']['clients'][0], 'notes',
                                                     'x' * (2 * 1024 * 1024))),
     '$.tables.clients[0].notes'),
    ('CHECK constraint', lambda: mutate(lambda d: setitem(d['tables']['clients'][2], 'sex', 'Q')),
     '$.tables.clients[2].sex'),
    ('NOT NULL', lambda: mutate(lambda d: setitem(d['tables']['visits'][3], 'starts_at', None)),
     '$.tables.visits[3].starts_at'),
    ('UNIQUE', lambda: mutate(lambda d: setitem(d['tables']['users'][1], 'login',
                                                d['tables']['users'][0]['login'])),
     '$.tables.users[1].login'),
    ('duplicate id', lambda: mutate(lambda d: setitem(d['tables']['clients'][1], 'id',
                                                      d['tables']['clients'][0]['id'])),
     '$.tables.clients[1]'),
    ('dangling foreign key', lambda: mutate(lambda d: setitem(d['tables']['visits'][3],
                                                              'client_id', 99999)),
     '$.tables.visits[3].client_id'),
    ('dangling key in a key-only table', lambda: mutate(lambda d: setitem(
        d['tables']['referral_diagnoses'][0], 'diagnosis_id', 99999)),
     '$.tables.referral_diagnoses[0].diagnosis_id'),
    ('a receipt that does not add up', lambda: mutate(lambda d: (
        setitem(d['tables']['receipts'][0], 'subtotal_cents',
                d['tables']['receipts'][0]['subtotal_cents'] + 100),
        setitem(d['tables']['receipts'][0], 'total_cents',
                d['tables']['receipts'][0]['total_cents'] + 100))),
     'receipt-totals'),
    ('an audit row by nobody', lambda: mutate(lambda d: setitem(d['tables']['audit_log'][0],
                                                                'user_id', 99999)),
     'audit-user'),
]


def import_fails(name, text, where):
    # Into a new file: the failed import leaves no file behind.
    new = path(f'bad-new-{name}.db')
    archive = path(f'bad-{name}.json')
    with open(archive, 'w', encoding='utf-8', newline='') as f:
        f.write(text)
    p = run('--database', new, 'import', archive)
    assert p.returncode == 1, f'{name}: exit {p.returncode}\n{p.stderr}'
    assert where in p.stderr, f'{name}: wanted {where!r} in {p.stderr!r}'
    assert not os.path.exists(new), f'{name}: a database was left behind'
    # Into an existing empty database: it stays empty.
    empty = path(f'bad-empty-{name}.db')
    open(empty, 'wb').close()
    p = run('--database', empty, 'import', archive)
    assert p.returncode == 1 and where in p.stderr, p.stderr
    for table in ('clients', 'users', 'audit_log', 'receipts', 'receipt_series'):
        assert count(empty, table) == 0, (name, table)
    return empty


@test
def hostile_archives_import_nothing():
    failures = []
    for name, make, where in BAD:
        try:
            import_fails(name.replace(' ', '-'), make(), where)
        except AssertionError as e:
            failures.append(str(e))
    assert not failures, '\n'.join(failures)
    # The database a failed import left empty takes a good archive afterwards.
    empty = path('bad-empty-dangling-foreign-key.db')
    run('--database', empty, 'import', demo_archive('US')[1], check=0)
    run('--database', empty, 'check', check=0)


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
