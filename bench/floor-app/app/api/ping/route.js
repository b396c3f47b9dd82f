// The bare route handler, as GET /api/ping is in the platform.
export function GET() {
  return new Response(null, { status: 204 });
}
