// The tool set in one place: lookup by name and the native specs. Order is canonical (the
// router's TOOL_ORDER), so everything rendered from it is byte-stable.
import type { ToolSpec } from '../types/tool-spec';
import { editFileTool } from './edit-file';
import { listFilesTool } from './list-files';
import { readFileTool } from './read-file';
import { runCommandTool } from './run-command';
import { runChecksTool } from './run-checks';
import { searchFilesTool } from './search-files';
import type { Tool } from './types';
import { updatePlanTool } from './update-plan';
import { writeFileTool } from './write-file';

const TOOLS: Tool[] = [readFileTool, listFilesTool, searchFilesTool, editFileTool, writeFileTool, runCommandTool, runChecksTool, updatePlanTool];

export function allTools(): Tool[] {
  return [...TOOLS];
}

export function toolByName(name: string): Tool | undefined {
  return TOOLS.find((t) => t.name === name);
}

/** Full specs (complete descriptions and schemas), e.g. for the parser's argument validation. */
export function toolSpecs(tools: Tool[]): ToolSpec[] {
  return tools.map((t) => ({
    name: t.name,
    description: t.description,
    parameters: t.parameters,
    ...(t.readArguments ? { readArguments: t.readArguments } : {}),
  }));
}

/** Specs for tool *names* (`debug parse --tools a,b`): our schema for our tools, an open object
 * schema (any arguments) for names we do not have. */
export function toolSpecsForNames(names: string[]): ToolSpec[] {
  return names.map((name) => {
    const tool = toolByName(name);
    return tool ? toolSpecs([tool])[0] : { name, description: '', parameters: { type: 'object' } };
  });
}
