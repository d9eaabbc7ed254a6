/**
 * A one-off cost as typed: "5,000,000", "£12,500.50" or "0". Returns null for anything that is
 * not an amount, so the form can say so before asking the server.
 */
export function parseCost(typed: string): number | null {
  const cleaned = typed.trim().replace(/^£/, '').replace(/,/g, '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Number(cleaned);
}
