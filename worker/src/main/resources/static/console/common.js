// What every page of the console shares. The console reads the worker's /api with the person's
// session; nothing here holds state of its own.
const $ = (id) => document.getElementById(id);
// Every value from the server goes into the page as text: a lead's SMS, a form's name, a business's
// name are written by strangers, and markup in them must show as written, never run.
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** The reason the worker gave for refusing: its JSON "error", or its plain-text answer. */
async function reasonOf(response) {
  const text = (await response.text()).trim();
  try { const body = JSON.parse(text); if (body && body.error) return body.error; } catch (e) { /* plain text */ }
  return text || response.statusText;
}

class ApiError extends Error {
  constructor(status, reason) { super(reason); this.status = status; }
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({ credentials: 'same-origin' }, options));
  if (response.status === 401) { location.href = '/login'; throw new ApiError(401, 'sign-in needed'); }
  if (!response.ok) { throw new ApiError(response.status, await reasonOf(response)); }
  return response.status === 204 ? null : response.json();
}

const postJson = (path, body, headers) => api(path, { method: 'POST',
  headers: Object.assign({ 'Content-Type': 'application/json' }, headers || {}), body: body === undefined ? undefined : JSON.stringify(body) });

/** Shows what went wrong where the person looks, with what the worker said; nothing fails silently. */
function showError(what, e) {
  const item = document.createElement('p');
  item.className = 'flag';
  item.textContent = what + ': ' + (e && e.message ? e.message : e) + (e && e.status ? ' (' + e.status + ')' : '');
  const close = document.createElement('button');
  close.textContent = 'Dismiss';
  close.onclick = () => item.remove();
  item.append(' ', close);
  $('errors').prepend(item);
}

/** "3 min ago", "yesterday 14:05", a date: when something happened, as a person reads it. */
function ago(iso) {
  if (!iso) return '';
  const at = new Date(iso), seconds = Math.round((Date.now() - at.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
  if (seconds < 86400) return Math.round(seconds / 3600) + ' h ago';
  return at.toLocaleDateString(undefined, { month: 'short', day: 'numeric' }) + ' ' + at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

function duration(seconds) {
  if (seconds == null) return '–';
  if (seconds < 60) return Math.round(seconds) + ' s';
  if (seconds < 3600) return Math.round(seconds / 60) + ' min';
  return (seconds / 3600).toFixed(1) + ' h';
}

function business() {
  return $('business').value;
}
