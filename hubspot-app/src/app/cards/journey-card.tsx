import React from 'react';
import { hubspot } from '@hubspot/ui-extensions';
import { JourneyCard } from './JourneyCard';
import { workerApi } from './workerApi';

hubspot.extend<'crm.record.tab'>(({ context }) => (
  <JourneyCard contactId={String(context.crm.objectId)} api={workerApi} />
));
