/** Every content collection's schema, by collection name. Read by the site and the CMS config. */
export { campaignFields, campaignSchema, tactics, campaignAudiences } from './campaigns.ts';
export { rightsFields, rightsSchema } from './rights.ts';
export { materialFields, materialSchema, materialAudiences, materialFormats, MAX_MATERIAL_FILE_BYTES } from './materials.ts';
export { helplineFields, helplineSchema } from './helplines.ts';
export { pageFields, pageSchema, knownPages } from './pages.ts';
export { settingsSchema } from './settings.ts';
