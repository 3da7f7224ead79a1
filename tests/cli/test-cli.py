#!/usr/bin/python3
"""palpate-cli end to end: every command, its exit code and its output.

Runs the built binary ($PALPATE_CLI) in temporary folders and prints TAP.
"""
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import traceback

CLI = os.environ.get('PALPATE_CLI', 'build/src/cli/palpate-cli')
TMP = tempfile.mkdtemp(prefix='palpate-cli-test-')
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


def db(name):
    return os.path.join(TMP, name)


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def demo(name, *extra):
    path = db(name)
    run('--database', path, 'demo', *extra, check=0)
    return path


@test
def version_and_help():
    p = run('--version', check=0)
    assert p.stdout.startswith('palpate-cli '), p.stdout
    p = run('--help', check=0)
    for word in ('demo', 'check', 'backup', 'restore', 'clients list', 'clients search',
                 'practitioners list', '--database', '--as', '--json'):
        assert word in p.stdout, word
    run('clients', 'search', '--help', check=0)


@test
def usage_errors_exit_2():
    cases = [
        (),                                   # no command
        ('frobnicate',),                      # unknown command
        ('--bogus', 'check'),                 # unknown option
        ('--database',),                      # option without value
        ('clients',),                         # missing subcommand
        ('clients', 'delete'),                # unknown subcommand
        ('clients', 'search'),                # missing TEXT
        ('clients', 'search', 'a', 'b'),      # extra argument
        ('practitioners', 'list', 'x'),
        ('backup',),                          # missing FILE
        ('restore',),
        ('check', 'extra'),
        ('demo', '--clients', '-5'),
        ('demo', '--clients', 'abc'),
        ('demo', '--clients', '99999999999999999999'),
        ('demo', '--clients'),
        ('demo', '--country', 'FR'),
        ('demo', '--seed', '1.5'),
    ]
    for args in cases:
        p = run('--database', db('never.db'), *args)
        assert p.returncode == 2, (args, p.returncode, p.stderr)
        assert p.stderr.strip(), ('no message', args)
        assert p.stdout == '', (args, p.stdout)
    assert not os.path.exists(db('never.db')), 'a usage error created the database'


@test
def missing_database_is_runtime_error():
    p = run('--database', db('missing.db'), 'clients', 'list')
    assert p.returncode == 1 and 'missing.db' in p.stderr, p


@test
def demo_lists_the_story_clients():
    path = demo('us.db')
    p = run('--database', path, '--json', 'clients', 'list', check=0)
    clients = json.loads(p.stdout)
    names = {c['family_name'] for c in clients}
    assert {'Whitfield', 'Brennan', 'Nguyen', 'Reyes', 'Park', 'Lefèvre'} <= names, names
    keys = {'id', 'display_name', 'given_name', 'family_name', 'birth_date', 'email',
            'mobile_phone', 'archived'}
    assert keys <= set(clients[0]), clients[0]
    minor = next(c for c in clients if c['family_name'] == 'Park')
    assert minor['birth_date'] == '2012-04-30'
    # Text mode shows US dates month first.
    p = run('--database', path, 'clients', 'list', check=0)
    assert '04/30/2012' in p.stdout, p.stdout


@test
def demo_is_deterministic():
    a = run('--database', demo('det1.db'), '--json', 'clients', 'list', check=0).stdout
    b = run('--database', demo('det2.db'), '--json', 'clients', 'list', check=0).stdout
    assert a == b


@test
def demo_canada():
    path = demo('ca.db', '--country', 'CA')
    p = run('--database', path, '--json', 'practitioners', 'list', check=0)
    people = json.loads(p.stdout)
    assert len(people) == 2, people
    assert all(x['credentials'] == 'RMT' for x in people)
    assert all(l['jurisdiction'] == 'ON' for x in people for l in x['licences'])
    p = run('--database', path, 'clients', 'list', check=0)
    assert '30/04/2012' in p.stdout, p.stdout


@test
def practitioners_with_licences_and_endorsement():
    path = demo('prac.db')
    people = json.loads(run('--database', path, '--json', 'practitioners', 'list',
                            check=0).stdout)
    assert len(people) == 2, 'the admin is not a practitioner'
    endorsed = [x for x in people
                if any(l['kind'] == 'endorsement' and l['endorsement'] == 'intra-oral'
                       for l in x['licences'])]
    assert len(endorsed) == 1, people
    assert all(l['current'] for x in people for l in x['licences'])
    assert all(l['jurisdiction'] == 'WA' for x in people for l in x['licences'])


@test
def demo_refuses_a_real_clinic():
    path = demo('real.db')
    # Make it a real clinic by clearing the demo flag, as a set-up would.
    con = sqlite3.connect(path)
    cols = [r[1] for r in con.execute('PRAGMA table_info(clinic)')]
    assert 'is_demo' in cols, cols
    con.close()
    con = sqlite3.connect(path)
    con.execute('PRAGMA recursive_triggers=OFF')
    try:
        # Audit triggers need the application's actor function: drop them
        # for this planted change only.
        trig = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='clinic'")]
        for t in trig:
            con.execute(f'DROP TRIGGER "{t}"')
        con.execute('UPDATE clinic SET is_demo = 0')
        con.commit()
    finally:
        con.close()
    before = sha256(path)
    p = run('--database', path, 'demo')
    assert p.returncode == 1, p
    assert 'real clinic' in p.stderr, p.stderr
    assert sha256(path) == before, 'the real clinic was modified'


@test
def demo_into_a_non_database_changes_nothing():
    path = db('notes.txt')
    with open(path, 'w') as f:
        f.write('not a database\n' * 100)
    before = sha256(path)
    p = run('--database', path, 'demo')
    assert p.returncode == 1 and p.stderr.strip(), p
    assert sha256(path) == before


@test
def scale_data_counts_and_seed():
    a = demo('scale-a.db', '--clients', '300', '--seed', '7')
    b = demo('scale-b.db', '--clients', '300', '--seed', '7')
    c = demo('scale-c.db', '--clients', '300', '--seed', '8')
    la = json.loads(run('--database', a, '--json', 'clients', 'list', check=0).stdout)
    lb = json.loads(run('--database', b, '--json', 'clients', 'list', check=0).stdout)
    lc = json.loads(run('--database', c, '--json', 'clients', 'list', check=0).stdout)
    assert len(la) == 308, len(la)
    assert la == lb
    assert la != lc
    p = run('--database', db('visits.db'), 'demo', '--visits', '3')
    assert p.returncode == 1 and 'visits' in p.stderr, p


