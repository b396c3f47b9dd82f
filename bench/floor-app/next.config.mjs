// The framework's floor (bench/support/floor-app.ts): Next.js with its defaults.
export default { poweredByHeader: false };
