// The inbox as a dispatcher meets it, on a phone: local mode started from its jar, headless Chromium
// at a phone's size signs in, a caller's missed call appears in the inbox without a reload, the
// lead's text shows under "Waiting" with its clock, the dispatcher opens the thread and answers
// (tapping Send twice), and the lead gets the text once. Then, at a desk's size, a search by number.
// Prints the time from a lead's text reaching the worker to it showing in the open thread (p50, p99).
// Usage: node inbox.cjs [--screenshots DIR] [--samples N]
const fs = require('node:fs');
const path = require('node:path');
const { until, signIn, argPath, withLocalMode } = require('./local-mode.cjs');

const shots = argPath('--screenshots');
const samples = process.argv.includes('--samples') ? Number(process.argv[process.argv.indexOf('--samples') + 1]) : 10;
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const DESK = { width: 1280, height: 900 };
const BUSINESS = 'bright-electric';
const NEW_BUSINESS = 'fresh-sparks';
const SPARE = '+15550900000';

const post = (page, url, body) => page.evaluate((u, b) => fetch(u, { method: 'POST', credentials: 'same-origin',
  headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) }).then((r) => r.json()), url, body);
const messagesTo = (page, phone) => page.evaluate((p) => fetch('/local/simulator/messages?phone=' + encodeURIComponent(p),
  { credentials: 'same-origin' }).then((r) => r.json()), phone);
const text = (page, selector) => page.$eval(selector, (e) => e.textContent);

function percentile(sorted, p) {
  const i = (sorted.length - 1) * p, lo = Math.floor(i), hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
}

async function shot(page, name) {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, name), fullPage: false });
}

