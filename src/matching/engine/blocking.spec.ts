import { BlockingIndex, DEFAULT_RULES, block, type BlockingRule } from './blocking.js';
import { prepare } from './prepare.js';
import type { MatchRecord } from './types.js';

let n = 0;
const rec = (kind: MatchRecord['kind'], over: Partial<MatchRecord>): MatchRecord => ({
  id: `${kind === 'missing_report' ? 'R' : 'V'}${++n}`,
  kind,
  country: 'MX',
  sex: 'male',
  givenNames: null,
  firstSurname: null,
  secondSurname: null,
  ...over,
});
const report = (over: Partial<MatchRecord>) => prepare(rec('missing_report', over));
const victim = (over: Partial<MatchRecord>) => prepare(rec('suspected_victim', over));

function rulesFor(reports: ReturnType<typeof report>[], victims: ReturnType<typeof victim>[], ri: number, vi: number, settings?: { maxBlockPairs: number; birthBandYears: number }): string[] | null {
  const index = new BlockingIndex(reports, victims, DEFAULT_RULES, settings);
  let found: string[] | null = null;
  index.candidates(reports[ri], (v, mask) => {
    if (v === vi) found = index.ruleNames(mask);
  });
  return found;
}

type Row = { case: string; left: Partial<MatchRecord>; right: Partial<MatchRecord>; rule: string };

describe('blocking rules survive the errors they are meant for', () => {
  it.each<Row>([
    {
      case: 'swapped surnames',
      left: { givenNames: 'Juan', firstSurname: 'López', secondSurname: 'Pérez' },
      right: { givenNames: 'Juan', firstSurname: 'Pérez', secondSurname: 'López' },
      rule: 'swapped_surnames',
    },
    {
      case: 'nickname + dropped second surname',
      left: { givenNames: 'Jesús', firstSurname: 'Hernández', secondSurname: 'Xol' },
      right: { givenNames: 'Chuy', firstSurname: 'Ernández' },
      rule: 'surname1_given',
    },
    {
      case: 'paternal surname dropped',
      left: { givenNames: 'Ana', firstSurname: 'Pérez', secondSurname: 'Tzul' },
      right: { givenNames: 'Ana', firstSurname: 'Tsul' },
      rule: 'maternal_as_first',
    },
    {
      case: 'false given name, same surnames',
      left: { givenNames: 'Pedro', firstSurname: 'Caal', secondSurname: 'Pop' },
      right: { givenNames: 'Marvin', firstSurname: 'Kaal', secondSurname: 'Pop' },
      rule: 'both_surnames',
    },
    {
      case: 'same document number, no name',
      left: { givenNames: 'Pedro', documents: [{ type: 'DPI', number: '2618 26387 0708' }] },
      right: { documents: [{ type: 'DPI', number: '2618263870708' }] },
      rule: 'document',
    },
    {
      case: 'nameless victim with the same tattoo',
      left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'dragón' }] },
      right: { marks: [{ type: 'other', description: 'tatuaje de dragon en brazo izquierdo' }] },
      rule: 'mark_motif',
    },
    {
      case: 'nameless victim by profile',
      left: { sex: 'female', dateOfBirth: '1995', lastSeenDate: '2020-03-01', lastSeenPlace: { country: 'GT', admin1Code: '09' } },
      right: { sex: 'female', estimatedAgeMin: 20, estimatedAgeMax: 30, foundDate: '2020-09-01', foundPlace: { country: 'MX', admin1Code: '07' }, condition: 'deceased' },
      rule: 'nameless_profile',
    },
  ])('$case → $rule', ({ left, right, rule }) => {
    const rules = rulesFor([report(left)], [victim(right)], 0, 0);
    expect(rules).not.toBeNull();
    expect(rules).toContain(rule);
  });

  it('does not pair records that share nothing', () => {
    const rules = rulesFor([report({ givenNames: 'Juan', firstSurname: 'Pérez' })], [victim({ givenNames: 'Rosa', firstSurname: 'Xol', sex: 'female' })], 0, 0);
    expect(rules).toBeNull();
  });
});

describe('capping common keys', () => {
  // 40 reports and 40 victims all "José Hernández", born in different decades, plus one rare pair.
  const common = (i: number) => ({ givenNames: 'José', firstSurname: 'Hernández', dateOfBirth: String(1950 + (i % 40)) });
  const reports = [...Array.from({ length: 40 }, (_, i) => report(common(i))), report({ givenNames: 'Baltazar', firstSurname: 'Xitimul', dateOfBirth: '1990' })];
  const victims = [...Array.from({ length: 40 }, (_, i) => victim(common(i))), victim({ givenNames: 'Baltazar', firstSurname: 'Xitimul', dateOfBirth: '1990' })];
  const onlyNameRule: BlockingRule[] = [DEFAULT_RULES.find((r) => r.name === 'surname1_given')!];

  it.each([
    { cap: 1_000_000, commonPairsAtMost: 1600, rarePaired: true },
    { cap: 100, commonPairsAtMost: 400, rarePaired: true },
  ])('cap $cap: common block refined, rare key kept', ({ cap, commonPairsAtMost, rarePaired }) => {
    const out = block(reports, victims, onlyNameRule, { maxBlockPairs: cap, birthBandYears: 5 });
    let commonPairs = 0;
    let rare = false;
    for (let i = 0; i < out.left.length; i++) {
      if (out.left[i] === 40 && out.right[i] === 40) rare = true;
      if (out.left[i] < 40) commonPairs++;
    }
    expect(rare).toBe(rarePaired);
    expect(commonPairs).toBeLessThanOrEqual(commonPairsAtMost);
    if (cap === 100) {
      expect(out.stats.rules[0].oversizedKeys).toBeGreaterThan(0);
      // Refined by birth band, each José Hernández still meets the one born the same year.
      for (let i = 0; i < 40; i++) {
        let own = false;
        for (let k = 0; k < out.left.length; k++) if (out.left[k] === i && out.right[k] === i) own = true;
        expect(own).toBe(true);
      }
    }
  });

  it('deduplicates pairs found by several rules and remembers every rule', () => {
    const r = [report({ givenNames: 'Ana', firstSurname: 'Caal', secondSurname: 'Pop', dateOfBirth: '1990' })];
    const v = [victim({ givenNames: 'Ana', firstSurname: 'Caal', secondSurname: 'Pop', dateOfBirth: '1990' })];
    const out = block(r, v);
    expect(out.left.length).toBe(1);
    const index = new BlockingIndex(r, v);
    expect(index.ruleNames(out.ruleMask[0])).toEqual(expect.arrayContaining(['surname1_given', 'surname2_given', 'both_surnames', 'surname_birth_band']));
  });
});
