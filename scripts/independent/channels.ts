/**
 * Corruption channels of the independent data set: how a name, a date or a number changes between what a family
 * knows and what an officer, a registrar or a forensic examiner writes down. Own implementation from the domain
 * notes (Spanish seseo and yeísmo, b/v, silent h, x for Maya /sh/, Maya L1 e/i and o/u alternation, colonial vs
 * ALMG spelling, keyboard slips). Each function is deterministic given the RNG.
 */
import type { Rng } from './world.js';

type Rule = { name: string; re: RegExp; to: string | ((m: string) => string) };

/** Sound-alike rewrites an officer makes when hearing a Spanish name (applies to a lower-case word). */
const SPANISH_EAR: Rule[] = [
  { name: 'v>b', re: /v/, to: 'b' },
  { name: 'b>v', re: /b/, to: 'v' },
  { name: 'z>s', re: /z/, to: 's' },
  { name: 's>z', re: /s(?=[aeiouáéíóú])/, to: 'z' },
  { name: 'ce>se', re: /c(?=[eiéí])/, to: 's' },
  { name: 'se>ce', re: /s(?=[eiéí])/, to: 'c' },
  { name: 'h-drop', re: /^h/, to: '' },
  { name: 'h-add', re: /^(?=[aeiouáéíóú])/, to: 'h' },
  { name: 'll>y', re: /ll/, to: 'y' },
  { name: 'y>ll', re: /(?<=[aeiou])y(?=[aeiou])/, to: 'll' },
  { name: 'ge>je', re: /g(?=[eiéí])/, to: 'j' },
  { name: 'je>ge', re: /j(?=[eiéí])/, to: 'g' },
  { name: 'x>j', re: /x/, to: 'j' },
  { name: 'gua>wa', re: /gu(?=[aá])/, to: 'w' },
  { name: 'gui>gi', re: /gu(?=[eiéí])/, to: 'g' },
  { name: 'ñ>n', re: /ñ/, to: 'n' },
  { name: 'ñ>ni', re: /ñ/, to: 'ni' },
  { name: 'rr>r', re: /rr/, to: 'r' },
  { name: 'r>rr', re: /(?<=[aeiou])r(?=[aeiou])/, to: 'rr' },
  { name: 'ez>es', re: /ez$/, to: 'es' },
  { name: 'es>ez', re: /es$/, to: 'ez' },
  { name: 'ü>u', re: /ü/, to: 'u' },
  { name: 'cc>c', re: /cc/, to: 'c' },
  { name: 'll>l', re: /ll/, to: 'l' },
];

/** Extra rewrites for Maya surnames and for speakers of a Maya first language. */
const MAYA_EAR: Rule[] = [
  { name: 'x>sh', re: /x/, to: 'sh' },
  { name: 'x>ch', re: /x/, to: 'ch' },
  { name: 'x>s', re: /x/, to: 's' },
  { name: 'c>k', re: /c(?=[aouáóú])|c$/, to: 'k' },
  { name: 'qu>k', re: /qu/, to: 'k' },
  { name: 'k>qu', re: /k(?=[eiéí])/, to: 'qu' },
  { name: 'aa>a', re: /aa/, to: 'a' },
  { name: 'a>aa', re: /(?<=^[^aeiou]+)a(?=[^aeiou]+$)/, to: 'aa' },
  { name: 'tz>ts', re: /tz/, to: 'ts' },
  { name: 'tz>z', re: /tz/, to: 'z' },
  { name: 'e>i', re: /e/, to: 'i' },
  { name: 'o>u', re: /o(?=[^aeiou]*[aeiou])/, to: 'u' },
  { name: 'apostrophe', re: /'/, to: '' },
  { name: 'ch>x', re: /^ch/, to: 'x' },
];

const KEYBOARD: Record<string, string> = {
  a: 'qsz',
  b: 'vgn',
  c: 'xvd',
  d: 'sfe',
  e: 'wrd',
  f: 'dgr',
  g: 'fht',
  h: 'gjy',
  i: 'uok',
  j: 'hku',
  k: 'jli',
  l: 'kño',
  m: 'n',
  n: 'bmh',
  o: 'ipl',
  p: 'oñ',
  q: 'wa',
  r: 'eft',
  s: 'adw',
  t: 'rgy',
  u: 'yij',
  v: 'cbf',
  w: 'qes',
  x: 'zc',
  y: 'tuh',
  z: 'xa',
  ñ: 'lp',
};

function keepCase(original: string, changed: string): string {
  if (original === original.toUpperCase()) return changed.toUpperCase();
  if (original[0] === original[0].toUpperCase()) return changed.charAt(0).toUpperCase() + changed.slice(1);
  return changed;
}

function applyRules(word: string, rules: Rule[], rng: Rng): { word: string; rule: string | null } {
  const lower = word.toLowerCase();
  const applicable = rules.filter((r) => r.re.test(lower));
  if (applicable.length === 0) return { word, rule: null };
  const r = rng.pick(applicable);
  const out = lower.replace(r.re, r.to as string);
  return { word: keepCase(word, out), rule: r.name };
}

/** A sound-alike spelling of one word (Spanish ear; with `maya` also the Maya-specific rewrites). */
export function mishear(word: string, rng: Rng, maya: boolean): string {
  if (word.length < 2) return word;
  const rules = maya && rng.chance(0.6) ? MAYA_EAR : SPANISH_EAR;
  let out = applyRules(word, rules, rng).word;
  if (out === word) out = applyRules(word, maya ? SPANISH_EAR : MAYA_EAR, rng).word;
  return out;
}

/** A keyboard slip: neighbouring key, dropped letter, doubled letter or swapped neighbours. */
export function typo(word: string, rng: Rng): string {
  if (word.length < 4) return word;
  const i = rng.int(1, word.length - 2);
  const c = word[i].toLowerCase();
  switch (rng.int(0, 3)) {
    case 0: {
      const n = KEYBOARD[c];
      return n ? word.slice(0, i) + keepCase(word[i], rng.pick(n.split(''))) + word.slice(i + 1) : word;
    }
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + word[i] + word.slice(i);
    default:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  }
}

/** Upper case without accents (ñ kept), as many police and migration forms are typed. */
export function formStyle(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u0302\u0304-\u036f]/g, '')
    .normalize('NFC')
    .toUpperCase();
}

/** Accents dropped but case kept (spreadsheets typed without accent keys). */
export function noAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u0302\u0304-\u036f]/g, '')
    .normalize('NFC');
}

/** One digit or letter of an identifier changed, or two neighbours swapped, or O/0 and I/1 confused. */
export function documentTypo(number: string, rng: Rng): string {
  const i = rng.int(0, number.length - 2);
  const c = number[i];
  const k = rng.int(0, 2);
  if (k === 0) return number.slice(0, i) + number[i + 1] + c + number.slice(i + 2);
  if (k === 1) {
    const confusable: Record<string, string> = {
      '0': 'O',
      O: '0',
      '1': 'I',
      I: '1',
      '5': 'S',
      S: '5',
      '8': 'B',
      B: '8',
    };
    const j = [...number].findIndex((ch) => confusable[ch] !== undefined);
    if (j >= 0) return number.slice(0, j) + confusable[number[j]] + number.slice(j + 1);
  }
  const repl = /\d/.test(c)
    ? String((Number(c) + rng.int(1, 9)) % 10)
    : String.fromCharCode(65 + ((c.charCodeAt(0) - 65 + rng.int(1, 25)) % 26));
  return number.slice(0, i) + repl + number.slice(i + 1);
}
