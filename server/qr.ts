import "server-only";
import QRCode from "qrcode";

/** A QR code as SVG markup, made on the server (qrcode): for projecting a cohort's join link. */
export async function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
}
