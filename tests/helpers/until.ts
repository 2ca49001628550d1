/**
 * Polls `read` until `done` holds (a failed read counts as not yet), or fails after `timeoutMs`
 * saying what it last read (or why the read failed), so a failure in CI can be told apart.
 */
export async function until<T>(
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  { timeoutMs = 10_000, everyMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = 'nothing';
  for (;;) {
    const value = await Promise.resolve()
      .then(read)
      .catch((error: unknown) => {
        last = `a failed read: ${String(error)}`;
        return undefined;
      });
    if (value !== undefined) {
      if (done(value)) return value;
      last = describe(value);
    }
    if (Date.now() > deadline)
      throw new Error(`condition not reached in ${timeoutMs / 1000} s; last read ${last}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

const describe = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 2_000 ? `${text.slice(0, 2_000)}…` : text;
};
