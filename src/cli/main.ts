// Entry point: parses the command line and dispatches to one command module, loaded lazily so
// `--version` and `--help` start fast.
export async function main(argv: string[]): Promise<number> {
  const first = argv[0];
  if (first === '--version' || first === '-v') {
    process.stdout.write(`smallcode ${require('../util/package-root').packageVersion()}\n`);
    return 0;
  }
  process.stdout.write('smallcode: not yet wired\n');
  return 0;
}
