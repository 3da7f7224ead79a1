#!/usr/bin/python3
"""End to end with the keyboard only: xdotool key events under Xvfb, no
pointer.

On a demo clinic, opens an unsigned visit of Maya's (palpate --visit),
types into the note, and

 1. kills the application with SIGKILL two and a half seconds after the
    last key: the draft is in the database (saved within two seconds);
 2. opens it again, adds to the note, presses Ctrl+Return (the safety
    gates), then Return (sign): the visit is signed, the note kept.

Prints TAP. Always stops the application.
"""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

GUI = os.environ.get('PALPATE_GUI', 'build/src/palpate')
CLI = os.environ.get('PALPATE_CLI', 'build/src/palpate-cli')
TIMEOUT = 30
results = []


def report(ok, name, detail=''):
    results.append((bool(ok), name, detail))


def xdotool(*args, check=True):
    return subprocess.run(['xdotool'] + list(args), capture_output=True, text=True,
                          timeout=TIMEOUT, check=check)


def query(db, sql, *params):
    # Read-only: the application may still hold the database open.
    con = sqlite3.connect('file:%s?mode=ro' % db, uri=True, timeout=10)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def unsigned_visit(db):
    rows = query(db, """
        SELECT v.id FROM visits v JOIN users u ON u.id = v.practitioner_id
        WHERE u.login = 'maya' AND v.status = 'attended'
          AND NOT EXISTS (SELECT 1 FROM visit_signatures s WHERE s.visit_id = v.id)
        ORDER BY v.starts_at DESC LIMIT 1""")
    return rows[0][0] if rows else None


def start(db, visit):
    env = dict(os.environ, NO_AT_BRIDGE='1')
    app = subprocess.Popen([GUI, '--database', db, '--as', 'maya', '--visit', str(visit)],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    found = xdotool('search', '--sync', '--onlyvisible', '--name', '^Note and Chart', check=False)
    wid = found.stdout.split()[-1] if found.returncode == 0 and found.stdout.split() else None
    if wid:
        xdotool('windowfocus', '--sync', wid, check=False)
        time.sleep(1.0)  # the first frame, and the focus
    return app, wid


def stop(app, sig=signal.SIGTERM):
    if app.poll() is None:
        app.send_signal(sig)
        try:
            app.wait(10)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def main():
    tmp = tempfile.mkdtemp(prefix='palpate-keys-')
    db = os.path.join(tmp, 'clinic.db')
    app = None
    try:
        subprocess.run([CLI, '--database', db, 'demo'], check=True, capture_output=True,
                       timeout=120)
        visit = unsigned_visit(db)
        report(visit is not None, 'the demo has an unsigned visit of Maya\'s')
        if visit is None:
            return

        # 1. Typed words survive SIGKILL.
        app, wid = start(db, visit)
        report(wid is not None, 'palpate --visit opens the note and chart window')
        if wid is None:
            return
        xdotool('key', '--clearmodifiers', 'ctrl+End')
        xdotool('type', '--delay', '15', 'Jaw tight on waking. ')
        time.sleep(2.5)
        app.kill()
        app.wait()
        saved = query(db, 'SELECT subjective FROM soap_notes WHERE visit_id = ?', visit)
        report(saved and 'Jaw tight on waking.' in (saved[0][0] or ''),
               'a draft typed 2.5 s before SIGKILL is in the database', repr(saved))

        # 2. Sign with the keyboard.
        app, wid = start(db, visit)
        report(wid is not None, 'the note opens again after the kill')
        if wid is None:
            return
        xdotool('key', '--clearmodifiers', 'ctrl+End')
        xdotool('type', '--delay', '15', 'Better after treatment.')
        xdotool('key', '--clearmodifiers', 'ctrl+Return')
        time.sleep(1.5)
        xdotool('key', '--clearmodifiers', 'Return')
        deadline = time.monotonic() + 10
        signed = []
        while time.monotonic() < deadline and not signed:
            time.sleep(0.3)
            signed = query(db, 'SELECT signed_at FROM visit_signatures WHERE visit_id = ?', visit)
        report(signed, 'Ctrl+Return then Return signs the note')
        note = query(db, 'SELECT subjective FROM soap_notes WHERE visit_id = ?', visit)
        report(note and 'Jaw tight on waking.' in note[0][0] and
               'Better after treatment.' in note[0][0],
               'the signed note holds everything typed', repr(note))
        stop(app)
        err = app.stderr.read().decode(errors='replace') if app.stderr else ''
        report('CRITICAL' not in err, 'no critical warnings', err[-2000:])
    finally:
        if app is not None:
            stop(app, signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)


try:
    main()
except Exception as e:  # a crash of the script is a failure, not an error
    report(False, 'the keyboard test ran to the end', repr(e))

print('1..%d' % len(results))
for i, (ok, name, detail) in enumerate(results, 1):
    print('%s %d - %s' % ('ok' if ok else 'not ok', i, name))
    if not ok and detail:
        for line in str(detail).splitlines():
            print('# ' + line)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
