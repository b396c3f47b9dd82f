import { describe, expect, it } from "vitest";
import { countWords, parseVtt, VttError } from "./vtt";

describe("parseVtt", () => {
  it("reads numbered cues with times", () => {
    const cues = parseVtt("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.500\nBonjour à tous.\n\n2\n00:00:04.500 --> 00:01:02.250\nOn parle de la boulangerie\nde Martine.\n");
    expect(cues).toEqual([
      { startS: 1, endS: 4.5, text: "Bonjour à tous." },
      { startS: 4.5, endS: 62.25, text: "On parle de la boulangerie de Martine." },
    ]);
  });

  const bad: [string, string, RegExp][] = [
    ["no header", "1\n00:00:01.000 --> 00:00:02.000\nx\n", /line 1: a WebVTT file starts with WEBVTT/],
    ["bad time", "WEBVTT\n\n00:01.0 --> 00:00:02.000\nx\n", /line 3: bad timestamp/],
    ["end before start", "WEBVTT\n\n00:00:03.000 --> 00:00:02.000\nx\n", /line 3: a cue must end after it starts/],
    ["overlap", "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\na\n\n00:00:02.000 --> 00:00:04.000\nb\n", /line 6: cues overlap/],
    ["empty cue", "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n\n", /has no text/],
    ["no cue", "WEBVTT\n\n", /no cue found/],
  ];
  it.each(bad)("%s → clear error", (_name, source, message) => {
    expect(() => parseVtt(source)).toThrow(VttError);
    expect(() => parseVtt(source)).toThrow(message);
  });
});

describe("countWords", () => {
  it.each([
    ["Bonjour à tous.", 3],
    ["Retenez ceci : « trois choses » !", 4],
    ["l'atelier de céramique, 2 fours", 5],
  ] as const)("%j → %i", (text, n) => expect(countWords(text)).toBe(n));
});

describe("formatVtt", () => {
  it("writes what parseVtt reads back", async () => {
    const { formatVtt } = await import("./vtt");
    const cues = [{ startS: 1, endS: 4.5, text: "Bonjour." }, { startS: 4.5, endS: 3725.25, text: "Au revoir." }];
    expect(parseVtt(formatVtt(cues))).toEqual(cues);
  });
});
