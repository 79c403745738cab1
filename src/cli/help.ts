// The --help texts, one per command, kept next to each other so they stay consistent.
export const MAIN_HELP = `smallcode — a terminal coding assistant for small local models

Usage:
  smallcode [tui]                 open the workbench (default on a terminal)
  smallcode run "TASK"            run one task headless; the answer goes to stdout
  smallcode doctor                check the model server, model and context window
  smallcode undo [--list] [N]     revert the last (or last N) applied changes
  smallcode bench                 measure your model(s) on a suite of small tasks (see bench --help)
  smallcode debug parse           show how a model reply (stdin) is read as tool calls
  smallcode debug apply --file F  apply an edit (stdin, any dialect) to F

Common options:
  --provider ollama|openai        which API to speak (default: auto-detect)
  --base-url URL                  server address, e.g. http://127.0.0.1:11434
  --model NAME                    model name as the server knows it
  --cwd DIR                       workspace root (default: current directory)
  --context N                     context window override in tokens
  --theme NAME|FILE               default, light, high-contrast or a JSON theme
  --temperature T, --top-p P, --top-k K, --min-p P, --repeat-penalty R
                                  sampling for this run, over the model profile
  -h, --help                      help for a command
  -v, --version                   print the version

Settings also come from the environment, a .env file in the workspace, or your config file
($XDG_CONFIG_HOME/smallcode/config, default ~/.config/smallcode/config; KEY=VALUE lines):
  SMALLCODE_PROVIDER, SMALLCODE_BASE_URL, SMALLCODE_MODEL, SMALLCODE_API_KEY,
  SMALLCODE_CONTEXT, SMALLCODE_THEME, SMALLCODE_MAX_STEPS, SMALLCODE_TOOLS (auto|native|text),
  SMALLCODE_FIRST_BYTE_TIMEOUT, SMALLCODE_IDLE_TIMEOUT (seconds)
Only flags, the environment and your config file may set what widens permissions:
  SMALLCODE_ALLOW, SMALLCODE_ESCALATE*, the vendor API keys, a non-loopback SMALLCODE_BASE_URL,
  SMALLCODE_SANDBOX_NETWORK, SMALLCODE_SANDBOX (auto|off), SMALLCODE_PASS_ENV
Precedence: flags > environment > workspace .env > your config file > defaults. Per-model
sampling: models.yaml in your config dir or the workspace's .smallcode/ (README, "Model profiles").
`;

export const RUN_HELP = `Usage: smallcode run "TASK" [--yes | --yes=all] [--json] [--max-steps N] [--resume [ID]]

Runs one task with the same agent as the workbench, without a screen.
  --yes            approve every file change, and every command that runs in the sandbox
                   (without a sandbox, commands still need SMALLCODE_ALLOW)
  --yes=all        approve every command too, sandbox or not (prints a warning)
  --sandbox-network  let sandboxed commands use the network
  --json           print one JSON event per line on stdout instead of the answer
  --max-steps N    stop after N model steps (default 25)
  --resume [ID]    continue a session (the latest when no ID is given)
Exit codes: 0 done, 1 error, 2 usage, 3 step cap, 4 unreadable model output,
            5 refused (a needed change was not approved), 6 stuck, 130 cancelled.
`;

export const DOCTOR_HELP = `Usage: smallcode doctor [--json]

Finds the model server, lists its models, reports the context window (and the num_ctx sent
to Ollama), native tool support and structured output, the model profile (which rule chose it,
every value and where it comes from), and makes one short round trip. Also says which sandbox
commands run in (bwrap, sandbox-exec or none, and why).
Exit 0 when the server answered, 1 when it did not.
`;

export const TUI_HELP = `Usage: smallcode tui [--continue]

Opens the full-screen workbench. --continue resumes the latest session.
Keys are listed on screen; press ? for all of them.
`;
