import { BlockingIndex, DEFAULT_RULES, block, boxOf, candidateScratch, candidatesOf, KeyTable, profileBoundAt, profileDistance, profileOf, ProfileTree, type BlockingRule } from './blocking.js';
import { MODEL_V2 } from './model.v2.js';
import { prepare } from './prepare.js';
import type { MatchRecord, PreparedRecord } from './types.js';
import { generateDataset } from '../synthetic/generator.js';

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
    {
      case: 'nameless victim by profile, the report giving no age at all',
      left: { sex: 'female', lastSeenDate: '2020-03-01', lastSeenPlace: { country: 'GT', admin1Code: '09' } },
      right: { sex: 'female', estimatedAgeMin: 20, estimatedAgeMax: 30, foundDate: '2020-09-01', foundPlace: { country: 'MX', admin1Code: '07' }, condition: 'deceased' },
      rule: 'nameless_profile',
    },
  ])('$case → $rule', ({ left, right, rule }) => {
    const rules = rulesFor([report(left)], [victim(right)], 0, 0);
    expect(rules).not.toBeNull();
    expect(rules).toContain(rule);
  });

  it('puts a report with no age only in the bands of ages 12–51 at its event', () => {
    const left = { sex: 'female' as const, lastSeenDate: '2020-03-01', lastSeenPlace: { country: 'GT', admin1Code: '09' } };
    const child = { sex: 'female' as const, estimatedAgeMin: 3, estimatedAgeMax: 6, foundDate: '2020-09-01', foundPlace: { country: 'MX', admin1Code: '07' }, condition: 'deceased' as const };
    expect(rulesFor([report(left)], [victim(child)], 0, 0)).toBeNull();
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

describe('the reverse side (reportsOf), for victims added after the build', () => {
  // A generated set large enough that some blocks are oversized and refined.
  const data = generateDataset({ seed: 7, reports: 1500, victims: 900 });
  const reports = data.reports.map(prepare);
  const victims = data.victims.map(prepare);
  const pairsOf = (index: BlockingIndex, rs: readonly PreparedRecord[]) => {
    const out: string[] = [];
    rs.forEach((r, ri) => index.candidates(r, (vi, mask) => out.push(`${ri}:${vi}:${mask}`)));
    return out.sort();
  };

  it('does not change the forward candidates', () => {
    const plain = new BlockingIndex(reports, victims, DEFAULT_RULES, MODEL_V2.blocking);
    const reverse = new BlockingIndex(reports, victims, DEFAULT_RULES, MODEL_V2.blocking, { reverse: true });
    expect(plain.oversizedKeys().some((k) => k.count > 0)).toBe(true);
    expect(pairsOf(reverse, reports)).toEqual(pairsOf(plain, reports));
  });

  it('gives each indexed victim exactly the reports (and rules) the forward side pairs it with', () => {
    const index = new BlockingIndex(reports, victims, DEFAULT_RULES, MODEL_V2.blocking, { reverse: true });
    const reverse: string[] = [];
    victims.forEach((v, vi) => index.reportsOf(v, (ri, mask) => reverse.push(`${ri}:${vi}:${mask}`)));
    expect(reverse.length).toBeGreaterThan(1000);
    expect(reverse.sort()).toEqual(pairsOf(index, reports));
  });

  it('finds for a victim added later the reports a rebuilt index pairs it with', () => {
    const later = victims.slice(-60);
    const before = new BlockingIndex(reports, victims.slice(0, -60), DEFAULT_RULES, MODEL_V2.blocking, { reverse: true });
    const rebuilt = new BlockingIndex(reports, victims, DEFAULT_RULES, MODEL_V2.blocking);
    const viaReverse: string[] = [];
    later.forEach((v, j) => before.reportsOf(v, (ri, mask) => viaReverse.push(`${ri}:${victims.length - 60 + j}:${mask}`)));
    const viaRebuild = pairsOf(rebuilt, reports).filter((p) => Number(p.split(':')[1]) >= victims.length - 60);
    expect(viaReverse.length).toBeGreaterThan(50);
    // Equal unless the 60 arrivals tipped a block over its cap (then the rebuilt index refines it and proposes fewer).
    const rebuiltSet = new Set(viaRebuild);
    const extra = viaReverse.filter((p) => !rebuiltSet.has(p));
    const reverseSet = new Set(viaReverse);
    expect(viaRebuild.filter((p) => !reverseSet.has(p))).toEqual([]);
    expect(extra.length).toBeLessThanOrEqual(viaReverse.length * 0.05);
  });

  it('needs an index built with reverse', () => {
    const index = new BlockingIndex(reports.slice(0, 5), victims.slice(0, 5));
    expect(() => index.reportsOf(victims[0], () => undefined)).toThrow(/reverse/);
  });
});

describe('profileDistance (ranking the reports of an oversized nameless block)', () => {
  const base = { sex: 'female' as const, heightCm: 155, lastSeenDate: '2020-05-01', dateOfBirth: '1995', lastSeenPlace: { country: 'GT', admin1Code: '09' } };
  const body = { sex: 'female' as const, heightCm: 155, foundDate: '2020-08-01', estimatedAgeMin: 23, estimatedAgeMax: 27, foundPlace: { country: 'GT', admin1Code: '09' } };
  const near = profileDistance(report(base), victim(body));
  it.each([
    { case: 'birth ranges 10 years apart', r: { dateOfBirth: '1975' }, v: {} },
    { case: 'height 20 cm apart', r: { heightCm: 175 }, v: {} },
    { case: 'found two years before last seen', r: {}, v: { foundDate: '2018-05-01' } },
    { case: 'found six years after', r: {}, v: { foundDate: '2026-05-01' } },
    { case: 'found 1,500 km away', r: {}, v: { foundPlace: { country: 'MX', admin1Code: '19' } } },
  ])('$case is farther than the same profile', ({ r, v }) => {
    expect(profileDistance(report({ ...base, ...r }), victim({ ...body, ...v }))).toBeGreaterThan(near);
  });

  it.each([
    { case: 'height within 4 cm', r: { heightCm: 158 }, v: {} },
    { case: 'found the week before last seen (registration error)', r: {}, v: { foundDate: '2020-04-24' } },
  ])('$case costs (almost) nothing', ({ r, v }) => {
    expect(profileDistance(report({ ...base, ...r }), victim({ ...body, ...v }))).toBeLessThan(near + 0.2);
  });

  it('an unknown value costs a middle amount: more than agreeing, less than clearly disagreeing', () => {
    const unknownHeight = profileDistance(report({ ...base, heightCm: null }), victim(body));
    expect(unknownHeight).toBeGreaterThan(near);
    expect(unknownHeight).toBeLessThan(profileDistance(report({ ...base, heightCm: 185 }), victim(body)));
  });
});

describe('bestPerVictim: oversized nameless blocks become a short list per victim instead of being dropped', () => {
  // One profile key for everybody (same sex, birth band, zone, year, no height): a single block of 40 × 6.
  const rule: BlockingRule = { name: 'profile', description: '', left: ['sex', 'birthBand', 'zone', 'eventYear'], rightFilter: 'nameless', refine: [], maxBlockPairs: 100, bestPerVictim: 3 };
  const when = (day: number) => `2020-03-${String(day).padStart(2, '0')}`;
  const reports = Array.from({ length: 40 }, (_, i) => report({ sex: 'female', dateOfBirth: '1995', lastSeenDate: when(1 + (i % 28)), heightCm: 140 + i, lastSeenPlace: { country: 'GT', admin1Code: '09' } }));
  const victims = Array.from({ length: 6 }, (_, j) => victim({ sex: 'female', estimatedAgeMin: 23, estimatedAgeMax: 27, foundDate: '2020-04-15', heightCm: 145 + 5 * j, foundPlace: { country: 'GT', admin1Code: '09' } }));

  it('each victim gets exactly its closest reports', () => {
    const dropping = new BlockingIndex(reports, victims, [{ ...rule, bestPerVictim: undefined }]);
    expect(dropping.oversizedKeys()[0].dropped).toBe(1);
    expect(block(reports, victims, [{ ...rule, bestPerVictim: undefined }]).left.length).toBe(0);

    const index = new BlockingIndex(reports, victims, [rule]);
    const lists = new Map<number, number[]>();
    reports.forEach((r, ri) => index.candidates(r, (vi) => lists.set(vi, [...(lists.get(vi) ?? []), ri])));
    victims.forEach((v, vi) => {
      const expected = reports.map((r, ri) => ({ ri, d: profileDistance(r, v) })).sort((a, b) => a.d - b.d || a.ri - b.ri).slice(0, 3).map((x) => x.ri);
      expect((lists.get(vi) ?? []).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    });
  });

  it.each([1, 2, 3])('random profiles in one block (seed %i): the lists are the brute-force closest', (seed) => {
    let x = seed * 7919;
    const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const day = () => `20${19 + Math.floor(rand() * 2)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const rs = Array.from({ length: 300 }, () =>
      report({ sex: 'female', dateOfBirth: String(1995 + Math.floor(rand() * 5)), lastSeenDate: `2020-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-10`, heightCm: rand() < 0.2 ? null : 140 + Math.floor(rand() * 40), lastSeenPlace: rand() < 0.5 ? { country: 'GT', admin1Code: '09' } : { country: 'GT', admin1Code: '01' } }),
    );
    const vs = Array.from({ length: 12 }, () =>
      victim({ sex: 'female', estimatedAgeMin: 18 + Math.floor(rand() * 10), estimatedAgeMax: 30 + Math.floor(rand() * 5), foundDate: day(), heightCm: 140 + Math.floor(rand() * 40), foundPlace: { country: 'GT', admin1Code: '09' } }),
    );
    const oneBlock: BlockingRule = { ...rule, left: ['sex', 'zone'], maxBlockPairs: 100, bestPerVictim: 7 };
    const index = new BlockingIndex(rs, vs, [oneBlock]);
    expect(index.oversizedKeys()[0].dropped).toBe(1);
    const lists = new Map<number, number[]>();
    rs.forEach((r, ri) => index.candidates(r, (vi) => lists.set(vi, [...(lists.get(vi) ?? []), ri])));
    vs.forEach((v, vi) => {
      const expected = rs.map((r, ri) => ({ ri, d: profileDistance(r, v) })).sort((a, b) => a.d - b.d || a.ri - b.ri).slice(0, 7).map((e) => e.ri);
      expect((lists.get(vi) ?? []).sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    });
  });

  it('the same pairs through the arrays of a worker thread', () => {
    const index = new BlockingIndex(reports, victims, [rule]);
    const arrays = index.toArrays();
    const scratch = candidateScratch(victims.length);
    const viaIndex: string[] = [];
    const viaArrays: string[] = [];
    reports.forEach((r, ri) => index.candidates(r, (vi, m) => viaIndex.push(`${ri}:${vi}:${m}`)));
    reports.forEach((_r, ri) => candidatesOf(arrays, ri, scratch, (vi, m) => viaArrays.push(`${ri}:${vi}:${m}`)));
    expect(viaArrays.sort()).toEqual(viaIndex.sort());
    expect(viaIndex.length).toBe(18);
  });

  it('a report added later joins a short list only when it is as close as the list’s last', () => {
    const index = new BlockingIndex(reports, victims, [rule]);
    const twin = report({ sex: 'female', dateOfBirth: '1995', lastSeenDate: '2020-04-10', heightCm: 145, lastSeenPlace: { country: 'GT', admin1Code: '09' } });
    const far = report({ sex: 'female', dateOfBirth: '1995', lastSeenDate: '2020-03-01', heightCm: 190, lastSeenPlace: { country: 'GT', admin1Code: '09' } });
    const hits = (r: PreparedRecord) => {
      const out: number[] = [];
      index.candidates(r, (vi) => out.push(vi));
      return out;
    };
    expect(hits(twin)).toContain(0); // the victim of 145 cm
    expect(hits(far)).toEqual([]);
  });

  it('a victim added later gets its own short list through the reverse side', () => {
    const index = new BlockingIndex(reports, victims, [rule], undefined, { reverse: true });
    const newcomer = victim({ sex: 'female', estimatedAgeMin: 23, estimatedAgeMax: 27, foundDate: '2020-04-15', heightCm: 170, foundPlace: { country: 'GT', admin1Code: '09' } });
    const got: number[] = [];
    index.reportsOf(newcomer, (ri) => got.push(ri));
    const expected = reports.map((r, ri) => ({ ri, d: profileDistance(r, newcomer) })).sort((a, b) => a.d - b.d || a.ri - b.ri).slice(0, 3).map((x) => x.ri);
    expect(got.sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  });
});

describe('bounds for ranking dropped blocks (profileBoundAt over boxOf and splitLeaves)', () => {
  const r0 = { sex: 'female' as const, heightCm: 155, lastSeenDate: '2020-05-01', dateOfBirth: '1995', lastSeenPlace: { country: 'GT', admin1Code: '09' } };
  const v0 = { sex: 'female' as const, heightCm: 155, foundDate: '2020-08-01', estimatedAgeMin: 23, estimatedAgeMax: 27, foundPlace: { country: 'GT', admin1Code: '09' } };
  const boundOf = (rs: PreparedRecord[], v: PreparedRecord) => {
    const boxes = new Float64Array(14);
    boxOf(profileOf(rs), Int32Array.from(rs.keys()), 0, rs.length, boxes, 0);
    return profileBoundAt(boxes, 0, profileOf([v]), 0);
  };
  type BoundRow = { case: string; rs: Partial<MatchRecord>[]; v: Partial<MatchRecord> };
  it.each<BoundRow>([
    { case: 'one report, everything known', rs: [{}], v: {} },
    { case: 'one report, ten years older', rs: [{ dateOfBirth: '1985' }], v: {} },
    { case: 'one report, no height', rs: [{ heightCm: null }], v: {} },
    { case: 'victim without height', rs: [{ heightCm: 170 }], v: { heightCm: null } },
    { case: 'found two years before last seen', rs: [{}], v: { foundDate: '2018-05-01' } },
    { case: 'found six years after', rs: [{}], v: { foundDate: '2026-05-01' } },
    { case: 'found 1,500 km away', rs: [{}], v: { foundPlace: { country: 'MX', admin1Code: '19' } } },
    { case: 'no place on either side', rs: [{ lastSeenPlace: null }], v: { foundPlace: null } },
    { case: 'heights on both sides of the victim', rs: [{ heightCm: 140 }, { heightCm: 175 }], v: {} },
    { case: 'some reports without height, far heights', rs: [{ heightCm: null }, { heightCm: 190 }], v: {} },
    { case: 'mixed dates, before and after', rs: [{ lastSeenDate: '2021-01-01' }, { lastSeenDate: '2019-01-01' }], v: {} },
    { case: 'no age, no date', rs: [{ dateOfBirth: null, lastSeenDate: null }, {}], v: {} },
    { case: 'places in two states', rs: [{}, { lastSeenPlace: { country: 'MX', admin1Code: '07' } }], v: { foundPlace: { country: 'MX', admin1Code: '30' } } },
  ])('$case: never above any report’s distance', ({ rs, v }) => {
    const reports = rs.map((over) => report({ ...r0, ...over }));
    const vict = victim({ ...v0, ...v });
    const bound = boundOf(reports, vict);
    const distances = reports.map((r) => profileDistance(r, vict));
    expect(bound).toBeLessThanOrEqual(Math.min(...distances));
    // One report: the bound is its distance (less the safety margin).
    if (reports.length === 1) expect(bound).toBeCloseTo(distances[0], 6);
  });

  it.each([5, 8, 9, 40, 333])('ProfileTree.split puts each of %i reports in exactly one leaf of at most 8, inside its ancestors', (count) => {
    let x = count;
    const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const rs = Array.from({ length: count }, () =>
      report({ ...r0, heightCm: rand() < 0.3 ? null : 140 + Math.floor(rand() * 40), dateOfBirth: String(1980 + Math.floor(rand() * 20)), lastSeenDate: `2020-0${1 + Math.floor(rand() * 9)}-10` }),
    );
    const order = Int32Array.from(rs.keys());
    const tree = new ProfileTree();
    const root = tree.add(0, count);
    tree.split(root, profileOf(rs), order, new Float64Array(count));
    expect([...order].sort((a, b) => a - b)).toEqual([...rs.keys()]);
    const leaves: [number, number][] = [];
    const walk = (t: number) => {
      const [from, to, c] = [tree.from.a[t], tree.to.a[t], tree.child.a[t]];
      if (c < 0) return void leaves.push([from, to]);
      expect([tree.from.a[c], tree.to.a[c + 1], tree.to.a[c]]).toEqual([from, to, tree.from.a[c + 1]]);
      walk(c);
      walk(c + 1);
    };
    walk(root);
    expect(leaves.map(([from, to]) => to - from).reduce((a, b) => a + b, 0)).toBe(count);
    for (const [from, to] of leaves) {
      expect(to - from).toBeGreaterThan(0);
      expect(to - from).toBeLessThanOrEqual(8);
    }
  });

  it.each([1, 2, 3])('short lists over many blocks, unknown heights in every height band (seed %i): the brute-force closest', (seed) => {
    let x = seed * 104729;
    const rand = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const places = [{ country: 'GT', admin1Code: '09' }, { country: 'GT', admin1Code: '01' }, { country: 'MX', admin1Code: '07' }, null];
    const rs = Array.from({ length: 600 }, () =>
      report({
        sex: pick(['female', 'male', 'unknown'] as const),
        dateOfBirth: rand() < 0.15 ? null : String(1985 + Math.floor(rand() * 15)),
        lastSeenDate: rand() < 0.05 ? null : `20${19 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-10`,
        heightCm: rand() < 0.3 ? null : 140 + Math.floor(rand() * 45),
        lastSeenPlace: pick(places),
      }),
    );
    const vs = Array.from({ length: 40 }, () =>
      victim({
        sex: pick(['female', 'male'] as const),
        estimatedAgeMin: 18 + Math.floor(rand() * 10),
        estimatedAgeMax: 28 + Math.floor(rand() * 8),
        foundDate: `20${19 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-20`,
        heightCm: rand() < 0.3 ? null : 140 + Math.floor(rand() * 45),
        foundPlace: pick(places),
      }),
    );
    const nameless = DEFAULT_RULES.find((r) => r.name === 'nameless_profile')!;
    const rule: BlockingRule = { ...nameless, maxBlockPairs: 4, bestPerVictim: 5 };
    const index = new BlockingIndex(rs, vs, [rule], MODEL_V2.blocking, { reverse: true });
    expect(index.oversizedKeys()[0].dropped).toBeGreaterThan(10);
    const got = new Map<number, number[]>();
    rs.forEach((r, ri) => index.candidates(r, (vi) => got.set(vi, [...(got.get(vi) ?? []), ri])));
    // Brute force: the victim's dropped blocks hold the reports its reverse-side short list ranks; the build
    // must have chosen the same ones.
    vs.forEach((v, vi) => {
      const viaReverse: number[] = [];
      index.reportsOf(v, (ri) => viaReverse.push(ri));
      expect((got.get(vi) ?? []).sort((a, b) => a - b)).toEqual(viaReverse.sort((a, b) => a - b));
    });
    expect(got.size).toBeGreaterThan(10);
  });
});

describe('KeyTable (composite blocking keys as integer ids)', () => {
  it.each([
    { case: 'ids in order of creation', ops: [['id', 0, 5], ['id', 0, 7], ['id', 1, 5], ['id', 0, 5]], expected: [1, 2, 3, 1] },
    { case: 'peek does not create', ops: [['peek', 0, 5], ['id', 0, 5], ['peek', 0, 5], ['peek', 1, 5]], expected: [0, 1, 1, 0] },
    { case: 'prefix and value are not interchangeable', ops: [['id', 3, 4], ['peek', 4, 3], ['id', 4, 3]], expected: [1, 0, 2] },
    { case: 'large values', ops: [['id', 0, 2 ** 26 - 1], ['peek', 0, 2 ** 26 - 1]], expected: [1, 1] },
    { case: 'a negative value at the root is no key', ops: [['id', 0, 0], ['peek', 0, -1]], expected: [1, 0] },
    // As when keys were the number prefix × 2^26 + value: an out-of-range value names the neighbouring key.
    { case: 'out-of-range value under peek', ops: [['id', 0, 2 ** 26 - 1], ['id', 1, 0], ['peek', 1, -1], ['peek', 0, 2 ** 26]], expected: [1, 2, 1, 2] },
  ] as { case: string; ops: ['id' | 'peek', number, number][]; expected: number[] }[])('$case', ({ ops, expected }) => {
    const keys = new KeyTable();
    expect(ops.map(([op, p, v]) => (op === 'id' ? keys.id(p, v) : keys.peek(p, v)))).toEqual(expected);
  });

  it('refuses values out of range when creating', () => {
    expect(() => new KeyTable().id(0, -1)).toThrow(/out of range/);
    expect(() => new KeyTable().id(0, 2 ** 26)).toThrow(/out of range/);
  });

  it('keeps every id through growth (100,000 keys)', () => {
    const keys = new KeyTable();
    for (let i = 0; i < 100_000; i++) expect(keys.id(i % 977, i)).toBe(i + 1);
    expect(keys.size).toBe(100_000);
    for (let i = 0; i < 100_000; i += 7) expect(keys.peek(i % 977, i)).toBe(i + 1);
    expect(keys.peek(5, 4)).toBe(0);
  });
});
