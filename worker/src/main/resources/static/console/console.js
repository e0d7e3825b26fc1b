// The console's pages: /console/inbox (and /console/inbox/{id}, a thread) and /console/reports, each
// an address of its own so a link (an escalation text's) opens the right one after signing in.
function route() {
  const path = location.pathname;
  const reports = path.startsWith('/console/reports');
  $('reports-view').hidden = !reports;
  $('inbox-view').hidden = reports;
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', (a.dataset.view === 'reports') === reports);
  if (reports) {
    document.body.classList.remove('has-thread');
    return refreshReports().catch((e) => showError('The reports did not load', e));
  }
  const m = path.match(/^\/console\/inbox\/(\d+)/);
  return openThread(m ? Number(m[1]) : null);
}

function go(path) {
  if (location.pathname !== path) history.pushState(null, '', path);
  route();
}

async function refreshAll() {
  const tasks = [loadInbox()];
  if (!$('reports-view').hidden) tasks.push(refreshReports(), heldTexts());
  await Promise.all(tasks);
}

async function start() {
  await loadBusinesses();
  $('business').addEventListener('change', () => { listen(); refreshAll().catch((e) => showError('Loading failed', e)); });
  ['from', 'to'].forEach((id) => $(id).addEventListener('change', () => refreshReports().catch((e) => showError('The reports did not load', e))));
  $('held').addEventListener('click', decideHeld);
  $('numbers').addEventListener('click', connectNumber);
  $('biz-form').addEventListener('input', checkBusinessSoon);
  $('biz-form').addEventListener('submit', saveBusiness);
  $('invite-form').addEventListener('submit', invitePerson);
  $('biz-edit').addEventListener('change', () => editBusiness().catch((e) => showError('The business did not load', e)));
  $('journeys').addEventListener('click', decideReview);
  // links inside the console change the page without reloading it
  document.addEventListener('click', (event) => {
    const a = event.target.closest('a[data-thread], a[data-view], #thread-back');
    if (!a || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    go(a.getAttribute('href'));
  });
  window.addEventListener('popstate', route);
  startInbox();
  await loadInbox();
  listen();
  await route();
  await Promise.all([heldTexts(), a2p(), numbers()]).catch((e) => showError('Loading failed', e));
  await simulator();
  setInterval(() => { refreshAll().catch(() => {}); }, 30000);
}

start().catch((e) => showError('The console did not start', e));
