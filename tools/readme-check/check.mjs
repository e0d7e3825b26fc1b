// The README's local-mode examples, run as written against a fresh local mode on non-default ports.
// Each ```bash block between "## The two commands" and "## Configuration" carries a comment above it:
//   <!-- readme-check: starts-local -->            the block starts local mode (run in the background)
//   <!-- readme-check: expect "A" "B" -->         the block exits 0 and prints A and B
//   <!-- readme-check: skip "why" -->             not run here, and why
// A block without one fails the check, so no example can drift unseen. After the blocks, local mode
// is killed with SIGKILL (its PostgreSQL is left running, as a crash leaves it) and started again with
// one business setting from the environment: it must start and text a new missed call.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const ports = {
  TEXTBACK_PORT: '18080', TEXTBACK_ENGINE_PORT: '36500', TEXTBACK_TWILIO_FAKE_PORT: '18091',
  TEXTBACK_HUBSPOT_FAKE_PORT: '18092', TEXTBACK_GOHIGHLEVEL_FAKE_PORT: '18093', TEXTBACK_POSTGRES_PORT: '54339',
};
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'textback-readme-check-'));
const env = { ...process.env, ...ports, TEXTBACK_LOCAL_HOME: path.join(home, 'local') };
const READY = 'textback local mode is ready';

function blocks() {
  const lines = fs.readFileSync(path.join(root, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex(l => l.startsWith('## The two commands'));
  const end = lines.findIndex(l => l.startsWith('## Configuration'));
  const found = [];
  for (let i = start; i < end; i++) {
    if (lines[i].trim() !== '```bash') continue;
    const close = lines.findIndex((l, j) => j > i && l.trim() === '```');
    let k = i - 1;
    while (k > start && lines[k].trim() === '') k--;
    const note = /^<!-- readme-check: (starts-local|expect|skip)(.*)-->$/.exec(lines[k].trim());
    found.push({
      line: i + 1, text: lines.slice(i + 1, close).join('\n'),
      kind: note ? note[1] : null, args: note ? [...note[2].matchAll(/"([^"]*)"/g)].map(m => m[1]) : [],
    });
    i = close;
  }
  return found;
}

/** Starts a block that runs local mode, in its own process group; resolves once it is ready. */
function startLocal(script, label, extraEnv = {}) {
  const log = path.join(home, `local-${Date.now()}.out`);
  const out = fs.openSync(log, 'w');
  const child = spawn('bash', ['-c', script], { cwd: root, env: { ...env, ...extraEnv }, detached: true, stdio: ['ignore', out, out] });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 240_000;
    const poll = setInterval(() => {
      const text = fs.readFileSync(log, 'utf8');
      if (text.includes(READY)) { clearInterval(poll); resolve({ child, log, text }); }
      else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(poll);
        killGroup(child.pid); // nothing of a failed start may hold the ports for the next run
        reject(new Error(`${label}: local mode did not get ready (exit ${child.exitCode}):\n${text.slice(-3000)}`));
      }
    }, 500);
  });
}

function run(script) {
  const r = spawnSync('bash', ['-eo', 'pipefail', '-c', script], { cwd: root, env, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, output: (r.stdout || '') + (r.stderr || '') };
}

/** The processes of a group, as ps sees them: [pid, command]. */
function group(pgid) {
  const r = spawnSync('ps', ['-o', 'pid=,comm=', '-g', String(pgid)], { encoding: 'utf8' });
  return (r.stdout || '').trim().split('\n').filter(Boolean).map(l => l.trim().split(/\s+/, 2));
}

function killGroup(pgid) {
  for (const [pid] of group(pgid)) {
    try { process.kill(Number(pid), 'SIGKILL'); } catch { /* gone already */ }
  }
}

/** Stops local mode; {sparePostgres} plays a crash, which leaves its PostgreSQL running. */
async function stop(local, signal, sparePostgres = false) {
  for (const [pid, comm] of group(local.child.pid)) {
    if (sparePostgres && comm.startsWith('postgres')) continue;
    try { process.kill(Number(pid), signal); } catch { /* gone already */ }
  }
  for (let i = 0; i < 60 && local.child.exitCode === null && local.child.signalCode === null; i++) {
    await new Promise(r => setTimeout(r, 500));
  }
}

let failures = 0;
let passed = 0;
const fail = (line, why) => { failures++; console.log(`FAIL  README line ${line}: ${why}`); };
const ok = (line, what) => { passed++; console.log(`ok    README line ${line}: ${what}`); };

const all = blocks();
let local = null;
try {
  for (const b of all) {
    if (b.kind === null) { fail(b.line, 'a bash block with no readme-check comment above it'); continue; }
    if (b.kind === 'skip') { console.log(`skip  README line ${b.line}: ${b.args[0] || 'no reason given'}`); continue; }
    if (b.kind === 'starts-local') {
      if (local) await stop(local, 'SIGTERM');
      const started = Date.now();
      local = await startLocal(b.text, `line ${b.line}`);
      ok(b.line, `local mode ready in ${((Date.now() - started) / 1000).toFixed(1)} s on port ${ports.TEXTBACK_PORT}`);
      continue;
    }
    if (!local) { fail(b.line, 'no local mode is running for it (no starts-local block before it)'); continue; }
    const r = run(b.text);
    const missing = b.args.filter(a => !r.output.includes(a));
    if (r.status !== 0 || missing.length) {
      fail(b.line, `exit ${r.status}${missing.length ? `, missing ${JSON.stringify(missing)}` : ''}\n${r.output.slice(-2500)}`);
    } else {
      ok(b.line, `exit 0, printed ${b.args.map(a => JSON.stringify(a)).join(', ') || 'nothing checked'}`);
    }
  }
  if (local) {
    // kill -9, then a plain start with one setting from the environment: a working stack again.
    await stop(local, 'SIGKILL', true);
    const started = Date.now();
    local = await startLocal('bin/local', 'restart after kill -9', { TEXTBACK_BUSINESSES_0_RING_COUNT: '3' });
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const r = run('bin/play-call --scenario hang-up');
    if (r.status === 0 && r.output.includes('Exactly one SMS')) {
      ok('-', `after kill -9, bin/local with TEXTBACK_BUSINESSES_0_RING_COUNT=3 was ready in ${secs} s and texted a new missed call`);
    } else {
      fail('-', `after kill -9 the new local mode did not text a missed call:\n${r.output.slice(-2500)}`);
    }
    await stop(local, 'SIGTERM');
    local = null;
  }
} catch (e) {
  fail('-', e.message);
} finally {
  if (local) killGroup(local.child.pid);
  fs.rmSync(path.join(root, 'funnel.csv'), { force: true });
  if (failures === 0) fs.rmSync(home, { recursive: true, force: true });
}
console.log(`readme-check: ${passed} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
