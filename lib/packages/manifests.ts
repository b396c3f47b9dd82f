import type { PackageCourse } from "./course";

/**
 * The manifests of a package (issue 23), checked against their schemas by the tests
 * (tests/unit/package-manifests.test.ts, with libxml2's xmllint):
 * - SCORM 1.2: imsmanifest.xml, IMS Content Packaging 1.1.2 with ADL's SCORM 1.2 extensions; one
 *   SCO per module, items grouped by chapter, the quiz's pass mark as adlcp:masteryscore; the files
 *   every SCO shares in one asset resource each SCO depends on.
 * - cmi5: cmi5.xml, the course structure of the cmi5 specification; one AU per module, blocks by
 *   chapter, moveOn="CompletedAndPassed" and the quiz's pass mark as masteryScore.
 */
export type PackageLayout = {
  /** Where a module's SCO or AU starts, relative to the package's root. */
  launchPath: (moduleId: string) => string;
  /** The files of a module's SCO besides its launch page (none today). */
  filesOf: (moduleId: string) => string[];
  /** The files every SCO uses (the runtime, the style sheet, the licence). */
  sharedFiles: string[];
};

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** A package's identifier, from what it holds: stable across builds, so an LMS recognises an update. */
export function packageIdentifier(course: PackageCourse): string {
  return `accelerateur-libre-${course.scope}-${course.path}`;
}

export function scorm12Manifest(course: PackageCourse, layout: PackageLayout): string {
  const id = packageIdentifier(course);
  const items = course.chapters
    .map((chapter) => {
      const modules = chapter.modules
        .map(
          ({ module, masteryScore }) =>
            `        <item identifier="item-${module.id}" identifierref="sco-${module.id}">\n` +
            `          <title>${escapeXml(module.title.fr)}</title>\n` +
            `          <adlcp:masteryscore>${Math.round(masteryScore * 100)}</adlcp:masteryscore>\n` +
            `        </item>`,
        )
        .join("\n");
      return `      <item identifier="chapter-${chapter.id}">\n        <title>${escapeXml(`${chapter.order}. ${chapter.title}`)}</title>\n${modules}\n      </item>`;
    })
    .join("\n");
  const scos = course.chapters
    .flatMap((chapter) => chapter.modules)
    .map(({ module }) => {
      const launch = layout.launchPath(module.id);
      const files = [launch, ...layout.filesOf(module.id)].map((href) => `      <file href="${escapeXml(href)}"/>`).join("\n");
      return `    <resource identifier="sco-${module.id}" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(launch)}">\n${files}\n      <dependency identifierref="shared"/>\n    </resource>`;
    })
    .join("\n");
  const shared = layout.sharedFiles.map((href) => `      <file href="${escapeXml(href)}"/>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>${escapeXml(course.title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${scos}
    <resource identifier="shared" type="webcontent" adlcp:scormtype="asset">
${shared}
    </resource>
  </resources>
</manifest>
`;
}

/** An IRI for the course, a block or an AU: the LMS keys its records on them. */
export function cmi5Id(kind: "course" | "block" | "au", ...parts: string[]): string {
  return `urn:accelerateur-libre:${kind}:${parts.join(":")}`;
}

const langstring = (text: string) => `<langstring lang="fr">${escapeXml(text)}</langstring>`;

export function cmi5CourseStructure(course: PackageCourse, layout: Pick<PackageLayout, "launchPath">): string {
  const blocks = course.chapters
    .map((chapter) => {
      const aus = chapter.modules
        .map(
          ({ module, masteryScore }) =>
            `    <au id="${escapeXml(cmi5Id("au", module.id))}" moveOn="CompletedAndPassed" masteryScore="${masteryScore.toFixed(2)}" launchMethod="AnyWindow">\n` +
            `      <title>${langstring(module.title.fr)}</title>\n` +
            `      <description>${langstring(module.summary.fr)}</description>\n` +
            `      <url>${escapeXml(layout.launchPath(module.id))}</url>\n` +
            `    </au>`,
        )
        .join("\n");
      return (
        `  <block id="${escapeXml(cmi5Id("block", chapter.id, course.path))}">\n` +
        `    <title>${langstring(`${chapter.order}. ${chapter.title}`)}</title>\n` +
        `    <description>${langstring(chapter.summary)}</description>\n${aus}\n  </block>`
      );
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="http://www.adlnet.gov/cmi5/CourseStructure.xsd">
  <course id="${escapeXml(cmi5Id("course", course.scope, course.path))}">
    <title>${langstring(course.title)}</title>
    <description>${langstring(course.description)}</description>
  </course>
${blocks}
</courseStructure>
`;
}
