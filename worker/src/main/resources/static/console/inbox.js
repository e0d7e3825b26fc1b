// The inbox: a business's conversations (waiting for an answer first, with the response clock), each
// thread in full, and the reply box. Changes arrive as server-sent events; nothing needs a reload.
const inbox = { thread: null, fetchedAt: 0, data: null, draftKey: null, stream: null, streamBusiness: null };

const KIND_NAMES = {
  'text-back': 'text-back', 'follow-up-1': 'follow-up 1', 'follow-up-2': 'follow-up 2', 'agent-reply': 'answer',
  reply: 'lead', help: 'HELP answer', 'opt-out-confirmation': 'opt-out confirmation', form: 'web form',
};

/** The seconds a waiting lead has waited now: the server's count plus the time since it was read. */
function waitedNow(item) {
  return item.waitingSeconds == null ? null : item.waitingSeconds + (Date.now() - inbox.fetchedAt) / 1000;
}

function clock(item) {
  const waited = waitedNow(item);
  if (waited == null) return '';
  const over = waited > item.slaSeconds;
  return `<span class="clock${over ? ' overdue' : ''}" data-clock="${esc(item.conversationId)}">waiting ${esc(duration(waited))}`
    + ` (SLA ${esc(duration(item.slaSeconds))})</span>`;
}

function who(item) {
  return item.name ? `${esc(item.name)} <span class="muted">${esc(item.phone)}</span>` : esc(item.phone);
}

function listItem(item) {
  const badges = [item.paused ? 'paused' : null, item.review ? 'possible opt-out' : null, item.optedOut ? 'opted out' : null,
    item.repeatCalls ? 'called again ' + item.repeatCalls + '×' : null, item.status === 'closed' ? item.outcome || 'closed' : null]
    .filter(Boolean).map((b) => `<span class="badge">${esc(b)}</span>`).join(' ');
  const last = item.lastText ? (item.lastDirection === 'OUT' ? 'You: ' : '') + item.lastText : (item.channel === 'form' ? 'Web form' : 'Missed call');
  return `<li data-conversation="${esc(item.conversationId)}" class="${esc(item.status)}${inbox.thread === item.conversationId ? ' current' : ''}">
    <a href="/console/inbox/${esc(item.conversationId)}" data-thread="${esc(item.conversationId)}">
      <span class="who">${who(item)}</span> <span class="when muted">${esc(ago(item.lastAt))}</span>
      <span class="last">${esc(last.length > 90 ? last.slice(0, 87) + '...' : last)}</span>
      ${clock(item)} ${badges}</a></li>`;
}

async function loadInbox() {
  const q = $('inbox-search').value.trim(), asked = business();
  const data = await api('/api/inbox?business=' + encodeURIComponent(asked) + (q ? '&q=' + encodeURIComponent(q) : ''));
  // an answer for another business or search than the one now chosen is late: a newer load is on its way
  if (asked !== business() || q !== $('inbox-search').value.trim()) return;
  inbox.data = data;
  inbox.fetchedAt = Date.now();
  $('inbox-sla').textContent = 'Answer within ' + duration(data.responseSlaSeconds) + ' (' + data.businessName
    + '\'s response SLA); the clock runs from the lead\'s first unanswered text.';
  for (const group of ['waiting', 'open', 'closed']) {
    $('inbox-' + group).innerHTML = data[group].map(listItem).join('')
      || `<li class="empty muted">${group === 'waiting' ? 'Nobody is waiting.' : 'None.'}</li>`;
  }
  $('waiting-count').hidden = data.waiting.length === 0;
  $('waiting-count').textContent = data.waiting.length;
}

function entry(e) {
  const side = e.direction === 'IN' ? 'in' : e.direction === 'OUT' ? 'out' : 'note';
  const label = e.type === 'text' ? (KIND_NAMES[e.kind] || e.kind) : e.type.replace('-', ' ');
  const delivery = e.delivery ? `<span class="delivery ${esc(e.delivery)}">${esc(e.delivery)}</span>` : '';
  const problem = e.problem ? `<span class="flag">${esc(e.problem)}</span>` : '';
  const link = e.link ? ` <a href="${esc(e.link)}" target="_blank" rel="noopener">Listen (Twilio)</a>` : '';
  return `<li class="entry ${side}" data-type="${esc(e.type)}" data-kind="${esc(e.kind || '')}">
    <div class="bubble">${esc(e.text)}${link}</div>
    <div class="meta muted">${esc(label)} · <time datetime="${esc(e.at)}" title="${esc(new Date(e.at).toLocaleString())}">${esc(ago(e.at))}</time>
      ${delivery} ${problem}</div></li>`;
}

