import { describe, expect, it } from "vitest";
import { offlineRuleOf, type OfflineRule } from "./offline-policy";

const get = (path: string, mode = "no-cors") => ({ method: "GET", path, sameOrigin: true, mode });

describe("what the service worker does with a request", () => {
  it.each<[string, Parameters<typeof offlineRuleOf>[0], OfflineRule]>([
    // Build files, icons and the manifest: kept once fetched.
    ["a script chunk", get("/_next/static/chunks/0abc.js", "cors"), "asset"],
    ["a style sheet", get("/_next/static/chunks/0abc.css"), "asset"],
    ["the font", get("/_next/static/media/inter.woff2", "cors"), "asset"],
    ["an icon of the installed platform", get("/icons/icon-192.png"), "asset"],
    ["the favicon", get("/icon.svg"), "asset"],
    ["the manifest", get("/manifest.webmanifest", "cors"), "asset"],
    // Pages opened in the browser: asked of the server, the offline page when there is none.
    ["the programme", get("/", "navigate"), "page"],
    ["a module", get("/modules/marche-vendre-sur-amazon", "navigate"), "page"],
    ["Mon compte", get("/account", "navigate"), "page"],
    // A module's captions: from the server, the kept copy without a connection.
    ["a module's captions", get("/api/modules/marche-vendre-sur-amazon/captions", "cors"), "resource"],
    ["not quite captions", get("/api/modules/marche-vendre-sur-amazon/captions/x", "cors"), "network"],
    // Never touched: the API, every write, the worker itself, other origins, client-side fetches of a page.
    // Progress reports and quiz attempts: sent again by the worker when the connection comes back.
    ["a progress report", { method: "POST", path: "/api/progress", sameOrigin: true, mode: "cors" }, "report"],
    ["a quiz attempt", { method: "POST", path: "/api/quiz-attempts", sameOrigin: true, mode: "cors" }, "report"],
    ["a report to another origin", { method: "POST", path: "/api/progress", sameOrigin: false, mode: "cors" }, "network"],
    ["reading progress (GET)", get("/api/progress", "cors"), "network"],
    ["a write elsewhere in the API", { method: "POST", path: "/api/attestations", sameOrigin: true, mode: "cors" }, "network"],
    // A module's video on this origin: the kept copy, with ranges.
    ["a video", get("/media/essai-video.webm"), "media"],
    ["a video, upper-case extension", get("/media/Essai.MP4"), "media"],
    ["a video on another origin (MEDIA_BASE_URL)", { method: "GET", path: "/x.mp4", sameOrigin: false, mode: "no-cors" }, "network"],
    ["the account's export", get("/api/account/export", "navigate"), "network"],
    ["the session", get("/api/auth/session", "cors"), "network"],
    ["a sign-in form's POST", { method: "POST", path: "/sign-in", sameOrigin: true, mode: "navigate" }, "network"],
    ["the service worker's script", get("/serwist/sw.js", "same-origin"), "network"],
    ["a page fetched by the router (RSC)", get("/modules/marche-vendre-sur-amazon", "cors"), "network"],
    ["a build file on another origin", { method: "GET", path: "/_next/static/chunks/x.js", sameOrigin: false, mode: "cors" }, "network"],
    ["a page on another origin", { method: "GET", path: "/", sameOrigin: false, mode: "navigate" }, "network"],
    ["a HEAD request", { method: "HEAD", path: "/_next/static/chunks/x.js", sameOrigin: true, mode: "cors" }, "network"],
  ])("%s", (_name, request, rule) => {
    expect(offlineRuleOf(request)).toBe(rule);
  });
});
