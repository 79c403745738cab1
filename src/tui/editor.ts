// Opens the user's editor on a scratch copy of a proposed change, the way git does: $VISUAL, else
// $EDITOR, else vi, handed to the shell as `<editor> "$@"` — so editor commands with arguments
// (`code --wait`, `subl -w`, `emacsclient -t`, `vim -u NONE`) work exactly as they do for git.
// Failures come back as one line naming the command, never as an error from blessed.
import type blessed from 'blessed';
import * as fs from 'node:fs';
import { writeScratchFile } from '../workspace/scratch-file';
import type { EditOutcome } from './commands';

export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
}

/** Why an editor run gave no text, in words that name the command and blame nobody. */
export function editorFailure(editor: string, code: number | null, signal: string | null): string {
  if (code === 127) return `the editor command \`${editor}\` was not found (exit 127; it comes from $VISUAL or $EDITOR)`;
  if (code === 126) return `the editor command \`${editor}\` could not be run (exit 126)`;
  if (signal) return `the editor \`${editor}\` was stopped by ${signal}, so its changes were not used`;
  return `the editor \`${editor}\` exited with code ${code}, so its changes were not used`;
}

export async function editInEditor(screen: blessed.Widgets.Screen, text: string, name: string, env: NodeJS.ProcessEnv = process.env): Promise<EditOutcome> {
  const editor = editorCommand(env);
  const scratch = await writeScratchFile(name, text);
  try {
    const exit = await new Promise<{ code: number | null; signal: string | null; error?: string }>((resolve) => {
      const child = screen.spawn('/bin/sh', ['-c', `${editor} "$@"`, editor, scratch.file], { stdio: 'inherit', env });
      child.on('error', (err: Error) => resolve({ code: null, signal: null, error: err.message }));
      child.on('exit', (code: number | null, signal: string | null) => resolve({ code, signal }));
    });
    if (exit.error) return { ok: false, message: `the editor \`${editor}\` could not be started: ${exit.error}` };
    if (exit.code !== 0) return { ok: false, message: editorFailure(editor, exit.code, exit.signal) };
    return { ok: true, text: fs.readFileSync(scratch.file, 'utf8') };
  } finally {
    await scratch.remove();
  }
}
