// `smallcode bench`'s parsed options (from the one parser, args.ts) as the bench needs them: the
// model list made from --models or --model, counts as numbers, the defaults filled in.
import { UsageError, type ParsedArgs } from './args';

export interface BenchArgs {
  suite: string;
  models: string[];
  tasks?: string;
  tries: number;
  jobs: number;
  maxSteps?: string;
  json: boolean;
  out?: string;
  keep: boolean;
}

export function benchArgs(args: ParsedArgs): BenchArgs {
  const v = args.values;
  if (v.models !== undefined && v.model !== undefined) throw new UsageError('give either --models a,b or --model NAME, not both');
  const models = [
    ...new Set(
      (v.models ?? v.model ?? '')
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
  return {
    suite: v.suite ?? 'core',
    models,
    tasks: v.tasks,
    // Whole numbers in range: the option catalog checked them.
    tries: v.tries === undefined ? 1 : Number(v.tries),
    jobs: v.jobs === undefined ? 1 : Number(v.jobs),
    maxSteps: v.maxSteps,
    json: v.json,
    out: v.out,
    keep: v.keep,
  };
}
