/**
 * A pure normaliser that answers a repeated cell from memory. A column repeats itself (a few
 * hundred dates, three outcome words, a handful of amounts over 100,000 rows), and reading
 * each cell anew was a tenth of an import's time. The answer is shared: callers only read it.
 * Bounded: past `limit` different cells it starts afresh.
 */
export function remembered<T>(read: (raw: string) => T, limit = 4096): (raw: string) => T {
  const answers = new Map<string, T>();
  return (raw) => {
    let answer = answers.get(raw);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      answer = read(raw);
      answers.set(raw, answer);
    }
    return answer;
  };
}
