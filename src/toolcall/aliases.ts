// The alias tables: tool names other agents (and their training data) use for our tools, and the
// argument names they use for our parameters. Applied only when the target tool is offered.

/** Normalised alias (lowercase, letters and digits only) → our tool name. */
export const TOOL_ALIASES: Record<string, string> = {};

const GROUPS: Record<string, string[]> = {
  write_file: ['write_to_file', 'create_file', 'write', 'writefile', 'file_write', 'save_file', 'new_file', 'fs_write', 'put_file', 'create', 'overwrite_file'],
  edit_file: [
    'replace_in_file',
    'apply_diff',
    'edit',
    'str_replace',
    'replace',
    'modify_file',
    'patch_file',
    'search_replace',
    'update_file',
    'search_and_replace',
    'edit_existing_file',
    'fs_edit',
    'str_replace_editor',
    'str_replace_based_edit_tool',
    'text_editor',
    'apply_patch',
    'multi_edit',
    'multiedit',
  ],
  run_command: [
    'bash',
    'shell',
    'execute_command',
    'terminal',
    'run',
    'exec',
    'execute',
    'run_shell_command',
    'run_terminal_cmd',
    'run_terminal_command',
    'shell_command',
    'cmd',
    'run_bash',
    'sh',
    'powershell',
    'execute_bash',
    'terminal_run',
    'run_shell',
    'command',
    'bash_tool',
  ],
  read_file: [
    'cat',
    'open_file',
    'view',
    'read',
    'view_file',
    'get_file',
    'file_read',
    'readfile',
    'fetch_file_content',
    'get_file_contents',
    'open',
    'read_file_content',
    'fs_read',
    'show_file',
    'file_view',
    'read_file_tool',
  ],
  list_files: [
    'ls',
    'list_directory',
    'list_dir',
    'dir',
    'list',
    'listdir',
    'list_folder',
    'glob',
    'find_files',
    'list_files_in_directory',
    'directory_tree',
    'tree',
    'fs_list',
  ],
  search_files: [
    'grep',
    'search',
    'search_code',
    'find',
    'find_in_files',
    'codebase_search',
    'grep_search',
    'ripgrep',
    'rg',
    'search_file_content',
    'search_in_files',
    'file_search',
    'code_search',
  ],
  update_plan: [
    'todo',
    'todowrite',
    'todo_write',
    'update_todos',
    'write_todos',
    'plan',
    'set_plan',
    'update_todo',
    'todo_list',
    'manage_todo_list',
    'update_todo_list',
  ],
};
for (const [target, names] of Object.entries(GROUPS)) for (const n of names) TOOL_ALIASES[normName(n)] = target;

/** Our parameter name → names other tools use for it (first existing target wins). Edit arguments
 * (old_str/new_str, diff …) are not here: edit_file reads them itself (patch/edit-arg-names.ts). */
const ARG_GROUPS: Record<string, string[]> = {
  path: [
    'file_path',
    'filepath',
    'filename',
    'file',
    'file_name',
    'target_file',
    'absolute_path',
    'relative_path',
    'dir',
    'directory',
    'folder',
    'dir_path',
    'directory_path',
    'uri',
    'target',
    'filePath',
    'fileName',
    'dirPath',
    'relativePath',
    'relative_workspace_path',
    'target_directory',
  ],
  command: ['cmd', 'script', 'bash_command', 'shell_command', 'command_line', 'commandLine', 'code'],
  content: ['text', 'file_text', 'contents', 'data', 'body', 'code', 'file_content', 'fileContent', 'new_content', 'source'],
  pattern: ['query', 'regex', 'search_term', 'search', 'term', 'keyword', 'q', 'text', 'grep', 'search_pattern', 'expression'],
  start_line: ['startLine', 'start', 'from_line', 'line_start', 'offset', 'line', 'begin_line', 'startline', 'first_line', 'from'],
  end_line: ['endLine', 'end', 'to_line', 'line_end', 'endline', 'last_line', 'to'],
  glob: ['include', 'file_pattern', 'file_glob', 'glob_pattern', 'filter', 'includes', 'file_types'],
  items: ['todos', 'tasks', 'steps', 'plan', 'todo', 'list', 'entries'],
  timeout: ['timeout_seconds', 'time_limit', 'timeout_sec'],
};

/** Source argument name → candidate target names, in preference order. */
export const ARG_ALIASES: Record<string, string[]> = {};
for (const [target, names] of Object.entries(ARG_GROUPS)) for (const n of names) (ARG_ALIASES[n] ??= []).push(target);

/** Lowercase, letters and digits only: `Read-File`, `readFile` and `read_file` all become `readfile`. */
export function normName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Tool families whose real target depends on an argument (OpenHands/Anthropic editor tools). */
export function editorTarget(alias: string, args: Record<string, unknown>): string | undefined {
  const n = normName(alias);
  if (n !== 'strreplaceeditor' && n !== 'strreplacebasededittool' && n !== 'texteditor') return undefined;
  const cmd = typeof args.command === 'string' ? args.command : '';
  if (cmd === 'view') return 'read_file';
  if (cmd === 'create') return 'write_file';
  return 'edit_file';
}
