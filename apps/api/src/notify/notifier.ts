/**
 * How Throughline reaches people outside the app. With no mail configured, messages go to
 * the log, which is enough for a self-hosted install and for tests.
 */
export interface Notifier {
  invitation(to: string, organisationName: string, link: string): Promise<void>;
  passwordReset(to: string, link: string): Promise<void>;
}

export function logNotifier(log: (message: string) => void = console.log): Notifier {
  return {
    invitation: async (to, organisationName, link) =>
      log(`[mail] to ${to}: you are invited to ${organisationName} on Throughline: ${link}`),
    passwordReset: async (to, link) => log(`[mail] to ${to}: reset your Throughline password (valid 30 minutes): ${link}`),
  };
}
