/** The version of the JSON output's shape; alone here so that writing it does not load zod. */
export const SCHEMA_VERSION = "1";
