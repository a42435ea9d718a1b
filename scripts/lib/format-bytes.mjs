/** Sizes in reports: one unit everywhere, KiB (1,024 bytes), with one decimal. */

/** @param {number} bytes */
export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

/** @param {number} bytes */
export const mib = (bytes) => `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
