/**
 * How Decap's rich-text editor writes Markdown bodies: its own serializer
 * (decap-cms-widget-markdown, remark-stringify 6), with list bullets "-" and
 * tables without column padding, the style the repository's bodies are
 * written in. Decap's defaults ("*" bullets, tables padded to the widest cell)
 * rewrote every list marker of a body on any edit, and a one-word change in a
 * table cell re-padded the whole table (issue 14, review problem 11).
 *
 * Registered with CMS.registerRemarkPlugin (admin/main.tsx); Decap runs its
 * remark plugins in the parser and in the previews too, so this changes only
 * a processor that has remark-stringify's compiler. scripts/content/decap-markdown.mjs
 * runs the same serializer with this plugin over the repository's bodies.
 */
interface RemarkCompiler {
  prototype: { options?: Record<string, unknown>; visitors?: unknown };
}

export const markdownStyle = { bullet: '-', paddedTable: false } as const;

export function siteMarkdownStyle(this: { Compiler?: RemarkCompiler }) {
  const compiler = this.Compiler;
  if (!compiler?.prototype.visitors) return;
  compiler.prototype.options = { ...compiler.prototype.options, ...markdownStyle };
}
