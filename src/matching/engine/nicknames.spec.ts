import { canonicalGivenForms, nicknameCanonicals } from './nicknames.js';
import { fold } from './text.js';

describe('nickname dictionary (one nickname → several names)', () => {
  it.each([
    { left: 'Pepe', expected: ['jose'] },
    { left: 'Beto', expected: ['alberto', 'roberto', 'humberto', 'adalberto', 'heriberto', 'gilberto', 'rigoberto', 'norberto'] },
    { left: 'Chuy', expected: ['jesus'] },
    { left: 'Chucho', expected: ['jesus'] },
    { left: 'Lupita', expected: ['guadalupe'] },
    { left: 'Paco', expected: ['francisco'] },
    { left: 'Pancho', expected: ['francisco'] },
    { left: 'Toño', expected: ['antonio'] },
    { left: 'Tono', expected: ['antonio'] },
    { left: 'Chema', expected: ['jose', 'maria'] },
    { left: 'Chela', expected: ['graciela', 'marcela'] },
    { left: 'Lalo', expected: ['eduardo', 'eleazar'] },
    { left: 'Tavo', expected: ['gustavo', 'octavio'] },
    { left: 'Marilú', expected: ['maria', 'luz'] },
    { left: 'Chabe', expected: ['isabel'] },
    { left: 'Wicho', expected: ['luis'] },
    { left: 'Cata', expected: ['catalina', 'catarina'] },
    { left: 'Meme', expected: ['guillermo', 'manuel'] },
    { left: 'Güero', expected: [] },
  ])('$left → $expected', ({ left, expected }) => {
    expect([...nicknameCanonicals(fold(left))].sort()).toEqual([...expected].sort());
  });

  it.each([
    { left: 'Juanito', expected: 'juan' },
    { left: 'Rosita', expected: 'rosa' },
    { left: 'Pedrito', expected: 'pedro' },
    { left: 'Carlitos', expected: 'carlos' },
  ])('diminutive $left → $expected', ({ left, expected }) => {
    expect(canonicalGivenForms(fold(left))).toContain(expected);
  });

  it('does not invent a base for an ordinary name', () => {
    expect(canonicalGivenForms('benito')).toEqual(['benito']);
  });
});
