/** Response headers set on every response (next.config.js; server/direct-routes.ts for the routes it answers). */
export declare const staticSecurityHeaders: { key: string; value: string }[];
