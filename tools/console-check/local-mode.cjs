// What both browser checks share: local mode started from its jar on free ports, a Chromium to drive,
// signing in, and waiting for a condition.
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '../..');
const jar = path.join(root, 'local/target/textback-local.jar');
const chromium = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find((p) => fs.existsSync(p));

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => { const { port } = server.address(); server.close(() => resolve(port)); });
  });
}

function startLocalMode(port) {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin/java') : 'java';
  const child = spawn(java, ['-jar', jar], {
    env: Object.assign({}, process.env, {
      TEXTBACK_PORT: String(port), TEXTBACK_ENGINE_PORT: '0', TEXTBACK_TWILIO_FAKE_PORT: '0',
      TEXTBACK_HUBSPOT_FAKE_PORT: '0', TEXTBACK_GOHIGHLEVEL_FAKE_PORT: '0', TEXTBACK_POSTGRES_PORT: '0',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('local mode not ready in 180 s:\n' + log.slice(-3000))), 180000);
    const read = (chunk) => {
      log += chunk;
      if (log.includes('local mode is ready')) { clearTimeout(timer); resolve(child); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.logTail = () => log.slice(-6000);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error('local mode exited with ' + code + ':\n' + log.slice(-3000))); });
  });
}

async function until(what, fn, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for ' + what);
    await new Promise((r) => setTimeout(r, 250));
  }
}


/** Signs in as local mode's admin on the sign-in page the console sends a stranger to. */
async function signIn(page, base, path = '/console/') {
  await page.goto(base + path);
  if (!page.url().includes('/login')) throw new Error('the console opened without a sign-in: ' + page.url());
  await page.type('input[name=username]', 'admin');
  await page.type('input[name=password]', 'textback');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

/** A file named on the command line (--flag FILE), relative to where the command was run. */
function argPath(flag) {
  return process.argv.includes(flag)
    ? path.resolve(process.env.TEXTBACK_CALLER_DIR || process.cwd(), process.argv[process.argv.indexOf(flag) + 1]) : null;
}

/**
 * Starts local mode and a headless Chromium, runs {@code check} with them ({ base, browser, local }),
 * and stops both; a failed step prints local mode's last lines, the best clue to what went wrong.
 */
async function withLocalMode(check) {
  const puppeteer = require('puppeteer-core');
  if (!fs.existsSync(jar)) throw new Error(jar + ' is missing: run mvn verify first');
  if (!chromium) throw new Error('no Chromium found: apt-get install chromium, or set CHROMIUM to its path');
  const port = await freePort();
  const local = await startLocalMode(port);
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox'] });
  try {
    await check({ base: `http://localhost:${port}`, browser, local });
  } catch (e) {
    console.error('local mode, last lines:\n' + local.logTail());
    throw e;
  } finally {
    await browser.close();
    local.kill('SIGTERM');
  }
}

module.exports = { until, signIn, argPath, withLocalMode };