@test
def search_is_accent_insensitive():
    path = demo('search.db')
    hits = json.loads(run('--database', path, '--json', 'clients', 'search', 'zoe',
                          check=0).stdout)
    assert [h['given_name'] for h in hits] == ['Zoë'], hits
    hits = json.loads(run('--database', path, '--json', 'clients', 'search', 'LEFEV',
                          check=0).stdout)
    assert len(hits) == 1, hits
    hits = json.loads(run('--database', path, '--json', 'clients', 'search', '1980-04-02',
                          check=0).stdout)
    assert [h['family_name'] for h in hits] == ['Lefèvre'], hits
    hits = json.loads(run('--database', path, '--json', 'clients', 'search', 'qqqzzz',
                          check=0).stdout)
    assert hits == []
    for hostile in ('"', '*', 'OR', 'NEAR(', "'; DROP TABLE clients; --", '-', ':'):
        p = run('--database', path, '--json', 'clients', 'search', hostile)
        assert p.returncode == 0, (hostile, p.stderr)
        json.loads(p.stdout)


@test
def check_good_and_broken():
    path = demo('check.db')
    p = run('--database', path, 'check', check=0)
    p = run('--database', path, '--json', 'check', check=0)
    assert json.loads(p.stdout) == []
    con = sqlite3.connect(path)
    con.execute('PRAGMA foreign_keys=OFF')
    trig = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='licences'")]
    for t in trig:
        con.execute(f'DROP TRIGGER "{t}"')
    con.execute('UPDATE licences SET user_id = 999 WHERE id = (SELECT MIN(id) FROM licences)')
    con.commit()
    con.close()
    p = run('--database', path, 'check')
    assert p.returncode == 3, (p.returncode, p.stdout, p.stderr)
    assert 'foreign-key' in p.stdout, p.stdout
    p = run('--database', path, '--json', 'check')
    assert p.returncode == 3
    problems = json.loads(p.stdout)
    assert any(x['code'] == 'foreign-key' for x in problems), problems


@test
def services_and_visits():
    path = demo('visits.db')
    services = json.loads(run('--database', path, '--json', 'services', 'list', check=0).stdout)
    by_name = {s['name']: s for s in services}
    assert by_name['Esthetic facial 30 min']['category'] == 'esthetic'
    assert by_name['Esthetic facial 30 min']['cpt_code'] is None
    assert by_name['Massage therapy 60 min']['cpt_code'] == '97124'
    assert by_name['No-show fee']['category'] == 'other'
    ca = demo('visits-ca.db', '--country', 'CA')
    ca_services = json.loads(run('--database', ca, '--json', 'services', 'list', check=0).stdout)
    assert all(s['cpt_code'] is None for s in ca_services), 'no CPT codes in Canada'

    clients = json.loads(run('--database', path, '--json', 'clients', 'search', 'whitfield',
                             check=0).stdout)
    grace = clients[0]['id']
    visits = json.loads(run('--database', path, '--json', 'visits', 'list', '--client',
                            str(grace), check=0).stdout)
    assert visits and all(v['client_id'] == grace for v in visits)
    mixed = [v for v in visits if set(v['categories']) == {'therapeutic', 'esthetic'}]
    # One combined session receipted two weeks ago, confirmed; one booked
    # today, for the front desk to confirm and check out.
    assert len(mixed) == 2, visits
    assert sorted(v['mixed_confirmed'] for v in mixed) == [False, True], mixed
    assert any(v['status'] == 'booked' for v in visits), 'today has bookings'
    everyone = json.loads(run('--database', path, '--json', 'visits', 'list', check=0).stdout)
    assert any(v['status'] == 'no-show' and v['categories'] == ['other'] for v in everyone)
    text = run('--database', path, 'visits', 'list', check=0).stdout
    assert 'Status' in text and 'attended' in text
    for bad in (('visits', 'list', '--client'), ('visits', 'list', '--client', 'x'),
                ('visits', 'list', 'extra'), ('services', 'list', 'x'), ('visits', 'delete')):
        assert run('--database', path, *bad).returncode == 2, bad
    p = run('--database', path, 'visits', 'list', '--client', '9999')
    assert p.returncode == 1 and p.stderr.strip(), p
    run('--database', path, 'check', check=0)