async function inboxCheck({ base, browser }) {
    const started = Date.now();
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error: ' + e.message));
    await page.setViewport(PHONE);
    await signIn(page, base, '/console/inbox');
    await page.waitForSelector('#inbox-waiting');
    if (!new URL(page.url()).pathname.endsWith('/console/inbox')) throw new Error('signing in did not lead back to the inbox: ' + page.url());
    // Bright Electric has no CRM: the console's inbox is where its leads are answered
    await page.waitForSelector(`#business option[value="${BUSINESS}"]`);
    await page.select('#business', BUSINESS);
    await until('Bright Electric\'s inbox', () => text(page, '#inbox-sla').then((t) => t.includes('Bright Electric')));

    // a missed call: its conversation appears in the open page by itself
    const caller = '+1555' + String(Date.now()).slice(-7);
    const call = await post(page, '/local/simulator/calls', { from: caller, voicemail: false, business: BUSINESS });
    if (call.webhookStatus !== 200) throw new Error('the call webhook answered ' + call.webhookStatus);
    await until('the missed call in the inbox', () => text(page, '#inbox-list').then((t) => t.includes(caller)));

    // the lead answers the text-back: now they wait for the business, with the clock running
    await post(page, '/local/simulator/texts', { from: caller, body: 'Hi, the AC is out. Can you come today?', business: BUSINESS });
    await until('the lead under Waiting', () => text(page, '#inbox-waiting').then((t) => t.includes(caller) && t.includes('waiting')));
    if (!(await text(page, '#inbox-sla')).includes('SLA')) throw new Error('the inbox does not say the response SLA');
    await shot(page, 'inbox-phone.png');

    // the dispatcher taps the conversation: the thread, in full, in place of the list
    await page.evaluate((c) => [...document.querySelectorAll('#inbox-waiting li a')].find((a) => a.textContent.includes(c)).click(), caller);
    await page.waitForSelector('#thread:not([hidden])');
    await until('the whole thread', () => text(page, '#thread-entries').then((t) => t.includes('Missed call')
      && t.includes('text-back') && t.includes('the AC is out')));
    if (await page.$eval('#inbox-list', (e) => getComputedStyle(e).display !== 'none')) {
      throw new Error('on a phone the thread should replace the list');
    }
    if (!/\/console\/inbox\/\d+$/.test(page.url())) throw new Error('the thread has no address of its own: ' + page.url());

    // a dispatcher on the road taps Send twice: the lead gets one text
    const answer = 'We can be there at 3pm. Does that work?';
    await page.type('#reply-body', answer);
    await page.evaluate(() => { document.querySelector('#reply-send').click(); document.querySelector('#reply-send').click(); });
    await until('the answer at the lead', async () => (await messagesTo(page, caller)).some((m) => m.body === answer));
    await until('the answer in the thread', () => text(page, '#thread-entries').then((t) => t.includes(answer)));
    await new Promise((r) => setTimeout(r, 1500));
    const answeredAfter = Math.round((Date.now() - started) / 1000);
    const got = (await messagesTo(page, caller)).filter((m) => m.body === answer).length;
    if (got !== 1) throw new Error('the lead got the answer ' + got + ' times');
    await shot(page, 'thread-phone.png');

    // the answer is the business's response: the journey shows the human reply
    const journeys = await page.evaluate(() => fetch('/api/journeys?business=bright-electric&limit=50', { credentials: 'same-origin' }).then((r) => r.json()));
    const mine = journeys.find((j) => j.phone.endsWith(caller.slice(-4)) && j.events.some((e) => e.kind === 'human_reply'));
    if (!mine) throw new Error('the answer did not count as the response');

    // a lead's words are anyone's: markup in them shows as text in the thread and the list
    const attack = '<img src=x onerror="document.title=\'xss\'">Sink leaking';
    await post(page, '/local/simulator/texts', { from: caller, body: attack, business: BUSINESS });
    await until('the markup shown as text', () => text(page, '#thread-entries').then((t) => t.includes(attack)));
    if ((await page.title()) === 'xss' || (await page.$('#thread-entries img, #inbox-list img'))) {
      throw new Error('markup in a lead\'s SMS ran in the inbox');
    }

    // how soon a lead's text shows in the open thread
    const lags = [];
    for (let i = 0; i < samples; i++) {
      const words = 'Still there? ' + i + ' ' + Math.random().toString(36).slice(2, 8);
      const t0 = await page.evaluate(() => performance.now());
      await page.evaluate((c, w, b) => {
        window.__shown = null;
        const seen = new MutationObserver(() => {
          if (document.querySelector('#thread-entries').textContent.includes(w)) { window.__shown = performance.now(); seen.disconnect(); }
        });
        seen.observe(document.querySelector('#thread-entries'), { childList: true, subtree: true, characterData: true });
        fetch('/local/simulator/texts', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ from: c, body: w, business: b }) });
      }, caller, words, BUSINESS);
      await until('text ' + i + ' in the thread', () => page.evaluate(() => window.__shown), 15000);
      lags.push((await page.evaluate(() => window.__shown)) - t0);
    }
    lags.sort((a, b) => a - b);

    // at a desk: the list beside the thread, and a search by number finds the lead
    await page.setViewport(DESK);
    await page.goto(base + '/console/inbox');
    await page.waitForSelector('#inbox-search');
    await page.waitForSelector(`#business option[value="${BUSINESS}"]`);
    await page.select('#business', BUSINESS);
    await until('Bright Electric\'s inbox', () => text(page, '#inbox-sla').then((t) => t.includes('Bright Electric')));
    const digits = caller.slice(-7, -4) + '-' + caller.slice(-4);
    await page.type('#inbox-search', digits);
    await until('the lead found by number', async () => {
      const rows = await page.$$eval('.conversations li a[data-thread]', (as) => as.map((a) => a.textContent));
      return rows.length >= 1 && rows.every((r) => r.includes(caller));
    });
    await page.evaluate(() => document.querySelector('.conversations li a[data-thread]').click());
    await until('the thread beside the list', () => text(page, '#thread-entries').then((t) => t.includes(answer)));
    if (await page.$eval('#inbox-list', (e) => getComputedStyle(e).display === 'none')) throw new Error('at a desk the list stays beside the thread');
    await shot(page, 'inbox-desktop.png');
    await page.goto(base + '/console/reports');
    await page.waitForSelector('[data-measure="missed"]');
    await page.waitForSelector('#weeks text');
    await shot(page, 'reports-desktop.png');

    // the admin connects the account's spare number in one step; Twilio's fake holds the change
    await page.waitForSelector('#numbers:not([hidden]) tr[data-state="not_set"] button[data-connect]');
    await page.click('#numbers tr[data-state="not_set"] button[data-connect]');
    await until('the spare number connected', () => page.$$eval('#numbers tr[data-sid]', (rows) => rows.length > 0
      && rows.every((r) => r.dataset.state === 'connected')));

    // no YAML, no restart: the admin adds a business on the number just connected, the rules checked as typed
    const setupStarted = Date.now();
    const field = (name) => `#biz-form [name="${name}"]`;
    const fill = async (name, value) => { await page.$eval(field(name), (e) => { e.value = ''; }); await page.type(field(name), value); };
    await page.waitForSelector('#business-admin:not([hidden])');
    await fill('id', NEW_BUSINESS);
    await fill('name', 'Fresh Sparks');
    await fill('twilioNumber', SPARE);
    await fill('forwardTo', '+15550900001');
    await fill('missedCall', 'Call us back!');
    await until('the broken rules shown as they are typed', () => text(page, '#biz-problems').then((t) => t.includes('missed')
      && t.includes('first six words')));
    await fill('missedCall', "Hi, it's {business}. Sorry we missed your call! What needs fixing? Reply STOP to opt out.");
    await until('every rule holding', () => text(page, '#biz-problems').then((t) => t.includes('Every rule holds')));
    await page.click('#biz-save');
    await until('the business saved, its form secret shown once', () => page.$('#biz-secret'));

    // its first caller is texted back from its number, and answered in its inbox
    const first = '+1555' + String(Date.now() + 11).slice(-7);
    await post(page, '/local/simulator/calls', { from: first, voicemail: false, business: NEW_BUSINESS });
    await until('the new business\'s text-back', async () => (await messagesTo(page, first)).some((m) => m.from === SPARE));
    await page.goto(base + '/console/inbox');
    await page.waitForSelector(`#business option[value="${NEW_BUSINESS}"]`);
    await page.select('#business', NEW_BUSINESS);
    // the lead answers once the conversation is open (a text before it is a stranger's)
    await until('the new business\'s conversation in its inbox', () => text(page, '#inbox-list').then((t) => t.includes(first)));
    await post(page, '/local/simulator/texts', { from: first, body: 'My breaker keeps tripping', business: NEW_BUSINESS });
    await until('the lead waiting in the new inbox', () => text(page, '#inbox-waiting').then((t) => t.includes(first)));
    await page.evaluate(() => document.querySelector('#inbox-waiting li a').click());
    await page.waitForSelector('#thread:not([hidden])');
    await until('the new thread', () => text(page, '#thread-entries').then((t) => t.includes('breaker')));
    await page.type('#reply-body', 'We can come at 4pm today.');
    await page.click('#reply-send');
    await until('the new business\'s answer at the lead', async () => (await messagesTo(page, first)).some((m) => m.body === 'We can come at 4pm today.'));
    const setupSeconds = Math.round((Date.now() - setupStarted) / 1000);

    // the admin invites the new business's dispatcher: a one-time link, a password of their own, their business only
    await page.goto(base + '/console/reports');
    await page.waitForSelector('#invite:not([hidden])');
    const dispatcher = 'dispatch@fresh-sparks.example';
    await page.type('#invite-form [name="email"]', dispatcher);
    await page.waitForSelector(`#invite-businesses input[value="${NEW_BUSINESS}"]`);
    await page.click(`#invite-businesses input[value="${NEW_BUSINESS}"]`);
    await page.click('#invite-form button');
    await until('the invite\'s link', () => page.$('#invite-link'));
    const link = await text(page, '#invite-link');
    const guest = await browser.createBrowserContext();
    const theirs = await guest.newPage();
    await theirs.setViewport(PHONE);
    await theirs.goto(base + new URL(link).pathname);
    await theirs.type('#password', 'a long passphrase');
    await theirs.type('#confirm', 'a long passphrase');
    await Promise.all([theirs.waitForNavigation(), theirs.click('button[type=submit]')]);
    if (!theirs.url().includes('/login?invited')) throw new Error('accepting the invite did not lead to signing in: ' + theirs.url());
    await theirs.type('input[name=username]', dispatcher);
    await theirs.type('input[name=password]', 'a long passphrase');
    await Promise.all([theirs.waitForNavigation(), theirs.click('button[type=submit]')]);
    await theirs.waitForSelector('#business option');
    const visible = await theirs.$$eval('#business option', (os) => os.map((o) => o.value));
    if (visible.join(',') !== NEW_BUSINESS) throw new Error('the invited member sees ' + visible.join(', '));
    await until('their own inbox', () => text(theirs, '#inbox-list').then((t) => t.includes(first)));
    const reused = await guest.newPage();
    if ((await reused.goto(base + new URL(link).pathname)).status() !== 410) throw new Error('an invite link worked twice');
    await guest.close();

    const f = (ms) => Math.round(ms) + ' ms';
    console.log(`inbox: a missed call appeared without a reload, the lead waited with the clock running, answered from a`
      + ` phone-sized page (Send tapped twice, texted once), counted as the response, found by number at a desk;`
      + ` a spare Twilio number connected from the console, a business added on it with no YAML and its first lead answered, its dispatcher invited (one-time link, their business only)`);
    console.log(`inbox: a second business from its form to its first lead answered in the console: ${setupSeconds} s`
      + ` (scripted: the typing is instant; the rules checked as typed, the number connected before)`);
    console.log(`inbox: lead's text to the open thread, ${lags.length} texts: p50 ${f(percentile(lags, 0.5))},`
      + ` p99 ${f(percentile(lags, 0.99))}, max ${f(lags[lags.length - 1])}; from the sign-in page to the lead answered: ${answeredAfter} s`
      + ` (the call, the reply, opening the thread and typing included)`);
}

module.exports = { inboxCheck };

// run alone: a local mode of its own
if (require.main === module) {
  withLocalMode(inboxCheck).catch((e) => { console.error('inbox check failed: ' + e.message); process.exit(1); });
}
