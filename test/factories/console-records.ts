/**
 * A small, realistic set of records for the review console's browser tests and screenshots: Guatemalan
 * missing-person reports (last seen in the western highlands, with coordinates) and the Mexican forensic and
 * shelter records of the same people along the migrant route, written as two agencies would write them
 * (first given name only, a surname misspelled, estimated ages, marks described in free text).
 */
const PEOPLE = [
  [
    'Rosa Amalia',
    'Xicay',
    'Ajú',
    'female',
    '2009-03-12',
    'Quetzaltenango',
    '09',
    'Salcajá',
    14.8833,
    -91.45,
    'rosa con el nombre Lupita',
    'forearm',
  ],
  [
    'Juan Carlos',
    'Caal',
    'Pop',
    'male',
    '1994-07-03',
    'Alta Verapaz',
    '16',
    'Cobán',
    15.4703,
    -90.3711,
    'ancla con el nombre Juan',
    'upper_arm',
  ],
  [
    'Ixchel',
    'Tzoc',
    'Coc',
    'female',
    '2007-11-21',
    'Huehuetenango',
    '13',
    'La Democracia',
    15.6333,
    -91.8833,
    'mariposa',
    'neck',
  ],
  [
    'Pedro Pablo',
    'Batz',
    'Puac',
    'male',
    '1998-01-30',
    'San Marcos',
    '12',
    'Malacatán',
    14.9103,
    -92.0581,
    'virgen de Guadalupe',
    'back',
  ],
  [
    'Begoña',
    'Chavajay',
    'Us',
    'female',
    '1991-05-09',
    'Sololá',
    '07',
    'San Pedro La Laguna',
    14.6928,
    -91.2728,
    'estrella',
    'wrist',
  ],
  [
    'Tomás',
    'Guarchaj',
    'Sanik',
    'male',
    '2008-09-14',
    'Totonicapán',
    '08',
    'Momostenango',
    15.0442,
    -91.4083,
    'cruz con las letras TG',
    'hand',
  ],
  [
    'María José',
    'Peña',
    'Tzoc',
    'female',
    '2006-04-02',
    'Quetzaltenango',
    '09',
    'Quetzaltenango',
    14.8347,
    -91.5181,
    'rosa con el nombre "Lupita"',
    'forearm',
  ],
  [
    'Ana Lucía',
    'Ajcalón',
    'Yax',
    'female',
    '2010-02-17',
    'San Marcos',
    '12',
    'Ayutla',
    14.6728,
    -92.1711,
    'corazón con la letra A',
    'ankle',
  ],
] as const;

const FOUND = [
  ['Chiapas', '07', 'Tapachula', 14.9, -92.26],
  ['Chiapas', '07', 'Ciudad Hidalgo', 14.6794, -92.15],
  ['Chiapas', '07', 'Tuxtla Gutiérrez', 16.7528, -93.1167],
  ['Tabasco', '27', 'Tenosique', 17.4736, -91.4236],
  ['Oaxaca', '20', 'Juchitán de Zaragoza', 16.4333, -95.0194],
  ['Veracruz', '30', 'Coatzacoalcos', 18.1344, -94.459],
  ['Chiapas', '07', 'Comitán de Domínguez', 16.2511, -92.1342],
  ['Chiapas', '07', 'Frontera Comalapa', 15.6606, -92.1378],
] as const;

type Body = Record<string, unknown>;

