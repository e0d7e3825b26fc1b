// The worker's public base URL: the same value as textback.public-base-url and as
// permittedUrls.fetch in app-hsmeta.json (a test keeps the three in step). Change all three together.
export const WORKER_URL = 'https://textback.example.com';

// The worker's endpoints for the card (LeadJourneyController).
export const journeyPath = (contactId: string) => `/api/leads/${encodeURIComponent(contactId)}/journey`;
export const automationPath = (contactId: string) => `/api/leads/${encodeURIComponent(contactId)}/automation`;
