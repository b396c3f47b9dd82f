import { describe, expect, it } from "vitest";
import { DEPARTMENT_CODES } from "../business-profile";
import { REGIONS, regionOf } from "./regions";

describe("regionOf", () => {
  it.each([
    ["75", "11"],
    ["2A", "94"],
    ["2B", "94"],
    ["44", "52"],
    ["69", "84"],
    ["13", "93"],
    ["974", "04"],
    ["976", "06"],
    ["59", "32"],
    ["33", "75"],
    ["31", "76"],
  ])("département %s is in région %s", (department, region) => {
    expect(regionOf(department)).toBe(region);
  });

  it.each([[null], [undefined], [""], ["20"], ["99"]])("has no région for %s", (department) => {
    expect(regionOf(department)).toBeNull();
  });

  it("puts each of the 101 départements in exactly one of the 18 régions", () => {
    expect(REGIONS).toHaveLength(18);
    const listed = REGIONS.flatMap((r) => r.departments);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...DEPARTMENT_CODES].sort());
  });
});
