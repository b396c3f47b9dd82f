/** The cheapest possible answer: liveness without the database, and the baseline of `npm run bench`. */
export function GET() {
  return new Response(null, { status: 204 });
}
