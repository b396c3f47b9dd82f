// Just enough MIME reading to check what a test SMTP server received from nodemailer: headers
// (with RFC 2047 encoded words), and the text/plain and text/html parts of a multipart/alternative
// message, in quoted-printable, base64 or 7/8 bit.

function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes);
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?") // whitespace between encoded words is not part of the text
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")).toString("utf8"),
    );
}

function splitHeadersAndBody(raw: string): { headers: Map<string, string>; body: string } {
  const index = raw.search(/\r?\n\r?\n/);
  const head = index === -1 ? raw : raw.slice(0, index);
  const body = index === -1 ? "" : raw.slice(index).replace(/^\r?\n\r?\n/, "");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeBody(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body).toString("utf8");
  return body;
}

export type ParsedMail = { subject: string; to: string; from: string; text: string | null; html: string | null };

export function parseMail(raw: string): ParsedMail {
  const { headers, body } = splitHeadersAndBody(raw);
  const parts: { type: string; content: string }[] = [];
  const contentType = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith("--")) break;
      const part = splitHeadersAndBody(chunk.replace(/^\r?\n/, ""));
      parts.push({ type: (part.headers.get("content-type") ?? "").split(";")[0]!.toLowerCase(), content: decodeBody(part.headers, part.body.replace(/\r?\n$/, "")) });
    }
  } else {
    parts.push({ type: contentType.split(";")[0]!.toLowerCase(), content: decodeBody(headers, body) });
  }
  return {
    subject: decodeWords(headers.get("subject") ?? ""),
    to: decodeWords(headers.get("to") ?? ""),
    from: decodeWords(headers.get("from") ?? ""),
    text: parts.find((p) => p.type === "text/plain")?.content.replace(/\r\n/g, "\n") ?? null,
    html: parts.find((p) => p.type === "text/html")?.content ?? null,
  };
}
