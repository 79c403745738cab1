import { captureConsole } from '../../src/tui/console-capture';

describe('captureConsole', () => {
  it('routes console output and process warnings to notices while the workbench runs, then restores both', () => {
    const got: [string, string][] = [];
    const originalWarn = console.warn;
    const listenersBefore = process.listeners('warning').length;
    const release = captureConsole((level, text) => got.push([level, text]));
    console.warn("The model 'x' is deprecated\nPlease migrate");
    console.log('hello %d', 3);
    process.emit('warning', Object.assign(new Error('something odd'), { name: 'ExperimentalWarning' }));
    release();
    expect(got).toEqual([
      ['warn', "The model 'x' is deprecated"],
      ['info', 'hello 3'],
      ['warn', 'ExperimentalWarning: something odd'],
    ]);
    expect(console.warn).toBe(originalWarn);
    expect(process.listeners('warning').length).toBe(listenersBefore);
  });
});