@test
def receipts_issue_void_and_documents():
    path = demo('receipts.db')
    listed = json.loads(run('--database', path, '--json', 'receipts', 'list', check=0).stdout)
    numbers = {r['number'] for r in listed}
    # The demo's history: a combined visit's T and E receipts, a no-show fee,
    # a partial payment, a voided and reissued receipt.
    assert any(n.startswith('E-') for n in numbers) and any(n.startswith('G-') for n in numbers)
    assert any(r['voided'] and r['replaced_by'] for r in listed), listed
    assert any(r['balance_cents'] > 0 for r in listed), 'a partial payment leaves a balance'
    for series in 'TEG':
        seqs = sorted(int(r['number'].rsplit('-', 1)[1]) for r in listed
                      if r['number'].startswith(series + '-'))
        assert seqs == list(range(1, len(seqs) + 1)), (series, seqs)

    # Today's combined visit: booked, so not yet receiptable; then attended
    # but not confirmed by an admin.
    grace = json.loads(run('--database', path, '--json', 'clients', 'search', 'whitfield',
                           check=0).stdout)[0]['id']
    visits = json.loads(run('--database', path, '--json', 'visits', 'list', '--client',
                            str(grace), check=0).stdout)
    today = [v for v in visits if v['status'] == 'booked'][0]
    p = run('--database', path, 'receipts', 'issue', str(today['id']))
    assert p.returncode == 2 and '--as' in p.stderr, 'writes need --as'
    p = run('--database', path, '--as', 'rosa', 'receipts', 'issue', str(today['id']))
    assert p.returncode == 1 and 'attended' in p.stderr, p.stderr
    con = sqlite3.connect(path)
    attended = con.execute("SELECT id FROM visits WHERE status = 'attended' AND NOT EXISTS ("
                           " SELECT 1 FROM visit_lines l WHERE l.visit_id = visits.id AND"
                           " EXISTS (SELECT 1 FROM receipt_lines r WHERE r.visit_line_id = l.id))"
                           ).fetchall()
    con.close()
    assert attended == [], 'every past visit of the demo is receipted'

    # An already receipted visit has nothing left.
    t_receipt = next(r for r in listed if r['number'].startswith('T-') and not r['voided'])
    p = run('--database', path, '--as', 'rosa', 'receipts', 'issue', '1')
    assert p.returncode == 1 and p.stderr.strip(), p

    # Void needs a reason and an admin; then the services are billable again.
    assert run('--database', path, '--as', 'rosa', 'receipts', 'void',
               t_receipt['number']).returncode == 2
    p = run('--database', path, '--as', 'maya', 'receipts', 'void', t_receipt['number'],
            '--reason', 'test')
    assert p.returncode == 1 and 'admin' in p.stderr.lower(), p.stderr
    run('--database', path, '--as', 'rosa', 'receipts', 'void', t_receipt['number'],
        '--reason', 'Billed the wrong duration', check=0)
    con = sqlite3.connect(path)
    (visit_id,) = con.execute("SELECT DISTINCT l.visit_id FROM receipt_lines rl"
                              " JOIN visit_lines l ON l.id = rl.visit_line_id"
                              " JOIN receipts r ON r.id = rl.receipt_id WHERE r.number = ?",
                              (t_receipt['number'],)).fetchone()
    con.close()
    p = run('--database', path, '--as', 'rosa', '--json', 'receipts', 'issue', str(visit_id),
            '--replaces', t_receipt['number'], check=0)
    new = json.loads(p.stdout)
    assert len(new) == 1 and new[0]['replaces'] == t_receipt['number'], new
    assert new[0]['paid_cents'] == t_receipt['paid_cents'], 'payments carry over'

    # The stored PDF comes back byte for byte; a void adds an addendum.
    out = db('new-receipt.pdf')
    run('--database', path, 'document', 'receipt', new[0]['number'], '-o', out, check=0)
    assert sha256(out) == new[0]['sha256']
    text = subprocess.run(['pdftotext', out, '-'], capture_output=True, text=True).stdout
    assert 'Massage therapy' in text and new[0]['number'] in text, text
    old = db('old-receipt.pdf')
    run('--database', path, 'document', 'receipt', t_receipt['number'], '-o', old, check=0)
    text = subprocess.run(['pdftotext', old, '-'], capture_output=True, text=True).stdout
    assert 'VOID' in text and 'Billed the wrong duration' in text, text
    run('--database', path, 'document', 'receipt', t_receipt['number'], '--original', '-o',
        old, check=0)
    assert sha256(old) == t_receipt['sha256']

    # The statement lists massage therapy only.
    st = db('statement.pdf')
    run('--database', path, 'document', 'statement', str(grace), '--from', '2000-01-01',
        '--to', '2999-12-31', '-o', st, check=0)
    text = subprocess.run(['pdftotext', st, '-'], capture_output=True, text=True).stdout
    assert 'Massage therapy' in text and 'Esthetic facial' not in text, text

    for bad in (('receipts',), ('receipts', 'issue'), ('receipts', 'issue', 'x'),
                ('receipts', 'issue', '1', '--pay', 'card'),
                ('receipts', 'issue', '1', '--pay', 'card:-5'),
                ('receipts', 'void', 'T-1'), ('receipts', 'list', '--client'),
                ('document',), ('document', 'receipt', 'T-1'),
                ('document', 'receipt', 'T-1', '-o', 'x.txt'),
                ('document', 'statement', '1', '--from', '2026-13-01', '--to', '2026-12-01',
                 '-o', 'x.pdf'),
                ('document', 'statement', '1', '--from', '2026-12-01', '--to', '2026-01-01',
                 '-o', 'x.pdf'),
                ('document', 'letter', '1', '-o', 'x.pdf')):
        assert run('--database', path, '--as', 'rosa', *bad).returncode == 2, bad
    p = run('--database', path, 'document', 'receipt', 'T-1999-999999', '-o', db('x.pdf'))
    assert p.returncode == 1 and p.stderr.strip(), p
    assert not os.path.exists(db('x.pdf'))
    run('--database', path, 'check', check=0)

    # Someone with a SQLite shell puts a massage therapy receipt's PDF in
    # place of a cosmetic one: check reads the stored PDFs and says so.
    e_receipt = next(r for r in listed if r['number'].startswith('E-'))
    con = sqlite3.connect(path)
    con.executescript(
        "DROP TRIGGER receipt_documents_frozen_update;"
        "UPDATE receipt_documents SET pdf = (SELECT pdf FROM receipt_documents d"
        " JOIN receipts r ON r.id = d.receipt_id WHERE r.number = '%s')"
        " WHERE receipt_id = (SELECT id FROM receipts WHERE number = '%s');"
        % (new[0]['number'], e_receipt['number']))
    con.close()
    p = run('--database', path, '--json', 'check', check=3)
    codes = {x['code'] for x in json.loads(p.stdout)}
    assert {'receipt-document', 'esthetic-document'} <= codes, codes


