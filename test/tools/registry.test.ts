import { allTools, toolByName, toolSpecs } from '../../src/tools/registry';
import { TOOL_ORDER } from '../../src/tools/router';

describe('registry', () => {
  it('holds the eight tools in the canonical order the router uses', () => {
    expect(allTools().map((t) => t.name)).toEqual(TOOL_ORDER);
  });

  it('marks risks: reads auto, writes propose, commands exec', () => {
    const risks = Object.fromEntries(allTools().map((t) => [t.name, t.risk]));
    expect(risks).toEqual({
      read_file: 'read',
      list_files: 'read',
      search_files: 'read',
      update_plan: 'read',
      edit_file: 'write',
      write_file: 'write',
      run_command: 'exec',
      run_checks: 'exec',
    });
    for (const t of allTools()) expect(typeof t.propose === 'function').toBe(t.risk === 'write');
  });

  it('looks tools up by name and returns full specs', () => {
    expect(toolByName('read_file')?.name).toBe('read_file');
    expect(toolByName('read')).toBeUndefined();
    const spec = toolSpecs([toolByName('search_files')!])[0];
    expect(spec.parameters).toMatchObject({ required: ['pattern'] });
  });
});
