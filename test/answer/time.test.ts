import { describe, expect, it } from "vitest";
import { beijingMinute, formatBuildTime } from "../../src/answer/time.js";

describe("times shown to users (Beijing time)", () => {
  it("shows the minute in UTC+8, across midnight and the year's end", () => {
    expect(beijingMinute(new Date("2026-11-22T05:20:47Z"))).toBe("2026-11-22 13:20");
    expect(beijingMinute(new Date("2026-12-31T20:00:00Z"))).toBe("2027-01-01 04:00");
  });

  it("shows an unreadable build time as it is", () => {
    expect(formatBuildTime("not a time")).toBe("not a time");
  });
});
