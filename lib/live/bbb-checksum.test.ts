import { describe, expect, it } from "vitest";
import {
  BBB_CHECKSUM_ALGORITHMS,
  bbbChecksum,
  bbbQuery,
  isBbbChecksumAlgorithm,
  signedBbbUrl,
  type BbbChecksumAlgorithm,
} from "./bbb-checksum";

// The worked example of « API Security Model › Usage » (docs.bigbluebutton.org/development/api).
const DOC_QUERY = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";
const DOC_SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";

describe("bbbQuery", () => {
  it("builds the documentation's create query byte for byte (space as +, order kept)", () => {
    expect(bbbQuery({ name: "Test Meeting", meetingID: "abc123", attendeePW: "111222", moderatorPW: "333444" })).toBe(
      DOC_QUERY,
    );
  });

  it.each<[string, Parameters<typeof bbbQuery>[0], string]>([
    ["empty", {}, ""],
    ["only undefined", { welcome: undefined }, ""],
    ["undefined skipped, order kept", { b: "2", skipped: undefined, a: "1" }, "b=2&a=1"],
    ["booleans and numbers", { record: false, redirect: true, duration: 90, zero: 0 }, "record=false&redirect=true&duration=90&zero=0"],
    [
      "French accents and spaces",
      { fullName: "Élodie Lefèvre-Dupont", name: "Atelier « vendre en ligne »" },
      "fullName=%C3%89lodie+Lef%C3%A8vre-Dupont&name=Atelier+%C2%AB+vendre+en+ligne+%C2%BB",
    ],
    ["apostrophe and ç", { fullName: "François d'Aubigné" }, "fullName=Fran%C3%A7ois+d%27Aubign%C3%A9"],
    ["reserved characters", { v: "a+b&c=d%e/f?g#h" }, "v=a%2Bb%26c%3Dd%25e%2Ff%3Fg%23h"],
    ["characters Java's URLEncoder keeps", { v: "A-z_0.9*" }, "v=A-z_0.9*"],
    ["characters Java's URLEncoder encodes", { v: "~!'()" }, "v=%7E%21%27%28%29"],
    ["emoji (4-byte UTF-8)", { v: "🎓" }, "v=%F0%9F%8E%93"],
    ["empty string kept", { v: "" }, "v="],
  ])("%s", (_label, params, expected) => {
    expect(bbbQuery(params)).toBe(expected);
  });

  it("round-trips through a standard query parser", () => {
    const params = { fullName: "Zoé Ñúñez & co + 100 %", meetingID: "s-1", userID: "007" };
    const parsed = Object.fromEntries(new URLSearchParams(bbbQuery(params)));
    expect(parsed).toEqual(params);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])("refuses the number %s", (n) => {
    expect(() => bbbQuery({ duration: n })).toThrow(RangeError);
  });
});

