// The reports: the funnel, the weeks, the journeys, texting registration and held texts.
const pct = (r) => (r == null ? '–' : (r * 100).toFixed(1) + '%');
const mins = (s) => (s == null ? '–' : (s / 60).toFixed(1) + ' min');

function query() {
  const p = new URLSearchParams({ business: $('business').value });
  if ($('from').value) p.set('from', $('from').value);
  if ($('to').value) p.set('to', $('to').value);
  return p.toString();
}

function card(label, value, id) {
  return `<div class="card" data-measure="${esc(id)}"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
}

async function refreshReports() {
  const q = query();
  $('csv').href = '/api/reports/funnel.csv?' + q;
  $('consent-csv').href = '/api/consent.csv?business=' + encodeURIComponent($('business').value);
  const [report, weeks, journeys] = await Promise.all([
    api('/api/reports/funnel?' + q),
    api('/api/reports/weekly?business=' + encodeURIComponent($('business').value) + '&weeks=8'),
    api('/api/journeys?business=' + encodeURIComponent($('business').value) + '&limit=25'),
  ]);
  if (q !== query()) return; // the period or business changed meanwhile: a newer refresh draws the page
  const c = report.calls, all = report.all;
  $('cards').innerHTML = [
    card('missed calls', c.leads, 'missed'), card('called again (no second text)', c.repeatCalls, 'repeat'),
    card('web forms', report.forms.leads, 'forms'),
    card('texted', all.texted, 'texted'), card('replies', all.replies, 'replies'),
    card('recovery rate (healthy 18–35%)', pct(all.recoveryRate), 'recovery'),
    card('booked', all.booked, 'booked'), card('booking rate (healthy 25–55%)', pct(all.bookingRate), 'booking'),
    card('median response, business hours', mins(all.responseTime.businessHoursMedianSeconds), 'response'),
    card('opted out', all.optOuts, 'opted-out'),
  ].join('');
  $('health').innerHTML = report.health.length
    ? report.health.map((f) => `<div class="flag" data-flag="${esc(f.flag)}">${esc(f.message)}</div>`).join('')
    : `<div class="ok">${report.healthNote ? esc(report.healthNote) : 'All three numbers are in their healthy ranges.'}</div>`;
  drawWeeks(weeks);
  const e = report.experiment;
  $('experiment').hidden = !e;
  $('experiment').innerHTML = e
    ? '<h2>Copy experiment</h2>' + Object.entries(e.variants).map(([v, a]) =>
        `<p>Variant ${esc(v)}: ${esc(a.replies)} replies of ${esc(a.texted)} texted, ${pct(a.replyRate)} (95%: ${pct(a.low95)}–${pct(a.high95)})</p>`).join('')
      + `<p><strong>${esc(e.verdict)}</strong></p>`
    : '';
  $('journeys').querySelector('tbody').innerHTML = journeys.map((j) => `<tr>
      <td>${esc(new Date(j.startedAt).toLocaleString())}</td><td>${esc(j.channel)}</td>
      <td>${j.conversationId ? `<a href="/console/inbox/${esc(j.conversationId)}" data-thread="${esc(j.conversationId)}">${esc(j.phone)}</a>` : esc(j.phone)}</td>
      <td>${esc(j.variant)}</td><td>${conversation(j)}</td>
      <td>${j.events.map((ev) => esc(ev.kind.replace('_', ' ') + (ev.reason ? ' (' + ev.reason + ')' : ''))).join(' → ')}${
        j.repeatCalls ? esc(' · called again ' + j.repeatCalls + '×, no second text') : ''}</td>
      <td>${consent(j)}</td><td>${crmRecords(j)}</td></tr>`).join('');
}

/** The conversation's state; a text that may have revoked consent waits for a person here. */
function conversation(j) {
  if (!j.review) return esc(j.conversation);
  return `<span class="flag">${esc(j.conversation)}: ${esc(j.review.why)}</span>
    <span data-review="${esc(j.review.leadKey)}"><button data-decision="opt-out">Opt out</button>
    <button data-decision="not-opt-out">Not an opt-out</button></span>`;
}

const CONSENT_NAMES = { call: 'called', form: 'web form', text: 'texted' };

/** What gave consent to text the lead, and when (the CSV export has every word). */
function consent(j) {
  return (j.consent || []).map((c) => `<span title="${esc(c.words || '')}">${esc(CONSENT_NAMES[c.source] || c.source)}
    ${esc(new Date(c.givenAt).toLocaleString())}${c.page ? ' on ' + esc(c.page) : ''}</span>`).join('<br>') || '–';
}

async function decideReview(event) {
  const decision = event.target.dataset && event.target.dataset.decision;
  const holder = event.target.closest('[data-review]');
  if (!decision || !holder) return;
  event.target.disabled = true;
  try {
    await api('/api/conversations/' + encodeURIComponent(holder.dataset.review) + '/review/' + decision, { method: 'POST' });
  } catch (e) {
    showError('The decision was not saved', e);
  }
  await refreshReports();
}

/** Whether each business number may text US leads (A2P 10DLC or toll-free verification), and its delivery errors. */
async function a2p() {
  const numbers = await api('/api/a2p');
  $('a2p').innerHTML = '<h2>Texting registration</h2>' + numbers.map((n) => {
    const r = n.registration, warn = r.state !== 'registered' && r.state !== 'not_us';
    const errors = n.deliveryErrors.map((d) => `<li>error ${esc(d.errorCode)} on ${esc(d.texts)} texts this week: ${esc(d.meaning)}</li>`).join('');
    return `<div class="${warn ? 'flag' : 'ok'}" data-a2p="${esc(r.businessId)}">${esc(r.businessId)} ${esc(r.number)} (${esc(r.kind)}):
      <strong>${esc(r.state)}</strong>, ${esc(r.detail)}${errors ? '<ul>' + errors + '</ul>' : ''}</div>`;
  }).join('');
}

const NUMBER_STATES = { connected: 'connected to textback', incomplete: 'partly connected', not_set: 'not set up', elsewhere: 'sends elsewhere' };

/** The Twilio account's numbers (an admin's: a member's login gets 403 and the panel stays hidden). */
async function numbers() {
  let list;
  try { list = await api('/api/twilio/numbers'); } catch (e) {
    if (e.status !== 403) showError('The Twilio numbers did not load', e);
    return;
  }
  $('numbers').hidden = false;
  $('business-admin').hidden = false; // the same people set up businesses, numbers and logins: admins
  $('invite').hidden = false;
  $('numbers').querySelector('tbody').innerHTML = list.map((n) => `<tr data-sid="${esc(n.sid)}" data-state="${esc(n.state)}">
      <td>${esc(n.phoneNumber)}</td><td>${esc(n.business || 'no business uses it yet')}</td>
      <td class="${n.state === 'connected' ? 'ok' : n.state === 'elsewhere' ? 'flag' : ''}">${esc(NUMBER_STATES[n.state] || n.state)}</td>
      <td>${Object.entries(n.pointsAt).filter(([, v]) => v).map(([k, v]) => esc(k + ': ' + v)).join('<br>') || '–'}</td>
      <td>${n.state === 'connected' ? '' : '<button data-connect>Connect</button>'}</td></tr>`).join('');
}

async function connectNumber(event) {
  if (!event.target.matches('[data-connect]')) return;
  const row = event.target.closest('tr');
  const elsewhere = row.dataset.state === 'elsewhere';
  if (elsewhere && !confirm('This number sends its calls or texts to another service now:\n'
    + row.cells[3].innerText + '\n\nPoint it at textback instead?')) return;
  event.target.disabled = true;
  try {
    await postJson('/api/twilio/numbers/' + encodeURIComponent(row.dataset.sid) + '/connect', { confirm: elsewhere });
  } catch (e) {
    showError('The number was not connected', e);
  }
  await numbers();
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** The form as the business JSON /api/businesses takes (the businesses file's names); empty fields left out. */
function businessJson() {
  const f = $('biz-form').elements, v = (name) => f[name].value.trim();
  const json = { id: v('id'), name: v('name'), twilioNumber: v('twilioNumber'), connection: v('connection'), timezone: v('timezone'),
    openingHours: Object.fromEntries([...DAYS.map((d) => [d, v('weekdays')]), ['saturday', v('saturday')], ['sunday', v('sunday')]]
      .filter(([, h]) => h)),
    timers: { responseSla: v('responseSla'), followUp1: v('followUp1') },
    copy: { missedCall: v('missedCall'), afterHours: v('afterHours') } };
  for (const name of ['forwardTo', 'dispatcherPhone', 'managerPhone']) if (v(name)) json[name] = v(name);
  if (v('holidays')) json.holidays = v('holidays').split(',').map((d) => d.trim()).filter(Boolean);
  return json;
}

function showProblems(problems) {
  $('biz-problems').className = problems.length ? '' : 'ok';
  $('biz-problems').innerHTML = problems.length ? problems.map((p) => `<li>${esc(p)}</li>`).join('') : '<li>Every rule holds.</li>';
}

let businessCheck = null;
function checkBusinessSoon() {
  clearTimeout(businessCheck);
  businessCheck = setTimeout(async () => {
    try { showProblems((await postJson('/api/businesses/check', businessJson())).problems); } catch (e) { showError('The rules could not be checked', e); }
  }, 300);
}

async function editBusiness() {
  const id = $('biz-edit').value, f = $('biz-form').elements;
  $('biz-note').textContent = '';
  f.id.readOnly = !!id;
  if (!id) { $('biz-form').reset(); return; }
  const b = await api('/api/businesses/' + encodeURIComponent(id));
  const set = (name, value) => { if (value != null) f[name].value = value; };
  ['id', 'name', 'twilioNumber', 'forwardTo', 'connection', 'timezone', 'dispatcherPhone', 'managerPhone'].forEach((n) => set(n, b[n]));
  const hours = b.openingHours || {};
  set('weekdays', hours.monday); set('saturday', hours.saturday || 'closed'); set('sunday', hours.sunday || 'closed');
  set('holidays', (b.holidays || []).join(', '));
  set('responseSla', (b.timers || {}).responseSla); set('followUp1', (b.timers || {}).followUp1);
  set('missedCall', (b.copy || {}).missedCall); set('afterHours', (b.copy || {}).afterHours);
  checkBusinessSoon();
}

async function saveBusiness(event) {
  event.preventDefault();
  const id = $('biz-edit').value;
  $('biz-save').disabled = true;
  try {
    if (id) {
      await api('/api/businesses/' + encodeURIComponent(id), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(businessJson()) });
      $('biz-note').textContent = 'Saved: in effect now.';
    } else {
      const created = await postJson('/api/businesses', businessJson());
      $('biz-note').innerHTML = `Saved: ${esc(created.id)} takes calls now. Its web-form secret, shown this once: <code id="biz-secret">${esc(created.formSecret)}</code>`;
    }
    await loadBusinesses();
  } catch (e) {
    if (e.status === 422) $('biz-note').textContent = 'Not saved: ' + e.message;
    else showError('The business was not saved', e);
  } finally {
    $('biz-save').disabled = false;
  }
}

async function invitePerson(event) {
  event.preventDefault();
  const f = $('invite-form').elements;
  const businesses = [...document.querySelectorAll('#invite-businesses input:checked')].map((c) => c.value);
  try {
    const invite = await postJson('/api/users/invites', { email: f.email.value.trim(), role: f.role.value, businesses });
    $('invite-note').innerHTML = `Invited ${esc(invite.email)} as ${esc(invite.role.toLowerCase())}. Their one-time link: <code id="invite-link">${esc(invite.link)}</code>`;
  } catch (e) {
    $('invite-note').textContent = 'Not invited: ' + e.message;
  }
}

/** The business choices at the top, and the console businesses that can be changed here. */
async function loadBusinesses() {
  const businesses = await api('/api/businesses');
  const chosen = $('business').value;
  $('business').innerHTML = businesses.map((b) => `<option value="${esc(b.id)}">${esc(b.name)}</option>`).join('');
  if (chosen && businesses.some((b) => b.id === chosen)) $('business').value = chosen;
  const editing = $('biz-edit').value;
  $('biz-edit').innerHTML = '<option value="">a new business</option>' + businesses.filter((b) => b.source === 'console')
    .map((b) => `<option value="${esc(b.id)}">${esc(b.name)}</option>`).join('');
  if (editing) $('biz-edit').value = editing;
  $('invite-businesses').innerHTML = '<legend>Businesses (members)</legend>' + businesses.map((b) =>
    `<label><input type="checkbox" value="${esc(b.id)}"> ${esc(b.name)}</label>`).join('');
  return businesses;
}

const CRM_NAMES = { hubspot: 'HubSpot', gohighlevel: 'GoHighLevel' };

/** What the journey left in the business's CRM: each record, linked when the CRM's page is known. */
function crmRecords(j) {
  if (!j.crm || j.crm === 'none') {
    return 'no CRM';
  }
  if (!j.crmRecords || j.crmRecords.length === 0) {
    return esc(CRM_NAMES[j.crm] || j.crm) + ': nothing yet';
  }
  return esc(CRM_NAMES[j.crm] || j.crm) + ': ' + j.crmRecords.map((r) => {
    const label = esc(r.kind + ' ' + r.id);
    return r.url && /^https:\/\//.test(r.url) ? `<a href="${esc(r.url)}" target="_blank" rel="noopener">${label}</a>` : label;
  }).join(', ');
}

const HELD_REASONS = { business_hourly_cap: 'over the hourly cap of first texts', number_range_hourly_cap: 'over the hourly cap for one number range' };

async function heldTexts() {
  const { held } = await api('/api/held-texts');
  $('held').hidden = held.length === 0;
  $('held').querySelector('tbody').innerHTML = held.map((t) => `<tr data-key="${esc(t.idempotencyKey)}">
      <td>${esc(new Date(t.heldAt).toLocaleString())}</td><td>${esc(t.businessId)}</td><td>${esc(t.to)}</td>
      <td>${esc(HELD_REASONS[t.reason] || t.reason)}</td><td>${esc(t.body)}</td>
      <td><button data-decision="release">Release</button> <button data-decision="discard">Discard</button></td></tr>`).join('');
}

async function decideHeld(event) {
  const decision = event.target.dataset && event.target.dataset.decision;
  if (!decision) return;
  const key = event.target.closest('tr').dataset.key;
  event.target.disabled = true;
  try {
    await api('/api/held-texts/' + encodeURIComponent(key) + '/' + decision, { method: 'POST' });
  } catch (e) {
    showError('The held text was not ' + decision + 'd', e);
  }
  await heldTexts();
}

/** Leads, replies and bookings per week, with a count axis and each week's Monday under its bars. */
function drawWeeks(weeks) {
  const svg = $('weeks'), left = 44, top = 24, h = 170, w = 720 - left - 10;
  const max = Math.max(1, ...weeks.map((x) => x.leads));
  const step = Math.max(1, Math.ceil(max / 4));
  const slot = w / weeks.length, bar = slot / 4;
  const y = (v) => top + h - (v / (step * 4)) * h;
  let out = `<text x="4" y="12" font-size="11" fill="#5a6275">leads a week</text>`;
  for (let k = 0; k <= 4; k++) {
    out += `<line x1="${left}" x2="${left + w}" y1="${y(k * step)}" y2="${y(k * step)}" stroke="#e3e6ee"/>`
      + `<text x="${left - 6}" y="${y(k * step) + 4}" font-size="11" text-anchor="end">${k * step}</text>`;
  }
  out += `<line x1="${left}" x2="${left}" y1="${top}" y2="${top + h}" stroke="#5a6275"/>`
    + `<line x1="${left}" x2="${left + w}" y1="${top + h}" y2="${top + h}" stroke="#5a6275"/>`;
  weeks.forEach((x, i) => {
    const x0 = left + i * slot + bar / 2;
    [['leads', x.leads, '#c5cde0'], ['replies', x.replies, '#3a6fd8'], ['booked', x.booked, '#1c9b4f']].forEach(([name, v, color], k) => {
      out += `<rect x="${x0 + k * bar}" y="${y(v)}" width="${bar - 2}" height="${top + h - y(v)}" fill="${color}"><title>${name}: ${esc(v)}</title></rect>`;
    });
    out += `<text x="${x0 + bar * 1.5}" y="${top + h + 16}" font-size="11" text-anchor="middle">${esc(String(x.weekStarting).slice(5))}</text>`;
  });
  out += `<text x="${left + w / 2}" y="${top + h + 40}" font-size="11" text-anchor="middle" fill="#5a6275">week starting (Monday)</text>`;
  svg.innerHTML = out;
}

/** Local mode's phone: every step says what the worker answered when it refuses (a 404, a 422...). */
async function simulator() {
  let about;
  try { about = await api('/local/simulator'); } catch (e) { return; }
  $('simulator').hidden = false;
  // the simulator calls the business chosen at the top of the page
  const numbers = about.numbers || {};
  const showNumber = () => { $('sim-number').textContent = numbers[business()] || 'no demo number for this business'; };
  showNumber();
  $('business').addEventListener('change', showNumber);
  const from = () => $('sim-from').value.trim();
  const thread = async () => {
    const messages = await api('/local/simulator/messages?phone=' + encodeURIComponent(from()));
    $('sim-thread').innerHTML = messages.map((m) => `<li>${m.from === from() ? 'You' : 'Business'}: ${esc(m.body)}</li>`).join('');
  };
  const step = (what, fn) => async () => {
    try {
      const answer = await fn();
      if (answer && answer.webhookStatus >= 400) {
        throw new Error('the worker answered Twilio\'s webhook with ' + answer.webhookStatus + ' (its log says why)');
      }
      await new Promise((r) => setTimeout(r, 700));
      await thread();
      await refreshAll();
    } catch (e) { showError(what, e); }
  };
  $('sim-call').onclick = step('The call did not go through', () => postJson('/local/simulator/calls', { from: from(), voicemail: false, business: business() }));
  $('sim-voicemail').onclick = step('The call did not go through', () => postJson('/local/simulator/calls', { from: from(), voicemail: true, business: business() }));
  $('sim-text').onclick = step('The text was not sent', () => postJson('/local/simulator/texts', { from: from(), body: $('sim-body').value, business: business() }));
  $('sim-stop').onclick = step('STOP was not sent', () => postJson('/local/simulator/texts', { from: from(), body: 'STOP', business: business() }));
  $('sim-reply').onclick = step('The answer was not sent', () => postJson('/api/conversations/'
    + encodeURIComponent(business() + ':' + from()) + '/replies', { body: $('sim-answer').value, agent: 'console' }));
  setInterval(() => thread().catch(() => {}), 3000);
}
