// The desktop user's own settings (not the board's): how CPB looks, where automatic backups go and
// which file servers agenda papers may be opened from. Electron keeps them in the user data folder;
// browser mode keeps the appearance ones in the browser. One schema, checked wherever they are read.
import { z } from 'zod';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const themeLabel: Record<Theme, string> = {
  system: 'Follow the system',
  light: 'Light',
  dark: 'Dark',
};

/** Text size as a percentage of the standard 16px; the whole layout is in rem, so it scales. */
export const TEXT_SIZES = [100, 112, 125, 150] as const;
export type TextSize = (typeof TEXT_SIZES)[number];
export const textSizeLabel: Record<TextSize, string> = {
  100: 'Standard',
  112: 'Large',
  125: 'Larger',
  150: 'Largest',
};

/** A server name as approved for papers: a DNS name, NetBIOS name or IPv4 address, lower case. */
const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, {
    message: 'must be a server name such as fileserver or files.council.gov.uk, with no slashes',
  });

export const desktopSettingsSchema = z.object({
  theme: z.enum(THEMES).default('system'),
  textSize: z.union([z.literal(100), z.literal(112), z.literal(125), z.literal(150)]).default(100),
  /** An absolute folder for automatic backups; null keeps them beside the board (the default). */
  backupFolder: z.string().trim().min(1).max(1024).nullable().default(null),
  approvedPaperHosts: z.array(hostName).max(50).default([]),
});
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

export const defaultDesktopSettings: DesktopSettings = desktopSettingsSchema.parse({});

/** Settings as stored; anything damaged or unknown falls back to the default, field by field. */
export function parseDesktopSettings(value: unknown): DesktopSettings {
  const whole = desktopSettingsSchema.safeParse(value);
  if (whole.success) return whole.data;
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(desktopSettingsSchema.shape) as (keyof DesktopSettings)[]) {
    const one = desktopSettingsSchema.shape[key].safeParse(v[key]);
    out[key] = one.success ? one.data : defaultDesktopSettings[key];
  }
  return out as DesktopSettings;
}

const labels: Record<keyof DesktopSettings, string> = {
  theme: 'Theme',
  textSize: 'Text size',
  backupFolder: 'Backup folder',
  approvedPaperHosts: 'Approved paper servers',
};

/** The label a person sees for a setting, for messages. */
export function settingLabel(key: string): string {
  return (labels as Record<string, string>)[key] ?? 'Settings';
}
