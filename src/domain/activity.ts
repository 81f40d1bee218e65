/** One entry on a partner's timeline. `data` holds the structured facts behind `summary`. */
export interface Activity {
  id: string;
  partnerId: string;
  kind: string;
  summary: string;
  data: Record<string, unknown>;
  at: string;
}
