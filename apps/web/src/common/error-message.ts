/** How browsers word a request that never reached the server (Chromium, Safari, Firefox). */
const NETWORK_FAILURE = /^(Failed to fetch|Load failed|NetworkError)/;

/**
 * What to tell a person about a failed request. The API already words its errors for people;
 * only a failure to reach it at all needs rewording.
 */
export function errorMessage(error: { message: string }): string {
  if (NETWORK_FAILURE.test(error.message)) return 'Throughline could not be reached. Check your connection and try again.';
  return error.message || 'Something went wrong. Try again.';
}
