// What a messaging app's link preview reads from one page: open-graph-scraper over the page's HTML.
// Usage: node link_preview.mjs < page.html; prints the scraper's result (ogImage, twitterCard, ogLocale, ...) as JSON.
import ogs from "open-graph-scraper";

let html = "";
process.stdin.setEncoding("utf8");
for await (const chunk of process.stdin) html += chunk;
const { result } = await ogs({ html });
process.stdout.write(JSON.stringify(result));