@test
def backup_and_restore():
    path = demo('live.db')
    backup = db('live-backup.db')
    run('--database', path, 'backup', backup, check=0)
    assert os.path.getsize(backup) > 0
    expected = run('--database', path, '--json', 'clients', 'list', check=0).stdout
    # Lose the clinic, then restore it.
    os.remove(path)
    for suffix in ('-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    p = run('--database', path, 'restore', backup)
    assert p.returncode == 2 and '--as' in p.stderr, 'restore without --as'
    assert not os.path.exists(path)
    p = run('--database', path, '--as', 'nobody', 'restore', backup)
    assert p.returncode == 1, p
    assert not os.path.exists(path)
    p = run('--database', path, '--as', 'rosa', 'restore', backup, check=0)
    # What the backup holds is said first; a lost file needs no safety copy.
    assert 'clients: ' in p.stdout and 'visits: ' in p.stdout, p.stdout
    assert 'last receipts: T-' in p.stdout, p.stdout
    assert p.stdout.index('clients: ') < p.stdout.index('Restored'), p.stdout
    assert 'kept in' not in p.stdout, p.stdout
    assert run('--database', path, '--json', 'clients', 'list', check=0).stdout == expected
    # Restoring over a clinic keeps it first, beside it, private.
    before = sha256(path)
    p = run('--database', path, '--as', 'rosa', '--json', 'restore', backup, check=0)
    out = json.loads(p.stdout)
    assert out['clients'] == len(json.loads(expected)), out
    assert out['schema_version'] >= 1 and out['visits'] > 0, out
    assert out['last_receipts'] and out['last_receipts'][0].startswith('T-'), out
    safety = out['safety_copy']
    assert os.path.dirname(safety) == os.path.dirname(path), safety
    assert safety.endswith('.before-restore.palpate-backup'), safety
    assert os.stat(safety).st_mode & 0o777 == 0o600
    assert json.loads(run('--database', safety, '--json', 'clients', 'list',
                          check=0).stdout) == json.loads(expected)
    # A backup from a newer Palpate is refused, with nothing changed.
    newer = db('newer-backup.db')
    shutil.copy(backup, newer)
    con = sqlite3.connect(newer)
    con.execute('PRAGMA user_version = 999')
    con.close()
    before = sha256(path)
    listing = sorted(os.listdir(os.path.dirname(path)))
    p = run('--database', path, '--as', 'rosa', 'restore', newer)
    assert p.returncode == 1 and 'newer version' in p.stderr, p
    assert 'clients: ' not in p.stdout, p.stdout
    assert sha256(path) == before
    assert sorted(os.listdir(os.path.dirname(path))) == listing
    # A broken backup is refused and the database is left alone.
    bad = db('bad-backup.db')
    with open(bad, 'wb') as f:
        f.write(b'SQLite format 3\x00' + b'\xff' * 4000)
    before = sha256(path)
    p = run('--database', path, '--as', 'rosa', 'restore', bad)
    assert p.returncode == 1, p
    assert sha256(path) == before


@test
def atlas_and_chart_documents():
    regions = json.loads(run('--json', 'atlas', 'list', check=0).stdout)
    assert len(regions) >= 100, len(regions)
    ids = {r['id']: r for r in regions}
    assert ids['face.masseter.left']['view'] == 'face'
    assert ids['face.masseter.left']['laterality'] == 'left'
    face = json.loads(run('--json', 'atlas', 'list', '--view', 'face', check=0).stdout)
    assert face and all(r['view'] == 'face' for r in face)
    assert 'face.masseter.left' in run('atlas', 'list', check=0).stdout
    run('atlas', 'list', '--view', 'elbow', check=2)
    run('atlas', 'list', '--nonsense', check=2)

    # Grace's first visit: trigger points in her left masseter, on the face.
    path = demo('chart.db')
    visits = json.loads(run('--database', path, '--json', 'visits', 'list', check=0).stdout)
    first = min((v for v in visits if v['client_name'] == 'Grace Whitfield'),
                key=lambda v: v['starts_at'])
    png = os.path.join(TMP, 'chart.png')
    run('--database', path, 'document', 'chart', str(first['id']), '--view', 'face', '-o', png,
        check=0)
    with open(png, 'rb') as f:
        head = f.read(24)
    assert head[:8] == b'\x89PNG\r\n\x1a\n', head
    assert int.from_bytes(head[16:20], 'big') == 1000
    pdf = os.path.join(TMP, 'chart.pdf')
    run('--database', path, 'document', 'chart', str(first['id']), '--view', 'face', '-o', pdf,
        check=0)
    text = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True,
                          check=True).stdout
    for label in ('Aching', 'Trigger point', 'Restricted movement', 'Avoid', 'Treated area'):
        assert label in text, label
    assert 'Grace Whitfield' in text
    assert 'Left masseter: trigger point 8/10' in text, text

    # Bad view, visit, extension, or a missing view.
    run('--database', path, 'document', 'chart', str(first['id']), '--view', 'nose', '-o', pdf,
        check=2)
    run('--database', path, 'document', 'chart', str(first['id']), '-o', pdf, check=2)
    run('--database', path, 'document', 'chart', str(first['id']), '--view', 'face', '-o',
        os.path.join(TMP, 'chart.jpg'), check=2)
    run('--database', path, 'document', 'chart', 'x', '--view', 'face', '-o', pdf, check=2)
    run('--database', path, 'document', 'chart', '99999', '--view', 'face', '-o', pdf, check=1)
    run('--database', db('no-such.db'), 'document', 'chart', '1', '--view', 'face', '-o', pdf,
        check=1)


@test
def document_clinical():
    path = demo('clinical.db')
    visits = json.loads(run('--database', path, '--json', 'visits', 'list', check=0).stdout)
    esthetic = next(v for v in visits if v['categories'] == ['esthetic']
                    or v['categories'] == 'esthetic')
    client = visits[0]['client_id']
    pdf = os.path.join(TMP, 'record.pdf')

    # The whole record of any client: a PDF, readable only by its owner.
    run('--database', path, 'document', 'record', str(client), '-o', pdf, check=0)
    with open(pdf, 'rb') as f:
        assert f.read(5) == b'%PDF-'
    assert os.stat(pdf).st_mode & 0o077 == 0
    # Notes' text prints for the reader the clinic lets read it: Maya, not
    # the front desk (Rosa) nor nobody; the rest of the record for all.
    def words(*args):
        p = run('--database', path, *args, 'document', 'record', '1', '-o', pdf, check=0)
        text = subprocess.run(['pdftotext', pdf, '-'], capture_output=True, text=True,
                              check=True).stdout
        return ' '.join(text.split()), p.stderr
    narrative = 'Myofascial TMD on the left with reduced opening'
    text, err = words('--as', 'maya')
    assert narrative in text and 'Restricted' not in text and err == '', err
    for who in (('--as', 'rosa'), ()):
        text, err = words(*who)
        assert narrative not in text, who
        assert 'Restricted: the text of clinical notes' in text, who
        assert 'Subjective Restricted' in text and 'Grace Whitfield' in text, who
        assert 'Signed electronically by Maya' in text, who
        assert 'left out' in err and ('--as' in err) == (who == ()), err
    run('--database', path, '--as', 'nobody', 'document', 'record', '1', '-o', pdf, check=1)
    # An esthetic service has a service record, never a SOAP note.
    p = run('--database', path, 'document', 'soap', str(esthetic['id']), '-o', pdf, check=1)
    assert 'esthetic' in p.stderr, p.stderr
    # Missing things are runtime errors; malformed requests are usage errors.
    run('--database', path, 'document', 'soap', '99999', '-o', pdf, check=1)
    run('--database', path, 'document', 'record', '99999', '-o', pdf, check=1)
    for args in (('soap', 'x', '-o', pdf), ('plan', str(client), '-o', 'x.txt'),
                 ('progress', str(client)), ('record', str(client), '--from', '2026-01-01',
                                             '-o', pdf),
                 ('soap', '1', '--view', 'face', '-o', pdf)):
        run('--database', path, 'document', *args, check=2)


