// The console reads the worker's /api with the admin's session; nothing here holds state of its own.
const $ = (id) => document.getElementById(id);
const pct = (r) => (r == null ? '–' : (r * 100).toFixed(1) + '%');
const mins = (s) => (s == null ? '–' : (s / 60).toFixed(1) + ' min');
// Every value from the server goes into the page as text: a lead's SMS, a form's name, a business's
// name are written by strangers, and markup in them must show as written, never run.
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

async function api(path, options) {
  const response = await fetch(path, Object.assign({ credentials: 'same-origin' }, options));
  if (response.status === 401) { location.href = '/login'; throw new Error('login needed'); }
  if (!response.ok) { throw new Error(path + ': ' + response.status + ' ' + (await response.text())); }
  return response.json();
}

function query() {
  const p = new URLSearchParams({ business: $('business').value });
  if ($('from').value) p.set('from', $('from').value);
  if ($('to').value) p.set('to', $('to').value);
  return p.toString();
}

function card(label, value, id) {
  return `<div class="card" data-measure="${esc(id)}"><div class="value">${esc(value)}</div><div class="label">${esc(label)}</div></div>`;
}

async function refresh() {
  const q = query();
  $('csv').href = '/api/reports/funnel.csv?' + q;
  $('consent-csv').href = '/api/consent.csv?business=' + encodeURIComponent($('business').value);
  const [report, weeks, journeys] = await Promise.all([
    api('/api/reports/funnel?' + q),
    api('/api/reports/weekly?business=' + encodeURIComponent($('business').value) + '&weeks=8'),
    api('/api/journeys?business=' + encodeURIComponent($('business').value) + '&limit=25'),
  ]);
  const c = report.calls, all = report.all;
  $('cards').innerHTML = [
    card('missed calls', c.leads, 'missed'), card('web forms', report.forms.leads, 'forms'),
    card('texted', all.texted, 'texted'), card('replies', all.replies, 'replies'),
    card('recovery rate (healthy 18–35%)', pct(all.recoveryRate), 'recovery'),
    card('booked', all.booked, 'booked'), card('booking rate (healthy 25–55%)', pct(all.bookingRate), 'booking'),
    card('median response, business hours', mins(all.responseTime.businessHoursMedianSeconds), 'response'),
  ].join('');
  $('health').innerHTML = report.health.length
    ? report.health.map((f) => `<div class="flag" data-flag="${esc(f.flag)}">${esc(f.message)}</div>`).join('')
    : `<div class="ok">All three numbers are healthy, or there is not enough data yet.</div>`;
  drawWeeks(weeks);
  const e = report.experiment;
  $('experiment').hidden = !e;
  $('experiment').innerHTML = e
    ? '<h2>Copy experiment</h2>' + Object.entries(e.variants).map(([v, a]) =>
        `<p>Variant ${esc(v)}: ${esc(a.replies)} replies of ${esc(a.texted)} texted, ${pct(a.replyRate)} (95%: ${pct(a.low95)}–${pct(a.high95)})</p>`).join('')
      + `<p><strong>${esc(e.verdict)}</strong></p>`
    : '';
  $('journeys').querySelector('tbody').innerHTML = journeys.map((j) => `<tr>
      <td>${esc(new Date(j.startedAt).toLocaleString())}</td><td>${esc(j.channel)}</td><td>${esc(j.phone)}</td>
      <td>${esc(j.variant)}</td><td>${conversation(j)}</td>
      <td>${j.events.map((ev) => esc(ev.kind.replace('_', ' ') + (ev.reason ? ' (' + ev.reason + ')' : ''))).join(' → ')}</td>
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
    document.body.insertAdjacentHTML('afterbegin', `<p class="flag">${esc(e.message)}</p>`);
  }
  await refresh();
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
    document.body.insertAdjacentHTML('afterbegin', `<p class="flag">${esc(e.message)}</p>`);
  }
  await heldTexts();
}

function drawWeeks(weeks) {
  const svg = $('weeks'), h = 170, w = 720, max = Math.max(1, ...weeks.map((x) => x.leads));
  const slot = w / weeks.length, bar = slot / 4;
  let out = '';
  weeks.forEach((x, i) => {
    const left = i * slot + bar / 2;
    [['leads', x.leads, '#c5cde0'], ['replies', x.replies, '#3a6fd8'], ['booked', x.booked, '#1c9b4f']].forEach(([name, v, color], k) => {
      const height = (v / max) * (h - 10);
      out += `<rect x="${left + k * bar}" y="${h - height}" width="${bar - 2}" height="${height}" fill="${color}"><title>${name}: ${esc(v)}</title></rect>`;
    });
    out += `<text x="${left}" y="${h + 16}" font-size="11">${esc(String(x.weekStarting).slice(5))}</text>`;
  });
  svg.innerHTML = out;
}

async function simulator() {
  let about;
  try { about = await api('/local/simulator'); } catch (e) { return; }
  $('simulator').hidden = false;
  $('sim-number').textContent = about.businessNumber;
  const post = (path, body) => api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const from = () => $('sim-from').value.trim();
  const thread = async () => {
    const messages = await api('/local/simulator/messages?phone=' + encodeURIComponent(from()));
    $('sim-thread').innerHTML = messages.map((m) => `<li>${m.from === from() ? 'You' : 'Business'}: ${esc(m.body)}</li>`).join('');
  };
  const after = async () => { await new Promise((r) => setTimeout(r, 700)); await thread(); await refresh(); };
  $('sim-call').onclick = async () => { await post('/local/simulator/calls', { from: from(), voicemail: false }); await after(); };
  $('sim-voicemail').onclick = async () => { await post('/local/simulator/calls', { from: from(), voicemail: true }); await after(); };
  $('sim-text').onclick = async () => { await post('/local/simulator/texts', { from: from(), body: $('sim-body').value }); await after(); };
  $('sim-stop').onclick = async () => { await post('/local/simulator/texts', { from: from(), body: 'STOP' }); await after(); };
  $('sim-reply').onclick = async () => {
    const leadKey = $('business').value + ':' + from();
    await post('/api/conversations/' + encodeURIComponent(leadKey) + '/replies', { body: $('sim-answer').value, agent: 'console' });
    await after();
  };
  setInterval(thread, 3000);
}

async function start() {
  const businesses = await api('/api/businesses');
  $('business').innerHTML = businesses.map((b) => `<option value="${esc(b.id)}">${esc(b.name)}</option>`).join('');
  ['business', 'from', 'to'].forEach((id) => $(id).addEventListener('change', refresh));
  $('held').addEventListener('click', decideHeld);
  $('journeys').addEventListener('click', decideReview);
  await Promise.all([refresh(), heldTexts(), a2p()]);
  await simulator();
  setInterval(() => { refresh(); heldTexts(); }, 5000);
}

start().catch((e) => { document.body.insertAdjacentHTML('afterbegin', `<p class="flag">${esc(e.message)}</p>`); });
