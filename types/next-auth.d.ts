import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    /** Unix time (s) of the sign-in: session age limits per role count from it. */
    signedInAt?: number;
  }
}
