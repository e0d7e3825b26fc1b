// Both browser checks in one local mode (one start instead of two): the console's reports and
// simulator (console.cjs), then the inbox at a phone's and a desk's size (inbox.cjs). Each still runs
// alone with its own local mode. Usage: node all.cjs [--screenshot FILE] [--screenshots DIR] [--samples N]
const { withLocalMode } = require('./local-mode.cjs');
const { consoleCheck } = require('./console.cjs');
const { inboxCheck } = require('./inbox.cjs');

let step = 'console';
withLocalMode(async (stack) => {
  // the console check's sign-in stays in its own browser context: the inbox check signs in afresh
  const own = await stack.browser.createBrowserContext();
  await consoleCheck({ ...stack, browser: own });
  await own.close();
  step = 'inbox';
  await inboxCheck(stack);
}).catch((e) => { console.error(step + ' check failed: ' + e.message); process.exit(1); });
