/**
 * The level structure of model 2, with STARTING values: the trainer (scripts/train.ts) replaces every m and u,
 * the prior and the thresholds, and writes model.v2.ts. The starting values only act as the smoothing prior of
 * the trainer (a pseudo-count of `alpha` pairs), which matters for levels the labelled data rarely shows.
 *
 * Model 2 = model 1's comparisons, with `age` replaced by `age_detail` (overlap split by centrality), `time` replaced by `time_alive` + `time_deceased` (finer bands, by
 * condition), `place` by `place_detail` (+ same route town, + same state/department) and `marks` by
 * `marks_detail` (+ two agreeing marks, + scar/birthmark on the same side). Starting values of the levels model 1
 * already had are model 1's; those of new levels are set by the same reasoning (docs/matching.md).
 */
import type { ComparisonSpec, LevelSpec, MatchModel } from './model.js';
import { MODEL_V1 } from './model.v1.js';

const NULL: LevelSpec = {
  label: 'null',
  m: 1,
  u: 1,
  isNull: true,
  description: 'A date is missing, or the victim is in the other condition.',
};

function timeSpec(name: string, description: string, m: number[]): ComparisonSpec {
  const u = [0.35, 0.076, 0.007, 0.002, 0.0055, 0.015, 0.06, 0.1, 0.2, 0.1825];
  const rows: Array<[string, string]> = [
    ['found_over_a_year_before', 'Found more than a year before last seen: strongly penalised, not forbidden.'],
    ['found_months_before', 'Found 1–12 months before last seen: a registration error or a different person.'],
    ['found_shortly_before', 'Found up to 30 days before last seen: a registration error.'],
    ['within_7_days', 'Found within a week.'],
    ['within_30_days', 'Found 8–30 days later.'],
    ['within_90_days', 'Found 31–91 days later.'],
    ['within_1_year', 'Found 3–12 months later.'],
    ['within_2_years', 'Found 1–2 years later.'],
    ['within_5_years', 'Found 2–5 years later.'],
    ['over_5_years', 'Found more than five years later.'],
  ];
  return {
    name,
    description,
    levels: [NULL, ...rows.map(([label, d], i) => ({ label, m: m[i], u: u[i], description: d }))],
  };
}

export const TEMPLATE_V2: MatchModel = {
  ...MODEL_V1,
  version: '2.0.0-template',
  description: 'Level structure of model 2 with starting values (not a model to score with).',
  comparisons: [
    ...MODEL_V1.comparisons.filter((c) => !['age', 'time', 'place', 'marks'].includes(c.name)),
    {
      name: 'age_detail',
      description:
        'Date of birth, or age at disappearance projected to the found date, against the estimated age range (as birth-year intervals), overlap split by how central it is.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'No age information on a side.' },
        { label: 'dob_exact', m: 0.15, u: 0.0003, description: 'Same full date of birth.' },
        {
          label: 'dob_close',
          m: 0.04,
          u: 0.003,
          description: 'Dates of birth differ by a typo: day/month swapped, one field off.',
        },
        { label: 'dob_different', m: 0.005, u: 0.3, description: 'Two full dates of birth that differ beyond a typo.' },
        {
          label: 'in_range_centre',
          m: 0.3,
          u: 0.05,
          description: 'Birth intervals overlap and their middles are within 2 years.',
        },
        {
          label: 'in_range',
          m: 0.245,
          u: 0.07,
          description: 'Birth intervals overlap (tolerance 0.5 y precise, 1 y alive, 2 y deceased).',
        },
        {
          label: 'near',
          m: 0.15,
          u: 0.08,
          description: 'Gap ≤ 2 y (both precise), ≤ 4 y (estimated), ≤ 6 y (deceased).',
        },
        { label: 'far', m: 0.07, u: 0.15, description: 'Gap ≤ 5 y (precise), ≤ 7 y (estimated), ≤ 10 y (deceased).' },
        { label: 'else', m: 0.04, u: 0.3467, description: 'Ages incompatible.' },
      ],
    },
    timeSpec(
      'time_alive',
      'Found alive: found date minus last-seen date.',
      [0.003, 0.02, 0.01, 0.1, 0.15, 0.2, 0.3, 0.12, 0.08, 0.017],
    ),
    timeSpec(
      'time_deceased',
      'Found dead: found date minus last-seen date.',
      [0.003, 0.02, 0.01, 0.02, 0.05, 0.1, 0.3, 0.25, 0.2, 0.047],
    ),
    {
      name: 'place_detail',
      description: 'Last-seen place against found place: municipality, distance, state or department, migrant routes.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'A place is unknown.' },
        { label: 'same_municipality', m: 0.15, u: 0.002, description: 'Same municipality (not a route town).' },
        {
          label: 'same_route_town',
          m: 0.03,
          u: 0.01,
          description: 'Same route town (Tapachula, Huixtla…), where many migrants pass.',
        },
        { label: 'within_50km', m: 0.07, u: 0.02, description: '≤ 50 km apart.' },
        { label: 'same_admin1', m: 0.1, u: 0.04, description: 'Same state or department, more than 50 km apart.' },
        {
          label: 'on_migrant_route',
          m: 0.35,
          u: 0.3,
          description: 'Found on a migrant route further along from where last seen.',
        },
        { label: 'within_300km', m: 0.1, u: 0.1, description: '≤ 300 km apart.' },
        { label: 'else', m: 0.2, u: 0.528, description: 'Far apart, off route.' },
      ],
    },
    {
      name: 'marks_detail',
      description:
        'Marks: best-agreeing pair (type, body region and side, motif, description words), and whether two marks agree.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'A side records no marks.' },
        { label: 'name_in_tattoo', m: 0.06, u: 0.00005, description: 'Tattoos with the same written name.' },
        {
          label: 'two_marks',
          m: 0.06,
          u: 0.0005,
          description: 'Two different marks agree (motif, or type + region + side).',
        },
        { label: 'rare_motif_region', m: 0.1, u: 0.0004, description: 'Same rare motif on a compatible body region.' },
        {
          label: 'motif_region_side',
          m: 0.2,
          u: 0.004,
          description: 'Same motif, compatible region, same or unstated side.',
        },
        {
          label: 'motif_region_other_side',
          m: 0.04,
          u: 0.002,
          description: 'Same motif and region, opposite side (a frequent recording error).',
        },
        {
          label: 'motif_only',
          m: 0.05,
          u: 0.02,
          description: 'Same motif or description, region incompatible or unstated.',
        },
        {
          label: 'type_region_side',
          m: 0.2,
          u: 0.06,
          description: 'Same type of mark on a compatible region, same stated side.',
        },
        { label: 'type_region', m: 0.1, u: 0.1, description: 'Same type of mark on a compatible region.' },
        { label: 'type_only', m: 0.1, u: 0.3, description: 'Same type of mark only.' },
        { label: 'else', m: 0.09, u: 0.51345, description: 'Marks on both sides, none alike.' },
      ],
    },
  ],
};
