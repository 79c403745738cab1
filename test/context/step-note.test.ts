import type { ChatMessage } from '../../src/types/messages';
import { placeStepNote, stepNoteContent, stepNoteText, type StepNotes } from '../../src/context/step-note';

const user = (content: string): ChatMessage => ({ role: 'user', content });
const result = (content: string): ChatMessage => ({
  role: 'user',
  content: `<tool_result name="read_file">\n${content}\n</tool_result>`,
  toolName: 'read_file',
});

/** Places a note the way the request stage does: appended to the history when returned. */
function step(notes: StepNotes, history: ChatMessage[], text: string): ChatMessage[] {
  const note = placeStepNote(notes, history, text);
  return note ? [...history, note] : history;
}

describe('step notes', () => {
  it('joins the routed tools and the plan, leaving out empty parts', () => {
    expect(stepNoteText({ toolText: 'Tools for this step: read_file (described above).', planText: '' })).toBe(
      'Tools for this step: read_file (described above).',
    );
    expect(stepNoteText({ toolText: 'T', planText: 'P' })).toBe('T\n\nP');
  });

  it('is appended only when its text changes, so the history stays append-only', () => {
    const notes: StepNotes = { placed: [] };
    let h = step(notes, [user('fix a.ts')], 'Tools: a');
    expect(h.at(-1)).toEqual({ role: 'user', content: 'Tools: a', origin: 'harness' });
    h = [...h, { role: 'assistant', content: 'reading' }, result('x')];
    const before = h;
    h = step(notes, h, 'Tools: a');
    expect(h).toBe(before); // unchanged text: nothing appended
    h = step(notes, [...h, { role: 'assistant', content: 'again' }, result('y')], 'Tools: a, b');
    expect(h.at(-1)?.content).toBe('Tools: a, b');
    expect(stepNoteContent(notes, h)).toBe('Tools: a, b');
  });

  it("is placed again after the user's new message and after compaction dropped it", () => {
    const notes: StepNotes = { placed: [] };
    let h = step(notes, [user('one')], 'Tools: a');
    h = step(notes, [...h, { role: 'assistant', content: 'done' }, user('two')], 'Tools: a');
    expect(h.filter((m) => m.content === 'Tools: a')).toHaveLength(2);
    const compacted = h.filter((m) => m.content !== 'Tools: a');
    expect(stepNoteContent(notes, compacted)).toBe('');
    expect(step(notes, compacted, 'Tools: a').at(-1)?.content).toBe('Tools: a');
  });

  it('says once that the plan is gone instead of leaving the old plan standing', () => {
    const notes: StepNotes = { placed: [] };
    let h = step(notes, [user('go')], 'Plan: 1/2 done');
    h = step(notes, [...h, { role: 'assistant', content: 'ok' }, result('z')], '');
    expect(h.at(-1)?.content).toBe('No plan is open.');
    const again = step(notes, h, '');
    expect(again).toBe(h);
    expect(step({ placed: [] }, [user('go')], '')).toEqual([user('go')]);
  });
});
