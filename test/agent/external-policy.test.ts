// The approval decision for MCP tools: exec risk (asked) unless read-only; --yes runs them (a
// workspace server only runs at all after its one-time approval); headless without --yes refuses.
import { decideExternal, externalKey, type ApprovalPolicy } from '../../src/agent/policy';

const policy = (p: Partial<ApprovalPolicy>): ApprovalPolicy => ({
  interactive: false,
  autoApprove: false,
  approveRestOfTurn: false,
  allowlist: [],
  alwaysAllowed: new Set(),
  ...p,
});
const facts = { name: 'gh__create_issue', server: 'gh', from: 'user' as const };

test.each([
  ['read-only tool, headless', 'read', {}, 'auto'],
  ['workbench', 'exec', { interactive: true }, 'ask'],
  ['--yes', 'exec', { autoApprove: true }, 'auto'],
  ['headless without --yes', 'exec', {}, 'deny'],
  ['"a" (rest of the turn) never covers a tool call', 'exec', { interactive: true, approveRestOfTurn: true }, 'ask'],
  ['always allowed this session', 'exec', { alwaysAllowed: new Set([externalKey('gh__create_issue')]) }, 'auto'],
] as const)('%s → %s', (_what, risk, p, action) => {
  expect(decideExternal(risk, facts, policy(p)).action).toBe(action);
});

test('the refusal tells the model not to retry and the user how to allow it', () => {
  const d = decideExternal('exec', facts, policy({}));
  expect(d.action === 'deny' && d.reason).toMatch(/NOT run: gh__create_issue comes from the MCP server "gh".*--yes.*read-only/);
});
