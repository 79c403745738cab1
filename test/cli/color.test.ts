// When progress is coloured: a terminal only, never with NO_COLOR or TERM=dumb, FORCE_COLOR forces.
import { colorEnabled } from '../../src/cli/color';

describe('colorEnabled', () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [undefined, {}, false],
    [true, { NO_COLOR: '1' }, false],
    [true, { NO_COLOR: '' }, true],
    [true, { TERM: 'dumb' }, false],
    [false, { FORCE_COLOR: '1' }, true],
    [true, { FORCE_COLOR: '0' }, false],
    [false, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ])('isTTY %p, env %p → %p', (isTTY, env, want) => {
    expect(colorEnabled({ isTTY }, env)).toBe(want);
  });
});
