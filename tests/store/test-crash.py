#!/usr/bin/python3
"""Kill a writer with SIGKILL at random moments; nothing committed is lost.

    test-crash.py [--count N] [--seed S] [--writer PATH] [--keep DIR]

Runs crash-writer (heavy writes through the store: clients, visits with
lines, notes, receipts with their PDFs, payments) on one database N times,
each time killing it with SIGKILL after a random delay, mid-transaction as
often as not. After each kill: PRAGMA integrity_check says ok,
`palpate-cli check` finds nothing, and every row the writer printed as
committed is there. Prints TAP: one test per kill, then a summary line on
stderr for bench/crash.
"""
import argparse
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.environ.get('G_TEST_BUILDDIR', os.path.join(HERE, '..', '..', 'build', 'tests'))
CLI = os.environ.get('PALPATE_CLI', os.path.join(BUILD, '..', 'src', 'cli', 'palpate-cli'))
WRITER = os.path.join(BUILD, 'store', 'crash-writer')

# What each printed line names: table, and the column the key is in.
KEYS = {
    'clients': 'id',
    'visits': 'id',
    'visit_lines': 'id',
    'soap_notes': 'visit_id',
    'receipts': 'number',
    'payments': 'id',
}


def kill_once(db, writer, rng, seed):
    """Runs the writer until a random moment after it is ready; returns the
    committed lines it printed."""
    env = dict(os.environ, LC_ALL='C.UTF-8')
    p = subprocess.Popen([writer, db, str(seed)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=env)
    lines = []
    # Wait until the writer is writing, then let it run a random while.
    first = p.stdout.readline().decode()
    if not first.startswith('ready'):
        p.kill()
        p.wait()
        raise AssertionError(f'writer did not start: {first!r} {p.stderr.read().decode()}')
    time.sleep(rng.uniform(0.05, 1.5))
    os.kill(p.pid, signal.SIGKILL)
    out, err = p.communicate()
    if p.returncode != -signal.SIGKILL:
        raise AssertionError(f'writer ended by itself ({p.returncode}): {err.decode()}')
    # A line cut by the kill was not wholly printed: the writer prints only
    # after the commit, so only whole lines count.
    text = out.decode(errors='replace')
    for line in text.split('\n')[:-1]:
        table, key = line.split(' ', 1)
        lines.append((table, key))
    return lines


def verify(db, committed):
    con = sqlite3.connect(db)
    try:
        result = con.execute('PRAGMA integrity_check').fetchall()
        assert result == [('ok',)], f'integrity_check: {result}'
        missing = []
        for table, key in committed:
            column = KEYS[table]
            row = con.execute(f'SELECT 1 FROM "{table}" WHERE "{column}" = ?',
                              (key if column == 'number' else int(key),)).fetchone()
            if row is None:
                missing.append(f'{table} {key}')
        assert not missing, f'committed but missing: {missing[:10]}'
        # An issued receipt keeps its PDF.
        row = con.execute('SELECT count (*) FROM receipts WHERE id NOT IN'
                          ' (SELECT receipt_id FROM receipt_documents)').fetchone()
        assert row == (0,), f'receipts without their PDF: {row}'
    finally:
        con.close()
    p = subprocess.run([CLI, '--database', db, 'check'], capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0, f'palpate-cli check: exit {p.returncode}\n{p.stdout}{p.stderr}'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--count', type=int, default=10)
    parser.add_argument('--seed', type=int, default=None)
    parser.add_argument('--writer', default=WRITER)
    parser.add_argument('--keep', default=None, help='keep the database in this folder')
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    print(f'# seed {seed}')
    print(f'1..{args.count}')
    tmp = tempfile.mkdtemp(prefix='palpate-crash-')
    db = os.path.join(tmp, 'clinic.db')

    # The demo clinic first, whole, so every kill lands in the writing.
    p = subprocess.run([CLI, '--database', db, 'demo'], capture_output=True, text=True,
                       timeout=300)
    if p.returncode != 0:
        print(f'Bail out! demo: {p.stderr}')
        return 1

    failed = 0
    total = 0
    for i in range(1, args.count + 1):
        try:
            committed = kill_once(db, args.writer, rng, rng.randrange(1 << 30))
            total += len(committed)
            verify(db, committed)
            print(f'ok {i} - kill {i}: {len(committed)} committed writes all there')
        except AssertionError as e:
            failed += 1
            print(f'not ok {i} - kill {i}')
            for line in str(e).splitlines():
                print(f'# {line}')
        sys.stdout.flush()

    print(f'crash: {args.count} kills, {failed} failed, {total} committed writes checked, '
          f'seed {seed}', file=sys.stderr)
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        shutil.copy(db, args.keep)
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
