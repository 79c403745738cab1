import type { ChatMessage } from '../../src/types/messages';
import { createReadRecord, unchangedReadNote } from '../../src/context/read-record';

const range = { path: 'src/a.ts', startLine: 1, endLine: 40 };

describe('read record', () => {
  it('finds an earlier read of the same range with the same text while its message is in the history', () => {
    const record = createReadRecord();
    const shown: ChatMessage = { role: 'tool', content: 'text', toolName: 'read_file' };
    record.remember(range, 'text', { turn: 1, step: 3 }, shown);
    const history = [{ role: 'user' as const, content: 'go' }, shown];
    expect(record.find(range, 'text', history)).toMatchObject({ path: 'src/a.ts', step: 3, startLine: 1, endLine: 40 });
    expect(record.find(range, 'changed text', history)).toBeUndefined();
    expect(record.find({ ...range, endLine: 20 }, 'text', history)).toBeUndefined();
  });

  it('forgets a read whose message compaction stubbed or folded away', () => {
    const record = createReadRecord();
    const shown: ChatMessage = { role: 'tool', content: 'text', toolName: 'read_file' };
    record.remember(range, 'text', { turn: 1, step: 1 }, shown);
    expect(record.find(range, 'text', [{ ...shown, content: 'read_file src/a.ts → 40 lines' }])).toBeUndefined();
    expect(record.find(range, 'text', [shown])).toBeUndefined(); // forgotten for good
  });

  it('answers in one line naming the step and the lines', () => {
    const earlier = { ...range, turn: 2, step: 4 };
    expect(unchangedReadNote(earlier, { turn: 2, step: 7 })).toBe('src/a.ts is unchanged since your read at step 4 (lines 1–40): use that text.');
    expect(unchangedReadNote(earlier, { turn: 3, step: 1 })).toMatch(/step 4 of an earlier turn/);
  });
});
