/**
 * An index build time as the front ends show it (`/about`, the terminal's /about): to the minute,
 * in UTC, saying so; an unreadable value is shown as it is.
 */
export function formatBuildTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