@test
def document_lomn():
    path = demo('lomn.db')
    found = json.loads(run('--database', path, '--json', 'clients', 'search', 'Brennan',
                           check=0).stdout)
    hal = str(found[0]['id'])
    pdf = os.path.join(TMP, 'lomn.pdf')
    con = sqlite3.connect(path)

    def letters():
        return con.execute("SELECT count(*) FROM issued_letters WHERE kind = 'lomn'"
                           ).fetchone()[0]

    # The demo keeps one issued letter for Hal; drafting another writes nothing.
    assert letters() == 1
    run('--database', path, 'document', 'lomn', hal, '-o', pdf, check=0)
    assert letters() == 1
    with open(pdf, 'rb') as f:
        assert f.read(5) == b'%PDF-'
    assert os.stat(pdf).st_mode & 0o077 == 0
    text = ' '.join(subprocess.run(['pdftotext', pdf, '-'], capture_output=True,
                                   text=True).stdout.split())
    for element in ('Cedar Hollow Massage Therapy', 'Letter of Medical Necessity',
                    'Harold Brennan', '11/02/1958', 'R25.2', 'Cramp and spasm',
                    'Therapeutic massage: Gentle myofascial release', 'Frequency: Weekly',
                    'Duration:', 'Goals and progress so far', 'at the start',
                    'not for general health, wellness', 'Dr. Samuel Lee, MD',
                    'NPI 1463025852', 'PRESCRIBER’S SIGNATURE', 'DATE'):
        assert element in text, (element, text)

    # --issue keeps it as issued, as a practitioner; the stored bytes are the file's.
    p = run('--database', path, '--as', 'maya', '--json', 'document', 'lomn', hal, '-o', pdf,
            '--issue', check=0)
    issued = json.loads(p.stdout)
    assert issued['kind'] == 'lomn' and issued['prescriber'] == 'Dr. Samuel Lee, MD', issued
    assert issued['sha256'] == sha256(pdf), issued
    assert letters() == 2
    row = con.execute('SELECT pdf FROM issued_letters WHERE id = ?', (issued['id'],)).fetchone()
    assert hashlib.sha256(row[0]).hexdigest() == issued['sha256']
    # Frozen: SQL cannot change or delete it.
    for sql in ('UPDATE issued_letters SET prescriber = \'x\'', 'DELETE FROM issued_letters'):
        try:
            con.execute(sql)
            raise AssertionError(sql + ' was allowed')
        except sqlite3.DatabaseError as e:
            assert 'an issued letter cannot be' in str(e), e
    con.rollback()
    assert letters() == 2
    run('--database', path, 'check', check=0)

    # Issuing needs --as, and a practitioner: the admin is refused, nothing written.
    run('--database', path, 'document', 'lomn', hal, '-o', pdf, '--issue', check=2)
    p = run('--database', path, '--as', 'rosa', 'document', 'lomn', hal, '-o', pdf, '--issue',
            check=1)
    assert 'practitioner' in p.stderr, p.stderr
    assert letters() == 2

    # A client whose record cannot support a letter: the missing pieces, no file.
    clients = json.loads(run('--database', path, '--json', 'clients', 'list', check=0).stdout)
    refused = 0
    for client in clients:
        out = os.path.join(TMP, 'lomn-%d.pdf' % client['id'])
        p = run('--database', path, 'document', 'lomn', str(client['id']), '-o', out)
        if p.returncode == 1:
            refused += 1
            assert 'cannot support a letter of medical necessity' in p.stderr, p.stderr
            assert 'No diagnosis' in p.stderr or 'No current assessment' in p.stderr, p.stderr
            assert not os.path.exists(out)
        else:
            assert p.returncode == 0, p.stderr
    assert refused >= 1
    assert letters() == 2
    con.close()

    # Malformed requests are usage errors.
    for args in (('lomn', 'x', '-o', pdf), ('lomn', hal), ('lomn', hal, '-o', 'x.txt'),
                 ('lomn', hal, '--from', '2026-01-01', '-o', pdf),
                 ('soap', '1', '--issue', '-o', pdf)):
        run('--database', path, 'document', *args, check=2)
    run('--database', path, 'document', 'lomn', '99999', '-o', pdf, check=1)


@test
def document_appeal():
    path = demo('appeal.db')
    con = sqlite3.connect(path)
    con.create_function('palp_actor', 0, lambda: 1)
    con.execute("UPDATE claim_settings SET billing_npi = '1245319599'")
    con.commit()
    visits = con.execute(
        "SELECT v.id FROM visits v JOIN clients c ON c.id = v.client_id"
        " WHERE c.family_name = 'Reyes' AND v.status = 'attended'"
        " AND v.id IN (SELECT visit_id FROM visit_signatures)"
        " AND v.id NOT IN (SELECT visit_id FROM claim_lines) ORDER BY v.starts_at LIMIT 2"
    ).fetchall()
    assert len(visits) == 2, visits
    admin = ('--database', path, '--as', 'rosa')
    run(*admin, 'claims', 'build', ','.join(str(v[0]) for v in visits), check=0)
    number = con.execute('SELECT number FROM claims ORDER BY id DESC').fetchone()[0]
    pdf = os.path.join(TMP, 'appeal.pdf')

    # A claim still on its way is not appealed.
    p = run('--database', path, 'document', 'appeal', number, '-o', pdf, check=1)
    assert 'only a denied or partly paid claim' in p.stderr, p.stderr
    assert not os.path.exists(pdf)
    run(*admin, 'claims', 'status', number, 'ready', check=0)
    run(*admin, 'claims', 'status', number, 'submitted', '--method', 'paper', check=0)
    run(*admin, 'claims', 'status', number, 'denied', '--reason',
        'CO-50: not deemed a medical necessity', '--reference', 'EMA-REF-1', check=0)

    # As a practitioner: the letter, then the progress report and the notes.
    run('--database', path, '--as', 'maya', 'document', 'appeal', number, '-o', pdf, check=0)
    with open(pdf, 'rb') as f:
        assert f.read(5) == b'%PDF-'
    assert os.stat(pdf).st_mode & 0o077 == 0
    text = ' '.join(subprocess.run(['pdftotext', pdf, '-'], capture_output=True,
                                   text=True).stdout.split())
    for element in ('Appeal of a Denied Claim', 'Marcus Reyes', 'Evergreen Mutual Auto',
                    'Claim no.: ' + number, 'Member id: EMA-4471902', 'Dates of service:',
                    '97124', '$256.00', 'CO-50: not deemed a medical necessity',
                    'Why the treatment was medically necessary', 'Goals and progress so far',
                    'Progress toward the goals', 'SOAP note', 'Subjective'):
        assert element in text, (element, text[:3000])
    assert 'Restricted' not in text

    # Issued by the admin, linked to the claim; without narrative access the
    # notes' text is left out, and said so.
    p = run(*admin, '--json', 'document', 'appeal', number, '-o', pdf, '--issue', check=0)
    issued = json.loads(p.stdout)
    claim_id = con.execute('SELECT id FROM claims WHERE number = ?', (number,)).fetchone()[0]
    assert issued['kind'] == 'appeal' and issued['claim_id'] == claim_id, issued
    assert issued['sha256'] == sha256(pdf)
    assert 'Restricted' in p.stderr, p.stderr
    assert con.execute("SELECT count(*) FROM issued_letters WHERE kind = 'appeal'"
                       " AND claim_id = ?", (claim_id,)).fetchone()[0] == 1
    # A practitioner does not issue appeals; nothing is written.
    run('--database', path, '--as', 'maya', 'document', 'appeal', number, '-o', pdf, '--issue',
        check=1)
    assert con.execute("SELECT count(*) FROM issued_letters WHERE kind = 'appeal'"
                       " AND claim_id = ?", (claim_id,)).fetchone()[0] == 1
    run('--database', path, 'check', check=0)
    con.close()

    run('--database', path, 'document', 'appeal', 'CLM-99999', '-o', pdf, check=1)
    for args in (('appeal', number), ('appeal', number, '-o', 'x.txt'),
                 ('appeal', number, '--from', '2026-01-01', '-o', pdf)):
        run('--database', path, 'document', *args, check=2)


