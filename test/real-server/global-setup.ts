// Once per `npm run test:real-server`: a built llama-server (from the user cache, or built now)
// and a fresh random-weight model in a temp folder; the paths go to the tests in a small file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BuildError, ensureLlamaServer, type LlamaServerBuild } from '../../scripts/real-server/llama-server-build';
import { writeTestModel } from '../../scripts/real-server/test-model';
import { SETUP_ENV, type SuiteSetup } from './suite-setup';

export default async function globalSetup(): Promise<void> {
  const say = (line: string) => process.stderr.write(`real-server: ${line}\n`);
  let build: LlamaServerBuild;
  try {
    build = await ensureLlamaServer(say);
  } catch (err) {
    if (err instanceof BuildError) {
      say(err.message);
      process.exit(1);
    }
    throw err;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smallcode-real-server-'));
  const started = Date.now();
  const model = writeTestModel(dir, { llamaCppSource: build.sourceDir, corpusDir: path.join(__dirname, '..', '..', 'src') });
  say(
    `llama.cpp ${build.tag} (${build.commit.slice(0, 12)}); random model: ${model.vocabSize} tokens, ${model.parameters} parameters, written in ${Date.now() - started} ms`,
  );
  const setup: SuiteSetup = {
    server: build.server,
    sourceDir: build.sourceDir,
    commit: build.commit,
    model: model.file,
    garbledModel: model.garbledFile,
    tokens: model.tokens,
    dir,
  };
  const file = path.join(dir, 'setup.json');
  fs.writeFileSync(file, JSON.stringify(setup));
  process.env[SETUP_ENV] = file;
}
