/** One thing a probe found wrong, with what it sent, so the fix can be checked against it. */
export interface Failure {
  kind: string;
  /** METHOD /path of the route, or the step of a non-HTTP probe. */
  where: string;
  status?: number;
  input: string;
  detail?: string;
}

/** Failures of the same kind on the same route with the same status, counted, first one shown. */
export interface FailureGroup extends Failure {
  count: number;
}

export class Failures {
  private readonly groups = new Map<string, FailureGroup>();

  add(f: Failure) {
    const key = `${f.kind}|${f.where}|${f.status ?? ''}`;
    const g = this.groups.get(key);
    if (g) g.count += 1;
    else this.groups.set(key, { ...f, count: 1 });
  }

  get total(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.count;
    return n;
  }

  list(): FailureGroup[] {
    return [...this.groups.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.where.localeCompare(b.where));
  }
}

/** The failures as lines for a terminal or an assertion message: one group a paragraph. */
export function describeFailures(groups: FailureGroup[], max = 40): string {
  const shown = groups.slice(0, max).map((g) => {
    const status = g.status === undefined ? '' : ` → ${g.status}`;
    const detail = g.detail ? `\n      ${g.detail.replace(/\n/g, '\n      ')}` : '';
    return `  ${g.kind}: ${g.where}${status} (×${g.count})\n      e.g. ${g.input}${detail}`;
  });
  if (groups.length > max) shown.push(`  … and ${groups.length - max} more groups`);
  return shown.join('\n');
}
