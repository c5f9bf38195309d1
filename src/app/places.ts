import type { FeaturePlace, NavEntry } from '../features/ui';

/**
 * Every feature's screens and nav entries, from its own `src/features/<feature>/place.ts` (issue 10.5): a new screen
 * is declared in its feature's folder and needs no line here, in the router or in the layout.
 */
const modules = import.meta.glob<{ place: FeaturePlace }>('../features/*/place.ts', { eager: true });

export const places: readonly FeaturePlace[] = Object.values(modules).map((m) => m.place);

export const screens = places.flatMap((p) => p.screens);

const navEntries: readonly NavEntry[] = places.flatMap((p) => p.nav ?? []).sort((a, b) => a.order - b.order);

/**
 * The nav entries the signed-in person sees, in order. Every entry's `useShown` hook runs on every render, in the
 * same order (the list is fixed when the app loads), so the hooks' order never changes between renders.
 */
export function useNavEntries(): NavEntry[] {
  const shown: NavEntry[] = [];
  for (const entry of navEntries) if (entry.useShown ? entry.useShown() : true) shown.push(entry);
  return shown;
}
