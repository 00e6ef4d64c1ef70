/** The value of a `--name=value` command-line option of a bench script, or `fallback` when it is not given. */
export const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
