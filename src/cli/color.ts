// Whether to colour what goes to a stream: never with NO_COLOR (https://no-color.org) or TERM=dumb,
// always with FORCE_COLOR (other than 0), otherwise only when the stream is a terminal — so
// progress redirected to a file or a pipe stays plain text.

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