export function consoleRecords(): { reports: Body[]; forensic: Body[]; shelter: Body[]; mexicanReports: Body[] } {
  const reports: Body[] = [];
  const forensic: Body[] = [];
  const shelter: Body[] = [];
  PEOPLE.forEach(([given, first, second, sex, dob, admin1, code, municipality, lat, lon, tattoo, region], n) => {
    reports.push({
      sourceRecordId: `PGN-AK-2026-${String(311 + n * 7).padStart(4, '0')}`,
      givenNames: given,
      firstSurname: first,
      secondSurname: second,
      sex,
      nationality: 'GT',
      languages: n % 2 ? ['Español'] : ["K'iche'", 'Español'],
      heightCm: 148 + n * 3,
      weightKg: 48 + n * 3,
      build: 'thin',
      hairColor: 'black',
      eyeColor: 'dark_brown',
      aliases: n === 6 ? ['Majo'] : [],
      marks: [{ type: 'tattoo', bodyRegion: region, side: 'left', description: tattoo }],
      documents: n % 3 === 0 ? [{ type: 'DPI', number: '1587564440904', issuingCountry: 'GT' }] : [],
      dateOfBirth: dob,
      lastSeenDate: `2025-${String(3 + n).padStart(2, '0')}-1${n}`,
      lastSeenPlace: { country: 'GT', admin1Code: code, admin1, municipality, lat, lon },
      circumstances: 'Salió hacia Tecún Umán con un conocido; no volvió a comunicarse.',
      familyReferenceSamples: n % 2 === 0,
    });
    const [fAdmin1, fCode, fMunicipality, fLat, fLon] = FOUND[n];
    const year = Number(dob.slice(0, 4));
    forensic.push({
      sourceRecordId: `SEMEFO-CHIS-2026-${1204 + n * 13}`,
      ...(n % 4 === 3 ? {} : { givenNames: given.split(' ')[0], firstSurname: first.replace('aj', 'ax') }),
      sex,
      condition: n % 3 === 1 ? 'deceased' : 'alive',
      estimatedAgeMin: 2026 - year - 3,
      estimatedAgeMax: 2026 - year + 3,
      heightCm: 149 + n * 3,
      aliases: n === 6 ? ['La Güera'] : [],
      languages: n % 2 ? [] : ['Kiche'],
      marks: [{ type: 'tattoo', bodyRegion: region, side: 'left', description: `tatuaje: ${tattoo}` }],
      foundDate: `2026-0${1 + (n % 8)}-0${1 + n}`,
      // One place without coordinates: the alert then shows both places and no distance.
      foundPlace: {
        country: 'MX',
        admin1Code: fCode,
        admin1: fAdmin1,
        municipality: fMunicipality,
        ...(n === 5 ? {} : { lat: fLat, lon: fLon }),
      },
      identificationCaseId: `SNIH-2026-000${451 + n}`,
      dnaSampleTaken: n % 2 === 0,
    });
    if (n < 4) {
      shelter.push({
        sourceRecordId: `ALB-BELEN-2026-${88 + n}`,
        givenNames: given,
        sex,
        condition: 'alive',
        estimatedAgeMin: 2026 - year - 5,
        estimatedAgeMax: 2026 - year + 5,
        heightCm: 150 + n * 3,
        aliases: ['La Chapina'],
        foundDate: '2026-06-11',
        foundPlace: { country: 'MX', admin1Code: '07', admin1: 'Chiapas', municipality: 'Tapachula' },
      });
    }
  });
  // Two Mexican reports of people found in Mexico: alerts that are not cross-border.
  const mexicanReports: Body[] = [
    {
      ...reports[4],
      sourceRecordId: 'CBP-CHIS-2026-0042',
      nationality: 'MX',
      lastSeenPlace: {
        country: 'MX',
        admin1Code: '07',
        admin1: 'Chiapas',
        municipality: 'Tapachula',
        lat: 14.9,
        lon: -92.26,
      },
    },
    {
      ...reports[2],
      sourceRecordId: 'CBP-CHIS-2026-0057',
      nationality: 'MX',
      lastSeenPlace: {
        country: 'MX',
        admin1Code: '07',
        admin1: 'Chiapas',
        municipality: 'Huixtla',
        lat: 15.1386,
        lon: -92.4658,
      },
    },
  ];
  return { reports, forensic, shelter, mexicanReports };
}
