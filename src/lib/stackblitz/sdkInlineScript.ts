/**
 * The one inline script @stackblitz/sdk (1.11) runs: `embedProject` writes an HTML document into
 * the about:blank iframe it creates (createProjectFrameHTML in the SDK), with a form holding the
 * project files and this script to submit it to stackblitz.com. An about:blank iframe inherits the
 * page's Content-Security-Policy, so without this script's hash in `script-src` the form is never
 * posted and StackBlitz never loads. tests/examples/stackblitzSdk.test.ts fails if an SDK update
 * changes the script; tests/browser/examples.test.ts fails if the built policy does not allow it.
 */
export const STACKBLITZ_SDK_INLINE_SCRIPT = "document.getElementById('sb_run').submit();";
