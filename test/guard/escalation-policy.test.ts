import { createEscalationPolicy, escalationConfigFromEnv, escalationBrief } from '../../src/guard/escalation-policy';

describe('escalation policy', () => {
  it('asks for escalation after N consecutive failures; starting one counts a use', () => {
    const p = createEscalationPolicy({ enabled: true, afterFailures: 3, maxPerSession: 2 });
    p.failure();
    p.failure();
    expect(p.shouldEscalate()).toBe(false);
    p.failure();
    expect(p.shouldEscalate()).toBe(true);
    expect(p.shouldEscalate()).toBe(true); // a pure question
    expect(p.used()).toBe(0);
    expect(p.forced()).toBe(true);
    expect(p.used()).toBe(1);
    expect(p.remaining()).toBe(1);
    expect(p.failures()).toBe(0);
    expect(p.shouldEscalate()).toBe(false); // the streak was cleared
  });

  it('resets the failure streak on success', () => {
    const p = createEscalationPolicy({ enabled: true, afterFailures: 2, maxPerSession: 3 });
    p.failure();
    p.success();
    p.failure();
    expect(p.shouldEscalate()).toBe(false);
  });

  it('honours /escalate until the session cap and never when disabled', () => {
    const p = createEscalationPolicy({ enabled: true, afterFailures: 3, maxPerSession: 1 });
    expect(p.forced()).toBe(true);
    expect(p.forced()).toBe(false);
    expect(p.remaining()).toBe(0);
    p.failure();
    p.failure();
    p.failure();
    expect(p.shouldEscalate()).toBe(false); // used up
    const off = createEscalationPolicy({ enabled: false, afterFailures: 1, maxPerSession: 3 });
    off.failure();
    expect(off.forced()).toBe(false);
    expect(off.shouldEscalate()).toBe(false);
    expect(off.remaining()).toBe(0);
    expect(off.used()).toBe(0);
  });
});

describe('escalationConfigFromEnv', () => {
  it('is disabled by default and without a key', () => {
    expect(escalationConfigFromEnv({})).toEqual({ disabled: expect.stringContaining('SMALLCODE_ESCALATE') });
    expect(escalationConfigFromEnv({ SMALLCODE_ESCALATE: 'anthropic' })).toEqual({ disabled: 'SMALLCODE_ESCALATE=anthropic but ANTHROPIC_API_KEY is not set' });
    expect(escalationConfigFromEnv({ SMALLCODE_ESCALATE: 'auto' })).toEqual({ disabled: expect.stringContaining('none of ANTHROPIC_API_KEY') });
    expect(escalationConfigFromEnv({ SMALLCODE_ESCALATE: 'gemini', OPENAI_API_KEY: 'k' })).toEqual({ disabled: expect.stringContaining('not a known vendor') });
    expect(escalationConfigFromEnv({ SMALLCODE_ESCALATE: 'off', ANTHROPIC_API_KEY: 'k' })).toHaveProperty('disabled');
  });

  it('uses vendor defaults and overrides', () => {
    expect(escalationConfigFromEnv({ SMALLCODE_ESCALATE: 'deepseek', DEEPSEEK_API_KEY: ' sk-1 ' })).toEqual({
      vendor: 'deepseek',
      apiKey: 'sk-1',
      model: 'deepseek-v4-flash',
      afterFailures: 3,
      maxPerSession: 3,
    });
    expect(
      escalationConfigFromEnv({
        SMALLCODE_ESCALATE: 'OpenAI',
        OPENAI_API_KEY: 'k',
        SMALLCODE_ESCALATE_MODEL: 'gpt-x',
        SMALLCODE_ESCALATE_BASE_URL: 'http://127.0.0.1:9/v1',
        SMALLCODE_ESCALATE_AFTER: '2',
        SMALLCODE_ESCALATE_MAX: '5',
      }),
    ).toEqual({ vendor: 'openai', apiKey: 'k', model: 'gpt-x', baseUrl: 'http://127.0.0.1:9/v1', afterFailures: 2, maxPerSession: 5 });
  });

  it('picks the first vendor with a key for on/auto and ignores bad numbers', () => {
    const c = escalationConfigFromEnv({ SMALLCODE_ESCALATE: 'on', OPENAI_API_KEY: 'o', DEEPSEEK_API_KEY: 'd', SMALLCODE_ESCALATE_AFTER: 'soon' });
    expect(c).toMatchObject({ vendor: 'deepseek', apiKey: 'd', model: 'deepseek-v4-flash', afterFailures: 3 });
  });
});

describe('escalationBrief', () => {
  it('packs task, plan, regions and the latest failures compactly', () => {
    const brief = escalationBrief({
      task: 'Make parse() accept empty input',
      plan: [
        { text: 'read parser', done: true },
        { text: 'fix parse', done: false },
      ],
      regions: ['src/parse.ts\n10 | export function parse(s: string) {\n11 |   return s.split(",");'],
      failures: Array.from({ length: 8 }, (_, i) => `edit_file src/parse.ts failed #${i}: no match`),
    });
    expect(brief).toContain('Task: Make parse() accept empty input');
    expect(brief).toContain('[ ] fix parse ← current');
    expect(brief).toContain('11 |   return s.split(",");');
    expect(brief).toContain('failed #7');
    expect(brief).not.toContain('failed #2'); // only the last five
    expect(brief).toContain('SEARCH/REPLACE');
    const huge = escalationBrief({ task: 't', plan: [], regions: ['x'.repeat(50000)], failures: [] });
    expect(huge.length).toBeLessThan(7000);
    expect(huge).not.toContain('Plan (');
  });
});
