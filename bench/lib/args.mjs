/**
 * The value of a `--name=value` command-line option of a bench script (all after the first "=", which a value may
 * hold: `--only=payments: figure=paid`), or `fallback` when it is not given.
 */
export const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

/** Whether the bare `--name` switch is on the command line. */
export const flag = (name) => process.argv.includes(`--${name}`);
