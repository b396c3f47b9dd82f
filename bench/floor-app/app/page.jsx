import { connection } from "next/server";

// A blank page rendered for each request, as our programme pages must be (the learner's part and the
// CSP nonce are per request): the least a dynamic App Router page costs, on the server and the phone.
export default async function FloorPage() {
  await connection();
  return <p>Bonjour</p>;
}
