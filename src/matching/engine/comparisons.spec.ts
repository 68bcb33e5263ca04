import { COMPARISONS, type ComparisonContext } from './comparisons.js';
import { commonMotifIds } from './frequencies.js';
import { prepare } from './prepare.js';
import type { MatchRecord } from './types.js';

/** A report and a victim with nothing filled in but what a row sets. */
const report = (over: Partial<MatchRecord> = {}): MatchRecord => ({
  id: 'R1',
  kind: 'missing_report',
  country: 'GT',
  givenNames: null,
  firstSurname: null,
  secondSurname: null,
  sex: 'unknown',
  ...over,
});
const victim = (over: Partial<MatchRecord> = {}): MatchRecord => ({
  id: 'V1',
  kind: 'suspected_victim',
  country: 'MX',
  givenNames: null,
  firstSurname: null,
  secondSurname: null,
  sex: 'unknown',
  condition: 'alive',
  ...over,
});

const ctx: ComparisonContext = { commonMotifs: commonMotifIds(null) };
const seen = new Map<string, Set<string>>();

type Row = { left: Partial<MatchRecord>; right: Partial<MatchRecord>; expectedLevel: string };

function levelOf(name: string, left: Partial<MatchRecord>, right: Partial<MatchRecord>): string {
  const def = COMPARISONS.find((c) => c.name === name)!;
  const label = def.labels[def.level(prepare(report(left)), prepare(victim(right)), ctx)];
  if (!seen.has(name)) seen.set(name, new Set());
  seen.get(name)!.add(label);
  return label;
}

