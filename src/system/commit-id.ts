/** How git names commits; what is read from elsewhere is checked against these. */

/** A commit's full name: a SHA-1 or SHA-256 object name, lower-case hexadecimal. */
export const FULL_COMMIT_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** A commit's full name or an abbreviation of it (git abbreviates to 4 digits at the least). */
export const COMMIT_ID = /^[0-9a-f]{4,64}$/;
