import { hubspot } from '@hubspot/ui-extensions';
import { WORKER_URL, automationPath, journeyPath } from './config';
import { JourneyApi, LeadJourney } from './journey';

// hubspot.fetch signs each request (X-HubSpot-Signature-v3) and adds the portal's id to the
// query; the worker answers nothing else.
async function read(response: Response): Promise<LeadJourney> {
  if (!response.ok) {
    throw new Error(`textback answered ${response.status}: ${(await response.text()).trim()}`);
  }
  return (await response.json()) as LeadJourney;
}

export const workerApi: JourneyApi = {
  async load(contactId) {
    const response = await hubspot.fetch(WORKER_URL + journeyPath(contactId), { method: 'GET' });
    return response.status === 404 ? null : read(response);
  },
  async setPaused(contactId, paused) {
    return read(await hubspot.fetch(WORKER_URL + automationPath(contactId), { method: 'POST', body: { paused } }));
  },
};
