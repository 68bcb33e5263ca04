/**
 * Confirmations and their reversals take this PostgreSQL advisory lock exclusively; the alert writer takes it
 * shared for each chunk it writes. So a run never raises, restores or reopens an alert for a record that a
 * confirmation is closing at that moment: it sees the confirmation and closes the pair as superseded instead.
 */
export const CONSEQUENCES_LOCK = 'alert-consequences';
