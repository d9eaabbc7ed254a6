/** What a new password must be (domain ZPassword), said before anyone gets it wrong. */
export const PASSWORD_HINT = 'At least 12 characters. A short sentence is long enough and easy to remember.';