@test
def document_claim():
    path = demo('claim.db')
    visits = json.loads(run('--database', path, '--json', 'visits', 'list', check=0).stdout)
    grace = [v for v in visits if v['client_name'] == 'Grace Whitfield'
             and v['status'] == 'attended' and v['signed']]
    assert len(grace) >= 2, grace
    ids = ','.join(str(v['id']) for v in grace[:2])
    claim = json.loads(run('--database', path, '--as', 'rosa', '--json', 'claims', 'build', ids,
                           check=0).stdout)
    cid = str(claim['id'])
    pdf = os.path.join(TMP, 'claim.pdf')

    def words(*args):
        run('--database', path, 'document', 'claim', cid, *args, '-o', pdf, check=0)
        assert os.stat(pdf).st_mode & 0o077 == 0
        return subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True,
                              text=True, check=True).stdout

    def x_of(bbox, word):
        for line in bbox.splitlines():
            if line.strip().endswith('>' + word + '</word>'):
                return float(line.split('xMin="')[1].split('"')[0])
        raise AssertionError(f'{word} not in the form')

    # On blank paper: the form drawn, the data in capitals, codes without dots.
    blank = words()
    assert '>RESUBMISSION</word>' in blank and '>TOTAL</word>' in blank, blank[:400]
    assert '>WHITFIELD,</word>' in blank and '>GRACE</word>' in blank
    code = claim['diagnoses'][0]
    assert '>' + code.replace('.', '') + '</word>' in blank and code not in blank, code
    # Pre-printed: the data only, moved by the offsets asked for.
    plain = words('--preprinted', '--offset-x', '0', '--offset-y', '0')
    assert '>RESUBMISSION</word>' not in plain and '>TOTAL</word>' not in plain
    moved = words('--preprinted', '--offset-x', '10', '--offset-y', '0')
    shift = x_of(moved, 'WHITFIELD,') - x_of(plain, 'WHITFIELD,')
    assert abs(shift - 10 * 72 / 25.4) < 0.1, shift
    # Missing claims are runtime errors; malformed requests usage errors.
    run('--database', path, 'document', 'claim', '99999', '-o', pdf, check=1)
    for args in (('claim', 'x', '-o', pdf), ('claim', cid), ('claim', cid, '-o', 'x.txt'),
                 ('claim', cid, '--offset-x', '2', '-o', pdf),
                 ('claim', cid, '--preprinted', '--offset-y', '40', '-o', pdf),
                 ('claim', cid, '--preprinted', '--offset-x', 'left', '-o', pdf),
                 ('claim', cid, '--from', '2026-01-01', '-o', pdf),
                 ('soap', '1', '--preprinted', '-o', pdf)):
        run('--database', path, 'document', *args, check=2)


@test
def codes_search_and_import():
    path = demo('codes.db')
    here = os.path.dirname(os.path.abspath(__file__))
    fixture = os.path.join(here, 'icd10cm-order-fixture.txt')

    # The curated list, before any import: by words or by a code's prefix.
    found = json.loads(run('--database', path, '--json', 'codes', 'search', 'low ba',
                           check=0).stdout)
    assert {'code': 'M54.50', 'description': 'Low back pain, unspecified'} in found, found
    assert all('low' in c['description'].lower() for c in found), found
    found = json.loads(run('--database', path, '--json', 'codes', 'search', 'm542',
                           check=0).stdout)
    assert [c['code'] for c in found] == ['M54.2'], found
    assert json.loads(run('--database', path, '--json', 'codes', 'search', 'thoracic sprain',
                          check=0).stdout) == []
    text = run('--database', path, 'codes', 'search', 'cervicalgia', check=0).stdout
    assert 'M54.2' in text and 'Source: CDC' in text, text

    # Importing writes: an admin only.
    p = run('--database', path, 'codes', 'import', fixture)
    assert p.returncode == 2 and '--as' in p.stderr, p
    p = run('--database', path, '--as', 'maya', 'codes', 'import', fixture)
    assert p.returncode == 1 and 'admin' in p.stderr, p
    p = run('--database', path, '--as', 'rosa', 'codes', 'import', fixture, check=0)
    assert 'Imported 6 ICD-10-CM codes' in p.stdout, p.stdout
    found = json.loads(run('--database', path, '--json', 'codes', 'search', 'thoracic sprain',
                           check=0).stdout)
    assert [c['code'] for c in found] == ['S23.3XXA'], found
    # Curated first, each code once.
    found = [c['code'] for c in json.loads(run('--database', path, '--json', 'codes', 'search',
                                                'M54.1', check=0).stdout)]
    assert found == ['M54.12', 'M54.16', 'M54.1', 'M54.13'], found

    # A malformed line: its number in the error, and nothing imported.
    with open(fixture) as f:
        lines = f.readlines()
    broken = db('broken-order.txt')
    with open(broken, 'w') as f:
        f.writelines(lines[:3] + ['00004 M54*2   1 Cervicalgia\n'] + lines[4:])
    con = sqlite3.connect(path)
    before = con.execute('SELECT count(*), max(import_id) FROM icd10_codes').fetchone()
    con.close()
    p = run('--database', path, '--as', 'rosa', 'codes', 'import', broken)
    assert p.returncode == 1 and 'Line 4' in p.stderr, p
    assert 'broken-order.txt' in p.stderr, p.stderr
    con = sqlite3.connect(path)
    assert con.execute('SELECT count(*), max(import_id) FROM icd10_codes').fetchone() == before
    assert con.execute('SELECT count(*) FROM icd10_imports').fetchone()[0] == 1
    con.close()
    empty = db('empty-order.txt')
    open(empty, 'w').close()
    assert run('--database', path, '--as', 'rosa', 'codes', 'import', empty).returncode == 1

    for bad in (('codes', 'search'), ('codes', 'search', 'a', 'b'), ('codes', 'import'),
                ('codes', 'erase')):
        assert run('--database', path, *bad).returncode == 2, bad
    p = run('--database', path, 'codes', 'import', db('missing.txt'), '--as', 'rosa')
    assert p.returncode != 0


