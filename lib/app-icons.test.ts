import { describe, expect, it } from "vitest";
import { APP_ICONS, appIconSvg } from "./app-icons";

describe("the installed platform's icons", () => {
  it("has a 192 and a 512 icon for each purpose, with distinct names", () => {
    expect(APP_ICONS.map((i) => `${i.purpose} ${i.size}`).sort()).toEqual(["any 192", "any 512", "maskable 192", "maskable 512"]);
    expect(new Set(APP_ICONS.map((i) => i.name)).size).toBe(APP_ICONS.length);
  });

  it.each([
    // "any": the favicon's rounded square, the drawing at full size.
    ["any", /<rect width="64" height="64" rx="14"/, /^(?!.*scale\()/],
    // "maskable": a square background to the edges (the phone cuts its own shape), the drawing within the safe zone (80 %).
    ["maskable", /<rect width="64" height="64" fill="#[0-9a-f]{6}"\/>/, /translate\(9\.6 9\.6\) scale\(0\.7\)/],
  ] as const)("%s", (purpose, background, drawing) => {
    const svg = appIconSvg(purpose);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 64 64">/);
    expect(svg).toMatch(background);
    expect(svg).toMatch(drawing);
  });
});
