/** Every content collection's schema, by collection name. Read by the site and the CMS config. */
export { campaignFields, campaignSchema, tactics, campaignAudiences } from './campaigns.ts';
export { rightsFields, rightsSchema } from './rights.ts';
export { materialFields, materialSchema, materialAudiences, materialFormats, MAX_MATERIAL_FILE_BYTES } from './materials.ts';
export { helplineFields, helplineSchema } from './helplines.ts';
export { pageFields, pageSchema, knownPages } from './pages.ts';
export { settingsFields, settingsSchema } from './settings.ts';

import { campaignSchema } from './campaigns.ts';
import { helplineSchema } from './helplines.ts';
import { materialSchema } from './materials.ts';
import { pageSchema } from './pages.ts';
import { rightsSchema } from './rights.ts';
import { settingsSchema } from './settings.ts';

/** The schema of each folder under content/, for checks that run outside Astro (scripts/check-front-matter.mjs). */
export const schemaByFolder = {
  campaigns: campaignSchema,
  rights: rightsSchema,
  materials: materialSchema,
  helplines: helplineSchema,
  pages: pageSchema,
  settings: settingsSchema,
} as const;
