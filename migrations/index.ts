import { InitialSchema1764380000000 } from './1764380000000-initial-schema.js';
import { MatchingRunsAndAlerts1764390000000 } from './1764390000000-matching-runs-and-alerts.js';
import { ReviewAccessAudit1764400000000 } from './1764400000000-review-access-audit.js';
import { IdentificationAndNotifications1764410000000 } from './1764410000000-identification-and-notifications.js';
import { Statistics1764420000000 } from './1764420000000-statistics.js';
import { AccountsAndSessions1764430000000 } from './1764430000000-accounts-and-sessions.js';

/** Every migration, in order. The app runs them at start; the TypeORM CLI reads them from the same DataSource. */
export const MIGRATIONS = [
  InitialSchema1764380000000,
  MatchingRunsAndAlerts1764390000000,
  ReviewAccessAudit1764400000000,
  IdentificationAndNotifications1764410000000,
  Statistics1764420000000,
  AccountsAndSessions1764430000000,
];
