import type { TFunction } from 'i18next';

/**
 * A refusal in the person's language. Codes come from the server (canWrite's reasons, the caps, the plan workflow,
 * invalid documents…); one this version does not know still says that the server refused, and its code.
 */
export function refusalText(t: TFunction, refusal: { reason: string; detail?: string | undefined }): string {
  const unknown = t('common:rejections.unknown', { code: refusal.reason });
  const reason = /^[A-Za-z_]+$/.test(refusal.reason)
    ? t(`common:rejections.${refusal.reason}`, { defaultValue: unknown })
    : unknown;
  return refusal.detail ? `${reason} (${refusal.detail})` : reason;
}
