import { Account } from '../accounts/account.entity.js';
import { Session } from '../accounts/session.entity.js';
import { AlertDecision } from '../alerts/alert-decision.entity.js';
import { AlertNote } from '../alerts/alert-note.entity.js';
import { AlertEvent } from '../alerts/alert-event.entity.js';
import { Alert } from '../alerts/alert.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { ApiKey } from '../auth/api-key.entity.js';
import { MatchingRun } from '../matching/runs/matching-run.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { PersonRecord } from '../records/person-record.entity.js';
import { RecordVersion } from '../records/record-version.entity.js';
import { IdentificationResult } from '../identification/identification-result.entity.js';
import { WebhookSubscription } from '../notifications/webhook-subscription.entity.js';
import { OutboxMessage } from '../outbox/outbox-message.entity.js';

export const ENTITIES = [Organization, ApiKey, PersonRecord, RecordVersion, AuditEntry, MatchingRun, Alert, AlertEvent, AlertDecision, AlertNote, OutboxMessage, IdentificationResult, WebhookSubscription, Account, Session];
