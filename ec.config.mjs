// @ts-check
// Expressive Code options (Starlight's code blocks and the <Code> component). Kept in this file,
// not astro.config.mjs, because options with plugins are not JSON-serializable (the <Code> component
// loads this file on its own).
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { focusableCode } from './src/integrations/focusableCode.mjs';
import { leanCode } from './src/integrations/leanCode.mjs';
import { codeSize } from './src/integrations/codeSize.mjs';

export default defineEcConfig({
  // a11y: code blocks that scroll sideways must be reachable by keyboard. Performance: fewer spans,
  // and each block's size for the browser to hold its place while it is not rendered yet.
  plugins: [focusableCode(), leanCode(), codeSize()],
});