const table: Record<string, Row[]> = {
  given_name: [
    { left: { givenNames: 'Juan' }, right: {}, expectedLevel: 'null' },
    { left: { givenNames: 'María Guadalupe' }, right: { givenNames: 'Ma. Guadalupe' }, expectedLevel: 'exact_full' },
    { left: { givenNames: 'José Luis' }, right: { givenNames: 'Luis' }, expectedLevel: 'exact_word' },
    { left: { givenNames: 'Jesús' }, right: { givenNames: 'Chuy' }, expectedLevel: 'nickname' },
    { left: { givenNames: 'Francisco' }, right: { aliases: ['Paco'] }, expectedLevel: 'nickname' },
    { left: { givenNames: 'María Guadalupe' }, right: { givenNames: 'Lupita' }, expectedLevel: 'nickname' },
    { left: { givenNames: 'Juan' }, right: { givenNames: 'Juanito' }, expectedLevel: 'nickname' },
    { left: { givenNames: 'Gerardo' }, right: { givenNames: 'Jerardo' }, expectedLevel: 'phonetic' },
    { left: { givenNames: 'Guillermo' }, right: { givenNames: 'Guilermo' }, expectedLevel: 'jaro_winkler_0.92' },
    { left: { givenNames: 'María Elena' }, right: { givenNames: 'María Teresa' }, expectedLevel: 'maria_jose_only' },
    { left: { givenNames: 'Lilia' }, right: { givenNames: 'Leticia' }, expectedLevel: 'jaro_winkler_0.80' },
    { left: { givenNames: 'Pedro' }, right: { givenNames: 'Sofía' }, expectedLevel: 'else' },
    // Roberto "Beto" is not Alberto: the alias stands for the record's own name only.
    { left: { givenNames: 'Roberto', aliases: ['Beto'] }, right: { givenNames: 'Alberto' }, expectedLevel: 'jaro_winkler_0.80' },
  ],
  first_surname: [
    { left: { firstSurname: 'López' }, right: {}, expectedLevel: 'null' },
    { left: { firstSurname: 'Hernández' }, right: { firstSurname: 'HERNANDEZ' }, expectedLevel: 'exact' },
    { left: { firstSurname: 'Hernández' }, right: { firstSurname: 'Hdez.' }, expectedLevel: 'exact' },
    { left: { firstSurname: 'De la Cruz' }, right: { firstSurname: 'Cruz' }, expectedLevel: 'exact' },
    { left: { firstSurname: 'Vázquez' }, right: { firstSurname: 'Vásquez' }, expectedLevel: 'phonetic' },
    { left: { firstSurname: 'Xol' }, right: { firstSurname: 'Shol' }, expectedLevel: 'phonetic' },
    // e = i, o = u and x = j (the loose key): Maya first-language speakers' vowels, old and Maya x.
    { left: { firstSurname: 'López' }, right: { firstSurname: 'Lópiz' }, expectedLevel: 'phonetic' },
    { left: { firstSurname: 'Xol' }, right: { firstSurname: 'Jol' }, expectedLevel: 'phonetic' },
    { left: { firstSurname: 'Martínez' }, right: { firstSurname: 'Martinex' }, expectedLevel: 'jaro_winkler_0.92' },
    { left: { firstSurname: 'López', secondSurname: 'Pérez' }, right: { firstSurname: 'Pérez', secondSurname: 'López' }, expectedLevel: 'swapped' },
    // Swapped and misheard: the report's Mendoza is the victim's second surname, written Mindoza.
    { left: { firstSurname: 'Mendoza', secondSurname: 'Coj' }, right: { firstSurname: 'Cuj', secondSurname: 'Mindoza' }, expectedLevel: 'swapped' },
    { left: { givenNames: 'Juan', firstSurname: 'Pérez' }, right: { givenNames: 'Juan Pérez', firstSurname: 'López' }, expectedLevel: 'in_given_names' },
    { left: { firstSurname: 'Morales' }, right: { firstSurname: 'Moreno' }, expectedLevel: 'jaro_winkler_0.80' },
    { left: { firstSurname: 'Pérez' }, right: { firstSurname: 'Xol' }, expectedLevel: 'else' },
  ],
  second_surname: [
    { left: { firstSurname: 'Pérez' }, right: { firstSurname: 'Pérez' }, expectedLevel: 'null' },
    { left: { firstSurname: 'A', secondSurname: 'González' }, right: { firstSurname: 'A', secondSurname: 'Glez.' }, expectedLevel: 'exact' },
    { left: { firstSurname: 'A', secondSurname: 'Caal' }, right: { firstSurname: 'A', secondSurname: 'Kaal' }, expectedLevel: 'phonetic' },
    { left: { firstSurname: 'A', secondSurname: 'Rodríguez' }, right: { firstSurname: 'A', secondSurname: 'Rodríguex' }, expectedLevel: 'jaro_winkler_0.92' },
    { left: { firstSurname: 'López', secondSurname: 'Pérez' }, right: { firstSurname: 'Pérez', secondSurname: 'López' }, expectedLevel: 'swapped' },
    { left: { firstSurname: 'López', secondSurname: 'Pérez' }, right: { firstSurname: 'Pérez' }, expectedLevel: 'swapped' },
    { left: { firstSurname: 'Mendoza', secondSurname: 'Coj' }, right: { firstSurname: 'Cuj', secondSurname: 'Mindoza' }, expectedLevel: 'swapped' },
    { left: { firstSurname: 'A', secondSurname: 'Coj' }, right: { firstSurname: 'A', secondSurname: 'Cuj' }, expectedLevel: 'phonetic' },
    { left: { firstSurname: 'Pérez', secondSurname: 'García' }, right: { firstSurname: 'Pérez', secondSurname: 'López de García' }, expectedLevel: 'married' },
    { left: { firstSurname: 'Pérez', secondSurname: 'López' }, right: { firstSurname: 'Pérez' }, expectedLevel: 'missing_one_side' },
    // A victim with no surname at all says nothing about a dropped second surname.
    { left: { firstSurname: 'Pérez', secondSurname: 'López' }, right: { givenNames: 'Chuy' }, expectedLevel: 'null' },
    { left: { firstSurname: 'A', secondSurname: 'Morales' }, right: { firstSurname: 'A', secondSurname: 'Moreno' }, expectedLevel: 'jaro_winkler_0.80' },
    { left: { firstSurname: 'A', secondSurname: 'Pérez' }, right: { firstSurname: 'A', secondSurname: 'Tzul' }, expectedLevel: 'else' },
  ],
  sex: [
    { left: { sex: 'female' }, right: { sex: 'unknown' }, expectedLevel: 'null' },
    { left: { sex: 'female' }, right: { sex: 'female' }, expectedLevel: 'agree' },
    { left: { sex: 'female' }, right: { sex: 'male' }, expectedLevel: 'disagree' },
  ],
  age: [
    { left: { dateOfBirth: '1990-03-12' }, right: {}, expectedLevel: 'null' },
    { left: { dateOfBirth: '1990-03-12' }, right: { dateOfBirth: '1990-03-12' }, expectedLevel: 'dob_exact' },
    { left: { dateOfBirth: '1990-03-12' }, right: { dateOfBirth: '1990-12-03' }, expectedLevel: 'dob_close' },
    { left: { dateOfBirth: '1990-03-12' }, right: { dateOfBirth: '1991-03-12' }, expectedLevel: 'dob_close' },
    { left: { dateOfBirth: '1990-03-12' }, right: { dateOfBirth: '1988-07-01' }, expectedLevel: 'dob_different' },
    // 25 when last seen in January 2020, found in June 2020 estimated 24–30: in range.
    { left: { ageAtEvent: 25, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 24, estimatedAgeMax: 30, foundDate: '2020-06-01' }, expectedLevel: 'in_range' },
    // Date of birth projected to the found date: born 1995, found 2021 estimated 20–25.
    { left: { dateOfBirth: '1995' }, right: { estimatedAgeMin: 20, estimatedAgeMax: 25, foundDate: '2021-06-01' }, expectedLevel: 'in_range' },
    { left: { ageAtEvent: 25, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 29, estimatedAgeMax: 33, foundDate: '2020-06-01' }, expectedLevel: 'near' },
    { left: { ageAtEvent: 25, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 32, estimatedAgeMax: 36, foundDate: '2020-06-01' }, expectedLevel: 'far' },
    { left: { ageAtEvent: 16, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 40, estimatedAgeMax: 50, foundDate: '2020-06-01' }, expectedLevel: 'else' },
    // Wider tolerance for the deceased: the same 6-year gap is "far" alive, "near" deceased.
    { left: { ageAtEvent: 25, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 32, estimatedAgeMax: 36, foundDate: '2020-06-01', condition: 'deceased' }, expectedLevel: 'near' },
    // Older remains: tolerances widen with the estimated age (estimated 50–55, so about 3.4 years more). The
    // report's 63-year-old is 7.4 years off: "else" for the living, "near" for the deceased (10.4 off: "far").
    { left: { ageAtEvent: 63, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 50, estimatedAgeMax: 55, foundDate: '2020-06-01' }, expectedLevel: 'else' },
    { left: { ageAtEvent: 63, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 50, estimatedAgeMax: 55, foundDate: '2020-06-01', condition: 'deceased' }, expectedLevel: 'near' },
    { left: { ageAtEvent: 66, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 50, estimatedAgeMax: 55, foundDate: '2020-06-01', condition: 'deceased' }, expectedLevel: 'far' },
  ],
  height: [
    { left: { heightCm: 160 }, right: {}, expectedLevel: 'null' },
    { left: { heightCm: 160 }, right: { heightCm: 162 }, expectedLevel: 'within_3cm' },
    { left: { heightCm: 160 }, right: { heightCm: 166 }, expectedLevel: 'within_7cm' },
    { left: { heightCm: 160 }, right: { heightCm: 171 }, expectedLevel: 'within_12cm' },
    { left: { heightCm: 160 }, right: { heightCm: 180 }, expectedLevel: 'else' },
    { left: { heightCm: 160 }, right: { heightCm: 165, condition: 'deceased' }, expectedLevel: 'within_3cm' },
    // A child grows between the report and the finding (6 cm a year until 17); adults do not, nobody shrinks.
    { left: { heightCm: 130, dateOfBirth: '2010-05-01', lastSeenDate: '2020-05-01' }, right: { heightCm: 148, foundDate: '2023-05-01' }, expectedLevel: 'within_3cm' },
    { left: { heightCm: 150, dateOfBirth: '2006-05-01', lastSeenDate: '2020-05-01' }, right: { heightCm: 170, foundDate: '2025-05-01' }, expectedLevel: 'within_3cm' },
    { left: { heightCm: 160, dateOfBirth: '1990-05-01', lastSeenDate: '2020-05-01' }, right: { heightCm: 170, foundDate: '2023-05-01' }, expectedLevel: 'within_12cm' },
    { left: { heightCm: 130, dateOfBirth: '2010-05-01', lastSeenDate: '2020-05-01' }, right: { heightCm: 120, foundDate: '2023-05-01' }, expectedLevel: 'within_12cm' },
    { left: { heightCm: 130, dateOfBirth: '2010-05-01', lastSeenDate: '2020-05-01' }, right: { heightCm: 160, foundDate: '2021-05-01' }, expectedLevel: 'else' },
  ],
  weight: [
    { left: { weightKg: 60 }, right: { weightKg: 62, condition: 'deceased' }, expectedLevel: 'null' },
    { left: { weightKg: 60 }, right: { weightKg: 63 }, expectedLevel: 'within_5kg' },
    { left: { weightKg: 60 }, right: { weightKg: 70 }, expectedLevel: 'within_12kg' },
    { left: { weightKg: 60 }, right: { weightKg: 90 }, expectedLevel: 'else' },
  ],
  build: [
    { left: { build: 'thin' }, right: { build: 'unknown' }, expectedLevel: 'null' },
    { left: { build: 'thin' }, right: { build: 'thin' }, expectedLevel: 'agree' },
    { left: { build: 'thin' }, right: { build: 'medium' }, expectedLevel: 'adjacent' },
    { left: { build: 'thin' }, right: { build: 'obese' }, expectedLevel: 'disagree' },
  ],
  skin_tone: [
    { left: {}, right: { skinTone: 'brown' }, expectedLevel: 'null' },
    { left: { skinTone: 'brown' }, right: { skinTone: 'brown' }, expectedLevel: 'agree' },
    { left: { skinTone: 'brown' }, right: { skinTone: 'dark_brown' }, expectedLevel: 'adjacent' },
    { left: { skinTone: 'very_light' }, right: { skinTone: 'brown' }, expectedLevel: 'disagree' },
  ],
  hair_color: [
    { left: { hairColor: 'black' }, right: {}, expectedLevel: 'null' },
    { left: { hairColor: 'black' }, right: { hairColor: 'black' }, expectedLevel: 'agree' },
    { left: { hairColor: 'black' }, right: { hairColor: 'blond' }, expectedLevel: 'disagree' },
  ],
  eye_color: [
    { left: { eyeColor: 'green' }, right: {}, expectedLevel: 'null' },
    { left: { eyeColor: 'green' }, right: { eyeColor: 'green' }, expectedLevel: 'agree' },
    { left: { eyeColor: 'green' }, right: { eyeColor: 'black' }, expectedLevel: 'disagree' },
    { left: { eyeColor: 'black' }, right: { eyeColor: 'dark_brown' }, expectedLevel: 'null' }, // "negros" are dark brown eyes: no evidence either way
    { left: { eyeColor: 'dark_brown' }, right: { eyeColor: 'black' }, expectedLevel: 'null' },
    { left: { eyeColor: 'black' }, right: { eyeColor: 'black' }, expectedLevel: 'agree' },
    { left: { eyeColor: 'black' }, right: { eyeColor: 'light_brown' }, expectedLevel: 'disagree' },
  ],
  marks: [
    { left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'rosa' }] }, right: {}, expectedLevel: 'null' },
    {
      left: { marks: [{ type: 'tattoo', bodyRegion: 'chest', side: 'center', description: 'nombre "Juana"' }] },
      right: { marks: [{ type: 'other', description: 'tatuaje en espalda con letras que dicen Juana' }] },
      expectedLevel: 'name_in_tattoo',
    },
    {
      left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'dragón' }] },
      right: { marks: [{ type: 'other', description: 'Tatuajes: dragon en antebrazo der.' }] },
      expectedLevel: 'rare_motif_region',
    },
    {
      // The example: structured report mark against forensic free text.
      left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'tatuaje de rosa en antebrazo izq.' }] },
      right: { marks: [{ type: 'other', description: 'rosa tatuada, brazo izquierdo' }] },
      expectedLevel: 'motif_region_side',
    },
    {
      left: { marks: [{ type: 'other', description: 'tatuaje de rosa en antebrazo izq.' }] },
      right: { marks: [{ type: 'other', description: 'rosa tatuada, brazo izquierdo' }] },
      expectedLevel: 'motif_region_side',
    },
    {
      // Forensic rows also carry bodyRegion "other": the region comes from the text then, as the type does.
      left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'rosa' }] },
      right: { marks: [{ type: 'other', bodyRegion: 'other', description: 'Tatuaje: rosa en antebrazo izq.' }] },
      expectedLevel: 'motif_region_side',
    },
    {
      left: { marks: [{ type: 'scar', bodyRegion: 'hand', side: 'right', description: 'cicatriz' }] },
      right: { marks: [{ type: 'other', bodyRegion: 'other', description: 'cicatriz en dorso de la mano derecha' }] },
      expectedLevel: 'type_region',
    },
    {
      left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'rosa' }] },
      right: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'right', description: 'una rosa' }] },
      expectedLevel: 'motif_region_other_side',
    },
    {
      left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'rosa' }] },
      right: { marks: [{ type: 'other', description: 'tatuaje de rosa en la espalda' }] },
      expectedLevel: 'motif_only',
    },
    {
      left: { marks: [{ type: 'scar', bodyRegion: 'hand', side: 'right', description: 'cicatriz' }] },
      right: { marks: [{ type: 'other', description: 'cicatriz en dorso de la mano derecha' }] },
      expectedLevel: 'type_region',
    },
    {
      left: { marks: [{ type: 'scar', bodyRegion: 'hand', side: 'right', description: 'cicatriz' }] },
      right: { marks: [{ type: 'scar', bodyRegion: 'back', description: 'cicatriz quirúrgica' }] },
      expectedLevel: 'type_only',
    },
    {
      left: { marks: [{ type: 'scar', bodyRegion: 'hand', side: 'right', description: 'cicatriz' }] },
      right: { marks: [{ type: 'tattoo', bodyRegion: 'hand', side: 'right', description: 'estrella' }] },
      expectedLevel: 'else',
    },
  ],
  // Model 2's comparisons.
  age_detail: [
    { left: { dateOfBirth: '1990-03-12' }, right: {}, expectedLevel: 'null' },
    { left: { dateOfBirth: '1990-03-12' }, right: { dateOfBirth: '1990-03-12' }, expectedLevel: 'dob_exact' },
    { left: { dateOfBirth: '1990-03-12' }, right: { dateOfBirth: '1990-12-03' }, expectedLevel: 'dob_close' },
    { left: { dateOfBirth: '1990-03-12' }, right: { dateOfBirth: '1988-07-01' }, expectedLevel: 'dob_different' },
    // 25 when last seen, found estimated 24–30 (middle 27, report's middle 25.5): central.
    { left: { ageAtEvent: 25, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 24, estimatedAgeMax: 30, foundDate: '2020-06-01' }, expectedLevel: 'in_range_centre' },
    // Found estimated 25–35 (middle 30): overlapping but 4.5 years off centre.
    { left: { ageAtEvent: 25, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 25, estimatedAgeMax: 35, foundDate: '2020-06-01' }, expectedLevel: 'in_range' },
    { left: { ageAtEvent: 25, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 29, estimatedAgeMax: 33, foundDate: '2020-06-01' }, expectedLevel: 'near' },
    { left: { ageAtEvent: 25, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 32, estimatedAgeMax: 36, foundDate: '2020-06-01' }, expectedLevel: 'far' },
    { left: { ageAtEvent: 16, lastSeenDate: '2020-01-10' }, right: { estimatedAgeMin: 40, estimatedAgeMax: 50, foundDate: '2020-06-01' }, expectedLevel: 'else' },
  ],
  time_alive: [
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-05-03', condition: 'deceased' }, expectedLevel: 'null' },
    { left: { lastSeenDate: '2020-05-01' }, right: {}, expectedLevel: 'null' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2018-05-01' }, expectedLevel: 'found_over_a_year_before' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-01-15' }, expectedLevel: 'found_months_before' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-04-20' }, expectedLevel: 'found_shortly_before' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-05-06' }, expectedLevel: 'within_7_days' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-05-20' }, expectedLevel: 'within_30_days' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-07-20' }, expectedLevel: 'within_90_days' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2021-01-20' }, expectedLevel: 'within_1_year' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2022-01-20' }, expectedLevel: 'within_2_years' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2023-01-20' }, expectedLevel: 'within_5_years' },
    { left: { lastSeenDate: '2014-05-01' }, right: { foundDate: '2023-01-20' }, expectedLevel: 'over_5_years' },
  ],
  time_deceased: [
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-05-03' }, expectedLevel: 'null' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2018-05-01', condition: 'deceased' }, expectedLevel: 'found_over_a_year_before' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-01-15', condition: 'deceased' }, expectedLevel: 'found_months_before' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-04-20', condition: 'deceased' }, expectedLevel: 'found_shortly_before' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-05-08', condition: 'deceased' }, expectedLevel: 'within_7_days' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-05-31', condition: 'deceased' }, expectedLevel: 'within_30_days' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-06-01', condition: 'deceased' }, expectedLevel: 'within_90_days' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2021-05-01', condition: 'deceased' }, expectedLevel: 'within_1_year' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2022-04-30', condition: 'deceased' }, expectedLevel: 'within_2_years' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2025-04-30', condition: 'deceased' }, expectedLevel: 'within_5_years' },
    { left: { lastSeenDate: '2014-05-01' }, right: { foundDate: '2023-01-20', condition: 'deceased' }, expectedLevel: 'over_5_years' },
  ],
  place_detail: [
    { left: { lastSeenPlace: { country: 'GT', admin1Code: '09' } }, right: {}, expectedLevel: 'null' },
    {
      left: { lastSeenPlace: { country: 'MX', admin1Code: '14', municipality: 'Zapopan' } },
      right: { foundPlace: { country: 'MX', admin1: 'Jalisco', municipality: 'ZAPOPAN' } },
      expectedLevel: 'same_municipality',
    },
    {
      // Tapachula is a route town: thousands pass, so sharing it is weaker than sharing a home municipality.
      left: { lastSeenPlace: { country: 'MX', admin1Code: '07', municipality: 'Tapachula', lat: 14.9, lon: -92.26 } },
      right: { foundPlace: { country: 'MX', admin1Code: '07', municipality: 'Tapachula', lat: 14.91, lon: -92.25 } },
      expectedLevel: 'same_route_town',
    },
    // Municipalities written without their state or department.
    {
      // A route town alone: placed at its route point, and the same municipality by name.
      left: { lastSeenPlace: { country: 'MX', admin1Code: '07', municipality: 'Tapachula' } },
      right: { foundPlace: { country: 'MX', municipality: 'Tapachula' } },
      expectedLevel: 'same_route_town',
    },
    {
      // A department capital alone: its department is known.
      left: { lastSeenPlace: { country: 'GT', admin1Code: '20', municipality: 'Chiquimula' } },
      right: { foundPlace: { country: 'GT', municipality: 'CHIQUIMULA' } },
      expectedLevel: 'same_municipality',
    },
    {
      // Any other municipality: the same name in the same country when one side does not say the state …
      left: { lastSeenPlace: { country: 'MX', admin1Code: '19', municipality: 'Guadalupe' } },
      right: { foundPlace: { country: 'MX', municipality: 'GUADALUPE' } },
      expectedLevel: 'same_municipality',
    },
    {
      // … but not when both say it and the states differ (Guadalupe, Nuevo León is not Guadalupe, Zacatecas).
      left: { lastSeenPlace: { country: 'MX', admin1Code: '19', municipality: 'Guadalupe' } },
      right: { foundPlace: { country: 'MX', admin1Code: '32', municipality: 'Guadalupe' } },
      expectedLevel: 'else',
    },
    {
      left: { lastSeenPlace: { country: 'MX', admin1Code: '14', lat: 20.67, lon: -103.35 } },
      right: { foundPlace: { country: 'MX', lat: 20.72, lon: -103.4 } },
      expectedLevel: 'within_50km',
    },
    {
      // Guadalajara and Puerto Vallarta: both Jalisco, ~190 km apart.
      left: { lastSeenPlace: { country: 'MX', admin1Code: '14', lat: 20.67, lon: -103.35 } },
      right: { foundPlace: { country: 'MX', admin1Code: '14', lat: 20.62, lon: -105.23 } },
      expectedLevel: 'same_admin1',
    },
    {
      left: { lastSeenPlace: { country: 'GT', admin1Code: '09', lat: 14.83, lon: -91.52 } },
      right: { foundPlace: { country: 'MX', admin1Code: '07', municipality: 'Tapachula', lat: 14.9, lon: -92.26 } },
      expectedLevel: 'on_migrant_route',
    },
    {
      left: { lastSeenPlace: { country: 'MX', lat: 20.67, lon: -103.35 } },
      right: { foundPlace: { country: 'MX', lat: 21.88, lon: -102.29 } },
      expectedLevel: 'within_300km',
    },
    { left: { lastSeenPlace: { country: 'MX', admin1Code: '31' } }, right: { foundPlace: { country: 'MX', admin1Code: '02' } }, expectedLevel: 'else' },
  ],
  marks_detail: [
    { left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'rosa' }] }, right: {}, expectedLevel: 'null' },
    {
      left: { marks: [{ type: 'tattoo', bodyRegion: 'chest', side: 'center', description: 'nombre "Juana"' }] },
      right: { marks: [{ type: 'other', description: 'tatuaje en espalda con letras que dicen Juana' }] },
      expectedLevel: 'name_in_tattoo',
    },
    {
      // A rose on the left forearm and a scar on the right hand, both found again.
      left: {
        marks: [
          { type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'rosa' },
          { type: 'scar', bodyRegion: 'hand', side: 'right', description: 'cicatriz' },
        ],
      },
      right: {
        marks: [
          { type: 'other', description: 'rosa tatuada, brazo izquierdo' },
          { type: 'scar', bodyRegion: 'hand', side: 'right', description: 'cicatriz en la mano' },
        ],
      },
      expectedLevel: 'two_marks',
    },
    {
      left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'dragón' }] },
      right: { marks: [{ type: 'other', description: 'Tatuajes: dragon en antebrazo der.' }] },
      expectedLevel: 'rare_motif_region',
    },
    {
      left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'tatuaje de rosa en antebrazo izq.' }] },
      right: { marks: [{ type: 'other', description: 'rosa tatuada, brazo izquierdo' }] },
      expectedLevel: 'motif_region_side',
    },
    {
      left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'rosa' }] },
      right: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'right', description: 'una rosa' }] },
      expectedLevel: 'motif_region_other_side',
    },
    {
      left: { marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'rosa' }] },
      right: { marks: [{ type: 'other', description: 'tatuaje de rosa en la espalda' }] },
      expectedLevel: 'motif_only',
    },
    {
      left: { marks: [{ type: 'scar', bodyRegion: 'hand', side: 'right', description: 'cicatriz' }] },
      right: { marks: [{ type: 'other', description: 'cicatriz en dorso de la mano derecha' }] },
      expectedLevel: 'type_region_side',
    },
    {
      left: { marks: [{ type: 'scar', bodyRegion: 'hand', side: 'right', description: 'cicatriz' }] },
      right: { marks: [{ type: 'scar', bodyRegion: 'hand', description: 'cicatriz' }] },
      expectedLevel: 'type_region',
    },
    {
      left: { marks: [{ type: 'scar', bodyRegion: 'hand', side: 'right', description: 'cicatriz' }] },
      right: { marks: [{ type: 'scar', bodyRegion: 'back', description: 'cicatriz quirúrgica' }] },
      expectedLevel: 'type_only',
    },
    {
      left: { marks: [{ type: 'scar', bodyRegion: 'hand', side: 'right', description: 'cicatriz' }] },
      right: { marks: [{ type: 'tattoo', bodyRegion: 'hand', side: 'right', description: 'estrella' }] },
      expectedLevel: 'else',
    },
  ],
  documents: [
    { left: { documents: [{ type: 'CURP', number: 'HEGJ900312HCSRRN05', checkDigitValid: true }] }, right: {}, expectedLevel: 'null' },
    {
      left: { documents: [{ type: 'CURP', number: 'HEGJ900312HCSRRN05', checkDigitValid: true }] },
      right: { documents: [{ type: 'CURP', number: 'hegj900312hcsrrn05', checkDigitValid: true }] },
      expectedLevel: 'same_number',
    },
    {
      left: { documents: [{ type: 'DPI', number: '2618 26387 0708', checkDigitValid: true }] },
      right: { documents: [{ type: 'DPI', number: '2618263870709', checkDigitValid: false }] },
      expectedLevel: 'one_character_apart',
    },
    {
      left: { documents: [{ type: 'PASSPORT', number: 'G12345678', checkDigitValid: null }] },
      right: { documents: [{ type: 'PASSPORT', number: 'G87654321', checkDigitValid: null }] },
      expectedLevel: 'different',
    },
    {
      left: { documents: [{ type: 'CURP', number: 'HEGJ900312HCSRRN05', checkDigitValid: true }] },
      right: { documents: [{ type: 'CURP', number: 'LOPM850101MGTPRR09', checkDigitValid: true }] },
      expectedLevel: 'different_valid',
    },
  ],
  time: [
    { left: { lastSeenDate: '2020-05-01' }, right: {}, expectedLevel: 'null' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2018-05-01' }, expectedLevel: 'found_over_a_year_before' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-01-15' }, expectedLevel: 'found_months_before' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-04-20' }, expectedLevel: 'found_shortly_before' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2020-05-20' }, expectedLevel: 'within_30_days' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2021-01-20' }, expectedLevel: 'within_1_year' },
    { left: { lastSeenDate: '2020-05-01' }, right: { foundDate: '2023-01-20' }, expectedLevel: 'within_5_years' },
    { left: { lastSeenDate: '2014-05-01' }, right: { foundDate: '2023-01-20' }, expectedLevel: 'over_5_years' },
  ],
  place: [
    { left: { lastSeenPlace: { country: 'GT', admin1Code: '09' } }, right: {}, expectedLevel: 'null' },
    {
      left: { lastSeenPlace: { country: 'MX', admin1Code: '14', municipality: 'Zapopan' } },
      right: { foundPlace: { country: 'MX', admin1: 'Jalisco', municipality: 'ZAPOPAN' } },
      expectedLevel: 'same_municipality',
    },
    {
      left: { lastSeenPlace: { country: 'MX', admin1Code: '14', lat: 20.67, lon: -103.35 } },
      right: { foundPlace: { country: 'MX', lat: 20.72, lon: -103.4 } },
      expectedLevel: 'within_50km',
    },
    {
      // Last seen in Quetzaltenango, found in Tapachula: further along the Pacific route.
      left: { lastSeenPlace: { country: 'GT', admin1Code: '09', lat: 14.83, lon: -91.52 } },
      right: { foundPlace: { country: 'MX', admin1Code: '07', municipality: 'Tapachula', lat: 14.9, lon: -92.26 } },
      expectedLevel: 'on_migrant_route',
    },
    {
      left: { lastSeenPlace: { country: 'MX', lat: 20.67, lon: -103.35 } },
      right: { foundPlace: { country: 'MX', lat: 21.88, lon: -102.29 } },
      expectedLevel: 'within_300km',
    },
    {
      left: { lastSeenPlace: { country: 'MX', admin1Code: '31' } },
      right: { foundPlace: { country: 'MX', admin1Code: '02' } },
      expectedLevel: 'else',
    },
  ],
  language: [
    { left: { languageCodes: ['quc'] }, right: {}, expectedLevel: 'null' },
    { left: { languageCodes: ['quc', 'spa'] }, right: { languages: ["K'iche'"] }, expectedLevel: 'same_indigenous' },
    { left: { languageCodes: ['quc'] }, right: { languageCodes: ['mam'] }, expectedLevel: 'different_indigenous' },
    { left: { languageCodes: ['kek', 'spa'] }, right: { languageCodes: ['spa'] }, expectedLevel: 'one_indigenous' },
    { left: { languageCodes: ['spa'] }, right: { languages: ['Español'] }, expectedLevel: 'no_indigenous' },
  ],
};

describe.each(Object.keys(table))('comparison %s', (name) => {
  it.each(table[name])('$expectedLevel: $left vs $right', ({ left, right, expectedLevel }) => {
    expect(levelOf(name, left, right)).toBe(expectedLevel);
  });
});

describe('level coverage', () => {
  it('has a row for every level of every comparison', () => {
    for (const def of COMPARISONS) {
      const rows = table[def.name] ?? [];
      const expected = new Set(rows.map((r) => r.expectedLevel));
      expect([...def.labels].filter((l) => !expected.has(l))).toEqual([]);
    }
  });
});
