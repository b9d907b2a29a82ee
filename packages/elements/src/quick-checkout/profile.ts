import type { Customer } from '@live-shop/protocol';

/** localStorage key of the saved delivery profile (this device only). */
export const PROFILE_KEY = 'live-shop:profile';

/**
 * The buyer's saved name, phone and address, or null. Kept on this device only, in localStorage, and only
 * after the buyer ticked "remember me": for a one-tap repeat purchase. Unreadable or blocked storage
 * (private mode, a sandboxed frame) counts as nothing saved.
 */
export function loadProfile(): Customer | null {
  try {
    const raw = globalThis.localStorage?.getItem(PROFILE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Customer>;
    if (typeof value.name !== 'string' || typeof value.phone !== 'string' || typeof value.address !== 'string') return null;
    return { name: value.name, phone: value.phone, address: value.address };
  } catch {
    return null;
  }
}

/** Saves the profile (the buyer consented). Returns false when storage refused. */
export function saveProfile(customer: Customer): boolean {
  try {
    globalThis.localStorage?.setItem(PROFILE_KEY, JSON.stringify({ name: customer.name, phone: customer.phone, address: customer.address }));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the saved profile. */
export function forgetProfile(): void {
  try {
    globalThis.localStorage?.removeItem(PROFILE_KEY);
  } catch {
    // Nothing stored, or storage blocked: nothing to forget.
  }
}