describe("bbbChecksum", () => {
  // Vectors computed independently of this code (openssl dgst) over `create` + DOC_QUERY + DOC_SECRET.
  it.each<[BbbChecksumAlgorithm, string]>([
    ["sha1", "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17"], // the value printed in the documentation
    ["sha256", "da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e"],
    [
      "sha384",
      "891ac633df39d0a1b4f8d597f3e190833216c4b29c4fb51ea3ca72757eeb958d6e7b49a845cf29f5c6019c7d29d029d1",
    ],
    [
      "sha512",
      "de73ad61d11a5c801b68d4bd6ec5248546085cefb0b25c85f3c46249ea93a3a4b120f92c0a8a58d7512cb77821884951a3b01245f3435dbbef49fff3cc3988b4",
    ],
  ])("the documentation's create example with %s", (algorithm, expected) => {
    expect(bbbChecksum("create", DOC_QUERY, DOC_SECRET, algorithm)).toBe(expected);
  });

  it("matches the step-by-step SHA-1 / SHA-256 example of bbbserver.com's API guide", () => {
    const query =
      "name=Demo&meetingID=replace-with-meeting-id&attendeePW=replace-with-password&moderatorPW=replace-with-password";
    expect(bbbChecksum("create", query, "replace-with-secret", "sha1")).toBe("7030bd96ede6a7ac41da848fe3bfc562e52a5914");
    expect(bbbChecksum("create", query, "replace-with-secret", "sha256")).toBe(
      "7e5a0a48f1542462e56ca034dc83d741bff1deb5feab0cd9ef74fa6e009fe1fd",
    );
  });

  it("hashes the encoded query as sent (French name, SHA-1)", () => {
    const query = bbbQuery({ fullName: "Élodie Lefèvre-Dupont", meetingID: "session-42", role: "VIEWER" });
    expect(bbbChecksum("join", query, "s3cr3t", "sha1")).toBe("ac6cc84ee71c365f5dc514cc17c0bc3c64612bf4");
  });

  it("defaults to SHA-256 and has the length the server uses to pick the algorithm", () => {
    expect(bbbChecksum("create", DOC_QUERY, DOC_SECRET)).toBe(bbbChecksum("create", DOC_QUERY, DOC_SECRET, "sha256"));
    const lengths = BBB_CHECKSUM_ALGORITHMS.map((a) => bbbChecksum("getMeetings", "", "x", a).length);
    expect(lengths).toEqual([40, 64, 96, 128]);
  });

  it("changes with the call name, the query and the secret", () => {
    const base = bbbChecksum("create", DOC_QUERY, DOC_SECRET, "sha256");
    expect(bbbChecksum("join", DOC_QUERY, DOC_SECRET, "sha256")).not.toBe(base);
    expect(bbbChecksum("create", DOC_QUERY.replace("Test+Meeting", "Test%20Meeting"), DOC_SECRET, "sha256")).not.toBe(base);
    expect(bbbChecksum("create", DOC_QUERY, `${DOC_SECRET}x`, "sha256")).not.toBe(base);
  });

  it("refuses an unknown algorithm", () => {
    expect(() => bbbChecksum("create", "", "x", "md5" as BbbChecksumAlgorithm)).toThrow(RangeError);
    expect(isBbbChecksumAlgorithm("sha384")).toBe(true);
    expect(isBbbChecksumAlgorithm("SHA256")).toBe(false);
    expect(isBbbChecksumAlgorithm(undefined)).toBe(false);
  });
});

describe("signedBbbUrl", () => {
  const docUrl = `https://bbb.example.org/bigbluebutton/api/create?${DOC_QUERY}&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17`;
  const docParams = { name: "Test Meeting", meetingID: "abc123", attendeePW: "111222", moderatorPW: "333444" };

  it.each([
    "https://bbb.example.org/bigbluebutton/",
    "https://bbb.example.org/bigbluebutton",
    "https://bbb.example.org/bigbluebutton/api",
    "https://bbb.example.org/bigbluebutton/api/",
    "https://bbb.example.org/bigbluebutton//",
  ])("gives the documentation's URL from the base %s", (base) => {
    expect(signedBbbUrl(base, "create", docParams, DOC_SECRET, "sha1")).toBe(docUrl);
  });

  it("signs a call without parameters as ?checksum=…", () => {
    const url = signedBbbUrl("http://127.0.0.1:8090/bigbluebutton/", "getMeetings", {}, "my-secret");
    expect(url).toBe(
      "http://127.0.0.1:8090/bigbluebutton/api/getMeetings?checksum=9f2093781610ed7b67ffef0d6b9408d7f2bf25148710b3cc460b8722bf1cdd5a",
    );
  });

  it("puts the checksum last, over exactly the query before it", () => {
    const url = new URL(
      signedBbbUrl("https://bbb.example.org/bigbluebutton/", "join", { fullName: "Zoé Martin", meetingID: "m-1" }, "k", "sha512"),
    );
    const [query, checksum] = url.search.slice(1).split("&checksum=");
    expect(query).toBe("fullName=Zo%C3%A9+Martin&meetingID=m-1");
    expect(checksum).toBe(bbbChecksum("join", query ?? "", "k", "sha512"));
    expect(url.pathname).toBe("/bigbluebutton/api/join");
  });

  it("keeps a port and drops a query or fragment of the base", () => {
    expect(signedBbbUrl("http://localhost:8080/b3/?x=1#y", "getMeetings", {}, "s", "sha1")).toMatch(
      /^http:\/\/localhost:8080\/b3\/api\/getMeetings\?checksum=[0-9a-f]{40}$/,
    );
  });

  it.each([
    ["a non-http base", () => signedBbbUrl("ftp://bbb.example.org/", "create", {}, "s")],
    ["a relative base", () => signedBbbUrl("/bigbluebutton/", "create", {}, "s")],
    ["a call name with a path", () => signedBbbUrl("https://bbb.example.org/", "../create", {}, "s")],
    ["an empty call name", () => signedBbbUrl("https://bbb.example.org/", "", {}, "s")],
  ])("refuses %s", (_label, call) => {
    expect(call).toThrow();
  });
});
