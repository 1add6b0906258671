// Drives the moderators' console in a real browser (Debian's headless Chromium) against a running
// `moderate serve --console`: types comments, checks what the page shows, and saves screenshots of
// the desktop and phone layouts under docs/. Run from the project root:
//   node tests/console/console.test.mjs            (after cargo build --release)
// MODERATE_BIN and CHROMIUM override the binary and the browser.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const bin = process.env.MODERATE_BIN ?? "target/release/moderate";
const browserPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const port = 18000 + Math.floor(Math.random() * 2000);
const base = `http://127.0.0.1:${port}`;
mkdirSync("docs", { recursive: true });

const server = spawn(bin, ["serve", "--console", "--addr", `127.0.0.1:${port}`], { stdio: ["ignore", "ignore", "pipe"] });
let serverLog = "";
server.stderr.on("data", (chunk) => { serverLog += chunk; });

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not start:\n${serverLog}`);
}

const browser = await (async () => {
  await waitForServer();
  return chromium.launch({
    executablePath: browserPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
})();

let failed = false;
try {
  // A rejected comment on a desktop screen, typed and sent from the keyboard (Ctrl+Enter).
  const desktopContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
  const desktop = await desktopContext.newPage();
  await desktop.goto(`${base}/`);
  const comment = "Yazan da okuyan da ŞEREFSİZZZ, cok rezil bir haber olmus";
  await desktop.locator("#comment").focus();
  await desktop.keyboard.type(comment);
  await desktop.keyboard.press("Control+Enter");
  await desktop.locator("#decision").waitFor();
  assert.equal(await desktop.locator("#decision").textContent(), "reject");
  const marked = await desktop.locator("#verdict .text").first().locator("mark").allTextContents();
  assert.ok(marked.includes("ŞEREFSİZZZ"), `highlighted: ${marked}`);
  const page = await desktop.locator("#verdict").textContent();
  for (const expected of ["insult", "Yorumunuz hakaret içeriyor.", "Your comment contains an insult.", "tr/insult.txt:", "turkish-characters", "çok"]) {
    assert.ok(page.includes(expected), `the verdict lacks ${JSON.stringify(expected)}`);
  }
  // The fix is one click to copy.
  const copyButton = desktop.locator("#verdict .fix button").first();
  await copyButton.click();
  await desktop.locator("#verdict .fix button", { hasText: "Kopyalandı" }).first().waitFor({ timeout: 5000 });
  const copied = await desktop.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await desktop.locator("#verdict .fix code").first().textContent());
  await desktop.screenshot({ path: "docs/console-desktop.png", fullPage: true });

  // The rules view: every rule of the policy and its version.
  await desktop.locator("#tab-rules").click();
  const rules = await desktop.locator("#rules tr td.rule").allTextContents();
  for (const rule of ["insult", "profanity", "offensive", "belief-attack", "spelling", "turkish-characters", "all-caps"]) {
    assert.ok(rules.includes(rule), `rules view lacks ${rule}: ${rules}`);
  }
  assert.match(await desktop.locator("#policy").textContent(), /sürüm \d+\.\d+\.\d+\+[0-9a-f]+/);
  await desktop.screenshot({ path: "docs/console-rules.png", fullPage: true });

  // The same on a phone, sent with the button; nothing wider than the screen.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(`${base}/`);
  await phone.locator("#comment").fill(comment);
  await phone.locator("#check").tap();
  await phone.locator("#decision").waitFor();
  assert.equal(await phone.locator("#decision").textContent(), "reject");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await phone.screenshot({ path: "docs/console-phone.png", fullPage: true });

  // An approved comment, and a comment a person must decide.
  await phone.locator("#comment").fill("Bu haber çok güzel olmuş, emeğinize sağlık.");
  await phone.locator("#check").tap();
  await phone.locator("#decision", { hasText: "approve" }).waitFor();
  await phone.locator("#comment").fill("Papaz da imam da aynı, hepsi dolandırıcı");
  await phone.locator("#check").tap();
  await phone.locator("#decision", { hasText: "review" }).waitFor();
  assert.ok((await phone.locator("#verdict").textContent()).includes("belief-attack"));
  console.log("console test: all checks passed; screenshots in docs/");
} catch (error) {
  failed = true;
  console.error("console test failed:", error);
} finally {
  await browser.close();
  server.kill();
}
process.exit(failed ? 1 : 0);
