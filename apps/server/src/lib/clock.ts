/** Time source passed to services, so tests can fix "today". */
export interface Clock {
  now(): Date;
  /** Today's date in Asia/Ho_Chi_Minh as YYYY-MM-DD. */
  today(): string;
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

export function vnDate(d: Date): string {
  return new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => vnDate(new Date()),
};

export function fixedClock(iso: string): Clock {
  const d = new Date(iso);
  return { now: () => new Date(d), today: () => vnDate(d) };
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
