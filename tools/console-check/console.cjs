// The console as an owner meets it: local mode started from its jar, headless Chromium logs in,
// plays a missed call in the phone simulator, answers as the lead and as the business, and checks
// the funnel changed. Usage: node console.cjs [--screenshot FILE]
const { until, argPath, withLocalMode } = require('./local-mode.cjs');

const screenshot = argPath('--screenshot');

async function measure(page, id) {
  return page.$eval(`[data-measure="${id}"] .value`, (e) => e.textContent.trim());
}

async function consoleCheck({ base, browser }) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 1500 });

    await page.goto(base + '/console/reports');
    if (!page.url().endsWith('/login')) throw new Error('the console opened without a login: ' + page.url());
    if (!(await page.content()).includes('textback')) throw new Error('the sign-in page does not say whose it is');
    await page.type('input[name=username]', 'admin');
    await page.type('input[name=password]', 'wrong');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    if (!page.url().includes('/login?error')) throw new Error('a wrong password was let in: ' + page.url());
    await page.type('input[name=username]', 'admin');
    await page.type('input[name=password]', 'textback');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    await page.waitForSelector('[data-measure="missed"]');
    await page.waitForSelector('#simulator:not([hidden])');

    const caller = '+1555' + String(Date.now()).slice(-7);
    const missedBefore = Number(await measure(page, 'missed'));
    const repliesBefore = Number(await measure(page, 'replies'));
    await page.$eval('#sim-from', (e, v) => { e.value = v; }, caller);

    await page.click('#sim-call');
    await until('the text-back in the simulator', () => page.$eval('#sim-thread', (e) => e.textContent.includes('Business:')));
    await until('the missed call in the funnel', async () => Number(await measure(page, 'missed')) === missedBefore + 1);
    await until('the journey in the list', () => page.$eval('#journeys', (e, last4) => e.textContent.includes(last4), caller.slice(-4)));

    // A lead's SMS is anyone's words: markup in it shows as text and never runs.
    const attack = '<img src=x onerror="document.title=\'xss\'">Sink leaking';
    await page.$eval('#sim-body', (e, v) => { e.value = v; }, attack);
    await page.click('#sim-text');
    await until('the reply in the funnel', async () => Number(await measure(page, 'replies')) === repliesBefore + 1);
    await until('the lead\'s text in the thread', () => page.$eval('#sim-thread', (e, v) => e.textContent.includes(v), attack));
    if ((await page.title()) === 'xss' || (await page.$('#sim-thread img'))) throw new Error('markup in a lead\'s SMS ran in the console');
    const csp = (await page.goto(base + '/console/reports')).headers()['content-security-policy'] || '';
    if (!csp.includes("script-src 'self'")) throw new Error('the console has no Content-Security-Policy: ' + csp);
    await page.waitForSelector('#simulator:not([hidden])');
    await page.$eval('#sim-from', (e, v) => { e.value = v; }, caller);

    await page.click('#sim-reply');
    await until('the business answer at the lead', () => page.$eval('#sim-thread', (e) => e.textContent.includes('We can be there at 3pm')));
    await until('the first human reply in the journey', () => page.$eval('#journeys', (e) => e.textContent.includes('human reply')));

    // SMS pumping: six new numbers of one range in a minute; the sixth text-back waits for an admin.
    const range = '+1555' + String(Date.now()).slice(-6, -3); // the number without its last four digits
    const pumped = [1, 2, 3, 4, 5, 6].map((i) => range + '000' + i);
    for (const from of pumped) {
      await page.evaluate((f) => fetch('/local/simulator/calls', { method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ from: f, voicemail: false }) }), from);
    }
    // the six journeys run side by side: whichever texts last over the cap is the one held
    const heldOf = () => page.$eval('#held', (e, numbers) => (e.hidden ? undefined : numbers.find((n) => e.textContent.includes(n))), pumped);
    await until('the sixth text held in the console', async () => (await heldOf()) !== undefined, 60000);
    const held = await heldOf();
    await page.evaluate((v) => [...document.querySelectorAll('#held tr[data-key]')].find((r) => r.textContent.includes(v))
      .querySelector('button[data-decision="release"]').click(), held);
    await until('the released text at the lead', () => page.evaluate((f) => fetch('/local/simulator/messages?phone=' + encodeURIComponent(f),
      { credentials: 'same-origin' }).then((r) => r.json()).then((m) => m.some((x) => x.from !== f)), held));
    await until('the released text gone from the held list', () => page.$eval('#held', (e, v) => !e.textContent.includes(v), held));

    // Texting registration and consent: the demo numbers are registered; each journey says what gave consent.
    await until('the demo number registered for A2P', () => page.$eval('#a2p', (e) => e.textContent.includes('demo-plumbing') && e.textContent.includes('registered')));
    await until('the call as the journey\'s consent', () => page.$eval('#journeys', (e) => e.textContent.includes('called')));

    // A text that may revoke consent: the automation pauses and a person decides here.
    const doubtful = '+1555' + String(Date.now() + 7).slice(-7);
    await page.$eval('#sim-from', (e, v) => { e.value = v; }, doubtful);
    await page.click('#sim-call');
    // the conversation must be open before the lead answers. A row is the caller's by its Lead cell
    // (masked to the last four digits): elsewhere in a row, CRM record ids hold any four digits.
    const cellOf = (last4, column) => page.evaluate((l4, c) => [...document.querySelectorAll('#journeys tbody tr')]
      .filter((r) => r.cells[2].textContent.endsWith(l4)).map((r) => r.cells[c].textContent).join(' | '), last4, column);
    await until('the second caller\'s open conversation', async () => (await cellOf(doubtful.slice(-4), 4)).includes('OPEN'));
    await page.$eval('#sim-body', (e, v) => { e.value = v; }, 'not interested');
    await page.click('#sim-text');
    await until('the doubtful text waiting for a person', async () => (await cellOf(doubtful.slice(-4), 4)).includes('possible opt-out'));
    await page.evaluate((l4) => [...document.querySelectorAll('#journeys tbody tr')]
      .find((r) => r.cells[2].textContent.endsWith(l4) && r.querySelector('[data-review]'))
      .querySelector('button[data-decision="opt-out"]').click(), doubtful.slice(-4));
    await until('the lead opted out by the decision', async () => (await cellOf(doubtful.slice(-4), 5)).includes('opted out'));

    if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`console: logged in, missed calls ${missedBefore} → ${missedBefore + 1}, replies ${repliesBefore} → ${repliesBefore + 1}, a lead's markup shown as text, answered from the console, a pumped sixth text held and released, the A2P registration and consent shown, a doubtful text decided as an opt-out`);
}

module.exports = { consoleCheck };

// run alone: a local mode of its own
if (require.main === module) {
  withLocalMode(consoleCheck).catch((e) => { console.error('console check failed: ' + e.message); process.exit(1); });
}
