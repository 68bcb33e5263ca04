/**
 * Queue priority of an alert (higher first): the match probability, then minors, recent findings and pairs that
 * cross the border. Points: 100 × probability; +30 when either person was possibly under 18 at the event; +10 × how
 * recent the finding is (1 on the day, 0 after a year); +10 when the two records come from different countries.
 * A minor at probability 0.5 (80 points) thus comes before an adult at 0.75 (75 points).
 */
export function alertPriority(input: {
  probability: number;
  minor: boolean;
  crossBorder: boolean;
  foundDate: string | null;
  today: Date;
}): number {
  const recency = input.foundDate
    ? Math.max(0, 1 - (input.today.getTime() - Date.parse(`${input.foundDate}T00:00:00Z`)) / (365 * 86_400_000))
    : 0;
  const points = 100 * input.probability + (input.minor ? 30 : 0) + 10 * Math.min(1, recency) + (input.crossBorder ? 10 : 0);
  return Math.round(points * 1000) / 1000;
}
