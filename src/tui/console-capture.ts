// While the workbench owns the terminal, anything a library prints (SDK deprecation notices,
// Node warnings) would scribble over the screen: route it to chat notices instead, and put
// console and the warning listeners back when the workbench closes.
import { format } from 'node:util';

type Level = 'info' | 'warn' | 'error';

export function captureConsole(notify: (level: Level, text: string) => void): () => void {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  const to =
    (level: Level) =>
    (...args: unknown[]) => {
      const text = format(...args)
        .split('\n')[0]
        .trim();
      if (text) notify(level, text);
    };
  console.log = to('info');
  console.info = to('info');
  console.debug = () => undefined;
  console.warn = to('warn');
  console.error = to('error');
  const warningListeners = process.listeners('warning');
  process.removeAllListeners('warning');
  const onWarning = (w: Error) => notify('warn', `${w.name}: ${w.message}`.split('\n')[0]);
  process.on('warning', onWarning);
  return () => {
    Object.assign(console, saved);
    process.removeListener('warning', onWarning);
    for (const l of warningListeners) process.on('warning', l);
  };
}
