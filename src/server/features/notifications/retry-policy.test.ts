import { describe, expect, it } from "vitest";
import { MAX_SEND_ATTEMPTS, retryDelayMinutes } from "./retry-policy.ts";

describe("retry policy", () => {
  it("waits the scheduler's period, then twice as long each time, and gives up after the last attempt", () => {
    const delays = Array.from({ length: MAX_SEND_ATTEMPTS }, (_, i) => retryDelayMinutes(i + 1, false));
    expect(delays).toEqual([15, 30, 60, 120, null]);
  });

  it("gives up at once when the server refused the message for good", () => {
    expect(retryDelayMinutes(1, true)).toBeNull();
  });
});
