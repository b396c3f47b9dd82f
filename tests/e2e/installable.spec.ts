import { expect, test } from "@playwright/test";

/**
 * The platform can be installed on a phone's home screen (issue 22, its first part): a web app
 * manifest in French with its icons, linked from every page, loaded under the pages' own
 * Content-Security-Policy, and Chromium's own installability check finds nothing missing (before
 * the manifest it reported "no-manifest").
 */

type ManifestIcon = { src: string; sizes: string; type: string; purpose?: string };

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("the manifest says who the platform is, in French, and every icon it names is a PNG of its size", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
  expect(manifest).toMatchObject({ name: "Accélérateur libre", short_name: "Accélérateur", lang: "fr", start_url: "/", scope: "/", display: "standalone" });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);

  const kinds = manifest.icons.map((icon) => `${icon.purpose ?? "any"} ${icon.sizes}`);
  expect(kinds).toEqual(expect.arrayContaining(["any 192x192", "any 512x512", "maskable 512x512"]));
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"], icon.src).toBe("image/png");
    const [width, height] = icon.sizes.split("x").map(Number);
    expect(pngSize(await image.body()), icon.src).toEqual({ width, height });
  }
  expect((await request.get("/icons/nothing.png")).status()).toBe(404);
});

test("every page links the manifest and the theme colour, and Chromium finds the platform installable", async ({ page }) => {
  const cspBlocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) cspBlocked.push(message.text());
  });
  for (const path of ["/", "/chapters/place-de-marche", "/modules/marche-vendre-sur-amazon", "/sign-in"]) {
    await page.goto(path);
    await expect(page.locator('link[rel="manifest"]'), path).toHaveAttribute("href", "/manifest.webmanifest");
    await expect(page.locator('meta[name="theme-color"]'), path).toHaveAttribute("content", /^#[0-9a-f]{6}$/);
  }

  await page.goto("/", { waitUntil: "networkidle" });
  const cdp = await page.context().newCDPSession(page);
  const manifest = (await cdp.send("Page.getAppManifest")) as { url: string; errors: { message: string }[] };
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  // Playwright's contexts are incognito, which the full browser reports as such ("in-incognito");
  // the headless shell of these tests does not: any other error is a missing piece.
  const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
  expect(cspBlocked).toEqual([]);
});
