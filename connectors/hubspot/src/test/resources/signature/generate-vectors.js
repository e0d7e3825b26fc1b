// Makes the v3 (and v1) webhook signature vectors with HubSpot's official Node library, so our Java
// check is tested against HubSpot's code, not only against itself. Regenerate with:
//   npm install @hubspot/api-client@13 && node generate-vectors.js > v3-vectors.json
const { Signature } = require('@hubspot/api-client/lib/src/utils/signature');

const cases = [
  { clientSecret: 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy', method: 'POST',
    url: 'https://textback.example.com/webhooks/hubspot',
    requestBody: '[{"eventId":100,"subscriptionId":12,"portalId":62515,"appId":54321,"occurredAt":1790000000000,"subscriptionType":"object.propertyChange","attemptNumber":0,"objectId":1234,"propertyName":"dealstage","propertyValue":"closedwon","changeSource":"CRM"}]',
    timestamp: 1790000000000 },
  { clientSecret: 'b3f1c0de-1111-4222-8333-944455556666', method: 'POST',
    url: 'https://textback.example.com/webhooks/hubspot/channel?portal=62515',
    requestBody: '{"type":"OUTGOING_CHANNEL_MESSAGE_CREATED","portalId":62515,"channelId":1001,"eventId":"ev-1","message":{"id":"m-1","text":"We can come at 3pm – does that work? \u2705"}}',
    timestamp: 1790000012345 },
  { clientSecret: 's3cr3t', method: 'GET', url: 'https://api.example.com:8443/api/leads/901/journey?portalId=62515&userId=7',
    requestBody: '', timestamp: 1790000099999 },
];

const vectors = cases.map((c) => ({
  ...c,
  signatureV3: Signature.getSignature(c.method, 'v3', c),
  signatureV1: Signature.getSignature(c.method, 'v1', c),
}));
console.log(JSON.stringify(vectors, null, 2));
