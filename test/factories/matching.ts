import { missingReport, suspectedVictim } from './records.js';

/** A missing report and a suspected-victim record of the same person, as two agencies would write them. */
export function matchingPair(n: number): { report: Record<string, unknown>; victim: Record<string, unknown> } {
  const given = ['Rosa Amalia', 'Juan Carlos', 'Ixchel', 'Pedro Pablo', 'Begoña', 'Tomás'][n % 6];
  const first = ['Xicay', 'Caal', 'Tzoc', 'Batz', 'Chavajay', 'Guarchaj'][n % 6];
  const second = ['Ajú', 'Pop', 'Coc', 'Puac', 'Us', 'Sanik'][n % 6];
  const sex = n % 2 === 0 ? 'female' : 'male';
  const birthYear = 1990 + (n % 10);
  return {
    report: missingReport({
      givenNames: given,
      firstSurname: first,
      secondSurname: second,
      sex,
      dateOfBirth: `${birthYear}-0${1 + (n % 9)}-1${n % 10}`,
      heightCm: 150 + n,
      aliases: [],
      documents: [],
      marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: `ancla con el nombre ${given.split(' ')[0]}` }],
      lastSeenDate: '2025-11-02',
      lastSeenPlace: { country: 'GT', admin1Code: '09', admin1: 'Quetzaltenango' },
    }),
    victim: suspectedVictim({
      givenNames: given.split(' ')[0],
      firstSurname: first,
      sex,
      dateOfBirth: undefined,
      estimatedAgeMin: 2026 - birthYear - 3,
      estimatedAgeMax: 2026 - birthYear + 3,
      heightCm: 151 + n,
      aliases: [],
      languages: [],
      marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: `tatuaje de ancla, dice ${given.split(' ')[0]}` }],
      foundDate: '2026-02-10',
      foundPlace: { country: 'MX', admin1Code: '07', admin1: 'Chiapas', municipality: 'Tapachula', lat: 14.9, lon: -92.26 },
    }),
  };
}