@test
def visits_list_signed_flag():
    path = demo('signed.db')
    visits = json.loads(run('--database', path, '--json', 'visits', 'list', check=0).stdout)
    signed = [v for v in visits if v['signed']]
    assert signed and all(v['signed_at'] for v in signed), visits
    assert any(not v['signed'] for v in visits)
    text = run('--database', path, 'visits', 'list', check=0).stdout
    assert 'Signed' in text.splitlines()[0], text
    assert sum(1 for line in text.splitlines() if ' signed ' in line) == len(signed), text


@test
def claims_list_build_and_status():
    path = demo('claims.db')
    as_rosa = ('--database', path, '--as', 'rosa')

    def claims(*extra):
        return json.loads(run('--database', path, '--json', 'claims', 'list', *extra,
                              check=0).stdout)

    # The demo's auto-insurance client, a claim in each state.
    listed = claims()
    assert [c['status'] for c in listed] == ['draft', 'submitted', 'appealed', 'paid'], listed
    assert all(c['payer'] == 'Evergreen Mutual Auto' for c in listed), listed
    assert [c['number'] for c in claims('--status', 'appealed')] == ['CLM-00002']
    appealed = claims('--status', 'appealed')[0]
    assert appealed['denial_reason'] and appealed['appeal_deadline'], appealed
    assert claims('--status', 'closed') == []
    text = run('--database', path, 'claims', 'list', check=0).stdout
    assert 'CLM-00004' in text and 'Appealed' in text and 'Reyes, Marcus' in text, text
    run('--database', path, 'claims', 'list', '--status', 'pending', check=2)

    # Lines from the notes' minutes: a 60-minute massage over a 55-minute note.
    draft = listed[0]
    assert draft['lines'][0]['code'] == '97124', draft
    assert draft['lines'][0]['minutes'] == 55 and draft['lines'][0]['units'] == 4, draft
    assert draft['lines'][0]['pointers'] == 'ABC', draft
    assert draft['diagnoses'][0] == 'M54.42', draft

    # Building: the visit whose note is not signed is refused, and so is a
    # visit already billed; writing needs --as.
    visits = json.loads(run('--database', path, '--json', 'visits', 'list', '--client', '4',
                            check=0).stdout)
    unsigned = next(v for v in visits if v['status'] == 'attended' and not v['signed'])
    billed = next(v for v in visits if v['id'] == draft['lines'][0]['visit_id'])
    p = run(*as_rosa, 'claims', 'build', str(unsigned['id']), check=1)
    assert 'not signed' in p.stderr, p.stderr
    p = run(*as_rosa, 'claims', 'build', str(billed['id']), check=1)
    assert 'already' in p.stderr, p.stderr
    run('--database', path, 'claims', 'build', str(billed['id']), check=2)
    facial = next(v for v in json.loads(run('--database', path, '--json', 'visits', 'list',
                                            check=0).stdout)
                  if v['categories'] == ['esthetic'] and v['status'] == 'attended')
    run(*as_rosa, 'claims', 'build', str(facial['id']), check=1)
    assert len(claims()) == 4

    # The draft's life: ready, submitted, partly paid, then paid.
    p = run(*as_rosa, '--json', 'claims', 'status', 'CLM-00004', 'ready', check=0)
    assert json.loads(p.stdout)['status'] == 'ready'
    run(*as_rosa, 'claims', 'status', 'CLM-00004', 'paid', check=1)
    p = run(*as_rosa, '--json', 'claims', 'status', 'CLM-00004', 'submitted', '--method',
            'portal', check=0)
    sent = json.loads(p.stdout)
    assert sent['status'] == 'submitted' and sent['submitted_method'] == 'portal', sent
    p = run(*as_rosa, '--json', 'claims', 'status', 'CLM-00004', 'partially-paid', '--paid',
            '100.00', '--reference', 'EMA-PMT-1', check=0)
    part = json.loads(p.stdout)
    assert part['status'] == 'partially-paid' and part['paid_cents'] == 10000, part
    assert part['payer_reference'] == 'EMA-PMT-1', part
    run(*as_rosa, 'claims', 'status', 'CLM-00004', 'paid', '--paid', '999.00', check=2)
    run(*as_rosa, 'claims', 'status', 'CLM-00004', 'denied', check=2)
    p = run(*as_rosa, 'claims', 'status', 'CLM-00004', 'paid', check=0)
    assert 'Paid' in p.stdout, p.stdout
    assert claims('--status', 'paid')[0]['paid_cents'] == claims('--status', 'paid')[0]['charge_cents']

    # A sent claim is voided by a voiding claim (code 8) naming it.
    p = run(*as_rosa, 'claims', 'status', 'CLM-00001', 'void', check=0)
    assert 'CLM-00005' in p.stdout, p.stdout
    voiding = [c for c in claims() if c['number'] == 'CLM-00005'][0]
    assert voiding['resubmission_code'] == '8' and voiding['status'] == 'draft', voiding
    assert voiding['original_reference'] == 'EMA-PMT-55210', voiding
    run(*as_rosa, 'claims', 'status', 'CLM-00001', 'draft', check=1)
    run('--database', path, 'check', check=0)


# Bad input on the command line: each is refused with a message of its own
# on stderr and leaves every row as it was. A single argument cannot be a
# megabyte (Linux refuses arguments over 128 KiB), so the long ones are
# 100 KB: longer than any field takes.
LONG = 'x' * 100_000
CTRL = 'M54\x01\x1b[2J\x7f'


