/**
 * The exit codes every command returns, in one module so that commands need not import the
 * program that dispatches them: 0 success, 1 findings (validate: errors, or more warnings than
 * --max-warnings), 2 usage errors, a bad configuration and unreadable inputs.
 */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
