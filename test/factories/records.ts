/** Test data builders: valid records by default, with overrides for the case under test. */
let sequence = 0;
const next = () => `${Date.now().toString(36)}-${++sequence}`;

export function missingReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sourceRecordId: `MR-${next()}`,
    givenNames: 'María José',
    firstSurname: 'Peña',
    secondSurname: "K'iche' Tzoc",
    aliases: ['Majo'],
    sex: 'female',
    nationality: 'GT',
    languages: ["K'iche'", 'Español'],
    heightCm: 152,
    weightKg: 50.5,
    build: 'thin',
    hairColor: 'black',
    eyeColor: 'dark_brown',
    marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'rosa con el nombre "Lupita"' }],
    documents: [{ type: 'DPI', number: '1234 56789 0101', issuingCountry: 'GT' }],
    dateOfBirth: '2006-04',
    lastSeenDate: '2026-03-14',
    lastSeenPlace: { country: 'GT', admin1Code: '09', admin1: 'Quetzaltenango', municipality: 'Salcajá' },
    circumstances: 'Salió hacia Tecún Umán con un conocido; no volvió a comunicarse.',
    ...overrides,
  };
}

export function suspectedVictim(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sourceRecordId: `SV-${next()}`,
    sex: 'female',
    condition: 'alive',
    estimatedAgeMin: 17,
    estimatedAgeMax: 22,
    heightCm: 150,
    languages: ['Kiche'],
    aliases: ['La Güera'],
    marks: [{ type: 'tattoo', bodyRegion: 'forearm', side: 'left', description: 'rosa tatuada, brazo izquierdo' }],
    foundDate: '2026-05-02',
    foundPlace: { country: 'MX', admin1Code: '07', admin1: 'Chiapas', municipality: 'Tapachula', lat: 14.9, lon: -92.26 },
    identificationCaseId: 'SNIH-2026-000451',
    ...overrides,
  };
}