async function openThread(id) {
  inbox.thread = id;
  document.body.classList.toggle('has-thread', id != null);
  $('thread').hidden = id == null;
  $('no-thread').hidden = id != null;
  if (id == null) return;
  let t;
  try {
    t = await api('/api/inbox/' + encodeURIComponent(id));
  } catch (e) {
    showError('This conversation cannot be opened', e);
    return;
  }
  if (inbox.thread !== id) return; // another thread was opened meanwhile
  const c = t.conversation;
  const ownBusiness = c.leadKey.slice(0, c.leadKey.lastIndexOf(':'));
  if (business() !== ownBusiness && [...$('business').options].some((o) => o.value === ownBusiness)) {
    $('business').value = ownBusiness; // a link from an escalation text opens its own business
    await loadInbox();
  }
  inbox.current = t;
  $('thread-head').innerHTML = `<h2>${who(c)}</h2>
    <p class="muted">${esc(c.channel === 'form' ? 'Web form' : 'Missed call')} ${esc(ago(c.openedAt))} ·
      <span data-status="${esc(c.status)}">${esc(c.status === 'closed' ? 'closed: ' + (c.outcome || 'ended') : c.status)}</span>
      ${c.paused ? ' · automation paused' : ''}${c.review ? ' · <span class="flag">' + esc(c.review) + '</span>' : ''}</p>
    ${clock(Object.assign({}, c, { waitingSeconds: c.waitingSeconds }))}`;
  $('thread-entries').innerHTML = t.entries.map(entry).join('');
  const open = c.status !== 'closed';
  $('mark-booked').hidden = !open;
  $('toggle-pause').hidden = !open;
  $('toggle-pause').textContent = c.paused ? 'Resume automation' : 'Pause automation';
  $('reply-body').disabled = !t.canReply;
  $('reply-send').disabled = !t.canReply;
  $('reply-note').textContent = t.canReply ? 'Sent from the business\'s number; the lead sees it as a text.' : 'Cannot answer: ' + t.cannotReplyWhy;
  $('thread-records').innerHTML = (t.crmRecords.length ? 'In the CRM: ' + t.crmRecords.map((r) => r.url && /^https:\/\//.test(r.url)
    ? `<a href="${esc(r.url)}" target="_blank" rel="noopener">${esc(r.kind + ' ' + r.id)}</a>` : esc(r.kind + ' ' + r.id)).join(', ') : '')
    + (t.consent.length ? '<br>Consent: ' + t.consent.map((r) => esc(r.source + ' ' + new Date(r.givenAt).toLocaleString())).join(', ') : '');
  const last = $('thread-entries').lastElementChild;
  if (last) last.scrollIntoView({ block: 'nearest' });
  for (const li of document.querySelectorAll('.conversations li')) {
    li.classList.toggle('current', li.dataset.conversation === String(id));
  }
}

/** A new key for each new answer; the same key while one answer is retried, so a double tap sends it once. */
function draftKey() {
  if (!inbox.draftKey) {
    inbox.draftKey = (crypto.randomUUID ? crypto.randomUUID() : Date.now() + '-' + Math.random().toString(16).slice(2));
  }
  return inbox.draftKey;
}

async function sendReply(event) {
  event.preventDefault();
  const t = inbox.current, body = $('reply-body').value.trim();
  if (!t || !body) return;
  $('reply-send').disabled = true;
  $('reply-note').textContent = 'Sending...';
  try {
    await postJson('/api/conversations/' + encodeURIComponent(t.conversation.leadKey) + '/replies',
      { body, agent: 'console' }, { 'Idempotency-Key': draftKey() });
    inbox.draftKey = null;
    $('reply-body').value = '';
    $('reply-note').textContent = 'Sent.';
  } catch (e) {
    $('reply-note').textContent = 'Not sent: ' + e.message;
    showError('The answer was not sent', e);
  } finally {
    $('reply-send').disabled = false;
  }
  await Promise.all([openThread(t.conversation.conversationId), loadInbox()]);
}

async function act(what, path, body) {
  const t = inbox.current;
  if (!t) return;
  try {
    await postJson('/api/conversations/' + encodeURIComponent(t.conversation.leadKey) + path, body);
  } catch (e) {
    showError(what, e);
  }
  setTimeout(() => { openThread(t.conversation.conversationId); loadInbox(); }, 400);
}

/** One stream per business; each change reloads the list and the open thread (at most every 150 ms). */
function listen() {
  if (inbox.stream && inbox.streamBusiness === business()) return;
  if (inbox.stream) inbox.stream.close();
  inbox.streamBusiness = business();
  inbox.stream = new EventSource('/api/inbox/stream?business=' + encodeURIComponent(business()));
  let pending = null;
  inbox.stream.addEventListener('changed', (event) => {
    const change = JSON.parse(event.data);
    clearTimeout(pending);
    pending = setTimeout(() => {
      loadInbox().catch((e) => showError('The inbox did not refresh', e));
      if (inbox.thread != null && (change.conversationId == null || change.conversationId === inbox.thread)) {
        openThread(inbox.thread);
      }
    }, 150);
  });
}

function startInbox() {
  let typing = null;
  $('inbox-search').addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(() => loadInbox().catch((e) => showError('Search failed', e)), 250); });
  $('reply-form').addEventListener('submit', sendReply);
  $('reply-body').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) sendReply(e); });
  $('mark-booked').addEventListener('click', () => act('Not marked booked', '/booked'));
  $('toggle-pause').addEventListener('click', () => act('The automation did not change', '/automation',
    { paused: !(inbox.current && inbox.current.conversation.paused) }));
  // the clocks tick without asking the server
  setInterval(() => {
    for (const el of document.querySelectorAll('[data-clock]')) {
      const item = inbox.data && [...inbox.data.waiting].find((i) => String(i.conversationId) === el.dataset.clock);
      if (item) {
        const waited = waitedNow(item);
        el.textContent = 'waiting ' + duration(waited) + ' (SLA ' + duration(item.slaSeconds) + ')';
        el.classList.toggle('overdue', waited > item.slaSeconds);
      }
    }
  }, 10000);
}
