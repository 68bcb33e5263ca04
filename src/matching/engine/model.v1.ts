/**
 * Match model, version 1 — every parameter of the engine in one place.
 *
 * How the numbers were set (see docs/matching.md for the full discussion):
 *  - u (chance agreement between different people) from the published name frequencies (Hernández ≈ 4 % of
 *    surname slots in Mexico, López ≈ 9 % of persons in Guatemala, María ≈ 5 %), from the spread of dates and
 *    places a register of disappearances covers, and from how common each body attribute is;
 *  - m (agreement for the same person) from the error rates the shared references describe for records made
 *    by different institutions: misheard spellings, nicknames, dropped or swapped surnames, estimated ages,
 *    paraphrased marks and wrong sides, registration-date errors;
 *  - m and u of the non-null levels of each comparison sum to 1 (validateModel checks it).
 * They are NOT fitted to the synthetic generator; the generator's own figures are reported next to them in the
 * docs so that a reviewer can see where they differ.
 *
 * Level order matters: the first level whose condition holds wins (comparisons.ts), so stronger agreements come
 * first. Labels are the contract with comparisons.ts: renaming one is a new model version.
 */
import type { MatchModel } from './model.js';

export const MODEL_V1: MatchModel = {
  version: '1.0.0',
  description:
    'Fellegi–Sunter model for missing-person reports (left) against suspected-victim records (right), Mexico–Guatemala.',
  // One report–victim pair in 10,000 is the same person: about the rate of a regional register cross-check.
  // Re-estimate per deployment with estimatePrior() when the expected number of matches is known.
  prior: 1e-4,
  thresholds: { match: 0.5, review: 0.05 },
  blocking: { maxBlockPairs: 5_000, birthBandYears: 5 },
  comparisons: [
    {
      name: 'given_name',
      description: 'Any given name or alias of one record against any of the other.',
      tf: { referenceU: 0.01, floor: 0.001, minAdjustment: -2, maxAdjustment: 3 },
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'A side has no given name.' },
        { label: 'exact_full', m: 0.54, u: 0.006, tf: true, description: 'Same full given name(s) after normalisation.' },
        { label: 'exact_word', m: 0.2, u: 0.012, tf: true, description: 'One distinctive given-name word in common.' },
        { label: 'nickname', m: 0.07, u: 0.002, description: 'Same canonical name through a nickname or diminutive (Chuy ~ Jesús).' },
        { label: 'phonetic', m: 0.06, u: 0.003, description: 'Same phonetic key (Latin-American or Maya).' },
        { label: 'jaro_winkler_0.92', m: 0.03, u: 0.004, description: 'Jaro–Winkler ≥ 0.92 on some pair of words.' },
        { label: 'maria_jose_only', m: 0.03, u: 0.04, description: 'Only a leading María/José in common.' },
        { label: 'jaro_winkler_0.80', m: 0.02, u: 0.07, description: 'Jaro–Winkler ≥ 0.80 on some pair of words.' },
        { label: 'else', m: 0.04, u: 0.863, description: 'No given name in common.' },
      ],
    },
    {
      name: 'first_surname',
      description: 'First (usually paternal) surname.',
      tf: { referenceU: 0.01, floor: 0.0005, minAdjustment: -3, maxAdjustment: 4 },
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'A side has no surname.' },
        { label: 'exact', m: 0.8, u: 0.01, tf: true, description: 'Same surname after normalisation.' },
        { label: 'phonetic', m: 0.08, u: 0.003, tf: true, description: 'Same phonetic key (Latin-American or Maya).' },
        { label: 'jaro_winkler_0.92', m: 0.03, u: 0.004, description: 'Jaro–Winkler ≥ 0.92.' },
        { label: 'swapped', m: 0.04, u: 0.008, tf: true, description: "Agrees with the other record's second surname." },
        { label: 'in_given_names', m: 0.01, u: 0.002, description: "Found among the other record's given names or married surname." },
        { label: 'jaro_winkler_0.80', m: 0.02, u: 0.05, description: 'Jaro–Winkler ≥ 0.80.' },
        { label: 'else', m: 0.02, u: 0.923, description: 'Different surnames.' },
      ],
    },
    {
      name: 'second_surname',
      description: 'Second (usually maternal) surname.',
      tf: { referenceU: 0.01, floor: 0.0005, minAdjustment: -3, maxAdjustment: 4 },
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'Neither side has a second surname.' },
        { label: 'exact', m: 0.65, u: 0.01, tf: true, description: 'Same surname after normalisation.' },
        { label: 'phonetic', m: 0.06, u: 0.003, tf: true, description: 'Same phonetic key.' },
        { label: 'jaro_winkler_0.92', m: 0.02, u: 0.004, description: 'Jaro–Winkler ≥ 0.92.' },
        { label: 'swapped', m: 0.04, u: 0.008, tf: true, description: "Agrees with the other record's first surname." },
        { label: 'married', m: 0.01, u: 0.001, description: "Agrees with the other record's married surname (\"de García\")." },
        { label: 'missing_one_side', m: 0.15, u: 0.15, description: 'Only one side has a second surname (dropped maternal surname).' },
        { label: 'jaro_winkler_0.80', m: 0.02, u: 0.05, description: 'Jaro–Winkler ≥ 0.80.' },
        { label: 'else', m: 0.05, u: 0.775, description: 'Different second surnames.' },
      ],
    },
    {
      name: 'sex',
      description: 'Sex as recorded.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'Unknown on a side.' },
        { label: 'agree', m: 0.985, u: 0.5, description: 'Same sex.' },
        { label: 'disagree', m: 0.015, u: 0.5, excludes: true, description: 'Different known sex: hard exclusion.' },
      ],
    },
    {
      name: 'age',
      description:
        'Date of birth, or age at disappearance projected to the found date, against the estimated age range (as birth-year intervals).',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'No age information on a side.' },
        { label: 'dob_exact', m: 0.15, u: 0.0003, description: 'Same full date of birth.' },
        { label: 'dob_close', m: 0.04, u: 0.003, description: 'Dates of birth differ by a typo: day/month swapped, one field off.' },
        { label: 'dob_different', m: 0.005, u: 0.3, description: 'Two full dates of birth that differ beyond a typo.' },
        { label: 'in_range', m: 0.545, u: 0.12, description: 'Birth intervals overlap (tolerance 0.5 y precise, 1 y alive, 2 y deceased).' },
        { label: 'near', m: 0.15, u: 0.08, description: 'Gap ≤ 2 y (both precise), ≤ 4 y (estimated), ≤ 6 y (deceased).' },
        { label: 'far', m: 0.07, u: 0.15, description: 'Gap ≤ 5 y (precise), ≤ 7 y (estimated), ≤ 10 y (deceased).' },
        { label: 'else', m: 0.04, u: 0.3467, description: 'Ages incompatible.' },
      ],
    },
    {
      name: 'height',
      description: 'Height difference (2 cm more tolerance for deceased records).',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'Unknown on a side.' },
        { label: 'within_3cm', m: 0.5, u: 0.14, description: '≤ 3 cm.' },
        { label: 'within_7cm', m: 0.32, u: 0.22, description: '≤ 7 cm.' },
        { label: 'within_12cm', m: 0.12, u: 0.24, description: '≤ 12 cm.' },
        { label: 'else', m: 0.06, u: 0.4, description: 'More than 12 cm.' },
      ],
    },
    {
      name: 'weight',
      description: 'Body weight difference (alive records only; weight changes after death).',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'Unknown on a side, or deceased.' },
        { label: 'within_5kg', m: 0.45, u: 0.2, description: '≤ 5 kg.' },
        { label: 'within_12kg', m: 0.35, u: 0.3, description: '≤ 12 kg.' },
        { label: 'else', m: 0.2, u: 0.5, description: 'More than 12 kg.' },
      ],
    },
    {
      name: 'build',
      description: 'Complexión.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'Unknown on a side.' },
        { label: 'agree', m: 0.55, u: 0.35, description: 'Same build.' },
        { label: 'adjacent', m: 0.35, u: 0.35, description: 'Neighbouring categories.' },
        { label: 'disagree', m: 0.1, u: 0.3, description: 'Two or more categories apart.' },
      ],
    },
    {
      name: 'skin_tone',
      description: 'Tez.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'Unknown on a side.' },
        { label: 'agree', m: 0.6, u: 0.4, description: 'Same tone.' },
        { label: 'adjacent', m: 0.32, u: 0.35, description: 'Neighbouring tones.' },
        { label: 'disagree', m: 0.08, u: 0.25, description: 'Two or more tones apart.' },
      ],
    },
    {
      name: 'hair_color',
      description: 'Hair colour (dyed and grey hair make this weak).',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'Unknown on a side.' },
        { label: 'agree', m: 0.8, u: 0.55, description: 'Same colour.' },
        { label: 'disagree', m: 0.2, u: 0.45, description: 'Different colour.' },
      ],
    },
    {
      name: 'eye_color',
      description: 'Eye colour.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'Unknown on a side.' },
        { label: 'agree', m: 0.9, u: 0.7, description: 'Same colour.' },
        { label: 'disagree', m: 0.1, u: 0.3, description: 'Different colour.' },
      ],
    },
    {
      name: 'marks',
      description: 'Best-agreeing pair of marks: type, body region and side, motif and description words.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'A side records no marks.' },
        { label: 'name_in_tattoo', m: 0.06, u: 0.00005, description: 'Tattoos with the same written name.' },
        { label: 'rare_motif_region', m: 0.12, u: 0.0004, description: 'Same rare motif on a compatible body region.' },
        { label: 'motif_region_side', m: 0.22, u: 0.004, description: 'Same motif, compatible region, same or unstated side.' },
        { label: 'motif_region_other_side', m: 0.06, u: 0.002, description: 'Same motif and region, opposite side (a frequent recording error).' },
        { label: 'motif_only', m: 0.08, u: 0.012, description: 'Same motif or description, region incompatible or unstated.' },
        { label: 'type_region', m: 0.16, u: 0.06, description: 'Same type of mark on a compatible region.' },
        { label: 'type_only', m: 0.12, u: 0.25, description: 'Same type of mark only.' },
        { label: 'else', m: 0.18, u: 0.6736, description: 'Marks on both sides, none alike.' },
      ],
    },
    {
      name: 'documents',
      description: 'Identity documents of the same type (CURP, DPI, passport).',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'No document type in common.' },
        { label: 'same_number', m: 0.92, u: 0.00001, description: 'Same number: near-conclusive.' },
        { label: 'one_character_apart', m: 0.04, u: 0.00005, description: 'One typo apart (substitution, insertion or transposition).' },
        { label: 'different', m: 0.035, u: 0.35, description: 'Different numbers, at least one unverified (or passports, which are renewed).' },
        { label: 'different_valid', m: 0.005, u: 0.64994, description: 'Two different numbers, both with a valid check digit: strong evidence against.' },
      ],
    },
    {
      name: 'time',
      description: 'Found date minus last-seen date.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'A date is missing.' },
        { label: 'found_over_a_year_before', m: 0.004, u: 0.4, description: 'Found more than a year before last seen: strongly penalised, not forbidden.' },
        { label: 'found_months_before', m: 0.011, u: 0.05, description: 'Found 1–12 months before last seen: a registration error or a different person.' },
        { label: 'found_shortly_before', m: 0.015, u: 0.006, description: 'Found up to 30 days before last seen: a registration error.' },
        { label: 'within_30_days', m: 0.22, u: 0.012, description: 'Found within 30 days.' },
        { label: 'within_1_year', m: 0.4, u: 0.09, description: 'Found within a year.' },
        { label: 'within_5_years', m: 0.3, u: 0.3, description: 'Found within five years.' },
        { label: 'over_5_years', m: 0.05, u: 0.142, description: 'Found more than five years later.' },
      ],
    },
    {
      name: 'place',
      description: 'Last-seen place against found place: distance and migrant routes.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'A place is unknown.' },
        { label: 'same_municipality', m: 0.15, u: 0.004, description: 'Same municipality.' },
        { label: 'within_50km', m: 0.15, u: 0.02, description: '≤ 50 km apart.' },
        { label: 'on_migrant_route', m: 0.35, u: 0.25, description: 'Found on a migrant route further along from where last seen.' },
        { label: 'within_300km', m: 0.15, u: 0.15, description: '≤ 300 km apart.' },
        { label: 'else', m: 0.2, u: 0.576, description: 'Far apart, off route.' },
      ],
    },
    {
      name: 'language',
      description: 'Languages spoken; an indigenous language in common is strong evidence.',
      levels: [
        { label: 'null', m: 1, u: 1, isNull: true, description: 'Languages unknown on a side.' },
        { label: 'same_indigenous', m: 0.3, u: 0.015, description: 'Same Maya or other indigenous language.' },
        { label: 'different_indigenous', m: 0.02, u: 0.02, description: 'Both indigenous-language speakers, different languages.' },
        { label: 'one_indigenous', m: 0.15, u: 0.17, description: 'Only one side records an indigenous language.' },
        { label: 'no_indigenous', m: 0.53, u: 0.795, description: 'Neither side records an indigenous language.' },
      ],
    },
  ],
};
