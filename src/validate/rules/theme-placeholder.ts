import { defineRule } from "../rule.js";

export default defineRule({
  id: "theme-placeholder",
  severity: "warning",
  scope: "priority",
  description: "A heading that still says the template's placeholder instead of the theme",
  docs: `The heading of an update names its theme ("Thriving Places 2008/09 Quarter 4 Performance Update"). A heading that still reads "Leeds Strategic Plan Theme" was not filled in; lsp-report takes the theme from the reference's code instead.
Example: the heading still says the template's "Leeds Strategic Plan Theme"; the reference TP-1a gives Thriving Places
Quiet: for headings that name a theme, whatever its wording ("Health & Well-being", "Health and Wellbeing").
Fix: write the theme's name in the heading.`,
  check({ priority }) {
    if (!priority.themePlaceholder) return [];
    const fromCode = priority.theme ? `; the reference ${priority.reference} gives ${priority.theme}` : "";
    return [{ message: `the heading still says the template's "${priority.headingTheme.trim() || "Leeds Strategic Plan Theme"}"${fromCode}`, location: priority.location }];
  },
});