def bad_inputs(receipt, visit, client):
    return [
        ('receipts', 'void', receipt, '--reason', LONG),
        ('receipts', 'void', receipt, '--reason', ''),
        ('receipts', 'void', receipt, '--reason', '   '),
        ('receipts', 'void', receipt, '--reason', 'Typo\x01\x02'),
        ('receipts', 'void', receipt),
        ('receipts', 'void', 'T-2026-999999', '--reason', 'Wrong client'),
        ('receipts', 'void', "'; DROP TABLE receipts; --", '--reason', 'Wrong client'),
        ('receipts', 'void', '', '--reason', 'Wrong client'),
        ('receipts', 'issue', 'abc'),
        ('receipts', 'issue', '-1'),
        ('receipts', 'issue', '99999999999999999999'),
        ('receipts', 'issue', '1,,2'),
        ('receipts', 'issue', visit, '--pay', 'cash:-5'),
        ('receipts', 'issue', visit, '--pay', 'cash:abc'),
        ('receipts', 'issue', visit, '--pay', 'bitcoin:5'),
        ('receipts', 'issue', visit, '--pay', 'cash:1e9'),
        ('receipts', 'issue', visit, '--pay', 'cash:99999999999'),
        ('receipts', 'issue', visit, '--pay', 'cash'),
        ('receipts', 'issue', visit, '--replaces', "T'; --"),
        ('receipts', 'list', '--client', '-1'),
        ('receipts', 'list', '--client', 'abc'),
        ('codes', 'search', CTRL),
        ('codes', 'search', LONG),
        ('codes', 'search', 'back', '--limit', '-1'),
        ('codes', 'search', 'back', '--limit', 'abc'),
        ('codes', 'search', 'back', '--limit', '99999999999999999999999'),
        ('codes', 'import', '/nonexistent/order.txt'),
        ('clients', 'search', CTRL),
        ('clients', 'search', LONG),
        ('visits', 'list', '--client', '1e3'),
        ('document', 'statement', client, '--from', '2026-02-30', '--to', '2026-12-31',
         '-o', db('bad.pdf')),
        ('document', 'statement', client, '--from', '2026-01-01', '--to', '9999-99-99',
         '-o', db('bad.pdf')),
        ('document', 'statement', client, '--from', '2026-12-31', '--to', '2026-01-01',
         '-o', db('bad.pdf')),
        ('document', 'statement', client, '--from', "2026'; --", '--to', '2026-12-31',
         '-o', db('bad.pdf')),
        ('document', 'statement', 'abc', '--from', '2026-01-01', '--to', '2026-12-31',
         '-o', db('bad.pdf')),
        ('document', 'receipt', 'T-2026-999999', '-o', db('bad.pdf')),
        ('document', 'soap', '-1', '-o', db('bad.pdf')),
        ('document', 'soap', '999999', '-o', db('bad.pdf')),
        ('document', 'record', '\u202e1', '-o', db('bad.pdf')),
        ('document', 'chart', visit, '--view', 'sideways', '-o', db('bad.pdf')),
        ('document', 'chart', visit, '--view', 'body-anterior', '-o', db('bad.txt')),
        ('atlas', 'list', '--view', '\U0001f600'),
        ('claims', 'list', '--status', 'lost'),
        ('claims', 'list', '--client', 'abc'),
        ('claims', 'build'),
        ('claims', 'build', 'abc'),
        ('claims', 'build', '1,,2'),
        ('claims', 'build', visit, '--policy', '-1'),
        ('claims', 'build', '999999'),
        ('claims', 'status', 'CLM-00001'),
        ('claims', 'status', 'CLM-00001', 'lost'),
        ('claims', 'status', 'CLM-99999', 'closed'),
        ('claims', 'status', "CLM'; --", 'closed'),
        ('claims', 'status', 'CLM-00001', 'draft'),
        ('claims', 'status', 'CLM-00002', 'paid', '--paid', '-5'),
        ('claims', 'status', 'CLM-00002', 'paid', '--paid', 'abc'),
        ('claims', 'status', 'CLM-00002', 'denied', '--reason', LONG),
        ('claims', 'status', 'CLM-00002', 'denied', '--reason', '   '),
        ('claims', 'status', 'CLM-00004', 'submitted', '--method', 'pigeon'),
        ('claims', 'status', 'CLM-00004', 'submitted', '--on', '2026-02-30'),
        ('claims', 'status', 'CLM-00004', 'ready', '--paid', '5'),
        ('backup', ''),
        ('restore', db('no-such-backup.db')),
        ('demo', '--clients', '-5'),
        ('demo', '--clients', '10', '--visits', '1e9', '--seed', '1'),
    ]


def dump_digest(path):
    con = sqlite3.connect(path)
    digest = hashlib.sha256('\n'.join(con.iterdump()).encode()).hexdigest()
    con.close()
    return digest


@test
def bad_command_line_input_changes_nothing():
    path = demo('bad-input.db')
    listed = json.loads(run('--database', path, '--json', 'receipts', 'list', check=0).stdout)
    receipt = next(r['number'] for r in listed if not r['voided'])
    visits = json.loads(run('--database', path, '--json', 'visits', 'list', check=0).stdout)
    visit = str(visits[0]['id'])
    client = str(visits[0]['client_id'])
    before = dump_digest(path)
    failures = []
    cases = bad_inputs(receipt, visit, client)
    extra = [('--as', 'nobody', 'receipts', 'void', receipt, '--reason', 'Wrong client'),
             ('--as', "rosa'; --", 'receipts', 'void', receipt, '--reason', 'Wrong client')]
    assert len(cases) + len(extra) >= 40
    for args in [('--as', 'rosa', *a) for a in cases] + extra:
        p = run('--database', path, *args)
        err = p.stderr.strip()
        shown = ' '.join(a[:30] for a in args)
        if p.returncode not in (1, 2):
            failures.append(f'{shown}: exit {p.returncode}, stdout {p.stdout[:200]!r}')
        elif not err.startswith('palpate-cli: ') or len(err) > 600:
            failures.append(f'{shown}: unclear message {err[:300]!r}')
        elif any(w in err for w in ('constraint failed', 'SQL', 'sqlite', 'CRITICAL',
                                    'Traceback')):
            failures.append(f'{shown}: not a message for people {err[:300]!r}')
        elif dump_digest(path) != before:
            failures.append(f'{shown}: changed the database')
            before = dump_digest(path)
    assert not os.path.exists(db('bad.pdf')) and not os.path.exists(db('bad.txt'))
    assert not failures, '\n'.join(failures)


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
