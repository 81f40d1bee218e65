/** The kinds of record a path or body id can name. */
export const ID_KINDS = ['partner', 'template', 'call', 'agreement', 'referral', 'fee', 'review', 'message'] as const;
export type IdKind = (typeof ID_KINDS)[number];

/**
 * A stand-in for a real id, chosen when the input is made and resolved when it is sent, so
 * inputs can name records that earlier inputs created.
 */
export class IdRef {
  constructor(
    readonly kind: IdKind,
    readonly pick: number,
  ) {}
}

/** The ids of real records, by kind: the seeded ones and every one a 2xx answer has named since. */
export class IdPool {
  private readonly ids = new Map<IdKind, string[]>(ID_KINDS.map((k) => [k, []]));

  add(kind: IdKind, id: unknown) {
    if (typeof id !== 'string' || id === '') return;
    const list = this.ids.get(kind)!;
    if (!list.includes(id)) list.push(id);
    // Keep the pool small: the newest ids are the likeliest to be in an interesting state.
    if (list.length > 200) list.shift();
  }

  resolve(ref: IdRef): string {
    const list = this.ids.get(ref.kind)!;
    // A kind with no record yet still gets a well-formed id, one that names nothing.
    return list.length === 0 ? '0000000000000000000000000z' : list[ref.pick % list.length]!;
  }

  /** Replaces every IdRef inside a generated value by the id it stands for. */
  materialize(value: unknown): unknown {
    if (value instanceof IdRef) return this.resolve(value);
    if (Array.isArray(value)) return value.map((v) => this.materialize(v));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        // defineProperty, so a generated "__proto__" key stays a key instead of setting the prototype.
        Object.defineProperty(out, k, {
          value: this.materialize(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return value;
  }
}

/** Which kind of record a path names, from its first segment: /partners/{id}/… names a partner. */
export function kindOfPath(path: string): IdKind | undefined {
  const first = path.split('/')[1];
  const map: Record<string, IdKind> = {
    partners: 'partner',
    templates: 'template',
    calls: 'call',
    agreements: 'agreement',
    referrals: 'referral',
    fees: 'fee',
    reviews: 'review',
    messages: 'message',
  };
  return first ? map[first] : undefined;
}

/** Which kind of record a body or query field names, from its name (partnerId names a partner). */
export function kindOfField(name: string): IdKind | undefined {
  const m = /^(partner|template|call|agreement|referral|fee|review|message|firstTouch)Id$/.exec(name);
  if (!m) return undefined;
  return m[1] === 'firstTouch' ? 'message' : (m[1] as IdKind);
}
