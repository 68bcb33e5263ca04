/**
 * Term frequencies for the term-frequency adjustment: how often each surname (by Latin-American phonetic key),
 * given name and tattoo motif occurs in the stored records. The service builds this table from its database and
 * passes it in; it is plain data (string keys → counts) so it can be cached or persisted.
 */
import { COMMON_MOTIFS, motifName } from './marks.js';
import { latamKey } from './phonetic.js';
import { INTERN } from './text.js';
import type { PreparedRecord } from './types.js';

export interface FrequencyTable {
  /** Surname phonetic key → number of surname slots (first or second) holding it. */
  surnames: Record<string, number>;
  surnameSlots: number;
  /** Folded given-name word → number of records carrying it among their given names or aliases. */
  givenNames: Record<string, number>;
  givenSlots: number;
  /** Canonical motif → number of marks showing it. */
  motifs: Record<string, number>;
  marks: number;
}

export function buildFrequencyTable(records: readonly PreparedRecord[]): FrequencyTable {
  const surnames: Record<string, number> = {};
  const givenNames: Record<string, number> = {};
  const motifs: Record<string, number> = {};
  let surnameSlots = 0;
  let givenSlots = 0;
  let marks = 0;
  for (const r of records) {
    for (const k of [r.s1LatKey, r.s2LatKey]) {
      if (!k) continue;
      surnames[k] = (surnames[k] ?? 0) + 1;
      surnameSlots++;
    }
    if (r.givenStrong.length > 0) {
      for (const g of new Set(r.givenStrong)) givenNames[g] = (givenNames[g] ?? 0) + 1;
      givenSlots++;
    }
    for (const m of r.marks) {
      marks++;
      for (const id of m.motifs) {
        const name = motifName(id);
        motifs[name] = (motifs[name] ?? 0) + 1;
      }
    }
  }
  return { surnames, surnameSlots, givenNames, givenSlots, motifs, marks };
}

/** Writes the record's term frequencies (0 when the value is absent: the model's floor then applies). */
export function attachFrequencies(record: PreparedRecord, table: FrequencyTable): void {
  record.s1Tf = record.s1LatKey && table.surnameSlots > 0 ? (table.surnames[record.s1LatKey] ?? 1) / table.surnameSlots : 0;
  record.s2Tf = record.s2LatKey && table.surnameSlots > 0 ? (table.surnames[record.s2LatKey] ?? 1) / table.surnameSlots : 0;
  const tfs = new Float64Array(record.gExact.length);
  if (table.givenSlots > 0) {
    record.gExact.forEach((id, i) => {
      const word = INTERN.value(id).slice(2); // ids are interned as "g:<word>"
      tfs[i] = (table.givenNames[word] ?? 1) / table.givenSlots;
    });
  }
  record.gTfs = tfs;
}

/**
 * Motif ids that count as common: shown on at least `share` of marks (default 2 %) in the table, plus generic
 * lettering; without a table (or with too few marks to tell), a static list of everyday motifs. Any other motif is
 * rare, and agreeing on it earns the stronger marks level.
 */
export function commonMotifIds(table: FrequencyTable | null, share = 0.02): Set<number> {
  const out = new Set<number>([INTERN.id('motif:nombre'), INTERN.id('motif:letras')]);
  if (!table || table.marks < 200) {
    for (const name of COMMON_MOTIFS) out.add(INTERN.id(`motif:${name}`));
    return out;
  }
  for (const [name, count] of Object.entries(table.motifs)) {
    if (count / table.marks >= share) out.add(INTERN.id(`motif:${name}`));
  }
  return out;
}

/** Phonetic key under which a surname is counted (exposed for the database layer building the table). */
export function surnameFrequencyKey(foldedSurname: string): string {
  return latamKey(foldedSurname);
}
