// The demo accounts that `npm start` seeds into an empty database, and prints.
export const DEMO_PASSWORDS = {
  admin: "demo-admin-2026",
  trainer: "demo-formateur-2026",
  merchant: "demo-commercant-2026",
};

export const DEMO_ACCOUNTS = [
  { role: "admin", email: "admin@demo.test", name: "Claire Martin" },
  { role: "trainer", email: "karim.formateur@demo.test", name: "Karim Benali" },
  { role: "trainer", email: "sophie.formatrice@demo.test", name: "Sophie Leroy" },
  { role: "merchant", email: "librairie@demo.test", name: "Librairie Les Mots Passants", sector: "librairie", department: "44", sizeBand: "1-9" },
  { role: "merchant", email: "boulangerie@demo.test", name: "Boulangerie Maison Riou", sector: "alimentation", department: "35", sizeBand: "1-9" },
  { role: "merchant", email: "ceramique@demo.test", name: "Atelier Terre et Feu", sector: "artisanat", department: "26", sizeBand: "0" },
  { role: "merchant", email: "chaussures@demo.test", name: "Chaussures Vidal", sector: "mode", department: "31", sizeBand: "1-9" },
  { role: "merchant", email: "fromagerie@demo.test", name: "Fromagerie du Marché", sector: "alimentation", department: "69", sizeBand: "1-9" },
];
