import { LANGUAGES, languageInfo, languageKey, normalizeLanguage } from './languages.js';

describe('normalizeLanguage', () => {
  it.each([
    ["K'iche'", 'quc'],
    ['Kiche', 'quc'],
    ['Quiché', 'quc'],
    ['quiche', 'quc'],
    ['K’iche’', 'quc'], // typographic apostrophes
    ['Kʼicheʼ', 'quc'], // modifier-letter apostrophes
    ['  QUICHÈ ', 'quc'],
    ['Español', 'spa'],
    ['castellano', 'spa'],
    ['espanol', 'spa'],
    ['ESPAÑOL', 'spa'],
    ['Spanish', 'spa'],
    ['inglés', 'eng'],
    ['Kekchí', 'kek'],
    ["Q'eqchi'", 'kek'],
    ['Cakchiquel', 'cak'],
    ['Mam', 'mam'],
    ['Kanjobal', 'kjb'],
    ["Q’anjob’al", 'kjb'],
    ['Jacalteco', 'jac'],
    ['Tzutuhil', 'tzj'],
    ['Chortí', 'caa'],
    ["Ch'ol", 'ctu'],
    ['Quiché-Achí', 'acr'],
    ['Chalchiteco', 'qch'],
    ['Xinca', 'xin'],
    ['Garifuna', 'cab'],
    ['Náhuatl', 'nah'],
    ['Maya yucateco', 'yua'],
    ['Tzeltal', 'tzh'],
    ['Tzotzil', 'tzo'],
    ['Mixteco', 'mix'],
    ['Mixe', 'mco'],
    ['Mazahua', 'maz'],
    ['Mazateco', 'mau'],
    ['Tarasco', 'tsz'],
    ['Purépecha', 'tsz'],
    ['Tének', 'hus'],
    ['Otomí', 'oto'],
    // the next rows only match because accents are ignored (the table has the other accentuation)
    ['Pocomchi', 'poh'],
    ['Sipacapeno', 'qum'],
    ['Otomi', 'oto'],
    ['Purepecha', 'tsz'],
    ['Quekchi', 'kek'],
    ['Tzéltal', 'tzh'],
    ['quc', 'quc'], // a code is accepted as its own spelling
    ['ES', 'spa'],
  ])('%j → %s', (given, code) => {
    expect(normalizeLanguage(given)).toBe(code);
  });

  it.each([['Maya'], ['Klingon'], [''], ['   '], ["'"]])('%j → null', (given) => {
    expect(normalizeLanguage(given)).toBeNull();
  });
});

describe('language table', () => {
  it('has unique codes of three lower-case letters', () => {
    const codes = LANGUAGES.map((l) => l.code);
    expect(new Set(codes).size).toBe(codes.length);
    codes.forEach((c) => expect(c).toMatch(/^[a-z]{3}$/));
  });

  it('lists the 22 Maya languages of Guatemala plus Xinka and Garífuna', () => {
    const gt = ['quc', 'kek', 'cak', 'mam', 'kjb', 'poh', 'acr', 'ixl', 'tzj', 'cac', 'jac', 'poc', 'knj', 'agu', 'caa',
      'quv', 'qum', 'ttc', 'usp', 'mop', 'itz', 'qch', 'xin', 'cab'];
    expect(gt).toHaveLength(24);
    gt.forEach((c) => expect(languageInfo(c)?.indigenous).toBe(true));
  });

  it('maps every name and alias back to its own code', () => {
    for (const l of LANGUAGES) {
      for (const form of [l.name, ...l.aliases]) expect([form, normalizeLanguage(form)]).toEqual([form, l.code]);
    }
  });
});

describe('languageInfo', () => {
  it.each([
    ['quc', "K'iche'", true],
    ['SPA', 'Español', false],
    ['eng', 'Inglés', false],
    ['tsz', 'Purépecha', true],
  ])('%s → %s', (code, name, indigenous) => {
    expect(languageInfo(code)).toMatchObject({ name, indigenous });
  });

  it.each([['xxx'], [''], ['Quiché']])('%j → undefined', (code) => {
    expect(languageInfo(code)).toBeUndefined();
  });
});

describe('languageKey', () => {
  it.each([
    ["K'iche'", 'kiche'],
    ['Tojol-ab’al', 'tojolabal'],
    ['Maya Yucateco', 'mayayucateco'],
    ['Hñähñu', 'hnahnu'],
  ])('%j → %j', (given, key) => {
    expect(languageKey(given)).toBe(key);
  });
});
