import { loadConfig } from '../config/app-config.js';
describe('config', () => {
  it.each([
    [{}, 3000],
    [{ PORT: '8080' }, 8080],
  ])('PORT from %j', (env, port) => {
    expect(loadConfig(env).PORT).toBe(port);
  });
  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });
});
