// The value checks a catalog entry can use: each names the flag, the range and what was given.
import { decimal, oneOf, wholeNumber } from '../../src/cli/options';

describe('value checks', () => {
  it.each([
    [wholeNumber(1), '3', undefined],
    [wholeNumber(1), '0', '--x must be a whole number 1 or more, got "0"'],
    [wholeNumber(1, 2), '2.5', '--x must be a whole number from 1 to 2, got "2.5"'],
    [decimal(0, 2), '0.2', undefined],
    [decimal(0, 2), '.5', undefined],
    [decimal(0, 2), '2.1', '--x must be a number from 0 to 2, got "2.1"'],
    [decimal(0, 2), 'warm', '--x must be a number from 0 to 2, got "warm"'],
    [decimal(-1, 1), '-0.5', undefined],
    [oneOf(['a', 'b', 'c']), 'b', undefined],
    [oneOf(['a', 'b', 'c']), 'd', '--x must be a, b or c, got "d"'],
  ])('%#: %p', (check, value, want) => {
    expect(check(value, '--x')).toBe(want);
  });
});
