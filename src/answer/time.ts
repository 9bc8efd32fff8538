/**
 * Times as the front ends show them: to the minute, in Beijing time, where the bulletins' readers
 * are. China keeps UTC+8 all year (no daylight saving since 1991), so this is arithmetic, not
 * ICU's time-zone data (about 6 MB resident, loaded by the first Intl.DateTimeFormat).
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-11-22 14:05` in Beijing time. */
export function beijingMinute(date: Date): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** An index build time (ISO) in Beijing time; an unreadable value is shown as it is. */
export function formatBuildTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : beijingMinute(date);
}
